@checklist.application.overall
Feature: The application overall
  Everyone who uses the platform every day can log in with their username and password, reach
  their Dashboard and open every page of their menu without an error; nobody is shown another
  role's pages; logging out really ends the session. "And the application overall", as the
  production page puts it.

  @read_only
  Scenario Outline: The <person> logs in on the login screen and lands on their Dashboard
    Given the <person> opens the login page in an incognito window
    When the <person> logs in with their username and password
    Then the <person> sees their "Dashboard" with <what>

    Examples:
      | person    | what                                     |
      | guard     | the cards "Scan, Identity, Manual Entry" |
      | admin     | the button "My QR Code"                  |
      | custodian | the cards "Scan, My Code, Time Card"     |

    # Now and then the platform's client Dashboard freezes the tab (docs/platform-defects.md).
    @defect.application.client_dashboard_freezes
    Examples: A client
      | person    | what                                     |
      | client    | the button "My QR Code"                  |

  @read_only
  Scenario: A wrong password is refused without saying which part was wrong
    Given the guard opens the login page in an incognito window
    When the guard logs in with a wrong password
    Then the login screen says "Wrong username or password"

  # Now and then the platform's client Dashboard freezes the tab (docs/platform-defects.md).
  @read_only @defect.application.client_dashboard_freezes
  Scenario: A login link never sends a person on to another site
    Given the client opens, in an incognito window, a login link that leads on to another site
    When the client logs in there with their username and password
    Then the client lands on their "Dashboard", on the community's own site

  # Now and then the platform's client Dashboard freezes the tab (docs/platform-defects.md).
  @defect.application.client_dashboard_freezes
  Scenario: Someone whose password an admin reset sets a new one at their next login
    Given an admin has reset the password of a new client "Chipo Mwale"
    When the new client logs in with the password the admin gave them
    Then the new client is asked to "Set Password"
    When the new client sets a new password of their own
    Then the new client lands on their "Dashboard"
    When the new client logs out and logs in again with the password they set
    Then the new client lands on their "Dashboard"
    And the password the admin gave them no longer logs the new client in

  # Opened from the menu as a person does. The platform's refusal of a single field the role may not
  # read is its design, not an error of the page; a whole request refused is one. On the platform two
  # menus hold pages refused their data and the admin's Action Flows asks what it cannot
  # (docs/platform-defects.md): those are red there on purpose.
  @read_only
  Scenario Outline: Every page of the <person>'s menu opens without an error
    Given the <person> is logged in
    When the <person> opens every page of their menu
    Then each page opened without a not-found page or a browser console error
    And the menu had at least <pages> pages

    @defect.application.menu_page_refused_its_data
    Examples: Menus holding a page refused its data on the platform
      | person    | pages |
      | guard     | 3     |
      | custodian | 4     |

    @defect.application.action_flows_requests_refused
    Examples: The admin's menu
      | person    | pages |
      | admin     | 9     |

    @defect.application.client_dashboard_freezes
    Examples: The client's menu
      | person    | pages |
      | client    | 4     |

  # Not shown the page, and not given what it holds nor let do what it does, when asking the platform directly.
  @read_only
  Scenario Outline: The <person> is not shown <page>
    Given the <person> is logged in
    When the <person> types the address of <page>
    Then the <person> is not shown <page>
    And the platform refuses the <person> what <page> asks it for, even when asked directly

    Examples:
      | person    | page                      |
      | guard     | the payments dashboard    |
      | guard     | the guest invitation form |
      | client    | the logbook               |
      | client    | the time card             |
      | custodian | the logbook               |
      | custodian | the payments dashboard    |

  @read_only
  Scenario: Logging out ends the session, and going back does not show the page again
    Given the admin is logged in
    And the admin is looking at the logbook
    When the admin logs out from the menu
    And the admin goes back in the browser
    Then the admin sees the login screen, not the logbook

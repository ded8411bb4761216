@checklist.application.overall
Feature: The application overall
  Everyone who uses the platform every day can log in, reach their home page and open every page
  of their menu without an error; nobody can open another role's pages; logging out really ends
  the session. "And the application overall", as the production page puts it.

  @read_only
  Scenario Outline: The <person> logs in through the login page and reaches their home page
    Given the <person> opens the login page in an incognito window
    When the <person> logs in with their email and password
    Then the <person> sees their home page, welcomed by name

    Examples:
      | person    |
      | guard     |
      | admin     |
      | custodian |
      | client    |

  @read_only
  Scenario Outline: Every page of the <person>'s menu opens without an error
    Given the <person> is logged in
    When the <person> opens every page of their menu
    Then each page opened without a server error, a not-found page or a browser console error
    And the menu had at least <pages> pages

    Examples:
      | person    | pages |
      | guard     | 4     |
      | admin     | 7     |
      | custodian | 4     |
      | client    | 4     |

  @read_only
  Scenario Outline: The <person> cannot open <page>
    Given the <person> is logged in
    When the <person> types the address of <page>
    Then the <person> sees "Oops. Looks like we can't find your page."

    Examples:
      | person    | page                       |
      | guard     | the payments dashboard     |
      | guard     | the guest invitation form  |
      | client    | the logbook                |
      | client    | the time card              |
      | custodian | manual entry               |
      | custodian | the payments dashboard     |
      | admin     | manual entry               |

  @read_only
  Scenario: A wrong password is refused without saying which part was wrong
    Given the guard opens the login page in an incognito window
    When the guard logs in with a wrong password
    Then the login page says "Invalid email or password"

  @read_only
  Scenario: Logging out ends the session, and going back does not show the page again
    Given the admin is logged in
    And the admin is looking at the logbook
    When the admin logs out
    And the admin goes back in the browser
    Then the admin sees the login page, not the logbook

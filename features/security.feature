@checklist.application.overall @security
Feature: Who may do what
  The application overall works only when nobody can do what they may not: log in as someone else, read
  another client's payments, walk off the community's site through a link or a scanned code, or go on
  with a session they ended. Each scenario asks the platform what an attacker would ask, the way any
  client of its API can ask it, and only about people the run itself made; the read-only ones run on
  production too.

  @defect.application.password_takeover
  Scenario Outline: Nobody sets another person's password: <attacker> on a new <role>
    Given a new <role> "<name>" who has set a password of their own
    When <attacker> asks the platform to set a new password for the new <role>
    Then the new <role>'s own password still works
    And the platform handed <attacker> no token

    Examples:
      | attacker                  | role   | name         |
      | someone not logged in     | admin  | Mutale Phiri |
      | the client                | admin  | Chileshe Tembo |
      | the guard                 | client | Natasha Zulu |

  @defect.application.password_reset_by_anyone
  Scenario: Nobody resets another person's password by their e-mail address without logging in
    Given a new client "Chanda Mwila" with an e-mail address, who has set a password of their own
    When someone not logged in asks the platform to reset the new client's password by their e-mail address
    Then the new client's own password still works

  @read_only
  Scenario Outline: Who may <what>: <operation>
    When each person asks the platform for "<operation>", and so does someone not logged in
    Then "<operation>" is <not logged in> to someone not logged in, <guard> to the guard, <custodian> to the custodian, <client> to the client and <admin> to the admin

    Examples: what the suite itself asks of the platform
      | operation             | what                                   | not logged in | guard   | custodian | client  | admin   |
      | PropertyCreate        | make a plot                            | refused       | refused | refused   | refused | allowed |
      | adminResetPassword    | reset a person's password              | refused       | refused | refused   | refused | allowed |
      | categoryCreate        | add a section to a form                | refused       | refused | refused   | refused | allowed |
      | entryRequestGrant     | let a waiting visitor in at the gate   | refused       | allowed | refused   | refused | allowed |
      | formCreate            | make a form                            | refused       | refused | refused   | refused | allowed |
      | formPropertiesCreate  | add a field to a form                  | refused       | refused | refused   | refused | allowed |
      | formUpdate            | change or publish a form               | refused       | refused | refused   | refused | allowed |
      | formUserCreate        | send someone else's answers to a form  | refused       | refused | refused   | refused | allowed |
      | invitationCreate      | invite a guest                         | refused       | refused | allowed   | allowed | allowed |
      | loginUsernamePassword | log in with a username and password    | allowed       | allowed | allowed   | allowed | allowed |
      | manageShift           | start or end a worker's shift          | refused       | refused | allowed   | refused | refused |
      | noteAssign            | assign a task                          | refused       | allowed | allowed   | refused | allowed |
      | noteCreate            | make a task                            | refused       | allowed | allowed   | refused | allowed |
      | paymentPlanCreate     | make a payment plan                    | refused       | refused | refused   | refused | allowed |
      | transactionCreate     | record a payment                       | refused       | refused | refused   | refused | allowed |
      | transactionRevert     | revert a payment                       | refused       | refused | refused   | refused | allowed |
      | userCreate            | add a person                           | refused       | allowed | allowed   | allowed | allowed |
      | communityUpdate       | change the community's settings        | refused       | refused | refused   | refused | allowed |
      | allEventLogs          | read the logbook                       | refused       | allowed | refused   | refused | allowed |
      | currentUser           | read who they are                      | refused       | allowed | allowed   | allowed | allowed |
      | flaggedNotes          | list the tasks                         | refused       | allowed | allowed   | refused | allowed |
      | formUser              | read someone else's form submission    | refused       | refused | refused   | refused | allowed |
      | scheduledRequests     | list the community's invitations       | refused       | allowed | allowed   | allowed | allowed |
      | task                  | read a task                            | refused       | allowed | allowed   | refused | allowed |
      | timeSheetLogs         | read every worker's latest shift       | refused       | refused | allowed   | refused | allowed |
      | userLastShift         | read a worker's last shift             | refused       | refused | allowed   | refused | allowed |
      | userSearch            | search for people                      | refused       | allowed | allowed   | allowed | allowed |
      | userTimeSheetLogs     | read someone else's time sheet         | refused       | allowed | allowed   | refused | allowed |
      | userTransactions      | read someone else's transactions       | refused       | refused | refused   | refused | allowed |

    Examples: what an attacker asks of the platform
      | operation             | what                                   | not logged in | guard   | custodian | client  | admin   |
      | resetPassword         | ask for a password reset by e-mail     | allowed       | allowed | allowed   | allowed | allowed |
      | loginEmail            | ask for a login link by e-mail         | allowed       | allowed | allowed   | allowed | allowed |
      | paymentsList          | read the community's payments          | refused       | refused | refused   | refused | allowed |
      | paymentReceipt        | read someone else's receipt            | refused       | refused | refused   | refused | allowed |

    @defect.application.password_takeover
    Examples: setting someone else's password, which only the person or an admin may
      | operation               | what                                 | not logged in | guard   | custodian | client  | admin   |
      | resetPasswordAfterLogin | set someone else's password          | refused       | refused | refused   | refused | allowed |

    @defect.application.gate_entry_by_anyone
    Examples: logging someone's entry at the gate, which only those who let people in may
      | operation             | what                                   | not logged in | guard   | custodian | client  | admin   |
      | activityLogAdd        | log a person's entry at the gate       | refused       | allowed | refused   | refused | allowed |

    @defect.application.anonymous_update_crashes
    Examples: changing someone's details, refused without a login rather than crashing
      | operation             | what                                   | not logged in | guard   | custodian | client  | admin   |
      | userUpdate            | change a person's details              | refused       | refused | refused   | refused | allowed |

    @defect.application.nameless_visitor_crashes
    Examples: recording a visitor without a name, told why rather than crashing
      | operation             | what                                   | not logged in | guard   | custodian | client  | admin   |
      | entryRequestCreate    | record a visitor at the gate           | refused       | allowed | allowed   | allowed | allowed |

    @defect.application.missing_submission_crashes
    Examples: reading answers nobody gave, told so rather than crashing
      | operation             | what                                   | not logged in | guard   | custodian | client  | admin   |
      | formUserProperties    | read someone else's form answers       | refused       | refused | refused   | refused | allowed |

  @read_only
  Scenario: The security guard is refused the community's payments and a client's transactions
    Given the guard is logged in
    When the guard asks the platform for the community's payments and for the client's transactions
    Then the platform refuses the guard both
    When the guard types the address of the payments dashboard
    Then the guard is not shown the payments dashboard

  Scenario: A client is refused another client's transactions and receipts
    Given a new client "Bwalya Mumba" has paid towards a plan of their own
    And the client is logged in
    When the client asks the platform for the transactions and a receipt of the new client
    Then the platform refuses the client both
    When the client opens the new client's transactions by their address
    Then the new client's transactions are not shown to the client

  @read_only
  Scenario Outline: A login link that hides another site behind <trick> keeps the person on the site
    Given the client opens, in an incognito window, a login link that hides another site behind <trick>
    When the client logs in there with their username and password
    Then the client is still on the community's own site

    Examples:
      | trick                      |
      | a tab                      |
      | a newline                  |
      | a backslash                |
      | an encoded double slash    |
      | a whole address            |
      | the next parameter         |

  @read_only @camera
  Scenario Outline: A scanned code that hides another site behind <trick> keeps the guard on the site
    Given the guard is logged in
    When the guard scans a code of the community's own address that hides another site behind <trick>
    Then the guard is still on the community's own site

    Examples:
      | trick                      |
      | a double slash             |
      | a backslash                |
      | an encoded double slash    |

    @defect.application.scanned_code_runs_script
    Examples: a code the scanner must not run
      | trick                      |
      | a script address           |

  @defect.application.logout_keeps_token
  Scenario: After logging out, the token a person held opens nothing any more
    Given a new client "Mwila Banda" who has set a password of their own
    And the new client is logged in
    When the new client logs out from the menu
    Then the token the new client held no longer opens anything

  @defect.application.login_email_names_person
  Scenario: Someone not logged in learns nothing about a person from the login by e-mail
    Given a new client "Thandiwe Phiri" with an e-mail address, who has set a password of their own
    When someone not logged in asks the platform for a login link for the new client's e-mail address, and for an address nobody has
    Then the platform answers both alike, naming nobody

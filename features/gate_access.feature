@checklist.gate_access
Feature: Gate Access
  Guards let people in at the gate in three ways: by scanning the QR code of a person's ID,
  by recording a visitor by hand, and by granting a guest an admin registered in advance.
  Every decision is written to the logbook, where an admin checks it.
  These scenarios follow the production page's "Gate Access Test", scripts 1.1 to 1.3.

  # Script 1.1.1: "If you don't use a mobile phone"
  @checklist.gate_access.scan_entry
  Scenario: Scan entry without a phone: the guard opens the admin's profile with today's timestamp
    Given the guard is logged in, in an incognito window
    And the admin is logged in, in their regular browser
    When the guard finds the admin "An Admin User"
    And on the admin's profile the guard adds today's timestamp to the address, as a digital scan
    And the guard selects "Log This Entry"
    Then the admin sees in the logbook a "Digital Scan" entry for "An Admin User", logged by the guard
    And the entry shows the timestamp that was scanned

  # Script 1.1.2: "If you have a mobile phone"
  @checklist.gate_access.scan_entry
  Scenario: Scan entry with a phone: the guard scans the QR code on the admin's phone
    Given the guard is logged in, in an incognito window
    And the admin is logged in on their phone
    And the admin is logged in, in their regular browser
    When the admin selects the ID tile to display the QR code on the phone
    And the guard scans the QR code on the admin's phone
    Then the guard sees the profile of "An Admin User" as a "Digital Scan"
    When the guard selects "Log This Entry"
    Then the admin sees in the logbook a "Digital Scan" entry for "An Admin User", logged by the guard

  @checklist.gate_access.scan_entry
  Scenario: The scanner refuses a code that belongs to another site
    Given the guard is logged in, in an incognito window
    When the guard scans a code that points to another site
    Then the scanner says "Invalid QRCode Data"
    And nothing has been written to the logbook

  # Script 1.2: "Manual Entry"
  @checklist.gate_access.manual_entry
  Scenario: Manual entry: the guard grants a visitor and adds an observation
    Given the guard is logged in, in an incognito window
    When the guard clicks on the "Manual Entry" card on the guard's home page
    And the guard fills in the form with the visitor's details:
      | field   | value            |
      | name    | Test Manual User |
      | phone   | +260971234567    |
      | nrc     | 123456/10/1      |
      | vehicle | ABZ 1234         |
      | company | Test Co          |
      | reason  | client           |
    And the guard clicks Grant
    And the guard adds the observation "Observation example" and saves
    And the guard goes to the logbook from the left menu
    Then the logbook shows "Test Manual User" as a "Manual Entry" with "Granted Access", logged by the guard
    And the entry for "Test Manual User" carries the observation "Observation example"

  @checklist.gate_access.manual_entry
  Scenario: A visitor the guard denies is logged as denied
    Given the guard is logged in, in an incognito window
    When the guard opens Manual Entry
    And the guard fills in the form with the visitor's details:
      | field   | value          |
      | name    | Denied Visitor |
      | phone   | +260970000001  |
      | nrc     | 999999/99/9    |
      | vehicle | XYZ 9          |
      | reason  | sales          |
    And the guard clicks Deny
    And the guard closes the observation dialog without a note
    Then the logbook has "Denied Visitor" as a "Manual Entry" with "Denied", logged by the guard

  @checklist.gate_access.manual_entry
  Scenario Outline: The manual entry form names the missing required field: <field>
    Given the guard is logged in, in an incognito window
    When the guard opens Manual Entry
    And the guard fills in a visitor's details without the <field>
    And the guard clicks Grant
    Then the form says "<message>"
    And nothing has been written to the logbook

    Examples:
      | field   | message                          |
      | name    | Full Name is Required            |
      | phone   | Phone Number is Required         |
      | nrc     | NRC/ID is Required               |
      | vehicle | Vehicle Plate Number is Required |
      | reason  | Reason for visit is Required     |

  # Script 1.3.1: "Creating a registered guest"
  @checklist.gate_access.registered_guests
  Scenario: An admin registers a guest for today, in community time
    Given it is 09:30 in the community
    And the admin is logged in, in an incognito window
    When the admin goes to the logbook and clicks on invite guest
    And the admin invites "Grace Banda" for today from 09:00 to 12:00
    Then the Registered Guests tab lists "Grace Banda" with "Time 09:00 - 12:00" as "Valid"

  # Script 1.3.2: "Granting access to a registered guest"
  @checklist.gate_access.registered_guests
  Scenario: Granting access to a registered guest whose visit is valid now
    Given it is 09:30 in the community
    And "Grace Banda" is registered as a guest for today from 09:00 to 12:00
    And the admin is logged in, in an incognito window
    When the admin opens the registered guests tab of the logbook
    Then "Grace Banda" is shown as "Valid" for "Time 09:00 - 12:00"
    When the admin grants access to "Grace Banda" with the observation "Arrived by taxi"
    Then the logbook shows "Grace Banda" as a "Registered Guest" with "Granted Access", logged by the admin
    And the entry for "Grace Banda" carries the observation "Arrived by taxi"

  @checklist.gate_access.registered_guests
  Scenario: A registered guest outside their visiting window cannot be granted
    Given it is 13:00 in the community
    And "Peter Zulu" is registered as a guest for today from 09:00 to 12:00
    And the guard is logged in, in an incognito window
    When the guard opens the registered guests tab of the logbook
    Then "Peter Zulu" is shown as "Invalid now" for "Time 09:00 - 12:00"
    And the guard cannot grant access to "Peter Zulu"

  @checklist.gate_access.registered_guests
  Scenario: A guest invited for other weekdays is not valid today
    Given it is 10:00 in the community
    And "Ruth Mumba" is registered as a guest repeating on the other weekdays from 09:00 to 12:00
    And the guard is logged in, in an incognito window
    When the guard opens the registered guests tab of the logbook
    Then "Ruth Mumba" is shown as "Invalid today" for "Time 09:00 - 12:00"
    And the guard cannot grant access to "Ruth Mumba"

  # Read-only checks: they change nothing and need no prepared data, so they also run on production.
  @checklist.gate_access.manual_entry @read_only
  Scenario: The guard's Manual Entry form asks for what the platform requires
    Given the guard is logged in
    When the guard clicks on the "Manual Entry" card on the guard's home page
    Then the manual entry form requires "Full Name, NRC/ID, Phone Number, Vehicle Plate Number, Reason for visit"
    And the guard can Grant or Deny

  @checklist.gate_access.scan_entry @read_only
  Scenario: The QR code on the admin's phone opens the admin's profile for the guard, ready to log
    Given the guard is logged in, in an incognito window
    And the admin is logged in on their phone
    When the admin opens the My Code card on the phone
    And the guard scans the QR code on the admin's phone
    Then the guard sees the admin's profile as a "Digital Scan", with "Log This Entry" offered

  @checklist.gate_access.registered_guests @read_only
  Scenario: The registered guests and the guest invitation are there for the admin
    Given the admin is logged in
    When the admin opens the registered guests tab of the logbook
    Then every registered guest shows whether their visit is valid now
    When the admin clicks on invite guest
    Then the invitation asks for "First Name, Last Name, Phone Number, Company Name, Day of visit, Visit start time, Visit end time"

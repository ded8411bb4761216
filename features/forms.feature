@checklist.forms
Feature: Forms
  "Creating a form" and "Submitting a form" must always work on production. An admin creates a form
  (its title and description), adds categories holding fields of the platform's kinds, marks some of
  them required, and publishes it for clients. A client finds it under "Submit Form" on their "My
  Forms" page, fills it in and submits it, or saves it as a draft to finish later; a form with a
  preview shows its contract, with the answers in it, before it is submitted. The admin reads the
  submissions in the form's entries. A form that is not published is never offered to clients.
  Every text quoted is the platform's own.

  @checklist.forms.create_form @read_only
  Scenario: The admin finds the forms and the form to create one, without creating anything
    Given the admin is logged in
    When the admin goes to "Manage Forms" from the menu
    Then the admin sees the "Forms" page offering "Create a form"
    When the admin starts a new form
    Then the new form asks for "Form Title, Form Description, Form Expiry Date"
    And the new form offers the switches "Limit to 1 response, Should have a preview, Form has Terms and Conditions, Make Public / QR Code"

  @checklist.forms.create_form
  Scenario: An admin creates a form, adds a category with fields of every kind, and publishes it
    Given the admin is logged in
    When the admin creates the form "Renovation Permit" described as "Tell us about the works"
    Then the admin is told "Form Successfully created"
    And the forms list includes "Renovation Permit"
    When the admin opens the builder of "Renovation Permit"
    And the admin adds the category "Works" described as "What the works are"
    Then the admin is told "Successfully created a category"
    When the admin adds to the category "Works" the fields:
      | name        | type           | required | options                 |
      | Contractor  | Text           | yes      |                         |
      | Details     | Multiline Text | no       |                         |
      | Start Date  | Date           | yes      |                         |
      | Start Time  | Time           | no       |                         |
      | Inspection  | Date with Time | no       |                         |
      | Plot Type   | Dropdown       | no       | Residential, Commercial |
      | Noise Level | Radio          | yes      | Low, Medium, High       |
      | Works       | Checkbox       | no       | Roof, Walls             |
    Then every field was confirmed with "Successfully added a form field"
    And the builder shows the fields "Contractor, Details, Start Date, Start Time, Inspection, Plot Type, Noise Level, Works"
    When the admin publishes the form, confirming "Are you sure you are ready to publish this form?"
    Then the admin is told "Successfully published the form"

  # The platform's own check (Cypress forms.js): what the builder marks as required is required on the form.
  @checklist.forms.create_form @checklist.forms.submit_form
  Scenario: What the builder marks as required is required on the client's form
    Given the admin has started the form "Pet Registration" with the category "Pet"
    And the admin is logged in
    And the client is logged in
    When the admin opens the builder of "Pet Registration"
    And the admin adds to the category "Pet" the fields:
      | name       | type     | required | options  |
      | Pet Name   | Text     | yes      |          |
      | Species    | Dropdown | yes      | Dog, Cat |
      | Born On    | Date     | yes      |          |
      | Colour     | Text     | no       |          |
      | Vaccinated | Radio    | no       | Yes, No  |
    And the admin publishes the form, confirming "Are you sure you are ready to publish this form?"
    And the client opens the form "Pet Registration" from their forms
    And the client submits the form
    Then the client is told "Required fields must be filled"
    And the form marks only "Pet Name, Species, Born On" with "is Required"

  # The platform's entry does not show a multi-line answer, and shows 17:15 as "05:15" (docs/platform-defects.md).
  @checklist.forms.submit_form @defect.forms.entry_answers_misshown
  Scenario: A client fills in a published form and submits it, and the admin reads the entry
    Given a published form "Gate Pass Request" with the fields:
      | name         | type           | required | options          |
      | Visitor Name | Text           | yes      |                  |
      | Purpose      | Multiline Text | no       |                  |
      | Visit Date   | Date           | yes      |                  |
      | Arrival      | Time           | no       |                  |
      | Departure    | Date with Time | no       |                  |
      | Gate         | Dropdown       | yes      | North, South     |
      | Vehicle      | Radio          | no       | Car, Truck       |
      | Items        | Checkbox       | no       | Tools, Furniture |
    And the client is logged in
    And the admin is logged in
    When the client opens the form "Gate Pass Request" from their forms
    And the client answers:
      | field        | answer           |
      | Visitor Name | John Phiri       |
      | Purpose      | Delivering tools |
      | Visit Date   | 2026-12-01       |
      | Arrival      | 13:30            |
      | Departure    | 2026-12-01 17:15 |
      | Gate         | South            |
      | Vehicle      | Truck            |
      | Items        | Tools, Furniture |
    And the client submits the form
    Then the client is told "You have successfully submitted the form"
    And the client is then taken to their "Dashboard"
    When the admin opens the entries of "Gate Pass Request"
    Then the entries list one "pending" entry of version 1, submitted today by the client
    When the admin opens that entry
    Then the entry holds the client's answers

  @checklist.forms.submit_form
  Scenario: A client saves a form as a draft: it is kept for them, and the admin sees it as a draft
    Given a published form "Club Membership" with the fields:
      | name      | type | required |
      | Full Name | Text | yes      |
      | Club      | Text | yes      |
    And the client is logged in
    And the admin is logged in
    When the client opens the form "Club Membership" from their forms
    And the client answers:
      | field     | answer      |
      | Full Name | Mary Client |
    And the client saves the form as a draft
    Then the client is told "You have successfully saved the form as draft"
    And the client's own forms list "Club Membership"
    When the client opens their own "Club Membership"
    Then the form still holds the client's answers
    When the admin opens the entries of "Club Membership"
    Then the entries list one "draft" entry of version 1, submitted today by the client

  # The platform's own check (Cypress forms.js): a form with a preview shows the contract with the answers.
  @checklist.forms.submit_form
  Scenario: A form with a preview shows the contract, with the answers in it, before it is submitted
    Given a published form "Lease Agreement" with a preview reading "Previewing: Tenant: #tenant, Rooms: #rooms" and the fields:
      | name   | type     | required | options  |
      | Tenant | Text     | yes      |          |
      | Rooms  | Checkbox | yes      | One, Two |
    And the client is logged in
    When the client opens the form "Lease Agreement" from their forms
    And the client answers:
      | field  | answer     |
      | Tenant | John Phiri |
      | Rooms  | Two        |
    And the client submits the form
    Then the client is shown the "Contract Preview" reading "Previewing: Tenant: John Phiri, Rooms: Two"
    When the client confirms the contract
    Then the client is told "You have successfully submitted the form"

  # The platform shows a form that is not published to anyone who has its address, and takes answers to it
  # (docs/platform-defects.md).
  @checklist.forms.create_form @checklist.forms.submit_form @defect.forms.draft_form_by_link
  Scenario: A form that is not published is not offered to clients, and its address and answers sent to it are refused
    Given a draft form "Noise Complaint" with the fields:
      | name    | type | required |
      | Details | Text | yes      |
    And the client is logged in
    And the admin is logged in
    When the client goes to "My Forms" from the menu
    Then "Noise Complaint" is not among the forms offered to the client
    When the client follows a link to the form "Noise Complaint"
    Then the form's page says "Something went wrong while accessing this form"
    When the client sends answers to "Noise Complaint" all the same, directly:
      | field   | answer      |
      | Details | Loud music  |
    Then the platform refused it, every way it was sent
    When the admin opens the entries of "Noise Complaint"
    Then the entries list no entry

  # Only those who build forms publish them: a request to publish that comes from a client, the builder's own or
  # the platform's formUpdate, is refused, and the form stays unoffered.
  @checklist.forms.create_form
  Scenario: A client may not publish a form, even when they send the builder's own request directly
    Given a draft form "Bus Pass" with the fields:
      | name  | type | required |
      | Route | Text | yes      |
    And the admin is logged in
    And the client is logged in
    When the client publishes "Bus Pass" all the same, sending it directly
    Then the platform refused it, every way it was sent
    When the client goes to "My Forms" from the menu
    Then "Bus Pass" is not among the forms offered to the client

  # The form's page will not go without its required answers; the platform must not take them without either
  # when they come directly: the form's own Submit request, and the platform's formUserCreate (docs/platform-defects.md).
  @checklist.forms.submit_form @defect.forms.required_answers_unchecked
  Scenario: A form's required fields are required even when the answers are sent directly
    Given a published form "Bike Permit" with the fields:
      | name   | type | required |
      | Owner  | Text | yes      |
      | Colour | Text | no       |
    And the client is logged in
    And the admin is logged in
    When the client sends answers to "Bike Permit" all the same, directly:
      | field  | answer |
      | Colour | Red    |
    Then the platform refused it, every way it was sent
    When the admin opens the entries of "Bike Permit"
    Then the entries list no entry

  # A person's answers are theirs and the admins': not another client's, by the submission's own address, by that
  # address with the client's own id in the owner's place, nor asked directly (docs/platform-defects.md).
  @checklist.forms.submit_form @defect.forms.submission_of_anyone
  Scenario: A client is never shown another person's form submission, by its address or asked directly
    Given a published form "Dog Licence" with the fields:
      | name     | type | required |
      | Dog Name | Text | yes      |
    And the custodian has submitted "Dog Licence", answering "Dog Name" with "Rex the Brave"
    And the client is logged in
    When the client follows a link to the custodian's "Dog Licence" submission
    Then the custodian's answers are not shown to the client
    When the client opens the custodian's "Dog Licence" submission at an address naming the client instead
    Then the custodian's answers are not shown to the client
    And the platform gives the client none of the custodian's answers, even when asked directly

  # A form's expiry date sat on: a minute before it the form is offered and answers are taken; from it on, neither.
  @checklist.forms.submit_form @needs_clock
  Scenario Outline: A form that expires at 17:00, at <time>: offered, <offered>; answers sent to it, <taken>
    Given it is 09:00 in the community
    And a published form "Market Stall" that expires today at 17:00, with the fields:
      | name  | type | required |
      | Stall | Text | yes      |
    And it is <time> in the community
    And the client is logged in
    And the admin is logged in
    When the client goes to "My Forms" from the menu
    Then "Market Stall" <is offered or not> among the forms offered to the client
    When the client sends answers to "Market Stall" all the same, directly:
      | field | answer     |
      | Stall | Vegetables |
    Then the platform <taken> it, every way it was sent

    Examples:
      | time  | offered | is offered or not | taken   |
      | 16:59 | yes     | is                | took    |
      | 17:00 | no      | is not            | refused |
      | 17:01 | no      | is not            | refused |

  @checklist.forms.submit_form @read_only
  Scenario: A client finds the forms they can fill in, without submitting anything
    Given the client is logged in
    When the client goes to "My Forms" from the menu
    Then the client is offered to "Submit Form", and shown their own forms or told "No Forms"

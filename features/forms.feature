@checklist.forms
Feature: Forms
  An admin builds a form: a title, a description and fields of the types text, date, dropdown,
  radio and checkbox, each optionally required. Once published, clients find it among their
  forms and submit it. A required field left empty says "Required" and nothing is saved.
  The admin reads every submission, with its values, in the form's entries.

  @checklist.forms.create_form @read_only
  Scenario: The admin can reach the forms and start a new one
    Given the admin is logged in
    When the admin opens the forms from the left menu
    Then the admin is offered to create a form

  @checklist.forms.create_form
  Scenario: An admin creates a form with a field of every type and publishes it
    Given the admin is logged in
    And the client is logged in
    When the admin opens the forms from the left menu
    Then the forms page says "No Forms"
    When the admin creates a form "Renovation Permit" described as "Tell us about the works"
    And the admin adds the fields:
      | name        | type     | required | options                 |
      | Contractor  | text     | yes      |                         |
      | Start Date  | date     | yes      |                         |
      | Plot Type   | dropdown | no       | Residential, Commercial |
      | Noise Level | radio    | yes      | Low, Medium, High       |
      | Works       | checkbox | no       | Roof, Walls, Fence      |
    And the admin publishes the form
    Then the forms list shows "Renovation Permit" as "Published"
    When the client opens "Renovation Permit" from the forms
    Then the form asks for "Contractor, Start Date, Plot Type, Noise Level, Works"

  @checklist.forms.create_form
  Scenario: A choice field needs options
    Given the admin is logged in
    When the admin opens the forms from the left menu
    And the admin creates a form "Pet Registration" described as "Pets living on the estate"
    And the admin tries to add a dropdown field "Species" without options
    Then the form builder says "Add at least one option"

  @checklist.forms.create_form
  Scenario: A form that is not published yet is not shown to clients
    Given a draft form "Pet Registration" with the fields:
      | name     | type | required |
      | Pet Name | text | yes      |
    And the client is logged in
    When the client opens the forms from the left menu
    Then the forms page says "No Forms"

  @checklist.forms.submit_form
  Scenario: A client submits a form and the admin sees the entry with its values
    Given a published form "Gate Pass Request" with the fields:
      | name         | type     | required | options          |
      | Visitor Name | text     | yes      |                  |
      | Visit Date   | date     | yes      |                  |
      | Gate         | dropdown | yes      | North, South     |
      | Vehicle      | radio    | no       | Car, Truck       |
      | Items        | checkbox | no       | Tools, Furniture |
    And the client is logged in
    And the admin is logged in
    When the client opens "Gate Pass Request" from the forms
    And the client fills in the form:
      | field        | value            |
      | Visitor Name | John Phiri       |
      | Visit Date   | 2026-12-01       |
      | Gate         | South            |
      | Vehicle      | Truck            |
      | Items        | Tools, Furniture |
    And the client submits the form
    Then the forms page confirms "Form submitted successfully"
    When the admin opens the entries of "Gate Pass Request"
    Then the entries show one submission by "Mary Client" with the status "Pending"
    And the entry shows the values:
      | field        | value            |
      | Visitor Name | John Phiri       |
      | Visit Date   | 2026-12-01       |
      | Gate         | South            |
      | Vehicle      | Truck            |
      | Items        | Tools, Furniture |

  @checklist.forms.submit_form
  Scenario: Required fields left empty say "Required" and nothing is saved
    Given a published form "Gate Pass Request" with the fields:
      | name         | type     | required | options          |
      | Visitor Name | text     | yes      |                  |
      | Visit Date   | date     | yes      |                  |
      | Gate         | dropdown | yes      | North, South     |
      | Vehicle      | radio    | yes      | Car, Truck       |
      | Items        | checkbox | yes      | Tools, Furniture |
      | Remarks      | text     | no       |                  |
    And the client is logged in
    When the client opens "Gate Pass Request" from the forms
    And the client fills in the form:
      | field   | value       |
      | Remarks | Coming late |
    And the client submits the form
    Then the submission is refused with "Required fields must be filled"
    And "Required" is shown at "Visitor Name, Visit Date, Gate, Vehicle, Items"
    And no entry has been saved for "Gate Pass Request"

  # Read-only: looks without submitting, so it also runs on production.
  @checklist.forms.submit_form @read_only
  Scenario: The client sees the community's published forms
    Given the client is logged in
    When the client opens the forms from the left menu
    Then the client sees the published forms to fill in, or that there are none

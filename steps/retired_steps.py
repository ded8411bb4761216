"""Wordings of earlier features whose meaning no step has now: each is still recognised, and a scenario using
one fails at once saying why, and what to write instead (docs/steps.md, "Retired wordings").

Every other earlier wording still runs, as an old wording of its step (`@reworded` beside the step).
"""

from prodready.scenario.wording import retire

NO_COUNTS = "the Task Dashboard has no tiles with counts: its quick filters list tasks, and other tasks of the community may be listed"
NO_FILTERS = "the payments dashboard offers no filters and no totals in the platform's version judged here"
BY_HAND = "the platform's manual entry is filled with a visitor the suite makes up, not typed from a table"
VISIT_TIMES = (
    "invitations are made for a visit around the time the scenario runs (a live deployment's clock cannot be set)"
)

# -- the application overall ----------------------------------------------------------------------------
retire(
    "then",
    'the {who:Persona} sees "{headline:Ui}"',
    "the platform refuses another role's pages with different not-found pages; the step checks the page is withheld",
    "the {who} is not shown {page}",
)
retire(
    "then",
    "the {who:Persona} sees their home page, welcomed by name",
    "the platform's Dashboard shows no name",
    'the {who} sees their "Dashboard" with the cards "…" (or the button "My QR Code")',
)

# -- gate access ----------------------------------------------------------------------------------------
retire(
    "given",
    '"{name}" is registered as a guest for today from {start:Time} to {end:Time}',
    VISIT_TIMES,
    '"{name}" is invited for today, from an hour ago to an hour from now',
)
retire(
    "given",
    '"{name}" is registered as a guest repeating on the other weekdays from {start:Time} to {end:Time}',
    VISIT_TIMES,
    '"{name}" is invited on every weekday but today\'s, from an hour ago to an hour from now',
)
retire(
    "when",
    'the admin invites "{name}" for today from {start:Time} to {end:Time}',
    "the invitation is now filled in three steps, the visit around the time the scenario runs",
    'the admin adds the new guest "{name}"; the admin sets the visit for today, from an hour ago to an hour from '
    'now; the admin clicks "Invite Guest"',
)
retire(
    "then",
    '"{name}" is shown as "{validity:Ui}" for "{time}"',
    "an invitation on the guard's list is checked with its Grant Access button",
    '"{name}" is shown as "{validity}" with "Grant Access" enabled',
)
retire(
    "then",
    'the Registered Guests tab lists "{name}" with "{time}" as "{validity:Ui}"',
    "the logbook has no Registered Guests tab: the admin's guests are on My Guests",
    '"My Guests" lists "{name}" as "{validity}" at that time',
)
retire(
    "then",
    'the guard cannot grant access to "{name}"',
    "the invitation's validity and its Grant Access button are checked together",
    '"{name}" is shown as "Invalid now" with "Grant Access" disabled',
)
retire(
    "then",
    "nothing has been written to the logbook",
    "the logbook holds everyone's entries: the step names whose entry is not there",
    'the logbook has nothing about "{name}" (or: no scan by the guard has been logged)',
)
retire(
    "when",
    "the guard fills in the form with the visitor's details:",
    BY_HAND,
    'the guard fills in the form with the required fields of the visitor "{name}"',
)
retire("then", "the guard can Grant or Deny", "no step checks the two buttons alone", "the guard clicks Grant")
retire(
    "then",
    'the manual entry form requires "{labels:UiList}"',
    "the platform names the missing fields once Grant is pressed",
    'the form says "Name is Required, ID is Required, Vehicle Plate Number is Required, Reason is Required"',
)
retire(
    "then",
    'the manual entry form is the "{step:Ui}" step',
    "the manual entry form is checked by its page's title",
    'the guard is on the first step of the "Entry Request"',
)
retire(
    "then",
    'the observation\'s buttons say "{labels:UiList}"',
    "the buttons are checked by the word they start with, before and after a note",
    'the observation\'s buttons say "Save" where they said "Skip"',
)
retire(
    "then",
    'the guard sees the admin\'s profile as a "{kind:Ui}", with "{label:Ui}" offered',
    "the platform's profile does not say how it was opened",
    'the guard sees the admin\'s profile, offering "{label}"',
)
retire(
    "then",
    'the guard sees the profile of "{name}" as a "{kind:Ui}"',
    "the platform's profile does not say how it was opened",
    'the guard sees the admin\'s profile, offering "Log This Entry"',
)
retire(
    "then",
    'the logbook {verb} "{name}" as a "{kind:Ui}" with "{chip:Ui}", logged by the {who:Persona}',
    "the logbook's entries no longer say how the person came in",
    'the logbook shows "{name}" with "{chip}", by the {who}',
)
retire(
    "then",
    'the entry for "{name}" carries the observation "{note}"',
    "an observation is its own entry of the logbook, by the person who wrote it",
    'the logbook shows the observation "{note}" about "{name}", by the guard',
)

# -- payments -------------------------------------------------------------------------------------------
retire(
    "then",
    '"{name}" still has only the earlier payment and a total balance of {amount:Money}',
    "the balance and what was paid are two figures of the plans page",
    'the client\'s "Total Balance" shows {amount} owed; the client\'s "Total Transactions Made" holds K500.00',
)
retire(
    "when",
    "the admin makes a cash payment of {amount:Money} and prints the receipt",
    "recording a payment and printing its receipt are two steps",
    "the admin records a cash payment of {amount} towards the client's plan; the admin prints the receipt",
)
retire(
    "when",
    'the admin opens the pay dialog for "{name}"',
    "the pay dialog is opened on the client's plans",
    'the admin opens the client\'s plans; the admin opens the pay dialog with "Record New Payment"',
)
retire(
    "when",
    'the admin tries to pay by {kind} with transaction number "{number:Quoted}" and amount "{amount:Quoted}"',
    "transaction numbers are made unique per run; a number used before is the earlier one",
    'the admin tries to pay "{amount}" by {kind} (with the earlier transaction number)',
)
retire("when", 'the admin filters the payments by {what} "{value}"', NO_FILTERS)
retire("then", "the dashboard lists {count:Count} transactions", NO_FILTERS, "the dashboard lists these payments:")
retire("then", "the dashboard lists only the payments of {amounts}", NO_FILTERS, "the dashboard lists these payments:")
retire(
    "then",
    'the dashboard shows the {amount:Money} payment of "{name}" as "{status:Ui}"',
    "the dashboard's payments are checked as a table",
    "the dashboard lists these payments:",
)
retire("then", "the dashboard's total and count add up the accepted payments it lists", NO_FILTERS)
retire("then", "the total of accepted payments is {amount:Money} from {count:Count} transactions", NO_FILTERS)
retire(
    "then",
    'the dashboard has the columns "{columns:UiList}"',
    "the dashboard's rows are checked for each of their parts",
    'each payment listed shows its client, amount and type, receipt number and status, or the list says "No '
    'Payments Available"',
)
retire(
    "then",
    'the client\'s transactions show a "{type:Ui}" payment of {amount:Money} as "{status:Ui}"',
    "the platform's transactions list shows no status",
    'the client\'s transactions list a "{type}" payment of {amount} recorded by the admin',
)
retire(
    "then",
    'the "{plan:Ui}" plan is "{status}" with a balance of {amount:Money}',
    "the client's plan is found by its status and balance",
    "the client's plan is {status} with a balance of {amount}",
)
retire(
    "then",
    'the payment is shown as "{status:Ui}"',
    "a reverted payment is checked on the payments dashboard",
    "the dashboard lists these payments:",
)
retire(
    "then",
    'the receipt {number} shows {amount:Money} paid by "{name}"',
    "receipt numbers are the platform's own",
    "the receipt shows the client, the admin as cashier, {amount} paid and its receipt number",
)
retire(
    "then",
    "the receipt shows:",
    "the receipt's parts are checked in one line",
    "the receipt shows the client, the admin as cashier, K… paid and its receipt number",
)
retire(
    "then",
    "the total balance has dropped by {amount:Money}",
    "the balance is compared with the one noted before the payment",
    'the client\'s "Total Balance" has dropped by what went to the plan',
)
retire(
    "given",
    "these payments have been recorded:",
    "a payment's date cannot be set through the platform's API; reverted payments are said yes or no",
    "these clients have paid towards their plans:",
)

# -- forms ----------------------------------------------------------------------------------------------
retire(
    "when",
    "the admin adds the fields:",
    "fields are added to a category of the form's builder",
    'the admin adds the category "…" described as "…"; the admin adds to the category "…" the fields:',
)
retire(
    "when",
    'the admin tries to add a {kind:FieldType} field "{name}" without options',
    "the builder's refusals are not checked by any step",
)
retire("then", 'the form builder says "{message:Ui}"', "the builder's refusals are not checked by any step")
retire(
    "then",
    'the forms list shows "{name}" as "{status:Ui}"',
    "the forms list is checked for the form's name",
    'the forms list includes "{name}"',
)
retire(
    "then",
    'the form asks for "{names}"',
    "the client's form is checked by what it refuses",
    'the form marks only "{names}" with "is Required"',
)
retire(
    "then",
    'the forms page says "{message:Ui}"',
    "forms are listed for the whole community",
    '"{name}" is not among the forms offered to the client',
)
retire(
    "then",
    'no entry has been saved for "{name}"',
    "a form's entries are checked by what they list",
    'the entries list one "{status}" entry of version 1, submitted today by the client',
)
retire("then", 'the entries say "{message:Ui}"', "a form's entries are checked by what they list")
retire(
    "then",
    "the entry shows the values:",
    "an entry is compared with the answers the client gave",
    "the entry holds the client's answers",
)
retire(
    "then",
    "the client's form is empty again",
    "after a submission the platform takes the client to their Dashboard",
    'the client is then taken to their "Dashboard"',
)

# -- tasks ----------------------------------------------------------------------------------------------
retire("then", 'the "{tile:Ui}" tile counts {count:Count}', NO_COUNTS, 'under "{tile}" the {who} sees "{task}" …')
retire("then", "the tiles count:", NO_COUNTS, "the quick filters list these of the tasks:")
retire("then", "the dashboard shows these tiles, each with its count:", NO_COUNTS, 'the quick filter offers "…"')
retire("then", 'only "{task}" is listed', NO_COUNTS, '"{task}" is listed')
retire(
    "then",
    "no task has been created",
    "tasks are looked for by their description",
    'no task described as "{text}" has been made',
)
retire(
    "when",
    'the {who:Persona} reassigns "{task}" to {other:Person}',
    "a task is assigned from its details",
    'the {who} opens the details of "{task}" from "Tasks Open"; the {who} assigns the task to the {other}',
)
retire(
    "then",
    'the task form says "{message:Ui}"',
    "the task form marks the field it needs",
    'the task form stays open, its "Task Name" asking to be filled in',
)
retire(
    "then",
    'under "{label:Ui}" the {who:Persona} sees "{task}"',
    "a task under a quick filter is seen with its due date and status",
    'under "{label}" the {who} sees "{task}" due …, "Not Started"',
)
retire(
    "then",
    'under "{label:Ui}" the {who:Persona} sees "{task}", assigned to {people}, due {due:Date}',
    "a task under a quick filter is seen with its due date and status; its assignees in its details",
    'under "{label}" the {who} sees "{task}" due {due}, "Not Started"',
)
retire(
    "when",
    'the client goes to the address of the task "{task}"',
    "clients have no task list on the platform",
    "the client types the address of the task list",
)
retire(
    "then",
    "the task is not found for the client",
    "clients have no task list on the platform",
    "the client is not shown the task list",
)
retire(
    "then",
    'the client is not offered to "{label:Ui}"',
    "clients have no task list on the platform",
    'the client tries to assign "{task}" to the guard all the same',
)
retire(
    "then",
    'the task type is "{type:Ui}"',
    "the task form's types are checked as a list",
    'the task types offered are "Call, Message, Email, To-Do, Form, Emergency SOS, Process Template, Task List"',
)

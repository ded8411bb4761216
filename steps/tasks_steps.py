"""Tasks steps: the task list and its quick filters, the task form, a task's details and assignees."""
from behave import given, then, when

from pages.components import ErrorPage, PageFrame
from pages.task_details import TaskDetails, TaskForm
from pages.tasks import TasksPage
from prodready.scenario.tables import assert_rows, expected_rows
from prodready.scenario.tasks import (
    community_today,
    make_tasks,
    names_in,
    persona_keys,
    relative_day,
    tasks_described,
)
from prodready.scenario.vocabulary import ui_table


def _today(context):
    """Today's date in the community."""
    return community_today(context.target.timezone)


def _due(context, words):
    """A due date the feature writes in words ("in 5 days", "yesterday") as YYYY-MM-DD."""
    return relative_day(words, _today(context)).isoformat()


@given("the {who:Persona} has made these tasks:")
@ui_table("type")
def step_tasks_made(context, who):
    """Tasks this person made through the platform's API, from a table of task, due, assigned to, and optionally type and done.

    Example: Given the admin has made these tasks:
    """
    context.notes.setdefault("tasks", {}).update(
        make_tasks(context.cast, who, context.table, context.data.name, _today(context)))


@when("the {who:Persona} opens the Task Dashboard")
def step_open_dashboard(context, who):
    """A person opens the Task Dashboard, the platform's list of tasks.

    Example: When the admin opens the Task Dashboard
    """
    context.cast.actor(who).open(TasksPage)


@then('the {who:Persona} sees the "{title:Ui}" page with the buttons "{buttons:UiList}"')
def step_sees_page(context, who, title, buttons):
    """The person is on the page with this title, which offers exactly these buttons.

    Example: Then the admin sees the "Task" page with the buttons "Search, Add New"
    """
    page = context.cast.actor(who).on(TasksPage)
    assert (page.title(), page.actions()) == (title, buttons), f"shown: {page.title()!r} with {page.actions()}"


@then('the quick filter offers "{filters:UiList}"')
def step_quick_filters(context, filters):
    """The Task Dashboard's quick filter offers exactly these filters, in this order.

    Example: Then the quick filter offers "My Tasks, Tasks due in 10 days, Tasks due in 30 days, Overdue Tasks, Tasks with no due date, Total Calls Open, Processes, Tasks Open, Tasks Completed"
    """
    offered = context.cast.last_actor().on(TasksPage).quick_filters()
    assert offered == filters, f"the quick filter offers {offered}"


@when('the {who:Persona} filters the tasks by "{label:Ui}"')
def step_filter(context, who, label):
    """A person narrows the Task Dashboard to one quick filter.

    Example: When the admin filters the tasks by "Tasks Open"
    """
    context.cast.actor(who).on(TasksPage).filter_by(label)


def _what_filters_list(context, page, expected):
    """For each row of the table, which of the tasks it names the filter lists and which it does not."""
    shown = []
    for row in expected:
        named = names_in(row.get("listed", "")) + names_in(row.get("not listed", ""))
        titles = set(page.filter_by(row["filter"]).titles())
        shown.append({"filter": row["filter"], "listed": ", ".join(n for n in named if context.data.name(n) in titles),
                      "not listed": ", ".join(n for n in named if context.data.name(n) not in titles)})
    return shown


def _tidy(row):
    """A row of the filters' table with its lists of tasks written alike ("a, b")."""
    return {column: ", ".join(names_in(cell)) if column != "filter" else cell for column, cell in row.items()}


@then("the quick filters list these of the tasks:")
@ui_table("filter")
def step_filters_list(context):
    """Each quick filter lists the tasks of its row and not the others it names (table: filter, listed, not listed; any order; other tasks of the community may be listed too).

    Example: Then the quick filters list these of the tasks:
    """
    columns, expected = expected_rows(context.table)
    shown = _what_filters_list(context, context.cast.last_actor().on(TasksPage), expected)
    assert_rows([_tidy(row) for row in expected], shown, columns)


@when('the {who:Persona} marks "{task}" as complete')
def step_mark_complete(context, who, task):
    """A person marks a task as complete from the task list.

    Example: When the admin marks "Repair the fence" as complete
    """
    context.cast.actor(who).on(TasksPage).toggle_completion(context.data.name(task))


@then('"{task}" is listed')
def step_listed(context, task):
    """The task is in the list the Task Dashboard shows now.

    Example: Then "Sign the lease" is listed
    """
    titles = context.cast.last_actor().on(TasksPage).titles()
    assert context.data.name(task) in titles, f"{context.data.name(task)!r} is not among {titles}"


@then('"{task}" is not listed')
def step_not_listed(context, task):
    """The task is not in the list the Task Dashboard shows now.

    Example: Then "Audit the books" is not listed
    """
    titles = context.cast.last_actor().on(TasksPage).titles()
    assert context.data.name(task) not in titles, f"{context.data.name(task)!r} is listed: {titles}"


@then('"{task}" is listed as "{status:Ui}"')
def step_listed_as(context, task, status):
    """The task is in the list the Task Dashboard shows now, with this status.

    Example: Then "Repair the fence" is listed as "Complete"
    """
    row = context.cast.last_actor().on(TasksPage).row(context.data.name(task))
    assert row.status == status, f"{row.title!r} is listed as {row.status!r}"


@when('the {who:Persona} goes to the address of the task "{task}"')
def step_task_address(context, who, task):
    """A person goes straight to a task's own page, as if following a link someone shared.

    Example: When the client goes to the address of the task "Audit the books"
    """
    context.cast.actor(who).open(PageFrame, f"/tasks/{context.notes['tasks'][task]}")


@then("the task is not found for the {who:Persona}")
def step_not_shown_task(context, who):
    """The platform says the page is not found, and the task's details are not shown to that person.

    Example: Then the task is not found for the client
    """
    context.cast.actor(who).on(ErrorPage)
    assert not context.cast.actor(who).page(TaskDetails).is_current(), "the task's details are shown"


@when('the {who:Persona} adds the sub-task "{sub}" to "{task}"')
def step_add_sub_task(context, who, sub, task):
    """A person adds a sub-task under a task from the task list.

    Example: When the admin adds the sub-task "Buy the timber" to "Build the shed"
    """
    form = context.cast.actor(who).on(TasksPage).add_sub_task(context.data.name(task))
    form.fill(context.data.name(sub)).create()


@then('"{task}" shows its sub-task "{sub}"')
def step_shows_sub_task(context, task, sub):
    """The task shows exactly this one sub-task under it.

    Example: Then "Build the shed" shows its sub-task "Buy the timber"
    """
    subs = context.cast.last_actor().on(TasksPage).sub_tasks_of(context.data.name(task))
    assert subs == [context.data.name(sub)], f"the sub-tasks shown are {subs}"


@when("the {who:Persona} starts a new task")
def step_start_task(context, who):
    """A person opens the form to create a new task.

    Example: When the admin starts a new task
    """
    context.cast.actor(who).on(TasksPage).start_new_task()


@then('the form "{title:Ui}" asks for "{labels:UiList}"')
def step_form_asks(context, title, labels):
    """The task form has this heading and asks for exactly these details, in this order.

    Example: Then the form "Create a task" asks for "Task Name, Description (Optional), Search Assignee, Task Type, Due Date (Optional), Order Number"
    """
    form = context.cast.last_actor().on(TaskForm)
    assert (form.heading(), form.field_labels()) == (title, labels), f"{form.heading()!r}: {form.field_labels()}"


@then('the task type is "{task_type:Ui}"')
def step_task_type(context, task_type):
    """The task form's task type is this one (the one it starts with, unless changed).

    Example: Then the task type is "To-Do"
    """
    shown = context.cast.last_actor().on(TaskForm).task_type()
    assert shown == task_type, f"the task type is {shown!r}"


@then("searching for the {other:Persona} among the assignees offers them")
def step_assignee_offered(context, other):
    """Searching the task form's assignees for this person offers them.

    Example: Then searching for the custodian among the assignees offers them
    """
    name = context.cast.person(other).name
    assert context.cast.last_actor().on(TaskForm).offers_assignee(name), f"searching for {name!r} does not offer them"


@when("the {who:Persona} cancels the new task")
def step_cancel_task(context, who):
    """A person cancels the new task, leaving the form without creating anything.

    Example: When the admin cancels the new task
    """
    context.cast.actor(who).on(TaskForm).cancel()


@when('the {who:Persona} creates the task "{task}" due {due}, assigned to {people}')
def step_create_task(context, who, task, due, people):
    """A person creates a task due on a day (in words), assigned to one or more people.

    Example: When the admin creates the task "Inspect the borehole" due in 5 days, assigned to the custodian and the admin
    """
    form = context.cast.actor(who).on(TasksPage).start_new_task()
    form.fill(context.data.name(task), context.faker.sentence(nb_words=6),
              tuple(context.cast.person(k).name for k in persona_keys(people)), _due(context, due)).create()


@then('under "{label:Ui}" the {who:Persona} sees "{task}" due {due}, "{status:Ui}"')
def step_sees_under(context, label, who, task, due, status):
    """Under this quick filter, the person sees the task with this due date and status.

    Example: Then under "My Tasks" the admin sees "Inspect the borehole" due in 5 days, "Not Started"
    """
    row = context.cast.actor(who).open(TasksPage).filter_by(label).row(context.data.name(task))
    assert (row.due, row.status) == (_due(context, due), status), f"{row.title!r}: due {row.due}, {row.status!r}"


@then('under "{label:Ui}" the {who:Persona} does not see "{task}"')
def step_not_under(context, label, who, task):
    """Under this quick filter, the person does not see the task.

    Example: Then under "My Tasks" the custodian does not see "Check the meters"
    """
    titles = context.cast.actor(who).open(TasksPage).filter_by(label).titles()
    assert context.data.name(task) not in titles, f"{context.data.name(task)!r} is listed: {titles}"


@when('the {who:Persona} opens the details of "{task}" from "{label:Ui}"')
def step_open_details(context, who, task, label):
    """A person opens a task's details from the list of this quick filter.

    Example: When the admin opens the details of "Check the meters" from "Tasks Open"
    """
    context.cast.actor(who).open(TasksPage).filter_by(label).open_details(context.data.name(task))


@when("the {who:Persona} assigns the task to the {other:Persona}")
@when("the {who:Persona} assigns the task to the {other:Persona} again")
def step_assign(context, who, other):
    """A person assigns the open task to someone (assigning someone who already has it takes it away from them).

    Example: When the admin assigns the task to the custodian
    """
    context.cast.actor(who).on(TaskDetails).assign(context.cast.person(other).name)


@then("the task's details show it assigned to the {who:Persona}")
def step_assigned_to(context, who):
    """The task's details show it assigned to this person and no one else.

    Example: Then the task's details show it assigned to the custodian
    """
    shown = context.cast.last_actor().on(TaskDetails).assignees()
    assert shown == [context.cast.person(who).name], f"the task is assigned to {shown}"


@then("the task's details show it assigned to nobody")
def step_assigned_to_nobody(context):
    """The task's details show it assigned to no one.

    Example: Then the task's details show it assigned to nobody
    """
    shown = context.cast.last_actor().on(TaskDetails).assignees()
    assert shown == [], f"the task is assigned to {shown}"


@when('the {who:Persona} tries to create a task without a name, described as "{text}", assigned to the {other:Persona}')
def step_create_nameless(context, who, text, other):
    """A person tries to create a task with a description and an assignee but without a name.

    Example: When the admin tries to create a task without a name, described as "Unnamed work", assigned to the custodian
    """
    form = context.cast.actor(who).on(TasksPage).start_new_task()
    form.fill("", context.data.name(text), (context.cast.person(other).name,)).create_expecting_refusal()


@then('the task form stays open, its "{field:Ui}" asking to be filled in')
def step_form_stays(context, field):
    """The task form is still open, and this field asks to be filled in.

    Example: Then the task form stays open, its "Task Name" asking to be filled in
    """
    form = context.cast.last_actor().on(TaskForm)
    assert field in form.field_labels() and form.name_asks_to_be_filled_in(), "the form went without a Task Name"


@then('no task described as "{text}" has been made')
def step_no_task_made(context, text):
    """The platform has no task with this description (checked through its API).

    Example: Then no task described as "Unnamed work" has been made
    """
    made = tasks_described(context.cast, context.data.name(text))
    assert made == [], f"tasks were made: {made}"


@then('the {who:Persona} is not offered to "{action:Ui}"')
def step_not_offered(context, who, action):
    """The task's details do not offer this person this action.

    Example: Then the client is not offered to "Add Assignee"
    """
    assert not context.cast.actor(who).on(TaskDetails).offers(action), f"the {who} is offered to {action!r}"


@when('the {who:Persona} leaves the comment "{text}" on "{task}" from "{label:Ui}"')
def step_leave_comment(context, who, text, task, label):
    """A person leaves a comment on a task, found in the list of this quick filter.

    Example: When the custodian leaves the comment "Bulb ordered" on "Fix the street lamp" from "My Tasks"
    """
    page = context.cast.actor(who).open(TasksPage).filter_by(label)
    page.leave_a_comment(context.data.name(task)).comment(text)


@then('the task\'s details show the comment "{text}"')
def step_shows_comment(context, text):
    """The task's details show this comment.

    Example: Then the task's details show the comment "Bulb ordered"
    """
    shown = context.cast.last_actor().on(TaskDetails).comments()
    assert text in shown, f"the comments shown are {shown}"


@when("the {who:Persona} closes the task's details")
def step_close_details(context, who):
    """A person closes the task's details, back to the task list.

    Example: When the admin closes the task's details
    """
    context.cast.actor(who).on(TaskDetails).close()

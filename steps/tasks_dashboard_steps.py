"""Tasks, the production page's "Task Dashboard": the task list and its quick filters, completing a task,
sub-tasks, and the tasks a person is (not) shown."""

from behave import given, then, when

from pages.tasks import TasksPage
from prodready.scenario.places import at
from prodready.scenario.tables import ReadTable, assert_rows
from prodready.scenario.tasks import (
    FILTERS_TABLE,
    TASKS_TABLE,
    due_day,
    make_task,
    make_tasks,
    tidy,
    today_in_community,
    what_filters_list,
)
from prodready.scenario.wording import reworded

ONE_TASK = "the admin has made these tasks: | task | due | assigned to | with the row | {task} | {due} | {people} |"


def _one_task(arguments):
    """An old wording's one task as the rows of the table the step now takes."""
    row = {"task": arguments["task"], "due": arguments["due"], "assigned to": arguments["people"]}
    return {"who": arguments["who"], "rows": ReadTable(list(row), [{**row, "type": "to_do", "done": False}], [0])}


@reworded("these tasks exist:", who="admin")
@reworded(
    'the task "{task}" due {due:Date} is assigned to {people:People}',
    who="admin",
    table=False,
    adapt=_one_task,
    now=ONE_TASK,
)
@given("the {who:Persona} has made these tasks:")
@TASKS_TABLE
def step_tasks_made(context, who, rows):
    """Tasks this person made through the platform's API, from a table of task, due, assigned to, and optionally type and done.

    Example: Given the admin has made these tasks:
    """
    context.notes.setdefault("tasks", {}).update(
        make_tasks(context.cast, who, rows, context.data.name, today_in_community(context))
    )


@given('the {who:Persona} has made the task "{task}" for themselves, its due date sent as {moment:Stamp}')
def step_task_due_moment(context, who, task, moment):
    """A task this person made for themselves through the platform's API, its due date sent as a moment in a stated offset (the day relative to the community's today), as a client of the platform may send it.

    Example: Given the admin has made the task "Check the pump" for themselves, its due date sent as in 3 days at 22:00 UTC
    """
    task_id = make_task(context.cast, who, context.data.name(task), moment.on(today_in_community(context)), (who,))
    context.notes.setdefault("tasks", {})[task] = task_id


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


@reworded('the {who:Persona} opens the "{label:Ui}" tile')
@when('the {who:Persona} filters the tasks by "{label:Ui}"')
def step_filter(context, who, label):
    """A person narrows the Task Dashboard to one quick filter.

    Example: When the admin filters the tasks by "Tasks Open"
    """
    at(context.cast.actor(who), TasksPage).filter_by(label)


@then("the quick filters list these of the tasks:")
@FILTERS_TABLE
def step_filters_list(context, rows):
    """Each quick filter lists the tasks of its row and not the others it names (table: filter, listed, not listed; any order; other tasks of the community may be listed too).

    Example: Then the quick filters list these of the tasks:
    """
    shown = what_filters_list(context.cast.last_actor().on(TasksPage), rows.rows, context.data.name)
    assert_rows([tidy(row) for row in rows], shown, rows.columns)


@when('the {who:Persona} marks "{task}" as complete')
def step_mark_complete(context, who, task):
    """A person marks a task as complete from the task list.

    Example: When the admin marks "Repair the fence" as complete
    """
    at(context.cast.actor(who), TasksPage).toggle_completion(context.data.name(task))


@then('"{task}" is listed')
def step_listed(context, task):
    """The task is in the list the Task Dashboard shows now.

    Example: Then "Sign the lease" is listed
    """
    titles = context.cast.last_actor().on(TasksPage).titles()
    assert context.data.name(task) in titles, f"{context.data.name(task)!r} is not among {titles}"


@reworded('"{task}" has left the list')
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


@then('under "{label:Ui}" the {who:Persona} sees "{task}" due {due:Date}, "{status:Ui}"')
def step_sees_under(context, label, who, task, due, status):
    """Under this quick filter, the person sees the task with this due date and status.

    Example: Then under "My Tasks" the admin sees "Inspect the borehole" due in 5 days, "Not Started"
    """
    row = context.cast.actor(who).open(TasksPage).filter_by(label).row(context.data.name(task))
    assert (row.due, row.status) == (due_day(context, due), status), f"{row.title!r}: due {row.due}, {row.status!r}"


@reworded('"{task}" is not under the {who:Persona}\'s "{label:Ui}"')
@then('under "{label:Ui}" the {who:Persona} does not see "{task}"')
def step_not_under(context, label, who, task):
    """Under this quick filter, the person does not see the task.

    Example: Then under "My Tasks" the custodian does not see "Check the meters"
    """
    titles = context.cast.actor(who).open(TasksPage).filter_by(label).titles()
    assert context.data.name(task) not in titles, f"{context.data.name(task)!r} is listed: {titles}"


@when('the {who:Persona} adds the sub-task "{sub}" to "{task}"')
def step_add_sub_task(context, who, sub, task):
    """A person adds a sub-task under a task from the task list.

    Example: When the admin adds the sub-task "Buy the timber" to "Build the shed"
    """
    form = at(context.cast.actor(who), TasksPage).add_sub_task(context.data.name(task))
    form.fill(context.data.name(sub)).create()


@then('"{task}" shows its sub-task "{sub}"')
def step_shows_sub_task(context, task, sub):
    """The task shows exactly this one sub-task under it.

    Example: Then "Build the shed" shows its sub-task "Buy the timber"
    """
    subs = context.cast.last_actor().on(TasksPage).sub_tasks_of(context.data.name(task))
    assert subs == [context.data.name(sub)], f"the sub-tasks shown are {subs}"

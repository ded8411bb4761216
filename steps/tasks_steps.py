"""Tasks steps: the task list and its quick filters, the task form, a task's details and assignees."""
from behave import given, then, when

from pages.components import ErrorPage, PageFrame
from pages.task_details import TaskDetails, TaskForm
from pages.tasks import TasksPage
from prodready.tasks import community_today, make_tasks, names_in, persona_keys, relative_day, tasks_described
from prodready.vocabulary import ui_table


def _today(context):
    return community_today(context.target.timezone)


def _due(context, words):
    return relative_day(words, _today(context)).isoformat()


def _names(context, cell):
    return [context.data.name(n) for n in names_in(cell)]


@given("the {who:Persona} has made these tasks:")
@ui_table("type")
def step_tasks_made(context, who):
    context.notes.setdefault("tasks", {}).update(
        make_tasks(context.cast, who, context.table, context.data.name, _today(context)))


@when("the {who:Persona} opens the Task Dashboard")
def step_open_dashboard(context, who):
    context.cast.actor(who).open(TasksPage)


@then('the {who:Persona} sees the "{title:Ui}" page with the buttons "{buttons:UiList}"')
def step_sees_page(context, who, title, buttons):
    page = context.cast.actor(who).on(TasksPage)
    assert (page.title(), page.actions()) == (title, buttons), f"shown: {page.title()!r} with {page.actions()}"


@then('the quick filter offers "{filters:UiList}"')
def step_quick_filters(context, filters):
    offered = context.cast.last_actor().on(TasksPage).quick_filters()
    assert offered == filters, f"the quick filter offers {offered}"


@when('the {who:Persona} filters the tasks by "{label:Ui}"')
def step_filter(context, who, label):
    context.cast.actor(who).on(TasksPage).filter_by(label)


def _filters_listing_otherwise(context, page):
    """{filter: this scenario's tasks it lists} for each row of the table that it contradicts."""
    wrong = {}
    for row in context.table:
        ours = set(context.data.names.values()) & set(page.filter_by(row["filter"]).titles())
        if not set(_names(context, row["listed"])) <= ours or set(_names(context, row["not listed"])) & ours:
            wrong[row["filter"]] = sorted(ours)
    return wrong


@then("the quick filters list these of the tasks:")
@ui_table("filter")
def step_filters_list(context):
    wrong = _filters_listing_otherwise(context, context.cast.last_actor().on(TasksPage))
    assert not wrong, f"these filters list otherwise (of this scenario's tasks): {wrong}"


@when('the {who:Persona} marks "{task}" as complete')
def step_mark_complete(context, who, task):
    context.cast.actor(who).on(TasksPage).toggle_completion(context.data.name(task))


@then('"{task}" is listed')
def step_listed(context, task):
    titles = context.cast.last_actor().on(TasksPage).titles()
    assert context.data.name(task) in titles, f"{context.data.name(task)!r} is not among {titles}"


@then('"{task}" is not listed')
def step_not_listed(context, task):
    titles = context.cast.last_actor().on(TasksPage).titles()
    assert context.data.name(task) not in titles, f"{context.data.name(task)!r} is listed: {titles}"


@then('"{task}" is listed as "{status:Ui}"')
def step_listed_as(context, task, status):
    row = context.cast.last_actor().on(TasksPage).row(context.data.name(task))
    assert row.status == status, f"{row.title!r} is listed as {row.status!r}"


@when('the {who:Persona} goes to the address of the task "{task}"')
def step_task_address(context, who, task):
    context.cast.actor(who).open(PageFrame, f"/tasks/{context.notes['tasks'][task]}")


@then("the task is not found for the {who:Persona}")
def step_not_shown_task(context, who):
    context.cast.actor(who).on(ErrorPage)
    assert not context.cast.actor(who).page(TaskDetails).is_current(), "the task's details are shown"


@when('the {who:Persona} adds the sub-task "{sub}" to "{task}"')
def step_add_sub_task(context, who, sub, task):
    form = context.cast.actor(who).on(TasksPage).add_sub_task(context.data.name(task))
    form.fill(context.data.name(sub)).create()


@then('"{task}" shows its sub-task "{sub}"')
def step_shows_sub_task(context, task, sub):
    subs = context.cast.last_actor().on(TasksPage).sub_tasks_of(context.data.name(task))
    assert subs == [context.data.name(sub)], f"the sub-tasks shown are {subs}"


@when("the {who:Persona} starts a new task")
def step_start_task(context, who):
    context.cast.actor(who).on(TasksPage).start_new_task()


@then('the form "{title:Ui}" asks for "{labels:UiList}"')
def step_form_asks(context, title, labels):
    form = context.cast.last_actor().on(TaskForm)
    assert (form.heading(), form.field_labels()) == (title, labels), f"{form.heading()!r}: {form.field_labels()}"


@then('the task type is "{task_type:Ui}"')
def step_task_type(context, task_type):
    shown = context.cast.last_actor().on(TaskForm).task_type()
    assert shown == task_type, f"the task type is {shown!r}"


@then("searching for the {other:Persona} among the assignees offers them")
def step_assignee_offered(context, other):
    name = context.cast.person(other).name
    assert context.cast.last_actor().on(TaskForm).offers_assignee(name), f"searching for {name!r} does not offer them"


@when("the {who:Persona} cancels the new task")
def step_cancel_task(context, who):
    context.cast.actor(who).on(TaskForm).cancel()


@when('the {who:Persona} creates the task "{task}" due {due}, assigned to {people}')
def step_create_task(context, who, task, due, people):
    form = context.cast.actor(who).on(TasksPage).start_new_task()
    form.fill(context.data.name(task), context.faker.sentence(nb_words=6),
              tuple(context.cast.person(k).name for k in persona_keys(people)), _due(context, due)).create()


@then('under "{label:Ui}" the {who:Persona} sees "{task}" due {due}, "{status:Ui}"')
def step_sees_under(context, label, who, task, due, status):
    row = context.cast.actor(who).open(TasksPage).filter_by(label).row(context.data.name(task))
    assert (row.due, row.status) == (_due(context, due), status), f"{row.title!r}: due {row.due}, {row.status!r}"


@then('under "{label:Ui}" the {who:Persona} does not see "{task}"')
def step_not_under(context, label, who, task):
    titles = context.cast.actor(who).open(TasksPage).filter_by(label).titles()
    assert context.data.name(task) not in titles, f"{context.data.name(task)!r} is listed: {titles}"


@when('the {who:Persona} opens the details of "{task}" from "{label:Ui}"')
def step_open_details(context, who, task, label):
    context.cast.actor(who).open(TasksPage).filter_by(label).open_details(context.data.name(task))


@when("the {who:Persona} assigns the task to the {other:Persona}")
@when("the {who:Persona} assigns the task to the {other:Persona} again")
def step_assign(context, who, other):
    context.cast.actor(who).on(TaskDetails).assign(context.cast.person(other).name)


@then("the task's details show it assigned to the {who:Persona}")
def step_assigned_to(context, who):
    shown = context.cast.last_actor().on(TaskDetails).assignees()
    assert shown == [context.cast.person(who).name], f"the task is assigned to {shown}"


@then("the task's details show it assigned to nobody")
def step_assigned_to_nobody(context):
    shown = context.cast.last_actor().on(TaskDetails).assignees()
    assert shown == [], f"the task is assigned to {shown}"


@when('the {who:Persona} tries to create a task without a name, described as "{text}", assigned to the {other:Persona}')
def step_create_nameless(context, who, text, other):
    form = context.cast.actor(who).on(TasksPage).start_new_task()
    form.fill("", context.data.name(text), (context.cast.person(other).name,)).create_expecting_refusal()


@then('the task form stays open, its "{field:Ui}" asking to be filled in')
def step_form_stays(context, field):
    form = context.cast.last_actor().on(TaskForm)
    assert field in form.field_labels() and form.name_asks_to_be_filled_in(), "the form went without a Task Name"


@then('no task described as "{text}" has been made')
def step_no_task_made(context, text):
    made = tasks_described(context.cast, context.data.name(text))
    assert made == [], f"tasks were made: {made}"


@then('the {who:Persona} is not offered to "{action:Ui}"')
def step_not_offered(context, who, action):
    assert not context.cast.actor(who).on(TaskDetails).offers(action), f"the {who} is offered to {action!r}"


@when('the {who:Persona} leaves the comment "{text}" on "{task}" from "{label:Ui}"')
def step_leave_comment(context, who, text, task, label):
    page = context.cast.actor(who).open(TasksPage).filter_by(label)
    page.leave_a_comment(context.data.name(task)).comment(text)


@then('the task\'s details show the comment "{text}"')
def step_shows_comment(context, text):
    shown = context.cast.last_actor().on(TaskDetails).comments()
    assert text in shown, f"the comments shown are {shown}"


@when("the {who:Persona} closes the task's details")
def step_close_details(context, who):
    context.cast.actor(who).on(TaskDetails).close()

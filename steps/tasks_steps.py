"""Tasks steps: the task dashboard's tiles and lists, assigning, completing and reassigning tasks."""
from behave import given, then, when

from pages.components import LeftMenu
from pages.tasks import TaskDetailsPage, TaskFormPage, TasksPage
from prodready.tasks import row_named, task_payload
from prodready.vocabulary import parse_day


@given("these tasks exist:")
def step_tasks_exist(context):
    for row in context.table:
        context.api.post("/tasks", task_payload(row, context.cast))


@given('the task "{name}" due {day} is assigned to "{assignee}"')
def step_task_assigned(context, name, day, assignee):
    context.api.post("/tasks", task_payload({"task": name, "due": day, "assignee": assignee}, context.cast))


@when("the {who:Persona} opens the task dashboard")
def step_open_dashboard(context, who):
    context.cast.actor(who).page(LeftMenu).go_to("Tasks", TasksPage)


@when('the {who:Persona} opens the "{tile}" tile')
def step_open_tile(context, who, tile):
    context.cast.actor(who).on(TasksPage).open_tile(tile)


@then("the dashboard shows these tiles, each with its count:")
def step_tiles_shown(context):
    tiles = context.cast.last_actor().on(TasksPage).tiles()
    assert list(tiles) == [r["tile"] for r in context.table], f"the dashboard shows {list(tiles)}"


@then("the tiles count:")
def step_tiles_count(context):
    tiles = context.cast.last_actor().on(TasksPage).tiles()
    expected = {r["tile"]: int(r["count"]) for r in context.table}
    shown = {label: tiles.get(label) for label in expected}
    assert shown == expected, f"the tiles count {shown}"


@then('the "{tile}" tile counts {count:d}')
def step_tile_counts(context, tile, count):
    tiles = context.cast.last_actor().on(TasksPage).tiles()
    assert tiles.get(tile) == count, f"the tiles count {tiles}"


@then('only "{name}" is listed')
def step_only_listed(context, name):
    names = context.cast.last_actor().on(TasksPage).task_names()
    assert names == [name], f"listed: {names}"


@when('the admin creates the task "{name}" due {day}, assigned to "{assignee}"')
def step_create_task(context, name, day, assignee):
    form = context.cast.actor("admin").page(LeftMenu).go_to("Tasks", TasksPage).create_task()
    form.fill(name, description=context.faker.sentence(nb_words=5), due=parse_day(day), assignee=assignee).submit()


@when('the admin creates a task without a name, assigned to "{assignee}"')
def step_create_nameless(context, assignee):
    form = context.cast.actor("admin").page(LeftMenu).go_to("Tasks", TasksPage).create_task()
    context.notes["errors"] = form.fill("", assignee=assignee).submit_expecting_errors()


@then('the task form says "{message}"')
def step_form_says(context, message):
    assert context.notes["errors"] == [message], context.notes["errors"]


@then("no task has been created")
def step_no_task(context):
    tasks = context.api.get("/tasks")
    assert tasks == [], f"tasks were created: {tasks}"


@then('under "{tile}" the {who:Persona} sees "{name}", assigned to "{assignee}", due {day}')
def step_sees_task(context, tile, who, name, assignee, day):
    task = row_named(context.cast.actor(who).on(TasksPage).open_tile(tile).tasks(), name)
    assert (task.assignee, task.due) == (assignee, parse_day(day).isoformat()), task


@then('under "{tile}" the {who:Persona} sees "{name}"')
def step_sees_task_in(context, tile, who, name):
    row_named(context.cast.actor(who).page(LeftMenu).go_to("Tasks", TasksPage).open_tile(tile).tasks(), name)


@then('"{name}" is not under the {who:Persona}\'s "{tile}"')
def step_not_under(context, name, who, tile):
    names = context.cast.actor(who).page(LeftMenu).go_to("Tasks", TasksPage).open_tile(tile).task_names()
    assert name not in names, f"{name!r} is still under {tile!r}: {names}"


@when('the {who:Persona} marks "{name}" as complete')
def step_complete(context, who, name):
    context.cast.actor(who).on(TasksPage).toggle_completion(name)


@then('"{name}" has left the list')
@then('"{name}" is not listed')
def step_left_list(context, name):
    names = context.cast.last_actor().on(TasksPage).task_names()
    assert name not in names, f"{name!r} is still listed: {names}"


@when('the admin reassigns "{name}" to "{assignee}"')
def step_reassign(context, name, assignee):
    tasks = context.cast.actor("admin").page(LeftMenu).go_to("Tasks", TasksPage)
    tasks.open_details(name).reassign_to(assignee)


@then('the task details show it assigned to "{assignee}"')
def step_details_assignee(context, assignee):
    shown = context.cast.actor("admin").on(TaskDetailsPage).assignee()
    assert shown == assignee, f"the task is assigned to {shown!r}"


@when("the admin starts a new task")
def step_start_new_task(context):
    context.cast.actor("admin").on(TasksPage).create_task()


@then("the client can be picked as the assignee")
def step_client_assignable(context):
    assignees = context.cast.actor("admin").on(TaskFormPage).assignees()
    assert context.cast.person("client").name in assignees, assignees

"""Tasks, the production page's "Assigning tasks to a user": the task form, its assignees, a task's details
(assigning and unassigning there) and its comments."""

from behave import then, when

from pages.task_details import TaskDetails, TaskForm
from pages.tasks import TasksPage
from prodready.scenario import refusals
from prodready.scenario.clock import scenario_today
from prodready.scenario.places import at
from prodready.scenario.tasks import tasks_described, unassign_directly
from prodready.scenario.wording import reworded


@when("the {who:Persona} starts a new task")
def step_start_task(context, who):
    """A person opens the form to create a new task.

    Example: When the admin starts a new task
    """
    at(context.cast.actor(who), TasksPage).start_new_task()


@then('the form "{title:Ui}" asks for "{labels:UiList}"')
def step_form_asks(context, title, labels):
    """The task form has this heading and asks for exactly these details, in this order.

    Example: Then the form "Create a task" asks for "Task Name, Description (Optional), Search Assignee, Task Type, Due Date (Optional), Order Number"
    """
    form = context.cast.last_actor().on(TaskForm)
    assert (form.heading(), form.field_labels()) == (title, labels), f"{form.heading()!r}: {form.field_labels()}"


@then('the task types offered are "{types:UiList}"')
def step_task_types(context, types):
    """The task form's Task Type offers exactly these types, in this order.

    Example: Then the task types offered are "Call, Message, Email, To-Do, Form, Emergency SOS, Process Template, Task List"
    """
    shown = context.cast.last_actor().on(TaskForm).task_types()
    assert shown == types, f"the task types offered are {shown}"


@reworded("the client can be picked as the assignee", other="client")
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


@when('the {who:Persona} creates the task "{task}" due {due:Date}, assigned to {people:People}')
def step_create_task(context, who, task, due, people):
    """A person creates a task due on a day (in words), assigned to one or more people.

    Example: When the admin creates the task "Inspect the borehole" due in 5 days, assigned to the custodian and the admin
    """
    form = at(context.cast.actor(who), TasksPage).start_new_task()
    form.fill(
        context.data.name(task),
        context.faker.sentence(nb_words=6),
        tuple(context.cast.person(k).name for k in people),
        due.on(scenario_today(context)),
    ).create()


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
    Example: When the admin assigns the task to the custodian again
    """
    context.cast.actor(who).on(TaskDetails).assign(context.cast.person(other).name)


@reworded("the task details show it assigned to {who:Person}")
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


@reworded("the {who:Persona} creates a task without a name, assigned to {other:Person}", text="Unnamed work")
@when('the {who:Persona} tries to create a task without a name, described as "{text}", assigned to the {other:Persona}')
def step_create_nameless(context, who, text, other):
    """A person tries to create a task with a description and an assignee but without a name.

    Example: When the admin tries to create a task without a name, described as "Unnamed work", assigned to the custodian
    """
    form = at(context.cast.actor(who), TasksPage).start_new_task()
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


@when('the {who:Persona} tries to assign "{task}" to the {other:Persona} all the same')
def step_assign_directly(context, who, task, other):
    """A person asks the platform itself (its API) to assign a task to someone, though no screen offers it to them.

    Example: When the client tries to assign "Return the keys" to the custodian all the same
    """
    context.notes["refusal"] = refusals.assign_directly(context.cast, who, context.notes["tasks"][task], other)


@then('the platform refuses, and "{task}" is still assigned to the {who:Persona} only')
def step_assignment_refused(context, task, who):
    """The platform refused the assignment just asked for, and the task's assignees are as they were.

    Example: Then the platform refuses, and "Return the keys" is still assigned to the client only
    """
    now = refusals.assignees_of(context.cast, context.notes["tasks"][task])
    assert context.notes["refusal"] and now == [context.cast.person(who).name], (context.notes["refusal"], now)


@when('the {who:Persona} takes themselves off "{task}" all the same, sending it directly')
def step_unassign_directly(context, who, task):
    """A person sends the removal of themselves from a task without a screen offering it: the request of their chip's delete icon in the admin's task details, from their own browser, and the platform's noteAssign.

    Example: When the client takes themselves off "Return the keys" all the same, sending it directly
    """
    context.notes["sent"] = unassign_directly(context.cast, who, context.notes["tasks"][task])


@then('"{task}" is still assigned to the {who:Persona} only')
def step_still_assigned(context, task, who):
    """The task's assignees, as the platform has them now (its API), are this person alone.

    Example: Then "Return the keys" is still assigned to the client only
    """
    now = refusals.assignees_of(context.cast, context.notes["tasks"][task])
    assert now == [context.cast.person(who).name], f"{task!r} is assigned to {now}"

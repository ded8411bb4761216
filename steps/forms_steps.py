"""Forms steps: an admin creates and publishes a form; a client submits it; the admin reads the entries."""
from behave import given, then, when

from pages.components import LeftMenu, Toast
from pages.forms import FormEditPage, FormEntriesPage, FormsPage, FormSubmitPage
from prodready.forms import field_spec, form_payload, word_list

# -- forms set up for a scenario --------------------------------------------------------------


@given('a {state:w} form "{title}" with the fields:')
def step_form_exists(context, state, title):
    if state not in ("published", "draft"):
        raise AssertionError(f"a form is published or draft, not {state!r}")
    form = context.api.post("/forms", form_payload(title, context.table, published=state == "published"))
    context.notes.setdefault("forms", {})[title] = form["id"]


# -- the admin builds a form ------------------------------------------------------------------


@when("the {who:Persona} opens the forms from the left menu")
def step_open_forms(context, who):
    context.cast.actor(who).page(LeftMenu).go_to("Forms", FormsPage)


@when('the admin creates a form "{title}" described as "{description}"')
def step_create_form(context, title, description):
    context.cast.actor("admin").on(FormsPage).create_form().create(title, description)


@when("the admin adds the fields:")
def step_add_fields(context):
    builder = context.cast.actor("admin").on(FormEditPage)
    for row in context.table:
        spec = field_spec(row)
        builder.add_field(spec["name"], spec["type"], spec["required"], spec["options"])


@when('the admin tries to add a {kind:w} field "{name}" without options')
def step_add_field_without_options(context, kind, name):
    context.notes["errors"] = context.cast.actor("admin").on(FormEditPage).add_field_expecting_errors(name, kind)


@when("the admin publishes the form")
def step_publish(context):
    context.cast.actor("admin").on(FormEditPage).publish()


@then("the admin is offered to create a form")
def step_offered_create(context):
    assert context.cast.actor("admin").on(FormsPage).can_create_form()


@then('the forms page says "{message}"')
def step_forms_empty(context, message):
    assert context.cast.last_actor().on(FormsPage).empty_message() == message


@then('the forms list shows "{title}" as "{status}"')
def step_form_status(context, title, status):
    forms = context.cast.actor("admin").on(FormsPage).forms()
    assert [f.status for f in forms if f.title == title] == [status], forms


@then('the form builder says "{message}"')
def step_builder_says(context, message):
    assert context.notes["errors"] == [message], context.notes["errors"]


# -- a client submits it ----------------------------------------------------------------------


@when('the client opens "{title}" from the forms')
def step_client_opens_form(context, title):
    context.cast.actor("client").page(LeftMenu).go_to("Forms", FormsPage).open_form(title)


@when("the client fills in the form:")
def step_fill_form(context):
    form = context.cast.actor("client").on(FormSubmitPage)
    for row in context.table:
        form.fill(row["field"], row["value"])


@when("the client submits the form")
def step_submit_form(context):
    context.cast.actor("client").on(FormSubmitPage).submit()


@then('the form asks for "{names}"')
def step_form_asks(context, names):
    shown = context.cast.actor("client").on(FormSubmitPage).field_names()
    assert shown == word_list(names), shown


@then('the forms page confirms "{message}"')
def step_forms_toast(context, message):
    actor = context.cast.last_actor()
    actor.on(FormsPage)  # the submission went through: back on the forms list
    assert message in actor.page(Toast).messages(), actor.page(Toast).messages()


@then('the submission is refused with "{message}"')
def step_submission_refused(context, message):
    assert context.cast.actor("client").on(FormSubmitPage).message() == message


@then('"Required" is shown at "{names}"')
def step_required_at(context, names):
    errors = context.cast.actor("client").on(FormSubmitPage).errors()
    assert errors == {name: "Required" for name in word_list(names)}, errors


@then('no entry has been saved for "{title}"')
def step_no_entry(context, title):
    assert context.api.get("/form_entries", form_id=context.notes["forms"][title]) == []


# -- the admin reads the entries --------------------------------------------------------------


@when('the admin opens the entries of "{title}"')
def step_open_entries(context, title):
    context.cast.actor("admin").page(LeftMenu).go_to("Forms", FormsPage).open_entries(title)


@then('the entries show one submission by "{name}" with the status "{status}"')
def step_one_entry(context, name, status):
    entries = context.cast.actor("admin").on(FormEntriesPage).entries()
    assert [(e.submitted_by, e.status) for e in entries] == [(name, status)], entries


@then("the entry shows the values:")
def step_entry_values(context):
    values = context.cast.actor("admin").on(FormEntriesPage).open_entry().values()
    assert values == {row["field"]: row["value"] for row in context.table}, values


@then("the client sees the published forms to fill in, or that there are none")
def step_client_sees_forms(context):
    page = context.cast.actor("client").on(FormsPage)
    assert page.forms() or page.empty_message() == "No Forms", "the forms page shows neither forms nor 'No Forms'"

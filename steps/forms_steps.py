"""Forms: an admin creates, builds and publishes forms; a client fills them in; the admin reads the entries."""
from datetime import datetime
from zoneinfo import ZoneInfo

from behave import given, then, when

from pages.components import PageFrame, SideMenu, Snackbar
from pages.form_fill import (
    FormEntriesPage,
    FormUnavailablePage,
    MyFormsPage,
    SubmissionPage,
    SubmitFormPage,
)
from pages.forms import FormBuilderPage, FormCreatePage, FormsPage
from prodready.forms import answers_of, fields_of, prepare_form, word_list
from prodready.vocabulary import ui_table

# -- forms made for a scenario, through the platform's API ------------------------------------


@given('a {state:w} form "{name}" with the fields:')
def step_form_with_fields(context, state, name):
    assert state in ("published", "draft"), f"a form is published or draft, not {state!r}"
    context.notes.setdefault("forms", {})[name] = prepare_form(
        context.cast.api_as("admin"), context.data.name(name), fields_of(context.table), publish=state == "published")


@given('a published form "{name}" with a preview reading "{text}" and the fields:')
def step_form_with_preview(context, name, text):
    context.notes.setdefault("forms", {})[name] = prepare_form(
        context.cast.api_as("admin"), context.data.name(name), fields_of(context.table), rendered_text=text, preview=True)


@given('the admin has started the form "{name}" with the category "{category}"')
def step_form_started(context, name, category):
    context.notes.setdefault("forms", {})[name] = prepare_form(
        context.cast.api_as("admin"), context.data.name(name), [], category=category, publish=False)


# -- the admin creates and builds a form ------------------------------------------------------


@then('the {who:Persona} sees the "{title:Ui}" page offering "{label:Ui}"')
def step_sees_forms_page(context, who, title, label):
    actor = context.cast.actor(who)
    assert (actor.page(PageFrame).title(), actor.on(FormsPage).create_label()) == (title, label)


@when("the admin starts a new form")
def step_start_form(context):
    context.cast.actor("admin").on(FormsPage).start_form()


@then('the new form asks for "{labels:UiList}"')
def step_new_form_fields(context, labels):
    shown = context.cast.actor("admin").on(FormCreatePage).field_labels()
    assert [label for label in shown if label in labels] == labels, shown


@then('the new form offers the switches "{labels:UiList}"')
def step_new_form_switches(context, labels):
    shown = context.cast.actor("admin").on(FormCreatePage).switch_labels()
    assert [label for label in shown if label in labels] == labels, shown


@when('the admin creates the form "{name}" described as "{description}"')
def step_create_form(context, name, description):
    context.cast.actor("admin").open(FormsPage).start_form().create(context.data.name(name), description)


@then('the forms list includes "{name}"')
def step_list_includes(context, name):
    shown = context.cast.actor("admin").on(FormsPage).form_names()
    assert context.data.name(name) in shown, shown


@when('the admin opens the builder of "{name}"')
def step_open_builder(context, name):
    prepared = context.notes.get("forms", {}).get(name)  # made through the API: opened by its address
    if prepared:
        return context.cast.actor("admin").open(FormBuilderPage, f"/edit_form/{prepared.id}")
    context.cast.actor("admin").open(FormsPage).open_builder(context.data.name(name))


@when('the admin adds the category "{category}"')
def step_add_category(context, category):
    context.cast.actor("admin").on(FormBuilderPage).add_category(category)


@when('the admin adds to the category "{category}" the fields:')
@ui_table("type")
def step_add_fields(context, category):
    admin = context.cast.actor("admin")
    for field in fields_of(context.table):
        admin.on(FormBuilderPage).add_field(category, field.name, field.kind, field.required, field.options)
        context.notes.setdefault("field_messages", []).append(admin.page(Snackbar).message())


@then('every field was confirmed with "{message:Ui}"')
def step_fields_confirmed(context, message):
    assert set(context.notes["field_messages"]) == {message}, context.notes["field_messages"]


@then('the builder shows the fields "{names}"')
def step_builder_fields(context, names):
    shown = context.cast.actor("admin").on(FormBuilderPage).field_names()
    assert shown == word_list(names), shown


@when('the admin publishes the form, confirming "{question:Ui}"')
def step_publish(context, question):
    asked = context.cast.actor("admin").on(FormBuilderPage).publish()
    assert asked == question, f"the confirmation asked {asked!r}"


# -- a client fills a form in -----------------------------------------------------------------


@when('the {who:Persona} opens their "{title:Ui}" page from the menu')
def step_open_my_forms(context, who, title):
    context.cast.actor(who).open(SideMenu, "/").go(title)


@when('the client opens the form "{name}" from their forms')
def step_open_form(context, name):
    context.cast.actor("client").open(MyFormsPage).open_form(context.data.name(name))


@when("the client answers:")
def step_answer(context):
    context.notes["answers"] = answers_of(context.table)
    form = context.cast.actor("client").on(SubmitFormPage)
    for field, answer in context.notes["answers"].items():
        form.answer(field, answer)


@when("the client submits the form")
def step_submit(context):
    context.cast.actor("client").on(SubmitFormPage).submit()


@when("the client saves the form as a draft")
def step_save_draft(context):
    context.cast.actor("client").on(SubmitFormPage).save_as_draft()


@when("the client confirms the contract")
def step_confirm_contract(context):
    context.cast.actor("client").on(SubmitFormPage).confirm()


@then('the form marks only "{names}" with "{message:Ui}"')
def step_marked_required(context, names, message):
    shown = context.cast.actor("client").on(SubmitFormPage).errors()
    assert sorted(shown) == sorted(f"{name} {message}" for name in word_list(names)), shown


@then("the client's form is empty again")
def step_form_empty(context):
    answers = context.cast.actor("client").on(SubmitFormPage).answers()
    assert answers and not any(answers.values()), answers


@then("the form still holds the client's answers")
def step_form_holds_answers(context):
    answers = context.cast.actor("client").on(SubmitFormPage).answers()
    assert {k: answers.get(k) for k in context.notes["answers"]} == context.notes["answers"], answers


@then('the client is shown the "{title:Ui}" reading "{text}"')
def step_preview(context, title, text):
    shown = context.cast.actor("client").on(SubmitFormPage).preview()
    assert shown == (title, text), shown


@then('the client\'s own forms list "{name}" as "{status:Ui}"')
def step_own_forms(context, name, status):
    own = context.cast.actor("client").open(MyFormsPage).own_forms()
    assert {"name": context.data.name(name), "status": status} in [{k: r[k] for k in ("name", "status")} for r in own], own


@then('"{name}" is not among the forms offered to the client')
def step_not_offered(context, name):
    offered = context.cast.actor("client").on(MyFormsPage).offered()
    assert context.data.name(name) not in offered, offered


@when('the client follows a link to the form "{name}"')
def step_follow_link(context, name):
    context.cast.actor("client").open(FormUnavailablePage, f"/form/{context.notes['forms'][name].id}")


@then('the form\'s page says "{message:Ui}"')
def step_form_page_says(context, message):
    assert context.cast.actor("client").on(FormUnavailablePage).message() == message


@then('the client is offered the forms to fill in, or told "{message:Ui}"')
def step_offered_or_none(context, message):
    page = context.cast.actor("client").on(MyFormsPage)
    assert page.offered() or page.no_forms_text() == message, "the My Form page shows neither forms nor the message"


# -- the admin reads the entries --------------------------------------------------------------


@when('the admin opens the entries of "{name}"')
def step_open_entries(context, name):
    context.cast.actor("admin").open(FormsPage).open_entries(context.data.name(name))


@then('the entries list one "{status:Ui}" entry of version {version:d}, submitted today by the client')
def step_one_entry(context, status, version):
    today = datetime.now(ZoneInfo(context.target.timezone)).date().isoformat()
    entries = context.cast.actor("admin").on(FormEntriesPage).entries()
    assert entries == [{"date": today, "version": str(version), "by": context.cast.person("client").name,
                        "status": status}], entries


@when("the admin opens that entry")
def step_open_entry(context):
    context.cast.actor("admin").on(FormEntriesPage).open_entry(0)


@then("the entry holds the client's answers")
def step_entry_answers(context):
    answers = context.cast.actor("admin").on(SubmissionPage).answers()
    assert {k: answers.get(k) for k in context.notes["answers"]} == context.notes["answers"], answers


@then('the entries say "{message:Ui}"')
def step_no_entries(context, message):
    assert context.cast.actor("admin").on(FormEntriesPage).empty_message() == message

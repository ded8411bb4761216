"""Forms, the production page's "Creating a form": an admin creates a form, builds its categories and fields,
and publishes it."""

from behave import given, then, when

from pages.components import PageFrame
from pages.forms import FormBuilderPage, FormCreatePage, FormsPage
from prodready.scenario.forms import (
    FIELDS_TABLE,
    add_fields,
    fields_of,
    open_builder,
    prepare_form,
    publish_directly,
    word_list,
)
from prodready.scenario.places import at
from prodready.scenario.wording import reworded

# -- forms made for a scenario, through the platform's API ------------------------------------


@given('the admin has started the form "{name}" with the category "{category}"')
def step_form_started(context, name, category):
    """A draft form made for this scenario with one empty category, ready for the admin to add fields in the builder.

    Example: Given the admin has started the form "Pet Registration" with the category "Pet"
    """
    context.notes.setdefault("forms", {})[name] = prepare_form(
        context.cast.api_as("admin"), context.data.name(name), [], category=category, publish=False
    )


# -- the admin creates and builds a form ------------------------------------------------------


@reworded("the {who:Persona} is offered to create a form", title="Forms", label="Create a form")
@then('the {who:Persona} sees the "{title:Ui}" page offering "{label:Ui}"')
def step_sees_forms_page(context, who, title, label):
    """The person is on the page with this title, which offers this way to create a form.

    Example: Then the admin sees the "Forms" page offering "Create a form"
    """
    actor = context.cast.actor(who)
    assert (actor.page(PageFrame).title(), actor.on(FormsPage).create_label()) == (title, label)


@when("the admin starts a new form")
def step_start_form(context):
    """The admin starts creating a form from the Forms page.

    Example: When the admin starts a new form
    """
    at(context.cast.actor("admin"), FormsPage).start_form()


@then('the new form asks for "{labels:UiList}"')
def step_new_form_fields(context, labels):
    """The new form asks for these details, in this order (other fields may be shown too).

    Example: Then the new form asks for "Form Title, Form Description, Form Expiry Date"
    """
    shown = context.cast.actor("admin").on(FormCreatePage).field_labels()
    assert [label for label in shown if label in labels] == labels, shown


@then('the new form offers the switches "{labels:UiList}"')
def step_new_form_switches(context, labels):
    """The new form offers these on/off settings, in this order (others may be shown too).

    Example: Then the new form offers the switches "Limit to 1 response, Should have a preview, Form has Terms and Conditions, Make Public / QR Code"
    """
    shown = context.cast.actor("admin").on(FormCreatePage).switch_labels()
    assert [label for label in shown if label in labels] == labels, shown


@reworded('the admin creates a form "{name}" described as "{description}"')
@when('the admin creates the form "{name}" described as "{description}"')
def step_create_form(context, name, description):
    """The admin creates a form with this title and description from the Forms page.

    Example: When the admin creates the form "Renovation Permit" described as "Tell us about the works"
    """
    context.cast.actor("admin").open(FormsPage).start_form().create(context.data.name(name), description)


@then('the forms list includes "{name}"')
def step_list_includes(context, name):
    """The form is among the forms the admin's Forms page lists.

    Example: Then the forms list includes "Renovation Permit"
    """
    forms = context.cast.actor("admin").on(FormsPage)
    assert forms.includes(context.data.name(name)), forms.form_names()


@when('the admin opens the builder of "{name}"')
def step_open_builder(context, name):
    """The admin opens the form's builder, where categories and fields are added.

    Example: When the admin opens the builder of "Renovation Permit"
    """
    prepared = context.notes.get("forms", {}).get(name)  # made through the API: opened by its address
    open_builder(context.cast.actor("admin"), prepared, context.data.name(name))


@reworded('the admin adds the category "{category}"', adapt=lambda a: {**a, "description": a["category"]})
@when('the admin adds the category "{category}" described as "{description}"')
def step_add_category(context, category, description):
    """The admin adds a category (a section of fields, its name and description) to the form in the builder.

    Example: When the admin adds the category "Works" described as "What the works are"
    """
    context.cast.actor("admin").on(FormBuilderPage).add_category(category, description)


@when('the admin adds to the category "{category}" the fields:')
@FIELDS_TABLE
def step_add_fields(context, category, rows):
    """The admin adds the fields of the table (name, type, required, options) to a category, one by one, in the builder.

    Example: When the admin adds to the category "Works" the fields:
    """
    messages = add_fields(context.cast.actor("admin"), category, fields_of(rows))
    context.notes.setdefault("field_messages", []).extend(messages)


@then('every field was confirmed with "{message:Ui}"')
def step_fields_confirmed(context, message):
    """Each field the admin added was confirmed with this same message.

    Example: Then every field was confirmed with "Successfully added a form field"
    """
    assert set(context.notes["field_messages"]) == {message}, context.notes["field_messages"]


@then('the builder shows the fields "{names}"')
def step_builder_fields(context, names):
    """The builder shows exactly these fields, in this order.

    Example: Then the builder shows the fields "Contractor, Details, Start Date, Start Time, Inspection, Plot Type, Noise Level, Works"
    """
    shown = context.cast.actor("admin").on(FormBuilderPage).field_names()
    assert shown == word_list(names), shown


@reworded("the admin publishes the form", question="Are you sure you are ready to publish this form?")
@when('the admin publishes the form, confirming "{question:Ui}"')
def step_publish(context, question):
    """The admin publishes the form, and the platform first asks exactly this question, which the admin confirms.

    Example: When the admin publishes the form, confirming "Are you sure you are ready to publish this form?"
    """
    asked = context.cast.actor("admin").on(FormBuilderPage).publish()
    assert asked == question, f"the confirmation asked {asked!r}"


@when('the {who:Persona} publishes "{name}" all the same, sending it directly')
def step_publish_directly(context, who, name):
    """A person whose screens offer no builder publishes a form all the same: the request of the builder's Publish confirmation, from their own browser, and the platform's formUpdate.

    Example: When the client publishes "Bus Pass" all the same, sending it directly
    """
    context.notes["sent"] = publish_directly(context.cast, who, context.notes["forms"][name])

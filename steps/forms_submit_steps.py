"""Forms, the production page's "Submitting a form": a client fills in a published form, submits it or saves a
draft, and the admin reads the entries."""

from behave import given, then, when

from pages.form_fill import (
    FormEntriesPage,
    FormUnavailablePage,
    MyFormsPage,
    SubmissionPage,
    SubmitFormPage,
)
from pages.forms import FormsPage
from prodready.scenario.clock import community_today, scenario_today
from prodready.scenario.forms import (
    ANSWERS_TABLE,
    FIELDS_TABLE,
    answer_all,
    answer_directly,
    answers_given,
    answers_of,
    assert_answers_shown,
    fields_of,
    open_submission,
    prepare_form,
    submit_for,
    word_list,
)
from prodready.scenario.places import arrived_home
from prodready.scenario.wording import naming, reworded

# -- forms made for a scenario, through the platform's API ------------------------------------


@given('a {state:w} form "{name}" with the fields:')
@FIELDS_TABLE
def step_form_with_fields(context, state, name, rows):
    """A form made for this scenario through the platform's API, published or left as a draft, holding the fields of the table (name, type, required, options).

    Example: Given a published form "Gate Pass Request" with the fields:
    """
    assert state in ("published", "draft"), f"a form is published or draft, not {state!r}"
    context.notes.setdefault("forms", {})[name] = prepare_form(
        context.cast.api_as("admin"), context.data.name(name), fields_of(rows), publish=state == "published"
    )


@given('a published form "{name}" with a preview reading "{text}" and the fields:')
@FIELDS_TABLE
def step_form_with_preview(context, name, text, rows):
    """A published form made for this scenario that shows a contract preview with this text (#field stands for that field's answer), holding the fields of the table.

    Example: Given a published form "Lease Agreement" with a preview reading "Previewing: Tenant: #tenant, Rooms: #rooms" and the fields:
    """
    context.notes.setdefault("forms", {})[name] = prepare_form(
        context.cast.api_as("admin"),
        context.data.name(name),
        fields_of(rows),
        rendered_text=text,
        preview=True,
    )


@given('a published form "{name}" that expires today at {hour:Time}, with the fields:')
@FIELDS_TABLE
def step_form_expiring(context, name, hour, rows):
    """A published form made for this scenario through the platform's API, whose Form Expiry Date is this time today (community time), holding the fields of the table.

    Example: Given a published form "Market Stall" that expires today at 17:00, with the fields:
    """
    expiry = f"{scenario_today(context).isoformat()}T{hour:%H:%M}"
    context.notes.setdefault("forms", {})[name] = prepare_form(
        context.cast.api_as("admin"), context.data.name(name), fields_of(rows), expires_at=expiry
    )


@given('the {who:Persona} has submitted "{name}", answering "{field}" with "{answer}"')
def step_someone_submitted(context, who, name, field, answer):
    """A submission of this person to the form, made through the platform's API (by the admin, for them).

    Example: Given the custodian has submitted "Dog Licence", answering "Dog Name" with "Rex the Brave"
    """
    form = context.notes["forms"][name]
    context.notes.setdefault("submissions", {})[(who, name)] = submit_for(context.cast, form, who, {field: answer})
    context.notes.setdefault("answers_of", {})[who] = [answer]


# -- a client fills a form in -----------------------------------------------------------------


@reworded('the client opens "{name}" from the forms')
@when('the client opens the form "{name}" from their forms')
def step_open_form(context, name):
    """The client opens a form from their list of forms, to fill it in.

    Example: When the client opens the form "Gate Pass Request" from their forms
    """
    context.cast.actor("client").open(MyFormsPage).open_form(context.data.name(name))


@reworded("the client fills in the form:")
@when("the client answers:")
@ANSWERS_TABLE
def step_answer(context, rows):
    """The client fills in the form with the answers of the table (field, answer: a day, a time or options separated by commas as the field asks).

    Example: When the client answers:
    """
    context.notes["answers"] = answers_of(rows, scenario_today(context))
    answer_all(context.cast.actor("client").on(SubmitFormPage), context.notes["answers"])


@when("the client submits the form")
def step_submit(context):
    """The client submits the form.

    Example: When the client submits the form
    """
    context.cast.actor("client").on(SubmitFormPage).submit()


@when("the client saves the form as a draft")
def step_save_draft(context):
    """The client saves the form as a draft, to finish it later.

    Example: When the client saves the form as a draft
    """
    context.cast.actor("client").on(SubmitFormPage).save_as_draft()


@when("the client confirms the contract")
def step_confirm_contract(context):
    """The client confirms the contract preview, which submits the form.

    Example: When the client confirms the contract
    """
    context.cast.actor("client").on(SubmitFormPage).confirm()


@reworded('"Required" is shown at "{names}"', message="is Required")
@then('the form marks only "{names}" with "{message:Ui}"')
def step_marked_required(context, names, message):
    """The form marks exactly these fields, and no others, with this message.

    Example: Then the form marks only "Pet Name, Species, Born On" with "is Required"
    """
    shown = context.cast.actor("client").on(SubmitFormPage).errors()
    assert sorted(shown) == sorted(f"{name} {message}" for name in word_list(names)), shown


@then('the client is then taken to their "{title:Ui}"')
def step_taken_home(context, title):
    """After submitting, the client is taken to this page of theirs (the platform goes there a few seconds after its message).

    Example: Then the client is then taken to their "Dashboard"
    """
    arrived_home(context.cast.actor("client"), title)


@when('the client opens their own "{name}"')
def step_open_own(context, name):
    """The client opens one of their own forms (a draft, to go on filling it in) from their My Forms page.

    Example: When the client opens their own "Club Membership"
    """
    context.cast.actor("client").open(MyFormsPage).open_own(context.data.name(name))


@then("the form still holds the client's answers")
def step_form_holds_answers(context):
    """The form the client reopened still holds the answers they gave (other fields may be blank).

    Example: Then the form still holds the client's answers
    """
    assert_answers_shown(context.notes["answers"], context.cast.actor("client").on(SubmissionPage).answers())


@then('the client is shown the "{title:Ui}" reading "{text}"')
def step_preview(context, title, text):
    """The client is shown the contract preview with this title and exactly this text, answers filled in.

    Example: Then the client is shown the "Contract Preview" reading "Previewing: Tenant: John Phiri, Rooms: Two"
    """
    shown = context.cast.actor("client").on(SubmitFormPage).preview()
    assert shown == (title, text), shown


@then('the client\'s own forms list "{name}"')
def step_own_forms(context, name):
    """The client's own list of submitted forms and drafts (on their My Forms page) shows this form.

    Example: Then the client's own forms list "Club Membership"
    """
    own = context.cast.actor("client").open(MyFormsPage).own_forms()
    assert context.data.name(name) in [r["name"] for r in own], own


@then('"{name}" is not among the forms offered to the client')
def step_not_offered(context, name):
    """The form is not among the forms the client is offered to fill in.

    Example: Then "Noise Complaint" is not among the forms offered to the client
    """
    offered = context.cast.actor("client").on(MyFormsPage).offered()
    assert context.data.name(name) not in offered, offered


@when('the client follows a link to the form "{name}"')
def step_follow_link(context, name):
    """The client goes straight to the form's page, as if following a link someone shared.

    Example: When the client follows a link to the form "Noise Complaint"
    """
    context.cast.actor("client").open(FormUnavailablePage, f"/form/{context.notes['forms'][name].id}")


@then('the form\'s page says "{message:Ui}"')
def step_form_page_says(context, message):
    """The form's page says exactly this instead of showing the form.

    Example: Then the form's page says "Something went wrong while accessing this form"
    """
    said = context.cast.actor("client").on(FormUnavailablePage).message()
    assert said == message, f"the form's page says {said!r}" if said else "the form's page shows the form to fill in"


@reworded('the client is offered the forms to fill in, or told "{message:Ui}"', label="Submit Form")
@reworded(
    "the client sees the published forms to fill in, or that there are none", label="Submit Form", message="No Forms"
)
@then('the client is offered to "{label:Ui}", and shown their own forms or told "{message:Ui}"')
def step_offered_and_own(context, label, message):
    """The client's My Forms page offers this way to fill in a form, and lists their own forms or says exactly this.

    Example: Then the client is offered to "Submit Form", and shown their own forms or told "No Forms"
    """
    page = context.cast.actor("client").on(MyFormsPage)
    assert page.submit_label() == label, f"the page offers {page.submit_label()!r}"
    assert page.own_forms() or page.no_forms_text() == message, "the page shows neither own forms nor the message"


@then('"{name}" is among the forms offered to the client')
def step_offered(context, name):
    """The form is among the forms the client is offered to fill in.

    Example: Then "Market Stall" is among the forms offered to the client
    """
    offered = context.cast.actor("client").on(MyFormsPage).offered()
    assert context.data.name(name) in offered, offered


@when('the client sends answers to "{name}" all the same, directly:')
@ANSWERS_TABLE
def step_answer_directly(context, name, rows):
    """The client sends answers (table: field, answer) to the form without its page's checks: the request of its Submit, filled in, and the platform's formUserCreate.

    Example: When the client sends answers to "Noise Complaint" all the same, directly:
    """
    form = context.notes["forms"][name]
    context.notes["sent"] = answer_directly(context.cast, "client", form, answers_of(rows, scenario_today(context)))


# -- one person's submission, and who is shown it ----------------------------------------------


@when('the client follows a link to the {who:Persona}\'s "{name}" submission')
def step_open_submission(context, who, name):
    """The client goes straight to the page of another person's submission, at its own address.

    Example: When the client follows a link to the custodian's "Dog Licence" submission
    """
    context.notes["shown"] = open_submission(context, who, name, named=who)


@when('the client opens the {who:Persona}\'s "{name}" submission at an address naming the client instead')
def step_open_submission_as_own(context, who, name):
    """The client goes to the page of another person's submission at its address with the client's own id in the owner's place.

    Example: When the client opens the custodian's "Dog Licence" submission at an address naming the client instead
    """
    context.notes["shown"] = open_submission(context, who, name, named="client")


@then("the {who:Persona}'s answers are not shown to the client")
def step_answers_withheld(context, who):
    """The submission's page just opened shows none of that person's answers.

    Example: Then the custodian's answers are not shown to the client
    """
    shown = [v for v in context.notes["shown"].values() if v in context.notes["answers_of"][who]]
    assert not shown, f"the client was shown the {who}'s answers: {context.notes['shown']}"


@then("the platform gives the client none of the {who:Persona}'s answers, even when asked directly")
def step_answers_not_given(context, who):
    """Asked directly (formUserProperties, naming the owner, then naming the client), the platform gives the client none of that person's answers.

    Example: Then the platform gives the client none of the custodian's answers, even when asked directly
    """
    ((owner, name),) = [k for k in context.notes["submissions"] if k[0] == who]
    given = answers_given(
        context.cast, "client", context.cast.user_id(owner), context.notes["submissions"][(owner, name)]
    )
    leaked = [v for v in given if v in context.notes["answers_of"][who]]
    assert not leaked, f"the platform gave the client the {who}'s answers: {leaked}"


# -- the admin reads the entries --------------------------------------------------------------


@when('the admin opens the entries of "{name}"')
def step_open_entries(context, name):
    """The admin opens the entries (the submissions) of a form from the Forms page.

    Example: When the admin opens the entries of "Gate Pass Request"
    """
    context.cast.actor("admin").open(FormsPage).open_entries(context.data.name(name))


@reworded(
    'the entries show one submission by "{name}" with the status "{status:Ui}"', version=1, adapt=naming("client")
)
@then('the entries list one "{status:Ui}" entry of version {version:Count}, submitted today by the client')
def step_one_entry(context, status, version):
    """The form's entries list exactly one entry: today, of this version, by the client, with this status.

    Example: Then the entries list one "pending" entry of version 1, submitted today by the client
    """
    entries = context.cast.actor("admin").on(FormEntriesPage).entries()
    today, by = community_today(context.target.timezone).isoformat(), context.cast.person("client").name
    assert entries == [{"date": today, "version": str(version), "by": by, "status": status}], entries


@when("the admin opens that entry")
def step_open_entry(context):
    """The admin opens the newest entry of the list.

    Example: When the admin opens that entry
    """
    context.cast.actor("admin").on(FormEntriesPage).open_entry(0)


@then("the entry holds the client's answers")
def step_entry_answers(context):
    """The entry holds the answers the client gave (other fields may be blank).

    Example: Then the entry holds the client's answers
    """
    assert_answers_shown(context.notes["answers"], context.cast.actor("admin").on(SubmissionPage).answers())


@then("the entries list no entry")
def step_no_entry(context):
    """The form's entries, once loaded, list none.

    Example: Then the entries list no entry
    """
    entries = context.cast.actor("admin").on(FormEntriesPage).entries_once_loaded()
    assert entries == [], entries

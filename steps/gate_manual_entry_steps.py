"""Gate Access, script 1.2 Manual Entry: the guard records a visitor by hand, grants or denies, adds an observation."""

from behave import given, then, when

from pages.components import PageFrame
from pages.home import GuardHomePage
from pages.logbook import LogbookPage
from pages.manual_entry import ManualEntryPage, ObservationDialog
from prodready.scenario import gate_access as gate
from prodready.scenario.clock import scenario_today
from prodready.scenario.places import at
from prodready.scenario.wording import reworded

# The fields' words before the platform's: "phone" is the phone number, "vehicle" the vehicle plate.
OLD_FIELDS = {"phone": "phone number", "vehicle": "vehicle plate"}


def _field_now(arguments):
    return {**arguments, "field": OLD_FIELDS.get(arguments["field"], arguments["field"])}


@when('the {who:Persona} clicks on the "{card:Ui}" card on the guard\'s home page')
def step_home_card(context, who, card):
    """On the guard's home page (gone to first, from any page), the person opens the card with exactly this title.

    Example: When the guard clicks on the "Manual Entry" card on the guard's home page
    """
    at(context.cast.actor(who), GuardHomePage).open_card(card)


@when("the guard opens manual entry")
def step_open_manual_entry(context):
    """The guard opens the form that records a visitor by hand.

    Example: When the guard opens manual entry
    """
    context.cast.actor("guard").open(ManualEntryPage)


@when('the guard fills in the form with the required fields of the visitor "{name}"')
def step_fill_visitor(context, name):
    """The guard fills in the visitor's name, ID number, phone number, vehicle plate and reason ("Client").

    Example: When the guard fills in the form with the required fields of the visitor "Test Manual User"
    """
    context.cast.actor("guard").on(ManualEntryPage).fill(gate.visitor(context.faker, context.data.name(name)))


@reworded("the guard fills in a visitor's details without the {field}", name="Incomplete Visitor", adapt=_field_now)
@when('the guard fills in the visitor "{name}" without the {field}')
def step_fill_without(context, name, field):
    """The guard fills in every required field of the visitor but one: name, nrc (ID), phone number, vehicle plate or reason.

    Example: When the guard fills in the visitor "Incomplete Visitor" without the vehicle plate
    """
    visitor = {k: v for k, v in gate.visitor(context.faker, context.data.name(name)).items() if k != field}
    context.cast.actor("guard").on(ManualEntryPage).fill(visitor)


@when("the guard clicks Grant")
def step_grant(context):
    """The guard grants the visitor on the form access.

    Example: When the guard clicks Grant
    """
    form = context.cast.actor("guard").on(ManualEntryPage)
    context.notes["decided at"] = gate.moments_around(form.press_grant, context.target.timezone)


@when("the guard clicks Deny")
def step_deny(context):
    """The guard denies the visitor on the form access.

    Example: When the guard clicks Deny
    """
    context.cast.actor("guard").on(ManualEntryPage).deny()


@then('the guard is asked for "{title:Ui}" with "{button:Ui}"')
def step_asked_observation(context, title, button):
    """The guard is asked for an observation: a dialog with this title that offers this button.

    Example: Then the guard is asked for "Observations" with "Skip & Manually Record Next Entry"
    """
    dialog = context.cast.actor("guard").on(ObservationDialog)
    assert dialog.title() == title and button in dialog.buttons(), (dialog.title(), dialog.buttons())


@when('the {who:Persona} adds the observation "{note}"')
def step_add_observation(context, who, note):
    """The person writes this note in the observation dialog, without saving it yet.

    Example: When the guard adds the observation "Observation example"
    """
    context.cast.actor(who).on(ObservationDialog).add_note(note)


@then('the observation\'s buttons say "{save:Ui}" where they said "{skip:Ui}"')
def step_observation_buttons(context, save, skip):
    """With a note written, the dialog's first two buttons start with this word instead of the other.

    Example: Then the observation's buttons say "Save" where they said "Skip"
    """
    labels = context.cast.actor("guard").on(ObservationDialog).buttons()
    assert [label.split(" ")[0] for label in labels[:2]] == [save, save] and skip not in labels[2], labels


@when("the guard saves it and goes on to record the next entry by hand")
def step_save_and_record(context):
    """The guard saves the observation and goes on to a new manual entry.

    Example: When the guard saves it and goes on to record the next entry by hand
    """
    context.cast.actor("guard").on(ObservationDialog).save_and_record_next()


@reworded("the guard closes the observation dialog without a note", label="Close & Go To Dashboard")
@when('the guard chooses "{label:Ui}"')
def step_choose(context, label):
    """In the observation dialog, the guard chooses the button that says exactly this.

    Example: When the guard chooses "Close & Go To Dashboard"
    """
    context.cast.actor("guard").on(ObservationDialog).choose(label)


@then("the guard is on an empty manual entry form again")
def step_empty_form(context):
    """The guard is on a new, empty manual entry form.

    Example: Then the guard is on an empty manual entry form again
    """
    form = context.cast.actor("guard").on(ManualEntryPage)
    assert form.value_of("name") == "" and form.path.startswith("/request"), form.path


@then('the logbook shows "{name}" with "{chip:Ui}" and "{reason:Ui}", by the {who:Persona}')
def step_logbook_reason(context, name, chip, reason, who):
    """The logbook (opened if not shown) has an entry of this person, with these two labels, by that person.

    Example: Then the logbook shows "Test Manual User" with "Granted Access" and "Client", by the guard
    """
    entry = gate.logbook_entry(context.cast, context.data.name(name), guard=context.cast.person(who).name, chip=chip)
    assert reason in entry.chips, entry


@then('the logbook shows "{name}" with "{chip:Ui}", by the {who:Persona}')
def step_logbook_entry(context, name, chip, who):
    """The logbook (opened if not shown) has an entry of this person, with this label, by that person.

    Example: Then the logbook shows "Ruth Mumba" with "Granted Access", by the guard
    """
    gate.logbook_entry(context.cast, context.data.name(name), guard=context.cast.person(who).name, chip=chip)


@then('the logbook shows the observation "{note}" about "{name}", by the {who:Persona}')
def step_logbook_observation(context, note, name, who):
    """The logbook (opened if not shown) has an observation with this note about this person, by that person.

    Example: Then the logbook shows the observation "Observation example" about "Test Manual User", by the guard
    """
    gate.logbook_entry(
        context.cast,
        context.data.name(name),
        guard=context.cast.person(who).name,
        chip=LogbookPage.OBSERVATION,
        note=note,
    )


@then('the admin sees in the logbook that "{name}" was denied, not "{chip:Ui}"')
def step_denied_in_logbook(context, name, chip):
    """The visitor's entry was recorded as denied, and the admin's logbook shows it without this label.

    Example: Then the admin sees in the logbook that "Denied Visitor" was denied, not "Granted Access"
    """
    events = gate.events_about(context.cast, context.data.name(name))
    assert events and events[0]["data"].get("action") == "denied", events[:1]
    context.cast.actor("admin").log_in()
    entry = gate.logbook_entry(context.cast, context.data.name(name))
    assert chip not in entry.chips, f"the logbook shows {entry}"


@then('the logbook shows "{name}" on the day and at the time the guard let them in')
def step_logbook_when(context, name):
    """The visitor's newest logbook card shows the community's date and time (HH:MM) of the guard's Grant.

    Example: Then the logbook shows "Test Manual User" on the day and at the time the guard let them in
    """
    entry = gate.logbook_entry(context.cast, context.data.name(name))
    assert (entry.date, entry.time) in gate.shown_at(context.notes["decided at"]), entry


@then('the logbook shows "{name}" with "{chip:Ui}", by the {who:Persona}, on {day:Date} at {hour:Time}')
def step_logbook_entry_at(context, name, chip, who, day, hour):
    """The logbook (opened if not shown) has an entry of this person, with this label, by that person, dated and timed so (community time, 24 hours).

    Example: Then the logbook shows "Late Visitor" with "Granted Access", by the guard, on 27 November 2026 at 00:30
    """
    entry = gate.logbook_entry(context.cast, context.data.name(name), guard=context.cast.person(who).name, chip=chip)
    assert (entry.date, entry.time) == (day.on(scenario_today(context)).isoformat(), f"{hour:%H:%M}"), entry


@given('the guard has let the visitor "{name}" in by hand')
def step_let_in_by_hand(context, name):
    """The guard has recorded a visitor at the gate and granted them (through the platform's API).

    Example: Given the guard has let the visitor "Late Visitor" in by hand
    """
    gate.let_in_by_hand(context.cast, gate.visitor(context.faker, context.data.name(name)))


@given('the guard has recorded the visitor "{name}", who waits at the gate')
def step_visitor_waiting(context, name):
    """The guard has recorded a visitor at the gate and neither granted nor denied them yet (API).

    Example: Given the guard has recorded the visitor "Waiting Visitor", who waits at the gate
    """
    context.notes["waiting"] = gate.visitor_waiting(context.cast, gate.visitor(context.faker, context.data.name(name)))


@when('the {who:Persona} lets "{name}" in through the platform directly')
def step_grant_directly(context, who, name):
    """The person sends the grant of the waiting visitor to the platform themselves (entryRequestGrant), though no screen offers it to them.

    Example: When the client lets "Waiting Visitor" in through the platform directly
    """
    context.notes["grant refusal"] = gate.grant_directly(context.cast, who, context.notes["waiting"])


@then('the logbook has no observation about "{name}"')
def step_no_observation(context, name):
    """The visitor was granted, and the logbook has no observation about them.

    Example: Then the logbook has no observation about "Quiet Visitor"
    """
    assert gate.events_about(context.cast, context.data.name(name), "visitor_entry"), "the visitor was not granted"
    assert gate.events_about(context.cast, context.data.name(name), "observation_log") == []


@then('the form marks the {field} with the message "{message:Ui}"')
def step_field_message(context, field, message):
    """The manual entry form refuses the field with exactly this message.

    Example: Then the form marks the vehicle plate with the message "Vehicle Plate Number is Required"
    """
    assert message in context.cast.actor("guard").on(ManualEntryPage).errors()


@then("the form marks the {field} in red, without a message")
def step_field_red(context, field):
    """The manual entry form marks the phone number in red, shows no message and asks for no observation.

    Example: Then the form marks the phone number in red, without a message
    """
    form = context.cast.actor("guard").on(ManualEntryPage)
    assert form.phone_marked_invalid() and form.errors() == [] and not form.observation_asked(), form.errors()


@then('the logbook has nothing about "{name}"')
def step_nothing_logged(context, name):
    """The logbook has no entry and no observation about this person.

    Example: Then the logbook has nothing about "Incomplete Visitor"
    """
    events = gate.events_about(context.cast, context.data.name(name))
    assert events == [], f"the logbook has {events}"


@then('the guard is on the first step of the "{title:Ui}"')
def step_first_step(context, title):
    """The manual entry form is the first step of the page with this title (its stepper, if any, at step 1).

    Example: Then the guard is on the first step of the "Entry Request"
    """
    actor = context.cast.actor("guard")
    shown = (actor.page(PageFrame).title(), actor.on(ManualEntryPage).current_step()[0])
    assert shown == (title, 1), shown


@then('the reasons for a visit are "{reasons:UiList}"')
def step_reasons(context, reasons):
    """The form's reasons for a visit are exactly these, in this order.

    Example: Then the reasons for a visit are "Client, Prospective Client, Sales, Working, Passing Through, Other"
    """
    shown = context.cast.actor("guard").on(ManualEntryPage).reasons()
    assert shown == reasons, shown


@then('the form says "{messages:UiList}"')
def step_form_says(context, messages):
    """The manual entry form shows exactly these messages, in this order.

    Example: Then the form says "Name is Required, ID is Required, Vehicle Plate Number is Required, Reason is Required"
    """
    assert context.cast.actor("guard").on(ManualEntryPage).errors() == messages


@reworded("the phone number is marked in red")
@then("the phone number is marked in red while it is empty")
def step_phone_red(context):
    """The manual entry form's empty phone number is marked in red (the platform marks it so from the start).

    Example: Then the phone number is marked in red while it is empty
    """
    form = context.cast.actor("guard").on(ManualEntryPage)
    typed = form.value_of("phone number")  # at most the country's dial code ("+260")
    assert sum(c.isdigit() for c in typed) <= 4 and form.phone_marked_invalid(), typed


@when("the guard types a phone number")
def step_type_phone(context):
    """The guard types a visitor's phone number into the manual entry form.

    Example: When the guard types a phone number
    """
    context.cast.actor("guard").on(ManualEntryPage).fill(
        {"phone number": gate.visitor(context.faker, "")["phone number"]}
    )


@then("the phone number is no longer marked in red")
def step_phone_not_red(context):
    """The manual entry form's phone number, now filled, is not marked in red.

    Example: Then the phone number is no longer marked in red
    """
    assert not context.cast.actor("guard").on(ManualEntryPage).phone_marked_invalid()


@then("no observation is asked for")
def step_no_dialog(context):
    """The guard is not asked for an observation.

    Example: Then no observation is asked for
    """
    assert not context.cast.actor("guard").on(ManualEntryPage).observation_asked()

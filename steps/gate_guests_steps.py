"""Gate Access, script 1.3 Registered Guests: who is invited when, the guests' lists, the gate granting the valid ones."""

from behave import given, then, when

from pages.guests import InvitationsPage, MyGuestsPage
from pages.manual_entry import ObservationDialog
from prodready.scenario import clock
from prodready.scenario import gate_access as gate
from prodready.scenario.wording import reworded


@given('"{name}" is invited for today, from an hour ago to an hour from now')
def step_invited_now(context, name):
    """The admin has invited a new guest for a visit now (made through the platform's API).

    Example: Given "Peter Zulu" is invited for today, from an hour ago to an hour from now
    """
    context.notes["window"] = gate.window_around_now()
    gate.invite_guest(context.cast, context.data.name(name), context.notes["window"])


@given('"{name}" is invited for today, at a time that does not include now')
def step_invited_other_time(context, name):
    """The admin has invited a new guest for a visit today, but at another time than now (through the platform's API).

    Example: Given "Joseph Phiri" is invited for today, at a time that does not include now
    """
    context.notes["window"] = gate.window_not_now()
    gate.invite_guest(context.cast, context.data.name(name), context.notes["window"])


@given('"{name}" is invited for today, from {start:NearMinute} until {end:NearMinute}')
def step_invited_minutes(context, name, start, end):
    """The admin has invited a new guest for today, from and until a minute named from now: "an hour ago", "a minute ago", "this minute", "the next minute", "an hour from now" (API; the minute has the scenario's time left).

    Example: Given "Lubona Tembo" is invited for today, from an hour ago until this minute
    """
    now = clock.clear_of_minute_turn(context.target.timezone, context.cast.timeout)
    context.notes["window"] = gate.window_of_words(start, end, now)
    gate.invite_guest(context.cast, context.data.name(name), context.notes["window"])


@given('"{name}" is invited for today from {start:Time} to {end:Time}, the times sent with the offset {offset:Offset}')
def step_invited_with_offset(context, name, start, end, offset):
    """The admin has invited a new guest for today (the community's day), the times sent to the platform as written, with the offset +02:00, +01:00 or UTC (API).

    Example: Given "Mwaka Zulu" is invited for today from 11:00 to 12:05, the times sent with the offset UTC
    """
    today = clock.clear_of_midnight(context.target.timezone).date().isoformat()
    window = gate.Window(today, f"{start:%H:%M}", f"{end:%H:%M}")
    gate.invite_guest(context.cast, context.data.name(name), window, offset=offset)


@given('"{name}" is invited on every weekday but today\'s, from an hour ago to an hour from now')
def step_invited_other_days(context, name):
    """The admin has invited a new guest at about now, repeating for four weeks on every weekday but today's (API).

    Example: Given "Agnes Tembo" is invited on every weekday but today's, from an hour ago to an hour from now
    """
    gate.invite_repeating(context.cast, context.data.name(name), today=False)


@given('"{name}" is invited on today\'s weekday for {weeks}, from an hour ago to an hour from now')
def step_invited_this_weekday(context, name, weeks):
    """The admin has invited a new guest at about now, repeating on today's weekday "for four weeks" from today or "for the four weeks ending today" (API).

    Example: Given "Moses Banda" is invited on today's weekday for four weeks, from an hour ago to an hour from now
    """
    gate.invite_repeating(context.cast, context.data.name(name), today=True, span=weeks)


@reworded("the {who:Persona} opens the registered guests tab of the logbook", page="Invitations")
@when('the {who:Persona} opens the "{page:Ui}"')
@when('the {who:Persona} opens "{page:Ui}"')
def step_open_guest_page(context, who, page):
    """The person opens the guests' list with exactly this title: "My Guests" (their own) or "Invitations" (the gate's).

    Example: When the guard opens the "Invitations"
    Example: When the admin opens "My Guests"
    """
    gate.guest_page(context.cast.actor(who), page, opened=True)


@then('"{page:Ui}" lists "{name}" as "{validity:Ui}" at that time')
def step_my_guest_at_time(context, page, name, validity):
    """On the admin's guest list, the guest's newest invitation shows this validity and the visit's time.

    Example: Then "My Guests" lists "Grace Banda" as "Valid" at that time
    """
    card = gate.my_guest(context.cast, page, context.data.name(name))
    assert (card.validity, card.time) == (validity, context.notes["window"].shown), card


@then('"{page:Ui}" marks "{name}" as "{status:Ui}"')
@then('"{page:Ui}" lists "{name}" as "{validity:Ui}"')
def step_my_guest(context, page, name, validity=None, status=None):
    """On the admin's guest list, the guest's newest invitation shows this validity ("lists as") or status ("marks as").

    Example: Then "My Guests" lists "Agnes Tembo" as "Invalid now"
    Example: Then "My Guests" marks "Mary Dinna" as "Cancelled"
    """
    card = gate.my_guest(context.cast, page, context.data.name(name))
    assert (card.validity if validity else card.status) == (validity or status), card


@then('the guard\'s "{page:Ui}" list "{name}" as "{validity:Ui}" with "{button:Ui}" enabled')
@then('"{name}" is shown as "{validity:Ui}" with "{button:Ui}" {state}')
def step_invitation_shown(context, name, validity, button, page=None, state="enabled"):
    """The guest's invitation on the Invitations shown (or the guard's, when named) has this validity and button, enabled or disabled.

    Example: Then "Joseph Phiri" is shown as "Invalid now" with "Grant Access" disabled
    Example: Then the guard's "Invitations" list "Grace Banda" as "Valid" with "Grant Access" enabled
    """
    found = gate.invitation_named(gate.invitations_on_screen(context.cast, page), context.data.name(name))
    assert (found.validity, found.grant_label, found.grant_enabled) == (validity, button, state == "enabled"), found


@when('the {who:Persona} grants access to "{name}"')
def step_grant_access(context, who, name):
    """On the Invitations list, the person grants the guest access.

    Example: When the admin grants access to "Peter Zulu"
    """
    context.cast.actor(who).on(InvitationsPage).grant_access(context.data.name(name))


@when(
    'the guard presses the disabled "{button:Ui}" of "{name}" all the same, and sends the grant to the platform directly'
)
def step_force_grant(context, button, name):
    """On the Invitations, the guard presses a guest's disabled Grant Access all the same, then sends its operation to the platform itself.

    Example: When the guard presses the disabled "Grant Access" of "Joseph Mwale" all the same, and sends the grant to the platform directly
    """
    found = gate.invitation_named(context.cast.actor("guard").on(InvitationsPage), context.data.name(name))
    assert (found.grant_label, found.grant_enabled) == (button, False), found
    context.cast.actor("guard").on(InvitationsPage).press_disabled_grant(context.data.name(name))
    request = gate.invited_request(context.cast, "guard", context.data.name(name))
    context.notes["grant refusal"] = gate.grant_directly(context.cast, "guard", request)


@then('the platform refuses to let "{name}" in')
def step_grant_refused(context, name):
    """The grant sent directly was refused (the platform's words are kept for the report).

    Example: Then the platform refuses to let "Joseph Mwale" in
    """
    assert context.notes["grant refusal"], f"the platform let {context.data.name(name)} in"


@then('"{page:Ui}" shows the visit of "{name}" on today\'s date, from {start:Time} to {end:Time}')
def step_visit_shown(context, page, name, start, end):
    """On the admin's guest list, the guest's newest invitation starts on today's date (the community's), at these times (HH:MM).

    Example: Then "My Guests" shows the visit of "Mwaka Zulu" on today's date, from 13:00 to 14:05
    """
    card = gate.my_guest(context.cast, page, context.data.name(name))
    shown = gate.Window(clock.community_today(context.target.timezone).isoformat(), f"{start:%H:%M}", f"{end:%H:%M}")
    assert (card.starts, card.time) == (shown.starts, shown.shown), card


@reworded('the {who:Persona} adds the observation "{note}" and saves')
@when('the {who:Persona} saves the observation "{note}"')
def step_save_observation(context, who, note):
    """After granting access, the person writes this observation and saves it.

    Example: When the admin saves the observation "Arrived by taxi"
    """
    dialog = context.cast.actor(who).on(ObservationDialog)
    dialog.add_note(note)
    dialog.save()


@when(
    'the admin edits the invitation of "{name}" to today, from an hour ago to an hour from now, repeating on today\'s weekday'
)
def step_edit_invitation(context, name):
    """On My Guests, the admin moves the guest's visit to now, repeating on today's weekday for a week, and saves.

    Example: When the admin edits the invitation of "Mary Dinna" to today, from an hour ago to an hour from now, repeating on today's weekday
    """
    guests = context.cast.actor("admin").on(MyGuestsPage)
    context.notes["window"] = gate.edit_invitation(guests, context.data.name(name))


@when('the admin cancels the invitation of "{name}"')
@when('the admin re-activates the invitation of "{name}"')
def step_toggle_invitation(context, name):
    """On My Guests, the admin cancels the guest's invitation, or re-activates a cancelled one.

    Example: When the admin cancels the invitation of "Mary Dinna"
    Example: When the admin re-activates the invitation of "Mary Dinna"
    """
    context.notes["listed_before"] = gate.scheduled_count(context.cast, context.data.name(name))
    context.cast.actor("admin").on(MyGuestsPage).toggle_cancelled(context.data.name(name))


@reworded('the guard\'s "{page:Ui}" do not list "{name}"')
@then('the guard\'s "{page:Ui}" no longer list "{name}"')
def step_guard_not_listed(context, page, name):
    """The guard's list of invitations shows the guest once less than before the admin's change.

    Example: Then the guard's "Invitations" no longer list "Mary Dinna"
    """
    names = [i.name for i in gate.invitations_on_screen(context.cast, page).invitations()]
    assert names.count(context.data.name(name)) == context.notes["listed_before"] - 1, names


@reworded(
    "every registered guest shows whether their visit is valid now",
    valid="Valid",
    invalid="Invalid now",
    button="Grant Access",
    same="Valid",
)
@then(
    'every invitation shows "{valid:Ui}" or "{invalid:Ui}", and "{button:Ui}" is enabled exactly for "{same:Ui}" ones'
)
def step_every_invitation(context, valid, invalid, button, same):
    """Every invitation on the list shown is valid or not, and only the valid ones can be granted access.

    Example: Then every invitation shows "Valid" or "Invalid now", and "Grant Access" is enabled exactly for "Valid" ones
    """
    shown = context.cast.last_actor().on(InvitationsPage).invitations()
    assert all(
        i.validity in (valid, invalid) and i.grant_label == button and i.grant_enabled == (i.validity == same)
        for i in shown
    ), shown

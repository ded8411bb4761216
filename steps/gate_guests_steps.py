"""Gate Access, script 1.3 Registered Guests: an admin invites guests for a visit; the gate grants the valid ones."""

from behave import given, then, when

from pages.guests import GuestInvitePage, InvitationsPage, MyGuestsPage
from pages.manual_entry import ObservationDialog
from prodready.scenario import gate_access as gate
from prodready.target.people import unique_phone


@when("the admin opens the guest invitation form")
@when('the admin goes to the logbook and clicks on "{item:Ui}"')
def step_open_invite(context, item=None):
    """The admin opens the guest invitation form: directly, or from the logbook's menu item that says exactly this.

    Example: When the admin goes to the logbook and clicks on "New Invite"
    """
    gate.open_invite_form(context.cast.actor("admin"), item)


@then('the admin sees the "{title:Ui}" form to "{heading:Ui}"')
def step_invite_form(context, title, heading):
    """The admin is on the guest invitation form: the page has this title and the form this heading.

    Example: Then the admin sees the "Guest Invite" form to "Schedule Visit"
    """
    shown = gate.guest_page(context.cast.actor("admin"), title, GuestInvitePage)
    assert shown.text_of(GuestInvitePage.HEADING) == heading, shown.text_of(GuestInvitePage.HEADING)


@when('the admin adds the new guest "{name}"')
def step_add_guest(context, name):
    """On the invitation form, the admin adds a guest who is not a user yet: first and last name, a phone number.

    Example: When the admin adds the new guest "Grace Banda"
    """
    first, _, last = context.data.name(name).partition(" ")
    context.cast.actor("admin").on(GuestInvitePage).add_new_guest(first, last, unique_phone(context.faker.random))


@when("the admin sets the visit for today, from an hour ago to an hour from now")
def step_set_visit(context):
    """On the invitation form, the admin sets the visit: today, from an hour ago to an hour from now, community time.

    Example: When the admin sets the visit for today, from an hour ago to an hour from now
    """
    window = context.notes["window"] = gate.window_around_now()
    context.cast.actor("admin").on(GuestInvitePage).set_visit(window.day, window.start, window.end)


@when("the admin clears the visit's start time")
def step_clear_start(context):
    """On the invitation form, the admin empties the visit's start time.

    Example: When the admin clears the visit's start time
    """
    context.cast.actor("admin").on(GuestInvitePage).clear_start_time()


@when('the admin clicks "{label:Ui}"')
def step_click_invite(context, label):
    """The admin sends the invitation with the form's button, which says exactly this.

    Example: When the admin clicks "Invite Guest"
    """
    assert label == GuestInvitePage.INVITE_LABEL, f"the form's button to invite is {GuestInvitePage.INVITE_LABEL!r}"
    context.cast.actor("admin").on(GuestInvitePage).invite()


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


@when('the {who:Persona} opens the "{page:Ui}"')
@when('the {who:Persona} opens "{page:Ui}"')
def step_open_guest_page(context, who, page):
    """The person opens the guests' list with exactly this title: "My Guests" (their own) or "Invitations" (the gate's).

    Example: When the guard opens the "Invitations"
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
    """
    card = gate.my_guest(context.cast, page, context.data.name(name))
    assert (card.validity if validity else card.status) == (validity or status), card


@then('the guard\'s "{page:Ui}" list "{name}" as "{validity:Ui}" with "{button:Ui}" enabled')
@then('"{name}" is shown as "{validity:Ui}" with "{button:Ui}" {state}')
def step_invitation_shown(context, name, validity, button, page=None, state="enabled"):
    """The guest's invitation on the Invitations shown (or the guard's, when named) has this validity and button, enabled or disabled.

    Example: Then "Joseph Phiri" is shown as "Invalid now" with "Grant Access" disabled
    """
    found = gate.invitation_named(gate.invitations_on_screen(context.cast, page), context.data.name(name))
    assert (found.validity, found.grant_label, found.grant_enabled) == (validity, button, state == "enabled"), found


@when('the {who:Persona} grants access to "{name}"')
def step_grant_access(context, who, name):
    """On the Invitations list, the person grants the guest access.

    Example: When the admin grants access to "Peter Zulu"
    """
    context.cast.actor(who).on(InvitationsPage).grant_access(context.data.name(name))


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
    """
    context.notes["listed_before"] = gate.scheduled_count(context.cast, context.data.name(name))
    context.cast.actor("admin").on(MyGuestsPage).toggle_cancelled(context.data.name(name))


@then('the guard\'s "{page:Ui}" no longer list "{name}"')
def step_guard_not_listed(context, page, name):
    """The guard's list of invitations shows the guest once less than before the admin's change.

    Example: Then the guard's "Invitations" no longer list "Mary Dinna"
    """
    names = [i.name for i in gate.invitations_on_screen(context.cast, page).invitations()]
    assert names.count(context.data.name(name)) == context.notes["listed_before"] - 1, names


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


@then('the invitation asks for "{labels:UiList}"')
@then('the invitation also asks for "{labels:UiList}"')
def step_invitation_labels(context, labels):
    """The invitation form has fields with these labels (among others), in any order.

    Example: Then the invitation asks for "First Name, Last Name, Day of visit, Visit start time, Visit end time, Repeats on"
    """
    shown = context.cast.actor("admin").on(GuestInvitePage).labels()
    assert all(label in shown for label in labels), shown


@when("the admin picks a weekday for the visit to repeat on")
def step_pick_weekday(context):
    """On the invitation form, the admin picks today's weekday for the visit to repeat on.

    Example: When the admin picks a weekday for the visit to repeat on
    """
    context.cast.actor("admin").on(GuestInvitePage).toggle_weekday(gate.window_around_now().weekday())


@when('the admin searches the users for "{name}", who is not one yet')
def step_search_users(context, name):
    """On the invitation form, the admin searches the users for a name that is not a user's.

    Example: When the admin searches the users for "Stranger Unknown", who is not one yet
    """
    invite = context.cast.actor("admin").on(GuestInvitePage)
    context.notes["search_answer"] = invite.search_users(context.data.name(name))


@then('the invitation says "{message:Ui}"')
def step_invitation_says(context, message):
    """The invitation form answers the search with exactly this message.

    Example: Then the invitation says "User Not Found - Please Add New Guest"
    """
    assert context.notes["search_answer"] == message, context.notes["search_answer"]

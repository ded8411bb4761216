"""Gate Access, script 1.3 Registered Guests: the admin's guest invitation form."""

from behave import then, when

from pages.guests import GuestInvitePage
from prodready.scenario import gate_access as gate
from prodready.scenario.wording import reworded
from prodready.target.people import unique_phone


@reworded("the admin clicks on invite guest")
@reworded("the admin goes to the logbook and clicks on invite guest", item="New Invite")
@when("the admin opens the guest invitation form")
@when('the admin goes to the logbook and clicks on "{item:Ui}"')
def step_open_invite(context, item=None):
    """The admin opens the guest invitation form: directly, or from the logbook's menu item that says exactly this.

    Example: When the admin goes to the logbook and clicks on "New Invite"
    Example: When the admin opens the guest invitation form
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


@then('the invitation asks for "{labels:UiList}"')
@then('the invitation also asks for "{labels:UiList}"')
def step_invitation_labels(context, labels):
    """The invitation form has fields with these labels (among others), in any order.

    Example: Then the invitation asks for "First Name, Last Name, Day of visit, Visit start time, Visit end time, Repeats on"
    Example: Then the invitation also asks for "Repeats Until"
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

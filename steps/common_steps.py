"""Steps every area shares: people logging in, the community clock, the menu, pages a role may not see."""

from behave import given, then, when

from pages.components import SideMenu, Snackbar
from prodready.scenario.clock import community_today
from prodready.scenario.wording import reworded


@given("the {who:Persona} is logged in, in an incognito window")
@given("the {who:Persona} is logged in, in their regular browser")
@given("the {who:Persona} is logged in")
def step_logged_in(context, who):
    """A person starts logged in (the platform's token in their own browser), on their Dashboard.

    Example: Given the guard is logged in, in an incognito window
    Example: Given the admin is logged in, in their regular browser
    Example: Given the custodian is logged in
    """
    context.cast.actor(who).log_in()


@given("the {who:Persona} is logged in on their phone")
def step_logged_in_on_phone(context, who):
    """A person starts logged in on their phone (a phone-sized browser of their own).

    Example: Given the admin is logged in on their phone
    """
    context.cast.actor(who, "phone").log_in()


@given("it is {clock:Time} in the community")
def step_community_clock(context, clock):
    """Sets the community's clock to a time of today (reference app only: tag the scenario @needs_clock).

    Example: Given it is 09:30 in the community
    """
    context.test_api.set_time_today(f"{clock:%H:%M}")


@given("it is {clock:Time} on {day:Date} in the community")
def step_community_day_and_time(context, clock, day):
    """Sets the community's clock to a day and time (reference app only: tag the scenario @needs_clock); the
    scenario's "today" is then that day.

    Example: Given it is 16:00 on 20 November 2026 in the community
    """
    context.notes["community_today"] = day.on(community_today(context.target.timezone))
    context.test_api.set_clock(f"{context.notes['community_today'].isoformat()}T{clock:%H:%M}")


@reworded("the admin opens the forms from the left menu", who="admin", page="Manage Forms")
@reworded("the client opens the forms from the left menu", who="client", page="My Forms")
@reworded('the {who:Persona} opens their "{page:Ui}" page from the menu')
@when('the {who:Persona} goes to "{page:Ui}" from the menu')
def step_menu_page(context, who, page):
    """A person opens a page from the side menu: an entry of the menu itself.

    Example: When the admin goes to "Manage Forms" from the menu
    """
    context.cast.actor(who).page(SideMenu).go(page)


@reworded("the {who:Persona} goes to the logbook from the left menu", entry="Access", page="Logs")
@when('the {who:Persona} goes to "{entry:Ui}" › "{page:Ui}" from the menu')
def step_menu_entry(context, who, entry, page):
    """A person opens a page from the side menu: a group, then its entry.

    Example: When the admin goes to "Access" › "Logs" from the menu
    """
    context.cast.actor(who).page(SideMenu).go(entry, page)


@when('the {who:Persona} goes to "{group:Ui}" › "{entry:Ui}" › "{page:Ui}" from the menu')
def step_menu_entry_in_group(context, who, group, entry, page):
    """A person opens a page from the side menu: a group, a group in it, then its entry.

    Example: When the admin goes to "Community" › "Tasks" › "Tasks" from the menu
    """
    context.cast.actor(who).page(SideMenu).go(group, entry, page)


@reworded('the forms page confirms "{message:Ui}"', who="client")
@reworded('the submission is refused with "{message:Ui}"', who="client")
@reworded('the plans page confirms "{message:Ui}"', who="admin")
@then('the {who:Persona} is told "{message:Ui}"')
def step_told(context, who, message):
    """The platform's message at the top of the screen says exactly this.

    Example: Then the admin is told "Payment made successfully"
    """
    context.cast.actor(who).page(Snackbar).wait_message(message)


@then('the platform answers "{status}" for "{name}"')
def step_platform_answers(context, status, name):
    """The platform answered what was just asked of it directly with this status ("denied" turns a person away).

    Example: Then the platform answers "denied" for "Judith Banda"
    """
    assert context.notes["answer"] == status, f"the platform answered {context.notes['answer']!r} for {name}"

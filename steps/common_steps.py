"""Steps every area shares: people logging in, the community clock, the menu, pages a role may not see."""
from behave import given, then, when

from pages.components import SideMenu, Snackbar
from prodready.vocabulary import parse_day


@given("the {who:Persona} is logged in, in an incognito window")
@given("the {who:Persona} is logged in, in their regular browser")
@given("the {who:Persona} is logged in")
def step_logged_in(context, who):
    context.cast.actor(who).log_in()


@given("the {who:Persona} is logged in on their phone")
def step_logged_in_on_phone(context, who):
    context.cast.actor(who, "phone").log_in()


@given("it is {hh:d}:{mm:d} in the community")
def step_community_clock(context, hh, mm):
    context.test_api.set_time_today(f"{hh:02d}:{mm:02d}")


@given("it is {hh:d}:{mm:d} on {day} in the community")
def step_community_day_and_time(context, hh, mm, day):
    context.test_api.set_clock(f"{parse_day(day).isoformat()}T{hh:02d}:{mm:02d}")


@when('the {who:Persona} goes to "{entry:Ui}" › "{page:Ui}" from the menu')
def step_menu_entry(context, who, entry, page):
    context.cast.actor(who).page(SideMenu).go(entry, page)


@then('the {who:Persona} is told "{message:Ui}"')
def step_told(context, who, message):
    context.cast.actor(who).page(Snackbar).wait_message(message)

"""Steps every area shares: people logging in, the community clock, the menu, pages a role may not see."""
from behave import given, then, when

from pages.components import LeftMenu
from pages.logbook import LogbookPage
from pages.login import NotFoundPage
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
    context.api.set_time_today(f"{hh:02d}:{mm:02d}")


@given("it is {hh:d}:{mm:d} on {day} in the community")
def step_community_day_and_time(context, hh, mm, day):
    context.api.set_clock(f"{parse_day(day).isoformat()}T{hh:02d}:{mm:02d}")


@when("the {who:Persona} goes to the logbook from the left menu")
def step_logbook_from_menu(context, who):
    context.cast.actor(who).page(LeftMenu).go_to("Logbook", LogbookPage)


@then('the {who:Persona} sees "{headline}"')
def step_sees_not_found(context, who, headline):
    assert context.cast.actor(who).on(NotFoundPage).headline() == headline

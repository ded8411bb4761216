"""The application overall: logging in, every menu page, pages of other roles, logging out."""
from behave import given, then, when

from pages.base import BasePage
from pages.components import TopBar
from pages.home import GuardHomePage, HomePage
from pages.logbook import LogbookPage
from pages.login import LoginPage
from prodready.application import PAGES, visit_menu


@given("the {who:Persona} opens the login page in an incognito window")
def step_open_login(context, who):
    context.cast.actor(who).open(LoginPage)


@when("the {who:Persona} logs in with their email and password")
def step_log_in_form(context, who):
    context.cast.actor(who).log_in_through_form()


@when("the {who:Persona} logs in with a wrong password")
def step_log_in_wrong(context, who):
    actor = context.cast.actor(who)
    context.notes["login_error"] = actor.on(LoginPage).log_in_expecting_error(actor.credentials.email, "not-the-password")


@then('the login page says "{message}"')
def step_login_says(context, message):
    assert context.notes["login_error"] == message, context.notes["login_error"]


@then("the {who:Persona} sees their home page, welcomed by name")
def step_home(context, who):
    actor = context.cast.actor(who)
    home = actor.on(GuardHomePage if actor.persona.role == "security_guard" else HomePage)
    assert (home.welcome(), actor.page(TopBar).user_name()) == (f"Welcome, {actor.name}", actor.name)


@when("the {who:Persona} opens every page of their menu")
def step_visit_menu(context, who):
    context.notes["visits"] = visit_menu(context.cast.actor(who))


@then("each page opened without a server error, a not-found page or a browser console error")
def step_no_problems(context):
    problems = [f"{v.label} ({v.url}): {v.problem}" for v in context.notes["visits"] if v.problem]
    assert not problems, "\n".join(problems)


@then("the menu had at least {count:d} pages")
def step_menu_size(context, count):
    assert len(context.notes["visits"]) >= count, [v.label for v in context.notes["visits"]]


@when("the {who:Persona} types the address of {page}")
def step_open_by_address(context, who, page):
    context.cast.actor(who).open(BasePage, PAGES[page])


@given("the admin is looking at the logbook")
def step_admin_on_logbook(context):
    context.cast.actor("admin").open(LogbookPage)


@when("the {who:Persona} logs out")
def step_log_out(context, who):
    context.cast.actor(who).page(TopBar).log_out()


@when("the {who:Persona} goes back in the browser")
def step_back(context, who):
    context.cast.actor(who).page(LoginPage).go_back()


@then("the {who:Persona} sees the login page, not the logbook")
def step_sees_login(context, who):
    assert context.cast.actor(who).on(LoginPage).is_current() and not context.cast.actor(who).page(LogbookPage).is_current()

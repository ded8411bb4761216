"""The application overall: logging in, every menu page, pages of other roles, logging out."""
from behave import given, then, when

from pages.components import PageFrame, SideMenu
from pages.home import GuardHomePage, HomePage
from pages.login import LoginPage, SetPasswordPage
from prodready.application import page_withheld, visit_menu
from prodready.pages_by_name import page_named
from prodready.people import new_person_with_reset_password, strong_password


@given("the {who:Persona} opens the login page in an incognito window")
def step_open_login(context, who):
    context.cast.actor(who).open(LoginPage)


@when("the {who:Persona} logs in with their username and password")
def step_log_in_form(context, who):
    context.cast.actor(who).log_in_through_form()


@when("the {who:Persona} logs in with a wrong password")
def step_log_in_wrong(context, who):
    actor = context.cast.actor(who)
    creds = actor.require_credentials()
    context.notes["login_error"] = actor.on(LoginPage).log_in_expecting_error(creds.username, creds.password + "-wrong")


@then('the login screen says "{message:Ui}"')
def step_login_says(context, message):
    assert context.notes["login_error"] == message, context.notes["login_error"]


@then('the {who:Persona} sees their "{title:Ui}" with the cards "{cards:UiList}"')
def step_home_cards(context, who, title, cards):
    actor = context.cast.actor(who)
    shown = actor.on(GuardHomePage if actor.persona.role == "security_guard" else HomePage).cards()
    assert actor.page(PageFrame).title() == title and all(c in shown for c in cards), shown


@then('the {who:Persona} sees their "{title:Ui}" with the button "{label:Ui}"')
def step_home_button(context, who, title, label):
    home = context.cast.actor(who).on(HomePage)
    assert (home.title(), home.button_label()) == (title, label), (home.title(), home.button_label())


@when("the {who:Persona} opens every page of their menu")
def step_visit_menu(context, who):
    context.notes["visits"] = visit_menu(context.cast.actor(who))


@then("each page opened without a not-found page or a browser console error")
def step_no_problems(context):
    problems = [f"{v.label} ({v.url}): {v.problem}" for v in context.notes["visits"] if v.problem]
    assert not problems, "\n".join(problems)


@then("the menu had at least {count:d} pages")
def step_menu_size(context, count):
    assert len(context.notes["visits"]) >= count, [v.label for v in context.notes["visits"]]


@when("the {who:Persona} types the address of {page}")
def step_open_by_address(context, who, page):
    context.notes["typed"] = context.cast.actor(who).open(page_named(page).page, page_named(page).path)


@then("the {who:Persona} is not shown {page}")
def step_not_shown(context, who, page):
    assert page_withheld(context.cast.actor(who).page(page_named(page).page)), f"{page} was shown to the {who}"


@given("the admin is looking at the logbook")
def step_admin_on_logbook(context):
    context.cast.actor("admin").open(page_named("the logbook").page)


@when("the {who:Persona} logs out from the menu")
def step_log_out(context, who):
    context.cast.actor(who).page(SideMenu).log_out()


@when("the {who:Persona} goes back in the browser")
def step_back(context, who):
    context.cast.actor(who).page(LoginPage).go_back()


@then("the {who:Persona} sees the login screen, not the logbook")
def step_sees_login(context, who):
    actor = context.cast.actor(who)
    actor.on(LoginPage)
    assert not actor.page(page_named("the logbook").page).is_current()


@given('an admin has reset the password of a new client "{name}"')
def step_new_client_reset(context, name):
    context.notes["newcomer"] = new_person_with_reset_password(context.cast, context.data.name(name), "client")


@when("the new client logs in with the password the admin gave them")
def step_newcomer_logs_in(context):
    person = context.notes["newcomer"]
    actor = context.cast.actor(person.key)
    actor.open(LoginPage).log_in_as(person.username, person.password, expect_home=False)


@then('the new client is asked to "{title:Ui}"')
def step_asked_to_set_password(context, title):
    actor = context.cast.actor(context.notes["newcomer"].key)
    assert actor.on(SetPasswordPage).title() == title


@when("the new client sets a new password of their own")
def step_newcomer_sets_password(context):
    actor = context.cast.actor(context.notes["newcomer"].key)
    actor.on(SetPasswordPage).set_password(strong_password(context.faker))


@then('the new client lands on their "{title:Ui}"')
def step_newcomer_home(context, title):
    assert context.cast.actor(context.notes["newcomer"].key).on(HomePage).title() == title

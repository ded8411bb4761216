"""The application overall: logging in, every menu page, pages of other roles, logging out."""

from behave import given, then, when

from pages.components import PageFrame, SideMenu
from pages.home import GuardHomePage, HomePage
from pages.login import LoginPage, SetPasswordPage
from prodready.browser.actors import origin_of
from prodready.scenario.application import ANOTHER_SITE, page_data_given, page_withheld, visit_menu
from prodready.scenario.pages_by_name import page_named
from prodready.scenario.places import arrived_home
from prodready.scenario.security import password_works
from prodready.scenario.wording import reworded
from prodready.target.people import new_person_with_reset_password, strong_password


@given("the {who:Persona} opens the login page in an incognito window")
def step_open_login(context, who):
    """A person opens the login screen in a fresh, private window.

    Example: Given the guard opens the login page in an incognito window
    """
    context.cast.actor(who).open(LoginPage)


@given("the {who:Persona} opens, in an incognito window, a login link that leads on to another site")
def step_open_hostile_login(context, who):
    """A person opens a login link whose address says to go on to another site after logging in.

    Example: Given the client opens, in an incognito window, a login link that leads on to another site
    """
    context.cast.actor(who).page(LoginPage).open_leading_to(ANOTHER_SITE)


@when("the {who:Persona} logs in there with their username and password")
def step_log_in_there(context, who):
    """A person logs in on the login screen shown now with their username and password.

    Example: When the client logs in there with their username and password
    """
    creds = context.cast.actor(who).require_credentials()
    context.cast.actor(who).on(LoginPage).log_in_as(creds.username, creds.password, expect_home=False)


@then('the {who:Persona} lands on their "{title:Ui}", on the community\'s own site')
def step_lands_home_here(context, who, title):
    """After logging in, the person is on their home page with this title, and still on the community's site.

    Example: Then the client lands on their "Dashboard", on the community's own site
    """
    actor = context.cast.actor(who)
    assert actor.page(LoginPage).site() == origin_of(actor.base_url), actor.page(LoginPage).url
    arrived_home(actor, title)


@reworded("the {who:Persona} logs in with their email and password")
@when("the {who:Persona} logs in with their username and password")
def step_log_in_form(context, who):
    """A person logs in on the login screen with their username and password.

    Example: When the guard logs in with their username and password
    """
    context.cast.actor(who).log_in_through_form()


@when("the {who:Persona} logs in with a wrong password")
def step_log_in_wrong(context, who):
    """A person tries to log in with a wrong password.

    Example: When the guard logs in with a wrong password
    """
    actor = context.cast.actor(who)
    creds = actor.require_credentials()
    context.notes["login_error"] = actor.on(LoginPage).log_in_expecting_error(creds.username, creds.password + "-wrong")


@reworded('the login page says "{message:Ui}"')
@then('the login screen says "{message:Ui}"')
def step_login_says(context, message):
    """The login screen's message after a refused login.

    Example: Then the login screen says "Wrong username or password"
    """
    assert context.notes["login_error"] == message, context.notes["login_error"]


@then('the {who:Persona} sees their "{title:Ui}" with the cards "{cards:UiList}"')
def step_home_cards(context, who, title, cards):
    """A person's home page has this title and (at least) these cards.

    Example: Then the guard sees their "Dashboard" with the cards "Scan, Identity, Manual Entry"
    """
    actor = context.cast.actor(who)
    shown = actor.on(GuardHomePage if actor.persona.role == "security_guard" else HomePage).cards()
    assert actor.page(PageFrame).title() == title and all(c in shown for c in cards), shown


@then('the {who:Persona} sees their "{title:Ui}" with the button "{label:Ui}"')
def step_home_button(context, who, title, label):
    """A person's home page has this title and this button.

    Example: Then the admin sees their "Dashboard" with the button "My QR Code"
    """
    home = context.cast.actor(who).on(HomePage)
    assert (home.title(), home.button_label()) == (title, label), (home.title(), home.button_label())


@when("the {who:Persona} opens every page of their menu")
def step_visit_menu(context, who):
    """A person opens, one after the other, every page of their side menu.

    Example: When the client opens every page of their menu
    """
    context.notes["visits"] = visit_menu(context.cast.actor(who))


@reworded("each page opened without a server error, a not-found page or a browser console error")
@then("each page opened without a not-found page or a browser console error")
def step_no_problems(context):
    """None of the pages just opened was a not-found page or logged a browser error.

    Example: Then each page opened without a not-found page or a browser console error
    """
    problems = [f"{v.label} ({v.url}): {v.problem}" for v in context.notes["visits"] if v.problem]
    assert not problems, "\n".join(problems)


@then("the menu had at least {count:Count} pages")
def step_menu_size(context, count):
    """The side menu offered at least this many pages.

    Example: Then the menu had at least 4 pages
    """
    assert len(context.notes["visits"]) >= count, [v.label for v in context.notes["visits"]]


@reworded("the {who:Persona} opens the guest invitation page by its address", page="the guest invitation form")
@when("the {who:Persona} types the address of {page:PageName}")
def step_open_by_address(context, who, page):
    """A person types the address of a page into the browser.

    Example: When the client types the address of the logbook
    """
    named = page_named(page)
    context.cast.actor(who).visit(named.page, named.path)


@then("the {who:Persona} is not shown {page:PageName}")
def step_not_shown(context, who, page):
    """The page typed is not shown to that person.

    Example: Then the client is not shown the logbook
    """
    assert page_withheld(context.cast.actor(who).page(page_named(page).page)), f"{page} was shown to the {who}"


@then("the platform refuses the {who:Persona} what {page:PageName} asks it for, even when asked directly")
def step_page_data_refused(context, who, page):
    """The platform refuses the person every operation the page asks for or sends (its queries, its form's mutation), asked through its API.

    Example: Then the platform refuses the client what the logbook asks it for, even when asked directly
    """
    given = page_data_given(context.cast, context.data.run_id, who, page)
    assert not given, f"the platform gave the {who} what {page} asks for: {given}"


@given("the admin is looking at the logbook")
def step_admin_on_logbook(context):
    """The admin has the logbook open.

    Example: Given the admin is looking at the logbook
    """
    context.cast.actor("admin").open(page_named("the logbook").page)


@reworded("the {who:Persona} logs out")
@when("the {who:Persona} logs out from the menu")
def step_log_out(context, who):
    """A person logs out through My Account › Logout.

    Example: When the admin logs out from the menu
    """
    context.cast.actor(who).page(SideMenu).log_out()
    context.cast.forget_login(who)


@when("the {who:Persona} goes back in the browser")
def step_back(context, who):
    """A person presses the browser's back button.

    Example: When the admin goes back in the browser
    """
    context.cast.actor(who).page(LoginPage).go_back()


@reworded("the {who:Persona} sees the login page, not the logbook")
@then("the {who:Persona} sees the login screen, not the logbook")
def step_sees_login(context, who):
    """The login screen is shown and the logbook is not.

    Example: Then the admin sees the login screen, not the logbook
    """
    actor = context.cast.actor(who)
    actor.on(LoginPage)
    assert not actor.page(page_named("the logbook").page).is_current()


@given('an admin has reset the password of a new client "{name}"')
def step_new_client_reset(context, name):
    """A new client exists whose password an admin has just reset (through the platform's API).

    Example: Given an admin has reset the password of a new client "Chipo Mwale"
    """
    context.notes["newcomer"] = new_person_with_reset_password(context.cast, context.data.name(name), "client")


@when("the new client logs in with the password the admin gave them")
def step_newcomer_logs_in(context):
    """That new client logs in with the password the admin gave them.

    Example: When the new client logs in with the password the admin gave them
    """
    person = context.notes["newcomer"]
    actor = context.cast.actor(person.key)
    actor.open(LoginPage).log_in_as(person.username, person.password, expect_home=False)


@then('the new client is asked to "{title:Ui}"')
def step_asked_to_set_password(context, title):
    """The platform asks the new client to set their own password.

    Example: Then the new client is asked to "Set Password"
    """
    actor = context.cast.actor(context.notes["newcomer"].key)
    assert actor.on(SetPasswordPage).title() == title


@when("the new client sets a new password of their own")
def step_newcomer_sets_password(context):
    """The new client sets a strong password of their own.

    Example: When the new client sets a new password of their own
    """
    actor, context.notes["own password"] = (
        context.cast.actor(context.notes["newcomer"].key),
        strong_password(context.faker),
    )
    actor.on(SetPasswordPage).set_password(context.notes["own password"])


@when("the new client logs out and logs in again with the password they set")
def step_newcomer_logs_in_again(context):
    """The new client logs out from the menu, then logs in on the login screen with the password they set.

    Example: When the new client logs out and logs in again with the password they set
    """
    person, actor = context.notes["newcomer"], context.cast.actor(context.notes["newcomer"].key)
    actor.page(SideMenu).log_out()
    actor.open(LoginPage).log_in_as(person.username, context.notes["own password"])


@then("the password the admin gave them no longer logs the new client in")
def step_admin_password_gone(context):
    """The password the admin gave the new client is refused now that they have set their own.

    Example: Then the password the admin gave them no longer logs the new client in
    """
    assert password_works(context.cast, context.notes["newcomer"]), "the password the admin gave still logs them in"


@then('the new client lands on their "{title:Ui}"')
def step_newcomer_home(context, title):
    """The new client has reached their home page.

    Example: Then the new client lands on their "Dashboard"
    """
    arrived_home(context.cast.actor(context.notes["newcomer"].key), title)

"""Who may do what (features/security.feature): someone else's password, the permission matrix, another
client's payments, addresses hiding another site, a token kept after logging out, a login by e-mail."""

from behave import given, then, when

from pages.login import LoginPage
from pages.scan import ScanPage
from prodready.browser.actors import origin_of
from prodready.scenario import security, security_matrix
from prodready.scenario.gate_access import qr_png

ROLES = {"admin": "admin", "client": "client", "guard": "security_guard", "custodian": "custodian"}


def _newcomer(context, role):
    return context.notes["newcomers"][role]


@given('a new {role:Role} "{name}" who has set a password of their own')
def step_new_person(context, role, name):
    """A new person of that role, made for this scenario by the admin (API), who has set their own password.

    Example: Given a new admin "Mutale Phiri" who has set a password of their own
    """
    context.notes.setdefault("newcomers", {})[role] = security.new_person(context, name, ROLES[role])


@given('a new client "{name}" with an e-mail address, who has set a password of their own')
def step_new_client_with_email(context, name):
    """A new client with an e-mail address, made for this scenario by the admin (API), with their own password.

    Example: Given a new client "Chanda Mwila" with an e-mail address, who has set a password of their own
    """
    context.notes.setdefault("newcomers", {})["client"] = security.new_person(context, name, "client", with_email=True)


@when("{attacker:Caller} asks the platform to set a new password for the new {role:Role}")
def step_set_someone_elses_password(context, attacker, role):
    """Someone (not that person) calls the Set Password screen's operation for the new person (API).

    Example: When someone not logged in asks the platform to set a new password for the new admin
    """
    context.notes["attempt"] = security.set_password_of(context.cast, attacker, _newcomer(context, role), context.faker)


@when("someone not logged in asks the platform to reset the new client's password by their e-mail address")
def step_reset_by_email(context):
    """Someone not logged in asks for the new client's password to be reset ("Reset password?", API).

    Example: When someone not logged in asks the platform to reset the new client's password by their e-mail address
    """
    person = _newcomer(context, "client")
    context.notes["refusal"] = security.reset_by_email(context.cast, context.notes["emails"][person.key])


@then("the new {role:Role}'s own password still works")
def step_own_password_works(context, role):
    """The new person still logs in with the password they set themselves.

    Example: Then the new admin's own password still works
    """
    refused = security.password_works(context.cast, _newcomer(context, role))
    assert not refused, f"the new {role}'s own password no longer logs them in: {refused}"


@then("the platform handed {attacker:Caller} no token")
def step_no_token(context, attacker):
    """The attempt got no token to act as the new person with.

    Example: Then the platform handed someone not logged in no token
    """
    attempt = context.notes["attempt"]
    assert attempt.token is None, f"the platform handed {attacker or 'someone not logged in'} a token of theirs"


@when('each person asks the platform for "{operation}", and so does someone not logged in')
def step_matrix_ask(context, operation):
    """Each persona, then someone not logged in, calls the operation with arguments that write nothing.

    Example: When each person asks the platform for "paymentsList", and so does someone not logged in
    """
    context.notes["verdicts"] = security_matrix.who_may(context.cast, context.data.run_id, operation)


@then(
    '"{operation}" is {anonymous:Verdict} to someone not logged in, {guard:Verdict} to the guard, '
    "{custodian:Verdict} to the custodian, {client:Verdict} to the client and {admin:Verdict} to the admin"
)
def step_matrix_verdicts(context, operation, anonymous, guard, custodian, client, admin):
    """What the platform answered each caller: allowed (its answer) or refused (its "Unauthorized").

    Example: Then "paymentsList" is refused to someone not logged in, refused to the guard, refused to the custodian, refused to the client and allowed to the admin
    """
    expected = dict(zip(security_matrix.CALLERS, (anonymous, guard, custodian, client, admin), strict=True))
    wrong = security_matrix.differences(expected, context.notes["verdicts"])
    assert not wrong, f"{operation}: " + "; ".join(wrong)


@when("the guard asks the platform for the community's payments and for the client's transactions")
def step_guard_asks_payments(context):
    """The guard asks the platform's API for the payments list and for the client persona's transactions.

    Example: When the guard asks the platform for the community's payments and for the client's transactions
    """
    context.notes["asked"] = security.payments_asked(context.cast, "guard", context.cast.user_id("client"))


@then("the platform refuses the {who:Persona} both")
def step_refuses_both(context, who):
    """Both of the person's last requests were refused with the platform's "Unauthorized".

    Example: Then the platform refuses the guard both
    """
    asked = context.notes["asked"]
    assert all(words == "Unauthorized" for words in asked.values()), f"the {who} was answered: {asked}"


@given('a new client "{name}" has paid towards a plan of their own')
def step_other_client_paid(context, name):
    """A new client with a plot, a plan and one cash payment, made for this scenario by the admin (API).

    Example: Given a new client "Bwalya Mumba" has paid towards a plan of their own
    """
    context.notes["other"] = security.client_who_paid(context, name)


@when("the {who:Persona} asks the platform for the transactions and a receipt of the new client")
def step_asks_others_payments(context, who):
    """The person asks the platform's API for the new client's transactions and one of their receipts.

    Example: When the client asks the platform for the transactions and a receipt of the new client
    """
    context.notes["asked"] = security.others_payments_asked(context.cast, who, context.notes["other"])


@when("the {who:Persona} opens the new client's transactions by their address")
def step_open_others_transactions(context, who):
    """The person types the address of the new client's transactions (their profile's Plans › Transactions).

    Example: When the client opens the new client's transactions by their address
    """
    context.notes["withheld"] = security.transactions_withheld(
        context.cast.actor(who), context.notes["other"]["user_id"]
    )


@then("the new client's transactions are not shown to the {who:Persona}")
def step_others_transactions_withheld(context, who):
    """The address just typed did not show the new client's transactions.

    Example: Then the new client's transactions are not shown to the client
    """
    assert context.notes["withheld"], f"the {who} was shown the new client's transactions"


@given("the {who:Persona} opens, in an incognito window, a login link that hides another site behind {trick}")
def step_open_tricky_login(context, who, trick):
    """A person opens a login link whose next address hides another site (a tab, a backslash, …).

    Example: Given the client opens, in an incognito window, a login link that hides another site behind a tab
    """
    context.cast.actor(who).open(LoginPage, security.LOGIN_TRICKS[trick])


@when("the guard scans a code of the community's own address that hides another site behind {trick}")
def step_scan_tricky_code(context, trick):
    """The guard's camera reads a code of the community's address that hides another site; the scanner acts.

    Example: When the guard scans a code of the community's own address that hides another site behind a double slash
    """
    context.cast.pool.camera.show(qr_png(security.scan_code(context.cast.base_url, trick)))
    security.scanner_done(context.cast.actor("guard").open(ScanPage))


@then("the {who:Persona} is still on the community's own site")
def step_still_on_site(context, who):
    """The person's browser is on the community's site (scheme, host and port), not another.

    Example: Then the guard is still on the community's own site
    """
    actor = context.cast.actor(who)
    assert actor.page(LoginPage).site() == origin_of(actor.base_url), (
        f"the {who} was taken to {actor.page(LoginPage).url}"
    )


@given("the new client is logged in")
def step_newcomer_logged_in(context):
    """The new client starts logged in (their token planted, as the platform keeps it).

    Example: Given the new client is logged in
    """
    context.cast.actor(_newcomer(context, "client").key).log_in()


@when("the new client logs out from the menu")
def step_newcomer_logs_out(context):
    """The new client logs out through My Account › Logout and sees the login screen.

    Example: When the new client logs out from the menu
    """
    actor = context.cast.actor(_newcomer(context, "client").key)
    context.notes["old_token"] = security.log_out_from_menu(actor)
    actor.on(LoginPage)


@then("the token the new client held no longer opens anything")
def step_old_token_dead(context):
    """The token the new client's browser held before logging out is refused by the platform.

    Example: Then the token the new client held no longer opens anything
    """
    opened = security.token_opens(context.cast, context.notes["old_token"])
    assert not opened, f"after logging out, the token still opens the platform as {opened!r}"


@when(
    "someone not logged in asks the platform for a login link for the new client's e-mail address, "
    "and for an address nobody has"
)
def step_login_links(context):
    """Someone not logged in asks for a login link by e-mail for the new client's address and for an unknown one.

    Example: When someone not logged in asks the platform for a login link for the new client's e-mail address, and for an address nobody has
    """
    email = context.notes["emails"][_newcomer(context, "client").key]
    context.notes["answers"] = security.login_link_answers(context.cast, email, context.data.run_id)


@then("the platform answers both alike, naming nobody")
def step_answers_alike(context):
    """Both answers are the same, and neither names a person.

    Example: Then the platform answers both alike, naming nobody
    """
    known, unknown = context.notes["answers"]
    assert known == unknown and known[0] is None, f"known address: {known}; unknown address: {unknown}"

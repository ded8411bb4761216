"""The reference app closes what an attacker found (issue 20), each with a test: nobody sets another
person's password, logging out and a new password revoke every token, logout only by POST with its
CSRF token, no person data to anonymous callers, next addresses that stay on the site, request and
query limits, introspection off, wrong passwords limited."""

from __future__ import annotations

import json
import time

import pytest

from demo_app.auth import safe_next
from tests.conftest import LOGIN, PASSWORD, Browser, GraphQL, token_of

CURRENT = "{ currentUser { id name } }"
RESET_AFTER_LOGIN = (
    "mutation($userId: ID!, $password: String!) {"
    " resetPasswordAfterLogin(userId: $userId, password: $password) { authToken } }"
)
ADMIN_RESET = "mutation($userId: ID!) { adminResetPassword(userId: $userId) { username password } }"
NEW_PASSWORD = "Brand-new-pw-42"


def user_id(gql, key: str) -> str:
    return gql(key)(CURRENT)["currentUser"]["id"]


def logged_in(client, token: str) -> bool:
    answer = GraphQL(client, token).raw(CURRENT)
    if answer.get("errors"):
        assert answer["errors"][0]["message"] == "Must be logged in to perform this action", answer
        return False
    return answer["data"]["currentUser"] is not None


@pytest.mark.parametrize("attacker", [None, "client", "guard"])
def test_nobody_sets_another_persons_password(app, gql, attacker):
    target = "admin" if attacker in (None, "client") else "client"
    target_id = user_id(gql, target)
    message = gql(attacker).error(RESET_AFTER_LOGIN, {"userId": target_id, "password": NEW_PASSWORD})
    assert message == "Unauthorized"
    # the person's own password still works, and no token was handed out
    assert token_of(app.test_client(), "admin" if target == "admin" else "client")


def test_a_person_whose_password_was_reset_sets_their_own_with_the_token_of_their_login(app, gql):
    client_id = user_id(gql, "client")
    reset = gql("admin")(ADMIN_RESET, {"userId": client_id})["adminResetPassword"]
    login = GraphQL(app.test_client())(LOGIN, {"u": reset["username"], "p": reset["password"]})
    setup_token = login["loginUsernamePassword"]["authToken"]
    assert login["loginUsernamePassword"]["user"]["hasResetPassword"] is False
    # that token opens nothing but the Set Password screen's one operation
    assert not logged_in(app.test_client(), setup_token)
    other = GraphQL(app.test_client(), setup_token).error(
        RESET_AFTER_LOGIN, {"userId": user_id(gql, "admin"), "password": NEW_PASSWORD}
    )
    assert other == "Unauthorized"
    done = GraphQL(app.test_client(), setup_token)(RESET_AFTER_LOGIN, {"userId": client_id, "password": NEW_PASSWORD})
    assert logged_in(app.test_client(), done["resetPasswordAfterLogin"]["authToken"])
    assert token_of(app.test_client(), "client", NEW_PASSWORD)


def test_an_admin_may_set_a_persons_password(gql):
    done = gql("admin")(RESET_AFTER_LOGIN, {"userId": user_id(gql, "client"), "password": NEW_PASSWORD})
    assert done["resetPasswordAfterLogin"]["authToken"]


def test_a_new_password_revokes_every_token_the_person_held(app, gql):
    client = app.test_client()
    old = token_of(client, "client")
    gql("admin")(ADMIN_RESET, {"userId": user_id(gql, "client")})
    assert not logged_in(client, old)


def test_get_logout_logs_nobody_out_and_asks(as_role, app):
    guard = as_role("guard")
    page = guard.text("/logout")
    assert 'action="/logout"' in page and 'method="post"' in page
    assert logged_in(app.test_client(), guard.token)


def test_logout_without_its_csrf_token_is_refused(as_role, app):
    guard = as_role("guard")
    assert guard.client.post("/logout").status_code == 400
    assert logged_in(app.test_client(), guard.token)


def test_logout_forgets_the_token_and_revokes_it(as_role, app):
    guard = as_role("guard")
    response = guard.post("/logout", {}, form_page="/guard_home")
    assert 'localStorage.removeItem("dgdp_auth_token")' in response.get_data(as_text=True)
    assert "dgdp_auth_token=;" in response.headers.get("Set-Cookie", "")
    assert not logged_in(app.test_client(), guard.token)  # the token no longer works anywhere
    assert logged_in(app.test_client(), token_of(app.test_client(), "guard"))  # a new login does


def test_anonymous_callers_learn_nothing_about_a_person_from_login_by_email(gql):
    known = gql(None)('mutation { loginEmail(email: "admin@demo.community") { user { id name } errors } }')
    unknown = gql(None)('mutation { loginEmail(email: "nobody@nowhere.example") { user { id name } errors } }')
    assert known == unknown == {"loginEmail": {"user": None, "errors": ""}}


@pytest.mark.parametrize(
    "target",
    [
        "/\t/evil.example",
        "/\n/evil.example",
        "/\r\n/evil.example",
        "//evil.example",
        "/\\evil.example",
        "/\\\\evil.example",
        "https://evil.example/",
        "/ /evil.example",
        "\t/tasks",
    ],
)
def test_the_login_next_address_never_leaves_the_site(target):
    assert safe_next(target) == "/"


def test_a_next_address_of_the_site_is_kept():
    assert safe_next("/tasks?filter=myOpenTasks") == "/tasks?filter=myOpenTasks"


@pytest.mark.parametrize("path", ["/login/%09/evil.example", "/login/%2F%2Fevil.example", "/login/%5Cevil.example"])
def test_the_login_screen_keeps_a_next_address_on_the_site(client, path):
    import re

    page = client.get(path, follow_redirects=True).get_data(as_text=True)  # "//" is merged into "/" first
    [target] = re.findall(r'data-next="([^"]*)"', page)
    assert target.startswith("/") and not target.startswith("//") and "\\" not in target and "\t" not in target


def test_a_deeply_nested_body_is_refused_not_a_500(client):
    body = "[" * 50_000 + "]" * 50_000
    answer = client.post(
        "/graphql",
        data=json.dumps({"query": "{ currentUser { id } }", "variables": {"x": "y"}})[:-1] + f', "v": {body}}}',
        content_type="application/json",
    )
    assert answer.status_code == 400 and "nested too deeply" in answer.get_json()["errors"][0]["message"]


def test_a_deep_costly_query_is_refused_at_once(gql):
    nested = "id"
    for _ in range(7):
        nested = f"subTasks {{ id parentNote {{ {nested} }} }}"
    started = time.monotonic()
    message = gql("custodian").error(f"{{ flaggedNotes {{ {nested} }} }}")
    assert time.monotonic() - started < 2
    assert message.startswith(("Query is too deep", "Query is too costly")) or "Cannot query field" in message


def test_the_cost_rule_refuses_what_is_deep_and_lets_through_the_platforms_pages():
    from graphql import parse

    from demo_app.gql import build_schema
    from demo_app.gql.limits import MAX_QUERY_COST, measure

    schema = build_schema()
    deep = "id"
    for _ in range(7):
        deep = f"subTasks {{ id parentNote {{ {deep} }} }}"
    doc = parse(f'{{ task(taskId: "1") {{ {deep} }} }}')
    assert measure(doc.definitions[0], schema.query_type, schema, {})[1] > MAX_QUERY_COST


def test_introspection_is_off_unless_someone_explores_the_app_by_hand(app, tmp_path):
    from demo_app import create_app

    assert "introspection" in GraphQL(app.test_client()).error("{ __schema { queryType { name } } }").lower()
    exploring = create_app({"DATABASE": str(tmp_path / "x.sqlite"), "GRAPHQL_INTROSPECTION": True})
    assert GraphQL(exploring.test_client())("{ __schema { queryType { name } } }")["__schema"]["queryType"]


def test_wrong_passwords_are_limited_per_account_then_even_the_right_one_waits(app):
    client = app.test_client()
    for _ in range(app.config["LOGIN_LIMIT_ACCOUNT"]):
        assert GraphQL(client).error(LOGIN, {"u": "guard", "p": "wrong"}) == "Wrong username or password"
    message = GraphQL(client).error(LOGIN, {"u": "guard", "p": PASSWORD})
    assert message.startswith("Too many failed logins: try again in 15 minutes")
    assert token_of(client, "admin")  # another account is not locked


def test_wrong_passwords_are_limited_per_address(app):
    app.config["LOGIN_LIMIT_ADDRESS"] = 3
    client = app.test_client()
    for name in ("guard", "admin", "client"):
        GraphQL(client).error(LOGIN, {"u": name, "p": "wrong"})
    assert GraphQL(client).error(LOGIN, {"u": "custodian", "p": PASSWORD}).startswith("Too many failed logins")


def test_a_right_password_clears_the_accounts_count(app):
    client = app.test_client()
    for _ in range(app.config["LOGIN_LIMIT_ACCOUNT"] - 1):
        GraphQL(client).error(LOGIN, {"u": "guard", "p": "wrong"})
    assert token_of(client, "guard")
    for _ in range(app.config["LOGIN_LIMIT_ACCOUNT"] - 1):
        GraphQL(client).error(LOGIN, {"u": "guard", "p": "wrong"})
    assert token_of(client, "guard")


def test_the_page_cookie_of_a_logged_out_person_opens_nothing(as_role, app):
    guard = as_role("guard")
    guard.post("/logout", {}, form_page="/guard_home")
    stale = Browser(app.test_client(), guard.token)
    assert 'data-page="guard-home"' not in stale.text("/guard_home")


# -- what the permission matrix (features/security.feature) found the reference app doing otherwise ----------

NOBODY = "00000000-0000-4000-8000-000000000000"  # an id of the platform's kind nobody has


def test_current_user_refuses_someone_not_logged_in_in_the_platforms_words(gql):
    assert gql(None).error(CURRENT) == "Must be logged in to perform this action"


@pytest.mark.parametrize("caller", [None, "client", "guard"])
def test_setting_a_password_is_refused_before_the_person_is_looked_up(gql, caller):
    # a refused caller learns nothing, not even that nobody has this id
    assert gql(caller).error(RESET_AFTER_LOGIN, {"userId": NOBODY, "password": NEW_PASSWORD}) == "Unauthorized"


RESET_BY_EMAIL = "mutation($e: String!) { resetPassword(email: $e) { success } }"


def test_a_password_reset_by_email_changes_nothing_and_answers_every_address_alike(app, gql):
    known = gql(None)(RESET_BY_EMAIL, {"e": "admin@demo.community"})
    unknown = gql(None)(RESET_BY_EMAIL, {"e": "nobody@nowhere.example"})
    assert known == unknown == {"resetPassword": {"success": True}}
    assert token_of(app.test_client(), "admin")  # the person's own password still works


SEARCH = '{ userSearch(query: "") { name userType } }'


def test_anyone_logged_in_may_search_but_a_client_finds_only_the_admins_and_themselves(gql):
    assert gql(None).error(SEARCH) == "Unauthorized"
    found = gql("client")(SEARCH)["userSearch"]
    assert {p["userType"] for p in found} == {"admin", "client"} and len(found) == 2
    assert {p["userType"] for p in gql("guard")(SEARCH)["userSearch"]} >= {"admin", "client", "security_guard"}


@pytest.mark.parametrize(
    "document",
    [
        "query($u: ID!) { userTransactions(userId: $u) { id } }",
        "query($u: ID!) { paymentReceipt(userId: $u, id: $u) { id } }",
        'query($u: ID!) { userTimeSheetLogs(userId: $u, dateTo: "2030-01-01") { id } }',
    ],
)
def test_a_client_asking_about_someone_else_is_refused_before_they_are_looked_up(gql, document):
    assert gql("client").error(document, {"u": NOBODY}) == "Unauthorized"


TIME_SHEET = 'query($u: ID!) { userTimeSheetLogs(userId: $u, dateTo: "2030-01-01") { id } }'


def test_a_guard_asking_for_someone_elses_time_sheet_gets_nobody_elses_shifts(gql):
    worker = user_id(gql, "custodian")
    assert gql("guard")(TIME_SHEET, {"u": worker}) == {"userTimeSheetLogs": []}


RECEIPT = "query($u: ID!, $id: ID!) { paymentReceipt(userId: $u, id: $id) { id receiptNumber } }"


def test_a_receipt_is_for_its_client_and_the_admin_only(gql):
    client = user_id(gql, "client")
    admin = gql("admin")
    parcel = admin(
        'mutation($o: JSON) { PropertyCreate(parcelNumber: "SEC-1", ownershipFields: $o) { landParcel { id } } }',
        {"o": [{"name": "Mary Client", "userId": client}]},
    )["PropertyCreate"]["landParcel"]["id"]
    plan = admin(
        'mutation($u: ID!, $l: ID!) { paymentPlanCreate(userId: $u, landParcelId: $l, status: 0, planType: "basic",'
        ' startDate: "2026-01-01", installmentAmount: 100, totalAmount: 1200, duration: 12, frequency: 2,'
        " renewable: false) { paymentPlan { id } } }",
        {"u": client, "l": parcel},
    )["paymentPlanCreate"]["paymentPlan"]["id"]
    paid = admin(
        'mutation($u: ID!, $p: ID!) { transactionCreate(userId: $u, amount: 100, source: "cash",'
        " paymentsAttributes: [{paymentPlanId: $p, amount: 100}]) { transaction { planPayments { id } } } }",
        {"u": client, "p": plan},
    )["transactionCreate"]["transaction"]["planPayments"][0]["id"]
    receipt = {"u": client, "id": paid}
    assert gql("client")(RECEIPT, receipt)["paymentReceipt"]["id"] == paid
    assert gql("admin")(RECEIPT, receipt)["paymentReceipt"]["receiptNumber"]
    assert gql("guard").error(RECEIPT, receipt) == "Unauthorized"


def test_clients_and_custodians_may_list_the_communitys_invitations_and_invite_as_on_the_platform(gql):
    for role in ("client", "custodian"):
        assert gql(role)("{ scheduledRequests(limit: 1) { id } }") == {"scheduledRequests": []}
        refused = gql(role).error(
            'mutation { invitationCreate(visitationDate: "2030-01-01", guests: [{firstName: " "}]) { success } }'
        )
        assert refused != "Unauthorized"


COMMUNITY_UPDATE = 'mutation { communityUpdate(name: "Elsewhere") { community { id name } } }'


def test_only_an_admin_may_update_the_community_and_the_reference_apps_stays_as_configured(gql):
    for role in (None, "guard", "custodian", "client"):
        assert gql(role).error(COMMUNITY_UPDATE) == "Unauthorized"
    assert gql("admin")(COMMUNITY_UPDATE)["communityUpdate"]["community"]["name"] == "DoubleGDP"

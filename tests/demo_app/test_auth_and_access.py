"""Reference app: the platform's token login, the pages' token cookie, role walls, the side menu."""

from __future__ import annotations

import pytest

from demo_app import access
from demo_app.menu import MENU, menu_for
from tests.conftest import LOGIN, PASSWORD, Browser, GraphQL, token_of


def test_login_gives_a_token_that_opens_the_role_home(app, client):
    token = token_of(client, "guard")
    guard = Browser(app.test_client(), token)
    assert guard.get("/").location == "/guard_home"
    page = guard.text("/guard_home")
    assert 'data-testid="page_title">Dashboard<' in page and "Manual Entry" in page


@pytest.mark.parametrize("username,password", [("guard", "wrong"), ("nobody", PASSWORD), ("", ""), ("guard", "")])
def test_every_wrong_login_gets_the_platforms_one_message(client, username, password):
    assert GraphQL(client).error(LOGIN, {"u": username, "p": password}) == "Wrong username or password"


def test_a_deactivated_person_cannot_log_in(app, client):
    from demo_app.db import connect

    conn = connect(app.config["DATABASE"])
    conn.execute("UPDATE users SET status = 'deactivated' WHERE username = 'guard'")
    conn.commit()
    assert GraphQL(client).error(LOGIN, {"u": "guard", "p": PASSWORD}) == "Wrong username or password"


USER_UPDATE = (
    "mutation($id: ID!, $name: String!, $status: String) {"
    " userUpdate(id: $id, name: $name, status: $status) { user { id name status } } }"
)
SCAN = "mutation($id: ID!) { activityLogAdd(userId: $id) { status eventLog { id } } }"


def test_an_admin_deactivates_someone_who_then_cannot_log_in_and_is_denied_at_the_gate(gql, client):
    answer = gql("admin")(USER_UPDATE, {"id": "1", "name": "A Guard", "status": "deactivated"})["userUpdate"]
    assert answer["user"]["status"] == "deactivated"
    assert GraphQL(client).error(LOGIN, {"u": "guard", "p": PASSWORD}) == "Wrong username or password"
    assert gql("admin")(SCAN, {"id": "1"})["activityLogAdd"] == {"status": "denied", "eventLog": None}


@pytest.mark.parametrize(
    "who,variables,message",
    [
        ("guard", {"id": "4", "name": "Mary Client", "status": "deactivated"}, "Unauthorized"),
        ("admin", {"id": "4", "name": "Mary Client", "status": "gone"}, "Invalid status gone"),
        ("admin", {"id": "4", "name": " ", "status": "active"}, "Name can't be blank"),
        ("admin", {"id": "999", "name": "Nobody", "status": "active"}, "User not found"),
    ],
)
def test_user_update_is_for_admins_and_takes_only_known_statuses(gql, who, variables, message):
    assert gql(who).error(USER_UPDATE, variables) == message


def test_without_a_token_a_page_boots_the_browser_to_restore_it_or_log_in(client):
    response = client.get("/guard_home")
    assert response.status_code == 200
    body = response.get_data(as_text=True)
    assert "localStorage.getItem" in body and 'location.replace("/login")' in body and "forget = false" in body


@pytest.mark.parametrize("token", ["forged.token.value", "x" * 600, "ünïcode", "eyJ1aWQiOjk5OTl9.aw2Z4g.nope"])
def test_a_bad_token_is_forgotten_and_the_login_follows(client, token):
    client.set_cookie("dgdp_auth_token", token)
    body = client.get("/guard_home").get_data(as_text=True)
    assert "forget = true" in body


def test_a_token_for_someone_deactivated_since_is_refused(app, client):
    from demo_app.db import connect

    token = token_of(client, "guard")
    conn = connect(app.config["DATABASE"])
    conn.execute("UPDATE users SET status = 'deactivated' WHERE username = 'guard'")
    conn.commit()
    assert GraphQL(client, token).raw("{ currentUser { id } }")["data"]["currentUser"] is None


def test_only_the_bearer_form_of_the_header_is_accepted(app, client):
    token = token_of(client, "admin")
    for header in (token, f"bearer {token}", f"Token {token}"):
        response = client.post("/graphql", json={"query": "{ currentUser { id } }"}, headers={"Authorization": header})
        assert response.get_json()["data"]["currentUser"] is None


def test_signed_in_pages_are_not_cached(as_role):
    assert as_role("guard").get("/guard_home").headers["Cache-Control"] == "no-store"


def test_passwords_are_stored_hashed(app):
    from demo_app.db import connect

    conn = connect(app.config["DATABASE"])
    hashes = [r["password_hash"] for r in conn.execute("SELECT password_hash FROM users")]
    assert hashes and all(h.startswith(("scrypt:", "pbkdf2:")) for h in hashes)


@pytest.mark.parametrize("next_path,expected", [("logbook", "/logbook"), ("/evil.example", "/"), ("", "/")])
def test_the_login_screen_only_goes_on_to_this_site(client, next_path, expected):
    from demo_app.auth import safe_next

    assert safe_next("/" + next_path if next_path else None) in (expected, "/")
    assert safe_next("//evil.example/") == "/" and safe_next("https://evil.example/") == "/"
    assert safe_next("/\\evil.example") == "/"


def test_an_admin_reset_password_must_be_replaced_at_next_login(gql, client):
    admin = gql("admin")
    guard_id = admin('{ userSearch(query: "A Guard") { id name } }')["userSearch"][0]["id"]
    reset = admin("mutation($id: ID!) { adminResetPassword(userId: $id) { username password } }", {"id": guard_id})
    answer = GraphQL(client)(LOGIN, {"u": "guard", "p": reset["adminResetPassword"]["password"]})
    assert answer["loginUsernamePassword"]["user"]["hasResetPassword"] is False
    as_guard = GraphQL(client, answer["loginUsernamePassword"]["authToken"])  # the token of that login
    set_password = (
        "mutation($p: String!, $id: ID!) { resetPasswordAfterLogin(password: $p, userId: $id) { authToken } }"
    )
    assert as_guard.error(set_password, {"p": "short", "id": guard_id}) == "Must be 10 characters long"
    assert (
        as_guard.error(set_password, {"p": reset["adminResetPassword"]["password"], "id": guard_id})
        == "Please provide a new password"
    )
    assert as_guard(set_password, {"p": "Gate-Keeper42", "id": guard_id})["resetPasswordAfterLogin"]["authToken"]
    assert GraphQL(client)(LOGIN, {"u": "guard", "p": "Gate-Keeper42"})["loginUsernamePassword"]["user"][
        "hasResetPassword"
    ]


def test_only_admins_reset_passwords(gql):
    assert gql("guard").error("mutation { adminResetPassword(userId: 1) { password } }") == "Unauthorized"
    assert gql(None).error("mutation { adminResetPassword(userId: 1) { password } }") == "Unauthorized"


def test_user_create_as_the_platform_allows(gql):
    made = gql("admin")(
        'mutation { userCreate(name: "Jo Banda", phoneNumber: "+260977000111", userType: "client")'
        " { user { id username userType state } } }"
    )["userCreate"]["user"]
    assert made["userType"] == "client" and made["state"] == "pending" and made["username"].startswith("jobanda")
    # A non-admin may create someone, but only a pending visitor without contact details of their choosing.
    by_guard = gql("guard")(
        'mutation { userCreate(name: "Kim Phiri", phoneNumber: "+260977000222", userType: "admin")'
        " { user { userType phoneNumber } } }"
    )["userCreate"]["user"]
    assert by_guard == {"userType": "visitor", "phoneNumber": None}
    duplicate = gql("admin").error(
        'mutation { userCreate(name: "Jo Two", phoneNumber: "+260977000111", userType: "client") { user { id } } }'
    )
    assert duplicate == "Phone number has already been taken"
    assert (
        gql(None).error('mutation { userCreate(name: "X", phoneNumber: "1", userType: "client") { user { id } } }')
        == "Unauthorized"
    )


@pytest.mark.parametrize(
    "query",
    [
        "{ nope }",
        "mutation { loginUsernamePassword(username: 1) { authToken } }",
        'mutation { adminResetPassword(userId: "99999999999999999999999") { password } }',
        '{ user(id: "abc") { id } }',
        "query { currentUser { id",
        "mutation { userCreate { user { id } } }",
    ],
)
def test_bad_operations_get_graphql_errors_not_500s(gql, query):
    assert gql("admin").raw(query).get("errors")


@pytest.mark.parametrize("body", ["not json", "[]", '{"query": 5}', "{}"])
def test_malformed_graphql_requests_get_400(client, body):
    response = client.post("/graphql", data=body, content_type="application/json")
    assert response.status_code == 400 and "errors" in response.get_json()


def test_every_route_declares_its_access(app):
    assert not access.undeclared_routes(app)


def _labels(entries):
    return [e["label"] + (f" [{', '.join(_labels(e['children']))}]" if e["children"] else "") for e in entries]


@pytest.mark.parametrize(
    "role,entries",
    [
        (
            "security_guard",
            [
                "Dashboard",
                "Search",
                "My Profile",
                "My Forms",
                "Access [Logs, Invitations]",
                "Community [Tasks [Tasks]]",
                "Logout",
            ],
        ),
        (
            "admin",
            [
                "Dashboard",
                "My Account [My Profile, My Guests, My Forms]",
                "Search",
                "Access [Logs, Invitations]",
                "Plans",
                "Manage Forms",
                "Community [Tasks [Tasks]]",
                "Time Card",
                "Logout",
            ],
        ),
        (
            "custodian",
            [
                "Dashboard",
                "Search",
                "My Profile",
                "My Forms",
                "My Guests",
                "Community [Tasks [Tasks]]",
                "Time Card",
                "Logout",
            ],
        ),
        ("client", ["Dashboard", "My Profile", "My Forms", "My Guests", "Logout"]),
    ],
)
def test_the_side_menu_shows_each_role_the_platforms_entries_in_its_order(role, entries):
    assert _labels(menu_for({"role": role})) == entries


def test_every_menu_group_has_entries():
    def groups(entries):
        for entry in entries:
            yield entry
            yield from groups(entry.children)

    assert all(entry.href or entry.children for entry in groups(MENU))


def test_every_page_of_a_menu_opens_for_its_role(as_role):
    def pages(entries):
        for entry in entries:
            yield from pages(entry["children"]) if entry["children"] else [entry["href"]]

    for key, role in (
        ("guard", "security_guard"),
        ("admin", "admin"),
        ("custodian", "custodian"),
        ("client", "client"),
    ):
        browser = as_role(key)
        for href in pages(menu_for({"role": role})):
            if href != "/logout":
                assert browser.get(href).status_code in (200, 302), (role, href)


def test_a_page_of_a_module_the_role_lacks_is_the_modules_404(as_role):
    page = as_role("client").text("/payments")
    assert 'data-testid="404-offline-text">Oops. Looks like we can\'t find your page.<' in page


def test_a_page_of_a_module_the_role_is_not_offered_is_the_catch_all_page(as_role):
    assert as_role("client").get("/search").status_code == 404
    assert "Sorry!! We couldn't find this page" in as_role("client").text("/search")


def test_an_admin_is_not_shown_the_guard_home(as_role):
    assert as_role("admin").get("/guard_home").status_code == 404
    assert 'data-testid="404-offline-text"' in as_role("admin").text("/guard_home")


def test_clients_see_only_their_own_profile(as_role, gql):
    client_id = gql("client")("{ currentUser { id } }")["currentUser"]["id"]
    client = as_role("client")
    assert client.get(f"/user/{client_id}").status_code == 200
    assert client.get("/user/1").status_code == 404


@pytest.mark.parametrize("path", ["/user/99999999999999999999999999", "/user/-1", "/user/abc", "/id/0", "/id/1e9"])
def test_odd_people_addresses_are_not_found_not_500(as_role, path):
    assert as_role("admin").get(path).status_code == 404


def test_the_test_only_api_takes_only_its_bearer_token(client):
    for header in (
        {},
        {"Authorization": "test-api-token-for-pytest"},
        {"Authorization": "Bearer wrong"},
        {"Authorization": "Bearer ünïcode"},
    ):
        assert client.post("/__test__/reset", headers=header).status_code == 401
    ok = client.post("/__test__/reset", headers={"Authorization": "Bearer test-api-token-for-pytest"})
    assert ok.status_code == 200 and set(ok.get_json()["personas"]) >= {"guard", "admin", "custodian", "client"}

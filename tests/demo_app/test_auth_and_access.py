"""Reference app: login, logout, CSRF, role checks on every route."""
from __future__ import annotations

import re

import pytest

from demo_app import access, create_app


def test_login_with_right_password_lands_on_role_home(as_role):
    guard = as_role("guard")
    assert guard.get("/").location.endswith("/guard_home")
    assert "Welcome, A Guard" in guard.text("/guard_home")


def test_wrong_password_gets_one_message_and_no_session(browser):
    response = browser.log_in("guard@demo.community", "wrong password")
    assert response.status_code == 400
    assert "Invalid email or password" in response.get_data(as_text=True)
    assert browser.get("/guard_home").location.startswith("/login")


def test_unknown_email_gets_the_same_message(browser):
    response = browser.log_in("nobody@demo.community", "whatever")
    assert "Invalid email or password" in response.get_data(as_text=True)


def test_passwords_are_stored_hashed(app):
    from demo_app.db import connect

    conn = connect(app.config["DATABASE"])
    hashes = [r["password_hash"] for r in conn.execute("SELECT password_hash FROM users")]
    assert hashes and all(h.startswith(("scrypt:", "pbkdf2:")) for h in hashes)


def test_post_without_csrf_token_is_refused(client):
    response = client.post("/login", data={"email": "guard@demo.community", "password": "x"})
    assert response.status_code == 400
    assert "This form has expired" in response.get_data(as_text=True)


def test_logout_needs_post_and_ends_the_session(as_role):
    guard = as_role("guard")
    assert guard.get("/logout").status_code == 405
    guard.post("/logout", {}, form_page="/guard_home")
    assert guard.get("/guard_home").location.startswith("/login")


def test_signed_in_pages_are_not_cached(as_role):
    assert as_role("guard").get("/guard_home").headers["Cache-Control"] == "no-store"


def test_login_never_follows_an_offsite_next(browser):
    token = browser.csrf()
    response = browser.client.post("/login?next=https://evil.example/", data={
        "email": "guard@demo.community", "password": "correct horse battery", "csrf_token": token})
    assert response.location == "/"


def test_every_route_declares_its_access(app):
    assert access.undeclared_routes(app) == []


def test_an_undeclared_route_stops_the_app_from_starting(tmp_path, monkeypatch):
    import types

    import demo_app
    from flask import Blueprint

    naked = Blueprint("naked", __name__)
    naked.add_url_rule("/naked", "page", lambda: "x")
    real = demo_app.area_modules
    monkeypatch.setattr(demo_app, "area_modules", lambda: [*real(), types.SimpleNamespace(bp=naked)])
    with pytest.raises(RuntimeError, match="without an access rule: naked.page"):
        create_app({"DATABASE": str(tmp_path / "x.sqlite")})


@pytest.mark.parametrize("role, path", [
    ("guard", "/logbook/guests/invite"),
    ("client", "/logbook"),
    ("client", "/request"),
    ("custodian", "/request"),
    ("admin", "/request"),
    ("client", "/search"),
])
def test_a_role_gets_not_found_for_pages_it_may_not_see(as_role, role, path):
    response = as_role(role).get(path)
    assert response.status_code == 404
    assert "Oops. Looks like we can't find your page." in response.get_data(as_text=True)


def test_visitors_who_are_not_logged_in_go_to_login(client):
    response = client.get("/logbook")
    assert response.status_code == 302 and response.location.startswith("/login?next=/logbook")


def test_a_client_sees_only_their_own_id_card(as_role, app):
    client = as_role("client")
    assert client.get("/id/4").status_code == 200  # Mary Client is the fourth persona
    assert client.get("/id/1").status_code == 404


def test_test_api_needs_the_token(client):
    assert client.post("/__test__/reset").status_code == 401
    assert client.post("/__test__/reset", headers={"Authorization": "Bearer nope"}).status_code == 401


def test_test_api_is_absent_without_testing_mode(tmp_path):
    app = create_app({"DATABASE": str(tmp_path / "x.sqlite")})
    assert app.test_client().post("/__test__/reset").status_code == 404


def test_click_through_server_moves_off_a_busy_port():
    import socket

    from demo_app.__main__ import free_port

    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        taken = busy.getsockname()[1]
        assert free_port("127.0.0.1", taken) != taken


def test_click_through_sample_data_is_written_once_and_leaves_no_test_api(tmp_path):
    from demo_app.sample import add_sample_data

    config = {"DATABASE": str(tmp_path / "click.sqlite"), "DEFAULT_PASSWORD": "community"}
    first = create_app(config)
    assert first.extensions.get("database_created")
    add_sample_data(config)
    served = create_app(config)
    assert not served.extensions.get("database_created")  # an existing database is kept as it is
    assert served.test_client().post("/__test__/reset").status_code == 404
    admin = served.test_client()
    token = re.search(r'name="csrf_token"\s+value="([^"]+)"', admin.get("/login").get_data(as_text=True)).group(1)
    admin.post("/login", data={"email": "admin@demo.community", "password": "community", "csrf_token": token})
    assert "Total Balance" in admin.get("/user/4/plans").get_data(as_text=True)
    assert "Building permit" in admin.get("/forms").get_data(as_text=True)

"""Realistic breaks of the application overall: logging in and out, who may open which page."""

from __future__ import annotations

from typing import Any

from .core import Mutant, patch, wrap


def _login_follows_any_next() -> None:
    """After logging in, the app follows any address starting with "/" (a backslash next leads to another site)."""
    patch("demo_app.auth", "safe_next", lambda target: target if target and target.startswith("/") else "/")


def _logout_keeps_token() -> None:
    """Logout only shows the login screen: it neither ends the person's tokens nor has the browser forget
    its own (the session goes on behind the login screen)."""

    def make(real: Any) -> Any:
        def create_app(test_config: Any = None) -> Any:
            from flask import redirect

            app = real(test_config)
            app.view_functions["auth.logout"] = lambda: redirect("/login")
            return app

        return create_app

    wrap("demo_app", "create_app", make)


def _custodian_gets_the_gate() -> None:
    """A permissions change gives custodians the guards' gate permissions: the logbook opens for them."""
    from demo_app.access import ENTRY_REQUEST_GUARD, ROLE_PERMISSIONS

    ROLE_PERMISSIONS["custodian"]["entry_request"] = list(ENTRY_REQUEST_GUARD)


def _password_takeover() -> None:
    """resetPasswordAfterLogin forgets to ask who is calling: anyone sets anyone's password, as on the platform."""
    patch("demo_app.gql.people", "may_set_password", lambda info, user_id: None)


MUTANTS = (
    Mutant(
        "login_follows_any_next",
        "application.overall",
        "must-not",
        "a login link sends the person on to another site once they have logged in",
        ("A login link never sends a person on to another site",),
        _login_follows_any_next,
    ),
    Mutant(
        "logout_keeps_token",
        "application.overall",
        "round trip",
        "logging out leaves the person logged in: going back shows the logbook again",
        ("Logging out ends the session, and going back does not show the page again",),
        _logout_keeps_token,
    ),
    Mutant(
        "custodian_gets_the_gate",
        "application.overall",
        "must-not",
        "custodians are given the guards' gate permissions and shown the logbook",
        ("The custodian is not shown the logbook",),
        _custodian_gets_the_gate,
    ),
    Mutant(
        "password_takeover",
        "application.overall",
        "must-not",
        "anyone sets any person's password through the Set Password screen's operation and logs in as them",
        (
            "Nobody sets another person's password: someone not logged in on a new admin",
            "Nobody sets another person's password: the client on a new admin",
            "Nobody sets another person's password: the guard on a new client",
            "Who may set someone else's password: resetPasswordAfterLogin",
        ),
        _password_takeover,
        feature_name="security",
    ),
)

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


def _api_asks_only_a_login(module: str, rule: str) -> None:
    """The resolvers of `module` let anyone logged in past `rule` (every other rule is still asked)."""
    from demo_app.gql import common

    def make(real: Any) -> Any:
        def require(info: Any, *rules: str) -> Any:
            return common.caller(info) if rules == (rule,) else real(info, *rules)

        return require

    wrap(module, "require", make)


def _logbook_data_to_anyone() -> None:
    """allEventLogs (the logbook's events) asks only that the caller is logged in; the logbook page still
    refuses clients and custodians."""
    _api_asks_only_a_login("demo_app.gql.gate", "entry_request.can_access_logbook")


def _time_card_data_to_anyone() -> None:
    """timeSheetLogs (the Time Card's workers and shifts) asks only that the caller is logged in; the Time Card
    page still refuses clients."""
    _api_asks_only_a_login("demo_app.gql.timesheet", "timesheet.can_fetch_time_sheet_logs")


def _invitations_by_anyone() -> None:
    """invitationCreate asks only that the caller is logged in: guards, whom the invitation form refuses,
    invite guests through the platform's operation."""
    _api_asks_only_a_login("demo_app.gql.gate_invites", "entry_request.can_invite_guest")


def _payments_list_to_anyone() -> None:
    """paymentsList (the payments dashboard's list) asks only that the caller is logged in; the dashboard page
    still refuses guards and custodians."""
    _api_asks_only_a_login("demo_app.gql.payments", "plan_payment.can_fetch_payments_list")


def _new_password_not_kept() -> None:
    """Set Password answers and lets the person in, but keeps the password the admin gave: the one the person
    set does not log them in next time."""
    from demo_app import people
    from demo_app.db import execute

    real = people.set_own_password

    def set_own_password(user_id: int, password: str) -> None:
        kept = people.find(user_id)
        real(user_id, password)
        if kept is not None:
            execute("UPDATE users SET password_hash = ? WHERE id = ?", (kept["password_hash"], user_id))

    patch("demo_app.people", "set_own_password", set_own_password)


NOT_SHOWN = "The {} is not shown {}"

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
    Mutant(
        "logbook_data_to_anyone",
        "application.overall",
        "must-not",
        "clients and custodians, refused the logbook page, read the logbook's events through the platform's API",
        (NOT_SHOWN.format("client", "the logbook"), NOT_SHOWN.format("custodian", "the logbook")),
        _logbook_data_to_anyone,
    ),
    Mutant(
        "time_card_data_to_anyone",
        "application.overall",
        "must-not",
        "a client, refused the Time Card page, reads every worker's latest shift through the platform's API",
        (NOT_SHOWN.format("client", "the time card"),),
        _time_card_data_to_anyone,
    ),
    Mutant(
        "invitations_by_anyone",
        "application.overall",
        "must-not",
        "a guard, refused the guest invitation form, invites guests through the platform's operation",
        (NOT_SHOWN.format("guard", "the guest invitation form"),),
        _invitations_by_anyone,
    ),
    Mutant(
        "payments_list_to_anyone",
        "application.overall",
        "must-not",
        "guards and custodians, refused the payments dashboard, read the community's payments through the API",
        (NOT_SHOWN.format("guard", "the payments dashboard"), NOT_SHOWN.format("custodian", "the payments dashboard")),
        _payments_list_to_anyone,
    ),
    Mutant(
        "new_password_not_kept",
        "application.overall",
        "round trip",
        "the password a person sets on the Set Password screen does not log them in the next time",
        ("Someone whose password an admin reset sets a new one at their next login",),
        _new_password_not_kept,
    ),
)

"""The reference community app: a Flask + SQLite stand-in that renders the real platform's UI contract."""

from __future__ import annotations

import os
import secrets
from typing import Any

from flask import Flask, g, render_template, request
from flask_wtf.csrf import CSRFError, CSRFProtect

from . import (
    access,
    auth,
    clock,
    db,
    forms,
    gate,
    gql,
    guests,
    home,
    logbook,
    payments,
    seed,
    tasks,
    testapi,
    timesheet,
    users,
)
from .access import Denied, NotLoggedIn, NotOffered
from .menu import menu_for

csrf = CSRFProtect()
MAX_REQUEST_BYTES = 512 * 1024  # the largest request body the app accepts

DEFAULT_PERSONAS: list[dict[str, Any]] = [
    {"key": "guard", "name": "A Guard", "username": "guard", "email": "guard@demo.community", "role": "security_guard"},
    {"key": "admin", "name": "An Admin User", "username": "admin", "email": "admin@demo.community", "role": "admin"},
    {
        "key": "custodian",
        "name": "Mr Custodian",
        "username": "custodian",
        "email": "custodian@demo.community",
        "role": "custodian",
    },
    {"key": "client", "name": "Mary Client", "username": "client", "email": "client@demo.community", "role": "client"},
    {
        "key": "worker",
        "name": "mama Guard",
        "username": "mamaguard",
        "email": "mama.guard@demo.community",
        "role": "security_guard",
    },
]
# The platform's areas (modules), one blueprint each; the test-data API is added only with a token.
BLUEPRINTS = (
    auth.bp,
    home.bp,
    users.bp,
    gate.bp,
    logbook.bp,
    guests.bp,
    timesheet.bp,
    payments.bp,
    forms.bp,
    tasks.bp,
    gql.bp,
)


def create_app(test_config: dict[str, Any] | None = None) -> Flask:
    """Build the app; `test_config` overrides settings (DATABASE, PERSONAS, TEST_API_TOKEN, …)."""
    app = Flask(__name__, instance_relative_config=True)
    app.config.from_mapping(
        SECRET_KEY=os.environ.get("DEMO_APP_SECRET_KEY") or secrets.token_hex(32),
        DATABASE=os.path.join(app.instance_path, "demo_app.sqlite"),
        # Each commit waits for the disk. The suite's embedded app turns it off: its database is
        # deleted after the run (measured: a reset 5.4 → 3.2 ms, and every write likewise).
        DATABASE_DURABLE=True,
        COMMUNITY_NAME="DoubleGDP",
        COMMUNITY_TIMEZONE="Africa/Lusaka",
        PERSONAS=DEFAULT_PERSONAS,
        DEFAULT_PASSWORD=None,
        TEST_API_TOKEN=None,
        GRAPHQL_INTROSPECTION=False,  # python -m demo_app turns it on for people exploring by hand
        # Wrong passwords: an account is locked after LOGIN_LIMIT_ACCOUNT failures within
        # LOGIN_WINDOW_SECONDS, an address after LOGIN_LIMIT_ADDRESS (the right password included).
        LOGIN_LIMIT_ACCOUNT=5,
        LOGIN_LIMIT_ADDRESS=30,
        LOGIN_WINDOW_SECONDS=15 * 60,
        CLOCK_OFFSET_SECONDS=0,
        WTF_CSRF_TIME_LIMIT=None,
        MAX_CONTENT_LENGTH=MAX_REQUEST_BYTES,
        # Scripts and styles change only with a release of the app: browsers keep them for an hour
        # instead of asking again on every page (a third of a run's requests were these).
        SEND_FILE_MAX_AGE_DEFAULT=3600,
        SESSION_COOKIE_HTTPONLY=True,
        # How stored passwords are hashed (werkzeug's methods). scrypt's cost is what makes a stolen
        # table slow to crack; the suite's embedded app lowers it (its database and passwords live
        # for one run), where hashing took about 4 of a run's 63 CPU-seconds.
        PASSWORD_HASH_METHOD="scrypt",
        SESSION_COOKIE_SAMESITE="Lax",
    )
    if test_config:
        app.config.update(test_config)
    os.makedirs(os.path.dirname(os.path.abspath(app.config["DATABASE"])), exist_ok=True)

    csrf.init_app(app)
    db.init_app(app)
    for blueprint in BLUEPRINTS:
        app.register_blueprint(blueprint)
    csrf.exempt(gql.bp)  # bearer-token API: no cookie-borne authority to protect
    if app.config.get("TEST_API_TOKEN"):
        app.register_blueprint(testapi.bp)
        csrf.exempt(testapi.bp)
    _register_hooks(app)
    missing = access.undeclared_routes(app)
    if missing:
        raise RuntimeError(f"routes without an access rule: {', '.join(sorted(missing))}")
    with app.app_context():
        seed.prepare_database(app)
    return app


def _register_hooks(app: Flask) -> None:
    """Current user, template helpers, error pages, no caching of signed-in pages."""
    app.before_request(auth.load_user)

    @app.context_processor
    def helpers() -> dict[str, Any]:
        return {
            "can": access.can,
            "menu": menu_for(g.get("user")),
            "fmt_datetime": clock.fmt_datetime,
            "fmt_date": clock.fmt_date,
            "fmt_time": clock.fmt_time,
            "community_name": app.config["COMMUNITY_NAME"],
            "community_timezone": app.config["COMMUNITY_TIMEZONE"],
        }

    @app.after_request
    def no_store(response):
        # The back button after logout must not show a signed-in page from the cache.
        if request.endpoint != "static":
            response.headers["Cache-Control"] = "no-store"
        return response

    @app.errorhandler(NotLoggedIn)
    def not_logged_in(_error):
        if request.method != "GET":
            return render_template(
                "error.html", title="Log in again", message="Your session has ended: log in and try again.", detail=""
            ), 401
        return auth.boot_page()

    @app.errorhandler(Denied)
    def denied(_error):
        # AccessCheck: a module's page for a role without the module's permission (shared/404.jsx).
        return render_template("page_404.html"), 404

    @app.errorhandler(NotOffered)
    @app.errorhandler(404)
    @app.errorhandler(405)
    def not_found(_error):
        return render_template("not_found.html"), 404

    @app.errorhandler(413)
    def too_large(_error):
        return render_template(
            "error.html",
            title="Too much data",
            message="What was sent is too large. Shorten it and try again.",
            detail="",
        ), 413

    @app.errorhandler(CSRFError)
    def csrf_failed(error):
        return render_template(
            "error.html",
            title="This form has expired",
            message="Go back, reload the page and try again.",
            detail=error.description,
        ), 400

    @app.errorhandler(500)
    def server_error(_error):
        return render_template(
            "error.html", title="Something went wrong", message="The error was recorded. Try again.", detail=""
        ), 500

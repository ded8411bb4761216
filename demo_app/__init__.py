"""The reference community app: a Flask + SQLite stand-in for the real platform's flows."""
from __future__ import annotations

import importlib
import os
import secrets
from typing import Any

from flask import Flask, g, render_template, request
from flask_wtf.csrf import CSRFError, CSRFProtect

from . import access, clock, db, seed

csrf = CSRFProtect()

DEFAULT_PERSONAS: list[dict[str, Any]] = [
    {"key": "guard", "name": "A Guard", "email": "guard@demo.community", "role": "security_guard"},
    {"key": "admin", "name": "An Admin User", "email": "admin@demo.community", "role": "admin"},
    {"key": "custodian", "name": "Mr Custodian", "email": "custodian@demo.community", "role": "custodian"},
    {"key": "client", "name": "Mary Client", "email": "client@demo.community", "role": "client"},
    {"key": "worker", "name": "mama Guard", "email": "mama.guard@demo.community", "role": "security_guard"},
]


def create_app(test_config: dict[str, Any] | None = None) -> Flask:
    """Build the app; `test_config` overrides settings (DATABASE, PERSONAS, TEST_API_TOKEN, …)."""
    app = Flask(__name__, instance_relative_config=True)
    app.config.from_mapping(
        SECRET_KEY=os.environ.get("DEMO_APP_SECRET_KEY") or secrets.token_hex(32),
        DATABASE=os.path.join(app.instance_path, "demo_app.sqlite"),
        COMMUNITY_NAME="DoubleGDP",
        COMMUNITY_TIMEZONE="Africa/Lusaka",
        CURRENCY_SYMBOL="K",
        PERSONAS=DEFAULT_PERSONAS,
        DEFAULT_PASSWORD=None,
        TEST_API_TOKEN=None,
        CLOCK_OFFSET_SECONDS=0,
        WTF_CSRF_TIME_LIMIT=None,
        SESSION_COOKIE_HTTPONLY=True,
        SESSION_COOKIE_SAMESITE="Lax",
    )
    if test_config:
        app.config.update(test_config)
    os.makedirs(os.path.dirname(os.path.abspath(app.config["DATABASE"])), exist_ok=True)

    csrf.init_app(app)
    db.init_app(app)
    _register_blueprints(app)
    _register_hooks(app)
    missing = access.undeclared_routes(app)
    if missing:
        raise RuntimeError(f"routes without an access rule: {', '.join(sorted(missing))}")
    with app.app_context():
        seed.prepare_database(app)
    return app


# The platform's areas, one blueprint module each (modules register their menu entries, home
# cards, profile sections and test-data routes themselves when imported).
AREAS = ("auth", "home", "gate", "logbook", "guests", "timesheet", "payments", "forms", "tasks")


def area_modules() -> list[Any]:
    """The area modules, imported."""
    return [importlib.import_module(f"{__name__}.{name}") for name in AREAS]


def _register_blueprints(app: Flask) -> None:
    """Every area of the platform is a blueprint; the test-data API only in testing mode."""
    modules = area_modules()
    for module in modules:
        app.register_blueprint(module.bp)
    if app.config.get("TEST_API_TOKEN"):
        from . import testapi

        app.register_blueprint(testapi.blueprint(modules))
        csrf.exempt(testapi.bp)


def _register_hooks(app: Flask) -> None:
    """Current user, template helpers, error pages, no caching of signed-in pages."""
    from .auth import load_user

    app.before_request(load_user)

    @app.context_processor
    def helpers() -> dict[str, Any]:
        return {
            "can": access.can,
            "menu": access.menu_for(g.user) if g.get("user") else [],
            "role_label": lambda role: access.ROLE_LABELS.get(role, role),
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

    @app.errorhandler(404)
    def not_found(_error):
        return render_template("not_found.html"), 404

    @app.errorhandler(405)
    def not_allowed(_error):
        return render_template("not_found.html"), 405

    @app.errorhandler(CSRFError)
    def csrf_failed(error):
        return render_template("error.html", title="This form has expired",
                               message="Go back, reload the page and try again.", detail=error.description), 400

    @app.errorhandler(500)
    def server_error(_error):
        return render_template("error.html", title="Something went wrong",
                               message="The error was recorded. Try again.", detail=""), 500

"""A regression every area can carry: a page's form handler (a route of the reference app's screens) that checks
only that someone is logged in, while its screen still hides the button and the platform's GraphQL operation still
checks the permission. Only a request sent directly, as the page's own form, meets it."""

from __future__ import annotations

from typing import Any

from .core import wrap


def for_anyone_logged_in(endpoint: str) -> None:
    """The view of `endpoint` keeps its login check and loses its permission check."""
    from demo_app.access import logged_in

    def make(real: Any) -> Any:
        def create_app(test_config: Any = None) -> Any:
            app = real(test_config)
            app.view_functions[endpoint] = logged_in(app.view_functions[endpoint].__wrapped__)
            return app

        return create_app

    wrap("demo_app", "create_app", make)

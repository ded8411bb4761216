"""Roles, permissions, the left menu, and the decorators every route declares its access with."""
from __future__ import annotations

import functools
from dataclasses import dataclass
from typing import Callable

from flask import abort, g, redirect, request, url_for

# What each role may do. A route names one permission; a role without it gets the
# platform's not-found page (the real app renders a 404 for pages a role may not see).
ROLE_PERMISSIONS: dict[str, set[str]] = {
    "security_guard": {
        "guard_home", "search", "profile", "log_entry", "id_card", "scan", "logbook",
        "manual_entry", "grant_guest", "own_timesheet",
    },
    "admin": {
        "dashboard", "search", "profile", "id_card", "scan", "logbook", "invite_guest",
        "grant_guest", "payments", "manage_forms", "submit_forms", "tasks", "all_timesheets",
    },
    "custodian": {"dashboard", "search", "profile", "id_card", "scan", "manage_shifts", "all_timesheets"},
    "client": {"dashboard", "id_card", "my_payments", "submit_forms", "tasks"},
}
ROLE_PERMISSIONS["security_supervisor"] = set(ROLE_PERMISSIONS["security_guard"])
ROLE_LABELS = {
    "security_guard": "Security Guard", "security_supervisor": "Security Supervisor", "admin": "Admin",
    "custodian": "Store Custodian", "client": "Client", "visitor": "Visitor", "resident": "Resident",
}
ROLES = tuple(ROLE_LABELS)


def can(permission: str, user=None) -> bool:
    """Whether the (current) user's role holds the permission."""
    user = user if user is not None else g.get("user")
    return bool(user) and permission in ROLE_PERMISSIONS.get(user["role"], set())


def public(view: Callable) -> Callable:
    """Mark a route as open to visitors who are not logged in."""
    view.access = "public"
    return view


def requires(permission: str) -> Callable[[Callable], Callable]:
    """Require a logged-in user whose role holds `permission`; others get the not-found page."""

    def decorate(view: Callable) -> Callable:
        @functools.wraps(view)
        def guarded(*args, **kwargs):
            if g.get("user") is None:
                return redirect(url_for("auth.login", next=request.full_path.rstrip("?")))
            if not can(permission):
                abort(404)
            return view(*args, **kwargs)

        guarded.access = permission
        return guarded

    return decorate


def logged_in(view: Callable) -> Callable:
    """Require any logged-in user (pages every role has, like home)."""

    @functools.wraps(view)
    def guarded(*args, **kwargs):
        if g.get("user") is None:
            return redirect(url_for("auth.login", next=request.full_path.rstrip("?")))
        return view(*args, **kwargs)

    guarded.access = "logged_in"
    return guarded


@dataclass(frozen=True)
class MenuItem:
    """One entry of the left menu; shown to roles holding `permission`."""

    label: str
    endpoint: str
    permission: str
    css: str
    order: int


MENU: list[MenuItem] = []


def menu_item(label: str, endpoint: str, permission: str, css: str, order: int) -> None:
    """Register a left-menu entry (each blueprint registers its own)."""
    if not any(m.endpoint == endpoint for m in MENU):
        MENU.append(MenuItem(label, endpoint, permission, css, order))
        MENU.sort(key=lambda m: m.order)


def menu_for(user) -> list[MenuItem]:
    """The menu entries the user's role may see."""
    return [m for m in MENU if can(m.permission, user)]


def undeclared_routes(app) -> list[str]:
    """Endpoints whose view declares no access rule (the app refuses to start with any)."""
    missing = []
    for endpoint, view in app.view_functions.items():
        if endpoint == "static":
            continue
        if not getattr(view, "access", None):
            missing.append(endpoint)
    return missing

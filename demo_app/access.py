"""Roles and the platform's per-module permissions; the decorators every route declares access with.

The platform checks permissions per module (`AccessCheck module=… allowedPermissions=[…]`, and
`permitted?(module:, permission:)` in its GraphQL mutations). A role holds, per module, a list of
permission names; a page or mutation names the ones it needs. The lists below are the platform's
permission names (routes.tsv, mutations.tsv, the Cypress seeds) given to the roles of the
production page's scripts.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any

from flask import g

ENTRY_REQUEST_GUARD = [
    "can_access_logbook",
    "can_see_menu_item",
    "can_grant_entry",
    "can_deny_entry",
    "can_create_entry_request",
    "can_add_entry_request_note",
    "can_go_through_guest_verification",
    "can_view_entry_requests",
    "can_search_guests",
]

# The My Guests page of a person's own menu: the platform gives it to custodians and clients as to admins
# (app/policies/permissions.yml).
GUEST_LIST = ["can_access_guest_list"]

# The platform's `note` (tasks) permissions (app/policies/permissions.yml) of the staff who plan, assign and
# follow work (admin, custodian, security guard); clients and residents hold none of them (no task list).
NOTE_STAFF = [
    "can_access_tasks",
    "can_create_note",
    "can_update_note",
    "can_assign_note",
    "can_create_note_comment",
    "can_fetch_flagged_notes",
    "can_fetch_task_by_id",
    "can_fetch_task_comments",
    "can_get_task_stats",
    "can_get_task_count",
    "can_view_create_task_button",
    "can_view_create_sub_task_button",
]

ROLE_PERMISSIONS: dict[str, dict[str, list[str]]] = {
    "security_guard": {
        "entry_request": ENTRY_REQUEST_GUARD,
        "gate_access": ["can_see_menu_item"],
        "dashboard": ["can_access_guard_dashboard"],
        "user": ["can_view_guests", "can_search_users"],
        "timesheet": ["can_fetch_user_time_sheet_logs"],
        "activity_log": ["can_add_activity_log"],
        "note": NOTE_STAFF,
        "my_forms": ["can_access_own_forms"],
    },
    "admin": {
        "entry_request": [*ENTRY_REQUEST_GUARD, "can_invite_guest", "can_access_guest_list", "can_update_invitation"],
        "gate_access": ["can_see_menu_item"],
        "dashboard": ["can_access_dashboard"],
        "user": [
            "can_view_guests",
            "can_search_users",
            "can_access_all_users",
            "can_create_user",
            "can_update_user_details",
            "can_reset_user_password",
            "can_view_own_profile",
        ],
        "land_parcel": ["can_create_land_parcel", "can_fetch_land_parcels_with_plans"],
        "payment_plan": ["can_view_menu_list", "can_create_payment_plan"],
        "plan_payment": [
            "can_see_menu_item",
            "can_access_all_payments",
            "can_create_plan_payment",
            "can_fetch_payments_list",
        ],
        "payment_records": ["can_create_transaction", "can_revert_transaction", "can_fetch_user_transactions"],
        "forms": [
            "can_create_form",
            "can_update_form",
            "can_create_category",
            "can_create_form_properties",
            "can_create_form_user",
            "can_access_forms",
            "can_view_form_entries",
        ],
        "my_forms": ["can_access_own_forms"],
        "note": NOTE_STAFF,
        "timesheet": [
            "can_access_all_timesheets",
            "can_fetch_time_sheet_logs",
            "can_fetch_user_time_sheet_logs",
            "can_fetch_user_last_shift",
        ],
        "community": ["can_see_menu_item"],
        "activity_log": ["can_add_activity_log"],
    },
    "custodian": {
        # The platform's entry_request permissions the API asks of them (permissions.yml): the community's
        # invitations (scheduledRequests), inviting a guest (invitationCreate) and recording a visitor
        # (entryRequestCreate; no page of theirs offers it: the gate's pages need more).
        "entry_request": ["can_view_entry_requests", "can_invite_guest", "can_create_entry_request", *GUEST_LIST],
        "dashboard": ["can_access_dashboard"],
        "my_forms": ["can_access_own_forms"],
        "user": ["can_view_guests", "can_search_users", "can_view_own_profile"],
        "timesheet": [
            "can_manage_shift",
            "can_fetch_time_sheet_logs",
            "can_fetch_user_last_shift",
            "can_see_menu_item",
            "can_fetch_user_time_sheet_logs",
            "can_access_all_timesheets",
        ],
        "community": ["can_see_menu_item"],
        "note": NOTE_STAFF,
    },
    "client": {
        # The platform's entry_request permissions the API asks of them (permissions.yml): the community's
        # invitations (scheduledRequests), inviting a guest (invitationCreate) and recording a visitor
        # (entryRequestCreate; no page of theirs offers it: the gate's pages need more).
        "entry_request": ["can_view_entry_requests", "can_invite_guest", "can_create_entry_request", *GUEST_LIST],
        "dashboard": ["can_access_dashboard"],
        "user": ["can_view_own_profile"],
        "payment_records": ["can_fetch_user_transactions"],
        # Not forms.can_create_form_user: that is answering for someone else; anyone answers for themselves.
        "forms": ["can_access_forms"],
        "my_forms": ["can_access_own_forms"],
        "note": ["can_update_note_comment"],
    },
}
ROLE_PERMISSIONS["security_supervisor"] = ROLE_PERMISSIONS["security_guard"]
ROLE_PERMISSIONS["resident"] = ROLE_PERMISSIONS["client"]

# The platform's user types (common:user_types.*) with their English labels.
ROLE_LABELS = {
    "security_guard": "Security Guard",
    "security_supervisor": "Security Supervisor",
    "admin": "Admin",
    "custodian": "Custodian",
    "client": "Client",
    "visitor": "Visitor",
    "resident": "Resident",
    "contractor": "Contractor",
    "prospective_client": "Prospective Client",
    "site_worker": "Site Worker",
    "site_manager": "Site Manager",
    "consultant": "Consultant",
    "developer": "Developer",
    "lead": "Lead",
}
ROLES = tuple(ROLE_LABELS)
GUARD_TYPES = ("security_guard", "security_supervisor")
# /search is open to these user types only (modules/Search accessibleBy).
SEARCH_TYPES = ("admin", "custodian", "security_guard", "security_supervisor", "marketing_admin")


def permitted(module: str, *permissions: str, user: Any = None) -> bool:
    """Whether the (current) user's role holds every named permission of the module."""
    user = user if user is not None else g.get("user")
    if not user:
        return False
    held = ROLE_PERMISSIONS.get(user["role"], {}).get(module, [])
    return all(p in held for p in permissions)


def can(rule: str, user: Any = None) -> bool:
    """`permitted` spelled as one string: 'entry_request.can_access_logbook'."""
    module, _, permission = rule.partition(".")
    return permitted(module, permission, user=user)


def public(view: Callable) -> Callable:
    """Mark a route as open to visitors who are not logged in."""
    view.access = "public"  # type: ignore[attr-defined]
    return view


class Denied(Exception):
    """The current user may not see this page: the platform shows the module's 404 page (shared/404.jsx)."""


class NotLoggedIn(Exception):
    """No valid token came with the request: the browser must show the login (or restore its token)."""


class NotOffered(Exception):
    """A page whose module the current user's type is not offered: the platform has no such route for
    them and shows its catch-all page ("Sorry!! We couldn't find this page")."""


def _guard(
    allowed: Callable[[], bool], access: str, refused: type[Exception] = Denied
) -> Callable[[Callable], Callable]:
    """A view for logged-in users for whom `allowed()` holds; `access` names the rule (undeclared_routes)."""

    def decorate(view: Callable) -> Callable:
        @functools.wraps(view)
        def guarded(*args: Any, **kwargs: Any) -> Any:
            if g.get("user") is None:
                raise NotLoggedIn()
            if not allowed():
                raise refused()
            return view(*args, **kwargs)

        guarded.access = access  # type: ignore[attr-defined]
        return guarded

    return decorate


def requires(*rules: str) -> Callable[[Callable], Callable]:
    """A logged-in user holding every rule ('module.permission'); others get the module's 404 page."""
    return _guard(lambda: all(can(rule) for rule in rules), ",".join(rules))


def for_types(*user_types: str) -> Callable[[Callable], Callable]:
    """A logged-in user of one of these user types (the platform's `accessibleBy` lists)."""
    return _guard(lambda: g.user["role"] in user_types, "types:" + ",".join(user_types), NotOffered)


def logged_in(view: Callable) -> Callable:
    """Any logged-in user (pages every role has, like home and a profile)."""
    return _guard(lambda: True, "logged_in")(view)


def undeclared_routes(app: Any) -> list[str]:
    """Endpoints whose view declares no access rule (the app refuses to start with any)."""
    return [
        endpoint
        for endpoint, view in app.view_functions.items()
        if endpoint != "static" and not getattr(view, "access", None)
    ]

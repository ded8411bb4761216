"""The platform's side menu (modules/Menu), as data: labels, menu classes and who sees each entry.

Labels and menu classes are the platform's (routes.tsv column `menu`); an entry shows when the
user holds its rule ('module.permission') or is one of its user types, like `accessibleBy`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from .access import ROLES, SEARCH_TYPES, can


@dataclass(frozen=True)
class Entry:
    """One entry of the side menu: a link, or a group whose sub-entries open under it."""

    label: str
    href: str = ""
    css: str = ""
    rule: str = ""
    types: tuple[str, ...] = ()
    children: tuple[Entry, ...] = field(default_factory=tuple)

    def visible_to(self, user: Any) -> bool:
        """Whether the user sees this entry (a group: when it has a visible child)."""
        if self.children:
            return any(child.visible_to(user) for child in self.children)
        if self.types and user["role"] not in self.types:
            return False
        return not self.rule or can(self.rule, user)


MENU: tuple[Entry, ...] = (
    Entry("Dashboard", "/"),
    Entry("Search", "/search", types=SEARCH_TYPES),
    Entry(
        "Access",
        css="logbook-menu-item",
        children=(
            Entry("Logs", "/logbook", rule="entry_request.can_access_logbook"),
            Entry(
                "Invitations",
                "/logbook/invitations",
                "invitations-sub-menu-item",
                "entry_request.can_view_entry_requests",
            ),
            Entry("My Guests", "/logbook/guests", "guest-list-sub-menu-item", "entry_request.can_access_guest_list"),
        ),
    ),
    # MyForms (modules/Forms/UserForms): "My Forms" (menu.form, plural), hidden from admins and site managers.
    Entry(
        "My Forms",
        "/myforms",
        rule="my_forms.can_access_own_forms",
        types=tuple(role for role in ROLES if role not in ("admin", "site_manager")),
    ),
    Entry("Manage Forms", "/forms", "manage-forms-form-menu-item", "forms.can_create_form"),
    Entry(
        "Community",
        css="community-menu-item",
        children=(
            # modules/Tasks: a group "Tasks" (tasks-menu-item) holding the page "Tasks" (and Task Lists).
            Entry(
                "Tasks",
                css="tasks-menu-item",
                children=(Entry("Tasks", "/tasks", "tasks-sub-menu-item", "note.can_access_tasks"),),
            ),
            Entry("Time Card", "/timesheet", rule="timesheet.can_access_all_timesheets"),
        ),
    ),
    # modules/Payments: the payments dashboard's own entry is "Plans" (menu.plan_plural), not under a group.
    Entry("Plans", "/payments", rule="plan_payment.can_access_all_payments"),
    # Users' Profile entry: a client's "My Profile" is in the menu itself (an admin's under "My Account").
    # The platform's "My Payments" (/mypayments) is never shown: its feature, "User Payment", is no community's.
    Entry("My Profile", "/myprofile", "my-profile-menu-item", types=("client", "resident")),
    Entry(
        "My Account",
        css="account-menu-item",
        children=(
            Entry("My Profile", "/myprofile", "my-profile-menu-item"),
            Entry("Logout", "/logout"),
        ),
    ),
)


def menu_for(user: Any) -> list[dict[str, Any]]:
    """The entries the user sees, as plain data for the template."""

    def shown(entry: Entry) -> dict[str, Any]:
        return {
            "label": entry.label,
            "href": entry.href,
            "css": entry.css,
            "children": [shown(c) for c in entry.children if c.visible_to(user)],
        }

    return [shown(entry) for entry in MENU if entry.visible_to(user)] if user else []

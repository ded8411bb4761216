"""The platform's side menu (modules/Menu), as data: labels, order, groups, menu classes and who sees each entry.

The platform lists, per user type, the entries of modules/index.js whose feature the community has
and whose permission (or `accessibleBy` list) the user holds; a group (an entry with a `subMenu`)
opens its entries under it, and a group may hold a group (Community › Tasks › Tasks). Here each entry
names the user types the platform shows it to (as seen on the platform with every module on) and,
for pages of the reference app, the rule that page needs: an entry shows when both hold. Entries
whose pages the reference app does not have (News, Maps, My Messages, …) are left out, so a role's
menu here is the platform's in the same order, less those.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from .access import can

GUARDS = ("security_guard", "security_supervisor")
CLIENTS = ("client", "resident")
EVERYONE = ("admin", "custodian", *GUARDS, *CLIENTS)
NOT_ADMIN = ("custodian", *GUARDS, *CLIENTS)  # My Profile: hideFromMenu admin (the admin's is in My Account)


@dataclass(frozen=True)
class Entry:
    """One entry of the side menu: a page, or a group whose entries open under it."""

    label: str
    href: str = ""
    css: str = ""
    icon: str = ""
    types: tuple[str, ...] = EVERYONE
    rule: str = ""
    children: tuple[Entry, ...] = field(default_factory=tuple)

    def visible_to(self, user: Any) -> bool:
        """Whether the user sees this entry (a group: when it has a visible entry)."""
        if user["role"] not in self.types:
            return False
        if self.children:
            return any(child.visible_to(user) for child in self.children)
        return not self.rule or can(self.rule, user)


MY_PROFILE = Entry("My Profile", "/myprofile", "my-profile-menu-item", "AccountCircle", NOT_ADMIN)
MY_GUESTS = Entry(
    "My Guests", "/logbook/guests", "guest-list-sub-menu-item", "Hail", rule="entry_request.can_access_guest_list"
)
MY_FORMS = Entry("My Forms", "/myforms", icon="Description", rule="my_forms.can_access_own_forms")
TASKS = Entry(
    "Tasks",
    css="tasks-menu-item",
    types=("admin", "custodian", *GUARDS),
    children=(Entry("Tasks", "/tasks", "tasks-sub-menu-item", rule="note.can_access_tasks"),),
)

MENU: tuple[Entry, ...] = (
    Entry("Dashboard", "/", icon="Home"),
    Entry(
        "My Account",
        css="account-menu-item",
        icon="ManageAccounts",
        types=("admin",),
        children=(Entry("My Profile", "/myprofile", "my-profile-menu-item"), MY_GUESTS, MY_FORMS),
    ),
    Entry("Search", "/search", icon="Search", types=("admin", "custodian", *GUARDS)),
    MY_PROFILE,
    Entry(MY_FORMS.label, MY_FORMS.href, icon=MY_FORMS.icon, types=NOT_ADMIN, rule=MY_FORMS.rule),
    Entry(MY_GUESTS.label, MY_GUESTS.href, MY_GUESTS.css, MY_GUESTS.icon, ("custodian", *CLIENTS), MY_GUESTS.rule),
    Entry(
        "Access",
        css="logbook-menu-item",
        icon="MenuBook",
        types=("admin", *GUARDS),
        children=(
            Entry("Logs", "/logbook", rule="entry_request.can_access_logbook"),
            Entry(
                "Invitations",
                "/logbook/invitations",
                "invitations-sub-menu-item",
                rule="entry_request.can_view_entry_requests",
            ),
        ),
    ),
    Entry("Plans", "/payments", icon="CreditCard", types=("admin",), rule="plan_payment.can_access_all_payments"),
    # modules/Payments/UserPayments' "My Payments" (/mypayments) is never shown: its feature, "User
    # Payment", is no community's.
    Entry("Manage Forms", "/forms", "manage-forms-form-menu-item", "DynamicForm", ("admin",), "forms.can_create_form"),
    Entry("Community", css="community-menu-item", icon="Group", children=(TASKS,)),
    Entry("Time Card", "/timesheet", icon="HourglassFull", rule="timesheet.can_access_all_timesheets"),
    Entry("Logout", "/logout", icon="ExitToApp"),
)


def menu_for(user: Any) -> list[dict[str, Any]]:
    """The entries the user sees, as plain data for the template."""

    def shown(entry: Entry) -> dict[str, Any]:
        return {
            "label": entry.label,
            "href": entry.href,
            "css": entry.css,
            "icon": entry.icon,
            "children": [shown(c) for c in entry.children if c.visible_to(user)],
        }

    return [shown(entry) for entry in MENU if entry.visible_to(user)] if user else []

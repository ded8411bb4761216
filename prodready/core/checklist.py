"""The production page's must-always-work list, as data, and which scenarios cover it."""

from __future__ import annotations

from dataclasses import dataclass

from prodready.core.tags import CHECKLIST_PREFIX as TAG_PREFIX


@dataclass(frozen=True)
class Item:
    """One line of the production page's list."""

    id: str
    area: str
    title: str


# In the page's order and words ("Here is the list of features that should always be working").
ITEMS: tuple[Item, ...] = (
    Item("gate_access.manual_entry", "Gate Access", "Manual Entry"),
    Item("gate_access.scan_entry", "Gate Access", "Scan Entry"),
    Item("gate_access.registered_guests", "Gate Access", "Registered Guests"),
    Item("payments.dashboard", "Payments", "Payments Dashboard"),
    Item("payments.submit_payment", "Payments", "Submitting a payment"),
    Item("forms.create_form", "Forms", "Creating a form"),
    Item("forms.submit_form", "Forms", "Submitting a form"),
    Item("timesheet.start_shift", "Timesheet", "Start a worker's shift"),
    Item("timesheet.end_shift", "Timesheet", "End a worker's shift"),
    Item("timesheet.all_shifts", "Timesheet", "See all workers' shifts"),
    Item("tasks.dashboard", "Tasks", "Task Dashboard"),
    Item("tasks.assign_task", "Tasks", "Assigning tasks to a user"),
    Item("application.overall", "The application overall", "And the application overall"),
)
IDS = frozenset(item.id for item in ITEMS)


def items_of(tags: list[str] | tuple[str, ...] | set[str]) -> list[str]:
    """Checklist ids a scenario's tags name (`checklist.<id>`); unknown ids are ignored here."""
    return [t[len(TAG_PREFIX) :] for t in tags if t.startswith(TAG_PREFIX) and t[len(TAG_PREFIX) :] in IDS]


def unknown_checklist_tags(tags: list[str] | tuple[str, ...] | set[str]) -> list[str]:
    """Tags that look like checklist tags but name no item (a typo would silently cover nothing)."""
    return [
        t
        for t in tags
        if t.startswith(TAG_PREFIX)
        and t[len(TAG_PREFIX) :] not in IDS
        and t[len(TAG_PREFIX) :] not in {i.split(".")[0] for i in IDS}
    ]

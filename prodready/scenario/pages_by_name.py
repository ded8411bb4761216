"""Pages by the words scenarios use for them ("the payments dashboard"), with their addresses."""

from __future__ import annotations

import importlib
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # the names are read by prodready.scenario.values, without the browser's modules
    from pages.base import BasePage

# name → (page object "module:Class", the platform's address: routes.tsv)
PAGES = {
    "the payments dashboard": ("pages.payments:PaymentsDashboardPage", "/payments"),
    "the guest invitation form": ("pages.guests:GuestInvitePage", "/logbook/guests/invite"),
    "the logbook": ("pages.logbook:LogbookPage", "/logbook"),
    "the time card": ("pages.timesheet:TimeCardPage", "/timesheet"),
    "manual entry": ("pages.manual_entry:ManualEntryPage", "/request"),
    "the forms": ("pages.forms:FormsPage", "/forms"),
    "the task list": ("pages.tasks:TasksPage", "/tasks"),
}


@dataclass(frozen=True)
class NamedPage:
    """A page object class and the address that opens it."""

    page: type[BasePage]
    path: str


def page_named(name: str) -> NamedPage:
    """The page a scenario names; an AssertionError listing the known names otherwise."""
    if name not in PAGES:
        raise AssertionError(f"no page called {name!r}; known: {', '.join(sorted(PAGES))}")
    target, path = PAGES[name]
    module, _, cls = target.partition(":")
    return NamedPage(getattr(importlib.import_module(module), cls), path)

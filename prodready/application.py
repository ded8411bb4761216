"""The application overall: pages by the words people use, and a walk through a role's menu."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from pages.components import LeftMenu

# Pages a scenario opens "by its address" (to prove a role cannot), in the platform's words.
PAGES = {
    "the payments dashboard": "/payments",
    "the guest invitation form": "/logbook/guests/invite",
    "the logbook": "/logbook",
    "the time card": "/timesheet",
    "manual entry": "/request",
    "the task dashboard": "/tasks",
}
SERIOUS = ("error", "severe")


@dataclass(frozen=True)
class Visit:
    """One page of the menu, opened: what went wrong, if anything."""

    label: str
    url: str
    problem: str = ""


def visit_menu(actor: Any) -> list[Visit]:
    """Open every entry of the actor's left menu in turn; what each page showed."""
    menu = actor.page(LeftMenu)
    if not menu.is_current():
        actor.open(LeftMenu, "/")
    visits = []
    before = len(actor.console())
    for label, href in menu.visit_each():
        shown = menu.shown_page()
        errors = [e.text for e in actor.console()[before:] if e.level in SERIOUS]
        before = len(actor.console())
        problem = {"error": "the server error page", "not-found": "the not-found page"}.get(shown, "")
        if errors:
            problem = f"console errors: {errors}"
        visits.append(Visit(label, href, problem))
    return visits

"""The application overall: pages by the words people use, and a walk through a role's menu."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from pages.base import BasePage
from pages.components import ErrorPage, PageFrame, SideMenu

SERIOUS = ("error", "severe")
# What a hostile login link puts after /login/ (the platform's /login/:next): "\\elsewhere.invalid", which a
# browser reads as the address //elsewhere.invalid, another site (.invalid never resolves).
ANOTHER_SITE = "%5Celsewhere.invalid"


@dataclass(frozen=True)
class Visit:
    """One page of the menu, opened: what went wrong, if anything."""

    label: str
    url: str
    problem: str = ""


def visit_menu(actor: Any) -> list[Visit]:
    """Open every page of the actor's side menu in turn; what each page showed."""
    menu = actor.open(SideMenu, "/")
    frame, error = actor.page(PageFrame), actor.page(ErrorPage)
    visits = []
    before = len(actor.console())
    for label, href in menu.visit_each():
        errors = [e.text for e in actor.console()[before:] if e.level in SERIOUS]
        before = len(actor.console())
        problem = ""
        if error.is_current():
            problem = "the not-found page"
        elif not frame.is_shown(PageFrame.TITLE) and not frame.is_shown(SideMenu.HAMBURGER):
            problem = f"no page: {frame.screen()}"
        if errors:
            problem = f"console errors: {errors}"
        visits.append(Visit(label, href, problem))
    return visits


def page_withheld(page: BasePage) -> bool:
    """Whether the app, once settled at this address, withholds the page (its marker never shows)."""
    page.wait_until(
        lambda d: (
            d.execute_script("return document.readyState") == "complete"
            and (page.is_shown(SideMenu.HAMBURGER) or page.is_shown(ErrorPage.MARKER))
        ),
        "the app did not settle on a page",
    )
    return not page.is_current()

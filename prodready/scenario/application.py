"""The application overall: pages by the words people use, and a walk through a role's menu."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from pages.base import BasePage
from pages.components import ErrorPage, PageFrame, SideMenu
from prodready.scenario.security_matrix import PROBES, REFUSED, Asking, Probe, ask

SERIOUS = ("error", "severe")
# The platform's Apollo client writes every GraphQL error it is answered to the console (utils/apollo.js:
# the message, then the label "GraphQL - Error"). A field the role may not read is refused field by field
# while the rest of the answer arrives, and the pages ask for such fields knowingly (errorPolicy 'all'):
# the platform's design, not an error of the page. Every other error, a whole request refused included,
# is one.
APOLLO_LABEL = "GraphQL - Error"
FIELD_REFUSED = "permission You do not have permission to access "
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
    """Open every page of the actor's side menu in turn, from the menu as a person does; what each showed."""
    menu = actor.open(SideMenu, "/")
    frame, error = actor.page(PageFrame), actor.page(ErrorPage)
    visits = []
    _came(frame, error)  # what the first document's load wrote is not a page's of the menu
    before = len(actor.console())
    for label, url in menu.visit_each():
        problem = _came(frame, error)
        errors = page_errors(actor.console()[before:])
        before = len(actor.console())
        if errors:
            problem = f"console errors: {errors}"
        visits.append(Visit(label, url, problem))
    return visits


def _came(frame: PageFrame, error: ErrorPage) -> str:
    """What is wrong with the page just routed to, once it has come and loaded ('' for nothing): the
    platform hides its whole screen while a part of it loads (React's Suspense), and shows a spinner
    while the page asks for its data (the errors of which arrive meanwhile)."""
    try:
        frame.wait_until(
            lambda _d: error.is_current() or frame.is_shown(PageFrame.TITLE) or frame.is_shown(SideMenu.HAMBURGER),
            "no page was shown",
        )
    except LookupError:
        return f"no page: {frame.screen()}"
    try:
        frame.wait_gone(PageFrame.LOADING)
    except LookupError:
        return f"still loading: {frame.screen()}"
    return f"the not-found page: {error.headline()}" if error.is_current() else ""


def page_errors(console: list[Any]) -> list[str]:
    """The errors of a page in its console entries (not the platform's field-by-field refusals)."""
    return [
        e.text
        for e in console
        if e.level in SERIOUS and e.text != APOLLO_LABEL and not e.text.startswith(FIELD_REFUSED)
    ]


def page_withheld(page: BasePage, instead: BasePage | None = None) -> bool:
    """Whether the app, once it has answered this address, shows a not-found page (or `instead`, the page
    an app without such an address shows: the platform opens a receipt as a dialog only, so a receipt's
    address is the person's own plans) rather than the page (waits for one of them: a page still loading
    is not taken for a withheld one)."""
    error = ErrorPage(page.driver, page.base_url, page.timeout)
    others = [error, *([instead] if instead is not None else [])]
    page.wait_until(
        lambda _d: page.is_current() or any(o.is_current() for o in others),
        f"neither {page.MARKER} nor a not-found page was shown",
    )
    return not page.is_current()


# What each page of pages_by_name.PAGES asks the platform for or sends it (the page's own queries and its form's
# mutation, in the platform's source): a person not shown the page is refused these too, asked directly.
PAGE_OPERATIONS = {
    "the payments dashboard": ("paymentsList",),
    "the guest invitation form": ("invitationCreate",),
    "the logbook": ("allEventLogs",),
    "the time card": ("timeSheetLogs",),
}
TIME_SHEET_LOGS = Probe("query timeSheetLogs { timeSheetLogs(limit: 1) { id } }", lambda _a: {})


def page_data_given(cast: Any, run_id: str, who: str, page: str) -> dict[str, str]:
    """Each operation behind a page that the platform did not refuse `who`, with its verdict (none: all refused)."""
    if page not in PAGE_OPERATIONS:
        raise AssertionError(f"no operations are written for {page!r} (prodready/scenario/application.py)")
    asking = Asking(run_id, cast.user_id("admin"))
    verdicts = {
        operation: ask(cast, who, probe, probe.variables(asking))
        for operation in PAGE_OPERATIONS[page]
        for probe in (PROBES.get(operation) or TIME_SHEET_LOGS,)
    }
    return {operation: verdict for operation, verdict in verdicts.items() if verdict != REFUSED}

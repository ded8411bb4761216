"""The logbook, "Logs" (/logbook: LogBookItem.jsx and LogEvents.jsx)."""

from __future__ import annotations

from dataclasses import dataclass

from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys

from .base import BasePage, Locator, testid, ui

# One script reads every card: the name (Cypress's .entry-log-visitor-name), the acting user,
# the note, the date and every chip. A card is the MUI Card (shared/Card.jsx) around its acting user.
READ_CARDS = """
// The time (HH:mm) has no test id: it is the caption in the grid item after the date's (LogEvents.jsx).
const time = card => {
  const date = card.querySelector('[data-testid="created-at"]');
  const next = date && date.parentElement.nextElementSibling;
  return next ? next.innerText.trim() : '';
};
return Array.from(document.querySelectorAll('[data-testid="acting_user_name"]')).map(guard => {
  const card = guard.closest('.MuiCard-root') || guard.parentNode;
  const text = sel => {
    const el = card.querySelector(sel);
    return el ? el.innerText.replace(/\\s+/g, ' ').trim() : '';
  };
  return {name: text('.entry-log-visitor-name'), guard: guard.innerText.trim(),
          note: text('[data-testid="observation_note"]'), date: text('[data-testid="created-at"]'), time: time(card),
          chips: Array.from(card.querySelectorAll('.MuiChip-label')).map(c => c.textContent.trim())};
});
"""


@dataclass(frozen=True)
class LogEntry:
    """One card of the logbook."""

    name: str
    guard: str
    note: str
    date: str
    chips: tuple[str, ...]
    time: str = ""


class LogbookPage(BasePage):
    """Logs: scans, grants, denials and observations, newest first."""

    PATH = "/logbook"
    MARKER = testid("access_search", "the logbook's Search button")
    SEARCH_BUTTON = testid("access_search", "the logbook's Search button")
    SEARCH = testid("search", "the All Logs search box")
    ADD = testid("add_button", "the logbook's Add button")
    EMPTY = testid("no-logs", "the empty logbook's message")
    NEW_INVITE = ui("New Invite")
    OBSERVATION = ui("Observation")  # the chip of an observation
    NEW_INVITE_ITEM = Locator(By.XPATH, '//*[@role="menuitem"][normalize-space()="New Invite"]', "New Invite")

    def entries(self) -> list[LogEntry]:
        """Every card shown, newest first."""
        return [
            LogEntry(r["name"], r["guard"], r["note"], r["date"], tuple(r["chips"]), r["time"])
            for r in self.driver.execute_script(READ_CARDS)
        ]

    def newest(self) -> list[LogEntry]:
        """The cards of the whole logbook's first page, newest first (once it has loaded).

        An observation's card is found this way: the platform's search matches the names events carry,
        and an observation carries only its note (its card shows the entry request's name).
        """
        self.wait_until(lambda _d: self.entries() or self.is_shown(self.EMPTY), "the logbook did not load")
        return self.entries()

    def search(self, name: str) -> list[LogEntry]:
        """The cards whose name contains `name` (the "All Logs" search), newest first."""
        if not self.is_shown(self.SEARCH):
            self.click(self.SEARCH_BUTTON)
        self.type_into(self.SEARCH, name)
        self._field(self.SEARCH).send_keys(Keys.ENTER)
        # The platform filters as one types; the reference app searches on Enter: either way the
        # list settles on matching cards only (or none).
        return self.wait_until(lambda _d: self._settled(name), f"the logbook did not settle on {name!r}")[0]

    def _settled(self, name: str) -> tuple[list[LogEntry]] | None:
        """(the cards,) once only cards of `name` (or the empty message) are shown; None before."""
        if self.driver.execute_script("return document.readyState") != "complete":
            return None
        found = self.entries()
        if found and all(name.lower() in e.name.lower() for e in found):
            return (found,)
        return ([],) if self.is_shown(self.EMPTY) else None

    def open_new_invite(self) -> None:
        """Add › New Invite: the guest invitation form."""
        self.click(self.ADD)
        self.click_and_load(self.NEW_INVITE_ITEM)

"""The Time Card (every worker's latest shift) and a worker's time sheet for one pay period."""
from __future__ import annotations

from dataclasses import dataclass

from selenium.webdriver.remote.webelement import WebElement

from .base import BasePage, css, testid, text_in


@dataclass(frozen=True)
class ShiftCard:
    """One worker's block on the Time Card, as shown."""

    worker: str
    last_shift_worked: str
    hours_worked: str
    seconds: float | None  # the exact length when the page gives it (data-seconds), else None


@dataclass(frozen=True)
class ShiftRow:
    """One line of a worker's time sheet, as shown."""

    day: str
    date: str
    start: str
    stop: str
    total_hours: str
    seconds: float | None


def _seconds(parent: WebElement, testid_value: str) -> float | None:
    found = parent.find_elements("css selector", f'[data-testid="{testid_value}"]')
    value = found[0].get_attribute("data-seconds") if found else None
    return float(value) if value else None


class TimeCardPage(BasePage):
    """Time Card: one block per worker with their latest shift."""

    PATH = "/timesheet"
    MARKER = css('body[data-page="time-card"]', "the Time Card")
    TITLE = testid("time_card_title", "the Time Card title")
    CARDS = testid("shift_card", "the workers' blocks")
    LAST_WORKED_PREFIX = "Last Shift Worked:"
    HOURS_PREFIX = "Numbers of shifts hours worked:"

    def title(self) -> str:
        """The page's title."""
        return self.text_of(self.TITLE)

    def cards(self) -> list[ShiftCard]:
        """Every worker's block, latest shift first."""
        return [self._card(card) for card in self.find_all(self.CARDS)]

    def _card(self, card: WebElement) -> ShiftCard:
        last_worked = text_in(card, "last_shift_worked").removeprefix(self.LAST_WORKED_PREFIX).strip()
        return ShiftCard(worker=text_in(card, "shift_user_name"), last_shift_worked=last_worked,
                         hours_worked=text_in(card, "shift_hours").removeprefix(self.HOURS_PREFIX).strip(),
                         seconds=_seconds(card, "shift_duration"))

    def card_of(self, worker: str) -> ShiftCard:
        """One worker's block."""
        cards = self.cards()
        for card in cards:
            if card.worker == worker:
                return card
        raise AssertionError(f"the Time Card has no block for {worker!r} (it has {[c.worker for c in cards]})")

    def more_details(self, worker: str) -> "WorkerTimeSheetPage":
        """Open a worker's time sheet from their block."""
        for card in self.find_all(self.CARDS):
            if text_in(card, "shift_user_name") == worker:
                self.click_and_load(card.find_element("css selector", '[data-testid="more_details"]'))
                return self.goes_to(WorkerTimeSheetPage)
        raise AssertionError(f"the Time Card has no block for {worker!r}")


class WorkerTimeSheetPage(BasePage):
    """A worker's shifts in one pay period (27th to 26th), with the period's summary."""

    MARKER = css('body[data-page="employee-timesheet"]', "a worker's time sheet")
    NAME = testid("emp_name", "the worker's name")
    SUMMARY = testid("summary", "the period's summary")
    ROWS = testid("shift_row", "the shifts of the period")
    PREVIOUS = testid("prev_period", "the Previous period link")

    def open_for(self, user_id: int) -> "WorkerTimeSheetPage":
        """Show a worker's time sheet for the current pay period."""
        return self.open(f"/timesheet/{user_id}")

    def worker(self) -> str:
        """Whose time sheet this is."""
        return self.text_of(self.NAME).removeprefix("Name:").strip()

    def summary(self) -> str:
        """ "Worked N days for a total of H hrs between A - B"."""
        return self.text_of(self.SUMMARY)

    def shifts(self) -> list[ShiftRow]:
        """The period's shifts as listed, newest first."""
        return [ShiftRow(day=text_in(r, "shift_day"), date=text_in(r, "shift_date"), start=text_in(r, "shift_start"),
                         stop=text_in(r, "shift_stop"), total_hours=text_in(r, "prog"), seconds=_seconds(r, "prog"))
                for r in self.find_all(self.ROWS)]

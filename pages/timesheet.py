"""The Time Card (every worker's latest shift) and a worker's time sheet for one pay period.

modules/TimeCard: the Time Card's blocks have no test ids (CustodianTimeSheetLog.jsx renders, per
worker, a fragment of rows: `.shift-user-name`, the last-shift cell, `.nz_endshift`, then "More
details"); the worker's time sheet has `emp_name`, `summary`, `data_table_container` and `prog`.
"""

from __future__ import annotations

from dataclasses import dataclass

from selenium.webdriver.common.by import By
from selenium.webdriver.remote.webelement import WebElement

from .base import BasePage, Locator, testid, ui


@dataclass(frozen=True)
class ShiftBlock:
    """One worker's block on the Time Card, as shown."""

    worker: str
    last_shift_worked: str
    hours_worked: str
    details: str


@dataclass(frozen=True)
class ShiftRow:
    """One line of a worker's time sheet, as shown."""

    day: str
    date: str
    start: str
    stop: str
    total_hours: str


# One script call reads every block: from each name, its row and the two rows after it.
READ_BLOCKS = """
const text = el => el ? el.textContent.replace(/\\s+/g, ' ').trim() : '';
return Array.from(document.querySelectorAll('.shift-user-name')).map(name => {
  const row = name.closest('.row') || name.parentNode;
  const hours = row.nextElementSibling;
  const link = hours ? hours.nextElementSibling : null;
  const rest = Array.from(row.children).filter(c => !c.contains(name));
  return {worker: text(name), last: text(rest[0]), hours: text(hours && hours.querySelector('.nz_endshift')),
          details: text(link)};
});
"""
FIND_DETAILS = """
const name = Array.from(document.querySelectorAll('.shift-user-name'))
  .find(n => n.textContent.replace(/\\s+/g, ' ').trim() === arguments[0]);
const row = name ? (name.closest('.row') || name.parentNode) : null;
const link = row && row.nextElementSibling ? row.nextElementSibling.nextElementSibling : null;
return link ? Array.from(link.querySelectorAll('*')).find(e => e.textContent.trim() === arguments[1]) || null : null;
"""


def _after_label(text: str, label: str) -> str:
    """The value after "<label>:" (the platform writes "Last Shift Worked:2026-11-20")."""
    return text.removeprefix(label).removeprefix(":").strip()


class TimeCardPage(BasePage):
    """Time Card (`/timesheet`): one block per worker with their latest shift, the most recent first."""

    PATH = "/timesheet"
    MARKER = Locator(By.XPATH, '//*[@data-testid="page_title"][normalize-space()="Time Card"]', "the Time Card")
    LAST_SHIFT = ui("Last Shift Worked")
    HOURS = ui("Numbers of shifts hours worked")
    MORE_DETAILS = ui("More details")
    IN_PROGRESS = ui("In-Progress")  # the hours of a shift still running

    def blocks(self) -> list[ShiftBlock]:
        """Every worker's block, in the order shown."""
        return [
            ShiftBlock(
                b["worker"],
                _after_label(b["last"], self.LAST_SHIFT),
                _after_label(b["hours"], self.HOURS),
                b["details"],
            )
            for b in self.driver.execute_script(READ_BLOCKS)
        ]

    def blocks_of(self, worker: str) -> list[ShiftBlock]:
        """The blocks of one worker (one, if the page is right)."""
        return [b for b in self.blocks() if b.worker == worker]

    def block_of(self, worker: str) -> ShiftBlock:
        """One worker's block."""
        found = self.blocks_of(worker)
        if not found:
            raise LookupError(
                f"the Time Card has no block for {worker!r}; it shows {[b.worker for b in self.blocks()]}"
            )
        return found[0]

    def more_details(self, worker: str) -> EmployeeTimeSheetPage:
        """Open a worker's time sheet from their block."""
        link: WebElement | None = self.driver.execute_script(FIND_DETAILS, worker, self.MORE_DETAILS)
        if link is None:
            raise LookupError(
                f"the Time Card has no {self.MORE_DETAILS!r} for {worker!r}; the screen shows {self.screen()}"
            )
        self.click(link)
        return self.goes_to(EmployeeTimeSheetPage)


class EmployeeTimeSheetPage(BasePage):
    """A worker's time sheet (`/timesheet/:id`): one pay period, its summary and its shifts, newest first."""

    MARKER = testid("emp_name", "the worker's name")
    SUMMARY = testid("summary", "the pay period's summary")
    ROWS = '[data-testid="data_table_container"] tbody tr'
    HEADINGS = Locator(By.CSS_SELECTOR, '[data-testid="data_table_container"] thead th', "the table's columns")
    PREVIOUS = testid("prev-btn", "the Previous button")
    NEXT = testid("next-btn", "the Next button")

    def worker(self) -> str:
        """Whose time sheet this is (the text after "Name:")."""
        return self.text_of(self.MARKER).partition(":")[2].strip()

    def summary(self) -> str:
        """ "Worked N days for a total of H hrs between A - B"."""
        return self.text_of(self.SUMMARY)

    def columns(self) -> list[str]:
        """The table's column headings, as written."""
        return self.texts_of(self.HEADINGS, written=True)

    def shifts(self) -> list[ShiftRow]:
        """The period's shifts as listed."""
        rows = self.rows(
            self.ROWS,
            {
                "day": "css:td:nth-child(1)",
                "date": "css:td:nth-child(2)",
                "start": "css:td:nth-child(3)",
                "stop": "css:td:nth-child(4)",
                "total": "prog",
            },
        )
        return [ShiftRow(r["day"], r["date"], r["start"], r["stop"], r["total"]) for r in rows]

    def _move(self, button: Locator) -> EmployeeTimeSheetPage:
        before = self.summary()
        self.click(button)
        self.wait_until(
            lambda _d: self.is_shown(self.SUMMARY) and self.find(self.SUMMARY).text.strip() != before,
            "the time sheet did not move to another pay period",
        )
        return self.wait_loaded()

    def previous_period(self) -> EmployeeTimeSheetPage:
        """The pay period before the one shown."""
        return self._move(self.PREVIOUS)

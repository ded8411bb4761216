"""Time sheet rules: shift lengths in the platform's words, pay periods, days worked, the summary line.

Durations are shown as the platform's `differenceInHours` (utils/dateutil.js) words them: hours
rounded to two decimals and printed as a JavaScript number ("8.5 hrs", "1 hr" when the rounded
value is exactly one), and under an hour the minutes rounded the same way ("45 minutes", "0.33
minutes" for 20 seconds). A shift in progress counts until now, as there.

A worker's time sheet covers a pay period from the 27th to the 26th (community calendar); a shift
belongs to the community day it started on; "days worked" counts shifts of at least one hour
(EmployeeTimeSheetLog.jsx `calculateHoursAndDays`).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from typing import TYPE_CHECKING

from . import clock

if TYPE_CHECKING:
    from .db import Record

PERIOD_FIRST_DAY = 27  # pay periods run from the 27th to the 26th of the next month
# The pay periods the time sheet can show: far enough for any real community, and clear of the
# calendar's ends (a period is computed a month either side of the day asked for).
FIRST_PERIOD_DAY = date(2000, 1, 1)
LAST_PERIOD_DAY = date(2999, 12, 26)


def iso_ms(moment: datetime) -> str:
    """An instant as stored for shifts: UTC, millisecond precision."""
    return moment.astimezone(UTC).isoformat(timespec="milliseconds")


def seconds_between(started_at: str, ended_at: str | None, now: datetime) -> float:
    """A shift's length in seconds; a shift in progress runs until `now`."""
    end = clock.from_iso(ended_at) if ended_at else now
    return max((end - clock.from_iso(started_at)).total_seconds(), 0.0)


def _js_number(value: float) -> str:
    """A number rounded to 2 decimals and printed as JavaScript prints it (8.5, 1, 0.33)."""
    return f"{value:.2f}".rstrip("0").rstrip(".")


def _rounded_hours(seconds: float) -> float:
    return float(f"{seconds / 3600:.2f}")


def fmt_duration(seconds: float) -> str:
    """The platform's duration words: "8.5 hrs", "1 hr", "45 minutes", "0.33 minutes"."""
    hours = _rounded_hours(seconds)
    if hours >= 1:
        return f"{_js_number(hours)} {'hr' if hours == 1 else 'hrs'}"
    return f"{_js_number(seconds / 60)} minutes"


def is_full_day(seconds: float) -> bool:
    """Whether a shift counts as a day worked: its rounded length is at least an hour."""
    return _rounded_hours(seconds) >= 1


def period_day_allowed(day: date) -> bool:
    """Whether the time sheet can show the pay period holding this day."""
    return FIRST_PERIOD_DAY <= day <= LAST_PERIOD_DAY


def pay_period(day: date) -> tuple[date, date]:
    """The pay period (27th to 26th, both included) holding a community date."""
    start = (
        day.replace(day=PERIOD_FIRST_DAY)
        if day.day >= PERIOD_FIRST_DAY
        else (day.replace(day=1) - timedelta(days=1)).replace(day=PERIOD_FIRST_DAY)
    )
    following = (start.replace(day=1) + timedelta(days=32)).replace(day=PERIOD_FIRST_DAY)
    return start, following - timedelta(days=1)


def neighbour_periods(first: date, last: date) -> tuple[date | None, date | None]:
    """A day of the previous and of the next pay period (None past the range the sheet shows)."""
    before, after = first - timedelta(days=1), last + timedelta(days=1)
    return (before if period_day_allowed(before) else None, after if period_day_allowed(after) else None)


def shift_day(started_at: str) -> date:
    """The community day a shift belongs to: the local date it started on."""
    return clock.local(started_at).date()


@dataclass(frozen=True)
class Summary:
    """What a worker's pay period adds up to."""

    days: int
    total_hours: str

    def sentence(self, first: date, last: date) -> str:
        """The summary line of the time sheet (timecard:timecard.worked_time_stats, "days" even for one)."""
        return (
            f"Worked {self.days} days for a total of {self.total_hours} hrs"
            f" between {first.isoformat()} - {last.isoformat()}"
        )


def summarise(shifts: Iterable[Record], now: datetime) -> Summary:
    """Days worked (shifts of at least an hour) and total hours, as the platform adds them up."""
    lengths = [seconds_between(s["started_at"], s["ended_at"], now) for s in shifts]
    if not lengths:
        return Summary(days=0, total_hours="0")  # the platform prints a bare 0 for an empty period
    # The platform sums the rounded values it shows (hours, and minutes / 60), not raw seconds.
    total = sum(_rounded_hours(x) if is_full_day(x) else float(f"{x / 60:.2f}") / 60 for x in lengths)
    return Summary(days=sum(1 for x in lengths if is_full_day(x)), total_hours=f"{total:.2f}")

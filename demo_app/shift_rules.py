"""Time sheet rules: shift lengths, the platform's duration words, pay periods, days worked.

Durations are shown as the real platform shows them (its `differenceInHours`): hours rounded to two
decimals, as a JavaScript number ("8.5 hrs", "1 hr" when the rounded value is exactly one), and
under an hour minutes rounded the same way ("45 minutes", "0.33 minutes" for 20 seconds). So the
suite can check a short shift to the second, every duration element also carries
`data-seconds="<exact seconds, 3 decimals>"`; the text stays the platform's.

The employee view covers a pay period from the 27th to the 26th (community calendar); a shift
belongs to the community day it started on; "days worked" counts shifts of at least one hour.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone
from typing import Any, Iterable, Mapping

from . import clock

PERIOD_FIRST_DAY = 27  # pay periods run from the 27th to the 26th of the next month


def iso_ms(moment: datetime) -> str:
    """An instant as stored for shifts: UTC, millisecond precision."""
    return moment.astimezone(timezone.utc).isoformat(timespec="milliseconds")


def seconds_between(started_at: str, ended_at: str | None, now: datetime) -> float:
    """A shift's length in seconds; a shift in progress runs until `now`."""
    end = clock.from_iso(ended_at) if ended_at else now
    return max((end - clock.from_iso(started_at)).total_seconds(), 0.0)


def _js_number(value: float) -> str:
    """A number rounded to 2 decimals and printed as JavaScript prints it (8.5, 1, 0.33)."""
    return f"{value:.2f}".rstrip("0").rstrip(".")


def fmt_duration(seconds: float) -> str:
    """The platform's duration words: "8.5 hrs", "1 hr", "45 minutes", "0.33 minutes"."""
    hours = float(f"{seconds / 3600:.2f}")
    if hours >= 1:
        return f"{_js_number(hours)} {'hr' if hours == 1 else 'hrs'}"
    return f"{_js_number(seconds / 60)} minutes"


def is_full_day(seconds: float) -> bool:
    """Whether a shift counts as a day worked: its rounded length is at least an hour."""
    return float(f"{seconds / 3600:.2f}") >= 1


def pay_period(day: date) -> tuple[date, date]:
    """The pay period (27th to 26th, inclusive) holding a community date."""
    start = day.replace(day=PERIOD_FIRST_DAY) if day.day >= PERIOD_FIRST_DAY else \
        (day.replace(day=1) - timedelta(days=1)).replace(day=PERIOD_FIRST_DAY)
    following = (start.replace(day=1) + timedelta(days=32)).replace(day=PERIOD_FIRST_DAY)
    return start, following - timedelta(days=1)


def shift_day(started_at: str) -> date:
    """The community day a shift belongs to: the local date it started on."""
    return clock.local(started_at).date()


@dataclass(frozen=True)
class Summary:
    """What a worker's pay period adds up to."""

    days: int
    total_hours: str

    def sentence(self, first: date, last: date) -> str:
        """The summary line of the employee view."""
        days = "1 day" if self.days == 1 else f"{self.days} days"
        return (f"Worked {days} for a total of {self.total_hours} hrs"
                f" between {first.isoformat()} - {last.isoformat()}")


def summarise(shifts: Iterable[Mapping[str, Any]], now: datetime) -> Summary:
    """Days worked (shifts of at least an hour) and total hours, as the platform adds them up."""
    lengths = [seconds_between(s["started_at"], s["ended_at"], now) for s in shifts]
    # The platform sums the rounded values it shows (hours, and minutes / 60), not raw seconds.
    total = sum(float(f"{x / 3600:.2f}") if is_full_day(x) else float(f"{x / 60:.2f}") / 60 for x in lengths)
    return Summary(days=sum(1 for x in lengths if is_full_day(x)), total_hours=f"{total:.2f}")

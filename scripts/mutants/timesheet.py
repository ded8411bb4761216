"""Realistic breaks of the Time Sheet: starting and ending shifts, the Time Card, pay periods."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from typing import Any

from .core import Mutant, patch, wrap


def _second_start_recorded() -> None:
    """A schema change loses the one-shift-in-progress index: a second Start Shift records a second shift."""
    wrap(
        "demo_app.db",
        "schema_scripts",
        lambda real: (
            lambda: [
                "\n".join(line for line in script.splitlines() if "shifts_one_in_progress" not in line)
                for script in real()
            ]
        ),
    )


def _start_recorded_for_custodian() -> None:
    """Start Shift records the shift for the custodian who pressed it, not for the worker."""
    wrap("demo_app.shifts", "start", lambda real: lambda user_id, by, at: real(by, by, at))


def _end_leaves_shift_running() -> None:
    """End Shift answers with the shift, but the shift keeps running."""
    from demo_app import shifts

    def end(user_id: int, by: int, at: datetime) -> Any:
        running = shifts.running(user_id)
        if running is None:
            raise shifts.NothingToEnd(shifts.NOT_IN_PROGRESS)
        return running

    patch("demo_app.shifts", "end", end)


def _end_without_shift_recorded() -> None:
    """End Shift with no shift in progress records an empty shift instead of refusing."""
    from demo_app import shifts

    def make(real: Any) -> Any:
        def end(user_id: int, by: int, at: datetime) -> Any:
            if shifts.running(user_id) is None:
                return shifts.by_id(shifts.record_past(user_id, at, at, by))
            return real(user_id, by, at)

        return end

    wrap("demo_app.shifts", "end", make)


def _period_without_its_last_day() -> None:
    """A pay period's time sheet stops at the start of the 26th: the last day's shifts are left out."""
    from demo_app import clock

    patch(
        "demo_app.shifts",
        "day_bounds",
        lambda first, last: (clock.combine_local(first, time.min), clock.combine_local(last, time.min)),
    )


def _period_in_utc_days() -> None:
    """A pay period's days are UTC days: a shift started between 00:00 and 02:00 community time falls a day early."""

    def day_bounds(first: date, last: date) -> tuple[datetime, datetime]:
        return datetime.combine(first, time.min, tzinfo=UTC), datetime.combine(last + timedelta(days=1), time.min, UTC)

    patch("demo_app.shifts", "day_bounds", day_bounds)


def _time_card_oldest_shift() -> None:
    """The Time Card shows each worker's first shift instead of their latest."""
    from demo_app.db import query

    def latest_per_worker(limit: int, offset: int) -> Any:
        return query(
            "SELECT s.*, u.name AS user_name FROM shifts s JOIN users u ON u.id = s.user_id"
            " WHERE s.id = (SELECT s2.id FROM shifts s2 WHERE s2.user_id = s.user_id ORDER BY s2.started_at LIMIT 1)"
            " ORDER BY s.started_at DESC, s.id DESC LIMIT ? OFFSET ?",
            (limit, offset),
        )

    patch("demo_app.shifts", "latest_per_worker", latest_per_worker)


SCRIPT_2 = "The custodian times a shift of mama Guard and finds it in the Timesheet log"
PAY_PERIOD = "The Time Card shows each worker's latest shift, and a worker's time sheet one pay period"
MUTANTS = (
    Mutant(
        "second_start_recorded",
        "timesheet.start_shift",
        "must-not",
        "a second Start Shift for a worker already on shift records a second shift",
        ("A shift already started from another device is not started twice",),
        _second_start_recorded,
    ),
    Mutant(
        "start_recorded_for_custodian",
        "timesheet.start_shift",
        "round trip",
        "the shift the custodian starts is recorded for the custodian, not for the worker",
        (SCRIPT_2,),
        _start_recorded_for_custodian,
    ),
    Mutant(
        "end_leaves_shift_running",
        "timesheet.end_shift",
        "round trip",
        "End Shift answers, but the worker's shift keeps running",
        (SCRIPT_2,),
        _end_leaves_shift_running,
    ),
    Mutant(
        "end_without_shift_recorded",
        "timesheet.end_shift",
        "must-not",
        "ending a shift that is not in progress records an empty shift instead of refusing",
        ("Ending a shift that is not in progress is refused, and nothing is recorded",),
        _end_without_shift_recorded,
    ),
    Mutant(
        "period_without_its_last_day",
        "timesheet.all_shifts",
        "boundary",
        "a pay period's time sheet leaves out the shifts of its last day, the 26th",
        (PAY_PERIOD,),
        _period_without_its_last_day,
    ),
    Mutant(
        "period_in_utc_days",
        "timesheet.all_shifts",
        "boundary",
        "a shift started between 00:00 and 02:00 community time is counted in the day (and period) before",
        (PAY_PERIOD,),
        _period_in_utc_days,
    ),
    Mutant(
        "time_card_oldest_shift",
        "timesheet.all_shifts",
        "round trip",
        "the Time Card shows each worker's first shift instead of their latest",
        (PAY_PERIOD,),
        _time_card_oldest_shift,
    ),
)

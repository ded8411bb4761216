"""Realistic breaks of the Time Sheet: starting and ending shifts, the Time Card, pay periods."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from typing import Any

from .core import Mutant, patch, wrap
from .timesheet_periods import MUTANTS as PERIOD_MUTANTS


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


def _end_reends_last_shift() -> None:
    """End Shift with no shift in progress ends the worker's latest shift again, now."""
    from demo_app import shifts
    from demo_app.db import execute
    from demo_app.shift_rules import iso_ms

    def make(real: Any) -> Any:
        def end(user_id: int, by: int, at: datetime) -> Any:
            latest = shifts.latest(user_id)
            if shifts.running(user_id) is None and latest is not None:
                execute("UPDATE shifts SET ended_at = ?, ended_by = ? WHERE id = ?", (iso_ms(at), by, latest["id"]))
                return shifts.by_id(latest["id"])
            return real(user_id, by, at)

        return end

    wrap("demo_app.shifts", "end", make)


def _end_stamped_local_as_utc() -> None:
    """End Shift stores the community's wall-clock time as if it were UTC: the shift ends two hours late."""
    wrap("demo_app.shifts", "end", lambda real: lambda user_id, by, at: real(user_id, by, _local_as_utc(at)))


def _start_stamped_local_as_utc() -> None:
    """Start Shift stores the community's wall-clock time as if it were UTC: the shift starts two hours late."""
    wrap("demo_app.shifts", "start", lambda real: lambda user_id, by, at: real(user_id, by, _local_as_utc(at)))


def _local_as_utc(at: datetime) -> datetime:
    from demo_app import clock

    return clock.local(at).replace(tzinfo=UTC)


def _deactivated_worker_shift_started() -> None:
    """The server no longer looks at the worker's status (the profile still hides the shift buttons)."""

    def make(real: Any) -> Any:
        def manage(person: Any, by: int, event_tag: str) -> Any:
            return real({**dict(person), "status": "active"} if person is not None else None, by, event_tag)

        return manage

    wrap("demo_app.shifts", "manage", make)


def _profile_in_progress_after_end() -> None:
    """The profile takes a worker who has any shift for one on shift: once a shift has ended, the profile
    opened again says "Shift in Progress"."""
    from demo_app import profile_parts, shifts, timesheet

    def profile_part(person: Any, tab: str, scan: Any) -> Any:
        part = timesheet.profile_part(person, tab, scan)
        return part and {**part, "in_progress": shifts.latest(person["id"]) is not None}

    providers = tuple(profile_part if p is timesheet.profile_part else p for p in profile_parts.PROVIDERS)
    patch("demo_app.profile_parts", "PROVIDERS", providers)


SCRIPT_2 = "The custodian times a shift of mama Guard and finds it in the Timesheet log"
PAY_PERIOD = "The Time Card shows each worker's latest shift, and a worker's time sheet one pay period"
OWN_SHEET = "After the custodian ends the guard's shift, the guard finds it in their own time sheet"
ENDED_EARLIER = (
    "Ending a shift for a worker whose shift has already ended is refused, and their last shift stays as it was"
)
DEACTIVATED = "A deactivated guard's shift is not started, even when Start Shift is sent directly"
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
    Mutant(
        "end_reends_last_shift",
        "timesheet.end_shift",
        "must-not",
        "End Shift for a worker with no shift in progress moves the end of their last shift to now",
        (ENDED_EARLIER,),
        _end_reends_last_shift,
    ),
    Mutant(
        "end_stamped_local_as_utc",
        "timesheet.end_shift",
        "figure",
        "a shift the custodian ends is recorded as ending two hours later (the community's time stored as UTC)",
        (SCRIPT_2, OWN_SHEET),
        _end_stamped_local_as_utc,
    ),
    Mutant(
        "start_stamped_local_as_utc",
        "timesheet.start_shift",
        "figure",
        "a shift the custodian starts is recorded as starting two hours later (the community's time stored as UTC)",
        (SCRIPT_2, OWN_SHEET),
        _start_stamped_local_as_utc,
    ),
    Mutant(
        "deactivated_worker_shift_started",
        "timesheet.start_shift",
        "must-not",
        "a deactivated guard's shift is started when Start Shift is sent directly",
        (DEACTIVATED,),
        _deactivated_worker_shift_started,
    ),
    Mutant(
        "profile_in_progress_after_end",
        "timesheet.start_shift",
        "round trip",
        'a worker\'s profile opened after their shift ended still says "Shift in Progress"',
        (OWN_SHEET,),
        _profile_in_progress_after_end,
    ),
    *PERIOD_MUTANTS,
)

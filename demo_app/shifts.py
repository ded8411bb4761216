"""Shifts as stored: starting and ending them (manageShift), the latest per worker, a pay period's.

The pages and the GraphQL resolvers both call these functions, so a shift recorded either way is
the same shift everywhere.
"""

from __future__ import annotations

import sqlite3
from datetime import date, datetime, time, timedelta
from typing import Any

from . import clock, people
from .db import Record, execute, query, written
from .shift_rules import iso_ms

# The people whose profile offers the shift buttons (ShiftButtons.jsx, flows.md §6).
WORKER_TYPES = ("security_guard", "contractor", "security_supervisor", "developer")
EVENT_TAGS = ("shift_start", "shift_end")
NOT_IN_PROGRESS = "You can't end shift that is not in progress"  # timecard:timecard.shift_end_error
ALREADY_IN_PROGRESS = "A shift is already in progress for this worker"
NOT_A_WORKER = "Shifts are recorded for active guards, supervisors, contractors and developers only"
BAD_EVENT_TAG = "eventTag must be shift_start or shift_end"


class ShiftError(ValueError):
    """A shift cannot be started or ended as asked; the message says why."""


class NothingToEnd(ShiftError):
    """End Shift for a worker with no shift in progress (the page says so; the API ends nothing)."""


def person(user_id: Any) -> sqlite3.Row | None:
    """A person by an id of ASCII digits (int() would also read "٥" as 5: such ids name nobody)."""
    return people.find(user_id) if str(user_id).strip().isascii() else None


def is_worker(person: Record | None) -> bool:
    """Whether shifts are recorded for this person: an active worker of the community."""
    return person is not None and person["role"] in WORKER_TYPES and person["status"] == "active"


def running(user_id: int) -> sqlite3.Row | None:
    """The worker's shift in progress, if any."""
    return query("SELECT * FROM shifts WHERE user_id = ? AND ended_at IS NULL", (user_id,), one=True)


def latest(user_id: int) -> sqlite3.Row | None:
    """The worker's newest shift (userLastShift)."""
    return query(
        "SELECT * FROM shifts WHERE user_id = ? ORDER BY started_at DESC, id DESC LIMIT 1", (user_id,), one=True
    )


def by_id(shift_id: int) -> sqlite3.Row | None:
    """One shift."""
    return query("SELECT * FROM shifts WHERE id = ?", (shift_id,), one=True)


def start(user_id: int, by: int, at: datetime) -> sqlite3.Row:
    """Start a shift now; refused while one is in progress (the unique index settles a race)."""
    try:
        shift_id = execute(
            "INSERT INTO shifts (user_id, started_at, started_by) VALUES (?, ?, ?)", (user_id, iso_ms(at), by)
        )
    except sqlite3.IntegrityError:
        raise ShiftError(ALREADY_IN_PROGRESS) from None
    return written(by_id(shift_id), "the started shift")


def end(user_id: int, by: int, at: datetime) -> sqlite3.Row:
    """End the shift in progress now; refused when none is."""
    shift = running(user_id)
    if shift is None:
        raise NothingToEnd(NOT_IN_PROGRESS)
    # A clock moved backwards (tests) must not make a shift end before it started.
    ended = max(at, clock.from_iso(shift["started_at"]))
    execute(
        "UPDATE shifts SET ended_at = ?, ended_by = ? WHERE id = ? AND ended_at IS NULL",
        (iso_ms(ended), by, shift["id"]),
    )
    return written(by_id(shift["id"]), "the ended shift")


def manage(person: Record | None, by: int, event_tag: str) -> sqlite3.Row:
    """manageShift: "shift_start" or "shift_end" for a worker, at the community's now."""
    if event_tag not in EVENT_TAGS:
        raise ShiftError(BAD_EVENT_TAG)
    if person is None:
        raise ShiftError("User not found")
    if not is_worker(person):
        raise ShiftError(NOT_A_WORKER)
    action = start if event_tag == "shift_start" else end
    return action(person["id"], by, clock.now_utc())


def latest_per_worker(limit: int, offset: int) -> list[sqlite3.Row]:
    """The Time Card: each worker's newest shift with their name, the most recent first."""
    return query(
        "SELECT s.*, u.name AS user_name FROM shifts s JOIN users u ON u.id = s.user_id"
        " WHERE s.id = (SELECT s2.id FROM shifts s2 WHERE s2.user_id = s.user_id"
        "               ORDER BY s2.started_at DESC, s2.id DESC LIMIT 1)"
        " ORDER BY s.started_at DESC, s.id DESC LIMIT ? OFFSET ?",
        (limit, offset),
    )


def between(user_id: int, lower: datetime, upper: datetime, limit: int = 300, offset: int = 0) -> list[sqlite3.Row]:
    """A worker's shifts that started in [lower, upper), newest first."""
    return query(
        "SELECT * FROM shifts WHERE user_id = ? AND started_at >= ? AND started_at < ?"
        " ORDER BY started_at DESC, id DESC LIMIT ? OFFSET ?",
        (user_id, iso_ms(lower), iso_ms(upper), limit, offset),
    )


def day_bounds(first: date, last: date) -> tuple[datetime, datetime]:
    """Community days first..last (both included) as the instants [start of first, end of last)."""
    return clock.combine_local(first, time.min), clock.combine_local(last + timedelta(days=1), time.min)


def in_period(user_id: int, first: date, last: date) -> list[sqlite3.Row]:
    """A worker's shifts that started on the community days of a pay period, newest first."""
    return between(user_id, *day_bounds(first, last))


def record_past(user_id: int, started: datetime, ended: datetime | None, by: int) -> int:
    """A shift on chosen (past) times, for the test-only API; refused if it would run alongside another."""
    try:
        return execute(
            "INSERT INTO shifts (user_id, started_at, ended_at, started_by, ended_by) VALUES (?, ?, ?, ?, ?)",
            (user_id, iso_ms(started), iso_ms(ended) if ended else None, by, by if ended else None),
        )
    except sqlite3.IntegrityError:
        raise ShiftError(ALREADY_IN_PROGRESS) from None

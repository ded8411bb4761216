"""Time sheet: the shift buttons on a worker's profile, the Time Card, and a worker's pay period.

Routes and texts are the platform's (modules/TimeCard): `/timesheet` "Time Card" (one block per
worker's latest shift) and `/timesheet/:id` (a worker's shifts in one pay period, 27th to 26th).
Rules are in shift_rules.py, storage in shifts.py.
"""

from __future__ import annotations

import re
from datetime import date, datetime
from typing import Any

from flask import Blueprint, abort, g, render_template, request

from . import clock, shifts
from .access import can, logged_in, requires
from .db import Record
from .shift_rules import (
    FIRST_PERIOD_DAY,
    LAST_PERIOD_DAY,
    fmt_duration,
    neighbour_periods,
    pay_period,
    period_day_allowed,
    seconds_between,
    shift_day,
    summarise,
)

bp = Blueprint("timesheet", __name__)
PAGE_SIZE = 20  # workers per Time Card page (CustodianLogs.jsx `limit`)
MAX_OFFSET = 1_000_000
ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}", re.ASCII)
IN_PROGRESS_CARD = "In-Progress"  # the Time Card's word for a shift still running
IN_PROGRESS_SHEET = "Shift in Progress"  # timecard:timecard.shift_in_progress


def shift_view(row: Record, now: datetime) -> dict[str, Any]:
    """A shift as the pages show it: community time (Africa/Lusaka), the platform's words."""
    started = clock.local(row["started_at"])
    seconds = seconds_between(row["started_at"], row["ended_at"], now)
    done = row["ended_at"] is not None
    return {
        "id": row["id"],
        "user_id": row["user_id"],
        "day": started.strftime("%A"),
        "date": shift_day(row["started_at"]).isoformat(),
        "start": started.strftime("%H:%M"),
        # 24-hour times run 00:00-23:59: a shift ending a quarter past midnight ends at "00:15".
        "stop": clock.fmt_time(row["ended_at"]) if done else IN_PROGRESS_SHEET,
        "total": fmt_duration(seconds) if done else IN_PROGRESS_SHEET,
        "worked": fmt_duration(seconds) if done else IN_PROGRESS_CARD,
    }


# -- the profile's shift buttons ------------------------------------------------------------


def profile_part(person: Any, tab: str, scan: dict[str, Any] | None) -> dict[str, Any] | None:
    """Start Shift / End Shift, for a custodian viewing an active worker (ShiftButtons.jsx)."""
    viewer = g.get("user")
    if viewer is None or viewer["role"] != "custodian" or not can("timesheet.can_manage_shift"):
        return None
    if not shifts.is_worker(person):
        return None
    return {
        "template": "timesheet/_profile.html",
        "worker": person,
        "in_progress": shifts.running(person["id"]) is not None,
    }


# -- Time Card and the worker's time sheet ------------------------------------------------------


def _bad_request(title: str, message: str):
    return render_template("error.html", title=title, message=message, detail=""), 400


@bp.route("/timesheet")
@requires("timesheet.can_access_all_timesheets")
def time_card():
    """Time Card: one block per worker, their latest shift, the most recent first."""
    raw = request.args.get("offset", "0")
    if not raw.isascii() or not raw.isdigit() or int(raw) > MAX_OFFSET:
        return _bad_request("Unknown page", f"Give the page as a number of workers from 0 to {MAX_OFFSET}.")
    offset = int(raw)
    rows = shifts.latest_per_worker(PAGE_SIZE + 1, offset)
    now = clock.now_utc()
    blocks = [{**shift_view(r, now), "name": r["user_name"]} for r in rows[:PAGE_SIZE]]
    return render_template(
        "timesheet/time_card.html",
        blocks=blocks,
        offset=offset,
        page_size=PAGE_SIZE,
        previous=max(offset - PAGE_SIZE, 0) if offset else None,
        following=offset + PAGE_SIZE if len(rows) > PAGE_SIZE else None,
    )


def may_see_time_sheet_of(person: Record) -> bool:
    """Admins and custodians see every worker's time sheet; everyone else only their own."""
    return person["id"] == g.user["id"] or can("timesheet.can_access_all_timesheets")


def wanted_day(raw: str | None) -> date | None:
    """The day whose pay period is asked for (?date=YYYY-MM-DD; today by default); None if unusable."""
    if raw is None or raw == "":
        return clock.today_local()
    if not ISO_DAY.fullmatch(raw):
        return None
    try:
        day = date.fromisoformat(raw)
    except ValueError:
        return None
    return day if period_day_allowed(day) else None


@bp.route("/timesheet/<user_id>")
@logged_in
def employee_time_sheet(user_id: str):
    """A worker's shifts in one pay period (27th to 26th), newest first, with the period's summary."""
    person = shifts.person(user_id)
    if person is None or not may_see_time_sheet_of(person):
        abort(404)
    day = wanted_day(request.args.get("date"))
    if day is None:
        return _bad_request(
            "Unknown pay period",
            "Give a day of the pay period as YYYY-MM-DD, from "
            f"{FIRST_PERIOD_DAY.isoformat()} to {LAST_PERIOD_DAY.isoformat()}.",
        )
    first, last = pay_period(day)
    rows = shifts.in_period(person["id"], first, last)
    now = clock.now_utc()
    previous, following = neighbour_periods(first, last)
    return render_template(
        "timesheet/employee.html",
        person=person,
        shifts=[shift_view(r, now) for r in rows],
        summary=summarise(rows, now).sentence(first, last),
        previous=previous.isoformat() if previous else None,
        following=following.isoformat() if following else None,
    )

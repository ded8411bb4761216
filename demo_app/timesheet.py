"""Time sheet: custodians start and end workers' shifts; the Time Card and each worker's pay period.

Durations are shown as the real platform shows them (its `differenceInHours`): hours rounded to two
decimals, as a JavaScript number ("8.5 hrs", "1 hr" when the rounded value is exactly one), and
under an hour minutes rounded the same way ("45 minutes", "0.33 minutes" for 20 seconds). So the
suite can check a short shift to the second, every duration element also carries
`data-seconds="<exact seconds, 3 decimals>"`; the text stays the platform's.

The employee view covers a pay period from the 27th to the 26th (community calendar); a shift
belongs to the community day it started on; "days worked" counts shifts of at least one hour.
"""
from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone
from typing import Any, Iterable, Mapping

from flask import Blueprint, abort, flash, g, jsonify, redirect, render_template, request, url_for

from . import clock
from .access import can, logged_in, menu_item, public, requires
from .db import execute, query
from .gate import PROFILE_SECTIONS
from .home import register_card

bp = Blueprint("timesheet", __name__)
menu_item("Time Card", "timesheet.time_card", "all_timesheets", "timesheet-menu-item", 30)
register_card("Time Card", "timesheet.time_card", lambda u: {}, "all_timesheets")

SHIFT_ROLES = ("security_guard", "security_supervisor", "contractor", "site_worker", "developer")
NOT_IN_PROGRESS = "You can't end shift that is not in progress"
ALREADY_IN_PROGRESS = "A shift is already in progress for this worker"
PERIOD_FIRST_DAY = 27  # pay periods run from the 27th to the 26th of the next month
PAGE_SIZE = 20


# -- rules (pure, tested on their own) -------------------------------------------------------

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


# -- storage ------------------------------------------------------------------------------

def open_shift(user_id: int) -> Any:
    """The worker's shift in progress, if any."""
    return query("SELECT * FROM shifts WHERE user_id = ? AND ended_at IS NULL", (user_id,), one=True)


def start_shift(user_id: int, by: int, at: datetime) -> int | None:
    """Start a shift; None when one is already in progress (the unique index decides races)."""
    try:
        return execute("INSERT INTO shifts (user_id, started_at, started_by) VALUES (?, ?, ?)",
                       (user_id, iso_ms(at), by))
    except sqlite3.IntegrityError:
        return None


def end_shift(user_id: int, by: int, at: datetime) -> Any:
    """End the shift in progress; the ended shift, or None when none was running."""
    running = open_shift(user_id)
    if running is None:
        return None
    execute("UPDATE shifts SET ended_at = ?, ended_by = ? WHERE id = ? AND ended_at IS NULL",
            (iso_ms(max(at, clock.from_iso(running["started_at"]))), by, running["id"]))
    return query("SELECT * FROM shifts WHERE id = ?", (running["id"],), one=True)


def shift_view(row: Mapping[str, Any], now: datetime) -> dict[str, Any]:
    """A shift as the pages show it (community time, the platform's duration words)."""
    seconds = seconds_between(row["started_at"], row["ended_at"], now)
    started = clock.local(row["started_at"])
    ended = bool(row["ended_at"])
    return {**dict(row), "day": started.strftime("%A"), "date": started.date().isoformat(),
            "start": started.strftime("%H:%M"), "stop": clock.fmt_time(row["ended_at"]) if ended else "In-Progress",
            "seconds": f"{seconds:.3f}", "duration": fmt_duration(seconds) if ended else "In-Progress"}


# -- the profile's shift buttons ------------------------------------------------------------

def profile_section(person: Mapping[str, Any]) -> tuple[str, dict[str, Any]] | None:
    """Start Shift / End Shift for custodians viewing an active worker."""
    if not can("manage_shifts") or person["role"] not in SHIFT_ROLES:
        return None
    if person["status"] != "active" or person["state"] != "valid":
        return None
    running = open_shift(person["id"])
    now = clock.now_utc()
    elapsed_ms = int(seconds_between(running["started_at"], None, now) * 1000) if running else 0
    return "profile_shift.html", {"person": person, "running": running, "elapsed_ms": elapsed_ms,
                                  "since": clock.fmt_time(running["started_at"]) if running else ""}


if profile_section not in PROFILE_SECTIONS:
    PROFILE_SECTIONS.append(profile_section)


def _worker(user_id: int) -> Any:
    person = query("SELECT * FROM users WHERE id = ?", (user_id,), one=True)
    if person is None or person["role"] not in SHIFT_ROLES:
        abort(404)
    return person


@bp.route("/user/<int:user_id>/shift/start", methods=["POST"])
@requires("manage_shifts")
def start(user_id: int):
    """Start Shift on a worker's profile."""
    person = _worker(user_id)
    if start_shift(person["id"], g.user["id"], clock.now_utc()) is None:
        flash(ALREADY_IN_PROGRESS)
    else:
        flash(f"Shift started for {person['name']}")
    return redirect(url_for("gate.profile", user_id=user_id))


@bp.route("/user/<int:user_id>/shift/end", methods=["POST"])
@requires("manage_shifts")
def end(user_id: int):
    """End Shift on a worker's profile; the platform's message when no shift is running."""
    person = _worker(user_id)
    ended = end_shift(person["id"], g.user["id"], clock.now_utc())
    if ended is None:
        flash(NOT_IN_PROGRESS)
    else:
        flash(f"Shift ended for {person['name']}: {shift_view(ended, clock.now_utc())['duration']}")
    return redirect(url_for("gate.profile", user_id=user_id))


# -- Time Card and the employee view ---------------------------------------------------------

@bp.route("/timesheet")
@requires("all_timesheets")
def time_card():
    """Time Card: one block per worker, their latest shift."""
    page = max(request.args.get("page", 1, type=int) or 1, 1)
    latest = ("SELECT s.*, u.name FROM shifts s JOIN users u ON u.id = s.user_id WHERE s.id = (SELECT s2.id"
              " FROM shifts s2 WHERE s2.user_id = s.user_id ORDER BY s2.started_at DESC, s2.id DESC LIMIT 1)")
    rows = query(f"{latest} ORDER BY s.started_at DESC, s.id DESC LIMIT ? OFFSET ?",
                 (PAGE_SIZE + 1, (page - 1) * PAGE_SIZE))
    now = clock.now_utc()
    return render_template("timesheet.html", shifts=[shift_view(r, now) for r in rows[:PAGE_SIZE]],
                           page=page, has_next=len(rows) > PAGE_SIZE)


@bp.route("/timesheet/<int:user_id>")
@logged_in
def user_timesheet(user_id: int):
    """A worker's shifts in one pay period; workers see only their own."""
    if not (can("all_timesheets") or (can("own_timesheet") and user_id == g.user["id"])):
        abort(404)
    person = query("SELECT * FROM users WHERE id = ?", (user_id,), one=True)
    if person is None:
        abort(404)
    wanted = request.args.get("period", "")
    try:
        day = date.fromisoformat(wanted) if wanted else clock.today_local()
    except ValueError:
        return render_template("error.html", title="Unknown pay period",
                               message="Give the period as a date: YYYY-MM-DD.", detail=""), 400
    first, last = pay_period(day)
    # The period's bounds are community midnights, compared as UTC instants.
    lower = iso_ms(clock.combine_local(first, datetime.min.time()))
    upper = iso_ms(clock.combine_local(last + timedelta(days=1), datetime.min.time()))
    rows = query("SELECT * FROM shifts WHERE user_id = ? AND started_at >= ? AND started_at < ?"
                 " ORDER BY started_at DESC, id DESC", (user_id, lower, upper))
    now = clock.now_utc()
    return render_template(
        "timesheet_user.html", person=person, shifts=[shift_view(r, now) for r in rows],
        summary=summarise(rows, now).sentence(first, last),
        previous=(first - timedelta(days=1)).isoformat(), following=(last + timedelta(days=1)).isoformat())


# -- test-data API ------------------------------------------------------------------------

def register_test_api(test_bp: Blueprint) -> None:
    """POST /__test__/shifts (record a shift in community time) and GET /__test__/shifts."""

    @test_bp.post("/shifts")
    @public
    def create_shift():
        """{user_id, start: "YYYY-MM-DDTHH:MM[:SS]", end?: same} in community time."""
        body = request.get_json(silent=True) or {}
        def local(text: Any) -> datetime:
            return datetime.fromisoformat(str(text)).replace(tzinfo=clock.community_tz())

        try:
            starts, ends = local(body["start"]), (local(body["end"]) if body.get("end") else None)
            user_id = int(body["user_id"])
        except (KeyError, TypeError, ValueError):
            return jsonify(error="give user_id, start and optionally end (YYYY-MM-DDTHH:MM, community time)"), 400
        if ends is not None and ends < starts:
            return jsonify(error="end is before start"), 400
        if query("SELECT id FROM users WHERE id = ?", (user_id,), one=True) is None:
            return jsonify(error=f"no user {user_id}"), 400
        custodian = query("SELECT id FROM users WHERE role = 'custodian' ORDER BY id LIMIT 1", one=True)
        by = custodian["id"] if custodian else user_id
        try:
            shift_id = execute(
                "INSERT INTO shifts (user_id, started_at, ended_at, started_by, ended_by) VALUES (?, ?, ?, ?, ?)",
                (user_id, iso_ms(starts), iso_ms(ends) if ends else None, by, by if ends else None))
        except sqlite3.IntegrityError:
            return jsonify(error=ALREADY_IN_PROGRESS), 400
        return jsonify(id=shift_id), 201

    @test_bp.get("/shifts")
    @public
    def list_shifts():
        """Every shift (optionally ?user_id=), newest first, with its exact length."""
        user_id = request.args.get("user_id", type=int)
        rows = query("SELECT s.*, u.name FROM shifts s JOIN users u ON u.id = s.user_id"
                     + (" WHERE s.user_id = ?" if user_id else "") + " ORDER BY s.started_at DESC, s.id DESC",
                     (user_id,) if user_id else ())
        now = clock.now_utc()
        return jsonify([{**dict(r), "seconds": seconds_between(r["started_at"], r["ended_at"], now)}
                        for r in rows])

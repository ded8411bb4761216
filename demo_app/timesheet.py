"""Time sheet: custodians start and end workers' shifts; the Time Card and each worker's pay period.

The rules (durations as the platform words them, pay periods, days worked) are in shift_rules.py.
"""
from __future__ import annotations

import sqlite3
from datetime import date, datetime, timedelta
from typing import Any, Mapping

from flask import Blueprint, abort, flash, g, jsonify, redirect, render_template, request, url_for

from . import clock
from .access import can, logged_in, menu_item, public, requires
from .db import execute, query
from .gate import PROFILE_SECTIONS
from .home import register_card
from .shift_rules import fmt_duration, iso_ms, pay_period, seconds_between, shift_day, summarise

bp = Blueprint("timesheet", __name__)
menu_item("Time Card", "timesheet.time_card", "all_timesheets", "timesheet-menu-item", 30)
register_card("Time Card", "timesheet.time_card", lambda u: {}, "all_timesheets")

SHIFT_ROLES = ("security_guard", "security_supervisor", "contractor", "site_worker", "developer")
NOT_IN_PROGRESS = "You can't end shift that is not in progress"
ALREADY_IN_PROGRESS = "A shift is already in progress for this worker"
PAGE_SIZE = 20


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
    return {**dict(row), "day": started.strftime("%A"), "date": shift_day(row["started_at"]).isoformat(),
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

"""Registered guests: an admin invites them for a day (or repeating days); validity in community time."""
from __future__ import annotations

from datetime import date, datetime, time, timedelta
from typing import Any, Mapping
from zoneinfo import ZoneInfo

from flask import Blueprint, abort, flash, g, redirect, render_template, request, url_for

from . import clock
from .access import requires
from .db import execute, query
from .logbook import record_entry

bp = Blueprint("guests", __name__)

WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
VALID = "Valid"


def validity(guest: Mapping[str, Any], now: datetime, tz: ZoneInfo) -> str:
    """Whether a guest may enter at `now`, judged on the community's calendar and clock."""
    if guest["status"] == "cancelled":
        return "Cancelled"
    start, end = clock.from_iso(guest["starts_at"]).astimezone(tz), clock.from_iso(guest["ends_at"]).astimezone(tz)
    here = now.astimezone(tz)
    days = [d for d in guest["repeat_days"].split(",") if d]
    if days:
        until = clock.from_iso(guest["repeats_until"]) if guest["repeats_until"] else None
        if until is not None and now > until:
            return "Expired"
        if here.date() < start.date() or WEEKDAYS[here.weekday()] not in days:
            return "Invalid today"
        return VALID if start.time() <= here.time() <= end.time() else "Invalid now"
    if here.date() > end.date():
        return "Expired"
    if here.date() != start.date():
        return "Invalid today"
    return VALID if start <= here <= end else "Invalid now"


def guest_rows() -> list[dict[str, Any]]:
    """Registered guests, next visits first, each with its validity now."""
    now, tz = clock.now_utc(), clock.community_tz()
    rows = []
    for r in query("SELECT * FROM guests ORDER BY starts_at DESC, id DESC"):
        guest = dict(r)
        guest["name"] = f"{guest['first_name']} {guest['last_name']}"
        guest["validity"] = validity(guest, now, tz)
        guest["days"] = [d.capitalize() for d in guest["repeat_days"].split(",") if d]
        rows.append(guest)
    return rows


def parse_invite(form: Mapping[str, str], today: date) -> tuple[dict[str, Any], dict[str, str]]:
    """Validate the invite form (community time); (clean values, errors by field)."""
    errors: dict[str, str] = {}
    values: dict[str, Any] = {k: form.get(k, "").strip() for k in ("first_name", "last_name", "phone", "company")}
    for key, label in (("first_name", "First Name"), ("last_name", "Last Name"), ("phone", "Phone Number")):
        if not values[key]:
            errors[key] = f"{label} is Required"
    if values["phone"] and not values["phone"].replace("+", "").replace(" ", "").isdigit():
        errors["phone"] = "Enter a phone number, digits only"

    def parse(key: str, kind, label: str):
        raw = form.get(key, "").strip()
        if not raw:
            errors[key] = f"{label} is Required"
            return None
        try:
            return kind(raw)
        except ValueError:
            errors[key] = f"{label} is not valid"
            return None

    visit_day = parse("visit_date", date.fromisoformat, "Day of visit")
    start = parse("start_time", time.fromisoformat, "Visit start time")
    end = parse("end_time", time.fromisoformat, "Visit end time")
    if visit_day and visit_day < today:
        errors["visit_date"] = "Day of visit cannot be in the past"
    if start and end and end <= start:
        errors["end_time"] = "Visit end time must be after the start time"
    chosen = form.getlist("repeat_days") if hasattr(form, "getlist") else form.get("repeat_days", [])
    days = [d for d in WEEKDAYS if d in chosen]
    until = None
    if days:
        until = parse("repeats_until", date.fromisoformat, "Repeats Until")
        if until and visit_day and until < visit_day:
            errors["repeats_until"] = "Repeats Until must be on or after the day of visit"
    values.update(visit_day=visit_day, start=start, end=end, days=days, until=until)
    return values, errors


def create_guest(values: Mapping[str, Any], invited_by: int) -> int:
    """Store a validated invitation: wall-clock times become UTC instants."""
    starts = clock.combine_local(values["visit_day"], values["start"])
    ends = clock.combine_local(values["visit_day"], values["end"])
    until = None
    if values["days"] and values["until"]:
        until = clock.to_iso(clock.combine_local(values["until"] + timedelta(days=1), time(0)) - timedelta(seconds=1))
    return execute(
        "INSERT INTO guests (first_name, last_name, phone, company, starts_at, ends_at, repeat_days, repeats_until,"
        " invited_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (values["first_name"], values["last_name"], values["phone"], values["company"] or None,
         clock.to_iso(starts), clock.to_iso(ends), ",".join(values["days"]), until, invited_by,
         clock.to_iso(clock.now_utc())))


@bp.route("/logbook/guests/invite", methods=["GET", "POST"])
@requires("invite_guest")
def invite():
    """Invite a guest: day of visit, start and end time in community time, optional repeat days."""
    if request.method == "GET":
        return render_template("guest_invite.html", values={"visit_date": clock.today_local().isoformat()},
                               errors={}, weekdays=WEEKDAYS, chosen=[])
    values, errors = parse_invite(request.form, clock.today_local())
    if errors:
        return render_template("guest_invite.html", values=request.form, errors=errors, weekdays=WEEKDAYS,
                               chosen=request.form.getlist("repeat_days")), 400
    create_guest(values, g.user["id"])
    flash("Registered Guest successfully created")
    return redirect(url_for("logbook.logbook", tab="guests"))


@bp.route("/logbook/guests/<int:guest_id>/grant", methods=["POST"])
@requires("grant_guest")
def grant(guest_id: int):
    """Grant a registered guest entry, only while their visit is valid."""
    row = query("SELECT * FROM guests WHERE id = ?", (guest_id,), one=True)
    if row is None:
        abort(404)
    state = validity(row, clock.now_utc(), clock.community_tz())
    if state != VALID:
        flash(f"Access not granted: this guest is {state.lower()}")
        return redirect(url_for("logbook.logbook", tab="guests"))
    entry_id = record_entry("registered_guest", "granted", f"{row['first_name']} {row['last_name']}",
                            guest_id=guest_id, phone=row["phone"], company=row["company"])
    flash("Access granted")
    return redirect(url_for("logbook.observation", entry_id=entry_id))

"""The logbook, manual entry by a guard, and observations on entries."""
from __future__ import annotations

from typing import Any

from flask import Blueprint, abort, flash, g, redirect, render_template, request, url_for

from . import clock
from .access import menu_item, requires
from .db import execute, query

bp = Blueprint("logbook", __name__)
menu_item("Logbook", "logbook.logbook", "logbook", "logbook-menu-item", 20)

KIND_LABELS = {
    "digital_scan": "Digital Scan",
    "print_scan": "Print Scan",
    "manual": "Manual Entry",
    "registered_guest": "Registered Guest",
}
STATUS_LABELS = {"granted": "Granted Access", "denied": "Denied"}
REASONS = [
    ("client", "Client"), ("prospective_client", "Prospective Client"), ("sales", "Sales"),
    ("working", "Working"), ("passing_through", "Passing Through"), ("other", "Other"),
]
# Manual entry fields: (form name, label, required). Required ones mirror the real platform.
MANUAL_FIELDS = [
    ("name", "Full Name", True),
    ("email", "Email", False),
    ("nrc", "NRC/ID", True),
    ("phone", "Phone Number", True),
    ("vehicle", "Vehicle Plate Number", True),
    ("company", "Company Name", False),
    ("reason", "Reason for visit", True),
    ("temperature", "Temperature(°C)", False),
]
PAGE_SIZE = 25


def record_entry(kind: str, status: str, visitor_name: str, **fields: Any) -> int:
    """Write one gate event, acted by the current user; its id."""
    columns = ["kind", "status", "visitor_name", "acting_user_id", "created_at", *fields]
    values = [kind, status, visitor_name, g.user["id"], clock.to_iso(clock.now_utc()), *fields.values()]
    marks = ", ".join("?" for _ in columns)
    return execute(f"INSERT INTO entries ({', '.join(columns)}) VALUES ({marks})", tuple(values))


def entry_rows(limit: int, offset: int = 0) -> list[dict[str, Any]]:
    """Entries newest first, with the acting user and their observations."""
    rows = query(
        "SELECT e.*, u.name AS acting_name FROM entries e JOIN users u ON u.id = e.acting_user_id"
        " ORDER BY e.created_at DESC, e.id DESC LIMIT ? OFFSET ?", (limit, offset))
    entries = [dict(r) for r in rows]
    if entries:
        ids = [e["id"] for e in entries]
        notes = query(
            f"SELECT * FROM observations WHERE entry_id IN ({', '.join('?' for _ in ids)}) ORDER BY id", tuple(ids))
        for e in entries:
            e["observations"] = [n["note"] for n in notes if n["entry_id"] == e["id"]]
            e["kind_label"] = KIND_LABELS[e["kind"]]
            e["status_label"] = STATUS_LABELS[e["status"]]
            e["qr_time"] = clock.fmt_datetime(clock.from_epoch_ms(e["qr_timestamp_ms"])) if e["qr_timestamp_ms"] else ""
    return entries


@bp.route("/logbook")
@requires("logbook")
def logbook():
    """Entries newest first (tab Logs) or registered guests (tab Registered Guests)."""
    from .guests import guest_rows

    tab = request.args.get("tab", "logs")
    if tab == "guests":
        return render_template("logbook.html", tab="guests", guests=guest_rows())
    page = max(request.args.get("page", 1, type=int) or 1, 1)
    total = query("SELECT count(*) AS n FROM entries", one=True)["n"]
    entries = entry_rows(PAGE_SIZE, (page - 1) * PAGE_SIZE)
    return render_template("logbook.html", tab="logs", entries=entries, page=page,
                           has_next=page * PAGE_SIZE < total, total=total)


def validate_manual(form) -> tuple[dict[str, Any], dict[str, str]]:
    """Clean the manual entry form; (values, errors by field)."""
    values = {name: form.get(name, "").strip() for name, _label, _req in MANUAL_FIELDS}
    errors = {name: f"{label} is Required" for name, label, required in MANUAL_FIELDS
              if required and not values[name]}
    if values["reason"] and values["reason"] not in dict(REASONS):
        errors["reason"] = "Choose a reason from the list"
    if values["reason"] == "other" and not form.get("other_reason", "").strip():
        errors["other_reason"] = "Describe the reason for the visit"
    if values["email"] and ("@" not in values["email"] or " " in values["email"]):
        errors["email"] = "Enter a valid email"
    if values["temperature"]:
        try:
            temp = float(values["temperature"])
            if not 30 <= temp <= 45:
                raise ValueError
            values["temperature"] = temp
        except ValueError:
            errors["temperature"] = "Temperature must be a number between 30 and 45"
    else:
        values["temperature"] = None
    if values["reason"] == "other":
        values["reason"] = "other: " + form.get("other_reason", "").strip()
    return values, errors


@bp.route("/request", methods=["GET", "POST"])
@requires("manual_entry")
def manual_entry():
    """The guard's manual entry form: Grant or Deny, then the observation dialog."""
    if request.method == "GET":
        return render_template("manual_entry.html", values={}, errors={}, fields=MANUAL_FIELDS, reasons=REASONS)
    values, errors = validate_manual(request.form)
    action = request.form.get("action")
    if action not in ("grant", "deny"):
        errors["action"] = "Choose Grant or Deny"
    if errors:
        return render_template("manual_entry.html", values=request.form, errors=errors,
                               fields=MANUAL_FIELDS, reasons=REASONS), 400
    name = values.pop("name")
    entry_id = record_entry("manual", "granted" if action == "grant" else "denied", name, **values)
    flash("Access granted" if action == "grant" else "Access denied")
    return redirect(url_for("logbook.observation", entry_id=entry_id))


@bp.route("/entries/<int:entry_id>/observation", methods=["GET", "POST"])
@requires("logbook")
def observation(entry_id: int):
    """The Observations dialog after a gate decision: save a note or skip, then go on."""
    entry = query("SELECT * FROM entries WHERE id = ?", (entry_id,), one=True)
    if entry is None:
        abort(404)
    if request.method == "GET":
        return render_template("observation.html", entry=entry)
    note = request.form.get("note", "").strip()
    destination = request.form.get("next", "dashboard")
    if note and destination != "dashboard":
        if len(note) > 2000:
            return render_template("observation.html", entry=entry, error="Keep the observation under 2000 characters"), 400
        execute("INSERT INTO observations (entry_id, note, author_id, created_at) VALUES (?, ?, ?, ?)",
                (entry_id, note, g.user["id"], clock.to_iso(clock.now_utc())))
        flash("Observation note successfully added")
    targets = {"scan": url_for("gate.scan"), "record_other": url_for("logbook.manual_entry"),
               "dashboard": url_for("home.index"), "logbook": url_for("logbook.logbook")}
    return redirect(targets.get(destination, url_for("home.index")))

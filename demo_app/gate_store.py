"""The gate's records: entry requests, their grant or denial, scans, observations, and the logbook list."""

from __future__ import annotations

import sqlite3
from collections.abc import Mapping
from typing import Any

from . import clock, people
from .db import execute, query, written
from .gate_rules import REASONS, GateError, check_note, qr_timestamp

LOGBOOK_SUBJECTS = ("user_entry", "visitor_entry", "observation_log")
PAGE_SIZE, SEARCH_PAGE_SIZE, MAX_PAGE = 20, 50, 200
NAME_SEARCH_MAX = 100  # characters of a logbook search that are used


def _now() -> str:
    return clock.to_iso(clock.now_utc())


def find_request(request_id: Any) -> sqlite3.Row | None:
    """An entry request by id (None for ids that are not numbers or not there)."""
    try:
        number = int(str(request_id))
    except (TypeError, ValueError):
        return None
    if not 0 < number < 2**63:
        return None
    return query("SELECT * FROM entry_requests WHERE id = ?", (number,), one=True)


def create_request(
    values: Mapping[str, str],
    user_id: int,
    *,
    source: str = "manual_entry",
    guest_id: int | None = None,
    status: str = "pending",
) -> int:
    """A new entry request from checked values (gate_rules.check_entry or an invitation)."""
    reason = values.get("reason") or None
    return execute(
        "INSERT INTO entry_requests (user_id, name, email, nrc, phone_number, vehicle_plate, company_name, reason,"
        " other_reason, temperature, source, guest_id, status, created_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
        (
            user_id,
            values["name"],
            values.get("email") or None,
            values.get("nrc") or None,
            values.get("phoneNumber") or None,
            values.get("vehiclePlate") or None,
            values.get("companyName") or None,
            reason,
            values.get("otherReason") or None if reason == "other" else None,
            values.get("temperature") or None,
            source,
            guest_id,
            status,
            _now(),
        ),
    )


def decide(request_id: int, grantor_id: int, granted: bool) -> sqlite3.Row:
    """Grant or deny an entry request (entryRequestGrant / entryRequestDeny): the logbook records it.

    The event names the person who decided: the platform names the request's creator, which for
    an invited guest is the host, not the guard at the gate (docs/platform-defects.md).
    """
    request = find_request(request_id)
    if request is None:
        raise GateError("Entry request not found")
    now = _now()
    execute(
        "UPDATE entry_requests SET granted_state = ?, grantor_id = ?, granted_at = ? WHERE id = ?",
        (1 if granted else 2, grantor_id, now, request["id"]),
    )
    execute(
        "INSERT INTO event_logs (subject, acting_user_id, ref_type, ref_id, ref_name, action, created_at)"
        " VALUES ('visitor_entry', ?, 'Logs::EntryRequest', ?, ?, ?, ?)",
        (grantor_id, request["id"], request["name"], "granted" if granted else "denied", now),
    )
    return written(find_request(request["id"]), "the answered entry request")


def add_note(request_id: Any, author_id: int, note: Any) -> int:
    """An observation (entryRequestNote), about an entry request or about nothing in particular."""
    text = check_note(note)
    request = None
    if request_id not in (None, ""):
        request = find_request(request_id)
        if request is None:
            raise GateError("Entry request not found")
    return execute(
        "INSERT INTO event_logs (subject, acting_user_id, ref_type, ref_id, ref_name, note, created_at)"
        " VALUES ('observation_log', ?, ?, ?, ?, ?, ?)",
        (
            author_id,
            "Logs::EntryRequest" if request else None,
            request["id"] if request else None,
            request["name"] if request else None,
            text,
            _now(),
        ),
    )


def log_scan(person: sqlite3.Row, guard_id: int, timestamp: Any, digital: bool) -> tuple[str, int | None]:
    """Log This Entry (activityLogAdd): a scanned person's entry; (status, event id).

    A deactivated person is "denied" and nothing is written; a timestamp outside the sane range
    is refused before anything is written (gate_rules.qr_timestamp).
    """
    stamp = qr_timestamp(timestamp, clock.now_utc())
    if person["status"] != "active":
        return "denied", None
    event_id = execute(
        "INSERT INTO event_logs (subject, acting_user_id, ref_type, ref_id, ref_name, digital, qr_timestamp,"
        " created_at) VALUES ('user_entry', ?, 'Users::User', ?, ?, ?, ?, ?)",
        (guard_id, person["id"], person["name"], 1 if digital else 0, stamp, _now()),
    )
    return "success", event_id


def find_event(event_id: Any) -> sqlite3.Row | None:
    """One logbook event by id."""
    try:
        number = int(str(event_id))
    except (TypeError, ValueError):
        return None
    return query("SELECT * FROM event_logs WHERE id = ?", (number,), one=True) if 0 < number < 2**63 else None


def events(
    subjects: tuple[str, ...] = LOGBOOK_SUBJECTS,
    *,
    name: str = "",
    ref_id: int | None = None,
    ref_type: str | None = None,
    offset: int = 0,
    limit: int | None = None,
) -> list[sqlite3.Row]:
    """Logbook events, newest first, optionally those whose name contains `name`."""
    wanted = [s for s in subjects if s in LOGBOOK_SUBJECTS] or ["-"]
    sql = (
        f"SELECT e.*, u.name AS acting_user_name FROM event_logs e JOIN users u ON u.id = e.acting_user_id"
        f" WHERE e.subject IN ({','.join('?' * len(wanted))})"
    )
    args: list[Any] = list(wanted)
    term = " ".join(str(name or "").split())[:NAME_SEARCH_MAX].lower()
    if term:
        sql += " AND lower(coalesce(e.ref_name, '')) LIKE ? ESCAPE '\\'"
        args.append("%" + term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%")
    if ref_id is not None:
        sql += " AND e.ref_id = ?"
        args.append(ref_id)
    if ref_type:
        sql += " AND e.ref_type = ?"
        args.append(ref_type)
    size = limit if limit is not None else (SEARCH_PAGE_SIZE if term else PAGE_SIZE)
    sql += " ORDER BY e.created_at DESC, e.id DESC LIMIT ? OFFSET ?"
    args += [max(1, min(size, MAX_PAGE)), max(0, min(offset, 100_000))]
    return query(sql, tuple(args))


def logbook_card(event: sqlite3.Row) -> dict[str, Any]:
    """What a logbook card shows for an event (LogEvents.jsx), in community time."""
    request = find_request(event["ref_id"]) if event["ref_type"] == "Logs::EntryRequest" else None
    created = clock.from_iso(event["created_at"])
    card: dict[str, Any] = {
        "id": event["id"],
        "subject": event["subject"],
        "note": event["note"] or "",
        "acting_user_id": event["acting_user_id"],
        "acting_user_name": event["acting_user_name"],
        "date": clock.fmt_date(created),
        "time": clock.fmt_time(created),
        "chips": [],
        "request": request,
        "name": request["name"] if request else (event["ref_name"] or ""),
        "user_link": event["ref_id"] if event["ref_type"] == "Users::User" else None,
    }
    if event["subject"] == "user_entry":
        card["chips"].append(("user-entry", "User Granted Access", "#D1D229"))
    elif event["subject"] == "visitor_entry" and event["action"] == "granted":
        card["chips"].append(("granted-access", "Granted Access", "#77B08A"))
    elif event["subject"] == "visitor_entry":
        # The platform shows "Granted Access" for a denied visitor too (docs/platform-defects.md).
        card["chips"].append((None, "Denied Access", "#C4584F"))
    elif event["subject"] == "observation_log":
        card["chips"].append(("observation", "Observation", "#EBC64F"))
    if request is not None and request["reason"] and event["subject"] == "visitor_entry":
        card["chips"].append((None, REASONS.get(request["reason"], request["reason"]), "#67B388"))
    return card


def person(user_id: Any) -> sqlite3.Row | None:
    """A person of the community (people.find, re-exported for the gate's callers)."""
    return people.find(user_id)

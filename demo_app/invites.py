"""Registered guests: invitations (invitationCreate / invitationUpdate), their lists, their validity now."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Mapping
from typing import Any

from . import clock, people
from .db import Record, execute, query, written
from .gate_rules import BAD_PHONE, LIMITS, PHONE, GateError, Visit, chip, clean_text, too_long
from .gate_store import create_request

MAX_GUESTS = 20  # guests one invitation may name
LIST_LIMIT = 100
NO_GUESTS = "No selected guests to invite"
NAME_REQUIRED = "Guest Name or Company Name is required"


def _now() -> str:
    return clock.to_iso(clock.now_utc())


def _guest_user(guest: Mapping[str, Any]) -> tuple[int, str, str]:
    """The visitor a new guest becomes (an existing person with that phone is reused): (id, name, phone)."""
    first, last = clean_text(guest.get("firstName")), clean_text(guest.get("lastName"))
    company = clean_text(guest.get("companyName"))
    name = company or " ".join(part for part in (first, last) if part)
    phone = clean_text(guest.get("phoneNumber"))
    if not name:
        raise GateError(NAME_REQUIRED)
    if len(name) > LIMITS["name"]:
        raise GateError(too_long("name"))
    if len(phone) > LIMITS["phoneNumber"]:
        raise GateError(too_long("phoneNumber"))
    if phone and not PHONE.match(phone):
        raise GateError(BAD_PHONE)
    if phone:
        known = query("SELECT * FROM users WHERE phone = ?", (phone,), one=True)
        if known is not None:
            return known["id"], name, phone
    try:
        return people.create(name, "visitor", phone=phone or None, state="valid"), name, phone
    except people.PersonError as exc:
        raise GateError(str(exc)) from None


def invite(
    host_id: int, visit: Visit, guests: Iterable[Mapping[str, Any]] = (), user_ids: Iterable[Any] = ()
) -> list[int]:
    """Invite guests (new ones become visitors) and existing people for a visit; the new invites' ids."""
    guests, user_ids = list(guests), list(user_ids)
    if not guests and not user_ids:
        raise GateError(NO_GUESTS)
    if len(guests) + len(user_ids) > MAX_GUESTS:
        raise GateError(f"An invitation may name at most {MAX_GUESTS} guests")
    invitees = []
    for guest in guests:
        if not isinstance(guest, Mapping):
            raise GateError(NAME_REQUIRED)
        invitees.append(_guest_user(guest))
    for user_id in user_ids:
        person = people.find(user_id)
        if person is None:
            raise GateError("User not found")
        invitees.append((person["id"], person["name"], person["phone"] or ""))
    ids = []
    for guest_id, name, phone in invitees:
        request_id = create_request(
            {"name": name, "phoneNumber": phone}, host_id, source="invitation", guest_id=guest_id, status="approved"
        )
        now = _now()
        ids.append(
            execute(
                "INSERT INTO invites (host_id, guest_id, entry_request_id, starts_at, ends_at, occurs_on,"
                " visit_end_date, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    host_id,
                    guest_id,
                    request_id,
                    clock.to_iso(visit.starts_at),
                    clock.to_iso(visit.ends_at),
                    ",".join(visit.occurs_on),
                    clock.to_iso(visit.visit_end_date) if visit.visit_end_date else None,
                    now,
                    now,
                ),
            )
        )
    return ids


def find(invite_id: Any) -> sqlite3.Row | None:
    """One invitation with its guest's and host's names."""
    try:
        number = int(str(invite_id))
    except (TypeError, ValueError):
        return None
    if not 0 < number < 2**63:
        return None
    return query(_SELECT + " WHERE i.id = ?", (number,), one=True)


def of_request(request_id: Any) -> sqlite3.Row | None:
    """The invitation an entry request was made for."""
    try:
        number = int(str(request_id))
    except (TypeError, ValueError):
        return None
    return query(_SELECT + " WHERE i.entry_request_id = ?", (number,), one=True) if 0 < number < 2**63 else None


def may_change(invite: sqlite3.Row, user: Any) -> bool:
    """Hosts change their own invitations; admins change anyone's."""
    return invite["host_id"] == user["id"] or user["role"] == "admin"


def update(invite_id: Any, user: Any, visit: Visit | None = None, status: str | None = None) -> sqlite3.Row:
    """Change an invitation's visit or status (active / cancelled: "Cancel" and "Re-Activate")."""
    found = find(invite_id)
    if found is None or not may_change(found, user):
        raise GateError("Invitation not found")
    if status is not None and status not in ("active", "cancelled"):
        raise GateError("Status must be active or cancelled")
    if visit is not None:
        execute(
            "UPDATE invites SET starts_at = ?, ends_at = ?, occurs_on = ?, visit_end_date = ? WHERE id = ?",
            (
                clock.to_iso(visit.starts_at),
                clock.to_iso(visit.ends_at),
                ",".join(visit.occurs_on),
                clock.to_iso(visit.visit_end_date) if visit.visit_end_date else None,
                found["id"],
            ),
        )
    if status is not None:
        execute("UPDATE invites SET status = ? WHERE id = ?", (status, found["id"]))
    execute("UPDATE invites SET updated_at = ? WHERE id = ?", (_now(), found["id"]))
    return written(find(found["id"]), "the changed invitation")


def visit_of(invite: Record) -> Visit:
    """An invitation's visit window."""
    until = invite["visit_end_date"]
    return Visit(
        clock.from_iso(invite["starts_at"]),
        clock.from_iso(invite["ends_at"]),
        tuple(d for d in (invite["occurs_on"] or "").split(",") if d),
        clock.from_iso(until) if until else None,
    )


def card(invite: sqlite3.Row) -> dict[str, Any]:
    """What a guest's card shows (GuestListCard / InvitationItem), in community time."""
    visit = visit_of(invite)
    state = visit.validity(clock.now_utc(), clock.community_tz())
    return {
        **dict(invite),
        "validity": state,
        "chip": chip(state),
        "valid": state == "Valid",
        "start_date": clock.fmt_date(visit.starts_at),
        "end_date": clock.fmt_date(visit.visit_end_date or visit.ends_at),
        "start_time": clock.fmt_time(visit.starts_at),
        "end_time": clock.fmt_time(visit.ends_at),
        "occurs_on": list(visit.occurs_on),
        "cancelled": invite["status"] == "cancelled",
    }


def grant_refusal(request_id: Any) -> str | None:
    """Why the gate may not let an invited guest in now, by their entry request (None when it may, and for
    requests no invitation made): the invitation is cancelled, or not valid at this moment (its validity's
    words, "Invalid now" …). The Invitations page disables Grant Access then; the server refuses it too."""
    found = of_request(request_id)
    if found is None:
        return None
    if found["status"] != "active":
        return "This invitation has been cancelled"
    state = str(card(found)["validity"])
    return None if state == "Valid" else state


_SELECT = (
    "SELECT i.*, r.name AS guest_name, r.status AS request_status, r.granted_state, h.name AS host_name"
    " FROM invites i JOIN entry_requests r ON r.id = i.entry_request_id JOIN users h ON h.id = i.host_id"
)


def _search(sql: str, args: list[Any], term: str) -> tuple[str, list[Any]]:
    term = " ".join(str(term or "").split())[:100].lower()
    if term:
        sql += " AND lower(r.name) LIKE ? ESCAPE '\\'"
        args.append("%" + term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%")
    return sql, args


def my_guests(host_id: int, term: str = "") -> list[dict[str, Any]]:
    """The host's invitations, most recently changed first (My Guests)."""
    sql, args = _search(_SELECT + " WHERE i.host_id = ?", [host_id], term)
    rows = query(sql + " ORDER BY i.updated_at DESC, i.id DESC LIMIT ?", (*args, LIST_LIMIT))
    return [card(row) for row in rows]


def scheduled(term: str = "", offset: int = 0, limit: int = 20) -> list[dict[str, Any]]:
    """Every active invitation, most recently changed first (Invitations: the guard's list)."""
    sql, args = _search(_SELECT + " WHERE i.status = 'active'", [], term)
    rows = query(
        sql + " ORDER BY i.updated_at DESC, i.id DESC LIMIT ? OFFSET ?",
        (*args, max(1, min(limit, LIST_LIMIT)), max(0, min(offset, 100_000))),
    )
    return [card(row) for row in rows]

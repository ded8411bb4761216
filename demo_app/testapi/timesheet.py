"""Test-only routes of the time sheet: shifts on chosen past times, which no live deployment can make."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from flask import jsonify

from .. import clock, shifts
from ..db import query
from .base import bad, body, route

MAX_TEXT = 32


def _local(text: Any) -> datetime:
    """A community-time wall-clock moment "YYYY-MM-DDTHH:MM[:SS]" as an aware instant."""
    if not isinstance(text, str) or len(text) > MAX_TEXT or not text.isascii():
        raise ValueError(text)
    moment = datetime.fromisoformat(text)
    if moment.tzinfo is not None:
        raise ValueError(text)
    return moment.replace(tzinfo=clock.community_tz())


@route("/shifts")
def record_shift():
    """{user_id, start: "YYYY-MM-DDTHH:MM", end?: same (community time)}: a shift worked then."""
    data = body()
    try:
        started = _local(data.get("start"))
        ended = _local(data["end"]) if data.get("end") else None
    except (KeyError, TypeError, ValueError):
        return bad("give user_id, start and optionally end as YYYY-MM-DDTHH:MM in community time")
    if ended is not None and ended <= started:
        return bad("end must be after start")
    if ended is None and started > clock.now_utc():
        return bad("a shift in progress cannot start in the future")
    person = shifts.person(data.get("user_id"))
    if person is None or not shifts.is_worker(person):
        return bad(shifts.NOT_A_WORKER)
    custodian = query("SELECT id FROM users WHERE role = 'custodian' ORDER BY id LIMIT 1", one=True)
    try:
        shift_id = shifts.record_past(person["id"], started, ended, custodian["id"] if custodian else person["id"])
    except shifts.ShiftError as exc:
        return bad(str(exc))
    return jsonify(id=shift_id), 201

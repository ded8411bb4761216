"""Gate Access knowledge the steps share: finding a log entry, a guest's details, a visitor's details."""
from __future__ import annotations

from datetime import datetime, time, timedelta
from typing import Any, Iterable
from zoneinfo import ZoneInfo

WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]


def entry_for(entries: Iterable[Any], visitor: str, *, kind: str, status: str | None = None,
              acting: str | None = None) -> Any:
    """The newest logbook entry for `visitor`, checked against what the script expects."""
    entries = list(entries)
    found = next((e for e in entries if e.visitor == visitor), None)
    if found is None:
        raise AssertionError(f"no logbook entry for {visitor!r}; the logbook shows {[e.visitor for e in entries]}")
    expected = {"kind": kind, "status": status or found.status, "acting_user": acting or found.acting_user}
    actual = {"kind": found.kind, "status": found.status, "acting_user": found.acting_user}
    if actual != expected:
        raise AssertionError(f"the entry for {visitor!r} is {actual}, expected {expected}")
    return found


def visitor_without(field: str, faker: Any) -> dict[str, str]:
    """A complete visitor for the manual entry form, minus one field."""
    visitor = {"name": faker.name(), "phone": faker.numerify("+26097#######"),
               "nrc": faker.numerify("######/##/#"), "vehicle": faker.bothify("??? ####").upper(),
               "reason": "client"}
    if field not in visitor:
        raise KeyError(f"{field!r} is not a required field of the manual entry form ({', '.join(visitor)})")
    visitor.pop(field)
    return visitor


def guest_fields(name: str, start: str, end: str, timezone: str, faker: Any,
                 other_weekdays: bool = False) -> dict[str, Any]:
    """An invitation for today (community calendar) from start to end, as the invite form takes it."""
    first, _, last = name.partition(" ")
    today = datetime.now(ZoneInfo(timezone)).date()
    fields: dict[str, Any] = {"first_name": first, "last_name": last or "Guest",
                              "phone": faker.numerify("+26097#######"), "day": today,
                              "start": time.fromisoformat(start), "end": time.fromisoformat(end)}
    if other_weekdays:
        fields["repeat_days"] = tuple(d for d in WEEKDAYS if d != WEEKDAYS[today.weekday()])
        fields["until"] = today + timedelta(days=28)
    return fields


def guest_api_payload(fields: dict[str, Any]) -> dict[str, Any]:
    """The same invitation for the test-data API."""
    payload = {"first_name": fields["first_name"], "last_name": fields["last_name"], "phone": fields["phone"],
               "visit_date": fields["day"].isoformat(), "start_time": fields["start"].strftime("%H:%M"),
               "end_time": fields["end"].strftime("%H:%M")}
    if fields.get("repeat_days"):
        payload["repeat_days"] = list(fields["repeat_days"])
        payload["repeats_until"] = fields["until"].isoformat()
    return payload

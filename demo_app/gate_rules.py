"""Gate access rules without storage: scanned timestamps, the manual entry form, visit validity."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

# The manual entry form's reasons for a visit, in the platform's order (utils/constants.js
# defaultBusinessReasons; texts logbook:business_reasons.*).
REASONS = {
    "client": "Client",
    "prospective_client": "Prospective Client",
    "sales": "Sales",
    "working": "Working",
    "passing_through": "Passing Through",
    "other": "Other",
}
# The platform's default required fields (defaultRequiredFields) and their messages
# (logbook:errors.required_field with these field names); the phone only turns red.
REQUIRED = ("name", "phoneNumber", "nrc", "vehiclePlate", "reason")
REQUIRED_MESSAGES = {
    "name": "Name is Required",
    "nrc": "ID is Required",
    "vehiclePlate": "Vehicle Plate Number is Required",
    "reason": "Reason is Required",
    "companyName": "Company Name is Required",
    "phoneNumber": "",
}
INVALID_EMAIL = "Invalid email."
BAD_PHONE = "Enter a phone number: digits, an optional leading +"
# Longest accepted values (characters); the form says so instead of storing or failing.
LIMITS = {
    "name": 200,
    "email": 254,
    "nrc": 50,
    "phoneNumber": 20,
    "vehiclePlate": 20,
    "companyName": 200,
    "otherReason": 200,
    "temperature": 6,
    "note": 2000,
}
LABELS = {
    "name": "Name",
    "email": "Email",
    "nrc": "NRC",
    "phoneNumber": "Phone Number",
    "vehiclePlate": "Vehicle Plate Number",
    "companyName": "Company Name",
    "otherReason": "Reason",
    "temperature": "Temperature",
    "note": "Observation",
}
EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
PHONE = re.compile(r"^\+?[0-9][0-9 ]{5,19}$")
TEMPERATURE = re.compile(r"^[0-9]{2}(\.[0-9])?$")

# A scanned code's timestamp is JavaScript's Date.now(): milliseconds since 1970. Anything
# outside 2000-01-01 .. tomorrow is a typing error or a forgery and is not stored.
EPOCH_MS_MIN = 946_684_800_000
FUTURE_SLACK_MS = 24 * 60 * 60 * 1000
DIGITS = re.compile(r"[0-9]{1,16}")

WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
WEEKDAY_BUTTONS = WEEKDAYS[-1:] + WEEKDAYS[:-1]  # GuestTime.jsx: the order of days.json, Sunday first
VALID, INVALID_NOW, INVALID_TODAY, EXPIRED, REVOKED = "Valid", "Invalid now", "Invalid today", "Expired", "Revoked"


class GateError(ValueError):
    """A request the gate refuses; the message is what the person is shown."""


def too_long(field: str) -> str:
    """The message for a value over its field's limit."""
    return f"{LABELS[field]} is too long (maximum is {LIMITS[field]} characters)"


def qr_timestamp(raw: Any, now: datetime) -> int | None:
    """A scanned code's timestamp as epoch milliseconds (None when the address had none).

    Only ASCII digits within 2000-01-01 .. now + 1 day pass: `int()` would also take Arabic-Indic
    digits, signs and underscores, and a year-300000 value would break every date shown later.
    """
    if raw is None or str(raw) == "":
        return None
    text = str(raw)
    if not DIGITS.fullmatch(text):
        raise GateError("Invalid QR timestamp")
    value = int(text)
    if not EPOCH_MS_MIN <= value <= now.timestamp() * 1000 + FUTURE_SLACK_MS:
        raise GateError("Invalid QR timestamp")
    return value


def clean_text(value: Any) -> str:
    """A form value as one trimmed line of text."""
    return " ".join(str(value or "").split())


def check_entry(form: Mapping[str, Any], required: tuple[str, ...] = REQUIRED) -> tuple[dict[str, str], dict[str, str]]:
    """The manual entry form (RequestUpdate.jsx): (clean values, error message by field).

    An error whose message is empty still marks its field (the phone turns red without a message).
    """
    keys = (
        "name",
        "email",
        "nrc",
        "phoneNumber",
        "vehiclePlate",
        "companyName",
        "reason",
        "otherReason",
        "temperature",
    )
    values = {key: clean_text(form.get(key)) for key in keys}
    errors: dict[str, str] = {}
    for key in required:
        if not values[key]:
            errors[key] = REQUIRED_MESSAGES[key]
    for key, limit in LIMITS.items():
        if key in values and len(values[key]) > limit:
            errors[key] = too_long(key)
    if values["email"] and "email" not in errors and not EMAIL.match(values["email"]):
        errors["email"] = INVALID_EMAIL
    if values["phoneNumber"] and "phoneNumber" not in errors and not PHONE.match(values["phoneNumber"]):
        errors["phoneNumber"] = BAD_PHONE
    if values["reason"] and values["reason"] not in REASONS:
        errors["reason"] = REQUIRED_MESSAGES["reason"]
    if values["reason"] == "other" and not values["otherReason"] and "otherReason" not in errors:
        errors["otherReason"] = REQUIRED_MESSAGES["reason"]
    if values["temperature"] and "temperature" not in errors and not TEMPERATURE.match(values["temperature"]):
        errors["temperature"] = "Temperature must be a number like 36.5"
    return values, errors


def check_note(note: Any) -> str:
    """An observation: not blank (the platform rejects blank notes), not over its limit."""
    text = str(note or "").strip()
    if not text:
        raise GateError("Note can't be blank")
    if len(text) > LIMITS["note"]:
        raise GateError(too_long("note"))
    return text


@dataclass(frozen=True)
class Visit:
    """When an invited guest may come: a first visit's window, and the weekdays it repeats on."""

    starts_at: datetime  # aware instants of the first visit
    ends_at: datetime
    occurs_on: tuple[str, ...] = ()
    visit_end_date: datetime | None = None  # end of the last repeating day (aware)

    def validity(self, now: datetime, tz: ZoneInfo, revoked: bool = False) -> str:
        """The platform's rule (LogBook/utils.js checkRequests), judged on the community's calendar and clock."""
        if revoked:
            return REVOKED
        start, end, here = self.starts_at.astimezone(tz), self.ends_at.astimezone(tz), now.astimezone(tz)
        within = start.time() <= here.time().replace(microsecond=0) <= end.time()
        if self.occurs_on:
            if self.visit_end_date is not None and now > self.visit_end_date:
                return EXPIRED
            if here.date() < start.date() or WEEKDAYS[here.weekday()] not in self.occurs_on:
                return INVALID_TODAY
            return VALID if within else INVALID_NOW
        if here.date() != start.date():
            return INVALID_TODAY
        return VALID if within else INVALID_NOW


def chip(validity: str) -> str:
    """The list chips collapse everything that is not valid to "Invalid now" (GuestListCard, InvitationItem)."""
    return VALID if validity == VALID else INVALID_NOW


def parse_day(raw: Any) -> date | None:
    """A visit date: YYYY-MM-DD, or the date part of an ISO timestamp; None when unreadable."""
    text = str(raw or "").strip()
    if not re.fullmatch(r"[0-9]{4}-[0-9]{2}-[0-9]{2}([T ].*)?", text):
        return None
    try:
        return date.fromisoformat(text[:10])
    except ValueError:
        return None


def parse_clock(raw: Any, tz: ZoneInfo) -> time | None:
    """A visit time: HH:MM, or an ISO timestamp (its wall-clock time in the community); None when unreadable."""
    text = str(raw or "").strip()
    if re.fullmatch(r"[0-9]{2}:[0-9]{2}(:[0-9]{2})?", text):
        try:
            return time.fromisoformat(text).replace(second=0)
        except ValueError:
            return None
    if not re.fullmatch(r"[0-9]{4}-[0-9]{2}-[0-9]{2}[T ][0-9:.]+(Z|[+-][0-9]{2}:?[0-9]{2})?", text):
        return None
    try:
        moment = datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        return None
    moment = moment if moment.tzinfo else moment.replace(tzinfo=tz)
    return moment.astimezone(tz).time().replace(second=0, microsecond=0)


def plan_visit(day: Any, start: Any, end: Any, occurs_on: Any, until: Any, tz: ZoneInfo, today: date) -> Visit:
    """A visit from the invitation form or invitationCreate (community time); GateError when it makes no sense."""
    visit_day, starts, ends = parse_day(day), parse_clock(start, tz), parse_clock(end, tz)
    if visit_day is None or starts is None or ends is None:
        raise GateError("Invitation time is invalid")
    if not today - timedelta(days=366) <= visit_day <= today + timedelta(days=366):
        raise GateError("Day of visit must be within a year of today")
    if ends <= starts:
        raise GateError("Visit end time must be after the visit start time")
    days = list(occurs_on or [])
    if len(days) > len(WEEKDAYS) or any(str(d).lower() not in WEEKDAYS for d in days):
        raise GateError("Repeats on takes the days of the week")
    chosen = tuple(d for d in WEEKDAYS if d in {str(x).lower() for x in days})
    last = None
    if chosen:
        until_day = parse_day(until)
        if until_day is None:
            raise GateError("Repeats Until is required when a visit repeats")
        if not visit_day <= until_day <= visit_day + timedelta(days=366):
            raise GateError("Repeats Until must be on or after the day of visit, within a year")
        last = datetime.combine(until_day + timedelta(days=1), time(0), tzinfo=tz) - timedelta(seconds=1)
    return Visit(
        datetime.combine(visit_day, starts, tzinfo=tz), datetime.combine(visit_day, ends, tzinfo=tz), chosen, last
    )

"""Realistic breaks of Gate Access: scans, manual entry, registered guests."""

from __future__ import annotations

import dataclasses
from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

from .core import Mutant, patch, wrap


def _scan_not_logged() -> None:
    """Log This Entry answers "success", but the scan is never written where the admin reads the logbook."""
    from demo_app.gate_rules import qr_timestamp

    def log_scan(person: Any, guard_id: int, timestamp: Any, digital: bool) -> tuple[str, int | None]:
        qr_timestamp(timestamp, datetime.now().astimezone())
        return "success", None

    patch("demo_app.gate_store", "log_scan", log_scan)


def _deactivated_scan_logged() -> None:
    """The server no longer looks at the scanned person's status (the profile still hides the button)."""
    wrap(
        "demo_app.gate_store",
        "log_scan",
        lambda real: lambda person, *args: real({**dict(person), "status": "active"}, *args),
    )


def _any_timestamp_stored() -> None:
    """A scanned code's timestamp is stored whatever it is: int() of anything, no range."""
    patch("demo_app.gate_store", "qr_timestamp", lambda raw, now: None if raw in (None, "") else int(str(raw)))


def _vehicle_plate_optional() -> None:
    """The server stops requiring the vehicle plate of a visitor recorded by hand."""
    wrap(
        "demo_app.logbook",
        "check_entry",
        lambda real: (
            lambda form, required=None: real(form, tuple(f for f in (required or _required()) if f != "vehiclePlate"))
        ),
    )


def _required() -> tuple[str, ...]:
    from demo_app.gate_rules import REQUIRED

    return REQUIRED


def _denial_logged_as_grant() -> None:
    """Deny records the decision as a grant: the logbook says the visitor was let in."""
    wrap(
        "demo_app.gate_store",
        "decide",
        lambda real: lambda request_id, grantor_id, granted: real(request_id, grantor_id, True),
    )


def _last_repeat_day_expired() -> None:
    """A repeating invitation is taken as expired on the last day of its range ('>=' where '>' was meant)."""
    from demo_app import gate_rules

    real = gate_rules.Visit.validity

    def validity(self: Any, now: datetime, tz: ZoneInfo, revoked: bool = False) -> str:
        end = self.visit_end_date
        if self.occurs_on and end is not None and now.astimezone(tz).date() >= end.astimezone(tz).date():
            return gate_rules.EXPIRED
        return str(real(self, now, tz, revoked))

    patch(gate_rules.Visit, "validity", validity)


def _repeat_weekdays_ignored() -> None:
    """A repeating invitation is valid on every weekday, not only the ones it repeats on."""
    from demo_app import gate_rules

    real = gate_rules.Visit.validity

    def validity(self: Any, now: datetime, tz: ZoneInfo, revoked: bool = False) -> str:
        every_day = dataclasses.replace(self, occurs_on=gate_rules.WEEKDAYS) if self.occurs_on else self
        return str(real(every_day, now, tz, revoked))

    patch(gate_rules.Visit, "validity", validity)


def _repeat_days_title_cased() -> None:
    """A refactor compares today's weekday as "Monday" with the invitation's "monday": repeats never match."""
    from demo_app import gate_rules

    real = gate_rules.Visit.validity

    def validity(self: Any, now: datetime, tz: ZoneInfo, revoked: bool = False) -> str:
        today = gate_rules.WEEKDAYS[now.astimezone(tz).weekday()].capitalize()
        if self.occurs_on and not revoked and today not in self.occurs_on:
            return gate_rules.INVALID_TODAY
        return str(real(self, now, tz, revoked))

    patch(gate_rules.Visit, "validity", validity)


MUTANTS = (
    Mutant(
        "scan_not_logged",
        "gate_access.scan_entry",
        "round trip",
        "the guard's Log This Entry answers, but the scan never reaches the admin's logbook",
        ("Scan entry without a phone: the guard adds today's timestamp to the admin's profile address",),
        _scan_not_logged,
    ),
    Mutant(
        "deactivated_scan_logged",
        "gate_access.scan_entry",
        "must-not",
        "the server logs a deactivated person's entry (only the screen hides the button)",
        ("A person whose account is deactivated is turned away at the gate, even when the entry is logged directly",),
        _deactivated_scan_logged,
    ),
    Mutant(
        "any_timestamp_stored",
        "gate_access.scan_entry",
        "boundary",
        "a scanned timestamp far in the future (or in other digits) is stored as a scan",
        ("A profile address with a year far in the future as its timestamp logs nothing",),
        _any_timestamp_stored,
    ),
    Mutant(
        "vehicle_plate_optional",
        "gate_access.manual_entry",
        "must-not",
        "the server records a visitor without a vehicle plate",
        ("Manual entry without the vehicle plate is refused and writes nothing",),
        _vehicle_plate_optional,
    ),
    Mutant(
        "denial_logged_as_grant",
        "gate_access.manual_entry",
        "round trip",
        "a visitor the guard denies reaches the admin's logbook as granted",
        ("Manual entry: the guard denies a visitor",),
        _denial_logged_as_grant,
    ),
    Mutant(
        "last_repeat_day_expired",
        "gate_access.registered_guests",
        "boundary",
        "a repeating guest is turned away on the last day of their repeat range",
        ("A repeating guest is still welcome on the last day of their repeat range",),
        _last_repeat_day_expired,
    ),
    Mutant(
        "repeat_days_title_cased",
        "gate_access.registered_guests",
        "round trip",
        "a guest the admin invited for today's weekday is not valid at the gate on that day",
        ("A guest invited on today's weekday is valid while within the visiting time",),
        _repeat_days_title_cased,
    ),
    Mutant(
        "repeat_weekdays_ignored",
        "gate_access.registered_guests",
        "must-not",
        "a repeating guest is let in on weekdays they are not invited for",
        ("A guest invited on the other weekdays is not valid today",),
        _repeat_weekdays_ignored,
    ),
)

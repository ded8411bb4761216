"""Realistic breaks of Gate Access: scans, manual entry, registered guests."""

from __future__ import annotations

import dataclasses
from datetime import UTC, datetime
from typing import Any
from zoneinfo import ZoneInfo

from .core import Mutant, patch, wrap
from .gate_guests import MUTANTS as GUEST_MUTANTS
from .gate_guests import REPEAT_END


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


def _logbook_times_in_utc() -> None:
    """The logbook card shows the event's stored (UTC) time without turning it into the community's."""
    from demo_app import clock

    def make(real: Any) -> Any:
        def card(event: Any) -> dict[str, Any]:
            return {**real(event), "time": clock.from_iso(event["created_at"]).astimezone(UTC).strftime("%H:%M")}

        return card

    wrap("demo_app.gate_store", "logbook_card", make)


def _logbook_day_in_utc() -> None:
    """The logbook card dates an event by its stored UTC day: what comes between 00:00 and 02:00 is dated the
    day before."""
    from demo_app import clock

    def make(real: Any) -> Any:
        def card(event: Any) -> dict[str, Any]:
            return {**real(event), "date": clock.from_iso(event["created_at"]).astimezone(UTC).strftime("%Y-%m-%d")}

        return card

    wrap("demo_app.gate_store", "logbook_card", make)


def _logbook_twelve_hour_clock() -> None:
    """The logbook card's time is written on a 12-hour clock without am/pm: 13:00 reads "01:00"."""
    from demo_app import clock

    def make(real: Any) -> Any:
        def card(event: Any) -> dict[str, Any]:
            return {**real(event), "time": clock.local(event["created_at"]).strftime("%I:%M")}

        return card

    wrap("demo_app.gate_store", "logbook_card", make)


def _grant_by_viewers() -> None:
    """entryRequestGrant asks for the permission to view entry requests instead of the one to grant them:
    clients and custodians, who see the Invitations, let visitors in."""
    from demo_app import gate_store
    from demo_app.gql.common import record, require, to_id

    def decide(info: Any, id: Any, granted: bool) -> Any:
        user = require(info, "entry_request.can_view_entry_requests")
        return record(gate_store.decide(to_id(id, "Entry request"), user["id"], granted))

    patch("demo_app.gql.gate", "_decide", decide)


MANUAL_CLOCK = "A visitor let in at {time} on {day} is logged on that day, at {time}"

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
        (REPEAT_END.format(ends="today", validity="Valid"),),
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
    Mutant(
        "logbook_times_in_utc",
        "gate_access.manual_entry",
        "figure",
        "the logbook shows when a visitor came two hours early: UTC, not the community's time",
        (
            "Manual entry: the guard grants a visitor, adds an observation and finds both in the logbook",
            MANUAL_CLOCK.format(time="12:59", day="27 November 2026"),
        ),
        _logbook_times_in_utc,
    ),
    Mutant(
        "logbook_day_in_utc",
        "gate_access.manual_entry",
        "boundary",
        "a visitor let in at half past midnight is logged on the day before (its UTC day)",
        (MANUAL_CLOCK.format(time="00:30", day="27 November 2026"),),
        _logbook_day_in_utc,
    ),
    Mutant(
        "logbook_twelve_hour_clock",
        "gate_access.manual_entry",
        "boundary",
        "a visitor let in at 13:00 is logged at 01:00 (a 12-hour clock without am/pm)",
        (MANUAL_CLOCK.format(time="13:00", day="27 November 2026"),),
        _logbook_twelve_hour_clock,
    ),
    Mutant(
        "grant_by_viewers",
        "gate_access.manual_entry",
        "must-not",
        "clients and custodians let a waiting visitor in through the platform's grant operation",
        (
            "The client cannot let a waiting visitor in, even when the grant is sent directly",
            "The custodian cannot let a waiting visitor in, even when the grant is sent directly",
        ),
        _grant_by_viewers,
    ),
    *GUEST_MUTANTS,
)

"""Realistic breaks of Gate Access: scans, manual entry, registered guests."""

from __future__ import annotations

import dataclasses
from datetime import UTC, datetime, timedelta
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


def _api_grant_ignores_the_visit() -> None:
    """entryRequestGrant no longer asks whether an invited guest's visit holds now (the Invitations page still
    disables Grant Access)."""
    patch("demo_app.invites", "grant_refusal", lambda request_id: None)


def _page_grant_ignores_the_visit() -> None:
    """The Invitations page's Grant Access form lets the guest in whatever their visit (its button is still
    disabled while the visit is not valid)."""

    def make(real: Any) -> Any:
        def create_app(test_config: Any = None) -> Any:
            from flask import flash, g, redirect

            from demo_app import gate_store, invites

            app = real(test_config)
            checked = app.view_functions["guests.grant"]

            def grant(invite_id: str) -> Any:
                found = invites.find(invite_id)
                if found is None:
                    return checked(invite_id)
                gate_store.decide(found["entry_request_id"], g.user["id"], granted=True)
                flash("Success: Access granted successfully", "success")
                return redirect(f"/logbook/invitations?observe={found['entry_request_id']}")

            app.view_functions["guests.grant"] = grant
            return app

        return create_app

    wrap("demo_app", "create_app", make)


def _visit_end_minute_included() -> None:
    """A visit is judged by the minute: a visit until 14:05 is still valid at 14:05:40."""
    from demo_app import gate_rules

    real = gate_rules.Visit.validity

    def validity(self: Any, now: datetime, tz: Any, revoked: bool = False) -> str:
        return str(real(self, now.replace(second=0, microsecond=0), tz, revoked))

    patch(gate_rules.Visit, "validity", validity)


def _repeat_range_a_day_long() -> None:
    """A repeating invitation is valid one day past its Repeats Until (its last day taken as exclusive)."""
    from demo_app import gate_rules

    real = gate_rules.Visit.validity

    def validity(self: Any, now: datetime, tz: Any, revoked: bool = False) -> str:
        end = self.visit_end_date
        longer = dataclasses.replace(self, visit_end_date=end + timedelta(days=1)) if end else self
        return str(real(longer, now, tz, revoked))

    patch(gate_rules.Visit, "validity", validity)


def _visit_offset_ignored() -> None:
    """A visit's times are read by their wall-clock figures, whatever offset they were sent with: 11:00Z is
    taken as 11:00 in the community, not 13:00."""
    from demo_app import gate_rules

    real = gate_rules.parse_clock

    def parse_clock(raw: Any, tz: Any) -> Any:
        text = str(raw or "").strip()
        return real(text[:19] if len(text) > 19 and text[10] in "T " else text, tz)

    patch("demo_app.gate_rules", "parse_clock", parse_clock)


def _guest_card_day_in_utc() -> None:
    """A guest card's "Starts on" is the visit's UTC day: a visit at 00:30 starts "the day before"."""

    def make(real: Any) -> Any:
        def card(invite: Any) -> dict[str, Any]:
            shown = real(invite)
            starts = datetime.fromisoformat(invite["starts_at"]).astimezone(UTC)
            return {**shown, "start_date": starts.strftime("%Y-%m-%d")}

        return card

    wrap("demo_app.invites", "card", make)


def _guest_card_twelve_hour_clock() -> None:
    """A guest card's times are written on a 12-hour clock without am/pm: 13:00 reads "01:00"."""
    from demo_app import clock

    def make(real: Any) -> Any:
        def card(invite: Any) -> dict[str, Any]:
            shown = real(invite)
            starts, ends = (clock.local(invite[key]).strftime("%I:%M") for key in ("starts_at", "ends_at"))
            return {**shown, "start_time": starts, "end_time": ends}

        return card

    wrap("demo_app.invites", "card", make)


MANUAL_CLOCK = "A visitor let in at {time} on {day} is logged on that day, at {time}"
FORCED_GRANT = "A registered guest {who} is not let in, even when the grant is sent directly"
MINUTES = 'A guest invited from {start} until {end} is "{validity}" at the gate'
OFFSETS = "A visit sent from {0} to {1} with the offset {2} is shown from {3} to {4}"
REPEAT_END = 'A repeating guest whose repeat range ends {ends} is "{validity}" today'

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
    Mutant(
        "api_grant_ignores_the_visit",
        "gate_access.registered_guests",
        "must-not",
        "a guest outside their visiting time is let in by the grant operation sent directly",
        tuple(
            FORCED_GRANT.format(who=who)
            for who in (
                "outside today's visiting time",
                "invited on the other weekdays",
                "whose repeat range ended yesterday",
            )
        ),
        _api_grant_ignores_the_visit,
    ),
    Mutant(
        "page_grant_ignores_the_visit",
        "gate_access.registered_guests",
        "must-not",
        "the Invitations page lets a guest in outside their visit once its disabled Grant Access is pressed",
        (FORCED_GRANT.format(who="outside today's visiting time"),),
        _page_grant_ignores_the_visit,
    ),
    Mutant(
        "visit_end_minute_included",
        "gate_access.registered_guests",
        "boundary",
        "a guest invited until 14:05 is still let in at 14:05:40",
        (MINUTES.format(start="an hour ago", end="this minute", validity="Invalid now"),),
        _visit_end_minute_included,
    ),
    Mutant(
        "repeat_range_a_day_long",
        "gate_access.registered_guests",
        "boundary",
        "a repeating guest is let in on the day after their repeat range ended",
        (REPEAT_END.format(ends="yesterday", validity="Invalid now"),),
        _repeat_range_a_day_long,
    ),
    Mutant(
        "visit_offset_ignored",
        "gate_access.registered_guests",
        "boundary",
        "a visit sent in UTC is kept two hours early (11:00Z taken as 11:00 in the community)",
        (
            OFFSETS.format("11:00", "12:05", "UTC", "13:00", "14:05"),
            OFFSETS.format("10:00", "11:00", "+01:00", "11:00", "12:00"),
        ),
        _visit_offset_ignored,
    ),
    Mutant(
        "guest_card_day_in_utc",
        "gate_access.registered_guests",
        "boundary",
        "a guest invited for half past midnight is shown as starting the day before",
        (OFFSETS.format("00:30", "01:30", "+02:00", "00:30", "01:30"),),
        _guest_card_day_in_utc,
    ),
    Mutant(
        "guest_card_twelve_hour_clock",
        "gate_access.registered_guests",
        "figure",
        "a guest invited from 13:00 is shown as coming at 01:00",
        (OFFSETS.format("13:00", "23:59", "+02:00", "13:00", "23:59"),),
        _guest_card_twelve_hour_clock,
    ),
)

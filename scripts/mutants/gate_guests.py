"""Realistic breaks of Gate Access's registered guests beyond the first ones (gate_access.py): grants sent
directly, the edges of a visit's minutes and of its repeat range, times sent with other offsets, the guest
cards' day and clock."""

from __future__ import annotations

import dataclasses
from datetime import UTC, datetime, timedelta
from typing import Any

from .core import Mutant, patch, wrap


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


def _visit_start_minute_excluded() -> None:
    """A visit is valid only once its first minute has passed: a visit from 14:05 is "Invalid now" at 14:05:40."""
    from demo_app import gate_rules

    real = gate_rules.Visit.validity

    def validity(self: Any, now: datetime, tz: Any, revoked: bool = False) -> str:
        later = dataclasses.replace(self, starts_at=self.starts_at + timedelta(minutes=1))
        return str(real(later, now, tz, revoked))

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


def _reactivated_as_capitalised() -> None:
    """Re-Activate writes the status "Active": My Guests shows the invitation valid again, but the guard's
    Invitations (active invitations only) never list it again."""
    from demo_app.db import execute

    wrap(  # the invitations' table takes any status word then
        "demo_app.db",
        "schema_scripts",
        lambda real: lambda: [script.replace("CHECK (status IN ('active', 'cancelled'))", "") for script in real()],
    )

    def make(real: Any) -> Any:
        def update(invite_id: Any, user: Any, visit: Any = None, status: str | None = None) -> Any:
            changed = real(invite_id, user, visit, status)
            if status == "active":
                execute("UPDATE invites SET status = 'Active' WHERE id = ?", (changed["id"],))
            return changed

        return update

    wrap("demo_app.invites", "update", make)


FORCED_GRANT = "A registered guest {who} is not let in, even when the grant is sent directly"
MINUTES = 'A guest invited from {start} until {end} is "{validity}" at the gate'
OFFSETS = "A visit sent from {0} to {1} with the offset {2} is shown from {3} to {4}"
REPEAT_END = 'A repeating guest whose repeat range ends {ends} is "{validity}" today'

MUTANTS = (
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
    Mutant(
        "reactivated_as_capitalised",
        "gate_access.registered_guests",
        "round trip",
        "an invitation the admin re-activates is valid on My Guests but never again on the guard's Invitations",
        ("An admin edits an invitation, then cancels and re-activates it",),
        _reactivated_as_capitalised,
    ),
    Mutant(
        "visit_start_minute_excluded",
        "gate_access.registered_guests",
        "boundary",
        "a guest invited from 14:05 is turned away at 14:05:40, in the first minute of their visit",
        (MINUTES.format(start="this minute", end="an hour from now", validity="Valid"),),
        _visit_start_minute_excluded,
    ),
)

"""Gate Access set-up and checks through the platform's GraphQL: invitations, scans (the logbook's events
are read in gate_logbook.py); and what the Gate Access steps (steps/gate_*_steps.py) share on screen: the
guest lists, the logbook shown.

Visit times are relative to now in the community's time, so the scenarios run on any target at any
hour without moving its clock: a window around now is "Valid", one earlier or later today is not.
"""

from __future__ import annotations

import io
import random
import time as wallclock
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any
from urllib.parse import urlsplit

import segno

from pages.components import PageFrame
from pages.guests import GuestInvitePage, InvitationsPage, MyGuestsPage
from pages.logbook import LogbookPage
from prodready.scenario import clock
from prodready.scenario.calendar_words import NEAR_MINUTES
from prodready.scenario.gate_logbook import (  # noqa: F401 (the steps reach them as gate.*)
    events_about,
    find_entry,
    logbook_entry,
    logbook_shown,
    new_admin_scan,
    new_scans,
    recent_events,
    scan_ids,
)
from prodready.target.api import PlatformApiError
from prodready.target.people import unique_phone

COMMUNITY_TZ = "Africa/Lusaka"  # the platform's community timezone (factory default)
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
GUEST_PAGES = {"Invitations": InvitationsPage, "My Guests": MyGuestsPage}
# Words of a repeat range → the day its range ends, in days from today (None: four weeks from today).
REPEAT_SPANS = {
    "four weeks": None,
    "the four weeks ending today": 0,
    "the four weeks ending yesterday": -1,
    "the four weeks ending tomorrow": 1,
}
# Words of a visit's start or end → minutes from now's minute (a visit's times are minutes: 14:05 is 14:05:00).
MINUTE_WORDS = NEAR_MINUTES  # the minutes a feature names from now (values' NearMinute)

INVITATION_CREATE = """mutation invitationCreate($visitationDate: String!, $startsAt: String, $endsAt: String,
    $occursOn: [String!], $visitEndDate: String, $userIds: [String!], $guests: [JSON!]) {
  invitationCreate(visitationDate: $visitationDate, startsAt: $startsAt, endsAt: $endsAt, occursOn: $occursOn,
                   visitEndDate: $visitEndDate, userIds: $userIds, guests: $guests) { success }
}"""
SCHEDULED = """query scheduledRequests($query: String) {
  scheduledRequests(query: $query, offset: 0, limit: 50) { id name }
}"""
ENTRY_REQUEST_GRANT = """mutation entryRequestGrant($id: ID!) {
  entryRequestGrant(id: $id) { status entryRequest { id } }
}"""
ENTRY_REQUEST_CREATE = """mutation entryRequestCreate($name: String!, $nrc: String, $phoneNumber: String,
    $vehiclePlate: String, $reason: String) {
  entryRequestCreate(name: $name, nrc: $nrc, phoneNumber: $phoneNumber, vehiclePlate: $vehiclePlate, reason: $reason) {
    entryRequest { id }
  }
}"""


@dataclass(frozen=True)
class Window:
    """A visit today in community time: the day and the wall-clock start and end ("HH:MM")."""

    day: str
    start: str
    end: str

    @property
    def shown(self) -> str:
        """How the guest lists show it: "Time 09:00 - 12:00"."""
        return f"Time {self.start} - {self.end}"

    @property
    def starts(self) -> str:
        """How My Guests shows its day: "Starts on 2026-11-27"."""
        return f"Starts on {self.day}"

    def weekday(self) -> str:
        """The window's weekday, lower-case English (the platform's occursOn values)."""
        return WEEKDAYS[datetime.fromisoformat(self.day).weekday()]


def community_now(timezone: str = COMMUNITY_TZ) -> datetime:
    """Now in the community."""
    return clock.community_now(timezone)


def window_around_now(now: datetime | None = None) -> Window:
    """An hour either side of now, kept inside today (the lists judge validity on today's calendar);
    in the last minutes of the day, the window of the day after (once it has come)."""
    now = (now or clock.clear_of_midnight(COMMUNITY_TZ)).replace(second=0, microsecond=0)
    start = max(now - timedelta(hours=1), now.replace(hour=0, minute=0))
    end = min(now + timedelta(hours=1, minutes=1), now.replace(hour=23, minute=59))
    return Window(now.date().isoformat(), start.strftime("%H:%M"), end.strftime("%H:%M"))


def window_not_now(now: datetime | None = None) -> Window:
    """A window today that does not hold now: earlier today, or after now when it is early morning."""
    now = (now or community_now()).replace(second=0, microsecond=0)
    if now.hour >= 2:
        return Window(now.date().isoformat(), "00:00", (now - timedelta(minutes=61)).strftime("%H:%M"))
    return Window(now.date().isoformat(), (now + timedelta(minutes=61)).strftime("%H:%M"), "23:59")


def window_of_words(start: str, end: str, now: datetime) -> Window:
    """A visit today from `start` to `end`, words of MINUTE_WORDS ("this minute", "an hour ago") counted from
    now's minute, kept inside today."""
    unknown = [w for w in (start, end) if w not in MINUTE_WORDS]
    assert not unknown, f"say one of {', '.join(map(repr, MINUTE_WORDS))}, not {unknown}"
    minute = now.replace(second=0, microsecond=0)
    first, last = (minute + timedelta(minutes=MINUTE_WORDS[w]) for w in (start, end))
    midnight = minute.replace(hour=0, minute=0)
    first, last = max(first, midnight), min(last, midnight + timedelta(hours=23, minutes=59))
    return Window(minute.date().isoformat(), first.strftime("%H:%M"), last.strftime("%H:%M"))


def invite_guest(
    cast: Any, name: str, window: Window, occurs_on: tuple[str, ...] = (), until: str = "", offset: str = "+02:00"
) -> None:
    """The admin invites a new guest (invitationCreate) for the window, repeating on weekdays until a day; the
    window's times are sent as written, with `offset` (the community's own, +02:00, unless said otherwise)."""
    first, _, last = name.partition(" ")
    variables = {
        "visitationDate": window.day,
        "startsAt": f"{window.day}T{window.start}:00{offset}",
        "endsAt": f"{window.day}T{window.end}:00{offset}",
        "occursOn": list(occurs_on),
        "visitEndDate": until or None,
        "userIds": [],  # the platform adds them to the new guests' ids: it answers 500 without them
        "guests": [
            {"firstName": first, "lastName": last, "phoneNumber": unique_phone(random.Random()), "isAdded": True}
        ],
    }
    cast.api_as("admin").call(INVITATION_CREATE, variables)


def invite_repeating(cast: Any, name: str, *, today: bool, span: str = "four weeks") -> None:
    """The admin invites a new guest an hour either side of now, on today's weekday or on the others, for a span
    of REPEAT_SPANS: four weeks from today, or the four weeks ending yesterday, today or tomorrow (the repeat
    range's last day)."""
    assert span in REPEAT_SPANS, f"say {' or '.join(map(repr, REPEAT_SPANS))}, not {span!r}"
    ends, now = REPEAT_SPANS[span], window_around_now()
    weekdays = (now.weekday(),) if today else other_weekdays(now.day)
    if ends is None:
        invite_guest(cast, name, now, weekdays, in_weeks(now.day, 4))
        return
    last = (datetime.fromisoformat(now.day) + timedelta(days=ends)).date().isoformat()
    invite_guest(cast, name, Window(in_weeks(now.day, -4), now.start, now.end), weekdays, last)


def scheduled_count(cast: Any, name: str) -> int:
    """How many active invitations of exactly that guest the guards' Invitations list (as the admin asks)."""
    found = cast.api_as("admin").call(SCHEDULED, {"query": name})["scheduledRequests"]
    return sum(1 for request in found if request.get("name") == name)


def other_weekdays(day: str) -> tuple[str, ...]:
    """Every weekday but that day's."""
    own = WEEKDAYS[datetime.fromisoformat(day).weekday()]
    return tuple(d for d in WEEKDAYS if d != own)


def in_weeks(day: str, weeks: int) -> str:
    """The date `weeks` weeks after a day."""
    return (datetime.fromisoformat(day) + timedelta(weeks=weeks)).date().isoformat()


def moments_around(press: Any, timezone: str = COMMUNITY_TZ) -> tuple[datetime, datetime]:
    """Run a press (Grant, Deny), noting the community's time just before and just after it."""
    before = clock.community_now(timezone)
    press()
    return before, clock.community_now(timezone)


def shown_at(moments: tuple[datetime, ...]) -> set[tuple[str, str]]:
    """How the logbook may show an event made between these moments: (YYYY-MM-DD, HH:MM) in community time."""
    return {(m.date().isoformat(), m.strftime("%H:%M")) for m in moments}


def visitor_waiting(cast: Any, visitor: dict[str, str]) -> str:
    """A visitor the guard has recorded at the gate (entryRequestCreate) and not yet let in or turned away: the
    entry request's id. `visitor` holds the manual entry form's fields (visitor())."""
    fields = {"name": visitor["name"], "nrc": visitor["nrc"], "phoneNumber": visitor["phone number"]}
    fields |= {"vehiclePlate": visitor["vehicle plate"], "reason": visitor["reason"]}
    return str(cast.api_as("guard").call(ENTRY_REQUEST_CREATE, fields)["entryRequestCreate"]["entryRequest"]["id"])


def invited_request(cast: Any, who: str, name: str) -> str:
    """The entry request of an invited guest, as `who` finds it on the Invitations (scheduledRequests): the id
    Grant Access sends."""
    found = cast.api_as(who).call(SCHEDULED, {"query": name})["scheduledRequests"]
    ids = [str(request["id"]) for request in found if request.get("name") == name]
    assert ids, f"{who} finds no invitation of {name!r} on the Invitations: {found}"
    return ids[0]


def grant_directly(cast: Any, who: str, request_id: str) -> str:
    """Grant Access's own operation (entryRequestGrant) as `who`: "" when the platform let the visitor in, else
    its refusal's words (or the status it answered instead of "success")."""
    try:
        answer = cast.api_as(who).call(ENTRY_REQUEST_GRANT, {"id": request_id})["entryRequestGrant"]
    except PlatformApiError as refusal:
        return str(refusal).split(": ", 1)[-1]
    return "" if answer.get("status") == "success" else f"status {answer.get('status')!r}"


def let_in_by_hand(cast: Any, visitor: dict[str, str]) -> None:
    """The guard records a visitor at the gate and lets them in (entryRequestCreate, entryRequestGrant)."""
    refusal = grant_directly(cast, "guard", visitor_waiting(cast, visitor))
    assert not refusal, f"the guard could not let {visitor['name']} in: {refusal}"


def epoch_ms() -> str:
    """JavaScript's Date.now() as the script's address takes it."""
    return str(int(wallclock.time() * 1000))


def scanned_timestamp(code: str, opened: str, base_url: str) -> str:
    """The timestamp of the profile the scanner opened for an ID's code (/user/<id>/<Date.now()>/dg).

    The ID's code holds the site's host name without its port (containers/IdCard.jsx: protocol, hostname)
    and the platform's scanner opens it as written: on a site served on another port than its scheme's
    default, the guard's browser leaves the site, so that is said plainly rather than as a missing profile.
    """
    site = urlsplit(base_url)
    where = urlsplit(opened)
    if (where.scheme, where.netloc) != (site.scheme, site.netloc) or not where.path.startswith("/user/"):
        raise AssertionError(
            f"the scanner opened {opened!r} for the ID's code {code!r}, not a profile on {base_url}: the code holds "
            "the host without the port, so the platform's scan works only on a site served on its default port"
        )
    return where.path.split("/")[3]


def qr_png(text: str) -> bytes:
    """A QR code of `text`, as a printed card or another site's screen would show it."""
    out = io.BytesIO()
    segno.make(text, error="m").save(out, kind="png", scale=8, border=4)
    return out.getvalue()


def visitor(faker: Any, name: str) -> dict[str, str]:
    """A visitor with the manual entry form's required fields (reason: client, as the Cypress spec)."""
    return {
        "name": name,
        "nrc": faker.numerify("######/##/#"),
        "phone number": faker.numerify("+26097#######"),
        "vehicle plate": faker.bothify("???####").upper(),
        "reason": "client",
    }


def fail(message: str) -> Any:
    """Fail a step with a message (an expression, for use after `or`)."""
    raise AssertionError(message)


def guest_page(actor: Any, title: str, page: type | None = None, *, opened: bool = False) -> Any:
    """The actor on a guests' page whose title says `title` (its page: "My Guests", "Invitations", else `page`)."""
    page = page or GUEST_PAGES[title]
    shown = actor.open(page) if opened else actor.on(page)
    named = shown.title() if hasattr(shown, "title") else actor.page(PageFrame).title()
    assert named == title, named
    return shown


def open_invite_form(actor: Any, item: str | None = None) -> None:
    """The actor opens the guest invitation form: from the logbook's menu item `item` when given, else by address."""
    if item is None:
        actor.open(GuestInvitePage)
        return
    assert item == LogbookPage.NEW_INVITE, f"the logbook's item to invite a guest is {LogbookPage.NEW_INVITE!r}"
    actor.open(LogbookPage).open_new_invite()


def my_guest(cast: Any, page: str, name: str) -> Any:
    """The newest card of a (run-id) guest on the admin's guest list titled `page`, as shown now."""
    shown = guest_page(cast.actor("admin"), page).guests()
    return next((c for c in shown if c.name == name), None) or fail(f"{name!r} is not listed: {shown}")


def invitations_on_screen(cast: Any, guards_page: str | None = None) -> InvitationsPage:
    """The Invitations the last actor looks at; or, given its title, the guard's, logged in and opened."""
    if guards_page is None:
        return cast.last_actor().on(InvitationsPage)
    cast.actor("guard").log_in()
    return guest_page(cast.actor("guard"), guards_page, opened=True)


def invitation_named(invitations: InvitationsPage, name: str) -> Any:
    """The newest invitation of a guest on the list shown."""
    shown = invitations.invitations()
    return next((i for i in shown if i.name == name), None) or fail(f"{name!r} is not listed: {shown}")


def edit_invitation(guests: MyGuestsPage, name: str) -> Window:
    """On My Guests, move a guest's visit to an hour either side of now, repeating on today's weekday for a week."""
    window = window_around_now()
    dialog = guests.edit(name)
    dialog.set_visit(window.day, window.start, window.end, (window.weekday(),), in_weeks(window.day, 1))
    dialog.update()
    guests.wait_until(  # the platform refreshes the list after the mutation
        lambda _d: any(c.name == name and c.time == window.shown for c in guests.guests()),
        f"My Guests did not show the new time of {name} ({window.shown})",
    )
    return window

"""Gate Access: what the logbook holds, read through the platform's GraphQL (allEventLogs) and on the logbook's
screen: the scans, grants and observations a step has just made."""

from __future__ import annotations

from typing import Any

from pages.logbook import LogbookPage

RECENT = 50  # events read to find what a step has just written
ALL_EVENT_LOGS = """query allEventLogs($subject: [String], $name: String, $limit: Int) {
  allEventLogs(subject: $subject, name: $name, offset: 0, limit: $limit) {
    id subject createdAt data actingUser { id name } entryRequest { id name }
  }
}"""


def recent_events(cast: Any, subjects: tuple[str, ...], name: str | None = None) -> list[dict[str, Any]]:
    """The newest events of these subjects (as the admin sees the logbook), optionally for a name."""
    answer = cast.api_as("admin").call(ALL_EVENT_LOGS, {"subject": list(subjects), "name": name, "limit": RECENT})
    return answer["allEventLogs"]


def scan_ids(cast: Any) -> set[str]:
    """The ids of the newest scans, to tell later which ones a step added."""
    return {e["id"] for e in recent_events(cast, ("user_entry",))}


def new_scans(cast: Any, before: set[str], guard: str) -> list[dict[str, Any]]:
    """The scans logged by `guard` (a name) since `before` was noted."""
    return [
        e
        for e in recent_events(cast, ("user_entry",))
        if e["id"] not in before and (e.get("actingUser") or {}).get("name") == guard
    ]


def events_about(cast: Any, name: str, subject: str | None = None) -> list[dict[str, Any]]:
    """The logbook's events about a (run-id) name, optionally of one subject."""
    subjects = (subject,) if subject else ("user_entry", "visitor_entry", "observation_log")
    return [
        e
        for e in recent_events(cast, subjects, name)
        if name in ((e.get("entryRequest") or {}).get("name") or (e.get("data") or {}).get("ref_name") or "")
    ]


def find_entry(
    entries: list[Any], name: str, *, guard: str | None = None, chip: str | None = None, note: str | None = None
) -> Any:
    """The newest logbook card for `name` with that acting user, chip and note; AssertionError otherwise."""
    for entry in entries:
        if (
            entry.name == name
            and guard in (None, entry.guard)
            and (chip is None or chip in entry.chips)
            and note in (None, entry.note)
        ):
            return entry
    wanted = {"name": name, "guard": guard, "chip": chip, "note": note}
    raise AssertionError(f"no logbook card {wanted}; the logbook shows {entries[:10]}")


def new_admin_scan(cast: Any, before: set[str], chip: str) -> dict[str, Any]:
    """The one scan the guard logged since `before`: the admin's, also first on the admin's logbook with that chip."""
    admin, guard = cast.person("admin").name, cast.person("guard").name
    new = new_scans(cast, before, guard)
    assert [e["data"]["ref_name"] for e in new] == [admin], f"no new scan of {admin!r} by {guard} logged: {new}"
    find_entry(cast.actor("admin").open(LogbookPage).search(admin)[:1], admin, guard=guard, chip=chip)
    return new[0]


def logbook_shown(cast: Any) -> LogbookPage:
    """The logbook in the browser of whoever acted last (opened if it is not shown)."""
    actor = cast.last_actor()
    return actor.page(LogbookPage) if actor.page(LogbookPage).is_current() else actor.open(LogbookPage)


def logbook_entry(cast: Any, name: str, **wanted: Any) -> Any:
    """The newest card of `name` on the logbook shown (opened if need be), as find_entry matches it; an
    observation (a `note` wanted) among the newest cards of the whole logbook, which the search leaves out."""
    if wanted.get("note") is not None:
        return find_entry(cast.last_actor().open(LogbookPage).newest(), name, **wanted)
    return find_entry(logbook_shown(cast).search(name), name, **wanted)

"""Tell each issue's assignees, in a note on the issue, when the deploy shipping it runs."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from prodready.release.gate import GateResult, IssueCheck
from prodready.release.gitlab_client import PER_PAGE, Connection
from prodready.release.schedule import format_time


@dataclass(frozen=True)
class NoteOutcome:
    """What happened on one issue."""

    iid: int
    web_url: str
    posted: bool  # False: an identical prodready note was already there
    reference: str = ""  # `#12`, or `group/other#12`

    def to_dict(self) -> dict[str, Any]:
        """JSON entry."""
        return {
            "iid": self.iid,
            "web_url": self.web_url,
            "posted": self.posted,
            "reference": self.reference or f"#{self.iid}",
        }


def marker(to_sha: str, when: datetime) -> str:
    """Hidden tag identifying the note: the same release at the same time is announced once."""
    return f"<!-- prodready:notify:{to_sha}:{when.strftime('%Y%m%dT%H%MZ')} -->"


def note_body(conn: Connection, gate: GateResult, check: IssueCheck, when: datetime, active: bool) -> str:
    """The note: who, what ships, when (community time and UTC), what is still missing."""
    settings = conn.settings
    contents = gate.contents
    who = " ".join(f"@{name}" for name in check.issue.assignees) or "No one is assigned:"
    paused = (
        ""
        if active
        else (f" The {settings.schedule_description!r} schedule is paused right now; this is its next time if resumed.")
    )
    lines = [
        marker(contents.to_sha, when),
        f"{who} this issue ships with the deploy of `{contents.ref}` "
        f"({contents.to_sha[:8]}) to {contents.environment} at "
        f"**{format_time(when, settings.community_timezone)}** ({format_time(when, 'UTC')}), "
        f"run by the {settings.schedule_description!r} schedule.{paused}",
        "",
        "Please be ready to support it when it goes out.",
    ]
    if check.problems:
        lines += ["", "Still missing before the deploy: " + "; ".join(check.problems) + "."]
    return "\n".join(lines)


def notify(conn: Connection, gate: GateResult, when: datetime, active: bool) -> list[NoteOutcome]:
    """Post one note per issue of the release, skipping issues already told about this deploy."""
    tag = marker(gate.contents.to_sha, when)
    outcomes = []
    for check in gate.checks:
        issue = check.issue
        with conn.call(f"notifying issue {issue.reference}"):
            notes = conn.project_of(issue.project_id).issues.get(issue.iid, lazy=True).notes
            # Every page is read: the earlier note may be far down a busy issue.
            already = any(tag in (n.attributes.get("body") or "") for n in notes.list(iterator=True, per_page=PER_PAGE))
            if not already:
                notes.create({"body": note_body(conn, gate, check, when, active)})
        outcomes.append(NoteOutcome(issue.iid, issue.web_url, posted=not already, reference=issue.reference))
    return outcomes

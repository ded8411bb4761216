"""The reminder before the deploy: the release's issues not yet verified or signed off."""

from __future__ import annotations

from datetime import datetime
from typing import Any

import requests

from prodready.release.errors import DeliveryError
from prodready.release.gate import GateResult, run_gate
from prodready.release.gitlab_client import Connection
from prodready.release.http import (
    DEADLINE_HINT,
    Deadline,
    DeadlineExceeded,
    GuardedSession,
)
from prodready.release.schedule import deploy_time, format_time, minutes_until
from prodready.release.settings import SLACK_ENV
from prodready.release.urls import checked_secret_url, show_origin


def reminder_text(conn: Connection, gate: GateResult, when: datetime, active: bool, now: datetime | None = None) -> str:
    """Slack-formatted text (mrkdwn); readable as plain text on stdout too."""
    settings = conn.settings
    contents = gate.contents
    at = f"{format_time(when, settings.community_timezone)} / {format_time(when, 'UTC')}"
    head = (
        f"Deploy of `{contents.ref}` ({contents.to_sha[:8]}) to {contents.environment} "
        f"in {_duration(minutes_until(when, now))}, at {at}."
    )
    if not active:
        head += f" The {settings.schedule_description!r} schedule is paused: no automatic deploy."
    pending = [c for c in gate.checks if c.problems]
    if not gate.checks:
        body = ["No issue ships with this release."]
    elif not pending:
        body = [f"All {len(gate.checks)} issues are verified and signed off."]
    else:
        body = [f"{len(pending)} of {len(gate.checks)} issues are not ready:"]
        for check in pending:
            issue = check.issue
            owners = ", ".join(f"@{a}" for a in issue.assignees) or "no assignee"
            body.append(f"• <{issue.web_url}|{issue.reference} {issue.title}> ({owners}): " + "; ".join(check.problems))
        body.append(
            f"Add {settings.verified_label} and the stakeholder signoff before the "
            f"deploy, or pause the {settings.schedule_description!r} schedule."
        )
    if contents.unreadable:
        body.append(
            "Merge requests closing issues this token cannot read block the deploy: "
            + ", ".join(f"<{mr.web_url}|{mr.reference}> ({'; '.join(mr.problems)})" for mr in contents.unreadable)
        )
    if gate.untracked_blocks and contents.untracked:
        body.append(
            "Merge requests closing no issue block the deploy: "
            + ", ".join(f"<{mr.web_url}|!{mr.iid}>" for mr in contents.untracked)
        )
    return "\n".join([head, *body])


def _duration(minutes: int) -> str:
    """`30 min`, `2 h 05 min`, `3 d 16 h`."""
    if minutes < 90:
        return f"{minutes} min"
    hours, mins = divmod(minutes, 60)
    if hours < 48:
        return f"{hours} h {mins:02d} min"
    return f"{hours // 24} d {hours % 24} h"


def remind(conn: Connection, *, dry_run: bool, now: datetime | None = None) -> dict[str, Any]:
    """Build the reminder and post it to Slack (or leave it for stdout)."""
    when, active = deploy_time(conn, now)
    gate = run_gate(conn)
    text = reminder_text(conn, gate, when, active, now)
    webhook = conn.settings.slack_webhook
    posted = bool(webhook) and not dry_run
    if posted:
        post_to_slack(webhook, text, conn.settings.gitlab_timeout, conn.deadline)
    return {
        "deploy_at_utc": when.isoformat(),
        "schedule_active": active,
        "verdict": gate.verdict,
        "text": text,
        "posted": posted,
        "destination": "slack" if posted else "stdout",
        "not_ready": [c.to_dict() for c in gate.checks if c.problems],
    }


def post_to_slack(url: str, text: str, timeout: float, deadline: Deadline) -> None:
    """POST to a Slack incoming webhook; any failure is an error. The URL is a secret: never shown."""
    host = show_origin(checked_secret_url(url, SLACK_ENV)).partition("://")[2]
    try:
        with GuardedSession(deadline) as session:  # the command's deadline covers Slack too
            answer = session.post(url, json={"text": text}, timeout=timeout)
    except DeadlineExceeded as exc:
        raise DeliveryError(
            f"Slack webhook at {host} did not answer within the {exc.seconds:g}s deadline ({DEADLINE_HINT})"
        ) from None
    except requests.exceptions.Timeout:
        raise DeliveryError(f"Slack webhook at {host} did not answer within {timeout:g}s") from None
    except requests.exceptions.RequestException:
        raise DeliveryError(f"cannot reach the Slack webhook at {host}") from None
    if answer.status_code != 200:
        # Slack answers e.g. 404 no_service, 400 invalid_payload, 403 action_prohibited.
        reason = " ".join(answer.text.split())[:80] or answer.reason
        raise DeliveryError(f"Slack webhook at {host} refused the reminder: HTTP {answer.status_code} {reason}")

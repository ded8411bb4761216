"""Human output: plain-text tables drawn from the same dicts `--json` prints."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any


def table(headers: Sequence[str], rows: Sequence[Sequence[Any]], max_width: int = 60) -> str:
    """Left-aligned columns; cells longer than `max_width` are cut with an ellipsis."""
    cells = [list(headers)] + [[_cell(v, max_width) for v in row] for row in rows]
    widths = [max(len(row[i]) for row in cells) for i in range(len(headers))]
    return "\n".join("  ".join(c.ljust(w) for c, w in zip(row, widths, strict=False)).rstrip() for row in cells)


def _cell(value: Any, max_width: int) -> str:
    """One cell's text: bools as yes/no, lists comma-joined, empties as '-'."""
    if isinstance(value, bool):
        text = "yes" if value else "no"
    elif isinstance(value, (list, tuple)):
        text = ", ".join(str(v) for v in value) or "-"
    else:
        text = "-" if value in (None, "") else str(value)
    return text if len(text) <= max_width else text[: max_width - 1] + "…"


def gate_text(result: dict[str, Any]) -> str:
    """The release's issues, untracked merge requests and the verdict."""
    since = f"deployment {result['from_deployment_id']}" if result.get("from_deployment_id") else "--from"
    lines = [
        f"Release to {result['environment']}: {result['from_sha'][:8]} ({since}) → "
        f"{result['to_sha'][:8]} ({result['ref']}): {result['commit_count']} commits, "
        f"{result['merge_request_count']} merge requests, {len(result['issues'])} issues",
        "",
    ]
    if result["issues"]:
        rows = [
            [
                i.get("reference") or f"#{i['iid']}",
                i["verified"],
                i["signed_off"],
                i["assignees"],
                i["problems"],
                i["title"],
            ]
            for i in result["issues"]
        ]
        lines += [table(["ISSUE", "VERIFIED", "SIGNED OFF", "ASSIGNEES", "PROBLEMS", "TITLE"], rows), ""]
    else:
        lines += ["No issue is closed by this release.", ""]
    blockers = result.get("blockers") or []
    if blockers:
        lines += [
            "Merge requests whose closing issues this token cannot read (blocking):",
            table(
                ["MR", "PROBLEMS", "URL"],
                [[b["reference"], b["problems"], b["web_url"]] for b in blockers],
                max_width=90,
            ),
            "",
        ]
    untracked = result["untracked_merge_requests"]
    if untracked:
        policy = "blocking" if result["untracked_blocks"] else "listed, not blocking"
        lines += [
            f"Merge requests closing no issue ({policy}):",
            table(
                ["MR", "TITLE", "URL"], [[f"!{m['iid']}", m["title"], m["web_url"]] for m in untracked], max_width=90
            ),
            "",
        ]
    lines.append(f"Verdict: {result['verdict']}")
    lines += [f"  - {reason}" for reason in result["reasons"]]
    return "\n".join(lines)


def notified_text(outcomes: list[dict[str, Any]]) -> str:
    """One line per issue: posted or already told."""
    return "\n".join(
        f"{o.get('reference') or '#' + str(o['iid'])}: {'note posted' if o['posted'] else 'already notified, skipped'}"
        for o in outcomes
    )


def schedule_text(status: dict[str, Any]) -> str:
    """The schedule's state and next run in UTC and community time."""
    if status["active"]:
        when = f"{status['next_run_text']}  ·  {status['next_run_community']}"
    else:
        when = f"none: paused (would be {status['next_run_text']})"
    rows = [
        ["active", status["active"]],
        ["cron", f"{status['cron']}  ({status['cron_timezone']})"],
        ["ref", status["ref"]],
        ["next run", when],
    ]
    head = f"Schedule {status['description']!r} (id {status['id']})"
    return "\n".join([head, *(f"  {key:<9} {_cell(value, 120)}" for key, value in rows)])


def ensure_text(results: list[dict[str, Any]]) -> str:
    """What ensure did to each schedule."""
    lines = []
    for r in results:
        changes = ", ".join(f"{k}: {old!r} → {new!r}" for k, (old, new) in r["changes"].items())
        lines.append(
            f"{r['description']!r} (id {r['id']}): {r['action']}"
            + (f" ({changes})" if changes and r["action"] == "updated" else "")
        )
    return "\n".join(lines)


def rollback_text(result: dict[str, Any]) -> str:
    """Current and previous deployments, blockers, verdict."""
    rows = [
        [name, d["deployment_id"], d["sha"][:12], d["ref"], d["finished_at"], d["job_id"]]
        for name, d in (("current", result["current"]), ("previous", result["previous"]))
    ]
    count = result["changed_files"]
    lines = [
        table(["", "DEPLOYMENT", "SHA", "REF", "FINISHED", "JOB"], rows),
        "",
        f"{count} file{'' if count == 1 else 's'} differ between them.",
    ]
    if result["blockers"]:
        lines.append("Changes a redeploy would not undo:")
        lines.append(
            table(
                ["PATH", "CHANGE", "MATCHES"],
                [[b["path"] or b.get("reason"), b["change"], b["pattern"]] for b in result["blockers"]],
                max_width=90,
            )
        )
    lines.append(f"Verdict: {result['verdict']}")
    return "\n".join(lines)

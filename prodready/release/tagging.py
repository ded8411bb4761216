"""The deploy step: the next version tag and its release notes, like the platform's lib/deploy.rb."""

from __future__ import annotations

import re
from typing import Any

from prodready.release.contents import Issue, MergeRequest
from prodready.release.gate import GateResult
from prodready.release.gitlab_client import PER_PAGE, Connection

VERSION = re.compile(r"^(?P<prefix>v?)(?P<major>\d+)\.(?P<minor>\d+)\.(?P<patch>\d+)$")


def next_version(latest: str | None) -> str:
    """Patch + 1; a patch past 9 rolls into the minor, a minor past 9 into the major (1.4.9 → 1.5.0)."""
    match = VERSION.match(latest or "0.0.0")
    if not match:
        raise ValueError(f"not a MAJOR.MINOR.PATCH version: {latest!r}")
    major, minor, patch = (int(match[k]) for k in ("major", "minor", "patch"))
    patch += 1
    if patch > 9:
        patch, minor = 0, minor + 1
    if minor > 9:
        minor, major = 0, major + 1
    return f"{match['prefix']}{major}.{minor}.{patch}"


def tag_message(issues: list[Issue]) -> str:
    """One "iid url title" line per issue, as the platform's tags have them."""
    return "\n".join(f"{i.iid} {i.web_url} {i.title}" for i in issues)


def release_notes(issues: list[Issue], untracked: list[MergeRequest]) -> str:
    """A Markdown table Issue ID | URL | Title; merge requests closing no issue after it."""
    lines = ["| Issue ID | URL | Title |", "| --- | --- | --- |"]
    lines += [f"| {i.iid} | {i.web_url} | {_cell(i.title)} |" for i in issues]
    if untracked:
        lines += [
            "",
            "Merge requests that close no issue:",
            "",
            "| Merge request | URL | Title |",
            "| --- | --- | --- |",
        ]
        lines += [f"| !{m.iid} | {m.web_url} | {_cell(m.title)} |" for m in untracked]
    return "\n".join(lines)


def latest_version_tag(conn: Connection) -> tuple[str, str] | None:
    """(name, commit sha) of the highest MAJOR.MINOR.PATCH tag, or None."""
    with conn.call("listing tags"):
        tags = conn.project.tags.list(order_by="version", sort="desc", per_page=PER_PAGE, iterator=True)
        for tag in tags:  # lazily: usually the first page holds the answer
            data = tag.attributes
            if VERSION.match(data["name"]):
                return str(data["name"]), str(data["commit"]["id"])
    return None


def create_release_tag(conn: Connection, gate: GateResult, *, dry_run: bool) -> dict[str, Any]:
    """Tag the gated commit with the next version and publish the release notes.

    The tag points at the sha the gate judged, never at the branch head: whatever merged after
    the gate ran waits for the next deploy.
    """
    contents = gate.contents
    result: dict[str, Any] = {
        "verdict": gate.verdict,
        "to_sha": contents.to_sha,
        "issues": [i.iid for i in contents.issues],
    }
    if contents.commit_count == 0:
        return {**result, "action": "nothing to release", "tag": None}
    latest = latest_version_tag(conn)
    if latest and latest[1] == contents.to_sha:
        # A retried job must not stack a second tag on the same commit.
        return {**result, "action": "already tagged", "tag": latest[0]}
    name = next_version(latest[0] if latest else None)
    message = tag_message(contents.issues) or f"{contents.commit_count} commits, no issue"
    notes = release_notes(contents.issues, contents.untracked)
    result.update(tag=name, previous_tag=latest[0] if latest else None, message=message, release_notes=notes)
    if dry_run:
        return {**result, "action": "would create"}
    with conn.call(f"creating tag {name}"):
        conn.project.tags.create({"tag_name": name, "ref": contents.to_sha, "message": message})
    with conn.call(f"creating release {name}"):
        release = conn.project.releases.create({"tag_name": name, "name": name, "description": notes})
        links = release.attributes.get("_links") or {}
    return {**result, "action": "created", "release_url": links.get("self")}


def _cell(text: str) -> str:
    """A table cell: pipes escaped, newlines flattened."""
    return " ".join(text.split()).replace("|", "\\|")

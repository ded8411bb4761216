"""The readiness report's release sections: the gate's issues and merge requests, the issues scenarios verify."""

from __future__ import annotations

from typing import Any

from prodready.reporting.report_bits import anchor, e, pill


def _verified_by(iid: Any, issues: list[dict[str, Any]]) -> str:
    """The scenarios tagged @issue.<iid>, as a pill and a count ('none' when there are none)."""
    found = next((i for i in issues if str(i["iid"]) == str(iid)), None)
    if found is None:
        return '<span class="muted">none</span>'
    return f"{pill(found['status'])} {len(found['scenarios'])}"


def issues_section(issues: list[dict[str, Any]], gate: dict[str, Any] | None) -> str:
    """Issues verified by @issue.<iid> scenarios that the gate did not already list."""
    listed = {str(i.get("iid")) for i in (gate or {}).get("issues") or []}
    rows = "".join(
        f"<tr><td>#{e(i['iid'])}</td><td>{pill(i['status'])}</td><td>"
        + "; ".join(f'<a href="#{e(anchor(s))}">{e(s["name"])}</a>' for s in i["scenarios"])
        + "</td></tr>"
        for i in issues
        if str(i["iid"]) not in listed
    )
    if not rows:
        return ""
    return (
        f'<section id="issues"><h2>Issues verified by scenarios</h2><table><tr><th>Issue</th><th>Status</th>'
        f"<th>Scenarios (@issue tags)</th></tr>{rows}</table></section>"
    )


def gate_section(gate: dict[str, Any] | None, issues: list[dict[str, Any]]) -> str:
    if gate is None:
        return ""
    head = (
        f"<p>{pill(gate.get('verdict', 'NO-GO'))} environment "
        f"<b>{e(gate.get('environment', '?'))}</b>, changes {e(gate.get('from_sha', '?'))[:12]} → "
        f"{e(gate.get('to_sha', '?'))[:12]}</p>"
    )
    if gate.get("error"):
        head += f'<pre class="error">{e(gate["error"])}</pre>'
    rows = "".join(
        f'<tr><td><a href="{e(i.get("web_url"))}">{e(i.get("reference") or "#" + str(i.get("iid")))}</a></td>'
        f"<td>{e(i.get('title'))}</td>"
        f"<td>{e(', '.join(i.get('assignees') or []))}</td><td>{'✓' if i.get('verified') else '✗'}</td>"
        f"<td>{'✓' if i.get('signed_off') else '✗'}</td><td>{_verified_by(i.get('iid'), issues)}</td>"
        f"<td>{e('; '.join(i.get('problems') or []))}</td></tr>"
        for i in gate.get("issues") or []
    )
    table = (
        (
            f"<table><tr><th>Issue</th><th>Title</th><th>Assignees</th><th>Verified</th><th>Signed off</th>"
            f"<th>Scenarios</th><th>Problems</th></tr>{rows}</table>"
        )
        if rows
        else "<p class=muted>No issues in this release.</p>"
    )
    untracked = "".join(
        f'<li><a href="{e(m.get("web_url"))}">!{e(m.get("iid"))}</a> {e(m.get("title"))}</li>'
        for m in gate.get("untracked_merge_requests") or []
    )
    untracked = f"<p>Merge requests that close no issue:</p><ul>{untracked}</ul>" if untracked else ""
    blockers = "".join(
        f'<li><a href="{e(m.get("web_url"))}">{e(m.get("reference") or "!" + str(m.get("merge_request")))}</a> '
        f"{e(m.get('title'))}: {e('; '.join(m.get('problems') or []))}</li>"
        for m in gate.get("blockers") or []
    )
    blockers = (
        (
            f'<p class="error">Merge requests whose issues cannot be read (they block the release):</p>'
            f"<ul>{blockers}</ul>"
        )
        if blockers
        else ""
    )
    return f'<section id="gate"><h2>Release gate</h2>{head}{table}{blockers}{untracked}</section>'

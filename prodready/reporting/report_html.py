"""readiness.html: one self-contained page (inline CSS, images as data: URIs, trend as inline SVG)."""

from __future__ import annotations

import base64
from pathlib import Path
from typing import Any

from prodready.core.verdicts import GO
from prodready.reporting.history import strip, trend_svg
from prodready.reporting.report_bits import anchor, e, pill, seconds, when
from prodready.reporting.report_gate import gate_section, issues_section
from prodready.reporting.report_style import CSS
from prodready.reporting.results import FAILED, FLAKY, KNOWN_DEFECT, NOT_RUN, PASSED


def render(report: dict[str, Any], runs: list[dict[str, Any]], reports: Path) -> str:
    """The whole page, verdict first."""
    parts = [
        _verdict(report),
        _checklist(report),
        _ledger(report.get("ledger") or {}),
        gate_section(report.get("gate"), report.get("issues") or []),
        issues_section(report.get("issues") or [], report.get("gate")),
        _trend(runs),
        _scenarios(report, runs, reports),
        _details(report),
    ]
    return (
        '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width,initial-scale=1">'
        f"<title>Production readiness: {e(report['verdict'])}</title><style>{CSS}</style></head>"
        f"<body><main>{''.join(parts)}<footer>prodready readiness report · {e(report['run'].get('finished'))} · "
        "raw data: readiness.json, behave.json, junit/, history.json</footer></main></body></html>"
    )


def _verdict(report: dict[str, Any]) -> str:
    go = report["verdict"] == GO
    counts, run = report["counts"], report["run"]
    headline = _headline(go, run)
    reasons = "".join(f"<li>{e(r['text'])}{_reason_detail(r)}</li>" for r in report["reasons"])
    facts = (
        f"{counts['ran']} scenarios ran: {counts[PASSED]} passed, {counts[FAILED]} failed, "
        + (f"{counts['known_defect']} known platform defects, " if counts.get("known_defect") else "")
        + f"{counts[FLAKY]} flaky · checklist {report['coverage']['covered']}/{report['coverage']['total']} "
        f"items covered · target <b>{e(run.get('target'))}</b> · {seconds(run.get('duration'))} · "
        f"{e(when(run.get('finished')))}"
    )
    warnings = "".join(f'<div class="warnings">⚠ {e(w)}</div>' for w in report["warnings"])
    return (
        f'<header id="verdict" class="verdict {"go" if go else "no-go"}" data-verdict="{e(report["verdict"])}">'
        f'<div class="word">{e(report["verdict"])}</div><div><div class="headline">{headline}</div>'
        f'{"<ul class=reasons>" + reasons + "</ul>" if reasons else ""}<div class="facts">{facts}</div></div>'
        f"</header>{warnings}"
    )


def _headline(go: bool, run: dict[str, Any]) -> str:
    """What the verdict means where it was measured: a GO on the reference app proves the suite, not a deploy."""
    target = run.get("target") or "?"
    if run.get("embedded"):
        return (
            f"Every must-work feature passed on {target}, the reference app"
            if go
            else f"Not ready: problems on {target}, the reference app"
        )
    return f"Every must-work feature works on {target}" if go else f"Do not ship: problems on {target}"


def _reason_detail(reason: dict[str, Any]) -> str:
    """': Payments (Payments Dashboard, Submitting a payment) · Forms (…)' or ': scenario; scenario'."""
    if reason.get("items"):
        areas: dict[str, list[str]] = {}
        for text in reason["items"]:
            area, _, title = text.partition(": ")
            areas.setdefault(area, []).append(title)
        return ": " + " · ".join(f"<b>{e(a)}</b> ({e(', '.join(t))})" for a, t in areas.items())
    if reason.get("scenarios"):
        return ": " + e("; ".join(reason["scenarios"]))
    return ""


def _checklist(report: dict[str, Any]) -> str:
    rows, area = [], None
    for item in report["checklist"]:
        if item["area"] != area:
            area = item["area"]
            rows.append(f'<tr class="area"><th colspan="3">{e(area)}</th></tr>')
        rows.append(
            f'<tr class="item" data-item="{e(item["id"])}" data-status="{e(item["status"])}">'
            f'<td class="title">{e(item["title"])}</td><td>{pill(item["status"])}</td>'
            f"<td>{_item_detail(item)}</td></tr>"
        )
    return (
        f'<section id="checklist"><h2>Production checklist</h2><table class="checklist">'
        f"<tr><th>Must always work</th><th>Status</th><th>Checked by</th></tr>{''.join(rows)}</table></section>"
    )


def _item_detail(item: dict[str, Any]) -> str:
    """'7 scenarios, all passed' (expandable to their names), or why the item is not covered."""
    if item.get("note"):
        return f'<span class="note">{e(item["note"])}</span>'
    scenarios = item["scenarios"]
    bad = [s for s in scenarios if s["status"] in (FAILED, KNOWN_DEFECT, FLAKY)]
    statuses = {s["status"] for s in bad}
    how = "failed" if FAILED in statuses else "red for known defects" if KNOWN_DEFECT in statuses else "flaky"
    words = f"{len(scenarios)} scenario{'s' if len(scenarios) != 1 else ''}, " + (
        f"{len(bad)} {how}" if bad else "all passed" if len(scenarios) > 1 else "passed"
    )
    links = "".join(
        f'<li class="st-{e(s["status"].replace(" ", "-"))}"><a href="#{anchor(s)}">{e(s["name"])}</a></li>'
        for s in scenarios
    )
    return f"<details{' open' if bad else ''}><summary>{words}</summary><ul class=scns>{links}</ul></details>"


def _ledger(ledger: dict[str, Any]) -> str:
    """The known platform defects of this run: each with its severity, its scenarios and where it stands."""
    rows = ledger.get("defects") or []
    stray = ledger.get("undocumented_tags") or []
    if not ledger.get("applies") or not (rows or stray):
        return ""
    body = "".join(
        f'<tr data-defect="{e(r["id"])}" data-state="{e(r["state"])}"><td><code>{e(r["id"])}</code><br>'
        f"{e(r['title'])}</td><td>{e(r['severity'])}</td><td>{e(r['state'])}</td><td><ul class=scns>"
        + "".join(
            f'<li class="st-{e(x["status"].replace(" ", "-"))}"><a href="#{anchor(x)}">{e(x["name"])}</a></li>'
            for x in r["scenarios"]
        )
        + "</ul></td></tr>"
        for r in rows
    )
    note = (
        '<p class="note">Tags naming no documented defect (their failures count as failures): '
        f"{e('; '.join(stray))}</p>"
        if stray
        else ""
    )
    return (
        '<section id="ledger"><h2>Known platform defects</h2><p class="note">Scenarios red on this target for a '
        "defect documented in docs/platform-defects.md: the platform is wrong there and the suite says so on "
        "purpose. Each is still a NO-GO for its checklist item; one that passes is flagged (fixed?).</p>"
        f'<table class="checklist"><tr><th>Defect</th><th>Severity</th><th>Now</th><th>Scenarios</th></tr>{body}'
        f"</table>{note}</section>"
    )


def _trend(runs: list[dict[str, Any]]) -> str:
    if not runs:
        return ""
    return (
        f'<section id="trend"><h2>Trend: the last {len(runs)} run{"s" if len(runs) != 1 else ""}</h2>'
        f"{trend_svg(runs)}<p class=muted>Bars: run time, green for GO and red for NO-GO; below, failed (red) "
        f"and flaky (orange) scenarios per run. Hover a bar for details.</p></section>"
    )


def _scenarios(report: dict[str, Any], runs: list[dict[str, Any]], reports: Path) -> str:
    ran = [s for s in report["scenarios"] if s["status"] != NOT_RUN]
    order = {FAILED: 0, KNOWN_DEFECT: 1, FLAKY: 2, PASSED: 3}
    ran.sort(key=lambda s: order.get(s["status"], 3))
    cards = "".join(_scenario(s, runs, reports) for s in ran)
    skipped = [s for s in report["scenarios"] if s["status"] == NOT_RUN]
    rest = ""
    if skipped:
        items = "".join(f"<li>{e(s['name'])} <span class=muted>{e(s['location'])}</span></li>" for s in skipped)
        rest = (
            f"<details><summary>{len(skipped)} scenario{'s' if len(skipped) != 1 else ''} not run "
            f"(not selected)</summary><ul>{items}</ul></details>"
        )
    return (
        f'<section id="scenarios"><h2>Scenarios ({len(ran)} ran)</h2>'
        f"<p class=muted>Failures first; each shows its steps and timings. The small squares are the "
        f"scenario's last runs, oldest first.</p>{cards}{rest}</section>"
    )


def _scenario(s: dict[str, Any], runs: list[dict[str, Any]], reports: Path) -> str:
    bad = s["status"] in (FAILED, FLAKY, KNOWN_DEFECT)
    hist = "".join(f'<i class="{e(h)}" title="{e(h or "not run")}"></i>' for h in strip(runs, s["key"]))
    steps = "".join(
        f'<tr><td class="s st-{e(st["status"])}">{_mark(st["status"])}</td><td><span class="kw">{e(st["keyword"])}'
        f'</span> {e(st["name"])}</td><td class="dur">{seconds(st["duration"]) if st["status"] != "untested" else ""}'
        "</td></tr>"
        for st in s["steps"]
    )
    error = f'<pre class="error">{e(s["error"])}</pre>' if s.get("error") else ""
    for line, advice in (s.get("suggestions") or {}).items():
        error += (
            f"<p>No step understands <code>{e(line)}</code>. The nearest steps of the "
            f'<a href="../docs/steps.md">catalogue</a>:</p><ul>' + "".join(f"<li>{e(a)}</li>" for a in advice) + "</ul>"
        )
    flaky = (
        (
            f"<p>Failed at first, passed on attempt {s['attempts']}: an unreliable scenario (or an "
            f"unreliable feature) to look into.</p>"
        )
        if s["status"] == FLAKY
        else ""
    )
    evidence = "".join(_actor(a, reports) for a in s.get("evidence") or [])
    evidence = f'<h4>What each person saw when it failed</h4><div class="evidence">{evidence}</div>' if evidence else ""
    tags = " ".join(f"@{t}" for t in s["tags"])
    return (
        f'<details class="scenario {s["status"]}-card" id="{anchor(s)}" data-status="{e(s["status"])}"'
        f'{" open" if bad else ""}><summary>{pill(s["status"])}<span class="name">{e(s["name"])}</span>'
        f'<span class="hist">{hist}</span><span class="dur">{seconds(s["duration"])}</span></summary>'
        f'<div class="body"><div class="muted">{e(s["feature"])} · <code>{e(s["location"])}</code> · '
        f'<code>{e(tags)}</code></div>{flaky}<table class="steps">{steps}</table>{error}{evidence}</div></details>'
    )


def _mark(status: str) -> str:
    return {"passed": "✓", "failed": "✗", "error": "✗", "undefined": "?", "skipped": "–"}.get(status, "·")


def _actor(actor: dict[str, Any], reports: Path) -> str:
    picture = ""
    if actor.get("screenshot"):
        path = reports / actor["screenshot"]
        if path.is_file():
            data = base64.b64encode(path.read_bytes()).decode("ascii")
            picture = f'<img alt="screenshot of {e(actor.get("actor"))}\'s browser" src="data:image/png;base64,{data}">'
    errors = actor.get("console_errors") or []
    console = (
        f'<div>Console errors:</div><pre class="console">{e(chr(10).join(errors))}</pre>'
        if errors
        else '<div class="muted">No console errors.</div>'
    )
    problem = f'<div class="muted">{e(actor["error"])}</div>' if actor.get("error") else ""
    return (
        f'<div class="actor"><b>{e(actor.get("actor"))}</b> <span class="muted">{e(actor.get("name"))}</span>'
        f'<div class="url">URL: <code>{e(actor.get("url") or "—")}</code></div>{console}{problem}{picture}</div>'
    )


def _details(report: dict[str, Any]) -> str:
    run = report["run"]
    seed = run.get("seed")
    seeds = run.get("seeds") or ([seed] if seed is not None else [])
    rows = [
        ("Target", run.get("target")),
        ("Base URL", run.get("base_url")),
        ("Read-only target", "yes" if run.get("read_only") else "no"),
        ("Browser", run.get("browser")),
        ("Faker seed", ", ".join(str(x) for x in seeds) + (f"  (replay: -D seed={seeds[0]})" if seeds else "")),
        ("Suite commit", run.get("commit")),
        ("Platform commit", run.get("platform_commit")),
        ("Started", when(run.get("started"))),
        ("Finished", when(run.get("finished"))),
        ("Duration", seconds(run.get("duration"))),
        ("Command", run.get("command")),
        ("Workers", run.get("workers")),
        ("Run status", run.get("status")),
    ]
    body = "".join(f"<tr><td>{e(k)}</td><td><code>{e(v)}</code></td></tr>" for k, v in rows if v not in (None, ""))
    return f'<section id="run"><h2>Run details</h2><table class="meta">{body}</table></section>'

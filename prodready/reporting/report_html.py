"""readiness.html: one self-contained page (inline CSS, images as data: URIs, trend as inline SVG)."""
from __future__ import annotations

import base64
from datetime import datetime
from html import escape
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from prodready.core.artifacts import slug
from prodready.reporting.history import strip, trend_svg
from prodready.reporting.readiness import (
    FAILED,
    FLAKY,
    GO,
    NOT_COVERED,
    NOT_RUN,
    PASSED,
)

COMMUNITY_TZ = ZoneInfo("Africa/Lusaka")
LABELS = {PASSED: "✓ Passed", FAILED: "✗ Failed", FLAKY: "⚠ Flaky", NOT_COVERED: "— Not covered",
          NOT_RUN: "not run", "skipped": "skipped", "untested": "not run", "undefined": "✗ Undefined",
          "error": "✗ Error"}
CSS = """
:root{--go:#2e7d32;--go-bg:#e8f5e9;--no:#c62828;--no-bg:#fdecea;--warn:#ef8f00;--warn-bg:#fff4e0;
--ink:#1d2330;--muted:#5f6b7a;--line:#dde3ea;--panel:#fff;--page:#f3f5f8}
*{box-sizing:border-box}body{margin:0;font:15px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;
color:var(--ink);background:var(--page)}main{max-width:1100px;margin:0 auto;padding:24px 20px 60px}
h2{font-size:20px;margin:34px 0 12px}h3{font-size:15px;margin:0 0 8px;text-transform:uppercase;
letter-spacing:.04em;color:var(--muted)}a{color:#1f5fbf}code,pre{font:13px/1.4 ui-monospace,Menlo,Consolas,monospace}
.verdict{border-radius:14px;padding:26px 30px;color:#fff;display:flex;gap:30px;align-items:center;flex-wrap:wrap}
.verdict.go{background:var(--go)}.verdict.no-go{background:var(--no)}
.verdict .word{font-size:64px;font-weight:800;letter-spacing:.02em;line-height:1}
.verdict .headline{font-size:22px;font-weight:600}.verdict ul{margin:8px 0 0;padding-left:20px}
.verdict li{margin:2px 0}.verdict .facts{margin-top:10px;opacity:.92;font-size:14px}
.warnings{background:var(--warn-bg);border:1px solid var(--warn);border-radius:10px;padding:10px 16px;margin-top:12px}
table.checklist{border:1px solid var(--line);border-radius:12px;overflow:hidden;border-collapse:separate;
border-spacing:0}table.checklist td{padding:9px 14px}table.checklist .title{font-weight:600;width:34%}
table.checklist tr.area th{background:#eef1f5;color:var(--ink);font-size:13px;text-transform:uppercase;
letter-spacing:.05em;padding:7px 14px}table.checklist td:nth-child(2){width:150px}
.note{color:var(--no);font-size:14px}table.checklist summary{cursor:pointer;color:var(--muted)}
ul.scns{margin:6px 0 0;padding-left:18px;font-size:13px}ul.scns li.st-failed a{color:var(--no);font-weight:600}
ul.scns li.st-flaky a{color:#9a5b00;font-weight:600}
.pill{display:inline-block;min-width:112px;text-align:center;border-radius:999px;padding:2px 10px;font-size:13px;
font-weight:700;white-space:nowrap}
.pill.passed{background:var(--go-bg);color:var(--go)}.pill.failed{background:var(--no-bg);color:var(--no)}
.pill.flaky{background:var(--warn-bg);color:#9a5b00}.pill.not-covered{background:#eceff3;color:var(--no);
border:1px dashed var(--no)}.pill.not-run{background:#eceff3;color:var(--muted)}
.pill.GO{background:var(--go-bg);color:var(--go)}.pill.NO-GO{background:var(--no-bg);color:var(--no)}
table{border-collapse:collapse;width:100%;background:var(--panel)}th,td{text-align:left;padding:6px 10px;
border-bottom:1px solid var(--line);vertical-align:top}th{font-size:13px;color:var(--muted);font-weight:600}
details.scenario{background:var(--panel);border:1px solid var(--line);border-radius:10px;margin:8px 0}
details.scenario>summary{cursor:pointer;padding:10px 14px;display:flex;gap:12px;align-items:center;list-style:none}
details.scenario>summary::-webkit-details-marker{display:none}details.scenario>summary .name{flex:1;font-weight:600}
details.scenario[open]>summary{border-bottom:1px solid var(--line)}.body{padding:12px 16px}
.failed-card{border-left:5px solid var(--no)!important}.flaky-card{border-left:5px solid var(--warn)!important}
.dur{color:var(--muted);font-variant-numeric:tabular-nums;white-space:nowrap}
.steps td.s{width:24px;text-align:center;font-weight:700}.steps .kw{color:var(--muted);font-weight:600}
.st-passed{color:var(--go)}.st-failed,.st-error,.st-undefined{color:var(--no)}.st-skipped,.st-untested{color:#98a2ae}
pre.error{background:var(--no-bg);border:1px solid #f3b9b3;padding:10px;border-radius:8px;white-space:pre-wrap;
overflow-wrap:anywhere}.evidence{display:grid;grid-template-columns:repeat(auto-fit,minmax(460px,1fr));gap:14px;
margin-top:12px}.actor{border:1px solid var(--line);border-radius:10px;padding:10px;background:#fafbfc}
.actor img{width:100%;border:1px solid var(--line);border-radius:6px;display:block}.actor .url{overflow-wrap:anywhere}
.console{font-size:12px;background:#1d2330;color:#f5d0cb;padding:8px;border-radius:6px;white-space:pre-wrap}
.hist{display:inline-flex;gap:2px}
.hist i{width:9px;height:14px;border-radius:2px;background:#e3e7ec;display:inline-block}
.hist i.passed{background:var(--go)}.hist i.failed{background:var(--no)}.hist i.flaky{background:var(--warn)}
.trend{width:100%;max-width:760px;height:auto;background:var(--panel);border:1px solid var(--line);border-radius:10px;
padding:10px}.trend .axis{font-size:11px;fill:#5f6b7a}.trend .now{font-weight:700;fill:#1d2330}
.trend .base{stroke:#c9d1da}.muted{color:var(--muted)}.meta td:first-child{width:190px;color:var(--muted)}
footer{margin-top:40px;color:var(--muted);font-size:12px}
"""


def e(value: Any) -> str:
    """HTML-escaped text."""
    return escape("" if value is None else str(value))


def when(iso_text: str | None) -> str:
    """'27 Nov 2026 15:59 UTC (17:59 in the community)'."""
    if not iso_text:
        return "—"
    moment = datetime.fromisoformat(iso_text.replace("Z", "+00:00"))
    return f"{moment:%d %b %Y %H:%M} UTC ({moment.astimezone(COMMUNITY_TZ):%H:%M} in the community, Africa/Lusaka)"


def seconds(value: float | None) -> str:
    """'0.42 s', '1 min 05 s'."""
    value = float(value or 0)
    return f"{value:.2f} s" if value < 60 else f"{int(value // 60)} min {int(value % 60):02d} s"


def pill(status: str) -> str:
    return f'<span class="pill {e(status.replace(" ", "-"))}">{e(LABELS.get(status, status))}</span>'


def anchor(scenario: dict[str, Any]) -> str:
    return "s-" + slug(f"{scenario['location']}-{scenario['name']}")


def render(report: dict[str, Any], runs: list[dict[str, Any]], reports: Path) -> str:
    """The whole page, verdict first."""
    parts = [_verdict(report), _checklist(report), _gate(report.get("gate"), report.get("issues") or []),
             _issues(report.get("issues") or [], report.get("gate")), _trend(runs),
             _scenarios(report, runs, reports), _details(report)]
    return ("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">"
            "<meta name=\"viewport\" content=\"width=device-width,initial-scale=1\">"
            f"<title>Production readiness: {e(report['verdict'])}</title><style>{CSS}</style></head>"
            f"<body><main>{''.join(parts)}<footer>prodready readiness report · {e(report['run'].get('finished'))} · "
            "raw data: readiness.json, behave.json, junit/, history.json</footer></main></body></html>")


def _verdict(report: dict[str, Any]) -> str:
    go = report["verdict"] == GO
    counts, run = report["counts"], report["run"]
    headline = _headline(go, run)
    reasons = "".join(f"<li>{e(r['text'])}{_reason_detail(r)}</li>" for r in report["reasons"])
    facts = (f"{counts['ran']} scenarios ran: {counts[PASSED]} passed, {counts[FAILED]} failed, "
             f"{counts[FLAKY]} flaky · checklist {report['coverage']['covered']}/{report['coverage']['total']} "
             f"items covered · target <b>{e(run.get('target'))}</b> · {seconds(run.get('duration'))} · "
             f"{e(when(run.get('finished')))}")
    warnings = "".join(f"<div class=\"warnings\">⚠ {e(w)}</div>" for w in report["warnings"])
    return (f'<header id="verdict" class="verdict {"go" if go else "no-go"}" data-verdict="{e(report["verdict"])}">'
            f'<div class="word">{e(report["verdict"])}</div><div><div class="headline">{headline}</div>'
            f'{"<ul class=reasons>" + reasons + "</ul>" if reasons else ""}<div class="facts">{facts}</div></div>'
            f"</header>{warnings}")


def _headline(go: bool, run: dict[str, Any]) -> str:
    """What the verdict means where it was measured: a GO on the reference app proves the suite, not a deploy."""
    target = run.get("target") or "?"
    if run.get("embedded"):
        return (f"Every must-work feature passed on {target}, the reference app" if go
                else f"Not ready: problems on {target}, the reference app")
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
        rows.append(f'<tr class="item" data-item="{e(item["id"])}" data-status="{e(item["status"])}">'
                    f'<td class="title">{e(item["title"])}</td><td>{pill(item["status"])}</td>'
                    f"<td>{_item_detail(item)}</td></tr>")
    return (f'<section id="checklist"><h2>Production checklist</h2><table class="checklist">'
            f'<tr><th>Must always work</th><th>Status</th><th>Checked by</th></tr>{"".join(rows)}</table></section>')


def _item_detail(item: dict[str, Any]) -> str:
    """'7 scenarios, all passed' (expandable to their names), or why the item is not covered."""
    if item.get("note"):
        return f'<span class="note">{e(item["note"])}</span>'
    scenarios = item["scenarios"]
    bad = [s for s in scenarios if s["status"] in (FAILED, FLAKY)]
    words = (f"{len(scenarios)} scenario{'s' if len(scenarios) != 1 else ''}, "
             + (f"{len(bad)} {'failed' if any(s['status'] == FAILED for s in bad) else 'flaky'}" if bad
                else "all passed" if len(scenarios) > 1 else "passed"))
    links = "".join(f'<li class="st-{e(s["status"])}"><a href="#{anchor(s)}">{e(s["name"])}</a></li>'
                    for s in scenarios)
    return f"<details{' open' if bad else ''}><summary>{words}</summary><ul class=scns>{links}</ul></details>"


def _verified_by(iid: Any, issues: list[dict[str, Any]]) -> str:
    """The scenarios tagged @issue.<iid>, as a pill and a count ('none' when there are none)."""
    found = next((i for i in issues if str(i["iid"]) == str(iid)), None)
    if found is None:
        return '<span class="muted">none</span>'
    return f'{pill(found["status"])} {len(found["scenarios"])}'


def _issues(issues: list[dict[str, Any]], gate: dict[str, Any] | None) -> str:
    """Issues verified by @issue.<iid> scenarios that the gate did not already list."""
    listed = {str(i.get("iid")) for i in (gate or {}).get("issues") or []}
    rows = "".join(
        f'<tr><td>#{e(i["iid"])}</td><td>{pill(i["status"])}</td><td>'
        + "; ".join(f'<a href="#{e(anchor(s))}">{e(s["name"])}</a>' for s in i["scenarios"])
        + "</td></tr>" for i in issues if str(i["iid"]) not in listed)
    if not rows:
        return ""
    return (f'<section id="issues"><h2>Issues verified by scenarios</h2><table><tr><th>Issue</th><th>Status</th>'
            f"<th>Scenarios (@issue tags)</th></tr>{rows}</table></section>")


def _gate(gate: dict[str, Any] | None, issues: list[dict[str, Any]]) -> str:
    if gate is None:
        return ""
    head = (f'<p>{pill(gate.get("verdict", "NO-GO"))} environment '
            f'<b>{e(gate.get("environment", "?"))}</b>, changes {e(gate.get("from_sha", "?"))[:12]} → '
            f'{e(gate.get("to_sha", "?"))[:12]}</p>')
    if gate.get("error"):
        head += f'<pre class="error">{e(gate["error"])}</pre>'
    rows = "".join(
        f'<tr><td><a href="{e(i.get("web_url"))}">{e(i.get("reference") or "#" + str(i.get("iid")))}</a></td>'
        f'<td>{e(i.get("title"))}</td>'
        f'<td>{e(", ".join(i.get("assignees") or []))}</td><td>{"✓" if i.get("verified") else "✗"}</td>'
        f'<td>{"✓" if i.get("signed_off") else "✗"}</td><td>{_verified_by(i.get("iid"), issues)}</td>'
        f'<td>{e("; ".join(i.get("problems") or []))}</td></tr>'
        for i in gate.get("issues") or [])
    table = (f"<table><tr><th>Issue</th><th>Title</th><th>Assignees</th><th>Verified</th><th>Signed off</th>"
             f"<th>Scenarios</th><th>Problems</th></tr>{rows}</table>") if rows else "<p class=muted>No issues in this release.</p>"
    untracked = "".join(f'<li><a href="{e(m.get("web_url"))}">!{e(m.get("iid"))}</a> {e(m.get("title"))}</li>'
                        for m in gate.get("untracked_merge_requests") or [])
    untracked = f"<p>Merge requests that close no issue:</p><ul>{untracked}</ul>" if untracked else ""
    blockers = "".join(f'<li><a href="{e(m.get("web_url"))}">{e(m.get("reference") or "!" + str(m.get("merge_request")))}</a> '
                       f'{e(m.get("title"))}: {e("; ".join(m.get("problems") or []))}</li>'
                       for m in gate.get("blockers") or [])
    blockers = (f'<p class="error">Merge requests whose issues cannot be read (they block the release):</p>'
                f'<ul>{blockers}</ul>') if blockers else ""
    return f'<section id="gate"><h2>Release gate</h2>{head}{table}{blockers}{untracked}</section>'


def _trend(runs: list[dict[str, Any]]) -> str:
    if not runs:
        return ""
    return (f'<section id="trend"><h2>Trend: the last {len(runs)} run{"s" if len(runs) != 1 else ""}</h2>'
            f"{trend_svg(runs)}<p class=muted>Bars: run time, green for GO and red for NO-GO; below, failed (red) "
            f"and flaky (orange) scenarios per run. Hover a bar for details.</p></section>")


def _scenarios(report: dict[str, Any], runs: list[dict[str, Any]], reports: Path) -> str:
    ran = [s for s in report["scenarios"] if s["status"] != NOT_RUN]
    order = {FAILED: 0, FLAKY: 1, PASSED: 2}
    ran.sort(key=lambda s: order.get(s["status"], 3))
    cards = "".join(_scenario(s, runs, reports) for s in ran)
    skipped = [s for s in report["scenarios"] if s["status"] == NOT_RUN]
    rest = ""
    if skipped:
        items = "".join(f"<li>{e(s['name'])} <span class=muted>{e(s['location'])}</span></li>" for s in skipped)
        rest = (f"<details><summary>{len(skipped)} scenario{'s' if len(skipped) != 1 else ''} not run "
                f"(not selected)</summary><ul>{items}</ul></details>")
    return (f'<section id="scenarios"><h2>Scenarios ({len(ran)} ran)</h2>'
            f"<p class=muted>Failures first; each shows its steps and timings. The small squares are the "
            f"scenario's last runs, oldest first.</p>{cards}{rest}</section>")


def _scenario(s: dict[str, Any], runs: list[dict[str, Any]], reports: Path) -> str:
    bad = s["status"] in (FAILED, FLAKY)
    hist = "".join(f'<i class="{e(h)}" title="{e(h or "not run")}"></i>' for h in strip(runs, s["key"]))
    steps = "".join(
        f'<tr><td class="s st-{e(st["status"])}">{_mark(st["status"])}</td><td><span class="kw">{e(st["keyword"])}'
        f'</span> {e(st["name"])}</td><td class="dur">{seconds(st["duration"]) if st["status"] != "untested" else ""}'
        "</td></tr>" for st in s["steps"])
    error = f'<pre class="error">{e(s["error"])}</pre>' if s.get("error") else ""
    for line, advice in (s.get("suggestions") or {}).items():
        error += (f'<p>No step understands <code>{e(line)}</code>. The nearest steps of the '
                  f'<a href="../docs/steps.md">catalogue</a>:</p><ul>'
                  + "".join(f"<li>{e(a)}</li>" for a in advice) + "</ul>")
    flaky = (f'<p>Failed at first, passed on attempt {s["attempts"]}: an unreliable scenario (or an '
             f"unreliable feature) to look into.</p>") if s["status"] == FLAKY else ""
    evidence = "".join(_actor(a, reports) for a in s.get("evidence") or [])
    evidence = f'<h4>What each person saw when it failed</h4><div class="evidence">{evidence}</div>' if evidence else ""
    tags = " ".join(f"@{t}" for t in s["tags"])
    return (f'<details class="scenario {s["status"]}-card" id="{anchor(s)}" data-status="{e(s["status"])}"'
            f'{" open" if bad else ""}><summary>{pill(s["status"])}<span class="name">{e(s["name"])}</span>'
            f'<span class="hist">{hist}</span><span class="dur">{seconds(s["duration"])}</span></summary>'
            f'<div class="body"><div class="muted">{e(s["feature"])} · <code>{e(s["location"])}</code> · '
            f'<code>{e(tags)}</code></div>{flaky}<table class="steps">{steps}</table>{error}{evidence}</div></details>')


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
    console = (f'<div>Console errors:</div><pre class="console">{e(chr(10).join(errors))}</pre>' if errors
               else '<div class="muted">No console errors.</div>')
    problem = f'<div class="muted">{e(actor["error"])}</div>' if actor.get("error") else ""
    return (f'<div class="actor"><b>{e(actor.get("actor"))}</b> <span class="muted">{e(actor.get("name"))}</span>'
            f'<div class="url">URL: <code>{e(actor.get("url") or "—")}</code></div>{console}{problem}{picture}</div>')


def _details(report: dict[str, Any]) -> str:
    run = report["run"]
    seed = run.get("seed")
    seeds = run.get("seeds") or ([seed] if seed is not None else [])
    rows = [("Target", run.get("target")), ("Base URL", run.get("base_url")),
            ("Read-only target", "yes" if run.get("read_only") else "no"), ("Browser", run.get("browser")),
            ("Faker seed", ", ".join(str(x) for x in seeds) + (f"  (replay: -D seed={seeds[0]})" if seeds else "")),
            ("Suite commit", run.get("commit")), ("Started", when(run.get("started"))),
            ("Finished", when(run.get("finished"))), ("Duration", seconds(run.get("duration"))),
            ("Command", run.get("command")), ("Workers", run.get("workers")), ("Run status", run.get("status"))]
    body = "".join(f"<tr><td>{e(k)}</td><td><code>{e(v)}</code></td></tr>" for k, v in rows if v not in (None, ""))
    return f'<section id="run"><h2>Run details</h2><table class="meta">{body}</table></section>'

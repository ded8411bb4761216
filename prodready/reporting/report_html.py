"""readiness.html: one self-contained page (inline CSS, images as data: URIs, trend as inline SVG).

The page is the Jinja2 templates in prodready/reporting/templates/ (autoescaped: every text of a run is
escaped); this module gives them what Python computes better: the headline, the words of an item's
coverage, the screenshots read from the reports folder, the run's details.
"""

from __future__ import annotations

import base64
from functools import cache
from pathlib import Path
from typing import Any

from jinja2 import Environment, PackageLoader, select_autoescape
from markupsafe import Markup

from prodready.core.verdicts import GO
from prodready.reporting.history import strip, trend_svg
from prodready.reporting.report_bits import LABELS, anchor, seconds, when
from prodready.reporting.results import FAILED, FLAKY, KNOWN_DEFECT, NOT_RUN, PASSED

BAD = (FAILED, FLAKY, KNOWN_DEFECT)
MARKS = {"passed": "✓", "failed": "✗", "error": "✗", "undefined": "?", "skipped": "–"}


def render(report: dict[str, Any], runs: list[dict[str, Any]], reports: Path) -> str:
    """The whole page, verdict first."""
    ran = [s for s in report["scenarios"] if s["status"] != NOT_RUN]
    order = {FAILED: 0, KNOWN_DEFECT: 1, FLAKY: 2, PASSED: 3}
    ran.sort(key=lambda s: order.get(s["status"], 3))
    env = _environment()
    env.filters["screenshot"] = lambda actor: _screenshot(actor, reports)
    return env.get_template("readiness.html").render(
        report=report,
        go=report["verdict"] == GO,
        headline=_headline(report["verdict"] == GO, report["run"]),
        runs=runs,
        trend=Markup(trend_svg(runs)),  # noqa: S704 (our own SVG: every text in it is escaped by history.py)
        ran=ran,
        skipped=[s for s in report["scenarios"] if s["status"] == NOT_RUN],
        history={s["key"]: strip(runs, s["key"]) for s in ran},
        bad_statuses=BAD,
        run_rows=_run_rows(report["run"]),
    )


@cache
def _environment() -> Environment:
    """The templates, autoescaped, with the report's filters."""
    env = Environment(
        loader=PackageLoader("prodready.reporting", "templates"),
        autoescape=select_autoescape(["html"], default_for_string=True),
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters.update(
        label=lambda status: LABELS.get(status, status),
        anchor=anchor,
        seconds=seconds,
        when=when,
        mark=lambda status: MARKS.get(status, "·"),
        by_area=_by_area,
        coverage_words=_coverage_words,
        issue_of=lambda issues, iid: next((i for i in issues if str(i["iid"]) == str(iid)), None),
        not_in_gate=_not_in_gate,
    )
    return env


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


def _by_area(items: list[str]) -> list[tuple[str, list[str]]]:
    """'Payments: Payments Dashboard' lines grouped by area, in their order."""
    areas: dict[str, list[str]] = {}
    for text in items:
        area, _, title = text.partition(": ")
        areas.setdefault(area, []).append(title)
    return list(areas.items())


def _coverage_words(item: dict[str, Any]) -> tuple[str, bool]:
    """'7 scenarios, all passed' and whether any of them went wrong (the list is then open)."""
    scenarios = item["scenarios"]
    bad = [s for s in scenarios if s["status"] in BAD]
    statuses = {s["status"] for s in bad}
    how = "failed" if FAILED in statuses else "red for known defects" if KNOWN_DEFECT in statuses else "flaky"
    words = f"{len(scenarios)} scenario{'s' if len(scenarios) != 1 else ''}, " + (
        f"{len(bad)} {how}" if bad else "all passed" if len(scenarios) > 1 else "passed"
    )
    return words, bool(bad)


def _not_in_gate(issues: list[dict[str, Any]], gate: dict[str, Any] | None) -> list[dict[str, Any]]:
    """Issues verified by @issue.<iid> scenarios that the gate did not already list."""
    listed = {str(i.get("iid")) for i in (gate or {}).get("issues") or []}
    return [i for i in issues if str(i["iid"]) not in listed]


def _screenshot(actor: dict[str, Any], reports: Path) -> str:
    """A person's screenshot as base64 for a data: URI ('' when there is none)."""
    path = reports / actor["screenshot"] if actor.get("screenshot") else None
    return base64.b64encode(path.read_bytes()).decode("ascii") if path and path.is_file() else ""


def _run_rows(run: dict[str, Any]) -> list[tuple[str, Any]]:
    """The run's details, in the table's order (empty values are left out by the template)."""
    seed = run.get("seed")
    seeds = run.get("seeds") or ([seed] if seed is not None else [])
    return [
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

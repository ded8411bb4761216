"""The last N runs (reports/history.json) and the trend picture a nightly job's reader looks at."""

from __future__ import annotations

import json
import math
from datetime import UTC, datetime
from html import escape
from pathlib import Path
from typing import Any

from prodready.core.verdicts import GO, NO_GO
from prodready.reporting.results import FAILED, FLAKY, NOT_RUN, PASSED, Scenario, load_json

FILENAME = "history.json"
COLOURS = {PASSED: "#2e7d32", FAILED: "#c62828", FLAKY: "#ef8f00", GO: "#2e7d32", NO_GO: "#c62828"}


def entry(verdict: str, scenarios: list[Scenario], meta: dict[str, Any], not_covered: int) -> dict[str, Any]:
    """This run as one line of history: when, verdict, duration, counts, each scenario's outcome."""
    ran = [s for s in scenarios if s.status != NOT_RUN]
    started, finished = meta.get("started"), meta.get("finished")
    return {
        "id": started,
        "started": iso(started),
        "finished": iso(finished),
        "verdict": verdict,
        "duration": round(finished - started, 1) if started and finished else sum(s.duration for s in ran),
        "target": meta.get("target"),
        "commit": meta.get("commit"),
        "not_covered": not_covered,
        "counts": {status: sum(1 for s in ran if s.status == status) for status in (PASSED, FAILED, FLAKY)},
        "scenarios": {s.key: {"name": s.name, "status": s.status, "duration": s.duration} for s in ran},
    }


def update(reports: Path, run: dict[str, Any], size: int) -> list[dict[str, Any]]:
    """Append this run (replacing an earlier build of the same run) and keep the last `size` runs."""
    old = load_json(reports / FILENAME, {})
    runs = [r for r in (old.get("runs") if isinstance(old, dict) else None) or [] if isinstance(r, dict)]
    runs = [r for r in runs if run.get("id") is None or r.get("id") != run.get("id")]
    runs = (runs + [run])[-max(1, size) :]
    (reports / FILENAME).write_text(json.dumps({"size": size, "runs": runs}, indent=1), encoding="utf-8")
    return runs


def iso(stamp: float | None) -> str | None:
    """A UNIX time as ISO 8601 UTC."""
    if not stamp:
        return None
    return datetime.fromtimestamp(stamp, UTC).isoformat(timespec="seconds").replace("+00:00", "Z")


def _label(run: dict[str, Any]) -> str:
    when = run.get("finished") or run.get("started") or ""
    try:
        return datetime.fromisoformat(when.replace("Z", "+00:00")).strftime("%d %b %H:%M")
    except ValueError:
        return "?"


def trend_svg(runs: list[dict[str, Any]]) -> str:
    """Inline SVG: run time per run (bar colour = verdict) above failed/flaky scenarios per run."""
    if not runs:
        return ""
    width, left, right = 720, 58, 12
    slot = (width - left - right) / len(runs)
    bar = max(4.0, min(28.0, slot * 0.7))
    longest = max(float(r.get("duration") or 0) for r in runs) or 1.0
    worst = (
        max(max(int((r.get("counts") or {}).get(FAILED, 0)), int((r.get("counts") or {}).get(FLAKY, 0))) for r in runs)
        or 1
    )
    top_h, bottom_y, bottom_h = 100, 150, 44
    out = [
        f'<svg class="trend" viewBox="0 0 {width} 222" role="img" '
        f'aria-label="Run time and failures of the last {len(runs)} runs" xmlns="http://www.w3.org/2000/svg">',
        f'<text x="0" y="14" class="axis">run time</text><text x="0" y="30" class="axis">{longest:.0f} s</text>',
        f'<line x1="{left}" y1="{14 + top_h}" x2="{width - right}" y2="{14 + top_h}" class="base"/>',
        f'<text x="0" y="{bottom_y - 8}" class="axis">failed</text>'
        f'<text x="0" y="{bottom_y + 6}" class="axis">/ flaky</text>',
        f'<line x1="{left}" y1="{bottom_y + bottom_h}" x2="{width - right}" y2="{bottom_y + bottom_h}" class="base"/>',
    ]
    label_width = 78.0  # "26 Nov 16:00" in the axis font: labels closer than this would overlap
    for i, run in enumerate(runs):
        x = left + i * slot + (slot - bar) / 2
        duration = float(run.get("duration") or 0)
        counts = run.get("counts") or {}
        failed, flaky = int(counts.get(FAILED, 0)), int(counts.get(FLAKY, 0))
        h = max(1.5, top_h * duration / longest)
        tip = (
            f"{_label(run)} UTC: {run.get('verdict')}, {duration:.1f} s, {failed} failed, {flaky} flaky, "
            f"{run.get('not_covered', 0)} items not covered"
        )
        out.append(
            f"<g><title>{escape(tip)}</title>"
            f'<rect x="{x:.1f}" y="{14 + top_h - h:.1f}" width="{bar:.1f}" height="{h:.1f}" rx="2" '
            f'fill="{COLOURS.get(run.get("verdict", ""), "#777")}"/>'
        )
        half = bar / 2
        for n, (count, colour) in enumerate(((failed, COLOURS[FAILED]), (flaky, COLOURS[FLAKY]))):
            ch = bottom_h * count / worst
            if count:
                out.append(
                    f'<rect x="{x + n * half:.1f}" y="{bottom_y + bottom_h - ch:.1f}" width="{half - 1:.1f}" '
                    f'height="{ch:.1f}" fill="{colour}"/>'
                )
        if not failed and not flaky:
            out.append(f'<circle cx="{x + half:.1f}" cy="{bottom_y + bottom_h - 4}" r="2.5" fill="{COLOURS[PASSED]}"/>')
        out.append("</g>")
        last = i == len(runs) - 1
        spaced = i % max(1, math.ceil(label_width / slot)) == 0 and (len(runs) - 1 - i) * slot >= label_width
        if last or spaced:
            label = "this run" if last else _label(run)
            out.append(
                f'<text x="{x + half:.1f}" y="{bottom_y + bottom_h + 16}" text-anchor="middle" '
                f'class="{"axis now" if last else "axis"}">{escape(label)}</text>'
            )
    out.append("</svg>")
    return "".join(out)


def strip(runs: list[dict[str, Any]], key: str, last: int = 10) -> list[str]:
    """A scenario's outcome in each of the last runs ('' where it did not run), oldest first."""
    return [((r.get("scenarios") or {}).get(key) or {}).get("status", "") for r in runs[-last:]]

"""Small pieces of the readiness report's words: times, durations, status labels, anchors (the templates' filters)."""

from __future__ import annotations

from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

from prodready.core.artifacts import slug
from prodready.reporting.results import FAILED, FLAKY, KNOWN_DEFECT, NOT_COVERED, NOT_RUN, PASSED

COMMUNITY_TZ = ZoneInfo("Africa/Lusaka")
LABELS = {
    PASSED: "✓ Passed",
    FAILED: "✗ Failed",
    FLAKY: "⚠ Flaky",
    KNOWN_DEFECT: "✗ Known defect",
    NOT_COVERED: "— Not covered",
    NOT_RUN: "not run",
    "skipped": "skipped",
    "untested": "not run",
    "undefined": "✗ Undefined",
    "error": "✗ Error",
}


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


def anchor(scenario: dict[str, Any]) -> str:
    """A scenario's id in the page (its location first: unique)."""
    return "s-" + slug(f"{scenario['location']}-{scenario['name']}")

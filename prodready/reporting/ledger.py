"""The known-defects ledger of a run: scenarios red for a documented platform defect.

On a target that runs the platform's code (`known_defects = true` in prodready.toml: the platform,
staging, production), a failed scenario tagged `@defect.<id>` whose id docs/platform-defects.md
documents is a *known defect*: still a NO-GO for its checklist item, but told apart from a surprise.
A documented defect whose scenario passes is flagged (fixed? then the tag and the entry go). A tag
naming no documented defect changes nothing: that failure is a failure.
"""

from __future__ import annotations

from typing import Any

from prodready.core.defects import Defect, defect_ids
from prodready.reporting.results import FAILED, KNOWN_DEFECT, NOT_RUN, PASSED, Scenario


def apply(scenarios: list[Scenario], documented: dict[str, Defect], enabled: bool) -> list[dict[str, Any]]:
    """Mark known defects among the failures (when enabled); the ledger's rows, one per documented
    defect the run's scenarios name (none when not enabled)."""
    rows: dict[str, dict[str, Any]] = {}
    for s in scenarios:
        named = [i for i in defect_ids(s.tags) if i in documented]
        if not enabled or not named:
            continue
        if s.status == FAILED:
            s.status = KNOWN_DEFECT
        for ident in named:
            d = documented[ident]
            row = rows.setdefault(
                ident,
                {"id": ident, "title": d.title, "area": d.area, "severity": d.severity or "unrated", "scenarios": []},
            )
            row["scenarios"].append({"name": s.name, "location": s.location, "status": s.status})
    for row in rows.values():
        statuses = {s["status"] for s in row["scenarios"]}
        row["state"] = (
            "red, as documented"
            if KNOWN_DEFECT in statuses
            else "not run"
            if statuses <= {NOT_RUN}
            else "passed: fixed?"
            if statuses <= {PASSED, NOT_RUN}
            else "mixed"
        )
    return sorted(rows.values(), key=lambda r: (r["area"], r["id"]))


def undocumented_tags(scenarios: list[Scenario], documented: dict[str, Defect]) -> list[str]:
    """`@defect.<id>` tags that name no documented defect (a typo, or an entry removed)."""
    return sorted({f"{s.location} @defect.{i}" for s in scenarios for i in defect_ids(s.tags) if i not in documented})


def warnings(rows: list[dict[str, Any]]) -> list[str]:
    """A documented defect whose scenarios now pass: the platform may have fixed it."""
    return [
        f"documented platform defect {r['id']} ({r['title']}) now passes: fixed? then remove the tag and the entry"
        for r in rows
        if r["state"] == "passed: fixed?"
    ]

"""The readiness verdict: the checklist's coverage by a run's scenarios, and the rules for GO / NO-GO."""

from __future__ import annotations

from typing import Any

from prodready.core import checklist, tags, verdicts
from prodready.core.verdicts import GO
from prodready.reporting.results import FAILED, FLAKY, KNOWN_DEFECT, NOT_COVERED, NOT_RUN, PASSED, Scenario

ABORTED = {
    "gate-no-go": "the release gate said NO-GO, so no scenario ran",
    "gate-error": "the release gate could not be checked, so no scenario ran",
}


def coverage(
    scenarios: list[Scenario], written: list[tuple[str, str, list[str]]], read_only_target: bool
) -> list[dict[str, Any]]:
    """Each checklist item with its scenarios of this run and its status; why an item is not covered."""
    items = []
    for item in checklist.ITEMS:
        mine = [s for s in scenarios if item.id in s.items and s.status != NOT_RUN]
        statuses = {s.status for s in mine}
        status = (
            NOT_COVERED if not mine else next((st for st in (FAILED, KNOWN_DEFECT, FLAKY) if st in statuses), PASSED)
        )
        entry: dict[str, Any] = {
            "id": item.id,
            "area": item.area,
            "title": item.title,
            "status": status,
            "scenarios": [{"name": s.name, "location": s.location, "status": s.status} for s in mine],
        }
        if status == NOT_COVERED:
            entry["note"] = _why_not_covered(item.id, written, read_only_target)
        items.append(entry)
    return items


def _why_not_covered(item_id: str, written: list[tuple[str, str, list[str]]], read_only_target: bool) -> str:
    tagged = [w for w in written if item_id in checklist.items_of(w[2])]
    if not tagged:
        return f"no scenario checks this yet (tag @checklist.{item_id})"
    where = f"{_n(len(tagged), 'scenario')} in {', '.join(sorted({w[0] for w in tagged}))}"
    if read_only_target and not any(tags.READ_ONLY in w[2] for w in tagged):
        return f"{where}, none @read_only: they cannot run on a read-only target"
    return f"{where}, none selected in this run"


def verdict(
    scenarios: list[Scenario],
    items: list[dict[str, Any]],
    gate: dict[str, Any] | None,
    meta_status: str,
    shard_problems: list[str] | None = None,
) -> tuple[str, list[dict[str, Any]], list[str]]:
    """GO or NO-GO, the reasons for a NO-GO (in a stakeholder's words) and warnings for a GO."""
    reasons: list[dict[str, Any]] = []
    for problem in shard_problems or []:
        reasons.append({"kind": "shards", "text": f"The run is incomplete: {problem}"})
    if meta_status in ABORTED:
        reasons.append({"kind": "aborted", "text": "The run was stopped: " + ABORTED[meta_status]})
    elif meta_status == "missing":
        reasons.append({"kind": "aborted", "text": "The run left no results (it crashed or was stopped)"})
    ran = [s for s in scenarios if s.status != NOT_RUN]
    failed = [s for s in ran if s.status == FAILED]
    if failed:
        reasons.append(
            {"kind": "failed", "text": f"{_n(len(failed), 'scenario')} failed", "scenarios": [s.name for s in failed]}
        )
    known = [s for s in ran if s.status == KNOWN_DEFECT]
    if known:
        reasons.append(
            {
                "kind": "known defects",
                "text": f"{_n(len(known), 'scenario')} red for documented platform defects (the ledger below)",
                "scenarios": [s.name for s in known],
            }
        )
    uncovered = [i for i in items if i["status"] == NOT_COVERED]
    if uncovered:
        reasons.append(
            {
                "kind": "not covered",
                "text": f"{_n(len(uncovered), 'checklist item')} not covered by this run",
                "items": [f"{i['area']}: {i['title']}" for i in uncovered],
            }
        )
    if gate is not None and gate.get("verdict") != GO:
        text = (
            f"The release gate could not be checked: {gate['error']}"
            if gate.get("error")
            else "The release gate says NO-GO (issues not verified or not signed off)"
        )
        reasons.append({"kind": "gate", "text": text})
    if not ran and meta_status not in ABORTED:
        reasons.append({"kind": "nothing ran", "text": "No scenario ran"})
    flaky = [s for s in ran if s.status == FLAKY]
    warnings = (
        [f"{_n(len(flaky), 'scenario')} flaky: failed, then passed when retried ({'; '.join(s.name for s in flaky)})"]
        if flaky
        else []
    )
    return verdicts.verdict(reasons), reasons, warnings


def _n(count: int, noun: str) -> str:
    return f"{count} {noun}{'' if count == 1 else 's'}"

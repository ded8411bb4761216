"""What a run did: its scenarios and their statuses, read from behave's JSON and the feature files."""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from prodready.core import checklist, tags

PASSED, FAILED, FLAKY, NOT_RUN, NOT_COVERED = "passed", "failed", "flaky", "not run", "not covered"
KNOWN_DEFECT = "known defect"  # failed for a documented platform defect (reporting.ledger)
# behave 1.3 statuses, as the report speaks of them.
_PASSED = {"passed", "xfailed", "pending_warn"}
# The one definition of a failed scenario: the report's NO-GO and the runner's retries and counts.
FAILED_STATUSES = frozenset({"failed", "error", "hook_error", "cleanup_error", "undefined", "pending", "xpassed"})


def scenario_status(raw: str | None) -> str:
    """passed | failed | not run, from behave's status of a scenario or step."""
    if raw in _PASSED:
        return PASSED
    if raw in FAILED_STATUSES:
        return FAILED
    return NOT_RUN


def load_json(path: Path, default: Any) -> Any:
    """A JSON file's content, or the default when it is missing or unreadable (a crashed run)."""
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return default


@dataclass
class Scenario:
    """One scenario as it ran (the last attempt when it was retried)."""

    feature: str
    name: str
    location: str
    tags: list[str]
    status: str
    raw_status: str
    steps: list[dict[str, Any]]
    attempts: int = 1

    @property
    def key(self) -> str:
        """`features/x.feature:Name`: stable across edits above it (the parallel runner's key too)."""
        return f"{self.location.rsplit(':', 1)[0]}:{self.name}"

    @property
    def duration(self) -> float:
        """Seconds spent in the scenario's steps."""
        return round(sum(s["duration"] for s in self.steps), 3)

    @property
    def items(self) -> list[str]:
        """The checklist items it covers."""
        return checklist.items_of(self.tags)

    @property
    def error(self) -> str:
        """The first failing step's message ('' when none)."""
        return next((s["error"] for s in self.steps if s["error"]), "")


def issues_verified(scenarios: list[Scenario]) -> list[dict[str, Any]]:
    """GitLab issues named by @issue.<iid> tags: each with its scenarios and one overall status."""
    by_iid: dict[int, list[Scenario]] = {}
    for s in scenarios:
        for tag in s.tags:
            if tag.startswith(tags.ISSUE_PREFIX) and tag[len(tags.ISSUE_PREFIX) :].isdigit():
                by_iid.setdefault(int(tag[len(tags.ISSUE_PREFIX) :]), []).append(s)
    out = []
    for iid, found in sorted(by_iid.items()):
        ran = [s.status for s in found if s.status != NOT_RUN]
        status = NOT_RUN if not ran else FAILED if FAILED in ran else FLAKY if FLAKY in ran else PASSED
        out.append(
            {
                "iid": iid,
                "status": status,
                "scenarios": [
                    {"key": s.key, "name": s.name, "location": s.location, "status": s.status} for s in found
                ],
            }
        )
    return out


def _steps(element: dict[str, Any]) -> list[dict[str, Any]]:
    steps = []
    for step in element.get("steps", []):
        result = step.get("result") or {}
        error = result.get("error_message") or ""
        if isinstance(error, list):
            error = "\n".join(error)
        steps.append(
            {
                "keyword": step.get("keyword", ""),
                "name": step.get("name", ""),
                "status": result.get("status", "untested"),
                "duration": round(float(result.get("duration") or 0.0), 3),
                "error": error,
            }
        )
    return steps


def scenarios_of(features: list[dict[str, Any]], flaky: Iterable[dict[str, Any]] = ()) -> list[Scenario]:
    """Every scenario of a behave.json, de-duplicated (merged workers, retries), flaky ones marked.

    A scenario seen several times keeps its last executed attempt; one that both failed and
    passed, or that the runner lists in flaky.json, is flaky: never plain passed.
    """
    flaky = list(flaky)
    flaky_at = {f.get("location"): int(f.get("attempts", 2)) for f in flaky}
    flaky_keys = {(str(f.get("location", "")).rsplit(":", 1)[0], f.get("name")) for f in flaky}
    seen: dict[tuple[str, str], list[Scenario]] = defaultdict(list)
    for feature in features:
        feature_tags = list(feature.get("tags", []))
        for element in feature.get("elements", []):
            if element.get("type") == "background":
                continue
            raw = element.get("status") or "untested"
            seen[(element.get("location", ""), element.get("name", ""))].append(
                Scenario(
                    feature=feature.get("name", ""),
                    name=element.get("name", ""),
                    location=element.get("location", ""),
                    tags=feature_tags + list(element.get("tags", [])),
                    status=scenario_status(raw),
                    raw_status=raw,
                    steps=_steps(element),
                )
            )
    result = []
    for (location, name), copies in seen.items():
        ran = [c for c in copies if c.status != NOT_RUN]
        chosen = ran[-1] if ran else copies[-1]
        statuses = {c.status for c in ran}
        listed = location in flaky_at or (location.rsplit(":", 1)[0], name) in flaky_keys
        if chosen.status == PASSED and (listed or FAILED in statuses):
            chosen.status = FLAKY
            chosen.attempts = max(flaky_at.get(location, 0), len(ran), 2)
        result.append(chosen)
    return result


def written_scenarios(paths: Iterable[str]) -> list[tuple[str, str, list[str]]]:
    """(file, name, tags) of every scenario in the feature folders the run looked at."""
    from behave.parser import ParserError, parse_file

    folders: set[Path] = set()
    for raw in paths:
        path = Path(str(raw).split(":")[0])
        folders.add(path.parent if path.suffix == ".feature" else path)
    found = []
    for folder in sorted(folders):
        for file in sorted(folder.rglob("*.feature")) if folder.is_dir() else []:
            try:
                feature = parse_file(str(file))
            except (ParserError, OSError, UnicodeDecodeError):
                continue  # a half-written file does not stop the report; behave itself reports it
            if feature is None:
                continue
            for scenario in feature.walk_scenarios():
                found.append((file.name, scenario.name, list(scenario.effective_tags)))
    return found

"""What a run of behave says about a mutant: caught (and by which scenario), survived, or crashed; and the
table `make mutation` prints. Pure functions over behave's JSON, so they are tested without a browser."""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .core import KINDS, Mutant

APPLY_FAILED = 3  # the exit code of an inside run whose mutant could not be applied
FAILED_STEP = ("failed", "error")


@dataclass(frozen=True)
class ScenarioResult:
    """One scenario of a run: its name, status, and the step that failed (if one did)."""

    name: str
    status: str
    failed_step: str = ""
    why: str = ""


@dataclass(frozen=True)
class Outcome:
    """A mutant's verdict: caught / SURVIVED / CRASHED / NO SCENARIO / UNVERIFIED, with its evidence."""

    mutant: Mutant
    verdict: str
    caught_by: tuple[ScenarioResult, ...] = ()
    detail: str = ""
    seconds: float = 0.0

    @property
    def caught(self) -> bool:
        """Whether a scenario of the mutant's area failed because of it (and passes without it)."""
        return self.verdict == "caught"


def read_results(behave_json: Path) -> list[ScenarioResult] | None:
    """The scenarios of a run, from the behave.json prodready writes (None when there is none to read)."""
    try:
        features = json.loads(behave_json.read_text())
    except (OSError, ValueError):
        return None
    found = []
    for feature in features if isinstance(features, list) else []:
        for element in feature.get("elements", []):
            if element.get("type") == "background":
                continue
            failed = [s for s in element.get("steps", []) if s.get("result", {}).get("status") in FAILED_STEP]
            step = failed[0] if failed else {}
            message = step.get("result", {}).get("error_message", "") if step else ""
            found.append(
                ScenarioResult(
                    name=str(element.get("name", "")).strip(),
                    status=str(element.get("status", "")),
                    failed_step=f"{step.get('keyword', '')} {step.get('name', '')}".strip() if step else "",
                    why=_reason(message),
                )
            )
    return found


def _reason(message: Any) -> str:
    """A failed step's reason in one line: an assertion's message, or the exception ending a traceback."""
    lines = [line.strip() for line in (message if isinstance(message, list) else str(message).splitlines())]
    lines = [line for line in lines if line]
    if not lines:
        return ""
    return (lines[-1] if lines[0].startswith("Traceback") else " ".join(lines))[:200]


def judge(
    mutant: Mutant,
    exit_code: int,
    results: Sequence[ScenarioResult] | None,
    baseline_passed: set[str],
    output: str = "",
    seconds: float = 0.0,
) -> Outcome:
    """The verdict on a mutant from its run (exit code, scenarios) and the scenarios the unmutated run passed."""
    if exit_code == APPLY_FAILED:
        return Outcome(
            mutant, "CRASHED", detail=_last_line(output) or "the mutant could not be applied", seconds=seconds
        )
    if results is None or exit_code not in (0, 1):
        return Outcome(mutant, "CRASHED", detail=f"behave exit {exit_code}: {_last_line(output)}", seconds=seconds)
    ran = [r for r in results if r.status not in ("skipped", "untested", "")]
    if not ran:
        return Outcome(mutant, "NO SCENARIO", detail="its selection ran no scenario", seconds=seconds)
    failed = [r for r in ran if r.status != "passed"]
    by_steps = tuple(r for r in failed if r.failed_step)
    unverified = [r.name for r in ran if r.name not in baseline_passed]
    if unverified:
        return Outcome(mutant, "UNVERIFIED", detail=f"not passing without the mutant: {unverified}", seconds=seconds)
    if by_steps:
        return Outcome(mutant, "caught", caught_by=by_steps, seconds=seconds)
    if failed:
        return Outcome(mutant, "CRASHED", detail=f"failed before any step: {[r.name for r in failed]}", seconds=seconds)
    return Outcome(mutant, "SURVIVED", detail=f"{len(ran)} scenario(s) passed with the mutant", seconds=seconds)


def _last_line(output: str) -> str:
    lines = [line for line in output.strip().splitlines() if line.strip()]
    return lines[-1][:300] if lines else ""


def table(outcomes: Sequence[Outcome], steps: bool = False) -> list[str]:
    """The report: one line per mutant (mutant, checklist item, kind, caught, the scenario that failed); with
    `steps`, the failed step and why under each caught one."""
    width = max([len("mutant"), *(len(o.mutant.name) for o in outcomes)])
    item_width = max([len("checklist item"), *(len(o.mutant.item) for o in outcomes)])
    lines = [f"{'mutant':<{width}}  {'checklist item':<{item_width}}  {'kind':<10}  {'caught':<11}  {'s':>5}  scenario"]
    for o in outcomes:
        shown = "yes" if o.caught else o.verdict
        evidence = o.caught_by[0].name if o.caught_by else f"({o.detail})"
        more = f" (+{len(o.caught_by) - 1} more)" if len(o.caught_by) > 1 else ""
        lines.append(
            f"{o.mutant.name:<{width}}  {o.mutant.item:<{item_width}}  {o.mutant.kind:<10}  {shown:<11}"
            f"  {o.seconds:5.1f}  {evidence}{more}"
        )
        if steps and o.caught_by:
            lines.append(f"{'':<{width}}  at: {o.caught_by[0].failed_step} | {o.caught_by[0].why}")
    return lines


def by_kind(outcomes: Iterable[Outcome]) -> str:
    """Caught out of tried, for each kind of break."""
    done = list(outcomes)
    parts = []
    for kind in KINDS:
        mine = [o for o in done if o.mutant.kind == kind]
        if mine:
            parts.append(f"{kind} {sum(o.caught for o in mine)}/{len(mine)}")
    return "by kind: " + ", ".join(parts)


def by_area(outcomes: Iterable[Outcome]) -> str:
    """Caught out of tried, for each area (its feature file), in the order the areas first come."""
    done = list(outcomes)
    areas = list(dict.fromkeys(o.mutant.area for o in done))
    parts = [
        f"{area} {sum(o.caught for o in done if o.mutant.area == area)}/{sum(o.mutant.area == area for o in done)}"
        for area in areas
    ]
    return "by area: " + ", ".join(parts)


def summary(outcomes: Sequence[Outcome]) -> str:
    """The last line: "N caught, M survived" (a crash, an empty selection or an unverified catch is no catch)."""
    caught = sum(o.caught for o in outcomes)
    return f"{caught} caught, {len(outcomes) - caught} survived"

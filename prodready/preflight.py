"""What a run is about to do, checked before any browser opens: selection, read-only safety, tags."""
from __future__ import annotations

from typing import Any, Iterable

from .checklist import unknown_checklist_tags

READ_ONLY_TAG = "read_only"


def selected_scenarios(runner: Any) -> list[Any]:
    """The scenarios behave will run (tags, names and file:line selections applied)."""
    chosen = []
    for feature in runner.features:
        for scenario in feature.walk_scenarios():
            if scenario.should_run(runner.config):
                chosen.append(scenario)
    return chosen


def where(scenario: Any) -> str:
    """`features/x.feature:12  Scenario name`."""
    return f"{scenario.location}  {scenario.name}"


def read_only_offenders(scenarios: Iterable[Any]) -> list[str]:
    """Selected scenarios that may write data (no @read_only tag)."""
    return [where(s) for s in scenarios if READ_ONLY_TAG not in s.effective_tags]


def bad_checklist_tags(scenarios: Iterable[Any]) -> list[str]:
    """Checklist tags naming no item of the production checklist (a typo would cover nothing)."""
    found = []
    for s in scenarios:
        for tag in unknown_checklist_tags(s.effective_tags):
            found.append(f"{where(s)}: @{tag}")
    return found

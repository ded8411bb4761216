"""What a run is about to do, checked before any browser opens: selection, read-only safety, tags."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from prodready.core import tags
from prodready.core.checklist import unknown_checklist_tags
from prodready.core.config import ConfigError, Credentials, RunSettings, Target, load_project, run_settings
from prodready.core.credentials import resolve_credentials


def where(scenario: Any) -> str:
    """`features/x.feature:12  Scenario name`."""
    return f"{scenario.location}  {scenario.name}"


def read_only_offenders(scenarios: Iterable[Any]) -> list[str]:
    """Selected scenarios that may write data (no @read_only tag)."""
    return [where(s) for s in scenarios if tags.READ_ONLY not in s.effective_tags]


def refused_on_target(scenarios: Iterable[Any], target: Target) -> list[Any]:
    """Scenarios the target cannot run: @needs_clock ones where there is no test-only API."""
    if target.test_api:
        return []
    return [s for s in scenarios if tags.NEEDS_CLOCK in s.effective_tags]


def bad_checklist_tags(scenarios: Iterable[Any]) -> list[str]:
    """Checklist tags naming no item of the production checklist (a typo would cover nothing)."""
    found = []
    for s in scenarios:
        for tag in unknown_checklist_tags(s.effective_tags):
            found.append(f"{where(s)}: @{tag}")
    return found


def check_run(userdata: Any, scenarios: list[Any]) -> tuple[RunSettings, Target, dict[str, Credentials]]:
    """Everything a run needs, validated before anything starts; ConfigError says what to fix."""
    settings = run_settings(userdata)
    target = load_project(settings.config_path).target(settings.target or None)
    problems = bad_checklist_tags(scenarios)
    if problems:
        raise ConfigError(
            "unknown checklist tags (see prodready/core/checklist.py for the ids): " + "; ".join(problems)
        )
    if target.read_only:
        offenders = read_only_offenders(scenarios)
        if offenders:
            raise ConfigError(
                f"target '{target.name}' is read-only: only @read_only scenarios may run there; "
                f"refused {len(offenders)}:\n  " + "\n  ".join(offenders)
            )
    return settings, target, resolve_credentials(target)

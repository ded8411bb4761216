"""Who runs which scenario: shards across machines, then workers on this one, longest first.

Scenarios (not feature files) are the unit: each is weighed by its duration in the last run
(history.json; when unknown, as in a fresh clone, by its number of steps) and handed to the
least-loaded shard, then the least-loaded worker, longest first (LPT scheduling). The same
selection and history give every machine the same assignment; its fingerprint travels with each
shard's results so a merge can tell.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

DEFAULT_WEIGHT = 1.0
# A scenario the history does not know, weighed by its steps: measured on this suite, 0.09 s a step
# on average. A fresh clone's two workers then finish 0.2–0.7 s apart instead of 1.7–3.4 s
# (simulated on the last five runs' durations).
SECONDS_PER_SCENARIO, SECONDS_PER_STEP = 0.2, 0.1


def estimate(scenario: Any) -> float:
    """Expected seconds of a scenario never timed: a fixed part and a part per step."""
    steps = len(getattr(scenario, "steps", None) or []) + len(getattr(scenario, "background_steps", None) or [])
    return SECONDS_PER_SCENARIO + SECONDS_PER_STEP * steps


@dataclass(frozen=True)
class Planned:
    """One selected scenario: where behave finds it, its history key, its expected seconds."""

    location: str  # features/x.feature:17 (an outline's example row has its own line)
    key: str  # features/x.feature:Name, as history.json keys it
    weight: float


@dataclass(frozen=True)
class Shard:
    """This machine's part of a sharded run: index in 1..total."""

    index: int
    total: int

    def __str__(self) -> str:
        return f"{self.index}/{self.total}"


@dataclass
class Plan:
    """The scenarios selected, this shard's share, and each worker's list."""

    scenarios: list[Planned]
    mine: list[Planned]
    workers: list[list[Planned]]
    shard: Shard | None
    fingerprint: str
    userdata: Any = None
    behave_scenarios: list[Any] = field(default_factory=list)

    @property
    def selected(self) -> int:
        """Scenarios this machine runs."""
        return len(self.mine)


class ShardError(ValueError):
    """A --shard value that cannot be used; the message says what to give."""


def parse_shard(text: str | None, environ: dict[str, str] | None = None) -> Shard | None:
    """`I/N` from --shard, else GitLab CI's CI_NODE_INDEX / CI_NODE_TOTAL (parallel: jobs), else None."""
    environ = dict(os.environ) if environ is None else environ
    if not text and environ.get("CI_NODE_TOTAL") and environ.get("CI_NODE_INDEX"):
        text = f"{environ['CI_NODE_INDEX']}/{environ['CI_NODE_TOTAL']}"
    if not text:
        return None
    index, _, total = str(text).partition("/")
    if not (index.isdigit() and total.isdigit() and 1 <= int(index) <= int(total) <= 100):
        raise ShardError(f"--shard {text}: give I/N with 1 ≤ I ≤ N ≤ 100 (e.g. --shard 2/3)")
    shard = Shard(int(index), int(total))
    return None if shard.total == 1 else shard


def longest_first(scenarios: Sequence[Planned], bins: int) -> list[list[Planned]]:
    """Share scenarios among `bins` so their loads are as even as LPT makes them (deterministic)."""
    shares: list[list[Planned]] = [[] for _ in range(max(1, bins))]
    loads = [0.0] * len(shares)
    for scenario in sorted(scenarios, key=lambda s: (-s.weight, s.location)):
        lightest = loads.index(min(loads))
        shares[lightest].append(scenario)
        loads[lightest] += scenario.weight
    return shares


def fingerprint(assignment: list[list[Planned]]) -> str:
    """A short hash of who runs what: equal on every machine that planned alike."""
    text = json.dumps([[s.location for s in share] for share in assignment])
    return hashlib.sha256(text.encode()).hexdigest()[:16]


def history_weights(history: Path) -> dict[str, float]:
    """Each scenario's last known duration (a history.json), keyed features/x.feature:Name."""
    try:
        runs = json.loads(history.read_text(encoding="utf-8"))["runs"]
    except (OSError, ValueError, KeyError, TypeError):
        return {}
    last = runs[-1] if runs else {}
    weights = {}
    for key, value in (last.get("scenarios") or {}).items():
        try:
            weights[key] = max(0.05, float(value.get("duration", DEFAULT_WEIGHT)))
        except (TypeError, ValueError, AttributeError):
            continue
    return weights


def plan(
    behave_args: Sequence[str], workers: int, weights: dict[str, float] | None = None, shard: Shard | None = None
) -> Plan:
    """Parse the features as behave would with these arguments; share them among shards and workers."""
    from behave.configuration import Configuration
    from behave.runner_util import collect_feature_locations, parse_features

    config = Configuration(list(behave_args))
    locations = [loc for loc in collect_feature_locations(config.paths) if not config.exclude(loc.filename)]
    chosen: list[Any] = []
    planned: list[Planned] = []
    for feature in parse_features(locations):
        for scenario in feature.walk_scenarios():
            if not scenario.should_run(config):
                continue
            chosen.append(scenario)
            filename = scenario.location.relpath()
            key = f"{filename}:{scenario.name}"
            known = (weights or {}).get(key)
            planned.append(
                Planned(f"{filename}:{scenario.location.line}", key, known if known is not None else estimate(scenario))
            )
    shards = longest_first(planned, shard.total) if shard else [planned]
    mine = shards[shard.index - 1] if shard else planned
    per_worker = [w for w in longest_first(mine, min(max(1, workers), max(1, len(mine)))) if w]
    return Plan(
        scenarios=planned,
        mine=mine,
        workers=per_worker,
        shard=shard,
        fingerprint=fingerprint(shards),
        userdata=config.userdata,
        behave_scenarios=chosen,
    )

"""`make bench-grid`: the whole suite through a real Selenium Grid 4 against its browsers run directly, side by side.

Runs, interleaved so the machine's drift falls on both alike: direct with 2 workers, the grid with 2, direct
with 4, the grid with 4 (the grid started by scripts/grid.sh with a session for each of 4 workers and stopped
after). Prints each run's wall time, the grid's ratio to direct, the seconds a scenario takes one worker, and
what a grid of N nodes would give for 1,000 scenarios from that figure. Writes reports/bench/grid.json.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from typing import Any

from prodready.core.config import ROOT

from .suite import run_suite

PORT = 4455  # apart from a grid someone runs on the default port
SESSIONS_PER_NODE = 2  # a node of 2 cores, like this machine, runs 2 browsers well


def _say(text: str) -> None:
    print(text, flush=True)


def _grid(action: str) -> None:
    env = {**os.environ, "GRID_PORT": str(PORT), "GRID_SESSIONS": "4"}
    subprocess.run(["scripts/grid.sh", action], cwd=ROOT, check=True, env=env)


def worker_seconds_per_scenario(run: dict[str, Any]) -> float:
    """What one scenario costs a worker in a run: its wall time times its workers, over its scenarios."""
    ran = run["passed"] + run["failed"]
    return run["wall_s"] * run["workers"] / ran if ran else 0.0


def for_a_thousand(per_scenario: float, nodes: int, sessions: int = SESSIONS_PER_NODE) -> float:
    """Wall seconds for 1,000 scenarios on `nodes` nodes of `sessions` browsers each, at `per_scenario`
    worker-seconds a scenario (the suite's own parts, app and runner, are not the grid's: left out)."""
    return 1000 * per_scenario / (nodes * sessions)


def main() -> int:
    runs: dict[str, dict[str, Any]] = {}
    _grid("up")
    try:
        for workers in (2, 4):
            runs[f"direct-{workers}"] = run_suite(workers, _say, name=f"direct-{workers}")
            runs[f"grid-{workers}"] = run_suite(
                workers, _say, extra=("-D", f"remote_url=http://127.0.0.1:{PORT}"), name=f"grid-{workers}"
            )
    finally:
        _grid("down")
    per = worker_seconds_per_scenario(runs["grid-2"])
    figures: dict[str, Any] = {
        "runs": {k: {f: v[f] for f in ("workers", "wall_s", "passed", "failed", "exit_code")} for k, v in runs.items()},
        "grid_over_direct": {
            w: round(runs[f"grid-{w}"]["wall_s"] / runs[f"direct-{w}"]["wall_s"], 2) for w in ("2", "4")
        },
        "worker_seconds_per_scenario_on_the_grid": round(per, 2),
        "thousand_scenarios_minutes": {n: round(for_a_thousand(per, n) / 60, 1) for n in (1, 2, 5, 10, 20)},
    }
    _say("")
    for name, run in figures["runs"].items():
        _say(f"{name:9} {run['wall_s']:7.1f} s  {run['passed']} passed, {run['failed']} failed")
    _say(f"grid / direct: 2 workers {figures['grid_over_direct']['2']}, 4 workers {figures['grid_over_direct']['4']}")
    _say(f"a scenario: {per:.2f} worker-seconds on the grid (2 workers)")
    _say(
        f"1,000 scenarios on nodes of {SESSIONS_PER_NODE} sessions: "
        + ", ".join(f"{n} node{'s' if n > 1 else ''} {m} min" for n, m in figures["thousand_scenarios_minutes"].items())
    )
    out = ROOT / "reports" / "bench" / "grid.json"
    out.write_text(json.dumps(figures, indent=2), encoding="utf-8")
    return 0 if all(r["failed"] == 0 and r["passed"] for r in runs.values()) else 1


if __name__ == "__main__":
    sys.exit(main())

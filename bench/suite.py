"""The whole suite (demo target, default selection) with N workers and serially, CPU measured around each run.

Each run goes through `prodready.run.runner.run`, as `make acceptance` does, into its own reports
folder under reports/bench/; the workers' output goes to a log there, only the verdict is printed.
Both runs plan with the same history (the main reports/history.json when there is one), so the
workers' shares are balanced the same way `make acceptance` would balance them.
"""

from __future__ import annotations

import contextlib
import json
import shutil
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from prodready.core.config import ROOT
from prodready.run import runner

from .cpu import CpuMeter

SELECTION = ["-D", "target=demo", "-f", "progress"]  # the default selection; one output format for both runs


def _scenarios_run(reports: Path) -> dict[str, int]:
    """Passed and failed scenarios of a finished run (its summary.json)."""
    try:
        summary = json.loads((reports / "summary.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {"passed": 0, "failed": 0}
    return {"passed": int(summary.get("passed", 0)), "failed": int(summary.get("failed", 0))}


def _history(folder: Path) -> Path:
    """The history to plan with: a copy of the main run's, kept per bench folder."""
    main = ROOT / "reports" / "history.json"
    mine = folder / "history.json"
    folder.mkdir(parents=True, exist_ok=True)
    if main.is_file():
        shutil.copy2(main, mine)
    return mine


def run_suite(workers: int, say: Callable[[str], None], extra: tuple[str, ...] = (), name: str = "") -> dict[str, Any]:
    """One full run with `workers` processes (`extra` behave arguments, e.g. a grid's address; `name` its
    reports folder): wall time, exit code, scenarios, CPU."""
    reports = ROOT / "reports" / "bench" / (name or f"suite-{workers}-worker{'s' if workers > 1 else ''}")
    history = _history(reports)
    log = reports.parent / f"{reports.name}.log"
    say(f"suite    running with {workers} worker{'s' if workers > 1 else ''} (output in {log.relative_to(ROOT)}) …")
    with log.open("w", encoding="utf-8") as out, contextlib.redirect_stdout(out), CpuMeter() as meter:
        started = time.perf_counter()
        code = runner.run([*SELECTION, *extra], workers=workers, reports=reports, history=history)
        wall = time.perf_counter() - started
    counts = _scenarios_run(reports)
    ran = counts["passed"] + counts["failed"]
    tail = [line.rstrip() for line in log.read_text(encoding="utf-8").splitlines() if line.startswith("prodready: ")]
    say(f"         {tail[-1] if tail else 'no summary line'} (exit {code})")
    return {
        "workers": workers,
        "wall_s": round(wall, 1),
        "exit_code": code,
        **counts,
        "reports": str(reports.relative_to(ROOT)),
        "cpu": meter.report(ran),
    }


def suite_pair(workers: int, say: Callable[[str], None]) -> dict[str, Any]:
    """The suite with `workers` workers, then serially; the ratio of their wall times."""
    parallel = run_suite(workers, say)
    serial = run_suite(1, say)
    return {
        "parallel": parallel,
        "serial": serial,
        "speedup_serial_over_parallel": round(serial["wall_s"] / parallel["wall_s"], 2) if parallel["wall_s"] else None,
        "cpu_ratio_parallel_over_serial": round(parallel["cpu"]["tree_cpu_s"] / serial["cpu"]["tree_cpu_s"], 2)
        if serial["cpu"]["tree_cpu_s"]
        else None,
    }

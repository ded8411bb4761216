"""The behave processes of a run: one per worker on its share of the scenarios, and the retries.

Each process writes into its own reports folder (behave.json, run-meta.json, JUnit, evidence) and
its output is copied, prefixed with the worker's name, to ours and to its output.log.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from prodready.browser.processes import descendants
from prodready.core import defects
from prodready.core.config import ROOT
from prodready.reporting.results import FAILED_STATUSES as FAILED
from prodready.run.merging import load, replace_results, scenario_results
from prodready.run.planning import Plan


def _stream(prefix: str, pipe: Any, log: Path) -> None:
    """Copy a worker's output to our stdout (prefixed) and to its log file."""
    with log.open("w", encoding="utf-8") as out:
        for line in iter(pipe.readline, ""):
            out.write(line)
            if line.startswith("USING RUNNER:"):
                continue  # behave's own notice, the same for every run (kept in the log)
            sys.stdout.write(prefix + line if prefix else line)
            sys.stdout.flush()


def start_behave(args: list[str], reports: Path, prefix: str = "", worker: str = "1") -> subprocess.Popen:
    """Start one behave process writing into `reports`."""
    reports.mkdir(parents=True, exist_ok=True)
    cmd = [
        sys.executable,
        "-m",
        "behave",
        *args,
        "-D",
        f"reports={reports}",
        "-D",
        f"worker={worker}",
        "--junit-directory",
        str(reports / "junit"),
    ]
    proc = subprocess.Popen(
        cmd,
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        env={**os.environ, "PYTHONUNBUFFERED": "1"},
    )
    threading.Thread(target=_stream, args=(prefix, proc.stdout, reports / "output.log"), daemon=True).start()
    return proc


def run_workers(behave_args: list[str], the_plan: Plan, reports: Path) -> tuple[list[Path], list[int]]:
    """Start one behave per worker on its scenarios; wait for all; their report folders and exit codes."""
    named = _without_paths(behave_args)
    if len(the_plan.workers) > 1 and not any(a in ("-f", "--format") or a.startswith("--format=") for a in named):
        named = ["-f", "progress", *named]  # interleaved pretty output of several workers is unreadable
    if "--show-skipped" not in named:
        named = ["--no-skipped", *named]  # a worker's output shows its own scenarios, not the others' as skipped
    if not the_plan.mine:
        print("prodready: nothing for this shard to run", flush=True)
        return [], [0]
    if len(the_plan.workers) > 1:
        loads = [f"{len(w)} ({sum(s.weight for s in w):.0f} s)" for w in the_plan.workers]
        print(
            f"prodready: {the_plan.selected} scenarios on {len(the_plan.workers)} workers, longest first: "
            + " | ".join(loads),
            flush=True,
        )
    parts = [reports / "workers" / str(n) for n in range(1, len(the_plan.workers) + 1)]
    prefix = len(the_plan.workers) > 1
    procs = [
        start_behave([*named, *_in_file_order(share)], part, prefix=f"[w{n}] " if prefix else "", worker=str(n))
        for n, (share, part) in enumerate(zip(the_plan.workers, parts, strict=False), start=1)
    ]
    bound = scenario_bound(behave_args)
    deadlines = [time.monotonic() + worker_deadline(len(share), bound) for share in the_plan.workers]
    waited = zip(procs, deadlines, strict=True)
    return parts, [wait_bounded(p, d, f"worker {n}") for n, (p, d) in enumerate(waited, start=1)]


# Each scenario has its own bound (-D scenario_timeout, the browser is stopped past it); a worker
# process as a whole gets its scenarios' bounds and a margin, so even a hang outside any scenario ends.
SCENARIO_BOUND_SECONDS = 300
WORKER_MARGIN_SECONDS = 300


def scenario_bound(behave_args: Sequence[str]) -> float:
    """The run's -D scenario_timeout (else behave.ini's default)."""
    for before, arg in zip(["", *behave_args], behave_args, strict=False):
        value = arg.removeprefix("-D") if arg.startswith("-Dscenario_timeout=") else arg
        if (before == "-D" or arg.startswith("-D")) and value.startswith("scenario_timeout="):
            try:
                return float(value.split("=", 1)[1])
            except ValueError:
                break  # the run itself refuses it, naming the accepted values
    return SCENARIO_BOUND_SECONDS


def worker_deadline(scenarios: int, bound: float = SCENARIO_BOUND_SECONDS) -> float:
    """Seconds a worker with that many scenarios may run before it is stopped."""
    return scenarios * bound + WORKER_MARGIN_SECONDS


def wait_bounded(proc: subprocess.Popen, deadline: float, who: str) -> int:
    """The process's exit code; past the deadline it is killed and its scenarios count as not finished."""
    try:
        return proc.wait(timeout=max(0.0, deadline - time.monotonic()))
    except subprocess.TimeoutExpired:
        print(f"prodready: {who} ran past its deadline and was stopped; its unfinished scenarios have no result")
        for pid in [*descendants(proc.pid), proc.pid]:  # its browsers and drivers too
            try:
                os.kill(pid, signal.SIGKILL)
            except OSError:
                pass
        proc.wait()
        return 1


def _in_file_order(share: list[Any]) -> list[str]:
    """A worker's scenarios by file and line: behave then reads each feature file once."""

    def where(location: str) -> tuple[str, int]:
        path, _, line = location.rpartition(":")
        return path, int(line) if line.isdigit() else 0

    return sorted((s.location for s in share), key=where)


def _without_paths(args: Sequence[str]) -> list[str]:
    """behave arguments minus feature paths (workers get their own share of files)."""
    return [a for a in args if not (a.endswith(".feature") or ".feature:" in a or os.path.isdir(a))]


def without_selection(args: Sequence[str]) -> list[str]:
    """behave arguments minus paths and tag/name filters (a retry names exact scenario locations)."""
    kept, skip = [], False
    for arg in _without_paths(args):
        if skip:
            skip = False
        elif arg in ("-t", "--tags", "-n", "--name"):
            skip = True
        elif not arg.startswith(("--tags=", "--name=")) and not (arg.startswith(("-t", "-n")) and len(arg) > 2):
            kept.append(arg)
    return kept


def retry(behave_args: list[str], reports: Path, retries: int, known_defects: bool = False) -> list[dict[str, Any]]:
    """Run failed scenarios again (up to `retries` times); the ones that then passed are flaky. With
    `known_defects` (a target running the platform's code), a scenario tagged with a documented defect is
    not run again: its failure is the ledger's, and a retry would only cost its time."""
    flaky: list[dict[str, Any]] = []
    attempts: dict[str, int] = {}
    named = without_selection(behave_args)
    for attempt in range(1, retries + 1):
        features = load(reports / "behave.json", [])
        failed = [s for s in scenario_results(features) if s["status"] in FAILED]
        if known_defects:
            documented = defects.ledger()
            failed = [s for s in failed if not any(d in documented for d in defects.defect_ids(s["tags"]))]
        if not failed:
            break
        print(f"prodready: retrying {len(failed)} failed scenario(s), attempt {attempt + 1}", flush=True)
        part = reports / "retries" / str(attempt)
        start_behave([*named, *[s["location"] for s in failed]], part, prefix="[retry] ", worker="retry").wait()
        retried = load(part / "behave.json", [])
        for result in scenario_results(retried):
            attempts[result["location"]] = attempt + 1
            if result["status"] == "passed":
                flaky.append({"location": result["location"], "name": result["name"], "attempts": attempt + 1})
        replace_results(features, retried)
        (reports / "behave.json").write_text(json.dumps(features, indent=1), encoding="utf-8")
    (reports / "flaky.json").write_text(json.dumps(flaky, indent=2), encoding="utf-8")
    return flaky

"""`prodready run`: behave in one or more worker processes, failed scenarios retried, reports merged.

Scenarios, not feature files, are handed out (prodready.run.planning): across CI machines with
`--shard I/N` (GitLab CI's parallel: jobs set it by themselves), then among the workers of this
machine, longest first by the durations of earlier runs. Each worker starts its own reference app
and browser (before_all runs per process) and writes to reports/workers/<n>/; the runner merges
behave.json, run-meta.json, JUnit and evidence into reports/, marks retried-then-passed
scenarios as flaky, and builds the reports. `prodready report merge` joins the shards.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import threading
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from prodready.core import exit_codes
from prodready.core.config import ROOT, ConfigError
from prodready.core.tags import NEEDS_CLOCK as NEEDS_CLOCK_TAG
from prodready.reporting.readiness import FAILED_STATUSES as FAILED
from prodready.reporting.report import build_reports, summary_lines
from prodready.run.digest import failure_digest
from prodready.run.merging import load, merge, replace_results, scenario_results  # noqa: F401  (tests use them here)
from prodready.run.planning import (
    Plan,
    Shard,
    ShardError,
    history_weights,
    parse_shard,
    plan,
)
from prodready.run.preflight import check_run, refused_on_target, where

EXIT_CONFIG = exit_codes.CONFIG


KEEP = {"history.json", ".gitkeep"}


def _clear(reports: Path) -> None:
    """Empty the reports folder but for the history: a report describes one run, never a mix."""
    reports.mkdir(parents=True, exist_ok=True)
    for child in reports.iterdir():
        if child.name in KEEP:
            continue
        if child.is_dir():
            shutil.rmtree(child)
        else:
            child.unlink()


def _stream(prefix: str, pipe: Any, log: Path) -> None:
    """Copy a worker's output to our stdout (prefixed) and to its log file."""
    with log.open("w", encoding="utf-8") as out:
        for line in iter(pipe.readline, ""):
            out.write(line)
            sys.stdout.write(prefix + line if prefix else line)
            sys.stdout.flush()


def _behave(args: list[str], reports: Path, prefix: str = "", worker: str = "1") -> subprocess.Popen:
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


def run(
    behave_args: list[str],
    workers: int = 1,
    retries: int = 0,
    reports: Path | None = None,
    shard: Shard | None = None,
    history: Path | None = None,
) -> int:
    """Run the suite; the exit code (0 all passed or flaky, 1 failures, 2 configuration)."""
    reports = reports or ROOT / "reports"
    started = time.time()
    the_plan = plan(behave_args, workers, history_weights(history or reports / "history.json"), shard)
    _clear(reports)
    if not the_plan.scenarios:
        print("prodready: no scenario matches the selection (check -t / -n / paths)", flush=True)
        return EXIT_CONFIG
    try:  # once here, so that a mistake is told once, not by every worker
        _settings, target, _creds = check_run(the_plan.userdata, the_plan.behave_scenarios)
    except ConfigError as exc:
        print(f"prodready: {exc}", flush=True)
        return EXIT_CONFIG
    refused = refused_on_target(the_plan.behave_scenarios, target)
    if refused:
        print(
            f"prodready: refused on {target.name}, which has no test-only API (@{NEEDS_CLOCK_TAG}): "
            f"{len(refused)} of {len(the_plan.scenarios)} scenarios:\n  " + "\n  ".join(where(s) for s in refused),
            flush=True,
        )
    if shard is not None:
        print(
            f"prodready: shard {shard}: {the_plan.selected} of {len(the_plan.scenarios)} scenarios "
            f"(plan {the_plan.fingerprint})",
            flush=True,
        )
    parts, codes = _run_workers(behave_args, the_plan, reports)
    if EXIT_CONFIG in codes:
        return EXIT_CONFIG
    merge(parts, reports, _shard_meta(the_plan))
    flaky = _retry(behave_args, reports, retries)
    return _finish(reports, flaky, started, refused=len(refused))


def _shard_meta(the_plan: Plan) -> dict[str, Any]:
    """What a merge of shards needs to know: which shard this was, of which plan, and what it held."""
    if the_plan.shard is None:
        return {}
    return {
        "shard": {
            "index": the_plan.shard.index,
            "total": the_plan.shard.total,
            "plan": the_plan.fingerprint,
            "scenarios": [s.location for s in the_plan.mine],
        }
    }


def _run_workers(behave_args: list[str], the_plan: Plan, reports: Path) -> tuple[list[Path], list[int]]:
    """Start one behave per worker on its scenarios; wait for all; their report folders and exit codes."""
    named = _without_paths(behave_args)
    if len(the_plan.workers) > 1 and not any(a in ("-f", "--format") or a.startswith("--format=") for a in named):
        named = ["-f", "progress", *named]  # interleaved pretty output of several workers is unreadable
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
        _behave([*named, *_in_file_order(share)], part, prefix=f"[w{n}] " if prefix else "", worker=str(n))
        for n, (share, part) in enumerate(zip(the_plan.workers, parts, strict=False), start=1)
    ]
    return parts, [p.wait() for p in procs]


def _in_file_order(share: list[Any]) -> list[str]:
    """A worker's scenarios by file and line: behave then reads each feature file once."""

    def where(location: str) -> tuple[str, int]:
        path, _, line = location.rpartition(":")
        return path, int(line) if line.isdigit() else 0

    return sorted((s.location for s in share), key=where)


def _without_paths(args: Sequence[str]) -> list[str]:
    """behave arguments minus feature paths (workers get their own share of files)."""
    return [a for a in args if not (a.endswith(".feature") or ".feature:" in a or os.path.isdir(a))]


def _without_selection(args: Sequence[str]) -> list[str]:
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


def _retry(behave_args: list[str], reports: Path, retries: int) -> list[dict[str, Any]]:
    """Run failed scenarios again (up to `retries` times); the ones that then passed are flaky."""
    flaky: list[dict[str, Any]] = []
    attempts: dict[str, int] = {}
    named = _without_selection(behave_args)
    for attempt in range(1, retries + 1):
        features = load(reports / "behave.json", [])
        failed = [s for s in scenario_results(features) if s["status"] in FAILED]
        if not failed:
            break
        print(f"prodready: retrying {len(failed)} failed scenario(s), attempt {attempt + 1}", flush=True)
        part = reports / "retries" / str(attempt)
        _behave([*named, *[s["location"] for s in failed]], part, prefix="[retry] ", worker="retry").wait()
        retried = load(part / "behave.json", [])
        for result in scenario_results(retried):
            attempts[result["location"]] = attempt + 1
            if result["status"] == "passed":
                flaky.append({"location": result["location"], "name": result["name"], "attempts": attempt + 1})
        replace_results(features, retried)
        (reports / "behave.json").write_text(json.dumps(features, indent=1), encoding="utf-8")
    (reports / "flaky.json").write_text(json.dumps(flaky, indent=2), encoding="utf-8")
    return flaky


def _finish(reports: Path, flaky: list[dict[str, Any]], started: float, refused: int = 0) -> int:
    """Build the reports, print the summary line, choose the exit code."""
    results = scenario_results(load(reports / "behave.json", []))
    ran = [r for r in results if r["status"] == "passed" or r["status"] in FAILED]
    failed = [r for r in ran if r["status"] in FAILED]
    report = build_reports(reports)
    for line in failure_digest(load(reports / "behave.json", []), reports):
        print(line, flush=True)
    for line in summary_lines(report, reports):
        print(f"prodready: {line}", flush=True)
    summary = {
        "passed": len(ran) - len(failed),
        "failed": len(failed),
        "flaky": len(flaky),
        "refused": refused,
        "seconds": round(time.time() - started, 1),
    }
    (reports / "summary.json").write_text(json.dumps(summary), encoding="utf-8")
    not_run = f", {refused} refused on this target (@{NEEDS_CLOCK_TAG})" if refused else ""
    print(
        f"prodready: {len(ran)} scenarios: {summary['passed']} passed ({len(flaky)} flaky), "
        f"{len(failed)} failed{not_run} in {summary['seconds']} s",
        flush=True,
    )
    if not ran:
        return 1
    return 1 if failed else 0


def main(argv: list[str] | None = None) -> int:
    """Command line: prodready run [--workers N] [--retries N] [--reports DIR] [behave args…]."""
    parser = argparse.ArgumentParser(
        prog="prodready run",
        description=__doc__.splitlines()[0],
        epilog="Every other argument goes to behave unchanged (-t TAGS, -n NAME, -D key=value, feature paths).",
    )
    add_arguments(parser)
    args, behave_args = parser.parse_known_args(argv)
    return run_from_args(args, behave_args)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """The run options (shared with the `prodready run` subcommand)."""
    parser.add_argument(
        "--workers",
        "-w",
        type=int,
        default=int(os.environ.get("PRODREADY_WORKERS", "1")),
        help="parallel behave processes on this machine (env PRODREADY_WORKERS; default 1)",
    )
    parser.add_argument(
        "--retries",
        type=int,
        default=int(os.environ.get("PRODREADY_RETRIES", "0")),
        help="run failed scenarios again up to N times; those that pass are reported "
        "flaky (env PRODREADY_RETRIES; default 0)",
    )
    parser.add_argument("--reports", type=Path, default=None, help="reports folder (default reports/)")
    parser.add_argument("--target", default=None, help="shortcut for -D target=NAME")
    parser.add_argument(
        "--history",
        type=Path,
        default=None,
        metavar="FILE",
        help="the history.json whose durations balance the work (default: the reports "
        "folder's); shards of one run must share it",
    )
    parser.add_argument(
        "--shard",
        default=None,
        metavar="I/N",
        help="run only shard I of N (default: GitLab CI's CI_NODE_INDEX/CI_NODE_TOTAL); "
        "join the shards' reports with `prodready report merge`",
    )


def run_from_args(args: argparse.Namespace, behave_args: list[str]) -> int:
    """Run with parsed options; everything else goes to behave unchanged."""
    if args.workers < 1 or args.retries < 0:
        print("prodready run: --workers must be ≥ 1 and --retries ≥ 0", file=sys.stderr)
        return EXIT_CONFIG
    try:
        shard = parse_shard(args.shard)
    except ShardError as exc:
        print(f"prodready run: {exc}", file=sys.stderr)
        return EXIT_CONFIG
    if args.target:
        behave_args = ["-D", f"target={args.target}", *behave_args]
    return run(
        behave_args, workers=args.workers, retries=args.retries, reports=args.reports, shard=shard, history=args.history
    )


if __name__ == "__main__":
    raise SystemExit(main())

"""`prodready run`: behave in one or more worker processes, failed scenarios retried, reports merged.

Scenarios, not feature files, are handed out (prodready.run.planning): across CI machines with
`--shard I/N` (GitLab CI's parallel: jobs set it by themselves), then among the workers of this
machine, longest first by the durations of earlier runs. Each worker starts its own reference app
and browser (before_all runs per process) and writes to reports/workers/<n>/ (prodready.run.workers); the runner merges
behave.json, run-meta.json, JUnit and evidence into reports/, marks retried-then-passed
scenarios as flaky, and builds the reports. `prodready report merge` joins the shards.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import sys
import time
from pathlib import Path
from typing import Any

from prodready.core import exit_codes
from prodready.core.config import ROOT, ConfigError
from prodready.core.tags import NEEDS_CLOCK as NEEDS_CLOCK_TAG
from prodready.reporting.report import build_reports, summary_lines
from prodready.reporting.results import FAILED as FAILED_STATUS
from prodready.reporting.results import FLAKY, PASSED
from prodready.run.digest import failure_digest
from prodready.run.merging import load, merge
from prodready.run.planning import (
    Plan,
    Shard,
    ShardError,
    history_weights,
    parse_shard,
    plan,
)
from prodready.run.preflight import check_run, refused_on_target, where
from prodready.run.workers import retry, run_workers

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


def run(
    behave_args: list[str],
    workers: int = 1,
    retries: int = 0,
    reports: Path | None = None,
    shard: Shard | None = None,
    history: Path | None = None,
    allow_known_defects: bool = False,
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
    parts, codes = run_workers(behave_args, the_plan, reports)
    if EXIT_CONFIG in codes:
        return EXIT_CONFIG
    merge(parts, reports, _shard_meta(the_plan))
    flaky = retry(behave_args, reports, retries, known_defects=allow_known_defects)
    return _finish(reports, flaky, started, refused=len(refused), allow_known=allow_known_defects)


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


def _finish(
    reports: Path, flaky: list[dict[str, Any]], started: float, refused: int = 0, allow_known: bool = False
) -> int:
    """Build the reports, print the summary line, choose the exit code: 1 when a scenario failed (a known
    platform defect too, unless allow_known: then only a failure the ledger does not document)."""
    report = build_reports(reports)
    counts = report["counts"]
    known, failed = int(counts.get("known_defect", 0)), int(counts[FAILED_STATUS])
    for line in failure_digest(load(reports / "behave.json", []), reports):
        print(line, flush=True)
    for line in summary_lines(report, reports):
        print(f"prodready: {line}", flush=True)
    summary = {
        "passed": int(counts[PASSED]) + int(counts[FLAKY]),
        "failed": failed,
        "known_defects": known,
        "flaky": len(flaky),
        "refused": refused,
        "seconds": round(time.time() - started, 1),
    }
    (reports / "summary.json").write_text(json.dumps(summary), encoding="utf-8")
    not_run = f", {refused} refused on this target (@{NEEDS_CLOCK_TAG})" if refused else ""
    known_words = f", {known} known platform defects (the ledger)" if known else ""
    print(
        f"prodready: {counts['ran']} scenarios: {summary['passed']} passed ({len(flaky)} flaky), "
        f"{failed} failed{known_words}{not_run} in {summary['seconds']} s",
        flush=True,
    )
    if not counts["ran"]:
        return 1
    return 1 if failed or (known and not allow_known) else 0


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
    parser.add_argument(
        "--allow-known-defects",
        action="store_true",
        default=os.environ.get("PRODREADY_ALLOW_KNOWN_DEFECTS") == "1",
        help="exit 0 when every failure is a documented platform defect (the ledger; the verdict stays "
        "NO-GO): for judging the platform itself (env PRODREADY_ALLOW_KNOWN_DEFECTS=1)",
    )
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
        behave_args,
        workers=args.workers,
        retries=args.retries,
        reports=args.reports,
        shard=shard,
        history=args.history,
        allow_known_defects=args.allow_known_defects,
    )


if __name__ == "__main__":
    raise SystemExit(main())

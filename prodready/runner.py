"""`prodready run`: behave in one or more worker processes, failed scenarios retried, reports merged.

Workers split the selected feature files (balanced by scenario count, or by last run's durations
when history exists); each worker starts its own reference app and browser (before_all runs per
process) and writes to reports/workers/<n>/. The runner merges behave.json, run-meta.json, JUnit
and evidence into reports/, marks retried-then-passed scenarios as flaky, and builds the reports.
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
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Sequence

from .config import ROOT, ConfigError
from .preflight import check_run
from .evidence import slug
from .report import build_reports, summary_lines

EXIT_CONFIG = 2
# behave 1.3 says "error" for a step raising something other than an assertion (a Selenium
# timeout), "hook_error" for a failing hook, "undefined" for a missing step: all of them failed.
FAILED = frozenset({"failed", "error", "hook_error", "undefined", "pending"})


@dataclass
class Plan:
    """Which feature files each worker runs, the scenarios selected, and behave's configuration."""

    shares: list[list[str]]
    selected: int
    scenarios: list[Any] = field(default_factory=list)
    userdata: Any = None


def plan(behave_args: Sequence[str], workers: int, weights: dict[str, float] | None = None) -> Plan:
    """Parse the features as behave would with these arguments and share them among workers."""
    from behave.configuration import Configuration
    from behave.runner_util import collect_feature_locations, parse_features

    config = Configuration(list(behave_args))
    locations = [loc for loc in collect_feature_locations(config.paths) if not config.exclude(loc.filename)]
    cost: dict[str, float] = {}
    everything: list[Any] = []
    for feature in parse_features(locations):
        chosen = [s for s in feature.walk_scenarios() if s.should_run(config)]
        if not chosen:
            continue
        everything.extend(chosen)
        known = [(weights or {}).get(f"{s.location.filename}:{s.name}") for s in chosen]
        cost[feature.filename] = sum(w if w else 1.0 for w in known)
    shares: list[list[str]] = [[] for _ in range(max(1, min(workers, len(cost) or 1)))]
    loads = [0.0] * len(shares)
    for filename, weight in sorted(cost.items(), key=lambda kv: -kv[1]):
        lightest = loads.index(min(loads))
        shares[lightest].append(filename)
        loads[lightest] += weight
    return Plan(shares=[s for s in shares if s], selected=len(everything), scenarios=everything,
                userdata=config.userdata)


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


def _history_weights(reports: Path) -> dict[str, float]:
    """Each scenario's last known duration (from history.json), to balance workers."""
    try:
        runs = json.loads((reports / "history.json").read_text())["runs"]
    except (OSError, ValueError, KeyError, TypeError):
        return {}
    last = runs[-1] if runs else {}
    return {key: float(value.get("duration", 1.0)) for key, value in (last.get("scenarios") or {}).items()}


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
    cmd = [sys.executable, "-m", "behave", *args, "-D", f"reports={reports}", "-D", f"worker={worker}",
           "--junit-directory", str(reports / "junit")]
    proc = subprocess.Popen(cmd, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
                            env={**os.environ, "PYTHONUNBUFFERED": "1"})
    threading.Thread(target=_stream, args=(prefix, proc.stdout, reports / "output.log"), daemon=True).start()
    return proc


def _load(path: Path, default: Any) -> Any:
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return default


def merge(parts: list[Path], reports: Path) -> dict[str, Any]:
    """Merge workers' behave.json, run-meta.json, junit/ and artifacts/ into `reports`."""
    features: list[Any] = []
    metas: list[dict[str, Any]] = []
    (reports / "junit").mkdir(parents=True, exist_ok=True)
    for part in parts:
        features.extend(_load(part / "behave.json", []))
        meta = _load(part / "run-meta.json", None)
        if meta:
            metas.append(meta)
        for xml in (part / "junit").glob("*.xml"):
            shutil.copy2(xml, reports / "junit" / xml.name)
        for folder in ("artifacts", "allure-results"):
            if (part / folder).is_dir():
                shutil.copytree(part / folder, reports / folder, dirs_exist_ok=True)
    (reports / "behave.json").write_text(json.dumps(features, indent=1), encoding="utf-8")
    merged: dict[str, Any] = dict(metas[0]) if metas else {"status": "no-worker-finished"}
    if metas:
        merged.update(
            selected=sum(m.get("selected", 0) for m in metas),
            started=min(m.get("started", 0) for m in metas), finished=max(m.get("finished", 0) for m in metas),
            artifacts={k: str(reports / "artifacts" / Path(v).name)
                       for m in metas for k, v in (m.get("artifacts") or {}).items()},
            seeds=sorted({m.get("seed") for m in metas}), workers=len(metas),
            command=" ".join(["prodready run", *sys.argv[1:]]))
    (reports / "run-meta.json").write_text(json.dumps(merged, indent=2), encoding="utf-8")
    return merged


def scenario_results(features: list[Any]) -> list[dict[str, str]]:
    """(location, name, status) of every scenario in a behave.json, outlines expanded."""
    found = []
    for feature in features:
        for element in feature.get("elements", []):
            if element.get("type") == "scenario" or element.get("keyword", "").startswith("Scenario"):
                found.append({"location": element.get("location", ""), "name": element.get("name", ""),
                              "status": element.get("status", "untested")})
    return found


def _replace_results(features: list[Any], retried: list[Any]) -> None:
    """Put the retry's result of each retried scenario in place of the failed one."""
    latest = {el.get("location"): el for f in retried for el in f.get("elements", [])
              if el.get("status") == "passed" or el.get("status") in FAILED}
    for feature in features:
        if "elements" not in feature:
            continue
        feature["elements"] = [latest.get(el.get("location"), el) for el in feature["elements"]]
        if any(el.get("status") in FAILED for el in feature["elements"]):
            feature["status"] = "failed"
        elif feature["elements"]:
            feature["status"] = "passed"


def run(behave_args: list[str], workers: int = 1, retries: int = 0, reports: Path | None = None) -> int:
    """Run the suite; the exit code (0 all passed or flaky, 1 failures, 2 configuration)."""
    reports = reports or ROOT / "reports"
    started = time.time()
    the_plan = plan(behave_args, workers, _history_weights(reports))
    _clear(reports)
    if the_plan.selected == 0:
        print("prodready: no scenario matches the selection (check -t / -n / paths)", flush=True)
        return EXIT_CONFIG
    if len(the_plan.shares) > 1:
        # Check once here, so that a mistake is told once, not by every worker.
        try:
            check_run(the_plan.userdata, the_plan.scenarios)
        except ConfigError as exc:
            print(f"prodready: {exc}", flush=True)
            return EXIT_CONFIG
    if len(the_plan.shares) <= 1:
        parts = [reports / "workers" / "1"]
        codes = [_behave(behave_args, parts[0]).wait()]
    else:
        print(f"prodready: {the_plan.selected} scenarios on {len(the_plan.shares)} workers: "
              + " | ".join(", ".join(Path(f).stem for f in share) for share in the_plan.shares), flush=True)
        named = _without_paths(behave_args)
        parts = [reports / "workers" / str(n) for n in range(1, len(the_plan.shares) + 1)]
        if not any(a in ("-f", "--format") or a.startswith("--format=") for a in named):
            named = ["-f", "progress", *named]  # interleaved pretty output of several workers is unreadable
        procs = [_behave([*named, *share], part, prefix=f"[w{n}] ", worker=str(n))
                 for n, (share, part) in enumerate(zip(the_plan.shares, parts), start=1)]
        codes = [p.wait() for p in procs]
    if EXIT_CONFIG in codes:
        return EXIT_CONFIG
    merge(parts, reports)
    flaky = _retry(behave_args, reports, retries)
    code = _finish(reports, flaky, started)
    return code


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
        features = _load(reports / "behave.json", [])
        failed = [s for s in scenario_results(features) if s["status"] in FAILED]
        if not failed:
            break
        print(f"prodready: retrying {len(failed)} failed scenario(s), attempt {attempt + 1}", flush=True)
        part = reports / "retries" / str(attempt)
        _behave([*named, *[s["location"] for s in failed]], part, prefix="[retry] ", worker="retry").wait()
        retried = _load(part / "behave.json", [])
        for result in scenario_results(retried):
            attempts[result["location"]] = attempt + 1
            if result["status"] == "passed":
                flaky.append({"location": result["location"], "name": result["name"], "attempts": attempt + 1})
        _replace_results(features, retried)
        (reports / "behave.json").write_text(json.dumps(features, indent=1), encoding="utf-8")
    (reports / "flaky.json").write_text(json.dumps(flaky, indent=2), encoding="utf-8")
    return flaky


def _failure_digest(features: list[Any], reports: Path) -> list[str]:
    """For each failed scenario: where, the failing step, the first line of its error, the evidence."""
    lines = []
    for feature in features:
        for element in feature.get("elements", []):
            if element.get("status") not in FAILED:
                continue
            step = next((s for s in element.get("steps", [])
                         if s.get("result", {}).get("status") in FAILED), None)
            lines.append(f"FAILED {element.get('location')}  {element.get('name')}")
            if step is not None:
                error = step["result"].get("error_message") or ""
                error = error if isinstance(error, str) else "\n".join(error)
                lines_ = [line.strip() for line in error.splitlines() if line.strip()]
                # An assertion's message comes first; an exception's is its traceback's last line.
                first = (lines_[-1] if lines_ and lines_[0].startswith("Traceback") else
                         next(iter(lines_), ""))
                lines.append(f"  at: {step.get('keyword', '')} {step.get('name', '')}")
                if first:
                    lines.append(f"  why: {first[:300]}")
            evidence = reports / "artifacts" / slug(element.get("name", ""))
            if evidence.is_dir():
                lines.append(f"  evidence: {evidence}")
    return lines


def _finish(reports: Path, flaky: list[dict[str, Any]], started: float) -> int:
    """Build the reports, print the summary line, choose the exit code."""
    results = scenario_results(_load(reports / "behave.json", []))
    ran = [r for r in results if r["status"] == "passed" or r["status"] in FAILED]
    failed = [r for r in ran if r["status"] in FAILED]
    report = build_reports(reports)
    for line in _failure_digest(_load(reports / "behave.json", []), reports):
        print(line, flush=True)
    for line in summary_lines(report, reports):
        print(f"prodready: {line}", flush=True)
    summary = {"passed": len(ran) - len(failed), "failed": len(failed), "flaky": len(flaky),
               "seconds": round(time.time() - started, 1)}
    (reports / "summary.json").write_text(json.dumps(summary), encoding="utf-8")
    print(f"prodready: {len(ran)} scenarios: {summary['passed']} passed ({len(flaky)} flaky), "
          f"{len(failed)} failed in {summary['seconds']} s", flush=True)
    if not ran:
        return 1
    return 1 if failed else 0


def main(argv: list[str] | None = None) -> int:
    """Command line: prodready run [--workers N] [--retries N] [--reports DIR] [behave args…]."""
    parser = argparse.ArgumentParser(prog="prodready run", description=__doc__.splitlines()[0],
                                     epilog="Every other argument goes to behave unchanged "
                                            "(-t TAGS, -n NAME, -D key=value, feature paths).")
    add_arguments(parser)
    args, behave_args = parser.parse_known_args(argv)
    return run_from_args(args, behave_args)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """The run options (shared with the `prodready run` subcommand)."""
    parser.add_argument("--workers", "-w", type=int, default=int(os.environ.get("PRODREADY_WORKERS", "1")),
                        help="parallel behave processes on this machine (env PRODREADY_WORKERS; default 1)")
    parser.add_argument("--retries", type=int, default=int(os.environ.get("PRODREADY_RETRIES", "0")),
                        help="run failed scenarios again up to N times; those that pass are reported "
                             "flaky (env PRODREADY_RETRIES; default 0)")
    parser.add_argument("--reports", type=Path, default=None, help="reports folder (default reports/)")
    parser.add_argument("--target", default=None, help="shortcut for -D target=NAME")


def run_from_args(args: argparse.Namespace, behave_args: list[str]) -> int:
    """Run with parsed options; everything else goes to behave unchanged."""
    if args.workers < 1 or args.retries < 0:
        print("prodready run: --workers must be ≥ 1 and --retries ≥ 0", file=sys.stderr)
        return EXIT_CONFIG
    if args.target:
        behave_args = ["-D", f"target={args.target}", *behave_args]
    return run(behave_args, workers=args.workers, retries=args.retries, reports=args.reports)


if __name__ == "__main__":
    raise SystemExit(main())

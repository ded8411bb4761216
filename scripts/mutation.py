"""`make mutation`: break the reference app on purpose, realistically, and check that the suite notices.

Each mutant (scripts/mutants/<area>.py) is a regression a release could really carry: an off-by-one on a
date range, '<' for '<=' on a balance, a permission check dropped on the server while the screen still hides
the button, a value one person sets that never reaches the person who meets it. The mutant patches the
reference app in this process before the embedded app starts, then behave runs only the scenarios of its
own area that must catch it. The same scenarios run once unmutated first (the baseline): a mutant is
caught only when a scenario that passes without it fails with it. How to write one: docs/mutation.md.

  python scripts/mutation.py                       every mutant
  python scripts/mutation.py scan_not_logged ...   some of them (after --, extra behave arguments)
  python scripts/mutation.py --list                the mutants, their checklist items and scenarios
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "scripts")]

from mutants import MUTANTS, Mutant, MutantError  # noqa: E402
from mutants.core import name_pattern  # noqa: E402
from mutants.outcome import APPLY_FAILED, Outcome, by_area, by_kind, judge, read_results, summary, table  # noqa: E402

BASELINE = "baseline"
REPORTS = ROOT / "reports" / "mutation"


def baseline_args(chosen: list[Mutant]) -> list[str]:
    """behave's arguments selecting every scenario the chosen mutants name, each once, in their features."""
    features = list(dict.fromkeys(m.feature for m in chosen))
    names = list(dict.fromkeys(s for m in chosen for s in m.scenarios))
    return [*features, *(arg for name in names for arg in ("-n", name_pattern(name)))]


def run_inside(name: str, extra: list[str]) -> int:
    """In this process: apply the mutant (none for the baseline), then run behave; behave's exit code."""
    os.chdir(ROOT)
    args = list(extra)
    if name != BASELINE:
        mutant = next(m for m in MUTANTS if m.name == name)
        try:
            mutant.apply()
        except (MutantError, ImportError, AttributeError, KeyError) as exc:
            print(f"mutation: {name} could not be applied: {exc}", file=sys.stderr)
            return APPLY_FAILED
        args = [*mutant.behave_args(), *args]
    from behave.__main__ import main as behave_main

    return int(behave_main(["-f", "progress", *args]))


def run(name: str, selection: list[str], extra: list[str]) -> tuple[int, Path, str, float]:
    """One behave run in a child process (a fresh reference app): exit code, reports folder, output, seconds."""
    reports = REPORTS / name
    command = [sys.executable, __file__, "--inside", name, "--", *selection, "-D", f"reports={reports}"]
    command += ["--junit-directory", str(reports / "junit"), *extra]
    started = time.monotonic()
    done = subprocess.run(command, cwd=ROOT, capture_output=True, text=True)
    return done.returncode, reports, done.stdout + done.stderr, time.monotonic() - started


def try_mutant(mutant: Mutant, extra: list[str], baseline_passed: set[str]) -> Outcome:
    """Run one mutant's scenarios with it applied, and judge."""
    code, reports, output, seconds = run(mutant.name, [], extra)
    return judge(mutant, code, read_results(reports / "behave.json"), baseline_passed, output, seconds)


def describe(chosen: list[Mutant]) -> None:
    """--list: each mutant with its item, kind, break and scenarios."""
    for m in chosen:
        print(f"{m.name} [{m.item}, {m.kind}]: {m.description}")
        for scenario in m.scenarios:
            print(f"    caught by: {m.feature}: {scenario}")


def main() -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("mutants", nargs="*", help=f"names (default all): {', '.join(m.name for m in MUTANTS)}")
    parser.add_argument("--list", action="store_true", help="list the mutants and the scenarios that must catch them")
    parser.add_argument("--jobs", type=int, default=1, help="mutants run side by side (default 1)")
    parser.add_argument("--steps", action="store_true", help="show the step that failed and why, under each catch")
    parser.add_argument("--inside", help=argparse.SUPPRESS)
    argv = sys.argv[1:]
    split = argv.index("--") if "--" in argv else len(argv)
    args, extra = parser.parse_args(argv[:split]), argv[split + 1 :]
    if args.inside:
        return run_inside(args.inside, extra)
    unknown = sorted(set(args.mutants) - {m.name for m in MUTANTS})
    if unknown:
        parser.error(f"no mutant {', '.join(unknown)}")
    chosen = [m for m in MUTANTS if not args.mutants or m.name in args.mutants]
    if args.list:
        describe(chosen)
        return 0
    started = time.monotonic()
    code, reports, output, seconds = run(BASELINE, baseline_args(chosen), extra)
    results = read_results(reports / "behave.json") or []
    passed = {r.name for r in results if r.status == "passed"}
    failing = [r.name for r in results if r.status not in ("passed", "skipped", "untested")]
    print(f"baseline: {len(passed)} scenarios passed without a mutant in {seconds:.1f} s (behave exit {code})")
    if failing or not passed:
        print(f"baseline: failing without any mutant: {failing or 'no scenario ran'}\n{output[-3000:]}")
    with ThreadPoolExecutor(max_workers=max(1, args.jobs)) as pool:
        outcomes = list(pool.map(lambda m: try_mutant(m, extra, passed), chosen))
    print("\n".join(table(outcomes, steps=args.steps)))
    for o in outcomes:
        if o.caught_by:
            continue
        print(f"{o.verdict} {o.mutant.name}: {o.mutant.description} ({o.detail}); reports in {REPORTS / o.mutant.name}")
    print(by_kind(outcomes))
    print(by_area(outcomes))
    print(f"mutation run: {len(outcomes)} mutants in {time.monotonic() - started:.0f} s")
    print(summary(outcomes))
    return 0 if all(o.caught for o in outcomes) else 1


if __name__ == "__main__":
    sys.exit(main())

"""make flake: run the suite several times and list scenarios whose outcome changed between runs.

A scenario that passes and fails with the same code is flaky: fix its wait, not its retries.
"""

from __future__ import annotations

import argparse
import collections
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from prodready.reporting.results import FAILED_STATUSES  # noqa: E402
from prodready.run import merging, runner  # noqa: E402


def main() -> int:
    argv = sys.argv[1:]
    split = argv.index("--") if "--" in argv else len(argv)
    parser = argparse.ArgumentParser(prog="make flake", description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--workers", type=int, default=2)
    args = parser.parse_args(argv[:split])
    behave_args = argv[split + 1 :]
    outcomes: dict[str, list[str]] = collections.defaultdict(list)
    for n in range(1, args.runs + 1):
        reports = ROOT / "reports" / "flake" / f"run-{n}"
        runner.run([*behave_args, "-f", "progress"], workers=args.workers, reports=reports)
        features = json.loads((reports / "behave.json").read_text()) if (reports / "behave.json").exists() else []
        for result in merging.scenario_results(features):
            if result["status"] == "passed" or result["status"] in FAILED_STATUSES:
                outcomes[f"{result['location']}  {result['name']}"].append(
                    "passed" if result["status"] == "passed" else "failed"
                )
    flaky = {name: runs for name, runs in outcomes.items() if len(set(runs)) > 1}
    always_failing = [name for name, runs in outcomes.items() if set(runs) == {"failed"}]
    print(f"flake: {len(outcomes)} scenarios, {args.runs} runs each")
    for name, runs in sorted(flaky.items()):
        print(f"  FLAKY  {name}: {' '.join(runs)}")
    for name in sorted(always_failing):
        print(f"  FAILS  {name}")
    print(f"{len(flaky)} flaky, {len(always_failing)} always failing")
    return 1 if flaky or always_failing else 0


if __name__ == "__main__":
    sys.exit(main())

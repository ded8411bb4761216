"""Print the run's totals: pytest (reports/pytest.xml), behave (reports/summary.json), linters (lint.json).

Ends with the plain line CI reads, `N passed, N failed` (scenarios and tests; a failed linter counts
as one failure); exits 1 when anything failed or when no scenario or no test ran (behave exits 0
when a selection matches nothing).
"""

from __future__ import annotations

import json
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

REPORTS = Path(__file__).resolve().parent.parent / "reports"


def pytest_counts(path: Path) -> tuple[int, int, int]:
    """(passed, failed, skipped) from pytest's JUnit XML."""
    if not path.exists():
        return 0, 0, 0
    root = ET.parse(path).getroot()
    suites = [root] if root.tag == "testsuite" else list(root)
    tests = sum(int(s.get("tests", 0)) for s in suites)
    failed = sum(int(s.get("failures", 0)) + int(s.get("errors", 0)) for s in suites)
    skipped = sum(int(s.get("skipped", 0)) for s in suites)
    return tests - failed - skipped, failed, skipped


def main(reports: Path = REPORTS) -> int:
    """Print the totals of the run whose results are in `reports`; 1 when anything failed or nothing ran."""
    behave = json.loads((reports / "summary.json").read_text()) if (reports / "summary.json").exists() else {}
    b_passed, b_failed = behave.get("passed", 0), behave.get("failed", 0)
    p_passed, p_failed, p_skipped = pytest_counts(reports / "pytest.xml")
    print(f"pytest: {p_passed} passed, {p_failed} failed, {p_skipped} skipped")
    print(f"behave: {b_passed} scenarios passed ({behave.get('flaky', 0)} flaky), {b_failed} failed")
    problems: list[str] = []
    lint = json.loads((reports / "lint.json").read_text()) if (reports / "lint.json").exists() else {}
    if lint:
        print("lint: " + ", ".join(f"{tool} {'passed' if ok else 'FAILED'}" for tool, ok in lint.items()))
    problems += [f"{tool} failed" for tool, ok in lint.items() if not ok]
    platform = reports / "platform"
    if (platform / "not-run.txt").exists():
        print(f"platform: not run: {(platform / 'not-run.txt').read_text().strip()}")
    elif (platform / "summary.json").exists():
        run = json.loads((platform / "summary.json").read_text())
        print(
            f"platform: {run.get('passed', 0)} scenarios passed, {run.get('known_defects', 0)} known platform "
            f"defects (the ledger in {platform / 'readiness.html'}), {run.get('failed', 0)} failed"
        )
        b_passed, b_failed = b_passed + run.get("passed", 0), b_failed + run.get("failed", 0)
    if b_passed + b_failed == 0:
        problems.append("no acceptance scenario ran")
    if p_passed + p_failed == 0:
        problems.append("no pytest test ran")
    for problem in problems:
        print(f"summary: {problem}")
    print(f"{b_passed + p_passed} passed, {b_failed + p_failed + len(problems)} failed")
    return 1 if (b_failed or p_failed or problems) else 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1]) if len(sys.argv) > 1 else REPORTS))

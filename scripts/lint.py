"""Run the linters `make test` runs: ruff (lint), ruff (format check) and mypy, all configured in pyproject.toml.

Prints each tool's findings, records each tool's outcome in reports/lint.json (read by
scripts/summary.py, which counts a failed linter as a failure) and exits 1 when any failed.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TOOLS = {
    "ruff check": [sys.executable, "-m", "ruff", "check", "."],
    "ruff format --check": [sys.executable, "-m", "ruff", "format", "--check", "."],
    "mypy": [sys.executable, "-m", "mypy"],
}


def main() -> int:
    outcome = {}
    for name, command in TOOLS.items():
        done = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, check=False)
        output = (done.stdout + done.stderr).strip()
        lines = output.splitlines()
        outcome[name] = done.returncode == 0
        print(f"lint: {name}: {'passed' if done.returncode == 0 else 'FAILED'} ({lines[-1] if lines else 'no output'})")
        if done.returncode != 0:
            print(output)
    reports = ROOT / "reports"
    reports.mkdir(exist_ok=True)
    (reports / "lint.json").write_text(json.dumps(outcome, indent=2) + "\n")
    return 0 if all(outcome.values()) else 1


if __name__ == "__main__":
    sys.exit(main())

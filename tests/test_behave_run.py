"""behave itself, run as a user would (subprocess): counts, bad configuration, a broken app."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SCAN_TAG = "@checklist.gate_access.scan_entry"


def behave(
    *args: str, reports: Path, timeout: int = 240, cwd: Path = ROOT, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess:
    return subprocess.run(
        [
            sys.executable,
            "-m",
            "behave",
            "-f",
            "progress",
            *args,
            "-D",
            f"reports={reports}",
            "--junit-directory",
            str(reports / "junit"),
        ],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
    )


def scenarios_tagged(tag: str) -> int:
    """Count the scenarios carrying a tag (outline rows included), as behave's parser sees them."""
    from prodready.run.planning import plan

    return plan(["-t", tag], workers=1).selected


def test_a_tagged_subset_runs_exactly_its_scenarios(tmp_path):
    expected = scenarios_tagged(SCAN_TAG)
    assert expected >= 3
    done = behave("-t", SCAN_TAG, reports=tmp_path)
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]
    assert f"{expected} scenarios passed, 0 failed" in done.stdout
    results = json.loads((tmp_path / "behave.json").read_text())
    ran = [e for f in results for e in f.get("elements", []) if e.get("status") == "passed"]
    assert len(ran) == expected
    assert list((tmp_path / "junit").glob("*.xml"))
    assert re.search(r"faker seed \d+ \(replay with -D seed=\d+\)", done.stderr)


def test_an_unknown_target_stops_before_any_browser(tmp_path):
    (tmp_path / "readiness.html").write_text("an earlier run's GO")
    started = time.monotonic()
    done = behave("-D", "target=stagin", reports=tmp_path)
    assert done.returncode == 2
    assert (
        "prodready: unknown target 'stagin': choose one of demo, platform, production, staging, staging-demo"
        in done.stderr
    )
    assert "reference app serving" not in done.stderr and "headless" not in done.stderr
    assert time.monotonic() - started < 15
    assert not (tmp_path / "readiness.html").exists()  # an earlier run's verdict is not left lying around


def test_breaking_entry_logging_fails_the_suite_with_evidence(tmp_path):
    done = subprocess.run(
        [
            sys.executable,
            "scripts/mutation.py",
            "--inside",
            "scan_not_logged",
            "--",
            "-D",
            f"reports={tmp_path}",
            "--junit-directory",
            str(tmp_path / "j"),
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=240,
    )
    assert done.returncode == 1, done.stdout[-2000:]
    assert "1 failed" in done.stdout
    shots = sorted(p.relative_to(tmp_path).as_posix() for p in (tmp_path / "artifacts").rglob("screenshot.png"))
    # Both people of the scenario leave a screenshot: the guard and the admin.
    assert [s.split("/")[-2] for s in shots] == ["admin", "guard"]
    errors = [
        step["result"].get("error_message", "")
        for f in json.loads((tmp_path / "behave.json").read_text())
        for e in f.get("elements", [])
        for step in e.get("steps", [])
        if step.get("result", {}).get("status") == "failed"
    ]
    assert any("no new scan of 'An Admin User' by A Guard logged" in "".join(err) for err in errors), errors


def test_a_step_that_errors_keeps_its_reason_in_the_reports(tmp_path):
    """behave's JSON drops the message of an *errored* step; prodready's keeps it for the report."""
    proj = tmp_path / "proj"
    (proj / "steps").mkdir(parents=True)
    (proj / "features").mkdir()
    (proj / "environment.py").symlink_to(ROOT / "environment.py")
    (proj / "steps" / "broken_steps.py").write_text(
        "from behave import when\n\n@when('a page object is broken')\ndef step(context):\n"
        "    raise RuntimeError('the Grant button moved')\n"
    )
    (proj / "behave.ini").write_text("[behave]\nrunner = prodready.run.behave_runner:Runner\n")
    (proj / "features" / "broken.feature").write_text(
        "Feature: Broken\n  Scenario: A broken page object\n    When a page object is broken\n"
    )
    reports = tmp_path / "reports"
    done = behave(reports=reports, cwd=proj, env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert done.returncode == 1
    [step] = json.loads((reports / "behave.json").read_text())[0]["elements"][0]["steps"]
    assert step["result"]["status"] == "error"
    assert "RuntimeError: the Grant button moved" in "\n".join(step["result"]["error_message"])
    report = json.loads((reports / "readiness.json").read_text())
    assert "the Grant button moved" in json.dumps(report["scenarios"])

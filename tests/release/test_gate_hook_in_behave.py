"""`behave -D gate=enforce`: a NO-GO (or an unreadable GitLab) stops the run before any browser opens."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from release_scenario import TOKEN, VERIFIED, ready_release

ROOT = Path(__file__).resolve().parents[2]


def suite_config(tmp_path: Path, release_toml: Path) -> Path:
    """The project's targets and personas with the test's [release] table."""
    ours = (ROOT / "prodready.toml").read_text(encoding="utf-8").split("\n[release]")[0]
    path = tmp_path / "suite.toml"
    path.write_text(ours + "\n" + release_toml.read_text(encoding="utf-8"), encoding="utf-8")
    return path


def run_behave(
    tmp_path: Path, env: dict[str, str], config: Path, gate: str
) -> tuple[subprocess.CompletedProcess, Path]:
    marker = tmp_path / "a-browser-was-started"
    fake_driver = tmp_path / "chromedriver"
    fake_driver.write_text(f"#!/bin/sh\ntouch '{marker}'\nexit 1\n")
    fake_driver.chmod(0o755)
    reports = tmp_path / "reports"
    environ = {**os.environ, **env, "CHROMEDRIVER_PATH": str(fake_driver), "PYTHONPATH": str(ROOT)}
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "behave",
            "-f",
            "progress",
            "-t",
            "@checklist.gate_access.scan_entry",
            "-D",
            f"config={config}",
            "-D",
            f"gate={gate}",
            "-D",
            f"reports={reports}",
            "--junit-directory",
            str(reports / "junit"),
        ],
        cwd=ROOT,
        env=environ,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert not marker.exists(), "a browser was started"
    return done, reports


def test_enforce_aborts_a_no_go_release_before_any_browser(env, project, write_config, tmp_path):
    ready_release(project)
    project.issues[103]["labels"] = [VERIFIED]  # no stakeholder signoff
    done, reports = run_behave(tmp_path, env, suite_config(tmp_path, write_config()), "enforce")
    assert done.returncode == 1, done.stderr
    assert "gate (enforce): NO-GO" in done.stderr
    assert "#103 Timesheet lists all shifts: no stakeholder signoff" in done.stderr
    assert "aborted before any browser starts" in done.stderr
    assert TOKEN not in done.stdout + done.stderr
    report = json.loads((reports / "readiness.json").read_text())
    assert report["verdict"] == "NO-GO" and report["gate"]["verdict"] == "NO-GO"


def test_enforce_fails_closed_when_gitlab_cannot_answer(env, project, write_config, tmp_path):
    project.fake.inject(502)
    done, reports = run_behave(tmp_path, env, suite_config(tmp_path, write_config()), "enforce")
    assert done.returncode == 3, done.stderr
    assert "gate (enforce):" in done.stderr
    assert json.loads((reports / "readiness.json").read_text())["verdict"] == "NO-GO"

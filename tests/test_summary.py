"""scripts/summary.py: the last line CI reads, and when the run counts as failed."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest

SPEC = importlib.util.spec_from_file_location("summary", Path(__file__).resolve().parent.parent / "scripts/summary.py")
assert SPEC and SPEC.loader
summary = importlib.util.module_from_spec(SPEC)
SPEC.loader.exec_module(summary)

JUNIT = '<testsuites><testsuite tests="{tests}" failures="{failures}" errors="0" skipped="{skipped}"/></testsuites>'


def write(folder: Path, *, behave=(82, 0), tests=(100, 0, 2), lint=None) -> Path:
    (folder / "summary.json").write_text(json.dumps({"passed": behave[0], "failed": behave[1], "flaky": 0}))
    (folder / "pytest.xml").write_text(JUNIT.format(tests=tests[0], failures=tests[1], skipped=tests[2]))
    if lint is not None:
        (folder / "lint.json").write_text(json.dumps(lint))
    return folder


def last_line(capsys) -> str:
    return capsys.readouterr().out.strip().splitlines()[-1]


def test_all_green_counts_scenarios_and_tests_together(tmp_path, capsys):
    code = summary.main(write(tmp_path, lint={"ruff check": True, "mypy": True}))
    assert (code, last_line(capsys)) == (0, "180 passed, 0 failed")


@pytest.mark.parametrize(
    ("behave", "tests", "lint", "failed"),
    [
        ((81, 1), (100, 0, 2), {}, 1),
        ((82, 0), (100, 3, 2), {}, 3),
        ((82, 0), (100, 0, 2), {"ruff check": True, "mypy": False}, 1),
    ],
)
def test_any_failure_fails_the_run_and_is_counted(tmp_path, capsys, behave, tests, lint, failed):
    assert summary.main(write(tmp_path, behave=behave, tests=tests, lint=lint)) == 1
    assert last_line(capsys).endswith(f" {failed} failed")


def test_nothing_run_is_a_failure(tmp_path, capsys):
    assert summary.main(write(tmp_path, behave=(0, 0))) == 1
    out = capsys.readouterr().out
    assert "no acceptance scenario ran" in out and out.strip().endswith("1 failed")
    empty = tmp_path / "empty"
    empty.mkdir()
    assert summary.main(empty) == 1
    assert last_line(capsys) == "0 passed, 2 failed"


def test_the_platform_run_is_counted_its_known_defects_apart(tmp_path, capsys):
    write(tmp_path)
    (tmp_path / "platform").mkdir()
    (tmp_path / "platform" / "summary.json").write_text(json.dumps({"passed": 70, "failed": 0, "known_defects": 17}))
    assert summary.main(tmp_path) == 0
    out = capsys.readouterr().out
    assert "platform: 70 scenarios passed, 17 known platform defects" in out
    assert out.strip().splitlines()[-1] == "250 passed, 0 failed"
    (tmp_path / "platform" / "summary.json").write_text(json.dumps({"passed": 69, "failed": 1, "known_defects": 17}))
    assert summary.main(tmp_path) == 1
    assert last_line(capsys) == "249 passed, 1 failed"


def test_a_platform_that_could_not_start_where_the_kit_is_not_made_for_is_said_not_counted(tmp_path, capsys):
    write(tmp_path)
    (tmp_path / "platform").mkdir()
    (tmp_path / "platform" / "not-run.txt").write_text("the platform kit (made for Debian 12) could not start it")
    assert summary.main(tmp_path) == 0
    out = capsys.readouterr().out
    assert "platform: not run: the platform kit (made for Debian 12)" in out
    assert out.strip().splitlines()[-1] == "180 passed, 0 failed"

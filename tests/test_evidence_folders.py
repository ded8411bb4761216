"""A failed scenario's evidence folder: unique per scenario, named by one function the hook, the report
and the run's digest share (issue 24)."""

from __future__ import annotations

import json
from pathlib import Path
from types import SimpleNamespace

from report_fixtures import covering_everything, scenario, write_run

from prodready.core.artifacts import FOLDER, INDEX, evidence_folder, folder_name
from prodready.reporting.report import build_reports
from prodready.run import hooks
from prodready.run.digest import failure_digest

# Two names alike in their first 100 characters (10 of the suite's names are longer than 90).
PREFIX = "The admin records a cash payment towards the plot of a client who has several plots and two payment plans"
FIRST, SECOND = PREFIX + " and sees the receipt", PREFIX + " and the balance goes down"


def test_two_scenarios_with_the_same_long_name_prefix_get_different_folders():
    one, two = folder_name("features/payments.feature:12", FIRST), folder_name("features/payments.feature:30", SECOND)
    assert one != two
    assert one.startswith("payments-12-the-admin-records") and two.startswith("payments-30-the-admin-records")
    assert len(one) < 80 and not one.endswith("-")


def test_outline_rows_and_same_named_scenarios_of_other_files_get_their_own_folders():
    row = "The <person> logs in -- @1.1 people"
    rows = {folder_name(f"features/application.feature:{line}", row) for line in (14, 15, 16)}
    assert len(rows) == 3
    assert folder_name("features/forms.feature:9", "It works") != folder_name("features/tasks.feature:9", "It works")
    assert folder_name("features/sub/forms.feature:9", "x") != folder_name("features/forms.feature:9", "x")


def test_a_folder_is_inside_the_reports_artifacts():
    reports = Path("/tmp/r")
    assert evidence_folder(reports, "features/x.feature:3", "A b") == reports / FOLDER / "x-3-a-b"


class _Pool:
    def release_all(self) -> None:
        pass


def _fail_in_the_hook(run: SimpleNamespace, location: str, name: str) -> None:
    """after_scenario for a failed scenario, its evidence written as prodready.browser.evidence does."""
    person = SimpleNamespace(label="admin", name="An Admin User", session=SimpleNamespace(broken=False))
    context = SimpleNamespace(run=run, cast=SimpleNamespace(actors={"admin": person}), watchdog=None)
    failed = SimpleNamespace(name=name, location=location, status=SimpleNamespace(name="failed"))
    hooks.after_scenario(context, failed)


def _capture(folder: Path, actors, pool) -> list[dict[str, str]]:
    folder.mkdir(parents=True, exist_ok=True)
    summary = []
    for actor in actors:
        (folder / actor.label).mkdir(exist_ok=True)
        (folder / actor.label / "screenshot.png").write_bytes(b"\x89PNG\r\n\x1a\n" + folder.name.encode())
        shot = f"{folder.name}/{actor.label}/screenshot.png"
        summary.append({"actor": actor.label, "name": actor.name, "url": "http://h/" + folder.name, "screenshot": shot})
    (folder / INDEX).write_text(json.dumps(summary), encoding="utf-8")
    return summary


def test_the_report_and_the_digest_link_the_folder_the_hook_wrote(tmp_path, monkeypatch):
    monkeypatch.setattr(hooks, "capture", _capture)
    features = covering_everything()
    payments = next(f for f in features if f["location"].startswith("features/payments.feature"))
    payments["elements"] += [
        scenario(
            FIRST, "checklist.payments.submit_payment", status="failed", line=40, file="features/payments.feature"
        ),
        scenario(
            SECOND, "checklist.payments.submit_payment", status="failed", line=52, file="features/payments.feature"
        ),
    ]
    run = SimpleNamespace(reports=tmp_path, artifacts={}, pool=_Pool())
    monkeypatch.setattr(hooks, "say", lambda text: None)
    _fail_in_the_hook(run, "features/payments.feature:40", FIRST)
    _fail_in_the_hook(run, "features/payments.feature:52", SECOND)
    written = sorted(run.artifacts.values())
    assert len(set(written)) == 2 and all(Path(w, INDEX).is_file() for w in written)

    write_run(tmp_path, features, artifacts=run.artifacts)
    report = build_reports(tmp_path)
    shots = {s["location"]: s["evidence"][0]["screenshot"] for s in report["scenarios"] if s["name"] in (FIRST, SECOND)}
    for location, folder in run.artifacts.items():
        assert shots[location] == f"{FOLDER}/{Path(folder).name}/admin/screenshot.png"
    html = (tmp_path / "readiness.html").read_text(encoding="utf-8")
    assert all(f"http://h/{Path(folder).name}" in html for folder in written)

    digest = "\n".join(failure_digest(features, tmp_path))
    assert all(f"evidence: {folder}" in digest for folder in written)

"""The readiness report from hand-made behave.json: verdict rules, coverage, flaky, history, masking, shape."""

from __future__ import annotations

import json
import os
import re
import time
from pathlib import Path
from xml.etree import ElementTree

import pytest
from report_fixtures import (
    covering_everything,
    feature,
    location_of,
    scenario,
    step,
    write_evidence,
    write_run,
)

from prodready.core.artifacts import folder_name
from prodready.core.checklist import ITEMS
from prodready.core.masking import mask, sweep
from prodready.core.secrets import MASK, REDACTOR
from prodready.reporting.report import build_reports, main, summary_lines

ALL_IDS = [item.id for item in ITEMS]


def read(reports: Path, name: str) -> str:
    return (reports / name).read_text(encoding="utf-8")


def items_by_id(report: dict) -> dict[str, dict]:
    return {item["id"]: item for item in report["checklist"]}


# -- verdict rules -----------------------------------------------------------------------------
def test_every_item_covered_and_passed_is_go(tmp_path):
    report = build_reports(write_run(tmp_path, covering_everything()))
    assert report["verdict"] == "GO"
    assert report["reasons"] == [] and report["warnings"] == []
    assert [i["id"] for i in report["checklist"]] == ALL_IDS  # the page's order
    assert {i["status"] for i in report["checklist"]} == {"passed"}
    assert report["coverage"] == {"total": 13, "covered": 13, "missing": 0, "not_covered": []}
    assert report["counts"] == {"ran": 13, "passed": 13, "failed": 0, "flaky": 0, "known_defect": 0, "not_run": 0}
    assert 'data-verdict="GO"' in read(tmp_path, "readiness.html")
    assert json.loads(read(tmp_path, "readiness.json"))["verdict"] == "GO"


def test_a_failed_scenario_is_no_go_with_its_error_and_item(tmp_path):
    report = build_reports(write_run(tmp_path, covering_everything({"payments.submit_payment": "failed"})))
    assert report["verdict"] == "NO-GO"
    assert report["reasons"] == [
        {"kind": "failed", "text": "1 scenario failed", "scenarios": ["Submitting a payment works"]}
    ]
    assert items_by_id(report)["payments.submit_payment"]["status"] == "failed"
    failed = next(s for s in report["scenarios"] if s["status"] == "failed")
    assert failed["error"] == "Assertion Failed: it did not\nsecond line"
    assert [s["status"] for s in failed["steps"]] == ["passed", "passed", "failed"]
    assert failed["duration"] == pytest.approx(1.7)


@pytest.mark.parametrize("behave_status", ["error", "undefined", "hook_error"])
def test_errors_and_undefined_steps_count_as_failures(tmp_path, behave_status):
    features = covering_everything({"tasks.dashboard": behave_status})
    report = build_reports(write_run(tmp_path, features))
    assert report["verdict"] == "NO-GO"
    assert items_by_id(report)["tasks.dashboard"]["status"] == "failed"


def test_an_item_without_scenario_is_no_go_named_not_covered(tmp_path):
    features = [f for f in covering_everything() if f["name"] != "Forms"]  # one feature file left out
    report = build_reports(write_run(tmp_path, features))
    assert report["verdict"] == "NO-GO"
    assert report["coverage"]["not_covered"] == ["forms.create_form", "forms.submit_form"]
    reason = report["reasons"][0]
    assert reason["kind"] == "not covered"
    assert reason["items"] == ["Forms: Creating a form", "Forms: Submitting a form"]
    assert items_by_id(report)["forms.create_form"]["note"] == (
        "no scenario checks this yet (tag @checklist.forms.create_form)"
    )
    html = read(tmp_path, "readiness.html")
    assert 'data-item="forms.create_form" data-status="not covered"' in html
    lines = summary_lines(report, tmp_path)
    assert lines[0] == f"readiness NO-GO → {tmp_path / 'readiness.html'}"
    assert lines[1] == "not covered by this run: Forms: Creating a form; Forms: Submitting a form"


def test_a_subset_run_names_the_items_it_did_not_cover_and_why(tmp_path):
    features_dir = tmp_path / "features"
    features_dir.mkdir()
    (features_dir / "tasks.feature").write_text(
        "Feature: Tasks\n\n  @checklist.tasks.dashboard\n  Scenario: The task dashboard lists tasks\n"
        "    Given the admin is logged in\n",
        encoding="utf-8",
    )
    features = covering_everything()
    for f in features:  # -t selected everything but the tasks scenarios: behave reports them skipped
        for element in f["elements"]:
            if element["tags"][0].startswith("checklist.tasks"):
                element.update(
                    scenario(element["name"], *element["tags"], status="skipped", file="features/tasks.feature", line=3)
                )
    report = build_reports(write_run(tmp_path / "reports", features, features_dir=features_dir))
    assert report["verdict"] == "NO-GO"
    assert report["subset"]["is_subset"] is True
    assert report["subset"]["scenarios_not_selected"] == 2
    assert report["subset"]["items_not_covered"] == ["tasks.dashboard", "tasks.assign_task"]
    notes = items_by_id(report)
    assert notes["tasks.dashboard"]["note"] == "1 scenario in tasks.feature, none selected in this run"
    assert notes["tasks.assign_task"]["note"] == "no scenario checks this yet (tag @checklist.tasks.assign_task)"
    assert "2 scenarios not run (not selected)" in read(tmp_path / "reports", "readiness.html")


def test_a_read_only_target_explains_that_writing_scenarios_cannot_cover_an_item(tmp_path):
    features_dir = tmp_path / "features"
    features_dir.mkdir()
    (features_dir / "forms.feature").write_text(
        "Feature: Forms\n\n  @checklist.forms.create_form\n  Scenario: An admin creates a form\n"
        "    Given the admin is logged in\n",
        encoding="utf-8",
    )
    features = [f for f in covering_everything() if f["name"] != "Forms"]
    report = build_reports(write_run(tmp_path / "r", features, features_dir=features_dir, read_only=True))
    assert items_by_id(report)["forms.create_form"]["note"] == (
        "1 scenario in forms.feature, none @read_only: they cannot run on a read-only target"
    )


def test_no_scenario_ran_is_no_go(tmp_path):
    report = build_reports(write_run(tmp_path, []))
    assert report["verdict"] == "NO-GO"
    assert {r["kind"] for r in report["reasons"]} == {"not covered", "nothing ran"}


def test_a_run_that_left_no_behave_json_is_no_go(tmp_path):
    report = build_reports(write_run(tmp_path, None))
    assert report["verdict"] == "NO-GO"
    assert report["reasons"][0] == {"kind": "aborted", "text": "The run left no results (it crashed or was stopped)"}


def test_gate_no_go_and_gate_error_make_the_verdict_no_go(tmp_path):
    gate = {
        "verdict": "NO-GO",
        "environment": "production",
        "from_sha": "a" * 40,
        "to_sha": "b" * 40,
        "issues": [
            {
                "iid": 12,
                "title": "Pay by card",
                "web_url": "https://gitlab.example/i/12",
                "assignees": ["alice"],
                "verified": True,
                "signed_off": False,
                "problems": ["no stakeholder signoff"],
            }
        ],
        "untracked_merge_requests": [{"iid": 7, "title": "Tweak", "web_url": "https://gitlab.example/mr/7"}],
    }
    report = build_reports(write_run(tmp_path / "a", covering_everything(), gate=gate))
    assert report["verdict"] == "NO-GO"
    assert report["reasons"] == [
        {"kind": "gate", "text": "The release gate says NO-GO (issues not verified or not signed off)"}
    ]
    html = read(tmp_path / "a", "readiness.html")
    assert "Pay by card" in html and "no stakeholder signoff" in html and "Tweak" in html
    error = {"verdict": "NO-GO", "error": "GitLab answered 401", "issues": [], "untracked_merge_requests": []}
    report = build_reports(write_run(tmp_path / "b", covering_everything(), gate=error))
    assert report["reasons"][0]["text"] == "The release gate could not be checked: GitLab answered 401"
    report = build_reports(write_run(tmp_path / "c", covering_everything(), gate={**gate, "verdict": "GO"}))
    assert report["verdict"] == "GO" and report["gate"]["verdict"] == "GO"


def test_the_report_names_merge_requests_whose_issues_cannot_be_read(tmp_path):
    gate = {
        "verdict": "NO-GO",
        "environment": "production",
        "from_sha": "a" * 40,
        "to_sha": "b" * 40,
        "issues": [
            {
                "iid": 3,
                "reference": "group/other#3",
                "title": "Elsewhere",
                "web_url": "u",
                "verified": True,
                "signed_off": True,
                "problems": [],
            }
        ],
        "blockers": [
            {
                "merge_request": 9,
                "reference": "!9",
                "title": "Secret fix",
                "web_url": "u9",
                "problems": ["closing issue #44 cannot be read (403)"],
            }
        ],
        "untracked_merge_requests": [],
    }
    build_reports(write_run(tmp_path, covering_everything(), gate=gate))
    html = read(tmp_path, "readiness.html")
    assert "Secret fix" in html and "closing issue #44 cannot be read (403)" in html and "group/other#3" in html


def test_a_gate_abort_ignores_an_older_behave_json_in_the_folder(tmp_path):
    write_run(tmp_path, covering_everything())  # yesterday's run
    meta = json.loads(read(tmp_path, "run-meta.json"))
    meta.update(status="gate-no-go", gate={"verdict": "NO-GO", "issues": [], "untracked_merge_requests": []})
    (tmp_path / "run-meta.json").write_text(json.dumps(meta))
    report = build_reports(tmp_path)
    assert report["verdict"] == "NO-GO"
    assert report["counts"]["ran"] == 0 and report["scenarios"] == []
    assert report["reasons"][0]["text"] == "The run was stopped: the release gate said NO-GO, so no scenario ran"


def test_a_run_stopped_by_the_gate_still_writes_a_no_go_report(tmp_path, capsys):
    from prodready.core.config import load_project, run_settings
    from prodready.run import prepare as suite

    write_run(tmp_path, covering_everything())  # an older run in the same folder
    run = suite.Run(
        settings=run_settings({}),
        target=load_project().target("demo"),
        credentials={},
        reports=tmp_path,
        seed=5,
        selected=15,
        gate={"verdict": "NO-GO", "issues": [], "untracked_merge_requests": []},
    )
    suite.write_meta(run, status="gate-no-go")
    report = json.loads(read(tmp_path, "readiness.json"))
    assert report["verdict"] == "NO-GO" and report["gate"]["verdict"] == "NO-GO"
    assert [r["kind"] for r in report["reasons"]][:1] == ["aborted"]
    assert "gate" in [r["kind"] for r in report["reasons"]]
    assert f"prodready: readiness NO-GO → {tmp_path / 'readiness.html'}" in capsys.readouterr().err


# -- flaky -------------------------------------------------------------------------------------
def test_a_scenario_in_flaky_json_is_flaky_never_passed_and_the_verdict_is_go_with_a_warning(tmp_path):
    features = covering_everything()
    write_run(tmp_path, features)
    flaky_one = features[0]["elements"][1]
    (tmp_path / "flaky.json").write_text(
        json.dumps([{"location": flaky_one["location"], "name": flaky_one["name"], "attempts": 2}])
    )
    report = build_reports(tmp_path)
    assert report["verdict"] == "GO"
    assert report["warnings"] == ["1 scenario flaky: failed, then passed when retried (Scan Entry works)"]
    assert items_by_id(report)["gate_access.scan_entry"]["status"] == "flaky"
    scan = next(s for s in report["scenarios"] if s["name"] == "Scan Entry works")
    assert (scan["status"], scan["attempts"]) == ("flaky", 2)
    assert report["counts"]["flaky"] == 1 and report["counts"]["passed"] == 12
    assert "⚠ Flaky" in read(tmp_path, "readiness.html")


def test_a_scenario_that_failed_then_passed_in_merged_results_is_flaky(tmp_path):
    features = covering_everything()
    retried = dict(features[1]["elements"][0])
    features[1]["elements"].insert(
        0,
        scenario(
            retried["name"],
            *retried["tags"],
            status="failed",
            line=int(retried["location"].rsplit(":", 1)[1]),
            file=retried["location"].rsplit(":", 1)[0],
        ),
    )
    report = build_reports(write_run(tmp_path, features))
    entries = [s for s in report["scenarios"] if s["name"] == retried["name"]]
    assert [s["status"] for s in entries] == ["flaky"]


def test_an_old_flaky_json_does_not_mark_a_later_serial_run(tmp_path):
    features = covering_everything()
    (tmp_path / "flaky.json").write_text(
        json.dumps([{"location": features[0]["elements"][0]["location"], "name": features[0]["elements"][0]["name"]}])
    )
    old = time.time() - 3600
    os.utime(tmp_path / "flaky.json", (old, old))
    report = build_reports(write_run(tmp_path, features))
    assert report["counts"]["flaky"] == 0 and report["warnings"] == []


def test_failed_wins_over_flaky_for_an_item(tmp_path):
    features = covering_everything()
    features[0]["elements"].append(
        scenario(
            "Manual entry again",
            "checklist.gate_access.manual_entry",
            status="failed",
            line=99,
            file="features/gate_access.feature",
        )
    )
    write_run(tmp_path, features)
    first = features[0]["elements"][0]
    (tmp_path / "flaky.json").write_text(json.dumps([{"location": first["location"], "name": first["name"]}]))
    report = build_reports(tmp_path)
    assert items_by_id(report)["gate_access.manual_entry"]["status"] == "failed"


# -- evidence ----------------------------------------------------------------------------------
def test_failure_evidence_of_every_actor_is_inline_with_console_errors_and_url(tmp_path):
    features = covering_everything({"payments.submit_payment": "failed"})
    name = "Submitting a payment works"
    location = location_of(features, name)
    # A merged parallel run: the meta points at a worker folder that no longer exists.
    folder = write_evidence(
        tmp_path,
        folder_name(location, name),
        {
            "admin": {
                "url": "http://127.0.0.1:5000/payments/new",
                "name": "An Admin User",
                "console": ["[error] TypeError: amount is undefined", "[info] loaded"],
            },
            "client": {"url": "http://127.0.0.1:5000/payments", "name": "Mary Client", "colour": "#2e7d32"},
        },
    )
    write_run(tmp_path, features, artifacts={location: str(tmp_path / "workers" / "1" / "artifacts" / folder.name)})
    report = build_reports(tmp_path)
    failed = next(s for s in report["scenarios"] if s["name"] == name)
    admin, client = failed["evidence"]
    assert admin["console_errors"] == ["[error] TypeError: amount is undefined"]
    assert admin["url"] == "http://127.0.0.1:5000/payments/new"
    assert admin["screenshot"] == f"artifacts/{folder.name}/admin/screenshot.png"
    assert client["console_errors"] == []
    html = read(tmp_path, "readiness.html")
    assert len(re.findall(r'<img alt="[^"]*" src="data:image/png;base64,', html)) == 2
    assert "TypeError: amount is undefined" in html and "/payments/new" in html


def test_the_html_is_one_self_contained_file(tmp_path):
    features = covering_everything({"payments.dashboard": "failed"})
    name = "Payments Dashboard works"
    folder = folder_name(location_of(features, name), name)
    write_evidence(tmp_path, folder, {"admin": {"url": "http://127.0.0.1:5000/payments"}})
    write_run(tmp_path, features)
    build_reports(tmp_path)
    build_reports(tmp_path)  # a second build: the trend has something to draw
    html = read(tmp_path, "readiness.html")
    assert "<link" not in html.lower()
    assert not re.search(
        r"""(src|href)\s*=\s*["']?(https?:|//|file:)""",
        html.replace('href="http://127.0.0.1', "").replace('href="https://gitlab', ""),
        re.I,
    )
    assert "<script" not in html.lower() and "@import" not in html and "url(" not in html
    assert all(src.startswith(("data:", "#")) for src in re.findall(r'src="([^"]+)"', html))
    assert "<svg" in html and 'class="trend"' in html
    assert (
        html.index('id="verdict"')
        < html.index('id="checklist"')
        < html.index('id="scenarios"')
        < html.index('id="run"')
    )


def test_run_details_name_target_browser_seed_and_commit(tmp_path):
    report = build_reports(
        write_run(tmp_path, covering_everything(), seed=777, commit="f00dcafe", browser="chrome 156.0.8078.108")
    )
    run = report["run"]
    assert (run["target"], run["seed"], run["commit"], run["browser"]) == (
        "demo",
        777,
        "f00dcafe",
        "chrome 156.0.8078.108",
    )
    assert run["duration"] == 42.0 and run["started"].endswith("Z")
    html = read(tmp_path, "readiness.html")
    assert "-D seed=777" in html and "f00dcafe" in html and "chrome 156.0.8078.108" in html


# -- history -----------------------------------------------------------------------------------
def test_history_keeps_the_last_n_runs_with_each_scenario_outcome(tmp_path):
    for n in range(5):
        status = {"tasks.dashboard": "failed"} if n == 3 else {}
        write_run(tmp_path, covering_everything(status), started=1_800_000_000 + n * 100, duration=10 + n)
        build_reports(tmp_path, history_size=3)
    runs = json.loads(read(tmp_path, "history.json"))["runs"]
    assert [r["duration"] for r in runs] == [12, 13, 14]
    assert [r["verdict"] for r in runs] == ["GO", "NO-GO", "GO"]
    assert runs[1]["counts"] == {"passed": 12, "failed": 1, "flaky": 0}
    task = runs[1]["scenarios"]["features/tasks.feature:Task Dashboard works"]
    assert task["status"] == "failed" and task["duration"] == pytest.approx(1.7)
    html = read(tmp_path, "readiness.html")
    assert "Trend: the last 3 runs" in html
    assert html.count("<rect x=") >= 3  # one bar per run


def test_rebuilding_the_same_run_replaces_its_history_entry(tmp_path):
    write_run(tmp_path, covering_everything(), started=1_800_000_000)
    build_reports(tmp_path)
    report = build_reports(tmp_path)
    assert report["history"] == {"file": "history.json", "runs": 1}


def test_a_corrupt_history_file_starts_afresh(tmp_path):
    (tmp_path / "history.json").write_text("{not json")
    report = build_reports(write_run(tmp_path, covering_everything()))
    assert report["history"]["runs"] == 1


# -- secrets -----------------------------------------------------------------------------------
SECRET = 'Pytest-Secr3t "q" & <é>/+x'


def test_secrets_are_masked_in_every_file_of_the_reports_folder_in_any_encoding(tmp_path):
    REDACTOR.add(SECRET)
    features = covering_everything()
    features[0]["elements"][0] = scenario(
        f"Typing {SECRET}",
        "checklist.gate_access.manual_entry",
        status="failed",
        file="features/gate_access.feature",
        steps=[
            step(f"the guard types {SECRET}", "passed"),
            step("the box is empty", "failed", keyword="Then", error=f"the box shows {SECRET!r}"),
        ],
    )
    write_evidence(
        tmp_path,
        "typing-" + "x",
        {"guard": {"url": "http://h/search?q=" + _browser_query(SECRET), "console": [f"[error] {SECRET}"]}},
    )
    write_run(
        tmp_path,
        features,
        artifacts={location_of(features, f"Typing {SECRET}"): str(tmp_path / "artifacts" / "typing-x")},
    )
    junit = tmp_path / "junit"
    junit.mkdir()
    case = ElementTree.Element("testcase", name=SECRET)
    ElementTree.SubElement(case, "failure", message=f"the box shows {SECRET}").text = f"<{SECRET}>"
    ElementTree.ElementTree(case).write(junit / "TESTS-x.xml", encoding="utf-8")
    build_reports(tmp_path)
    # The forms the writers produce, computed independently of prodready.core.masking.
    forms = {
        SECRET,
        json.dumps(SECRET)[1:-1],
        SECRET.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;"),
        SECRET.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;"),
        _browser_query(SECRET),
        repr(SECRET)[1:-1],
    }
    leaks = {
        (str(path.relative_to(tmp_path)), form)
        for path in tmp_path.rglob("*")
        if path.is_file()
        for form in forms
        if form.encode() in path.read_bytes()
    }
    assert leaks == set()
    assert MASK in read(tmp_path, "readiness.html") and MASK in read(tmp_path, "behave.json")
    assert (junit / "TESTS-x.xml").read_text(encoding="utf-8").count(MASK) == 3
    assert ElementTree.parse(junit / "TESTS-x.xml").getroot().get("name") == MASK  # still valid XML


def _browser_query(text: str) -> str:
    from urllib.parse import quote_plus

    return quote_plus(text, safe="")


def test_mask_leaves_inline_images_alone():
    REDACTOR.add("AAAAsecretAAAA")
    picture = "data:image/png;base64,iVBORw0KGgoAAAAsecretAAAA=="
    assert mask(f'<img src="{picture}"> AAAAsecretAAAA') == f'<img src="{picture}"> {MASK}'


def test_sweep_rewrites_only_files_holding_a_secret(tmp_path):
    REDACTOR.add("sweep-me-please")
    (tmp_path / "a.log").write_text("x sweep-me-please y")
    (tmp_path / "b.json").write_text('{"ok": 1}')
    (tmp_path / "c.png").write_bytes(b"\x89PNG sweep-me-please")  # binary: left to the screenshot masking
    assert sweep([tmp_path]) == [tmp_path / "a.log"]
    assert (tmp_path / "a.log").read_text() == f"x {MASK} y"


# -- the command line --------------------------------------------------------------------------
def test_main_rebuilds_and_exits_with_the_verdict(tmp_path, capsys):
    write_run(tmp_path / "go", covering_everything())
    assert main([str(tmp_path / "go")]) == 0
    assert "readiness GO" in capsys.readouterr().out
    write_run(tmp_path / "nogo", [feature("Empty", [])])
    assert main([str(tmp_path / "nogo")]) == 1
    assert main([str(tmp_path / "nothing")]) == 2


def test_the_headline_says_where_the_verdict_was_measured():
    from prodready.reporting.report_html import _headline

    assert (
        _headline(True, {"target": "demo", "embedded": True})
        == "Every must-work feature passed on demo, the reference app"
    )
    assert _headline(True, {"target": "staging"}) == "Every must-work feature works on staging"
    assert _headline(False, {"target": "production"}) == "Do not ship: problems on production"


def test_issue_tags_tie_scenarios_to_the_release_issues(tmp_path):
    features = covering_everything()
    features.append(
        feature(
            "Fixes",
            [
                scenario(
                    "Manual entry keeps the company",
                    "checklist.gate_access.manual_entry",
                    "issue.101",
                    line=5,
                    file="features/fixes.feature",
                ),
                scenario(
                    "Receipt shows the plot",
                    "checklist.payments.submit_payment",
                    "issue.102",
                    status="failed",
                    line=9,
                    file="features/fixes.feature",
                ),
                scenario(
                    "Time card totals",
                    "checklist.timesheet.all_shifts",
                    "issue.555",
                    line=13,
                    file="features/fixes.feature",
                ),
            ],
            file="features/fixes.feature",
        )
    )
    gate = {
        "verdict": "GO",
        "environment": "production",
        "from_sha": "a" * 40,
        "to_sha": "b" * 40,
        "issues": [
            {
                "iid": 101,
                "title": "Company on manual entry",
                "web_url": "https://x/101",
                "assignees": [],
                "verified": True,
                "signed_off": True,
                "problems": [],
            },
            {
                "iid": 102,
                "title": "Plot on receipt",
                "web_url": "https://x/102",
                "assignees": [],
                "verified": True,
                "signed_off": True,
                "problems": [],
            },
            {
                "iid": 103,
                "title": "Untested",
                "web_url": "https://x/103",
                "assignees": [],
                "verified": True,
                "signed_off": True,
                "problems": [],
            },
        ],
        "untracked_merge_requests": [],
    }
    report = build_reports(write_run(tmp_path, features, gate=gate))
    assert [(i["iid"], i["status"]) for i in report["issues"]] == [(101, "passed"), (102, "failed"), (555, "passed")]
    html = (tmp_path / "readiness.html").read_text()
    gate_section = html.split('id="gate"')[1].split("</section>")[0]
    assert gate_section.count("<tr>") == 4 and "none" in gate_section  # #103 has no verifying scenario
    assert 'id="issues"' in html and "#555" in html.split('id="issues"')[1]  # tagged, not in this release

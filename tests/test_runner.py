"""The parallel runner: sharing features among workers, merging results, flaky retries."""
from __future__ import annotations

import json
from pathlib import Path

from prodready import runner


def feature_json(name: str, *scenarios: tuple[str, str]) -> dict:
    return {"keyword": "Feature", "name": name, "status": "passed", "location": f"features/{name}.feature:1",
            "elements": [{"type": "scenario", "keyword": "Scenario", "name": n, "status": st,
                          "location": f"features/{name}.feature:{10 + i}", "steps": []}
                         for i, (n, st) in enumerate(scenarios)]}


def test_plan_balances_features_by_scenario_count():
    plan = runner.plan(["features"], workers=2)
    assert plan.selected > 0
    assert len(plan.shares) == min(2, len({f for share in plan.shares for f in share}))
    every = [f for share in plan.shares for f in share]
    assert len(every) == len(set(every))  # no feature runs twice


def test_plan_follows_the_tag_selection():
    everything = runner.plan(["features"], workers=1).selected
    scan_only = runner.plan(["-t", "@checklist.gate_access.scan_entry"], workers=4)
    assert 0 < scan_only.selected < everything
    assert scan_only.shares == [["features/gate_access.feature"]]


def test_plan_of_nothing():
    assert runner.plan(["-t", "@no_such_tag_anywhere"], workers=2).selected == 0


def test_merge_combines_workers(tmp_path):
    for n, feature in ((1, feature_json("a", ("one", "passed"))), (2, feature_json("b", ("two", "failed")))):
        part = tmp_path / "workers" / str(n)
        (part / "junit").mkdir(parents=True)
        (part / "behave.json").write_text(json.dumps([feature]))
        (part / "junit" / f"TESTS-{n}.xml").write_text("<testsuite/>")
        (part / "artifacts" / f"shot{n}").mkdir(parents=True)
        (part / "run-meta.json").write_text(json.dumps({"selected": 1, "seed": n, "started": n, "finished": 10 + n,
                                                        "artifacts": {f"s{n}": str(part / "artifacts" / f"shot{n}")}}))
    meta = runner.merge([tmp_path / "workers" / "1", tmp_path / "workers" / "2"], tmp_path)
    assert (meta["selected"], meta["started"], meta["finished"], meta["workers"]) == (2, 1, 12, 2)
    assert meta["artifacts"]["s2"] == str(tmp_path / "artifacts" / "shot2")
    assert [s["status"] for s in runner.scenario_results(json.loads((tmp_path / "behave.json").read_text()))] == \
        ["passed", "failed"]
    assert sorted(p.name for p in (tmp_path / "junit").iterdir()) == ["TESTS-1.xml", "TESTS-2.xml"]


def test_a_retry_that_passes_replaces_the_failure():
    features = [feature_json("a", ("one", "passed"), ("two", "failed"))]
    retried = [feature_json("a", ("one", "skipped"), ("two", "passed"))]
    runner._replace_results(features, retried)
    assert [e["status"] for e in features[0]["elements"]] == ["passed", "passed"]
    assert features[0]["status"] == "passed"


def test_retry_arguments_drop_every_selection():
    args = ["-t", "@x", "--tags=@y", "-n", "name", "-tfoo", "features/a.feature", "-D", "target=demo", "-f", "plain"]
    assert runner._without_selection(args) == ["-D", "target=demo", "-f", "plain"]


def test_clear_keeps_the_history(tmp_path):
    (tmp_path / "history.json").write_text("{}")
    (tmp_path / "artifacts").mkdir()
    (tmp_path / "behave.json").write_text("[]")
    runner._clear(tmp_path)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["history.json"]


def test_nothing_selected_is_an_error(tmp_path, capsys):
    assert runner.run(["-t", "@no_such_tag_anywhere"], reports=tmp_path) == runner.EXIT_CONFIG
    assert "no scenario matches" in capsys.readouterr().out


def test_errors_and_undefined_steps_count_as_failed_and_are_retried():
    features = [feature_json("a", ("one", "error"), ("two", "undefined"), ("three", "passed"))]
    assert [r["status"] in runner.FAILED for r in runner.scenario_results(features)] == [True, True, False]
    runner._replace_results(features, [feature_json("a", ("one", "passed"), ("two", "hook_error"), ("three", "skipped"))])
    assert [e["status"] for e in features[0]["elements"]] == ["passed", "hook_error", "passed"]
    assert features[0]["status"] == "failed"


def test_failure_digest_names_the_step_the_reason_and_the_evidence(tmp_path):
    feature = feature_json("a", ("The guard logs an entry", "failed"))
    feature["elements"][0]["steps"] = [
        {"keyword": "Given", "name": "the guard is logged in", "result": {"status": "passed"}},
        {"keyword": "Then", "name": "the logbook shows it", "result": {
            "status": "failed", "error_message": ["Assertion Failed: no logbook entry for 'X'", "more"]}}]
    (tmp_path / "artifacts" / "the-guard-logs-an-entry").mkdir(parents=True)
    lines = runner._failure_digest([feature], tmp_path)
    assert lines[0] == "FAILED features/a.feature:10  The guard logs an entry"
    assert lines[1] == "  at: Then the logbook shows it"
    assert lines[2] == "  why: Assertion Failed: no logbook entry for 'X'"
    assert lines[3].endswith("artifacts/the-guard-logs-an-entry")


def test_failure_digest_gives_an_exceptions_last_line():
    feature = feature_json("a", ("Broken page object", "error"))
    feature["elements"][0]["steps"] = [{"keyword": "When", "name": "x", "result": {
        "status": "error", "error_message": ["Traceback (most recent call last):", '  File "p.py", line 1',
                                             "AttributeError: 'Select' object has no attribute 'x'"]}}]
    lines = runner._failure_digest([feature], Path("/nonexistent"))
    assert lines[2] == "  why: AttributeError: 'Select' object has no attribute 'x'"


def test_a_parallel_run_checks_the_configuration_once_before_any_worker(tmp_path, capsys):
    code = runner.run(["-D", "target=stagin"], workers=2, reports=tmp_path)
    out = capsys.readouterr().out
    assert code == runner.EXIT_CONFIG
    assert out.count("unknown target 'stagin'") == 1 and "[w1]" not in out
    assert not (tmp_path / "workers").exists()

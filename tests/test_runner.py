"""The parallel runner: sharing features among workers, merging results, flaky retries."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from prodready.core.verdicts import NO_GO
from prodready.reporting.results import FAILED_STATUSES
from prodready.run import merging, planning, runner, shards, workers
from prodready.run.digest import failure_digest


def feature_json(name: str, *scenarios: tuple[str, str]) -> dict:
    return {
        "keyword": "Feature",
        "name": name,
        "status": "passed",
        "location": f"features/{name}.feature:1",
        "elements": [
            {
                "type": "scenario",
                "keyword": "Scenario",
                "name": n,
                "status": st,
                "location": f"features/{name}.feature:{10 + i}",
                "steps": [],
            }
            for i, (n, st) in enumerate(scenarios)
        ],
    }


def planned(*weights: float) -> list[planning.Planned]:
    return [
        planning.Planned(f"features/f.feature:{10 + i}", f"features/f.feature:s{i}", w) for i, w in enumerate(weights)
    ]


def test_longest_first_balances_scenarios_among_workers():
    shares = planning.longest_first(planned(9, 7, 6, 5, 4, 3, 2, 1), 2)
    loads = sorted(sum(s.weight for s in share) for share in shares)
    assert loads == [18.0, 19.0]  # LPT: within a few seconds of the perfect 18.5 each
    assert sorted(s.location for share in shares for s in share) == sorted(s.location for s in planned(*[1] * 8))


def test_plan_hands_out_scenarios_not_feature_files():
    the_plan = planning.plan(["features/application.feature"], workers=2)
    assert len(the_plan.workers) == 2 and all(the_plan.workers)
    locations = [s.location for share in the_plan.workers for s in share]
    assert len(locations) == len(set(locations)) == the_plan.selected > 2
    assert all(loc.startswith("features/application.feature:") for loc in locations)


def test_a_scenario_without_history_is_weighed_by_its_steps_and_the_history_wins_when_it_knows():
    the_plan = planning.plan(["features/forms.feature"], workers=2)
    by_steps = {s.key: s.weight for s in the_plan.scenarios}
    longest = max(the_plan.behave_scenarios, key=lambda sc: len(sc.steps) + len(sc.background_steps or []))
    shortest = min(the_plan.behave_scenarios, key=lambda sc: len(sc.steps) + len(sc.background_steps or []))
    key = f"{longest.location.relpath()}:{longest.name}"
    assert by_steps[key] == planning.estimate(longest) > by_steps[f"{shortest.location.relpath()}:{shortest.name}"]
    known = {s.key: s.weight for s in planning.plan(["features/forms.feature"], 2, {key: 42.0}).scenarios}
    assert known[key] == 42.0


def test_plan_follows_the_tag_selection():
    everything = planning.plan(["features"], workers=1).selected
    read_only = planning.plan(["-t", "@read_only", "features/application.feature"], workers=4)
    assert 0 < read_only.selected < everything


def test_plan_of_nothing():
    assert planning.plan(["-t", "@no_such_tag_anywhere"], workers=2).selected == 0


def test_shards_split_the_run_without_overlap_and_agree_on_the_plan():
    shards = [planning.plan(["features/application.feature"], 1, shard=planning.Shard(i, 3)) for i in (1, 2, 3)]
    mine = [s.location for p in shards for s in p.mine]
    assert len(mine) == len(set(mine)) == len(shards[0].scenarios)
    assert len({p.fingerprint for p in shards}) == 1
    assert max(p.selected for p in shards) - min(p.selected for p in shards) <= 1


@pytest.mark.parametrize(
    "text,environ,expected",
    [
        ("2/3", {}, planning.Shard(2, 3)),
        (None, {"CI_NODE_INDEX": "1", "CI_NODE_TOTAL": "4"}, planning.Shard(1, 4)),
        (None, {}, None),
        ("1/1", {}, None),
    ],
)
def test_shard_comes_from_the_option_or_gitlab_ci(text, environ, expected):
    assert planning.parse_shard(text, environ) == expected


@pytest.mark.parametrize("text", ["0/3", "4/3", "a/b", "3", "1/0", "1/101"])
def test_a_bad_shard_is_refused_with_what_to_give(text):
    with pytest.raises(planning.ShardError, match="give I/N"):
        planning.parse_shard(text, {})


def test_history_weights_read_the_last_run(tmp_path):
    (tmp_path / "history.json").write_text(
        json.dumps(
            {
                "runs": [
                    {"scenarios": {"features/a.feature:x": {"duration": 9}}},
                    {
                        "scenarios": {
                            "features/a.feature:x": {"duration": 2.5},
                            "features/a.feature:y": {"duration": "bad"},
                        }
                    },
                ]
            }
        )
    )
    assert planning.history_weights(tmp_path / "history.json") == {"features/a.feature:x": 2.5}


def test_merge_combines_workers(tmp_path):
    for n, feature in ((1, feature_json("a", ("one", "passed"))), (2, feature_json("b", ("two", "failed")))):
        part = tmp_path / "workers" / str(n)
        (part / "junit").mkdir(parents=True)
        (part / "behave.json").write_text(json.dumps([feature]))
        (part / "junit" / f"TESTS-{n}.xml").write_text("<testsuite/>")
        (part / "artifacts" / f"shot{n}").mkdir(parents=True)
        (part / "run-meta.json").write_text(
            json.dumps(
                {
                    "selected": 1,
                    "seed": n,
                    "started": n,
                    "finished": 10 + n,
                    "artifacts": {f"s{n}": str(part / "artifacts" / f"shot{n}")},
                }
            )
        )
    meta = merging.merge([tmp_path / "workers" / "1", tmp_path / "workers" / "2"], tmp_path)
    assert (meta["selected"], meta["started"], meta["finished"], meta["workers"]) == (2, 1, 12, 2)
    assert meta["artifacts"]["s2"] == str(tmp_path / "artifacts" / "shot2")
    assert [s["status"] for s in merging.scenario_results(json.loads((tmp_path / "behave.json").read_text()))] == [
        "passed",
        "failed",
    ]
    assert sorted(p.name for p in (tmp_path / "junit").iterdir()) == ["TESTS-1.xml", "TESTS-2.xml"]


def test_a_retry_that_passes_replaces_the_failure():
    features = [feature_json("a", ("one", "passed"), ("two", "failed"))]
    retried = [feature_json("a", ("one", "skipped"), ("two", "passed"))]
    merging.replace_results(features, retried)
    assert [e["status"] for e in features[0]["elements"]] == ["passed", "passed"]
    assert features[0]["status"] == "passed"


def test_retry_arguments_drop_every_selection():
    args = ["-t", "@x", "--tags=@y", "-n", "name", "-tfoo", "features/a.feature", "-D", "target=demo", "-f", "plain"]
    assert workers.without_selection(args) == ["-D", "target=demo", "-f", "plain"]


def test_clear_keeps_the_history(tmp_path):
    (tmp_path / "history.json").write_text("{}")
    (tmp_path / "artifacts").mkdir()
    (tmp_path / "behave.json").write_text("[]")
    runner._clear(tmp_path)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["history.json"]


def test_nothing_selected_is_an_error(tmp_path, capsys):
    assert runner.run(["-t", "@no_such_tag_anywhere"], reports=tmp_path) == runner.EXIT_CONFIG
    assert "no scenario matches" in capsys.readouterr().out


def test_a_cleanup_error_counts_as_failed_in_the_runner_and_the_report(tmp_path):
    from prodready.reporting import readiness, results

    features = [feature_json("a", ("one", "cleanup_error"), ("two", "xpassed"))]
    assert all(r["status"] in FAILED_STATUSES for r in merging.scenario_results(features))
    scenarios = results.scenarios_of(features)
    assert [s.status for s in scenarios] == [results.FAILED, results.FAILED]
    assert readiness.verdict(scenarios, [], None, "finished")[0] == NO_GO


def test_errors_and_undefined_steps_count_as_failed_and_are_retried():
    features = [feature_json("a", ("one", "error"), ("two", "undefined"), ("three", "passed"))]
    assert [r["status"] in FAILED_STATUSES for r in merging.scenario_results(features)] == [True, True, False]
    merging.replace_results(
        features, [feature_json("a", ("one", "passed"), ("two", "hook_error"), ("three", "skipped"))]
    )
    assert [e["status"] for e in features[0]["elements"]] == ["passed", "hook_error", "passed"]
    assert features[0]["status"] == "failed"


def test_failure_digest_names_the_step_the_reason_and_the_evidence(tmp_path):
    feature = feature_json("a", ("The guard logs an entry", "failed"))
    feature["elements"][0]["steps"] = [
        {"keyword": "Given", "name": "the guard is logged in", "result": {"status": "passed"}},
        {
            "keyword": "Then",
            "name": "the logbook shows it",
            "result": {"status": "failed", "error_message": ["Assertion Failed: no logbook entry for 'X'", "more"]},
        },
    ]
    (tmp_path / "artifacts" / "a-10-the-guard-logs-an-entry").mkdir(parents=True)
    lines = failure_digest([feature], tmp_path)
    assert lines[0] == "FAILED features/a.feature:10  The guard logs an entry"
    assert lines[1] == "  at: Then the logbook shows it"
    assert lines[2] == "  why: no logbook entry for 'X'"
    assert lines[3].endswith("artifacts/a-10-the-guard-logs-an-entry")


def test_failure_digest_gives_an_exceptions_last_line():
    feature = feature_json("a", ("Broken page object", "error"))
    feature["elements"][0]["steps"] = [
        {
            "keyword": "When",
            "name": "x",
            "result": {
                "status": "error",
                "error_message": [
                    "Traceback (most recent call last):",
                    '  File "p.py", line 1',
                    "AttributeError: 'Select' object has no attribute 'x'",
                ],
            },
        }
    ]
    lines = failure_digest([feature], Path("/nonexistent"))
    assert lines[2] == "  why: AttributeError: 'Select' object has no attribute 'x'"


def test_a_parallel_run_checks_the_configuration_once_before_any_worker(tmp_path, capsys):
    code = runner.run(["-D", "target=stagin"], workers=2, reports=tmp_path)
    out = capsys.readouterr().out
    assert code == runner.EXIT_CONFIG
    assert out.count("unknown target 'stagin'") == 1 and "[w1]" not in out
    assert not (tmp_path / "workers").exists()


def shard_folder(root: Path, index: int, total: int, plan: str, *scenarios: tuple[str, str]) -> Path:
    folder = root / f"shard{index}"
    (folder / "junit").mkdir(parents=True)
    (folder / "behave.json").write_text(json.dumps([feature_json(f"f{index}", *scenarios)]))
    (folder / "junit" / "TESTS-f.xml").write_text("<testsuite/>")
    (folder / "run-meta.json").write_text(
        json.dumps(
            {
                "status": "finished",
                "target": "demo",
                "started": index,
                "finished": 10 + index,
                "shard": {"index": index, "total": total, "plan": plan, "scenarios": [s[0] for s in scenarios]},
            }
        )
    )
    return folder


def test_merged_shards_make_one_report_and_junit_files_never_overwrite(tmp_path):
    folders = [
        shard_folder(tmp_path, 1, 2, "p1", ("one", "passed")),
        shard_folder(tmp_path, 2, 2, "p1", ("two", "passed")),
    ]
    report = shards.merge_shards(folders, tmp_path / "merged")
    assert [s["name"] for s in report["scenarios"]] == ["one", "two"]
    assert not any(r["kind"] == "shards" for r in report["reasons"])
    assert len(list((tmp_path / "merged" / "junit").glob("*.xml"))) == 2


def test_a_missing_or_foreign_shard_is_a_no_go(tmp_path):
    only_one = shards.merge_shards([shard_folder(tmp_path, 1, 3, "p1", ("one", "passed"))], tmp_path / "m1")
    assert only_one["verdict"] == "NO-GO"
    assert "The run is incomplete: shard 2/3, 3/3 did not report" in [r["text"] for r in only_one["reasons"]]
    foreign = [
        shard_folder(tmp_path / "x", 1, 2, "p1", ("one", "passed")),
        shard_folder(tmp_path / "x", 2, 2, "OTHER", ("two", "passed")),
    ]
    texts = [r["text"] for r in shards.merge_shards(foreign, tmp_path / "m2")["reasons"]]
    assert any("planned differently" in t for t in texts)


def test_a_retry_on_the_platform_leaves_out_failures_of_documented_defects(tmp_path, monkeypatch):
    features = [feature_json("a", ("one", "failed"), ("two", "failed"), ("three", "failed"))]
    features[0]["elements"][0]["tags"] = ["defect.forms.draft_form_by_link"]  # documented in the ledger
    features[0]["elements"][1]["tags"] = ["defect.no.such_entry"]  # not documented: a failure like any other
    (tmp_path / "behave.json").write_text(json.dumps(features))
    asked: list[list[str]] = []

    class Done:
        def wait(self) -> int:
            return 0

    def fake_behave(args: list[str], part: Path, **_kw: object) -> Done:
        asked.append(args)
        part.mkdir(parents=True, exist_ok=True)
        (part / "behave.json").write_text("[]")
        return Done()

    monkeypatch.setattr(workers, "start_behave", fake_behave)
    workers.retry(["-D", "target=platform"], tmp_path, 1, known_defects=True)
    workers.retry(["-D", "target=platform"], tmp_path, 1, known_defects=False)
    locations = [e["location"] for e in features[0]["elements"]]
    assert asked[0][2:] == locations[1:]  # the documented defect's scenario is not run again
    assert asked[1][2:] == locations


def test_the_digest_names_a_webdriver_error_by_its_message_not_the_driver_s_stack(tmp_path):
    feature = feature_json("a", ("A login link keeps the person on the site", "failed"))
    trace = [
        "Traceback (most recent call last):",
        '  File "steps/x.py", line 3, in step',
        "selenium.common.exceptions.WebDriverException: Message: unknown error: session deleted",
        "Stacktrace:",
        "#0 0x55d1 <unknown>",
        "#23 0x7f07af9361f5 <unknown>",
    ]
    feature["elements"][0]["steps"] = [
        {"keyword": "Given", "name": "a login link", "result": {"status": "failed", "error_message": trace}}
    ]
    digest = failure_digest([feature], tmp_path)
    assert "  why: selenium.common.exceptions.WebDriverException: Message: unknown error: session deleted" in digest

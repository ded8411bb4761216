"""The platform's .gitlab-ci.yml: the jobs, their rules and their prodready commands exist and fit."""

from __future__ import annotations

import re
import shlex
from pathlib import Path
from typing import Any

import pytest
import yaml

from prodready.cli import build_parser
from prodready.release.settings import load_settings

ROOT = Path(__file__).resolve().parent.parent
CI = yaml.safe_load((ROOT / ".gitlab-ci.yml").read_text(encoding="utf-8"))
SETTINGS = load_settings(ROOT / "prodready.toml", environ={})
RESERVED = {"stages", "variables", "default", "workflow", "include", "image", "cache"}
JOBS = {k: v for k, v in CI.items() if k not in RESERVED and not k.startswith(".")}
TAG_RULE = "$CI_COMMIT_TAG"


def resolved(job: dict[str, Any]) -> dict[str, Any]:
    """The job with its `extends` templates merged in (GitLab's deep merge, lists replaced)."""
    merged: dict[str, Any] = {}
    parents = job.get("extends", [])
    for parent in [parents] if isinstance(parents, str) else parents:
        merged = deep_merge(merged, resolved(CI[parent]))
    return deep_merge(merged, {k: v for k, v in job.items() if k != "extends"})


def deep_merge(base: dict[str, Any], top: dict[str, Any]) -> dict[str, Any]:
    out = dict(base)
    for key, value in top.items():
        if isinstance(value, dict) and isinstance(out.get(key), dict):
            out[key] = deep_merge(out[key], value)
        else:
            out[key] = value
    return out


def flat(lines: Any) -> list[str]:
    """GitLab flattens nested script arrays (e.g. from YAML anchors); so do we."""
    if isinstance(lines, str):
        return [lines]
    return [line for item in lines or [] for line in flat(item)]


def script(name: str) -> list[str]:
    return flat(resolved(JOBS[name]).get("script"))


def rule_ifs(name: str) -> list[str]:
    return [rule.get("if", "") for rule in JOBS[name].get("rules", [])]


def jobs_for_schedule(description: str) -> list[str]:
    wanted = f'$CI_PIPELINE_SCHEDULE_DESCRIPTION == "{description}"'
    return [
        name
        for name in JOBS
        if any(wanted in cond and '$CI_PIPELINE_SOURCE == "schedule"' in cond for cond in rule_ifs(name))
    ]


def stage_index(name: str) -> int:
    return CI["stages"].index(JOBS[name]["stage"])


def test_every_job_has_a_known_stage_a_script_and_rules():
    for name, job in JOBS.items():
        assert job["stage"] in CI["stages"], name
        assert script(name), name
        assert job.get("rules"), f"{name} would run in every pipeline"


def test_merge_request_pipeline_runs_make_test():
    (job,) = [n for n in JOBS if any("merge_request_event" in c for c in rule_ifs(n))]
    assert "make test" in script(job)


def test_nightly_acceptance_runs_staging_in_shards_then_merges_one_report():
    jobs = jobs_for_schedule("Nightly acceptance")
    shards = next(n for n in jobs if any(line.startswith("make acceptance TARGET=staging") for line in script(n)))
    merge = next(n for n in jobs if any(line.startswith("prodready report merge") for line in script(n)))
    assert JOBS[shards]["parallel"] >= 2
    line = next(line for line in script(shards) if line.startswith("make acceptance"))
    assert "SHARD=$CI_NODE_INDEX/$CI_NODE_TOTAL" in line and "REPORTS=reports/shard-$CI_NODE_INDEX" in line
    # the shards' browsers run on a Selenium Grid service beside each job, which installs none itself
    [grid] = JOBS[shards]["services"]
    assert grid["name"].startswith("selenium/standalone-chromium:") and grid["alias"] == "selenium"
    assert "GRID=http://selenium:4444" in line and JOBS[shards]["variables"]["PRODREADY_SKIP_BROWSER"] == "1"
    assert "reports/history.json" in JOBS[shards]["cache"]["paths"]  # every shard plans from one history
    assert JOBS[merge]["needs"] == [shards] and JOBS[merge]["when"] == "always"
    assert "reports/shard-* --into reports" in script(merge)[0]
    assert "reports/history.json" in JOBS[merge]["cache"]["paths"]  # the report's trend spans nights
    artifacts = resolved(JOBS[shards])["artifacts"]
    assert artifacts["when"] == "always" and artifacts["reports"]["junit"] == "reports/shard-*/junit/*.xml"
    assert "reports/" in resolved(JOBS[merge])["artifacts"]["paths"]


def test_nightly_also_runs_the_live_like_twin_of_the_reference_app():
    jobs = jobs_for_schedule("Nightly acceptance")
    assert any("make acceptance TARGET=twin" in script(n) for n in jobs)


def test_push_to_production_is_gate_then_staging_acceptance_then_tag():
    jobs = jobs_for_schedule(SETTINGS.schedule_description)
    gate = next(n for n in jobs if any(line.startswith("prodready gate") for line in script(n)))
    acceptance = next(n for n in jobs if "make acceptance TARGET=staging" in script(n))
    tag = next(n for n in jobs if any(line.startswith("prodready deploy-tag") for line in script(n)))
    assert stage_index(gate) < stage_index(acceptance) < stage_index(tag)
    assert set(JOBS[tag]["needs"]) == {gate, acceptance}
    assert JOBS[acceptance]["needs"] == [gate]
    # The same commit all along: what was gated is what is tagged.
    assert all(
        '--ref "$CI_COMMIT_SHA"' in line for n in (gate, tag) for line in script(n) if line.startswith("prodready")
    )


def test_tag_pipeline_deploys_smokes_read_only_and_checks_rollback_on_failure():
    deploy = JOBS[SETTINGS.deploy_job]  # the job `rollback run` retries
    assert deploy["environment"]["name"] == SETTINGS.environment
    assert any(TAG_RULE in cond for cond in rule_ifs(SETTINGS.deploy_job))
    # `make smoke` selects the @read_only scenarios; the production target refuses any other.
    smoke = next(n for n in JOBS if "make smoke TARGET=production" in script(n))
    assert stage_index(smoke) > stage_index(SETTINGS.deploy_job)
    rollback = next(n for n in JOBS if "prodready rollback check" in script(n))
    (rule,) = JOBS[rollback]["rules"]
    assert TAG_RULE in rule["if"] and rule["when"] == "on_failure"
    assert stage_index(rollback) > stage_index(smoke)
    assert "needs" not in JOBS[rollback]  # on_failure must see every earlier stage


def test_tag_rule_matches_the_versions_deploy_tag_creates():
    cond = rule_ifs(SETTINGS.deploy_job)[0]
    pattern = re.search(r"=~ /(.+)/$", cond).group(1).replace("\\d", "[0-9]")
    assert re.fullmatch(pattern, "1.5.0") and re.fullmatch(pattern, "v2.0.0")
    assert not re.fullmatch(pattern, "nightly-2026-11-21")


def test_reminder_job_runs_on_the_reminder_schedule():
    (job,) = jobs_for_schedule(SETTINGS.reminder_schedule_description)
    lines = script(job)
    assert "prodready remind" in lines
    assert any(line.startswith("prodready gate --notify") for line in lines)


@pytest.mark.parametrize("name", sorted(JOBS))
def test_prodready_commands_in_ci_are_valid(name):
    for line in script(name):
        if line.startswith("prodready "):
            argv = shlex.split(line.split(" >")[0].split(" ||")[0])[1:]
            args = build_parser().parse_args(argv)  # a usage error raises ConfigError
            assert callable(args.handler)

"""The `prodready` CLI: settings precedence, usage errors, help, and real subprocess runs."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from release_scenario import TOKEN, ready_release

from prodready.cli import SUBCOMMANDS, main
from prodready.release.errors import ConfigError
from prodready.release.settings import load_settings

REPO = Path(__file__).resolve().parents[2]


def test_the_repository_config_loads():
    settings = load_settings(REPO / "prodready.toml", environ={})
    assert settings.project == "doublegdp/app"
    assert settings.verified_label == "Staging::Verified"
    assert settings.schedule_cron == "0 10 * * 1-4"
    assert settings.schedule_timezone == "Africa/Lusaka"
    assert "db/migrate/**" in settings.rollback_blocking_paths
    assert settings.ref is None  # the project's default branch


def test_precedence_flag_over_env_over_file(write_config):
    path = write_config(project="from/file", environment="staging")
    env = {"PRODREADY_GITLAB_PROJECT": "from/env", "GITLAB_URL": "https://env.example"}
    settings = load_settings(path, {}, env)
    assert (settings.project, settings.gitlab_url, settings.environment) == (
        "from/env",
        "https://env.example",
        "staging",
    )
    settings = load_settings(path, {"project": "from/flag", "environment": "production"}, env)
    assert (settings.project, settings.environment) == ("from/flag", "production")


def test_token_comes_only_from_the_environment_and_stays_out_of_repr(write_config):
    settings = load_settings(write_config(), {}, {"GITLAB_TOKEN": TOKEN})
    assert settings.token == TOKEN
    assert TOKEN not in repr(settings)


@pytest.mark.parametrize(
    ("overrides", "words"),
    [
        ({"sigoff_rule": "label"}, "unknown key(s) in [release]: sigoff_rule"),
        ({"signoff_rule": "vibes"}, "signoff_rule 'vibes'"),
        ({"signoff_rule": "approval"}, "needs [release] stakeholders"),
        ({"schedule_cron": "every day"}, "schedule_cron"),
        ({"schedule_timezone": "Lusaka"}, "schedule_timezone 'Lusaka'"),
        ({"untracked_blocks": "yes"}, "untracked_blocks must be true or false"),
        ({"project": ""}, "PRODREADY_GITLAB_PROJECT"),
    ],
)
def test_configuration_errors_exit_2_naming_the_key(cli, write_config, overrides, words):
    write_config(**overrides)
    result = cli("gate")
    assert result.code == 2
    assert words in result.err


def test_bad_gitlab_url_flag(cli):
    result = cli("gate", "--gitlab-url", "gitlab.com")
    assert result.code == 2 and "gitlab_url must start with http" in result.err


def test_bad_timeout_from_env(cli, monkeypatch):
    monkeypatch.setenv("PRODREADY_GITLAB_TIMEOUT", "soon")
    result = cli("schedule", "status")
    assert result.code == 2 and "gitlab_timeout" in result.err


def test_explicit_missing_config_file(cli, tmp_path):
    result = cli("gate", "--config", str(tmp_path / "nope.toml"))
    assert result.code == 2 and "nope.toml not found" in result.err


def test_usage_errors_exit_2_through_the_same_path(cli):
    for argv in (("schedule", "explode"), ("gate", "--bogus"), ()):
        result = cli(*argv)
        assert result.code == 2, argv
        assert result.err.startswith("prodready: error: ")


def test_common_options_work_before_and_after_the_subcommand(cli, project):
    ready_release(project)
    before = cli("--json", "--project", "doublegdp/app", "gate")
    after = cli("gate", "--json", "--project", "doublegdp/app")
    assert before.json() == after.json()


def test_help_names_the_environment_variables_and_exit_codes(capsys):
    assert main(["--help"]) == 0
    out = capsys.readouterr().out
    for name in (
        "GITLAB_TOKEN",
        "GITLAB_URL",
        "PRODREADY_GITLAB_PROJECT",
        "PRODREADY_CONFIG",
        "PRODREADY_GITLAB_TIMEOUT",
        "PRODREADY_SLACK_WEBHOOK",
    ):
        assert name in out
    for command in ("run", "report", "demo", "gate", "schedule", "remind", "rollback", "deploy-tag"):
        assert command in out
    assert "4 the thing named was not found" in out
    assert len(SUBCOMMANDS) == 8


def _subprocess(args: list[str], env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "prodready.cli", *args],
        cwd=REPO,
        env={**os.environ, **env},
        capture_output=True,
        text=True,
        timeout=60,
    )


def test_subprocess_gate_json_go(env, project):
    ready_release(project)
    proc = _subprocess(["gate", "--json"], env)
    assert proc.returncode == 0, proc.stderr
    data = json.loads(proc.stdout)
    assert data["verdict"] == "GO" and [i["iid"] for i in data["issues"]] == [101, 102, 103]
    assert TOKEN not in proc.stdout + proc.stderr


def test_subprocess_no_go_exits_1(env, project):
    ready_release(project)
    project.issues[101]["labels"] = []
    proc = _subprocess(["gate"], env)
    assert proc.returncode == 1
    assert "Verdict: NO-GO" in proc.stdout
    assert TOKEN not in proc.stdout + proc.stderr


def test_subprocess_gitlab_fault_exits_3_without_traceback(env, project):
    ready_release(project)
    project.fake.inject(502)
    proc = _subprocess(["gate", "--json"], env)
    assert proc.returncode == 3
    assert proc.stdout == ""
    assert proc.stderr.count("\n") == 1 and "Traceback" not in proc.stderr
    assert TOKEN not in proc.stderr


def test_subprocess_schedule_pause(env, project):
    proc = _subprocess(["schedule", "pause"], env)
    assert proc.returncode == 0, proc.stderr
    assert [r.body for r in project.fake.calls("PUT")] == [{"active": False}]


def test_load_settings_reports_config_errors_as_exceptions(write_config):
    with pytest.raises(ConfigError) as caught:
        load_settings(write_config(reminder_minutes_before=0), {}, {})
    assert caught.value.exit_code == 2


TYPED = "glpat-TypedOnTheCommandLine9"  # a token pasted where it does not belong


@pytest.mark.parametrize(
    "argv",
    [
        ("gate", "--token", TYPED),
        ("gate", f"--private-token={TYPED}"),
        ("gate", TYPED),
        (TYPED,),
        ("--token", TYPED, "gate"),
        ("schedule", TYPED),
        ("gate", f"-t{TYPED}"),
        ("gate", f"--json={TYPED}"),
    ],
    ids=[
        "--token",
        "--private-token=",
        "positional",
        "as-command",
        "before-command",
        "as-action",
        "short-option",
        "flag-value",
    ],
)
def test_a_token_typed_on_the_command_line_is_never_echoed(cli, project, argv):
    result = cli(*argv)
    assert result.code == 2
    assert TYPED not in result.err and "TypedOnTheCommandLine" not in result.err
    assert "read only from the GITLAB_TOKEN environment variable" in result.err
    assert not project.fake.requests


def test_usage_errors_name_options_but_not_values(cli):
    result = cli("gate", "--bogus", "--project=doublegdp/app", "stray-value-typed")
    assert result.code == 2
    assert "unrecognized arguments: --bogus, 1 value (not shown)" in result.err
    assert "stray-value-typed" not in result.err and "GITLAB_TOKEN" not in result.err
    wrong = cli("schedule", "explode")
    assert "invalid choice (choose from 'status'" in wrong.err and "explode" not in wrong.err


BAD_SETTINGS = [
    ("GITLAB_URL", "http://[::1", "gitlab_url is not a valid URL"),
    ("GITLAB_URL", "http://127.0.0.1:99999", "gitlab_url is not a valid URL"),
    ("GITLAB_URL", "http://127.0.0.1:port", "gitlab_url is not a valid URL"),
    ("GITLAB_URL", "http://gitlab.example.com/my gitlab", "must not contain spaces"),
    ("GITLAB_URL", "https://user:SeCrEt-pw@[::1", "gitlab_url is not a valid URL (got 'https://user:***@[::1')"),
    ("GITLAB_URL", "https://user:SeCrEt-pw@gitlab.example.com:x", "https://user:***@gitlab.example.com:x"),
    ("GITLAB_URL", "ftp://user:SeCrEt-pw@gitlab.example.com", "must start with http"),
    ("PRODREADY_GITLAB_TIMEOUT", "inf", "gitlab_timeout must be a number from"),
    ("PRODREADY_GITLAB_TIMEOUT", "1e309", "gitlab_timeout must be a number from"),
    ("PRODREADY_GITLAB_TIMEOUT", "nan", "gitlab_timeout must be a number from"),
    ("PRODREADY_GITLAB_DEADLINE", "nan", "gitlab_deadline must be a number from"),
    ("PRODREADY_GITLAB_DEADLINE", "-1", "gitlab_deadline must be a number from"),
    ("PRODREADY_GITLAB_RETRIES", "1e309", "gitlab_retries must be a number"),
    ("GITLAB_TOKEN", "glpat-SeCrEt\nsecond-line", "GITLAB_TOKEN contains a space, a line break"),
    ("GITLAB_TOKEN", "glpat-SeCrEt-tøkèn", "GITLAB_TOKEN contains a space, a line break"),
]


@pytest.mark.parametrize(
    ("var", "value", "words"), BAD_SETTINGS, ids=[f"{var}={value!r}" for var, value, _ in BAD_SETTINGS]
)
def test_bad_settings_are_configuration_errors(cli, project, monkeypatch, var, value, words):
    """Exit 2, one line, no traceback; the cli fixture also checks no `SeCrEt` is printed."""
    monkeypatch.setenv(var, value)
    result = cli("gate")
    assert result.code == 2, result.err
    assert words in result.err and "Traceback" not in result.err
    assert not project.fake.requests  # refused before any request


@pytest.mark.parametrize(
    ("var", "value"),
    [
        ("GITLAB_URL", "http://[::1"),
        ("PRODREADY_GITLAB_TIMEOUT", "inf"),
        ("GITLAB_URL", "https://user:SeCrEt-pw@host:99999"),
    ],
)
def test_subprocess_bad_settings_exit_2_without_traceback(env, project, var, value):
    proc = _subprocess(["gate"], {**env, var: value})
    assert proc.returncode == 2
    assert proc.stdout == "" and proc.stderr.count("\n") == 1
    assert "Traceback" not in proc.stderr and "SeCrEt" not in proc.stderr


def test_a_password_in_the_url_is_masked_in_messages(cli, project, monkeypatch):
    url = project.fake.url.replace("http://", "http://deploy:SeCrEt-pw@")
    monkeypatch.setenv("GITLAB_URL", url)
    result = cli("gate", "--project", "doublegdp/nope")
    assert result.code == 4
    assert "not found on http://deploy:***@127.0.0.1:" in result.err

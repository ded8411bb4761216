"""Fixtures for the release tests: a fake GitLab with a realistic release, config, CLI runner."""

from __future__ import annotations

import json
import socket
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from fake_gitlab import FakeGitLab, FakeProject
from fake_slack import WEBHOOK_PATH, FakeSlack
from release_scenario import SIGNED, TOKEN, VERIFIED, build_production_history

from prodready.cli import main

BASE_CONFIG = {
    "gitlab_url": "https://gitlab.invalid",  # replaced through GITLAB_URL by the env fixture
    "project": "doublegdp/app",
    "environment": "production",
    "verified_label": VERIFIED,
    "signoff_rule": "label",
    "signoff_label": SIGNED,
    "signoff_emoji": "thumbsup",
    "stakeholders": [],
    "untracked_blocks": False,
    "schedule_description": "Push to production",
    "schedule_cron": "0 10 * * 1-4",
    "schedule_timezone": "Africa/Lusaka",
    "deploy_job": "production",
    "reminder_minutes_before": 30,
    "rollback_blocking_paths": ["db/migrate/**", "db/schema.rb", "db/structure.sql"],
}


def toml_value(value: Any) -> str:
    """A Python value as TOML (JSON's strings, lists and numbers are valid TOML)."""
    if isinstance(value, bool):
        return "true" if value else "false"
    return json.dumps(value)


@pytest.fixture
def fake() -> Iterator[FakeGitLab]:
    """A running fake GitLab."""
    with FakeGitLab(TOKEN) as server:
        yield server


@pytest.fixture
def write_config(tmp_path: Path) -> Callable[..., Path]:
    """Write a prodready.toml with [release] = BASE_CONFIG updated by keyword overrides."""

    def write(**overrides: Any) -> Path:
        values = {**BASE_CONFIG, **overrides}
        lines = ["[release]"] + [f"{k} = {toml_value(v)}" for k, v in values.items() if v is not None]
        path = tmp_path / "prodready.toml"
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")
        return path

    return write


@pytest.fixture
def env(
    monkeypatch: pytest.MonkeyPatch, fake: FakeGitLab, write_config: Callable[..., Path], tmp_path: Path
) -> dict[str, str]:
    """Environment pointing prodready at the fake; short timeout and one retry keep faults fast."""
    values = {
        "GITLAB_URL": fake.url,
        "GITLAB_TOKEN": TOKEN,
        "PRODREADY_CONFIG": str(write_config()),
        "PRODREADY_GITLAB_TIMEOUT": "2",
        "PRODREADY_GITLAB_RETRIES": "1",
    }
    for key in ("PRODREADY_GITLAB_PROJECT", "PRODREADY_SLACK_WEBHOOK"):
        monkeypatch.delenv(key, raising=False)
    for key, value in values.items():
        monkeypatch.setenv(key, value)
    monkeypatch.chdir(tmp_path)
    return values


@dataclass
class Result:
    """What a CLI run produced."""

    code: int
    out: str
    err: str

    def json(self) -> Any:
        return json.loads(self.out)


@pytest.fixture
def cli(capsys: pytest.CaptureFixture[str], env: dict[str, str]) -> Callable[..., Result]:
    """Run `prodready ARGS` in-process; every run also proves no secret reached the output."""

    def run(*argv: str) -> Result:
        capsys.readouterr()
        code = main(list(argv))
        captured = capsys.readouterr()
        result = Result(code, captured.out, captured.err)
        for secret in (TOKEN, WEBHOOK_PATH, "SeCrEt"):
            assert secret not in result.out + result.err
        if code != 0 and code != 1:
            # Expected failures: nothing on stdout, exactly one line on stderr.
            assert result.out == ""
            assert result.err.startswith("prodready: error: ") and result.err.count("\n") == 1
        return result

    return run


@pytest.fixture
def project(fake: FakeGitLab) -> FakeProject:
    """doublegdp/app with production history: deployments of 1.4.8 and 1.4.9, tags, schedule."""
    return build_production_history(fake)


@pytest.fixture
def slack() -> Iterator[FakeSlack]:
    """A running fake Slack webhook."""
    with FakeSlack() as server:
        yield server


@pytest.fixture
def closed_port_url() -> str:
    """An http URL on 127.0.0.1 where nothing listens."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    return f"http://127.0.0.1:{port}"

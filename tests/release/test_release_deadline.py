"""Every command ends within `gitlab_deadline`: slow answers, long Retry-After and retry storms end in exit 3."""

from __future__ import annotations

import time

import pytest
from release_scenario import ready_release

DEADLINE = 2.0
BOUND = DEADLINE + 2.0  # the deadline, plus start-up and teardown slack


@pytest.fixture
def short_deadline(monkeypatch):
    """A 2 s deadline; the per-request timeout (2 s) alone would never stop a trickle."""
    monkeypatch.setenv("PRODREADY_GITLAB_DEADLINE", str(DEADLINE))


def timed(cli, *argv):
    """Run the CLI; (result, seconds it took)."""
    start = time.monotonic()
    result = cli(*argv)
    return result, time.monotonic() - start


@pytest.mark.parametrize("kind", ["trickle", "trickle-headers"])
def test_an_answer_trickled_byte_by_byte_is_cut_at_the_deadline(cli, project, short_deadline, kind):
    """One byte every 0.2 s: each read is in time, the whole answer would take 400 s."""
    ready_release(project)
    project.fake.inject(kind, r"/deployments")
    result, took = timed(cli, "gate", "--json")
    assert result.code == 3, result.err
    assert took < BOUND
    assert "did not finish within the 2s deadline" in result.err
    assert "PRODREADY_GITLAB_DEADLINE" in result.err


def test_a_long_retry_after_is_refused_at_once(cli, project, short_deadline):
    ready_release(project)
    project.fake.inject(429, r"/deployments", headers={"Retry-After": "3600"})
    result, took = timed(cli, "gate")
    assert result.code == 3
    assert took < 1.0  # no sleeping it out first
    assert "asked to wait 3600s before retrying (HTTP 429)" in result.err
    assert "before retrying (HTTP 429), beyond the 2s deadline" in result.err
    assert len(project.fake.calls("GET", r"/deployments")) == 1


def test_a_short_retry_after_is_honoured(cli, project, short_deadline):
    ready_release(project)
    project.fake.inject(429, r"/deployments", headers={"Retry-After": "0"}, times=1)
    result = cli("gate", "--json")
    assert result.code == 0 and result.json()["verdict"] == "GO"
    assert len(project.fake.calls("GET", r"/deployments")) == 2


def test_many_retries_never_outlast_the_deadline(cli, project, short_deadline, monkeypatch):
    """100 retries of exponential back-off would take days; the deadline ends them."""
    ready_release(project)
    monkeypatch.setenv("PRODREADY_GITLAB_RETRIES", "100")
    project.fake.inject(502, r"/deployments")
    result, took = timed(cli, "gate")
    assert result.code == 3
    assert took < BOUND
    assert "2s deadline" in result.err


@pytest.mark.parametrize(
    "argv", [("schedule", "status"), ("rollback", "check"), ("remind",), ("deploy-tag", "--dry-run")], ids=" ".join
)
def test_every_command_is_bounded(cli, project, short_deadline, argv):
    ready_release(project)
    project.fake.inject("trickle")
    result, took = timed(cli, *argv)
    assert result.code == 3 and took < BOUND
    assert "deadline" in result.err


def test_the_slack_post_is_bounded_by_the_same_deadline(cli, project, short_deadline, slack, monkeypatch):
    ready_release(project)
    monkeypatch.setenv("PRODREADY_SLACK_WEBHOOK", slack.webhook_url)
    monkeypatch.setenv("PRODREADY_GITLAB_TIMEOUT", "30")  # only the deadline can end the wait
    slack.hang = True
    result, took = timed(cli, "remind")
    assert result.code == 3 and took < BOUND
    assert "Slack webhook" in result.err and "2s deadline" in result.err


def test_the_deadline_is_documented_in_help(capsys):
    from prodready.cli import main

    assert main(["gate", "--help"]) == 0
    out = capsys.readouterr().out
    assert "PRODREADY_GITLAB_DEADLINE" in out and "gitlab_deadline" in out

"""Fail closed: every GitLab fault ends in exit 3 (or 4), one line on stderr, never a GO."""

from __future__ import annotations

import re

import pytest
import requests
from recording_server import RecordingServer
from release_scenario import TOKEN, ready_release

# (fault, path regex it hits, words the error must contain)
FAULTS = [
    (401, r"/deployments", "rejected the token (401)"),
    (403, r"/repository/compare", "denied access (403)"),
    (404, r"/deployments", "HTTP 404"),
    (500, r"/merge_requests$", "HTTP 500 after 1 retries"),
    (502, r"/closes_issues", "HTTP 502 after 1 retries"),
    ("malformed", r"/repository/commits/master", "malformed answer"),
    ("malformed", r"/closes_issues", "malformed answer"),
    ("html", r"^/projects/doublegdp/app$", "malformed answer"),
    ("timeout", r"/deployments", "did not answer within 0.3s"),
]


@pytest.mark.parametrize(
    ("fault", "path", "words"), FAULTS, ids=[f"{f}-{p.strip('^$/').split('/')[-1]}" for f, p, _ in FAULTS]
)
def test_gate_fails_closed(cli, project, monkeypatch, fault, path, words):
    ready_release(project)  # a release that would be GO
    monkeypatch.setenv("PRODREADY_GITLAB_TIMEOUT", "0.3")
    project.fake.inject(fault, path)
    result = cli("gate", "--json")
    assert result.code == 3
    assert words in result.err
    assert result.out == ""  # no verdict at all, so certainly no GO
    if fault in (500, 502, "timeout"):  # transient: retried once (PRODREADY_GITLAB_RETRIES=1)
        hits = [r for r in project.fake.requests if re.search(path, r.path)]
        assert len(hits) == 2


def test_a_transient_error_that_clears_is_retried(cli, project):
    ready_release(project)
    project.fake.inject(502, r"/deployments", times=1)
    result = cli("gate", "--json")
    assert result.code == 0 and result.json()["verdict"] == "GO"


def test_wrong_token_is_a_gitlab_error(cli, project, monkeypatch):
    monkeypatch.setenv("GITLAB_TOKEN", "glpat-wrong")
    result = cli("gate")
    assert result.code == 3 and "rejected the token (401)" in result.err
    assert "glpat-wrong" not in result.err


def test_unreachable_gitlab(cli, project, monkeypatch, closed_port_url):
    monkeypatch.setenv("GITLAB_URL", closed_port_url)
    result = cli("gate", "--json")
    assert result.code == 3
    assert f"cannot reach GitLab at {closed_port_url}" in result.err


def test_missing_token_is_a_configuration_error(cli, project, monkeypatch):
    monkeypatch.delenv("GITLAB_TOKEN")
    result = cli("gate")
    assert result.code == 2 and "GITLAB_TOKEN is not set" in result.err
    assert not project.fake.requests


@pytest.mark.parametrize(
    ("argv", "fault", "path"),
    [
        (("schedule", "pause"), 500, r"/pipeline_schedules/\d+$"),
        (("schedule", "status"), "malformed", r"/pipeline_schedules$"),
        (("schedule", "ensure"), 403, r"/pipeline_schedules$"),
        (("schedule", "run-now", "--yes"), 502, r"/play$"),
        (("rollback", "check"), "timeout", r"/repository/compare"),
        (("rollback", "check", "--json"), "malformed", r"/deployments"),
        (("remind",), 500, r"/commits/[0-9a-f]+/merge_requests"),
        (("deploy-tag",), 500, r"/repository/tags$"),
        (("gate", "--notify"), 403, r"/notes$"),
    ],
)
def test_every_command_fails_closed(cli, project, monkeypatch, argv, fault, path):
    project.merge(40, "Shifts", files={"app/x.rb": "modified"})
    project.deploy(ref="1.5.0")  # something to roll back to
    ready_release(project)  # something to gate, remind about and tag
    monkeypatch.setenv("PRODREADY_GITLAB_TIMEOUT", "0.3")
    project.fake.inject(fault, path)
    result = cli(*argv)
    assert result.code == 3, result.err
    assert "GO" not in result.out and "SAFE" not in result.out


def test_token_is_redacted_even_when_gitlab_echoes_it(cli, project):
    """GitLab's error text is quoted in messages: one that contains the token is redacted."""
    ready_release(project)
    project.fake.inject(500, r"/deployments", message=f"500 bad header PRIVATE-TOKEN: {TOKEN}")
    result = cli("gate")  # the cli fixture asserts the token is absent from stdout and stderr
    assert result.code == 3
    assert "PRIVATE-TOKEN: [redacted]" in result.err


@pytest.fixture
def other_host():
    """A second local server, on another host name and port, that records every request."""
    with RecordingServer() as server:
        yield server


def test_a_redirect_to_another_host_is_refused_without_sending_the_token(cli, project, other_host):
    # The recorder does catch a token sent its way (so its silence below means something).
    requests.get(other_host.url + "/probe", headers={"PRIVATE-TOKEN": "probe"}, timeout=5)
    assert other_host.requests.pop().headers.get("PRIVATE-TOKEN") == "probe"
    ready_release(project)
    project.fake.redirect(r"/deployments", other_host.url + "/api/v4/projects/13905080/deployments")
    result = cli("gate", "--json")
    assert result.code == 3
    assert f"redirected to {other_host.url}" in result.err and "refused" in result.err
    assert other_host.requests == []  # nothing went there: no token, no request at all


@pytest.mark.parametrize("status", [301, 302, 307, 308])
def test_a_redirect_on_the_same_gitlab_is_followed(cli, project, status):
    """A renamed project answers with a redirect to its new address: same origin, token kept."""
    ready_release(project)
    project.fake.redirect(r"^/projects/doublegdp/app$", f"{project.fake.url}/api/v4/projects/13905080", status=status)
    result = cli("gate", "--json")
    assert result.code == 0 and result.json()["verdict"] == "GO"
    assert project.fake.calls("GET", r"^/projects/13905080$")

"""`prodready deploy-tag`: the next version tag and release notes, like lib/deploy.rb."""

from __future__ import annotations

import pytest
from release_scenario import SIGNED, ready_release

from prodready.release.tagging import next_version


@pytest.mark.parametrize(
    ("latest", "expected"),
    [
        ("1.4.8", "1.4.9"),
        ("1.4.9", "1.5.0"),
        ("1.9.9", "2.0.0"),
        ("v0.0.1", "v0.0.2"),
        ("2.9.3", "2.9.4"),
        (None, "0.0.1"),
    ],
)
def test_next_version_rolls_nine_over(latest, expected):
    assert next_version(latest) == expected


def test_deploy_tag_tags_the_gated_sha_with_issue_lines_and_notes(cli, project):
    ready_release(project)
    project.merge(24, "Bump rubocop | lint")
    project.tag("nightly-2026-11-21")  # not a version: ignored
    result = cli("deploy-tag", "--json")
    assert result.code == 0
    data = result.json()
    assert (data["action"], data["tag"], data["previous_tag"]) == ("created", "1.5.0", "1.4.9")
    (tag_post,) = [r.body for r in project.fake.calls("POST", r"/repository/tags$")]
    assert tag_post["tag_name"] == "1.5.0" and tag_post["ref"] == project.head
    web = project.web_url
    assert tag_post["message"].splitlines() == [
        f"101 {web}/-/issues/101 Guard logs a manual entry with observation",
        f"102 {web}/-/issues/102 Payments dashboard shows plan balance",
        f"103 {web}/-/issues/103 Timesheet lists all shifts",
    ]
    (release_post,) = [r.body for r in project.fake.calls("POST", r"/releases$")]
    notes = release_post["description"].splitlines()
    assert notes[:3] == [
        "| Issue ID | URL | Title |",
        "| --- | --- | --- |",
        f"| 101 | {web}/-/issues/101 | Guard logs a manual entry with observation |",
    ]
    assert f"| !24 | {web}/-/merge_requests/24 | Bump rubocop \\| lint |" in notes
    assert data["release_url"] == f"{web}/-/releases/1.5.0"


def test_deploy_tag_refuses_a_no_go(cli, project):
    ready_release(project)
    project.issues[101]["labels"] = [SIGNED]
    result = cli("deploy-tag")
    assert result.code == 1
    assert "Verdict: NO-GO" in result.out and "Not tagged." in result.out
    assert not project.fake.calls("POST")


def test_deploy_tag_twice_tags_once(cli, project):
    ready_release(project)
    assert cli("deploy-tag").code == 0
    again = cli("deploy-tag", "--json")
    assert again.code == 0 and again.json()["action"] == "already tagged"
    assert len(project.fake.calls("POST", r"/repository/tags$")) == 1


def test_deploy_tag_dry_run_creates_nothing(cli, project):
    ready_release(project)
    data = cli("deploy-tag", "--dry-run", "--json").json()
    assert data["action"] == "would create" and data["tag"] == "1.5.0"
    assert not project.fake.calls("POST")


def test_nothing_to_release_creates_no_tag(cli, project):
    result = cli("deploy-tag", "--json")
    assert result.code == 0 and result.json()["action"] == "nothing to release"
    assert not project.fake.calls("POST")

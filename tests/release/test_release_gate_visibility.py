"""What the token cannot read blocks the release; near-miss labels and other projects' issues are named."""

from __future__ import annotations

import pytest
from release_scenario import SIGNED, VERIFIED, ready_release

DOCUMENTED_KEYS = {"verdict", "environment", "from_sha", "to_sha", "issues", "untracked_merge_requests"}


def _hidden_issue(project):
    """!25 closes #105, confidential: GitLab leaves it out of closes_issues and 404s it."""
    project.issue(105, "Security fix", labels=(VERIFIED, SIGNED), confidential=True)
    project.merge(25, "Harden the login", closes=(105,))


def _closes_issues_forbidden(project):
    project.merge(25, "Harden the login", closes=(101,))
    project.fake.inject(403, r"/merge_requests/25/closes_issues")


def _issue_read_forbidden(project):
    """The list hides the issue and reading it is forbidden (403, not 404)."""
    _hidden_issue(project)
    project.fake.inject(403, r"/issues/105$")


@pytest.mark.parametrize(
    "hide",
    [_hidden_issue, _closes_issues_forbidden, _issue_read_forbidden],
    ids=["confidential-issue", "closes_issues-403", "issue-read-403"],
)
def test_closing_issues_the_token_cannot_read_block_the_release(cli, project, hide):
    ready_release(project)  # GO on its own
    hide(project)
    result = cli("gate", "--json")
    assert result.code == 1
    data = result.json()
    assert data["verdict"] == "NO-GO"
    assert DOCUMENTED_KEYS <= set(data)
    assert data["untracked_merge_requests"] == []  # not "closes nothing": unknown
    (blocker,) = data["blockers"]
    assert blocker["merge_request"] == 25 and blocker["reference"] == "!25"
    assert blocker["web_url"].endswith("/-/merge_requests/25") and blocker["problems"]
    assert any(reason.startswith("merge request !25 Harden the login: ") for reason in data["reasons"])
    human = cli("gate")
    assert human.code == 1 and "cannot read (blocking)" in human.out
    assert "!25" in human.out and "Verdict: NO-GO" in human.out


def test_a_hidden_issue_is_named_in_the_problem(cli, project):
    ready_release(project)
    _hidden_issue(project)
    (blocker,) = cli("gate", "--json").json()["blockers"]
    assert blocker["problems"] == ["closes #105, which this token cannot read (confidential, missing or no access)"]


def test_unreadable_closing_issues_stop_deploy_tag_and_show_in_the_reminder(cli, project):
    ready_release(project)
    _hidden_issue(project)
    assert cli("deploy-tag").code == 1
    assert not project.fake.calls("POST", r"/repository/tags")
    reminder = cli("remind").out
    assert "cannot read block the deploy" in reminder and "!25" in reminder


def test_other_failures_of_closes_issues_stay_gitlab_errors(cli, project):
    """403/404 mean "not for this token" (a blocker); a 500 is GitLab failing (exit 3)."""
    ready_release(project)
    project.fake.inject(500, r"/closes_issues")
    assert cli("gate").code == 3


def test_a_label_differing_only_in_case_is_named_and_does_not_count(cli, project):
    ready_release(project)
    project.issues[103]["labels"] = ["staging::verified", "stakeholder::signed-off"]
    result = cli("gate", "--json")
    assert result.code == 1
    issue = next(i for i in result.json()["issues"] if i["iid"] == 103)
    assert (issue["verified"], issue["signed_off"]) == (False, False)
    assert "label 'staging::verified' differs in case from 'Staging::Verified'" in issue["problems"]
    assert (
        f"no stakeholder signoff (needs label {SIGNED}; label 'stakeholder::signed-off' "
        f"differs in case from '{SIGNED}')"
    ) in issue["problems"]


def test_an_issue_of_another_project_shows_its_path(cli, project, fake):
    ready_release(project)
    other = fake.add_project("group/other", id=4242)
    other.issue(7, "Shared login widget", labels=(VERIFIED,), assignees=("olga",))
    project.merge(26, "Use the shared widget", closes=((4242, 7),))
    result = cli("gate")
    assert result.code == 1
    row = next(line for line in result.out.splitlines() if "Shared login widget" in line)
    assert row.startswith("group/other#7 ")
    assert "  - group/other#7 Shared login widget: no stakeholder signoff" in result.out
    issue = next(i for i in cli("gate", "--json").json()["issues"] if i["iid"] == 7)
    assert issue["reference"] == "group/other#7" and issue["project_id"] == 4242
    assert next(i for i in cli("gate", "--json").json()["issues"] if i["iid"] == 101)["reference"] == "#101"

"""`prodready gate`: the release computed from GitLab, GO / NO-GO per issue, notify."""

from __future__ import annotations

import pytest
from release_scenario import SIGNED, TOKEN, VERIFIED, ready_release

from prodready.release.errors import ReleaseError
from prodready.release.hook import gate_for_run


def test_go_json_lists_exactly_the_merged_issues(cli, project):
    ready_release(project)
    result = cli("gate", "--json")
    assert result.code == 0
    data = result.json()
    assert data["verdict"] == "GO"
    assert data["environment"] == "production"
    assert data["from_sha"] == project.deployments[1]["sha"]  # the 1.4.9 production deployment
    assert data["to_sha"] == project.head
    # #90 shipped with 1.4.9: not part of this release.
    assert [i["iid"] for i in data["issues"]] == [101, 102, 103]
    first = data["issues"][0]
    assert first == {
        **first,
        "title": "Guard logs a manual entry with observation",
        "web_url": f"{project.web_url}/-/issues/101",
        "assignees": ["alice"],
        "verified": True,
        "signed_off": True,
        "problems": [],
    }
    assert data["issues"][1]["assignees"] == ["bob", "carol"]
    assert data["untracked_merge_requests"] == []
    assert data["reasons"] == []


def test_human_output_is_a_table_with_the_verdict(cli, project):
    ready_release(project)
    project.issues[102]["labels"] = [SIGNED]
    result = cli("gate")
    assert result.code == 1
    lines = result.out.splitlines()
    header = next(line for line in lines if line.startswith("ISSUE"))
    assert header.split() == ["ISSUE", "VERIFIED", "SIGNED", "OFF", "ASSIGNEES", "PROBLEMS", "TITLE"]
    row = next(line for line in lines if line.startswith("#102"))
    assert "bob, carol" in row and f"missing label {VERIFIED}" in row
    assert "Verdict: NO-GO" in result.out


@pytest.mark.parametrize(
    ("labels", "verified", "signed_off", "problem"),
    [
        ((SIGNED,), False, True, f"missing label {VERIFIED}"),
        ((VERIFIED,), True, False, f"no stakeholder signoff (needs label {SIGNED})"),
        ((), False, False, f"missing label {VERIFIED}"),
    ],
    ids=["unverified", "unsigned", "neither"],
)
def test_no_go_names_what_each_issue_lacks(cli, project, labels, verified, signed_off, problem):
    ready_release(project)
    project.issues[103]["labels"] = list(labels)
    result = cli("gate", "--json")
    assert result.code == 1
    data = result.json()
    assert data["verdict"] == "NO-GO"
    issue = next(i for i in data["issues"] if i["iid"] == 103)
    assert (issue["verified"], issue["signed_off"]) == (verified, signed_off)
    assert problem in issue["problems"]
    assert len(issue["problems"]) == (not verified) + (not signed_off)
    assert all(not i["problems"] for i in data["issues"] if i["iid"] != 103)
    assert data["reasons"] and data["reasons"][0].startswith("#103 ")


def test_merged_but_unverified_issue_ships_anyway_and_blocks(cli, project):
    """The real script looks only at labelled issues; prodready follows the merged code."""
    ready_release(project)
    project.issue(104, "Forms: preview before submit", assignees=("erin",))
    project.merge(23, "Form preview", closes=(104,))
    data = cli("gate", "--json").json()
    assert data["verdict"] == "NO-GO"
    assert [i["iid"] for i in data["issues"]] == [101, 102, 103, 104]


def test_untracked_merge_requests_are_listed_without_blocking_by_default(cli, project):
    ready_release(project)
    project.merge(24, "Bump rubocop")
    result = cli("gate", "--json")
    data = result.json()
    assert result.code == 0 and data["verdict"] == "GO"
    assert data["untracked_merge_requests"] == [
        {"iid": 24, "title": "Bump rubocop", "web_url": f"{project.web_url}/-/merge_requests/24"}
    ]
    human = cli("gate")
    assert "Merge requests closing no issue (listed, not blocking)" in human.out
    assert "!24" in human.out


def test_untracked_merge_requests_block_when_policy_says_so(cli, project, write_config):
    write_config(untracked_blocks=True)
    ready_release(project)
    project.merge(24, "Bump rubocop")
    result = cli("gate", "--json")
    assert result.code == 1
    data = result.json()
    assert data["verdict"] == "NO-GO"
    assert any("!24" in reason for reason in data["reasons"])


def test_signoff_by_award_emoji_of_a_stakeholder(cli, project, write_config):
    write_config(signoff_rule="award_emoji", stakeholders=["stella"])
    ready_release(project)
    for iid in (101, 102, 103):
        project.issues[iid]["labels"] = [VERIFIED]  # the label no longer counts
        project.award(iid, "thumbsup", "stella")
    project.awards[103] = []
    project.award(103, "thumbsup", "random-dev")  # not a stakeholder
    project.award(103, "heart", "stella")  # a stakeholder, wrong emoji
    data = cli("gate", "--json").json()
    assert {i["iid"]: i["signed_off"] for i in data["issues"]} == {101: True, 102: True, 103: False}
    assert "no stakeholder signoff (needs :thumbsup: from a stakeholder)" in data["issues"][2]["problems"]


def test_signoff_by_merge_request_approval_of_a_stakeholder(cli, project, write_config):
    write_config(signoff_rule=["label", "approval"], stakeholders=["stella", "sam"])
    project.issue(101, "Guard logs a manual entry", labels=(VERIFIED,), assignees=("alice",))
    project.issue(102, "Payments dashboard", labels=(VERIFIED,), assignees=("bob",))
    project.issue(103, "Timesheet", labels=(VERIFIED, SIGNED), assignees=("dave",))
    project.merge(21, "Manual entry", closes=(101,), approved_by=("sam",))
    project.merge(22, "Payments", closes=(102,), approved_by=("another-dev",))
    project.merge(23, "Timesheet", closes=(103,))
    data = cli("gate", "--json").json()
    assert {i["iid"]: i["signed_off"] for i in data["issues"]} == {101: True, 102: False, 103: True}
    # The label satisfied #103 first: its merge request's approvals were never fetched.
    assert not project.fake.calls("GET", r"/merge_requests/23/approvals")


def test_first_deployment_is_a_clear_error_naming_from(cli, fake):
    p = fake.add_project()
    p.commit("Initial platform")
    p.deploy(status="failed")  # a failed deployment does not count
    result = cli("gate")
    assert result.code == 4
    assert "no successful deployment to 'production'" in result.err
    assert "--from" in result.err


def test_from_flag_sets_the_start_of_the_release(cli, fake):
    p = fake.add_project()
    start = p.commit("Initial platform")
    p.issue(1, "First feature", labels=(VERIFIED, SIGNED), assignees=("alice",))
    p.merge(1, "First feature", closes=(1,))
    result = cli("gate", "--json", "--from", start)
    assert result.code == 0
    data = result.json()
    assert data["from_sha"] == start and data["from_deployment_id"] is None
    assert [i["iid"] for i in data["issues"]] == [1]


def test_failed_and_other_environment_deployments_are_ignored(cli, project):
    ready_release(project)
    project.deploy(ref="1.5.0", status="failed")  # newer, but failed
    project.deploy(ref="1.5.0", environment="staging")  # newer, other environment
    data = cli("gate", "--json").json()
    assert data["from_sha"] == project.deployments[1]["sha"]
    query = project.fake.calls("GET", r"/deployments$")[0].query
    assert query["environment"] == "production" and query["status"] == "success"


def test_ref_flag_and_unknown_ref(cli, project):
    ready_release(project)
    after_21 = project.mr_commits[21][-1]
    data = cli("gate", "--json", "--ref", after_21).json()
    assert data["to_sha"] == after_21
    assert [i["iid"] for i in data["issues"]] == [101]
    missing = cli("gate", "--ref", "no-such-branch")
    assert missing.code == 4 and "ref 'no-such-branch' not found" in missing.err


def test_unknown_project_is_not_found(cli, project):
    result = cli("gate", "--project", "doublegdp/nope")
    assert result.code == 4
    assert "project 'doublegdp/nope' not found" in result.err


def test_pagination_beyond_100_issues_and_merge_requests(cli, project):
    closes = []
    for iid in range(200, 305):  # 105 issues closed by one merge request: two pages of 100
        project.issue(iid, f"Issue {iid}", labels=(VERIFIED, SIGNED), assignees=("alice",))
        closes.append(iid)
    project.merge(30, "Big bang", closes=tuple(closes))
    project.issues[304]["labels"] = [VERIFIED]  # the last one, on page 2, is not signed off
    data = cli("gate", "--json").json()
    assert len(data["issues"]) == 105
    assert data["verdict"] == "NO-GO"
    assert [i["iid"] for i in data["issues"] if i["problems"]] == [304]
    pages = project.fake.calls("GET", r"/merge_requests/30/closes_issues")
    assert [r.query.get("page", "1") for r in pages] == ["1", "2"]


def test_notify_posts_one_note_per_issue_once(cli, project):
    ready_release(project)
    project.issues[103]["labels"] = [SIGNED]
    first = cli("gate", "--notify", "--json")
    assert first.code == 1  # notify does not change the verdict
    assert [n["posted"] for n in first.json()["notified"]] == [True, True, True]
    note = project.notes[102][0]["body"]
    assert note.startswith("<!-- prodready:notify:" + project.head)
    assert "@bob @carol" in note
    assert "10:00 CAT (Africa/Lusaka)" in note and "08:00 UTC" in note
    assert "Still missing" not in note
    assert f"missing label {VERIFIED}" in project.notes[103][0]["body"]

    again = cli("gate", "--notify")
    assert "#101: already notified, skipped" in again.out
    assert [len(project.notes[i]) for i in (101, 102, 103)] == [1, 1, 1]
    assert len(project.fake.calls("POST", r"/notes$")) == 3


def test_notify_finds_its_earlier_note_on_a_later_page(cli, project):
    ready_release(project)
    cli("gate", "--notify")
    ours = project.notes[101].pop()
    for n in range(120):
        project.note(101, f"comment {n}")
    project.notes[101].append(ours)  # our marker is now on the second page
    cli("gate", "--notify")
    assert len(project.notes[101]) == 121
    pages = project.fake.calls("GET", r"/issues/101/notes")
    assert "2" in [r.query.get("page") for r in pages]


def test_notify_without_the_schedule_fails_before_posting(cli, project):
    ready_release(project)
    project.schedules.clear()
    result = cli("gate", "--notify")
    assert result.code == 4
    assert "no pipeline schedule 'Push to production'" in result.err
    assert not project.fake.calls("POST")


def test_hook_returns_the_gate_dict(env, project, write_config):
    ready_release(project)
    data = gate_for_run(write_config())
    assert data["verdict"] == "GO"
    assert {"verdict", "environment", "from_sha", "to_sha", "issues", "untracked_merge_requests"} <= set(data)


def test_hook_environment_override(env, project, write_config):
    ready_release(project)
    with pytest.raises(ReleaseError) as caught:
        gate_for_run(write_config(), environment="dev")
    assert caught.value.exit_code == 4
    assert "'dev'" in str(caught.value)


def test_hook_without_token_is_a_configuration_error(env, project, write_config, monkeypatch):
    monkeypatch.delenv("GITLAB_TOKEN")
    with pytest.raises(ReleaseError) as caught:
        gate_for_run(write_config())
    assert caught.value.exit_code == 2
    assert "GITLAB_TOKEN" in str(caught.value)
    assert not project.fake.requests


def test_hook_gitlab_failure_carries_exit_code_3(env, project, write_config):
    project.fake.inject(502)
    with pytest.raises(ReleaseError) as caught:
        gate_for_run(write_config())
    assert caught.value.exit_code == 3
    assert TOKEN not in str(caught.value)


def test_empty_repository_without_default_branch(cli, fake):
    fake.add_project(default_branch=None)
    result = cli("gate", "--from", "0" * 40)
    assert result.code == 4 and "no default branch" in result.err


def test_a_vanished_deployed_commit_is_named(cli, project):
    ready_release(project)
    project.deployments[1]["sha"] = "f" * 40  # force-pushed away
    result = cli("gate")
    assert result.code == 4
    assert f"commit {'f' * 40} (deployment 102) not found" in result.err

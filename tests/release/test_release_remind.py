"""`prodready remind`: the 30-minute reminder, to a Slack webhook or stdout."""

from __future__ import annotations

from release_scenario import SIGNED, VERIFIED, ready_release


def _not_ready(project):
    ready_release(project)
    project.issues[102]["labels"] = [SIGNED]  # not verified
    project.issues[103]["labels"] = [VERIFIED]  # not signed off


def test_reminder_goes_to_stdout_without_a_webhook(cli, project):
    _not_ready(project)
    result = cli("remind")
    assert result.code == 0
    lines = result.out.splitlines()
    assert "to production in" in lines[0] and "CAT (Africa/Lusaka)" in lines[0] and "UTC" in lines[0]
    assert "2 of 3 issues are not ready:" in result.out
    row_102 = next(line for line in lines if "#102" in line)
    assert "@bob, @carol" in row_102 and f"missing label {VERIFIED}" in row_102
    row_103 = next(line for line in lines if "#103" in line)
    assert "@dave" in row_103 and "no stakeholder signoff" in row_103
    assert "#101" not in result.out


def test_reminder_is_posted_to_the_slack_webhook(cli, project, slack, monkeypatch):
    _not_ready(project)
    monkeypatch.setenv("PRODREADY_SLACK_WEBHOOK", slack.webhook_url)
    result = cli("remind", "--json")
    assert result.code == 0
    data = result.json()
    assert data["posted"] is True and data["destination"] == "slack"
    assert [i["iid"] for i in data["not_ready"]] == [102, 103]
    (post,) = slack.posts
    assert post["text"] == data["text"]
    assert f"<{project.web_url}/-/issues/102|#102 " in post["text"]


def test_dry_run_posts_nothing(cli, project, slack, monkeypatch):
    _not_ready(project)
    monkeypatch.setenv("PRODREADY_SLACK_WEBHOOK", slack.webhook_url)
    result = cli("remind", "--dry-run")
    assert result.code == 0 and "2 of 3 issues are not ready" in result.out
    assert slack.posts == []


def test_all_ready_says_so(cli, project):
    ready_release(project)
    assert "All 3 issues are verified and signed off." in cli("remind").out


def test_a_refused_post_is_an_error_without_the_webhook_url(cli, project, slack, monkeypatch):
    _not_ready(project)
    monkeypatch.setenv("PRODREADY_SLACK_WEBHOOK", slack.webhook_url)
    slack.fail_with = (404, "no_service")
    result = cli("remind")
    assert result.code == 3
    assert "refused the reminder: HTTP 404 no_service" in result.err
    # The cli fixture also checks that the webhook's secret path is absent from all output.


def test_a_hanging_webhook_is_an_error(cli, project, slack, monkeypatch):
    _not_ready(project)
    monkeypatch.setenv("PRODREADY_SLACK_WEBHOOK", slack.webhook_url)
    monkeypatch.setenv("PRODREADY_GITLAB_TIMEOUT", "0.3")
    slack.hang = True
    result = cli("remind")
    assert result.code == 3 and "did not answer within 0.3s" in result.err


def test_an_unreachable_webhook_is_an_error(cli, project, monkeypatch, closed_port_url):
    _not_ready(project)
    monkeypatch.setenv("PRODREADY_SLACK_WEBHOOK", closed_port_url + "/services/T/B/SeCrEt")
    result = cli("remind")
    assert result.code == 3 and "cannot reach the Slack webhook" in result.err


def test_reminder_without_the_schedule_is_not_found(cli, project):
    _not_ready(project)
    project.schedules.clear()
    result = cli("remind")
    assert result.code == 4 and "Push to production" in result.err

"""`prodready schedule status|pause|resume|run-now|ensure` and the next-run computation."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from prodready.release.errors import ConfigError
from prodready.release.schedule import format_time, next_run, reminder_cron


@pytest.mark.parametrize(
    ("now", "expected"),
    [
        # Thursday 07:59 UTC = 09:59 in Lusaka (UTC+2): the run one minute later.
        (datetime(2026, 11, 26, 7, 59, tzinfo=UTC), datetime(2026, 11, 26, 8, 0)),
        # Thursday just after the run: Friday to Sunday are skipped, Monday it is.
        (datetime(2026, 11, 26, 8, 1, tzinfo=UTC), datetime(2026, 11, 30, 8, 0)),
        # Sunday 23:30 UTC is Monday 01:30 in Lusaka: Monday 10:00 local.
        (datetime(2026, 11, 29, 23, 30, tzinfo=UTC), datetime(2026, 11, 30, 8, 0)),
    ],
)
def test_next_run_is_computed_in_the_schedule_timezone(now, expected):
    assert next_run("0 10 * * 1-4", "Africa/Lusaka", now) == expected.replace(tzinfo=UTC)


def test_times_are_shown_in_utc_and_community_time():
    when = datetime(2026, 11, 30, 8, 0, tzinfo=UTC)
    assert format_time(when, "UTC") == "Mon 2026-11-30 08:00 UTC"
    assert format_time(when, "Africa/Lusaka") == "Mon 2026-11-30 10:00 CAT (Africa/Lusaka)"


def test_reminder_cron_is_thirty_minutes_earlier():
    assert reminder_cron("0 10 * * 1-4", 30) == "30 9 * * 1-4"
    assert reminder_cron("45 10 * * *", 30) == "15 10 * * *"
    with pytest.raises(ConfigError):
        reminder_cron("*/5 10 * * *", 30)
    with pytest.raises(ConfigError):
        reminder_cron("10 0 * * 1-4", 30)  # the day before: not derivable


def test_status_shows_active_cron_timezone_and_next_run(cli, project):
    result = cli("schedule", "status")
    assert result.code == 0
    assert "Schedule 'Push to production'" in result.out
    assert "0 10 * * 1-4  (Africa/Lusaka)" in result.out
    expected = next_run("0 10 * * 1-4", "Africa/Lusaka")
    assert format_time(expected, "UTC") in result.out
    assert format_time(expected, "Africa/Lusaka") in result.out
    data = cli("schedule", "status", "--json").json()
    assert data["active"] is True and data["ref"] == "master"  # GitLab says refs/heads/master
    assert data["next_run_utc"] == expected.isoformat()
    assert data["cron_timezone"] == "Africa/Lusaka"


def test_status_of_a_paused_schedule_has_no_next_run(cli, project):
    _deploy_schedule(project)["active"] = False
    data = cli("schedule", "status", "--json").json()
    assert data["active"] is False and data["next_run_utc"] is None
    assert "paused" in cli("schedule", "status").out


def _deploy_schedule(project):
    return next(s for s in project.schedules.values() if s["description"] == "Push to production")


def test_pause_sends_active_false_and_nothing_else(cli, project):
    sched = _deploy_schedule(project)
    result = cli("schedule", "pause")
    assert result.code == 0
    puts = project.fake.calls("PUT")
    assert len(puts) == 1
    assert puts[0].path == f"/projects/13905080/pipeline_schedules/{sched['id']}"
    assert puts[0].body == {"active": False}
    assert sched["active"] is False
    assert "paused" in result.out


def test_resume_sends_active_true(cli, project):
    sched = _deploy_schedule(project)
    sched["active"] = False
    assert cli("schedule", "resume", "--json").json()["active"] is True
    assert project.fake.calls("PUT")[0].body == {"active": True}


def test_run_now_needs_yes(cli, project):
    result = cli("schedule", "run-now")
    assert result.code == 2 and "--yes" in result.err
    assert not project.fake.requests  # refused before talking to GitLab


def test_run_now_plays_the_schedule_by_id(cli, project):
    sched = _deploy_schedule(project)
    result = cli("schedule", "run-now", "--yes")
    assert result.code == 0
    plays = project.fake.calls("POST", r"/play$")
    assert [p.path for p in plays] == [f"/projects/13905080/pipeline_schedules/{sched['id']}/play"]
    assert f"(id {sched['id']}) played" in result.out


def test_missing_schedule_is_not_found(cli, project):
    project.schedules.clear()
    result = cli("schedule", "pause")
    assert result.code == 4
    assert "no pipeline schedule 'Push to production'" in result.err
    assert not project.fake.calls("PUT")


def test_two_schedules_with_the_same_description_are_refused(cli, project):
    project.schedule("Push to production")
    result = cli("schedule", "pause")
    assert result.code == 2 and "keep one" in result.err
    assert not project.fake.calls("PUT")


def test_schedule_found_beyond_the_first_page(cli, fake):
    p = fake.add_project()
    p.commit("Initial platform")
    for n in range(120):
        p.schedule(f"Nightly job {n}", cron="0 2 * * *")
    wanted = p.schedule("Push to production")
    assert cli("schedule", "status", "--json").json()["id"] == wanted["id"]
    assert len(fake.calls("GET", r"/pipeline_schedules$")) == 2


def test_ensure_creates_the_schedule_and_its_reminder(cli, fake):
    p = fake.add_project()
    p.commit("Initial platform")
    result = cli("schedule", "ensure", "--json")
    assert result.code == 0
    assert [r["action"] for r in result.json()["schedules"]] == ["created", "created"]
    bodies = [r.body for r in fake.calls("POST", r"/pipeline_schedules$")]
    assert bodies == [
        {
            "description": "Push to production",
            "ref": "master",
            "cron": "0 10 * * 1-4",
            "cron_timezone": "Africa/Lusaka",
            "active": True,
        },
        {
            "description": "Push to production reminder",
            "ref": "master",
            "cron": "30 9 * * 1-4",
            "cron_timezone": "Africa/Lusaka",
            "active": True,
        },
    ]


def test_ensure_corrects_only_what_differs_and_keeps_a_pause(cli, project):
    sched = _deploy_schedule(project)
    sched.update(cron="0 12 * * 1-5", active=False)
    project.schedule("Push to production reminder", cron="30 9 * * 1-4")
    result = cli("schedule", "ensure")
    assert result.code == 0
    assert "'Push to production' (id" in result.out and "updated (cron: '0 12 * * 1-5'" in result.out
    assert "'Push to production reminder'" in result.out and "unchanged" in result.out
    puts = project.fake.calls("PUT")
    assert [p.body for p in puts] == [{"cron": "0 10 * * 1-4"}]
    assert sched["active"] is False  # a deliberate pause survives ensure
    assert not project.fake.calls("POST")


@pytest.mark.parametrize(
    ("field", "value", "words"),
    [
        ("cron", "every tuesday", "cron 'every tuesday' is not a valid cron expression"),
        ("cron", "0 0 31 2 *", "cron '0 0 31 2 *' is not a valid cron expression"),  # never fires
        ("cron_timezone", "Mars/Olympus", "timezone 'Mars/Olympus' is not an IANA timezone name"),
    ],
)
@pytest.mark.parametrize("argv", [("schedule", "status"), ("gate", "--notify"), ("remind",)])
def test_a_schedule_with_a_bad_cron_is_a_configuration_error(cli, project, field, value, words, argv):
    """GitLab holds a cron croniter cannot read: exit 2 naming the schedule, no traceback."""
    sched = _deploy_schedule(project)
    sched[field] = value
    result = cli(*argv)
    assert result.code == 2
    assert f"pipeline schedule 'Push to production' (id {sched['id']}): {words}" in result.err
    assert "prodready schedule ensure" in result.err


def test_ensure_corrects_a_bad_cron(cli, project):
    sched = _deploy_schedule(project)
    sched["cron"] = "every tuesday"
    assert cli("schedule", "ensure").code == 0
    assert sched["cron"] == "0 10 * * 1-4"
    assert cli("schedule", "status").code == 0

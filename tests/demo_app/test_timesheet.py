"""Time sheet: shift lengths, the community's day and pay period, and the custodian's flow over HTTP."""
from __future__ import annotations

import re
from datetime import date, datetime, timedelta, timezone
from zoneinfo import ZoneInfo

import pytest

from demo_app import shift_rules as rules
from demo_app import timesheet as ts

LUSAKA = ZoneInfo("Africa/Lusaka")
# The process runs far from the community (UTC+14): nothing may depend on the server's own timezone.
pytestmark = pytest.mark.usefixtures("far_away_process_timezone")
GUARD, ADMIN, CUSTODIAN, CLIENT, WORKER = 1, 2, 3, 4, 5  # persona ids after seeding, in config order
OWN_ID = {"guard": GUARD, "admin": ADMIN, "custodian": CUSTODIAN, "client": CLIENT}


@pytest.fixture
def ctx(app):
    with app.app_context():
        yield


def stored(local: str) -> str:
    """A Lusaka wall-clock moment as the shifts table stores it."""
    return rules.iso_ms(datetime.fromisoformat(local).replace(tzinfo=LUSAKA))


def shift(start: str, end: str | None = None) -> dict:
    return {"started_at": stored(start), "ended_at": stored(end) if end else None}


@pytest.mark.parametrize("seconds, shown", [
    (2.4, "0.04 minutes"), (20, "0.33 minutes"), (45 * 60, "45 minutes"), (3563, "59.38 minutes"),
    (3599, "1 hr"), (3600, "1 hr"), (5400, "1.5 hrs"), (8.5 * 3600, "8.5 hrs"), (10 * 3600 + 9, "10 hrs"),
])
def test_durations_read_as_the_platform_writes_them(seconds, shown):
    assert rules.fmt_duration(seconds) == shown


def test_a_shift_across_midnight_lasts_its_hours_and_belongs_to_the_day_it_started(ctx):
    s = shift("2026-11-18 22:00", "2026-11-19 06:30")
    length = rules.seconds_between(s["started_at"], s["ended_at"], datetime.now(timezone.utc))
    assert (length, rules.fmt_duration(length)) == (8.5 * 3600, "8.5 hrs")
    assert rules.shift_day(s["started_at"]) == date(2026, 11, 18)


def test_the_community_day_not_the_utc_day_decides_the_pay_period(ctx):
    late = shift("2026-11-26 23:30")  # 21:30 UTC, same day in both
    after_midnight = shift("2026-11-27 00:30")  # still 26 November in UTC (22:30)
    assert late["started_at"].startswith("2026-11-26T21:30") and after_midnight["started_at"].startswith("2026-11-26T22:30")
    assert rules.pay_period(rules.shift_day(late["started_at"])) == (date(2026, 10, 27), date(2026, 11, 26))
    assert rules.pay_period(rules.shift_day(after_midnight["started_at"])) == (date(2026, 11, 27), date(2026, 12, 26))


@pytest.mark.parametrize("day, period", [
    ("2026-11-26", ("2026-10-27", "2026-11-26")), ("2026-11-27", ("2026-11-27", "2026-12-26")),
    ("2026-12-27", ("2026-12-27", "2027-01-26")), ("2027-01-10", ("2026-12-27", "2027-01-26")),
    ("2027-03-01", ("2027-02-27", "2027-03-26")), ("2027-02-28", ("2027-02-27", "2027-03-26")),
])
def test_pay_periods_run_from_the_27th_to_the_26th(day, period):
    assert rules.pay_period(date.fromisoformat(day)) == tuple(date.fromisoformat(d) for d in period)


def test_days_worked_count_shifts_of_at_least_an_hour_and_the_total_adds_what_is_shown(ctx):
    shifts = [shift("2026-11-02 06:00", "2026-11-02 07:00"), shift("2026-11-03 06:00", "2026-11-03 06:59"),
              shift("2026-11-04 22:00", "2026-11-05 06:30"), shift("2026-11-06 06:00", "2026-11-06 06:00:20")]
    summary = rules.summarise(shifts, datetime.now(timezone.utc))
    assert (summary.days, summary.total_hours) == (2, "10.49")  # 1 + 59/60 + 8.5 + 0.33/60
    assert summary.sentence(date(2026, 10, 27), date(2026, 11, 26)) == \
        "Worked 2 days for a total of 10.49 hrs between 2026-10-27 - 2026-11-26"


def test_a_shift_in_progress_counts_until_now(ctx):
    now = datetime(2026, 11, 20, 12, 0, tzinfo=timezone.utc)
    running = {"started_at": rules.iso_ms(now - timedelta(hours=2)), "ended_at": None}
    assert rules.summarise([running], now) == rules.Summary(days=1, total_hours="2.00")


# -- over HTTP -------------------------------------------------------------------------------

def shifts_of(api, user_id: int) -> list[dict]:
    return api("GET", f"/shifts?user_id={user_id}").get_json()


def test_custodian_starts_and_ends_a_shift_and_the_time_card_shows_it(as_role, api):
    custodian = as_role("custodian")
    assert "Start Shift" in custodian.text(f"/user/{WORKER}")
    custodian.post(f"/user/{WORKER}/shift/start", {}, form_page=f"/user/{WORKER}")
    page = custodian.text(f"/user/{WORKER}")
    assert "Shift started for mama Guard" in page
    assert re.search(r'data-testid="start_shift_btn"[^>]*disabled', page) and ">Shift in Progress<" in page
    assert "In-Progress" in custodian.text("/timesheet")
    custodian.post(f"/user/{WORKER}/shift/end", {}, form_page=f"/user/{WORKER}")
    [done] = shifts_of(api, WORKER)
    assert done["ended_at"] and 0 <= done["seconds"] < 5 and done["ended_by"] == CUSTODIAN
    card = custodian.text("/timesheet")
    assert "mama Guard" in card and "Last Shift Worked:" in card and 'data-seconds="' in card


def test_the_recorded_length_follows_the_community_clock(as_role, api):
    api("POST", "/clock", json={"local": "2026-11-20T06:00"})
    custodian = as_role("custodian")
    custodian.post(f"/user/{WORKER}/shift/start", {}, form_page=f"/user/{WORKER}")
    api("POST", "/clock", json={"local": "2026-11-20T14:30"})
    custodian.post(f"/user/{WORKER}/shift/end", {}, form_page=f"/user/{WORKER}")
    sheet = custodian.text(f"/timesheet/{WORKER}")
    assert "Worked 1 day for a total of 8.50 hrs between 2026-10-27 - 2026-11-26" in sheet
    assert re.search(r"Friday.*2026-11-20.*06:00.*14:30.*8\.5 hrs", re.sub(r"\s+", " ", sheet))


def test_a_second_shift_cannot_start_while_one_runs(as_role, api):
    custodian = as_role("custodian")
    custodian.post(f"/user/{WORKER}/shift/start", {}, form_page=f"/user/{WORKER}")
    response = custodian.post(f"/user/{WORKER}/shift/start", {}, form_page=f"/user/{WORKER}", follow_redirects=True)
    assert ts.ALREADY_IN_PROGRESS in response.get_data(as_text=True)
    assert len(shifts_of(api, WORKER)) == 1


def test_ending_a_shift_that_is_not_running_shows_the_message_and_records_nothing(as_role, api):
    response = as_role("custodian").post(f"/user/{WORKER}/shift/end", {}, form_page=f"/user/{WORKER}",
                                         follow_redirects=True)
    assert "You can&#39;t end shift that is not in progress" in response.get_data(as_text=True)
    assert shifts_of(api, WORKER) == []


def test_the_time_card_shows_each_workers_latest_shift_only(as_role, api):
    for start, end in (("2026-11-18T06:00", "2026-11-18T14:00"), ("2026-11-19T06:00", "2026-11-19T06:45")):
        api("POST", "/shifts", json={"user_id": WORKER, "start": start, "end": end})
    api("POST", "/shifts", json={"user_id": GUARD, "start": "2026-11-17T22:00", "end": "2026-11-18T06:00"})
    card = re.sub(r"\s+", " ", as_role("custodian").text("/timesheet"))
    assert card.count('data-testid="shift_card"') == 2
    assert "Last Shift Worked: 2026-11-19" in card and "45 minutes" in card and "8 hrs" in card
    assert card.index("mama Guard") < card.index("A Guard")  # latest first


def test_a_worker_sees_only_their_own_time_sheet(as_role):
    guard = as_role("guard")
    assert f'href="/timesheet/{GUARD}"' in guard.text("/guard_home")
    assert guard.get(f"/timesheet/{GUARD}").status_code == 200
    assert guard.get(f"/timesheet/{WORKER}").status_code == 404
    assert guard.get("/timesheet").status_code == 404


@pytest.mark.parametrize("role, path, method", [
    ("client", "/timesheet", "GET"), ("client", f"/timesheet/{WORKER}", "GET"),
    ("admin", f"/user/{WORKER}/shift/start", "POST"), ("guard", f"/user/{WORKER}/shift/start", "POST"),
    ("custodian", f"/user/{ADMIN}/shift/start", "POST"),  # an admin is not a worker
    ("custodian", "/timesheet/999", "GET"),
])
def test_roles_without_the_permission_get_not_found(as_role, role, path, method):
    browser = as_role(role)
    response = browser.get(path) if method == "GET" else browser.post(path, {}, form_page=f"/id/{OWN_ID[role]}")
    assert response.status_code == 404


def test_only_custodians_see_the_shift_buttons(as_role):
    assert "start-shift-btn" not in as_role("admin").text(f"/user/{WORKER}")
    assert "start-shift-btn" not in as_role("custodian").text(f"/user/{CLIENT}")


def test_shift_buttons_need_the_csrf_token(as_role, api):
    response = as_role("custodian").client.post(f"/user/{WORKER}/shift/start")
    assert response.status_code == 400 and shifts_of(api, WORKER) == []


def test_the_pay_period_is_chosen_by_date_and_a_bad_one_is_refused(as_role, api):
    api("POST", "/shifts", json={"user_id": WORKER, "start": "2026-11-26T23:30", "end": "2026-11-27T00:30"})
    custodian = as_role("custodian")
    assert "2026-11-26" in custodian.text(f"/timesheet/{WORKER}?period=2026-11-10")
    later = custodian.text(f"/timesheet/{WORKER}?period=2026-12-01")
    assert "between 2026-11-27 - 2026-12-26" in later and "No shifts in this period" in later
    assert custodian.get(f"/timesheet/{WORKER}?period=yesterday").status_code == 400


def test_the_test_api_refuses_a_shift_ending_before_it_starts(api):
    response = api("POST", "/shifts", json={"user_id": WORKER, "start": "2026-11-20T10:00", "end": "2026-11-20T09:00"})
    assert response.status_code == 400

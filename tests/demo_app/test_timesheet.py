"""Time sheet: the rules (durations, pay periods, days worked), the shift buttons, the Time Card and a
worker's time sheet over HTTP, and no 500 for odd input."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from demo_app import shift_rules as rules

LUSAKA = ZoneInfo("Africa/Lusaka")
# The process runs far from the community (UTC+14): nothing may depend on the server's own timezone.
pytestmark = pytest.mark.usefixtures("far_away_process_timezone")
GUARD, ADMIN, CUSTODIAN, CLIENT, WORKER = 1, 2, 3, 4, 5  # persona ids after seeding, in config order
MANAGE = "mutation($u: ID!, $t: String!) { manageShift(userId: $u, eventTag: $t) { timeSheet { id endedAt } } }"
USER_CREATE = (
    "mutation($n: String!, $p: String!, $t: String!) { userCreate(name: $n, phoneNumber: $p,"
    ' userType: $t, state: "valid") { user { id } } }'
)


@pytest.fixture
def ctx(app):
    with app.app_context():
        yield


def stored(local: str) -> str:
    """A Lusaka wall-clock moment as the shifts table stores it."""
    return rules.iso_ms(datetime.fromisoformat(local).replace(tzinfo=LUSAKA))


def shift(start: str, end: str | None = None) -> dict:
    return {"started_at": stored(start), "ended_at": stored(end) if end else None}


def flat(html: str) -> str:
    return re.sub(r"\s+", " ", html)


def past_shift(test_api, user_id: int, start: str, end: str | None = None) -> None:
    response = test_api("POST", "/shifts", json={"user_id": user_id, "start": start, **({"end": end} if end else {})})
    assert response.status_code == 201, response.get_json()


# -- rules -------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "seconds, shown",
    [
        (2.4, "0.04 minutes"),
        (20, "0.33 minutes"),
        (45 * 60, "45 minutes"),
        (3563, "59.38 minutes"),
        (3599, "1 hr"),
        (3600, "1 hr"),
        (5400, "1.5 hrs"),
        (8.5 * 3600, "8.5 hrs"),
        (10 * 3600 + 9, "10 hrs"),
    ],
)
def test_durations_read_as_the_platform_writes_them(seconds, shown):
    assert rules.fmt_duration(seconds) == shown


def test_a_shift_across_midnight_lasts_its_hours_and_belongs_to_the_day_it_started(ctx):
    s = shift("2026-11-18 22:00", "2026-11-19 06:30")
    length = rules.seconds_between(s["started_at"], s["ended_at"], datetime.now(UTC))
    assert (length, rules.fmt_duration(length)) == (8.5 * 3600, "8.5 hrs")
    assert rules.shift_day(s["started_at"]) == date(2026, 11, 18)


@pytest.mark.parametrize(
    "day, period",
    [
        ("2026-11-26", ("2026-10-27", "2026-11-26")),
        ("2026-11-27", ("2026-11-27", "2026-12-26")),
        ("2026-12-27", ("2026-12-27", "2027-01-26")),
        ("2027-01-10", ("2026-12-27", "2027-01-26")),
        ("2027-03-01", ("2027-02-27", "2027-03-26")),
        ("2027-02-28", ("2027-02-27", "2027-03-26")),
    ],
)
def test_pay_periods_run_from_the_27th_to_the_26th(day, period):
    assert rules.pay_period(date.fromisoformat(day)) == tuple(date.fromisoformat(d) for d in period)


def test_the_periods_at_the_ends_of_the_range_have_no_neighbour_beyond_it():
    assert rules.neighbour_periods(*rules.pay_period(rules.FIRST_PERIOD_DAY))[0] is None
    assert rules.neighbour_periods(*rules.pay_period(rules.LAST_PERIOD_DAY))[1] is None


def test_days_worked_count_shifts_of_at_least_an_hour_and_the_total_adds_what_is_shown(ctx):
    shifts = [
        shift("2026-11-02 06:00", "2026-11-02 07:00"),
        shift("2026-11-03 06:00", "2026-11-03 06:59"),
        shift("2026-11-04 22:00", "2026-11-05 06:30"),
        shift("2026-11-06 06:00", "2026-11-06 06:00:20"),
    ]
    summary = rules.summarise(shifts, datetime.now(UTC))
    assert (summary.days, summary.total_hours) == (2, "10.49")  # 1 + 59/60 + 8.5 + 0.33/60
    assert (
        summary.sentence(date(2026, 10, 27), date(2026, 11, 26))
        == "Worked 2 days for a total of 10.49 hrs between 2026-10-27 - 2026-11-26"
    )


def test_an_empty_period_and_a_single_day_read_as_on_the_platform(ctx):
    now = datetime(2026, 11, 20, 12, 0, tzinfo=UTC)
    assert (
        rules.summarise([], now).sentence(date(2026, 10, 27), date(2026, 11, 26))
        == "Worked 0 days for a total of 0 hrs between 2026-10-27 - 2026-11-26"
    )
    running = {"started_at": rules.iso_ms(now - timedelta(hours=2)), "ended_at": None}
    assert rules.summarise([running], now) == rules.Summary(days=1, total_hours="2.00")


# -- the shift buttons on a profile ------------------------------------------------------------------


@pytest.mark.parametrize("user_type", ["security_guard", "contractor", "security_supervisor", "developer"])
def test_a_custodian_is_offered_the_shift_buttons_on_every_kind_of_worker(as_role, gql, user_type):
    new_id = gql("admin")(
        USER_CREATE, {"n": f"Worker {user_type}", "p": f"+2609{len(user_type):02d}5550001", "t": user_type}
    )["userCreate"]["user"]["id"]
    page = as_role("custodian").text(f"/user/{new_id}")
    assert 'class="MuiButton-root MuiButton-text start-shift-btn" type="button">Start Shift<' in page
    assert ">End Shift<" in page


@pytest.mark.parametrize(
    "viewer, person", [("custodian", ADMIN), ("custodian", CLIENT), ("admin", WORKER), ("guard", WORKER)]
)
def test_the_shift_buttons_are_only_for_custodians_on_workers(as_role, viewer, person):
    assert "start-shift-btn" not in as_role(viewer).text(f"/user/{person}")


def test_a_deactivated_worker_gets_no_shift_buttons(app, as_role):
    from demo_app.db import connect

    conn = connect(app.config["DATABASE"])
    conn.execute("UPDATE users SET status = 'deactivated' WHERE id = ?", (WORKER,))
    conn.commit()
    assert "start-shift-btn" not in as_role("custodian").text(f"/user/{WORKER}")


def test_a_shift_in_progress_disables_start_and_says_so(as_role):
    custodian = as_role("custodian")
    custodian.gql(MANAGE, {"u": WORKER, "t": "shift_start"})
    page = custodian.text(f"/user/{WORKER}")
    assert re.search(r'start-shift-btn Mui-disabled" type="button" disabled tabindex="-1">Shift in Progress<', page)
    assert 'data-in-progress="true"' in page


# -- Time Card -----------------------------------------------------------------------------------------


def test_the_time_card_shows_each_workers_latest_shift_the_most_recent_first(as_role, test_api):
    past_shift(test_api, WORKER, "2026-11-18T06:00", "2026-11-18T14:00")
    past_shift(test_api, WORKER, "2026-11-19T06:00", "2026-11-19T06:45")
    past_shift(test_api, GUARD, "2026-11-17T22:00", "2026-11-18T06:00")
    card = flat(as_role("custodian").text("/timesheet"))
    assert card.count('class="col-xs-8 nz_user shift-user-name"') == 2
    assert card.index("<strong>mama Guard</strong>") < card.index("<strong>A Guard</strong>")
    assert "Last Shift Worked:2026-11-19" in card and "Numbers of shifts hours worked: 45 minutes" in card
    assert "Last Shift Worked:2026-11-17" in card and "Numbers of shifts hours worked: 8 hrs" in card
    assert f'href="/timesheet/{WORKER}">More details</a>' in card and 'data-testid="page_title">Time Card<' in card


def test_a_shift_in_progress_shows_in_progress_on_the_time_card(as_role):
    custodian = as_role("custodian")
    custodian.gql(MANAGE, {"u": WORKER, "t": "shift_start"})
    assert "Numbers of shifts hours worked: In-Progress" in flat(custodian.text("/timesheet"))


def test_the_time_card_pages_by_twenty_workers(as_role, gql, test_api):
    for i in range(21):
        new_id = gql("admin")(USER_CREATE, {"n": f"Guard {i:02d}", "p": f"+26097770{i:04d}", "t": "security_guard"})[
            "userCreate"
        ]["user"]["id"]
        past_shift(test_api, int(new_id), f"2026-11-{i + 1:02d}T06:00", f"2026-11-{i + 1:02d}T07:00")
    custodian = as_role("custodian")
    first, second = flat(custodian.text("/timesheet")), flat(custodian.text("/timesheet?offset=20"))
    assert first.count("shift-user-name") == 20 and "<strong>Guard 20</strong>" in first
    assert second.count("shift-user-name") == 1 and "<strong>Guard 00</strong>" in second
    assert re.search(r'name="offset" value="20" data-testid="next-btn">', first)
    assert re.search(r'name="offset" value="0" data-testid="prev-btn">', second)


@pytest.mark.parametrize("role", ["guard", "client"])
def test_only_admins_and_custodians_see_the_time_card(as_role, role):
    assert as_role(role).get("/timesheet").status_code == 404
    assert as_role("admin").get("/timesheet").status_code == 200


# -- a worker's time sheet -------------------------------------------------------------------------------


def test_the_time_sheet_lists_one_pay_period_in_community_time(as_role, test_api):
    test_api("POST", "/clock", json={"local": "2026-11-27T10:00"})
    for start, end in (
        ("2026-10-26T06:00", "2026-10-26T18:00"),
        ("2026-10-27T06:00", "2026-10-27T07:00"),
        ("2026-11-18T22:00", "2026-11-19T06:30"),
        ("2026-11-19T23:30", "2026-11-20T00:15"),
        ("2026-11-26T14:00", "2026-11-26T16:30"),
        ("2026-11-27T06:00", "2026-11-27T08:00"),
    ):
        past_shift(test_api, WORKER, start, end)
    custodian = as_role("custodian")
    now = flat(custodian.text(f"/timesheet/{WORKER}"))
    assert 'data-testid="emp_name">Name:mama Guard<' in now
    assert "Worked 1 days for a total of 2.00 hrs between 2026-11-27 - 2026-12-26" in now
    assert now.count('data-testid="prog"') == 1
    before = flat(custodian.text(f"/timesheet/{WORKER}?date=2026-11-26"))
    assert "Worked 3 days for a total of 12.75 hrs between 2026-10-27 - 2026-11-26" in before
    cells = re.findall(r'<td class="MuiTableCell-root MuiTableCell-body"(?: data-testid="prog")?>([^<]*)</td>', before)
    assert cells == [
        "Thursday",
        "2026-11-26",
        "14:00",
        "16:30",
        "2.5 hrs",
        "Thursday",
        "2026-11-19",
        "23:30",
        "00:15",
        "45 minutes",
        "Wednesday",
        "2026-11-18",
        "22:00",
        "06:30",
        "8.5 hrs",
        "Tuesday",
        "2026-10-27",
        "06:00",
        "07:00",
        "1 hr",
    ]
    assert 'name="date" value="2026-10-26" data-testid="prev-btn"' in before
    assert 'name="date" value="2026-11-27" data-testid="next-btn"' in before


def test_a_shift_in_progress_reads_shift_in_progress_on_the_time_sheet(as_role):
    custodian = as_role("custodian")
    custodian.gql(MANAGE, {"u": WORKER, "t": "shift_start"})
    page = flat(custodian.text(f"/timesheet/{WORKER}"))
    assert re.search(
        r'>Shift in Progress</td> <td class="MuiTableCell-root MuiTableCell-body" data-testid="prog">'
        r"Shift in Progress</td>",
        page,
    )


def test_a_worker_without_shifts_is_still_named(as_role):
    page = as_role("guard").text(f"/timesheet/{GUARD}")
    assert 'data-testid="emp_name">Name:A Guard<' in page and "Worked 0 days for a total of 0 hrs" in page


def test_people_see_their_own_time_sheet_and_only_staff_see_others(as_role):
    guard, client = as_role("guard"), as_role("client")
    assert f'href="/timesheet/{GUARD}"' in guard.text("/guard_home")
    assert guard.get(f"/timesheet/{GUARD}").status_code == 200 and client.get(f"/timesheet/{CLIENT}").status_code == 200
    assert (
        guard.get(f"/timesheet/{WORKER}").status_code == 404 and client.get(f"/timesheet/{WORKER}").status_code == 404
    )
    assert as_role("admin").get(f"/timesheet/{WORKER}").status_code == 200


@pytest.mark.parametrize(
    "query",
    [
        "date=9999-12-31",
        "date=0001-01-01",
        "date=1999-12-31",
        "date=3000-01-01",
        "date=2026-02-30",
        "date=2026-13-01",
        "date=tomorrow",
        "date=%D9%A2%D9%A0%D9%A2%D9%A6-%D9%A1%D9%A1-%D9%A2%D9%A0",  # Arabic-Indic digits
        "date=" + "9" * 300,
        "date=2026-11-20T10:00",
    ],
)
def test_odd_pay_periods_are_refused_with_a_message(as_role, query):
    response = as_role("custodian").get(f"/timesheet/{WORKER}?{query}")
    assert response.status_code == 400 and "Give a day of the pay period as YYYY-MM-DD" in response.get_data(
        as_text=True
    )


@pytest.mark.parametrize("query", ["date=2000-01-01", "date=2999-12-26", "date="])
def test_the_ends_of_the_range_are_shown(as_role, query):
    assert as_role("custodian").get(f"/timesheet/{WORKER}?{query}").status_code == 200


@pytest.mark.parametrize(
    "path",
    [
        "/timesheet/99999999999999999999999",
        "/timesheet/-1",
        "/timesheet/0",
        "/timesheet/abc",
        "/timesheet/%D9%A5",
        "/timesheet/1.5",
        "/timesheet/9223372036854775808",
    ],
)
def test_unknown_people_are_not_found(as_role, path):
    assert as_role("custodian").get(path).status_code == 404


@pytest.mark.parametrize("offset", ["-1", "abc", "1e3", "99999999999999999999", "%D9%A5", "1000001"])
def test_odd_time_card_pages_are_refused_with_a_message(as_role, offset):
    assert as_role("custodian").get(f"/timesheet?offset={offset}").status_code == 400

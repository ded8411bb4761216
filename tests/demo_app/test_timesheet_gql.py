"""Time card over GraphQL (manageShift, timeSheetLogs, userTimeSheetLogs, userLastShift) and the
test-only API's past shifts: success, bad arguments, the wrong role, and no 500 for odd input."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.usefixtures("far_away_process_timezone")
GUARD, ADMIN, CUSTODIAN, CLIENT, WORKER = 1, 2, 3, 4, 5
MANAGE = (
    "mutation($u: ID!, $t: String!) { manageShift(userId: $u, eventTag: $t)"
    " { timeSheet { id userId startedAt endedAt createdAt user { id name } } } }"
)
LOGS = "query($l: Int, $o: Int) { timeSheetLogs(limit: $l, offset: $o) { id userId endedAt user { name } } }"
USER_LOGS = (
    "query($u: ID!, $f: String, $t: String!, $l: Int, $o: Int) { userTimeSheetLogs(userId: $u,"
    " dateFrom: $f, dateTo: $t, limit: $l, offset: $o) { id startedAt endedAt user { name } } }"
)
LAST = "query($u: ID!) { userLastShift(userId: $u) { id startedAt endedAt } }"


def past_shift(test_api, user_id: int, start: str, end: str | None = None) -> int:
    response = test_api("POST", "/shifts", json={"user_id": user_id, "start": start, **({"end": end} if end else {})})
    assert response.status_code == 201, response.get_json()
    return response.get_json()["id"]


# -- manageShift ------------------------------------------------------------------------------------


def test_a_custodian_starts_and_ends_a_shift(gql):
    custodian = gql("custodian")
    started = custodian(MANAGE, {"u": WORKER, "t": "shift_start"})["manageShift"]["timeSheet"]
    assert started["endedAt"] is None and started["userId"] == str(WORKER) and started["user"]["name"] == "mama Guard"
    assert started["startedAt"].endswith("+02:00") and started["createdAt"] == started["startedAt"]
    ended = custodian(MANAGE, {"u": WORKER, "t": "shift_end"})["manageShift"]["timeSheet"]
    assert ended["id"] == started["id"] and ended["endedAt"] >= ended["startedAt"]
    assert custodian(LAST, {"u": WORKER})["userLastShift"]["endedAt"] == ended["endedAt"]


def test_a_second_start_while_a_shift_runs_is_refused_and_records_nothing(gql):
    custodian = gql("custodian")
    custodian(MANAGE, {"u": WORKER, "t": "shift_start"})
    refusal = custodian.error(MANAGE, {"u": WORKER, "t": "shift_start"})
    assert refusal == "A shift is already in progress for this worker"
    assert len(custodian(USER_LOGS, {"u": WORKER, "f": "2000-01-01", "t": "2999-12-31"})["userTimeSheetLogs"]) == 1


def test_ending_with_no_shift_in_progress_ends_nothing_and_answers_null_as_the_platform_does(gql):
    custodian = gql("custodian")
    assert custodian(MANAGE, {"u": WORKER, "t": "shift_end"})["manageShift"] is None
    assert custodian(LAST, {"u": WORKER})["userLastShift"] is None


@pytest.mark.parametrize(
    "user_id, tag, message",
    [
        (WORKER, "shift_pause", "eventTag must be shift_start or shift_end"),
        (WORKER, "", "eventTag must be shift_start or shift_end"),
        (ADMIN, "shift_start", "Shifts are recorded for active guards, supervisors, contractors and developers only"),
        (CLIENT, "shift_start", "Shifts are recorded for active guards, supervisors, contractors and developers only"),
        ("99999999999999999999999", "shift_start", "User not found"),
        ("-3", "shift_start", "User not found"),
        ("abc", "shift_start", "User not found"),
        ("777", "shift_start", "User not found"),
        ("٥", "shift_start", "User not found"),
    ],
)
def test_bad_shift_requests_are_refused(gql, user_id, tag, message):
    assert gql("custodian").error(MANAGE, {"u": user_id, "t": tag}) == message


@pytest.mark.parametrize("role", ["guard", "admin", "client", None])
def test_only_custodians_manage_shifts(gql, role):
    assert gql(role).error(MANAGE, {"u": WORKER, "t": "shift_start"}) == "Unauthorized"


def test_a_missing_argument_is_a_graphql_error(gql):
    answer = gql("custodian").raw("mutation { manageShift(userId: 5) { timeSheet { id } } }")
    assert answer["errors"] and "eventTag" in answer["errors"][0]["message"]


# -- timeSheetLogs / userLastShift ----------------------------------------------------------------------


def test_the_time_card_query_gives_each_workers_latest_shift(gql, test_api):
    past_shift(test_api, WORKER, "2026-11-18T06:00", "2026-11-18T14:00")
    latest = past_shift(test_api, WORKER, "2026-11-19T06:00", "2026-11-19T06:45")
    past_shift(test_api, GUARD, "2026-11-17T22:00", "2026-11-18T06:00")
    for role in ("custodian", "admin"):
        logs = gql(role)(LOGS)["timeSheetLogs"]
        assert [(s["id"], s["user"]["name"]) for s in logs] == [(str(latest), "mama Guard"), ("3", "A Guard")]
    assert [s["user"]["name"] for s in gql("custodian")(LOGS, {"l": 1, "o": 1})["timeSheetLogs"]] == ["A Guard"]


@pytest.mark.parametrize("limit, offset", [(-5, -5), (0, 0), (10**6, 10**9), (2**31 - 1, 2**31 - 1)])
def test_odd_pages_of_the_time_card_query_are_kept_in_range(gql, limit, offset):
    assert isinstance(gql("custodian")(LOGS, {"l": limit, "o": offset})["timeSheetLogs"], list)


@pytest.mark.parametrize("role", ["guard", "client", None])
def test_only_staff_read_every_workers_shifts(gql, role):
    assert gql(role).error(LOGS) == "Unauthorized"
    assert gql(role).error(LAST, {"u": WORKER}) == "Unauthorized"


def test_the_last_shift_of_someone_who_never_worked_is_null(gql):
    assert gql("custodian")(LAST, {"u": GUARD})["userLastShift"] is None
    assert gql("custodian").error(LAST, {"u": "123456789"}) == "User not found"


# -- userTimeSheetLogs ----------------------------------------------------------------------------------


def test_a_window_of_days_includes_its_last_day_whole(gql, test_api):
    for start, end in (
        ("2026-10-26T23:30", "2026-10-27T01:00"),
        ("2026-10-27T00:30", "2026-10-27T02:00"),
        ("2026-11-26T23:00", "2026-11-26T23:59"),
        ("2026-11-27T00:10", "2026-11-27T02:00"),
    ):
        past_shift(test_api, WORKER, start, end)
    logs = gql("custodian")(USER_LOGS, {"u": WORKER, "f": "2026-10-27", "t": "2026-11-26"})["userTimeSheetLogs"]
    assert [s["startedAt"][:16] for s in logs] == ["2026-11-26T23:00", "2026-10-27T00:30"]
    assert {s["user"]["name"] for s in logs} == {"mama Guard"}


def test_the_platform_clients_dates_and_iso_times_are_understood(gql, test_api):
    past_shift(test_api, WORKER, "2026-11-20T06:00", "2026-11-20T07:00")
    custodian = gql("custodian")
    for window in (
        {"f": "Tue, 27 Oct 2026 00:00:00 GMT", "t": "Thu, 26 Nov 2026 00:00:00 GMT"},
        {"f": "2026-11-20T05:59:00+02:00", "t": "2026-11-20T06:01:00Z"},
        {"f": "2026-11-20T06:00", "t": "2026-11-20T06:00:01"},
    ):
        assert len(custodian(USER_LOGS, {"u": WORKER, **window})["userTimeSheetLogs"]) == 1, window
    assert custodian(USER_LOGS, {"u": WORKER, "f": "2026-11-20T06:00:01", "t": "2026-11-21"})["userTimeSheetLogs"] == []


@pytest.mark.parametrize(
    "date_to",
    [
        "9999-12-31",
        "0001-01-01",
        "tomorrow",
        "",
        "2026-02-30",
        "٢٠٢٦-١١-٢٠",
        "9" * 500,
        "2026-11-20T25:00",
        "Mon, 99 Foo 2026 00:00:00 GMT",
    ],
)
def test_odd_dates_are_refused_with_a_message(gql, date_to):
    message = gql("custodian").error(USER_LOGS, {"u": WORKER, "t": date_to})
    assert message == "dateTo is not a date: give YYYY-MM-DD or an ISO 8601 date and time"


def test_people_read_their_own_shifts_and_only_staff_read_others(gql, test_api):
    past_shift(test_api, GUARD, "2026-11-20T06:00", "2026-11-20T07:00")
    window = {"f": "2026-11-01", "t": "2026-11-30"}
    assert len(gql("guard")(USER_LOGS, {"u": GUARD, **window})["userTimeSheetLogs"]) == 1
    assert gql("client")(USER_LOGS, {"u": CLIENT, **window})["userTimeSheetLogs"] == []
    # a guard may ask (the platform's can_fetch_user_time_sheet_logs) but is given nobody else's shifts
    assert gql("guard")(USER_LOGS, {"u": WORKER, **window})["userTimeSheetLogs"] == []
    assert gql("guard")(USER_LOGS, {"u": "99999999999", **window})["userTimeSheetLogs"] == []
    assert gql("client").error(USER_LOGS, {"u": WORKER, **window}) == "Unauthorized"
    assert gql(None).error(USER_LOGS, {"u": GUARD, **window}) == "Unauthorized"
    assert len(gql("admin")(USER_LOGS, {"u": GUARD, **window})["userTimeSheetLogs"]) == 1


# -- the test-only API: shifts in the past ------------------------------------------------------------------


@pytest.mark.parametrize(
    "payload",
    [
        {},
        {"user_id": WORKER},
        {"user_id": WORKER, "start": "yesterday"},
        {"user_id": WORKER, "start": "2026-11-20T06:00", "end": "2026-11-20T05:00"},
        {"user_id": WORKER, "start": "2026-11-20T06:00+02:00"},
        {"user_id": WORKER, "start": ["2026-11-20T06:00"]},
        {"user_id": WORKER, "start": "9999-12-31T23:59"},
        {"user_id": ADMIN, "start": "2026-11-20T06:00"},
        {"user_id": "x" * 100, "start": "2026-11-20T06:00"},
        {"user_id": 10**30, "start": "2026-11-20T06:00"},
    ],
)
def test_odd_past_shifts_are_refused(test_api, payload):
    assert test_api("POST", "/shifts", json=payload).status_code == 400


def test_two_past_shifts_cannot_both_be_in_progress(test_api):
    past_shift(test_api, WORKER, "2026-11-20T06:00")
    assert test_api("POST", "/shifts", json={"user_id": WORKER, "start": "2026-11-20T07:00"}).status_code == 400


def test_past_shifts_need_the_test_api_token(client):
    assert client.post("/__test__/shifts", json={"user_id": WORKER, "start": "2026-11-20T06:00"}).status_code == 401

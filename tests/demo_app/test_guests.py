"""Registered guests: validity judged in community time, whatever the server's own timezone."""
from __future__ import annotations

import os
from datetime import datetime, timezone
from zoneinfo import ZoneInfo

import pytest

from demo_app.guests import validity

LUSAKA = ZoneInfo("Africa/Lusaka")
# The process runs far from the community (UTC+14): nothing may depend on the server's own timezone.
pytestmark = pytest.mark.usefixtures("far_away_process_timezone")


def guest(start: str, end: str, days: str = "", until: str | None = None, status: str = "active") -> dict:
    """A guest whose times are given in Lusaka wall-clock and stored as UTC."""
    def utc(text: str) -> str:
        return datetime.fromisoformat(text).replace(tzinfo=LUSAKA).astimezone(timezone.utc).isoformat()

    return {"starts_at": utc(start), "ends_at": utc(end), "repeat_days": days,
            "repeats_until": utc(until) if until else None, "status": status}


def at(text: str) -> datetime:
    return datetime.fromisoformat(text).replace(tzinfo=LUSAKA)


@pytest.mark.parametrize("now, expected", [
    ("2026-11-27 09:30", "Valid"),
    ("2026-11-27 08:59", "Invalid now"),
    ("2026-11-27 12:01", "Invalid now"),
    ("2026-11-26 10:00", "Invalid today"),
    ("2026-11-28 10:00", "Expired"),
])
def test_one_off_visit(now, expected):
    assert validity(guest("2026-11-27 09:00", "2026-11-27 12:00"), at(now), LUSAKA) == expected


def test_the_community_day_not_the_utc_day_decides():
    # 00:30 in Lusaka is still the previous day in UTC (22:30): the visit is today for the community.
    g = guest("2026-11-27 00:00", "2026-11-27 01:00")
    assert validity(g, at("2026-11-27 00:30"), LUSAKA) == "Valid"
    assert validity(g, datetime(2026, 11, 26, 22, 30, tzinfo=timezone.utc), LUSAKA) == "Valid"


@pytest.mark.parametrize("now, expected", [
    ("2026-11-30 10:00", "Valid"),          # Monday, in the window
    ("2026-11-30 13:00", "Invalid now"),    # Monday, after the window
    ("2026-12-01 10:00", "Invalid today"),  # Tuesday is not a visiting day
    ("2026-12-14 10:00", "Expired"),        # after the repeat-until date
])
def test_repeating_visit(now, expected):
    g = guest("2026-11-27 09:00", "2026-11-27 12:00", days="monday,friday", until="2026-12-11 23:59:59")
    assert validity(g, at(now), LUSAKA) == expected


def test_cancelled_is_never_valid():
    assert validity(guest("2026-11-27 09:00", "2026-11-27 12:00", status="cancelled"),
                    at("2026-11-27 10:00"), LUSAKA) == "Cancelled"


def test_invite_form_times_are_community_time_and_stored_as_utc(as_role, app, api):
    api("POST", "/clock", json={"time": "08:00"})
    admin = as_role("admin")
    today = datetime.now(LUSAKA).date().isoformat()
    response = admin.post("/logbook/guests/invite", {"first_name": "Grace", "last_name": "Banda",
                                                      "phone": "+260971112223", "visit_date": today,
                                                      "start_time": "09:00", "end_time": "12:00"})
    assert response.status_code == 302
    from demo_app.db import connect

    row = connect(app.config["DATABASE"]).execute("SELECT starts_at FROM guests").fetchone()
    assert row["starts_at"] == f"{today}T07:00:00+00:00"
    assert os.environ["TZ"] == "Pacific/Kiritimati"
    assert "Time 09:00 - 12:00" in admin.text("/logbook?tab=guests")


def test_invite_form_refuses_bad_input(as_role):
    admin = as_role("admin")
    response = admin.post("/logbook/guests/invite", {"first_name": "", "last_name": "B", "phone": "abc",
                                                      "visit_date": "2020-01-01", "start_time": "12:00",
                                                      "end_time": "09:00"})
    text = response.get_data(as_text=True)
    assert response.status_code == 400
    for message in ("First Name is Required", "Enter a phone number", "Day of visit cannot be in the past",
                    "Visit end time must be after the start time"):
        assert message in text


def test_grant_is_refused_outside_the_window_even_if_posted(as_role, api):
    api("POST", "/clock", json={"time": "13:00"})
    today = datetime.now(LUSAKA).date().isoformat()
    gid = api("POST", "/guests", json={"first_name": "Peter", "last_name": "Zulu", "phone": "+260970000000",
                                       "visit_date": today, "start_time": "09:00", "end_time": "12:00"}).get_json()["id"]
    guard = as_role("guard")
    assert "Invalid now" in guard.text("/logbook?tab=guests")
    guard.post(f"/logbook/guests/{gid}/grant", {}, form_page="/logbook?tab=guests")
    assert api("GET", "/entries").get_json() == []


def test_grant_in_the_window_logs_a_registered_guest_entry(as_role, api):
    api("POST", "/clock", json={"time": "10:00"})
    today = datetime.now(LUSAKA).date().isoformat()
    gid = api("POST", "/guests", json={"first_name": "Grace", "last_name": "Banda", "phone": "+260970000000",
                                       "visit_date": today, "start_time": "09:00", "end_time": "12:00"}).get_json()["id"]
    response = as_role("guard").post(f"/logbook/guests/{gid}/grant", {}, form_page="/logbook?tab=guests")
    assert "/observation" in response.location
    [entry] = api("GET", "/entries").get_json()
    assert (entry["kind"], entry["visitor_name"]) == ("registered_guest", "Grace Banda")

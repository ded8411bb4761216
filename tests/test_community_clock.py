"""The community's clock in scenarios: "today, an hour either side of now" never straddles midnight, "this
minute" holds while a scenario reads it, and the pay period oracle follows the production page's rule."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from prodready.scenario import clock
from prodready.scenario.gate_access import window_around_now, window_of_words
from prodready.scenario.timesheet import period_by_the_rule

LUSAKA = ZoneInfo("Africa/Lusaka")


class FakeClock:
    """A clock that stands still until waited on, then has moved by the wait."""

    def __init__(self, start: datetime) -> None:
        self.moment, self.waited = start, []

    def now(self, _timezone: str) -> datetime:
        return self.moment

    def wait(self, seconds: float) -> None:
        self.waited.append(seconds)
        self.moment += timedelta(seconds=seconds)


def test_in_the_last_minutes_of_the_day_a_scenario_waits_for_the_day_to_turn(capsys):
    fake = FakeClock(datetime(2026, 11, 30, 23, 58, 30, tzinfo=LUSAKA))
    moment = clock.clear_of_midnight("Africa/Lusaka", now=fake.now, wait=fake.wait)
    assert fake.waited == [91.0]
    assert moment.date().isoformat() == "2026-12-01" and moment.hour == 0
    assert "waiting 90 s for the day to turn" in capsys.readouterr().err
    window = window_around_now(moment)
    assert (window.day, window.start, window.end) == ("2026-12-01", "00:00", "01:01")


def test_earlier_in_the_day_nothing_waits():
    fake = FakeClock(datetime(2026, 11, 30, 23, 56, 0, tzinfo=LUSAKA))
    assert clock.clear_of_midnight("Africa/Lusaka", now=fake.now, wait=fake.wait) == fake.moment
    assert fake.waited == []


def test_the_window_an_hour_either_side_stays_in_today():
    late = window_around_now(datetime(2026, 11, 30, 23, 30, tzinfo=LUSAKA))
    assert (late.start, late.end) == ("22:30", "23:59")
    early = window_around_now(datetime(2026, 12, 1, 0, 20, tzinfo=LUSAKA))
    assert (early.day, early.start, early.end) == ("2026-12-01", "00:00", "01:21")


def test_a_scenario_naming_this_minute_starts_with_the_minute_it_needs_left():
    fake = FakeClock(datetime(2026, 11, 30, 14, 5, 55, tzinfo=LUSAKA))
    moment = clock.clear_of_minute_turn("Africa/Lusaka", 10, now=fake.now, wait=fake.wait)
    assert fake.waited == [7.0] and (moment.minute, moment.second) == (6, 2)
    fake = FakeClock(datetime(2026, 11, 30, 14, 5, 0, 500000, tzinfo=LUSAKA))  # the minute has just turned
    assert clock.clear_of_minute_turn("Africa/Lusaka", 10, now=fake.now, wait=fake.wait).second == 2
    fake = FakeClock(datetime(2026, 11, 30, 14, 5, 20, tzinfo=LUSAKA))
    assert clock.clear_of_minute_turn("Africa/Lusaka", 10, now=fake.now, wait=fake.wait) == fake.moment
    assert fake.waited == []


def test_a_minute_named_after_midnight_is_still_today():
    fake = FakeClock(datetime(2026, 12, 1, 0, 0, 30, tzinfo=LUSAKA))
    moment = clock.clear_of_minute_turn("Africa/Lusaka", 10, now=fake.now, wait=fake.wait)
    assert (moment.hour, moment.minute) == (0, 2)
    window = window_of_words("a minute ago", "the next minute", moment)
    assert (window.day, window.start, window.end) == ("2026-12-01", "00:01", "00:03")


def test_visit_minutes_are_counted_from_now_and_kept_inside_today():
    now = datetime(2026, 11, 30, 14, 5, 40, tzinfo=LUSAKA)
    window = window_of_words("this minute", "an hour from now", now)
    assert (window.day, window.start, window.end) == ("2026-11-30", "14:05", "15:05")
    earlier = window_of_words("an hour ago", "a minute ago", now)
    assert (earlier.start, earlier.end) == ("13:05", "14:04")
    late = window_of_words("an hour ago", "an hour from now", datetime(2026, 11, 30, 23, 30, tzinfo=LUSAKA))
    assert (late.start, late.end) == ("22:30", "23:59")


@pytest.mark.parametrize(
    "day,period",
    [
        ("2026-11-26", ("2026-10-27", "2026-11-26")),
        ("2026-11-27", ("2026-11-27", "2026-12-26")),
        ("2026-12-26", ("2026-11-27", "2026-12-26")),
        ("2026-12-27", ("2026-12-27", "2027-01-26")),
        ("2027-01-01", ("2026-12-27", "2027-01-26")),
        ("2027-01-27", ("2027-01-27", "2027-02-26")),
        ("2027-03-01", ("2027-02-27", "2027-03-26")),
        ("2028-02-26", ("2028-01-27", "2028-02-26")),
        ("2028-02-29", ("2028-02-27", "2028-03-26")),
    ],
)
def test_the_pay_period_oracle_follows_the_rule_as_the_production_page_states_it(day, period):
    assert period_by_the_rule(date.fromisoformat(day)) == tuple(date.fromisoformat(d) for d in period)


def test_past_the_second_of_a_moment_waits_only_for_what_is_left_of_the_next_second():
    from datetime import datetime, timedelta

    from prodready.scenario.clock import past_the_second_of

    waited: list[float] = []
    now = datetime.now(UTC)
    past_the_second_of(now, wait=waited.append)
    assert len(waited) == 1 and 0 < waited[0] <= 1.0
    past_the_second_of(now - timedelta(seconds=5), wait=waited.append)
    assert len(waited) == 1  # long past: no wait

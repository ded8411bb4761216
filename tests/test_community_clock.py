"""The community's clock in scenarios: "today, an hour either side of now" never straddles midnight."""

from __future__ import annotations

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from prodready.scenario import clock
from prodready.scenario.gate_access import window_around_now

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

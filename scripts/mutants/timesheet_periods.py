"""Realistic breaks of the Time Sheet's pay periods and figures: the period a day belongs to (its first and last
day, the community's midnight, the year's end) and what a period adds up to (days worked, total hours)."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from typing import Any

from .core import Mutant, patch, wrap


def _period_rolls_a_day_late() -> None:
    """A new pay period starts on the 28th: the 27th is still counted in the period before ('>' for '>=')."""
    from demo_app import shift_rules

    real = shift_rules.pay_period
    patch("demo_app.timesheet", "pay_period", lambda day: real(day - timedelta(days=1)) if day.day == 27 else real(day))


def _period_rolls_a_day_early() -> None:
    """A new pay period starts on the 26th ('>=' 26): the 26th is left out of the period it ends."""
    from demo_app import shift_rules

    real = shift_rules.pay_period
    patch("demo_app.timesheet", "pay_period", lambda day: real(day + timedelta(days=1)) if day.day == 26 else real(day))


def _period_of_the_utc_day() -> None:
    """The time sheet opens on the pay period of today's UTC date: from 00:00 to 02:00 on the 27th in the
    community, it still shows the period before."""
    from demo_app import clock

    def make(real: Any) -> Any:
        def wanted_day(raw: Any) -> Any:
            return clock.now_utc().date() if raw in (None, "") else real(raw)

        return wanted_day

    wrap("demo_app.timesheet", "wanted_day", make)


def _period_year_not_carried() -> None:
    """The pay period starting on 27 December ends on 26 January of the same year (the year not carried)."""
    from demo_app import shift_rules

    real = shift_rules.pay_period

    def pay_period(day: date) -> tuple[date, date]:
        first, last = real(day)
        return (first, last.replace(year=first.year)) if first.month == 12 else (first, last)

    patch("demo_app.timesheet", "pay_period", pay_period)


def _days_worked_are_distinct_days() -> None:
    """ "Days worked" counts the days with a shift, not the shifts of at least an hour."""
    from demo_app import shift_rules

    real = shift_rules.summarise

    def summarise(shifts: Any, now: datetime) -> Any:
        rows = list(shifts)
        days = len({shift_rules.shift_day(r["started_at"]) for r in rows})
        return shift_rules.Summary(days=days, total_hours=real(rows, now).total_hours)

    patch("demo_app.timesheet", "summarise", summarise)


def _days_worked_over_an_hour() -> None:
    """ "Days worked" counts the shifts of more than an hour: a shift of exactly one hour is left out."""
    from demo_app import shift_rules

    real = shift_rules.summarise

    def summarise(shifts: Any, now: datetime) -> Any:
        rows = list(shifts)
        lengths = [shift_rules.seconds_between(r["started_at"], r["ended_at"], now) for r in rows]
        return shift_rules.Summary(days=sum(1 for x in lengths if x > 3600), total_hours=real(rows, now).total_hours)

    patch("demo_app.timesheet", "summarise", summarise)


def _hours_summed_by_the_clock() -> None:
    """The total hours add the shifts' seconds, not the lengths the page shows: three shifts of 61 minutes
    make 3.05 hours where the rows say 1.02 hrs each."""
    from demo_app import shift_rules

    real = shift_rules.summarise

    def summarise(shifts: Any, now: datetime) -> Any:
        rows = list(shifts)
        seconds = sum(shift_rules.seconds_between(r["started_at"], r["ended_at"], now) for r in rows)
        return shift_rules.Summary(days=real(rows, now).days, total_hours=f"{seconds / 3600:.2f}" if rows else "0")

    patch("demo_app.timesheet", "summarise", summarise)


PERIOD_ON = "On {day} at {time}, a worker's time sheet covers {first} to {last}"
DAYS_WORKED = "A worker's time sheet counts the shifts of at least an hour as days worked, and words each length"

MUTANTS = (
    Mutant(
        "period_rolls_a_day_late",
        "timesheet.all_shifts",
        "boundary",
        "on the 27th the time sheet still shows the pay period that ended on the 26th",
        (PERIOD_ON.format(day="27 November 2026", time="00:00", first="2026-11-27", last="2026-12-26"),),
        _period_rolls_a_day_late,
    ),
    Mutant(
        "period_of_the_utc_day",
        "timesheet.all_shifts",
        "boundary",
        "between 00:00 and 02:00 on the 27th the time sheet shows the pay period before (today's UTC date)",
        (PERIOD_ON.format(day="27 November 2026", time="01:59", first="2026-11-27", last="2026-12-26"),),
        _period_of_the_utc_day,
    ),
    Mutant(
        "period_year_not_carried",
        "timesheet.all_shifts",
        "boundary",
        "the pay period starting on 27 December ends on 26 January of the same year",
        (PERIOD_ON.format(day="27 December 2026", time="00:30", first="2026-12-27", last="2027-01-26"),),
        _period_year_not_carried,
    ),
    Mutant(
        "days_worked_are_distinct_days",
        "timesheet.all_shifts",
        "figure",
        "the time sheet's days worked count the days with any shift, not the shifts of at least an hour",
        (DAYS_WORKED,),
        _days_worked_are_distinct_days,
    ),
    Mutant(
        "days_worked_over_an_hour",
        "timesheet.all_shifts",
        "boundary",
        "a shift of exactly one hour is not counted as a day worked",
        (DAYS_WORKED,),
        _days_worked_over_an_hour,
    ),
    Mutant(
        "hours_summed_by_the_clock",
        "timesheet.all_shifts",
        "figure",
        "the time sheet's total hours disagree with the lengths its rows show (seconds added, not the rows)",
        (DAYS_WORKED,),
        _hours_summed_by_the_clock,
    ),
    Mutant(
        "period_rolls_a_day_early",
        "timesheet.all_shifts",
        "boundary",
        "on the 26th the time sheet already shows the next pay period, without the day it is on",
        (
            PERIOD_ON.format(day="26 November 2026", time="23:59", first="2026-10-27", last="2026-11-26"),
            PERIOD_ON.format(day="26 January 2027", time="23:59", first="2026-12-27", last="2027-01-26"),
        ),
        _period_rolls_a_day_early,
    ),
)

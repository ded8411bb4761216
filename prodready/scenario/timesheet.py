"""Time sheet knowledge the steps (steps/timesheet_*_steps.py) share: the platform's shift operations, workers,
community days, pay periods, reading the platform's duration words, and checking the Time Card and time sheets."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Any

from pages.timesheet import EmployeeTimeSheetPage
from prodready.scenario.calendar_words import duration_words, parse_duration
from prodready.scenario.clock import community_now, community_today, past_the_second_of, scenario_today
from prodready.scenario.tables import Column, ReadTable, assert_rows, table
from prodready.scenario.values import Day, name_key
from prodready.target.people import create_person

MANAGE_SHIFT = """mutation manageShift($userId: ID!, $eventTag: String!) {
  manageShift(userId: $userId, eventTag: $eventTag) { timeSheet { id startedAt endedAt } }
}"""
USER_LAST_SHIFT = """query userLastShift($userId: ID!) {
  userLastShift(userId: $userId) { id startedAt endedAt }
}"""
USER_TIME_SHEET_LOGS = """query userTimeSheetLogs($userId: ID!, $dateFrom: String, $dateTo: String!) {
  userTimeSheetLogs(userId: $userId, dateFrom: $dateFrom, dateTo: $dateTo) { id startedAt endedAt }
}"""
USER_SEARCH = "query userSearch($query: String) { userSearch(query: $query, limit: 20) { id name } }"
_DURATION = re.compile(r"(?P<value>\d+(?:\.\d+)?) (?P<unit>hrs?|minutes)")
ROUNDING_SECONDS = 0.6  # the platform shows minutes to two decimals: 0.01 minute is 0.6 s


@dataclass(frozen=True)
class Worker:
    """A worker the scenario made (or a persona), by the platform's id and name."""

    user_id: str
    name: str


def new_worker(cast: Any, name: str) -> Worker:
    """A new security guard of the community, made by the admin through userCreate."""
    user = create_person(cast, name, "security_guard")
    return Worker(str(user["id"]), user["name"])


def persona_worker(cast: Any, name: str) -> Worker:
    """A persona by the name the platform shows (e.g. the guard worker "mama Guard"), in any case and spacing."""
    for key, persona in cast.personas.items():
        if name_key(persona.name) == name_key(name):
            return Worker(cast.user_id(key), persona.name)
    raise AssertionError(f"no persona is called {name!r} on this target")


def _made(context: Any, name: str) -> Worker | None:
    """A worker this scenario made, by the name the feature gave them (any case and spacing)."""
    workers = context.notes.get("workers", {})
    return next((w for written, w in workers.items() if name_key(written) == name_key(name)), None)


def worker_named(context: Any, name: str) -> Worker:
    """A worker named in the feature: one this scenario made, else a persona ("mama Guard"), any case."""
    found = _made(context, name)
    if found is None:
        found = context.notes.setdefault("workers", {})[name] = persona_worker(context.cast, name)
    return found


def shown_name(context: Any, name: str) -> str:
    """How the platform shows a person named in the feature, whatever the case and spacing written: one this
    scenario made (their name carries the run's id), a persona, else someone the platform's search finds."""
    made = _made(context, name)
    if made is not None:
        return made.name
    persona = next((p for p in context.cast.personas.values() if name_key(p.name) == name_key(name)), None)
    if persona is not None:
        return persona.name
    found = context.cast.api_as("admin").call(USER_SEARCH, {"query": name})["userSearch"] or []
    return next((p["name"] for p in found if name_key(p["name"]) == name_key(name)), name)


def last_shift(cast: Any, worker: Worker) -> dict[str, Any] | None:
    """The worker's newest shift as the custodian's API gives it (None if they never worked one)."""
    return cast.api_as("custodian").call(USER_LAST_SHIFT, {"userId": worker.user_id})["userLastShift"]


def end_shift_in_progress(cast: Any, worker: Worker) -> None:
    """End the worker's shift if one is still running (a run that stopped half-way leaves one)."""
    shift = last_shift(cast, worker)
    if shift is not None and shift["endedAt"] is None:
        cast.api_as("custodian").call(MANAGE_SHIFT, {"userId": worker.user_id, "eventTag": "shift_end"})


def worked_a_shift(cast: Any, worker: Worker) -> dict[str, Any]:
    """The worker's shift, started and ended by the custodian through the platform's API: the shift as recorded."""
    start_shift(cast, worker)
    cast.api_as("custodian").call(MANAGE_SHIFT, {"userId": worker.user_id, "eventTag": "shift_end"})
    shift = last_shift(cast, worker)
    assert shift is not None and shift["endedAt"] is not None, f"the shift was not recorded as ended: {shift}"
    # "Earlier" must be earlier to the second the platform records: an end moved to a later now then shows.
    past_the_second_of(datetime.fromisoformat(shift["endedAt"]))
    return shift


def start_shift(cast: Any, worker: Worker) -> None:
    """Start the worker's shift through the platform's API (another custodian's device)."""
    cast.api_as("custodian").call(MANAGE_SHIFT, {"userId": worker.user_id, "eventTag": "shift_start"})


def recent_shifts(cast: Any, worker: Worker, timezone: str) -> list[dict[str, Any]]:
    """The worker's shifts of the last few days, newest first."""
    today = today_in(timezone)
    window = {
        "userId": worker.user_id,
        "dateFrom": (today - timedelta(days=3)).isoformat(),
        "dateTo": (today + timedelta(days=3)).isoformat(),
    }
    return cast.api_as("custodian").call(USER_TIME_SHEET_LOGS, window)["userTimeSheetLogs"]


today_in = community_today  # today's date on the community's calendar


def clock_in(timezone: str) -> str:
    """The community's wall-clock time now, as the time sheet shows it (HH:MM)."""
    return community_now(timezone).strftime("%H:%M")


def period_by_the_rule(day: date) -> tuple[date, date]:
    """The pay period holding a community day, by the production page's rule: "from the 27th of the previous
    month to the 26th" of the month the period is paid in; a day from the 27th on is paid the month after.
    (Written from the rule, not from the platform's or the reference app's code: an oracle must be able to
    disagree with them; the pay-period scenarios' tables hold the same rule as figures.)"""
    year, month = day.year, day.month
    if day.day >= 27:  # paid the month after
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    before = (year - 1, 12) if month == 1 else (year, month - 1)
    return date(before[0], before[1], 27), date(year, month, 26)


def seconds_shown(text: str) -> float:
    """A finished shift's length from the platform's words ("8.5 hrs", "1 hr", "0.33 minutes")."""
    match = _DURATION.fullmatch(text.strip())
    if match is None:
        raise AssertionError(f"{text!r} is not a finished shift's length")
    value = float(match["value"])
    return value * 60 if match["unit"] == "minutes" else value * 3600


def lasted_as_long_as(text: str, waited: float, slack: float) -> bool:
    """Whether a shown length is the wait: at least what was waited (to the platform's rounding),
    at most `slack` seconds more (the clicks around the wait)."""
    shown = seconds_shown(text)
    return waited - ROUNDING_SECONDS <= shown <= waited + slack


def shift_payload(user_id: str, day: date, start: str, end: str | None) -> dict[str, Any]:
    """A past shift for the test-only API in community time; an end at or before the start is the next day."""
    starts = datetime.combine(day, time.fromisoformat(start))
    payload: dict[str, Any] = {"user_id": user_id, "start": starts.isoformat(timespec="minutes")}
    if end:
        ends = datetime.combine(day, time.fromisoformat(end))
        if ends <= starts:
            ends += timedelta(days=1)
        payload["end"] = ends.isoformat(timespec="minutes")
    return payload


def record_past_shift(test_api: Any, user_id: str, day: date, start: str, end: str | None) -> None:
    """A shift worked in the past, through the reference app's test-only API (no live deployment can)."""
    test_api.post("/shifts", shift_payload(user_id, day, start, end))


@dataclass(frozen=True)
class TimedShift:
    """A shift the scenario started in the browser: when (monotonic clock), on which community day,
    and the community clock just before and after the press (the time sheet shows one of them)."""

    at: float
    day: date
    clock_times: tuple[str, str]


def timed(press: Callable[[], float], timezone: str) -> TimedShift:
    """Run a press that starts a shift, noting the community's day and clock around it."""
    before = clock_in(timezone)
    at = press()
    return TimedShift(at, today_in(timezone), (before, clock_in(timezone)))


def clock_around(press: Callable[[], Any], timezone: str) -> tuple[str, str]:
    """Run a press (End Shift), noting the community clock just before and after it."""
    before = clock_in(timezone)
    press()
    return before, clock_in(timezone)


def row_problems(
    rows: list[Any], shift: TimedShift, stop_clock: tuple[str, str], waited: float, slack: float
) -> list[str]:
    """What the time sheet's newest row says wrong about the shift the scenario timed."""
    if not rows:
        return ["the time sheet lists no shift"]
    row = rows[0]
    checks = [
        (row.date == shift.day.isoformat(), f"date {row.date!r}, not {shift.day}"),
        (row.start in shift.clock_times, f"start time {row.start!r}, not one of {shift.clock_times}"),
        (row.stop in stop_clock, f"stop time {row.stop!r}, not one of {stop_clock}"),
        (
            _DURATION.fullmatch(row.total_hours) is not None and lasted_as_long_as(row.total_hours, waited, slack),
            f"total hours {row.total_hours!r} for a wait of {waited:.1f}s",
        ),
    ]
    return [problem for ok, problem in checks if not ok]


def block_problems(worker: str, last_shift_worked: str, hours_worked: str, in_progress: str) -> list[str]:
    """What is wrong with a Time Card block: a name, a YYYY-MM-DD date, a length or the in-progress word."""
    problems = [] if worker else ["no name"]
    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", last_shift_worked):
        problems.append(f"last shift worked {last_shift_worked!r} is not a date")
    if hours_worked != in_progress and not _DURATION.fullmatch(hours_worked):
        problems.append(f"hours worked {hours_worked!r} is neither a length nor {in_progress!r}")
    return problems


def summary_pattern(first: date, last: date) -> re.Pattern[str]:
    """The time sheet's summary of a pay period, whatever was worked in it."""
    return re.compile(rf"Worked \d+ days for a total of \d+(\.\d{{2}})? hrs between {first} - {last}")


def day_and_state(row: Any, running: str) -> tuple[str, str]:
    """A time sheet row as (date, `running` when its stop time and total say so, else "ended")."""
    return row.date, running if (row.stop, row.total_hours) == (running, running) else "ended"


# The shifts a scenario starts from (reference app only), the Time Card's blocks and a time sheet's rows.
SHIFTS_TABLE = table(
    Column("worker"), Column("date", "Date"), Column("start", "Time"), Column("end", "Time", blank="still in progress")
)
TIME_CARD_TABLE = table(
    Column("worker"),
    Column("last shift worked", "Date", required=False),
    Column("hours worked", "Duration", required=False, words=("In-Progress",)),
)
SHEET_TABLE = table(
    Column("day", "Weekday", required=False),
    Column("date", "Date", required=False),
    Column("start time", "Time", required=False),
    Column("stop time", "Time", required=False, words=("Shift in Progress",)),
    Column("total hours", "Duration", required=False, words=("Shift in Progress",)),
)
LENGTHS = ("hours worked", "total hours")


def as_shown(value: Any, today: date) -> str:
    """A table's value as the time sheets show it: a day 2026-11-27, a time 06:00, a length "2.5 hrs"."""
    if isinstance(value, Day):
        return value.on(today).isoformat()
    if isinstance(value, time):
        return f"{value:%H:%M}"
    if isinstance(value, timedelta):
        return duration_words(value)
    return str(value)


def shown_length(text: str) -> str:
    """A length the platform shows, written as `as_shown` writes one ("2 hrs" stays, "120 minutes" is "2 hrs")."""
    try:
        return duration_words(parse_duration(text))
    except ValueError:
        return text


def expected_as_shown(context: Any, rows: ReadTable) -> list[dict[str, str]]:
    """A time sheet table's rows as the page writes them; workers by the names the platform shows."""
    today = scenario_today(context)
    written = [{c: v for c, v in row.items() if c in rows.columns} for row in rows]
    return [
        {c: shown_name(context, v) if c == "worker" else as_shown(v, today) for c, v in row.items()} for row in written
    ]


def block_rows(blocks: list[Any], columns: list[str]) -> list[dict[str, str]]:
    """Time Card blocks as rows of a feature's table: "last shift worked" is the block's last_shift_worked."""
    return [
        {c: shown_length(v) if c in LENGTHS else v for c in columns for v in [getattr(b, c.replace(" ", "_"))]}
        for b in blocks
    ]


def card_problems(blocks: list[Any], in_progress: str, link: str) -> dict[str, list[str]]:
    """What is wrong with each Time Card block, by worker: its figures (block_problems) and its `link`."""
    return {
        b.worker: block_problems(b.worker, b.last_shift_worked, b.hours_worked, in_progress)
        + ([] if b.details == link else [f"no {link!r}"])
        for b in blocks
    }


def assert_sheet_rows(context: Any, rows: ReadTable, ordered: bool) -> None:
    """The time sheet the person of the last step is on lists the shifts of the step's table (day, date, start
    time, stop time, total hours), in the table's order if `ordered`."""
    fields = {"start time": "start", "stop time": "stop", "total hours": "total_hours"}
    shown = [
        {c: shown_length(v) if c in LENGTHS else v for c in rows.columns for v in [getattr(row, fields.get(c, c))]}
        for row in context.cast.last_actor().on(EmployeeTimeSheetPage).shifts()
    ]
    assert_rows(expected_as_shown(context, rows), shown, rows.columns, ordered=ordered)

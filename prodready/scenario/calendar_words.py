"""Days, times and lengths of time as people write them, for prodready.scenario.values (Date, Time, DateTime,
Duration).

A day is kept as written and resolved against the community's today (`Day.on(today)`), so "tomorrow" means
the community's tomorrow on any machine and on the day the scenario runs. Words that mean two things are
refused with both readings named: "next Friday" said on a Tuesday may be this week's Friday or next week's
(only "next Monday" and "last Sunday" never are, weeks starting on Monday); 2:30 may be at night or in
the afternoon; "12 pm" is noon to some and midnight to others.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta

WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
MONTHS = (
    "january february march april may june july august september october november december".split()  # noqa: SIM905
)
NUMBERS = "a one two three four five six seven eight nine ten eleven twelve".split()  # "a week": one
DATE_FORMS = (
    "today, tomorrow, yesterday, in 3 days, in 2 weeks, 3 days ago, Monday (the coming one), next Monday, "
    "Friday next week, 14 December, 14 December 2026 or 2026-12-14"
)
DATE_EXAMPLES = (
    "today",
    "tomorrow",
    "yesterday",
    "in 3 days",
    "in 2 weeks",
    "in a week",
    "3 days ago",
    "Monday",
    "next Monday",
    "Friday next week",
    "last Sunday",
    "14 December",
    "14 December 2026",
    "December 14, 2026",
    "2026-12-14",
)
DATE_REFUSED = ("next Friday", "14/12/2026", "31 November 2026", "someday", "in 3 months")
DATE_MEANS = (
    'a weekday alone is the coming one (1 to 7 days ahead); "Friday next week" is the Friday of the week '
    "after this one (weeks start on Monday); a day and month without a year are in this year"
)
TIME_FORMS = "14:30, 09:30, 2:30 pm, 2pm, noon or midnight"
DURATION_FORMS = "2 hrs, 2 hours, 1 hr, 2.5 hours, 45 minutes, 1 hour 30 minutes or 20 seconds"
# A minute a step names counted from now's (a visit around the time the scenario runs) → minutes from now.
NEAR_MINUTES = {"an hour ago": -60, "a minute ago": -1, "this minute": 0, "the next minute": 1, "an hour from now": 60}
# The offset a step sends times with, as written → as sent.
OFFSETS = {"+02:00": "+02:00", "+01:00": "+01:00", "UTC": "Z"}
STAMP_FORMS = "a day, at a 24-hour time, then UTC or an offset: in 3 days at 21:59 UTC, tomorrow at 00:30 +03:00"


class Ambiguous(ValueError):
    """A value that means two things: its message names both (prodready.scenario.values turns it into a Refused)."""


@dataclass(frozen=True)
class Day:
    """A day as a feature writes it; `on(today)` is the date it means on the community's calendar."""

    written: str
    rule: Callable[[date], date] = field(compare=False, repr=False)

    def on(self, today: date) -> date:
        """The date this day is, seen from the community's today."""
        try:
            return self.rule(today)
        except ValueError:  # 29 February in a year without one
            raise Ambiguous(f'"{self.written}" is no day of {today.year}') from None

    def __str__(self) -> str:
        return self.written


@dataclass(frozen=True)
class Moment:
    """A day and a time of day (a form's "Date with Time")."""

    day: Day
    time: time

    def on(self, today: date) -> datetime:
        """The community's date and time this moment is."""
        return datetime.combine(self.day.on(today), self.time)


def weekday_number(word: str) -> int:
    """Monday → 0 … Sunday → 6 (full names or their first three letters, any case)."""
    word = word.casefold()
    for number, name in enumerate(WEEKDAYS):
        if word == name or word == name[:3]:
            return number
    raise ValueError(word)


def _month(word: str) -> int:
    word = word.casefold()
    for number, name in enumerate(MONTHS, start=1):
        if word == name or (len(word) >= 3 and name.startswith(word) and len(word) <= 4):
            return number
    raise ValueError(word)


def _number(word: str) -> int:
    return int(word) if word.isdigit() else max(1, NUMBERS.index(word.casefold()))


def _fixed(day: date) -> Callable[[date], date]:
    return lambda _today: day


def _ahead(days: int) -> Callable[[date], date]:
    return lambda today: today + timedelta(days=days)


def _coming(weekday: int) -> Callable[[date], date]:
    return lambda today: today + timedelta(days=(weekday - today.weekday() - 1) % 7 + 1)


def _before(weekday: int) -> Callable[[date], date]:
    return lambda today: today - timedelta(days=(today.weekday() - weekday - 1) % 7 + 1)


def _in_week(weekday: int, weeks: int) -> Callable[[date], date]:
    return lambda today: today - timedelta(days=today.weekday()) + timedelta(weeks=weeks, days=weekday)


def _day_month(day: int, month: int, year: int | None) -> Callable[[date], date]:
    if year is not None:
        return _fixed(date(year, month, day))
    date(2000, month, day)  # a day of some year (29 February too)
    return lambda today: date(today.year, month, day)


_RELATIVE = re.compile(r"(?:in (?P<n>\w+) (?P<u>days?|weeks?)|(?P<n2>\w+) (?P<u2>days?|weeks?) (?P<w>ago|from now))")
_WEEKDAY = re.compile(r"(?:(?P<pre>next|last) )?(?P<wd>[a-z]+)(?: (?P<post>next|last|this) week)?")
_DMY = re.compile(r"(?P<d>\d{1,2})(?:st|nd|rd|th)? (?P<m>[a-z]+)\.?,?(?: (?P<y>\d{4}))?")
_MDY = re.compile(r"(?P<m>[a-z]+)\.? (?P<d>\d{1,2})(?:st|nd|rd|th)?(?:,? (?P<y>\d{4}))?")


def _weekday_rule(match: re.Match[str], text: str) -> Callable[[date], date]:
    weekday, pre, post = weekday_number(match["wd"]), match["pre"], match["post"]
    if pre and post:
        raise ValueError(text)
    if post:
        return _in_week(weekday, {"next": 1, "last": -1, "this": 0}[post])
    name = WEEKDAYS[weekday].title()
    if pre == "next" and weekday != 0:
        raise Ambiguous(
            f'"{text}" may mean the coming {name} or the {name} of next week: write {name} (the coming one) '
            f"or {name} next week"
        )
    if pre == "last" and weekday != 6:
        raise Ambiguous(
            f'"{text}" may mean the last {name} before today or the {name} of last week: write {name} last week, '
            "or a date"
        )
    return _before(weekday) if pre == "last" else _coming(weekday)


def parse_day(text: str) -> Day:
    """A day as people write it (DATE_FORMS); ValueError (or Ambiguous) for anything else."""
    words = text.casefold().removeprefix("on ").strip()
    offsets = {"today": 0, "tomorrow": 1, "yesterday": -1}
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", words):
        return Day(text, _fixed(date.fromisoformat(words)))
    if words in offsets:
        return Day(text, _ahead(offsets[words]))
    if match := _RELATIVE.fullmatch(words):
        count = _number(match["n"] or match["n2"]) * (7 if (match["u"] or match["u2"]).startswith("week") else 1)
        return Day(text, _ahead(-count if match["w"] == "ago" else count))
    for pattern in (_DMY, _MDY):
        if (match := pattern.fullmatch(words)) and match["m"] not in ("next", "last", "this"):
            year = int(match["y"]) if match["y"] else None
            return Day(text, _day_month(int(match["d"]), _month(match["m"]), year))
    if match := _WEEKDAY.fullmatch(words):
        return Day(text, _weekday_rule(match, text))
    raise ValueError(text)


_TIME_24 = re.compile(r"(?P<h>\d{1,2}):(?P<m>\d{2})")
_TIME_12 = re.compile(r"(?P<h>\d{1,2})(?::(?P<m>\d{2}))? ?(?P<ap>[ap])\.?m\.?")


def parse_time(text: str) -> time:
    """A time of day as people write it (TIME_FORMS); ValueError (or Ambiguous) for anything else."""
    words = text.casefold().strip()
    if words in ("noon", "midday", "midnight"):
        return time(0, 0) if words == "midnight" else time(12, 0)
    if match := _TIME_12.fullmatch(words):
        hour, minute = int(match["h"]), int(match["m"] or 0)
        if hour == 12:
            raise Ambiguous(f'"{text}" is noon to some and midnight to others: write noon, midnight, 12:30 or 00:30')
        if not 1 <= hour <= 11:
            raise ValueError(text)
        return time(hour + (12 if match["ap"] == "p" else 0), minute)
    if match := _TIME_24.fullmatch(words):
        if len(match["h"]) == 1:
            hour, minutes = int(match["h"]), match["m"]
            raise Ambiguous(
                f'"{text}" may be in the morning or the afternoon: write {hour:02d}:{minutes} or {hour}:{minutes} am '
                f"for the morning, {hour + 12}:{minutes} or {hour}:{minutes} pm after noon"
            )
        return time(int(match["h"]), int(match["m"]))
    raise ValueError(text)


def parse_moment(text: str) -> Moment:
    """A day, then a time ("2026-12-01 17:15", "tomorrow at 2:30 pm")."""
    words = " ".join(text.split())
    if " at " in words:
        day, clock = words.rsplit(" at ", 1)
    else:
        parts = words.split(" ")
        cut = -2 if len(parts) > 2 and parts[-1].casefold().strip(".") in ("am", "pm", "a.m", "p.m") else -1
        day, clock = " ".join(parts[:cut]), " ".join(parts[cut:])
    try:
        return Moment(parse_day(day), parse_time(clock))
    except Ambiguous as both:
        raise Ambiguous(f'"{text}": {both}') from None


_UNITS = {"h": 3600, "hr": 3600, "hrs": 3600, "hour": 3600, "hours": 3600}
_UNITS |= {"min": 60, "mins": 60, "minute": 60, "minutes": 60, "s": 1, "sec": 1, "secs": 1, "second": 1, "seconds": 1}
_PART = re.compile(r"(?P<n>\d+(?:\.\d+)?|an?) ?(?P<u>[a-z]+)")


def parse_duration(text: str) -> timedelta:
    """A length of time as people (and the platform's time sheets) write it (DURATION_FORMS)."""
    words = re.sub(r",? and |, ", " ", text.casefold().strip())
    seconds, end = 0.0, 0
    for match in _PART.finditer(words):
        if words[end : match.start()].strip() or match["u"] not in _UNITS:
            raise ValueError(text)
        seconds += (1 if match["n"] in ("a", "an") else float(match["n"])) * _UNITS[match["u"]]
        end = match.end()
    if end == 0 or words[end:].strip():
        raise ValueError(text)
    return timedelta(seconds=seconds)


def duration_words(length: timedelta) -> str:
    """A length as the platform's time sheets write it: "45 minutes", "1 hr", "2.5 hrs" (for failure messages)."""
    minutes = length.total_seconds() / 60
    if minutes < 60:
        return f"{minutes:g} minutes"
    hours = round(minutes / 60, 2)
    return f"{hours:g} hr" if hours == 1 else f"{hours:g} hrs"


@dataclass(frozen=True)
class Stamp:
    """A day and a time in a stated offset, as a client of the platform may send it ("in 3 days at 21:59 UTC")."""

    day: Day
    clock: time
    offset: str  # "+00:00", "+03:00"

    def on(self, today: date) -> str:
        """The ISO instant sent, the day seen from the community's today."""
        return f"{self.day.on(today).isoformat()}T{self.clock:%H:%M}:00{self.offset}"


_STAMP = re.compile(r"(?P<day>.+?) at (?P<h>\d{2}):(?P<m>\d{2}) (?P<zone>utc|[+-]\d{2}:\d{2})", re.IGNORECASE)


def parse_stamp(text: str) -> Stamp:
    """A day, at a 24-hour time, in UTC or an offset (STAMP_FORMS)."""
    match = _STAMP.fullmatch(" ".join(text.split()))
    if match is None:
        raise ValueError(text)
    zone = "+00:00" if match["zone"].casefold() == "utc" else match["zone"]
    return Stamp(parse_day(match["day"]), time(int(match["h"]), int(match["m"])), zone)

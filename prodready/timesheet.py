"""Time sheet knowledge the steps share: community days, shifts for the test API, reading durations."""
from __future__ import annotations

import re
from datetime import date, datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

_DURATION = re.compile(r"(?P<value>\d+(?:\.\d+)?) (?P<unit>hrs?|minutes)")


def today_in(timezone: str) -> date:
    """Today's date on the community's calendar."""
    return datetime.now(ZoneInfo(timezone)).date()


def shift_payload(user_id: int, day: date, start: str, end: str | None) -> dict[str, Any]:
    """A shift for the test API in community time; an end at or before the start is on the next day."""
    starts = datetime.combine(day, time.fromisoformat(start))
    payload: dict[str, Any] = {"user_id": user_id, "start": starts.isoformat(timespec="minutes")}
    if end:
        ends = datetime.combine(day, time.fromisoformat(end))
        if ends <= starts:
            ends += timedelta(days=1)
        payload["end"] = ends.isoformat(timespec="minutes")
    return payload


def seconds_shown(text: str, exact: float | None) -> float:
    """A shift's length as a page shows it: its exact seconds when given, else from the words
    ("8.5 hrs", "1 hr", "0.33 minutes"; the platform rounds to 0.01, i.e. 0.6 s under an hour)."""
    if exact is not None:
        return exact
    match = _DURATION.fullmatch(text.strip())
    if match is None:
        raise AssertionError(f"{text!r} is not a finished shift's length")
    value = float(match["value"])
    return value * 60 if match["unit"] == "minutes" else value * 3600


def assert_lasted(text: str, exact: float | None, expected: float, tolerance: float = 1.0) -> None:
    """Fail unless the shown length is the expected one, to the tolerance."""
    shown = seconds_shown(text, exact)
    if abs(shown - expected) > tolerance:
        raise AssertionError(f"the shift lasted {shown:.3f} s ({text!r}), expected {expected:g} s ± {tolerance:g}")

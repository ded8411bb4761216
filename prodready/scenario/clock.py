"""Now and today in the community (the target's timezone, Africa/Lusaka by default)."""

from __future__ import annotations

import sys
import time
from collections.abc import Callable
from datetime import date, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

# The end of the community's day, too near for "today, an hour either side of now" to hold now while a
# scenario checks it (a visit may not run past midnight): a scenario starting then waits for the day
# to turn. At most once a night per worker, and said in the run's output.
DAY_END_MARGIN = timedelta(minutes=3)


def community_now(timezone: str) -> datetime:
    """The community's wall-clock time now."""
    return datetime.now(ZoneInfo(timezone))


def community_today(timezone: str) -> date:
    """Today's date in the community."""
    return community_now(timezone).date()


def clear_of_midnight(
    timezone: str,
    margin: timedelta = DAY_END_MARGIN,
    now: Callable[[str], datetime] | None = None,
    wait: Callable[[float], None] = time.sleep,
) -> datetime:
    """The community's time now, once it is not within `margin` of midnight (waiting for the day to turn)."""
    read = now or community_now
    moment = read(timezone)
    midnight = datetime.combine(moment.date() + timedelta(days=1), datetime.min.time(), moment.tzinfo)
    left = (midnight - moment).total_seconds()
    if left <= margin.total_seconds():
        print(
            f"prodready: {moment:%H:%M:%S} in the community: waiting {left:.0f} s for the day to turn "
            "(a visit today, an hour either side of now, cannot fit in what is left of it)",
            file=sys.stderr,
            flush=True,
        )
        wait(left + 1)
        moment = read(timezone)
    return moment


def scenario_today(context: Any) -> date:
    """The community's today as the scenario sees it: the day its clock was set to (the reference app's
    clock, @needs_clock), else today on the community's calendar (Africa/Lusaka), not the machine's."""
    return context.notes.get("community_today") or community_today(context.target.timezone)


# A minute has just turned when fewer seconds than this have passed since it did: "this minute" may still be
# the minute before for a clock a little behind (the platform's, the browser's).
MINUTE_SETTLE = timedelta(seconds=2)


def clear_of_minute_turn(
    timezone: str,
    budget: float,
    now: Callable[[str], datetime] | None = None,
    wait: Callable[[float], None] = time.sleep,
) -> datetime:
    """The community's time now, once the minute has `budget` seconds left and is a moment old, and clear of
    midnight either side (waiting for the next minute otherwise): what a scenario says of "this minute" and
    "the next minute" still holds when it reads the screen, within `budget` seconds."""
    read = now or community_now
    moment = clear_of_midnight(timezone, now=read, wait=wait)
    into = timedelta(seconds=moment.second, microseconds=moment.microsecond)
    left = timedelta(minutes=1) - into
    early = moment.hour == 0 and moment.minute < 2  # "a minute ago" would still be yesterday
    if left.total_seconds() < budget or into < MINUTE_SETTLE or early:
        until = (timedelta(minutes=2 - moment.minute) if early else left) + MINUTE_SETTLE
        wait(until.total_seconds())
        moment = read(timezone)
    return moment


def past_the_second_of(moment: datetime, wait: Callable[[float], None] = time.sleep) -> None:
    """Return once the clock has passed the whole second after `moment` (an aware time as the platform
    records it, to the second): whatever is recorded from then on carries a later time than `moment`."""
    gap = (moment.replace(microsecond=0) + timedelta(seconds=1)) - datetime.now(moment.tzinfo)
    if gap > timedelta(0):
        wait(gap.total_seconds())

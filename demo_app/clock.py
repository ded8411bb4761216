"""Time for the reference app: UTC storage, community-time display, a movable clock in tests."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from flask import current_app


def now_utc() -> datetime:
    """The app's current instant (UTC); tests may shift it with CLOCK_OFFSET_SECONDS."""
    offset = current_app.config.get("CLOCK_OFFSET_SECONDS", 0)
    return datetime.now(UTC) + timedelta(seconds=offset)


def community_tz() -> ZoneInfo:
    """The community's timezone (Africa/Lusaka by default)."""
    return ZoneInfo(current_app.config["COMMUNITY_TIMEZONE"])


def to_iso(moment: datetime) -> str:
    """Serialise an aware instant as UTC ISO-8601 text for storage."""
    return moment.astimezone(UTC).isoformat(timespec="seconds")


def from_iso(text: str) -> datetime:
    """Parse stored UTC text back to an aware instant."""
    moment = datetime.fromisoformat(text)
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def local(moment: datetime | str) -> datetime:
    """An instant in community time."""
    if isinstance(moment, str):
        moment = from_iso(moment)
    return moment.astimezone(community_tz())


def combine_local(day: date, at: time) -> datetime:
    """A community-time wall-clock moment as an aware instant."""
    return datetime.combine(day, at, tzinfo=community_tz())


def today_local() -> date:
    """Today's date in the community."""
    return local(now_utc()).date()


def fmt_datetime(moment: datetime | str | None) -> str:
    """Community time as the platform shows it: 2026-11-27 14:05."""
    return "" if moment is None else local(moment).strftime("%Y-%m-%d %H:%M")


def fmt_date(moment: datetime | str | None) -> str:
    """A community date: 2026-11-27."""
    return "" if moment is None else local(moment).strftime("%Y-%m-%d")


def fmt_time(moment: datetime | str | None) -> str:
    """A community wall-clock time: 14:05."""
    return "" if moment is None else local(moment).strftime("%H:%M")


def from_epoch_ms(ms: int) -> datetime:
    """A JavaScript Date.now() value as an aware instant."""
    return datetime.fromtimestamp(ms / 1000, tz=UTC)

"""Now and today in the community (the target's timezone, Africa/Lusaka by default)."""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo


def community_now(timezone: str) -> datetime:
    """The community's wall-clock time now."""
    return datetime.now(ZoneInfo(timezone))


def community_today(timezone: str) -> date:
    """Today's date in the community."""
    return community_now(timezone).date()

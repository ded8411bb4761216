"""The platform's ISO8601DateTime scalar: an instant in community time, to the second, with its offset.

The platform (graphql-ruby's ISO8601DateTime) answers `2026-12-06T19:32:13+02:00`; a date column (a task's
due date, a plan's start, a visit's day) is that day's midnight: `2026-12-07T00:00:00+02:00`. Resolvers hand
over what they hold: an aware datetime, a date, stored UTC text (`clock.to_iso`) or a community day
(`YYYY-MM-DD`).
"""

from __future__ import annotations

from datetime import UTC, date, datetime, time
from typing import Any

from ariadne import ScalarType

from .. import clock

iso_datetime = ScalarType("ISO8601DateTime")
SDL = "scalar ISO8601DateTime"


@iso_datetime.serializer
def serialize(value: Any) -> str:
    """`value` as the platform's ISO 8601 text in community time."""
    if isinstance(value, str):
        value = date.fromisoformat(value) if len(value) == len("YYYY-MM-DD") else clock.from_iso(value)
    if isinstance(value, datetime):
        moment = value if value.tzinfo else value.replace(tzinfo=UTC)
    elif isinstance(value, date):
        moment = clock.combine_local(value, time.min)
    else:
        raise TypeError(f"ISO8601DateTime cannot represent {type(value).__name__}")
    return clock.local(moment).isoformat(timespec="seconds")

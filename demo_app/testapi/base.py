"""The test API's blueprint, its token check, and the routes every area shares (reset, clock)."""

from __future__ import annotations

import hmac
from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

from flask import Blueprint, current_app, jsonify, request

from .. import clock, seed
from ..access import public
from ..db import get_db

bp = Blueprint("testapi", __name__, url_prefix="/__test__")


@bp.before_request
def require_token():
    """Every call carries the run's token as `Authorization: Bearer <token>` (nothing else is accepted)."""
    expected = current_app.config["TEST_API_TOKEN"].encode()
    scheme, _, given = request.headers.get("Authorization", "").partition(" ")
    if scheme != "Bearer" or not given.isascii() or not hmac.compare_digest(given.strip().encode(), expected):
        return jsonify(error="missing or wrong test API token"), 401
    return None


def route(rule: str, methods: tuple[str, ...] = ("POST",)) -> Callable[[Callable], Callable]:
    """Add a test-only route (public to the page guard: the token check above protects it)."""

    def decorate(view: Callable) -> Callable:
        return bp.route(rule, methods=list(methods))(public(view))

    return decorate


def bad(message: str, status: int = 400):
    """A refusal the suite can read."""
    return jsonify(error=message), status


def body() -> dict[str, Any]:
    """The JSON object sent (an empty one for anything else)."""
    data = request.get_json(silent=True)
    return data if isinstance(data, dict) else {}


@route("/reset")
def reset():
    """Empty every table and reseed the personas; their ids by key."""
    current_app.config["CLOCK_OFFSET_SECONDS"] = 0
    return jsonify(personas=seed.reset(current_app, get_db()))


@route("/clock")
def set_clock():
    """Move the app's clock: {"time": "HH:MM"} today or {"local": "YYYY-MM-DDTHH:MM"} in community time."""
    data = body()
    if "time" in data:
        data["local"] = f"{clock.local(datetime.now(UTC)).date().isoformat()}T{data['time']}"
    try:
        wanted = datetime.fromisoformat(str(data.get("local"))).replace(tzinfo=clock.community_tz())
    except (TypeError, ValueError):
        return bad("give local (YYYY-MM-DDTHH:MM) or time (HH:MM)")
    current_app.config["CLOCK_OFFSET_SECONDS"] = (wanted - datetime.now(UTC)).total_seconds()
    return jsonify(now_utc=clock.to_iso(clock.now_utc()), now_local=clock.fmt_datetime(clock.now_utc()))

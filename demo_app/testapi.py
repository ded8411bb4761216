"""Test-data API: reset, create people and guests, read the log. Mounted only in testing mode."""
from __future__ import annotations

import hmac
from datetime import date, datetime, timezone
from typing import Any

from flask import Blueprint, current_app, jsonify, request
from werkzeug.security import generate_password_hash

from . import clock, seed
from .access import ROLES, public
from .db import execute, get_db, query

bp = Blueprint("testapi", __name__, url_prefix="/__test__")


def blueprint(area_modules: list[Any]) -> Blueprint:
    """The test API with every area's own test routes (an area module may define register_test_api(bp))."""
    if not getattr(bp, "_areas_added", False):
        for module in area_modules:
            hook = getattr(module, "register_test_api", None)
            if hook is not None:
                hook(bp)
        bp._areas_added = True
    return bp


@bp.before_request
def require_token():
    """Every call carries the run's bearer token."""
    expected = current_app.config["TEST_API_TOKEN"]
    given = request.headers.get("Authorization", "").removeprefix("Bearer ").strip()
    if not given or not hmac.compare_digest(given, expected):
        return jsonify(error="missing or wrong test API token"), 401
    return None


def _bad(message: str, status: int = 400):
    return jsonify(error=message), status


def _body() -> dict[str, Any]:
    body = request.get_json(silent=True)
    return body if isinstance(body, dict) else {}


@bp.post("/reset")
@public
def reset():
    """Empty every table and reseed the personas; their ids by key."""
    current_app.config["CLOCK_OFFSET_SECONDS"] = 0
    return jsonify(personas=seed.reset(current_app, get_db()))


@bp.post("/clock")
@public
def set_clock():
    """Move the app's clock: {"time": "HH:MM"} today or {"local": "YYYY-MM-DDTHH:MM"} in community time,
    or {"offset_seconds": N}."""
    body = _body()
    if "time" in body:
        body["local"] = f"{clock.local(datetime.now(timezone.utc)).date().isoformat()}T{body['time']}"
    if "local" in body:
        try:
            wanted = datetime.fromisoformat(body["local"]).replace(tzinfo=clock.community_tz())
        except (TypeError, ValueError):
            return _bad("local must be YYYY-MM-DDTHH:MM")
        current_app.config["CLOCK_OFFSET_SECONDS"] = (wanted - datetime.now(timezone.utc)).total_seconds()
    elif isinstance(body.get("offset_seconds"), (int, float)):
        current_app.config["CLOCK_OFFSET_SECONDS"] = float(body["offset_seconds"])
    else:
        return _bad("give local or offset_seconds")
    return jsonify(now_utc=clock.to_iso(clock.now_utc()), now_local=clock.fmt_datetime(clock.now_utc()))


@bp.post("/users")
@public
def create_user():
    """Create a person: {name, role, email?, password?, phone?, state?, status?}."""
    body = _body()
    name, role = str(body.get("name", "")).strip(), body.get("role", "visitor")
    if not name or role not in ROLES:
        return _bad(f"name is required and role must be one of {', '.join(ROLES)}")
    password = body.get("password")
    user_id = execute(
        "INSERT INTO users (name, email, password_hash, role, state, status, phone, created_at)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        (name, body.get("email"), generate_password_hash(password) if password else None, role,
         body.get("state", "valid"), body.get("status", "active"), body.get("phone"),
         clock.to_iso(clock.now_utc())))
    return jsonify(id=user_id, name=name, role=role), 201


@bp.get("/users")
@public
def find_users():
    """People whose name contains ?name=."""
    like = f"%{request.args.get('name', '').lower()}%"
    rows = query("SELECT id, name, email, role, state, status FROM users WHERE lower(name) LIKE ?", (like,))
    return jsonify([dict(r) for r in rows])


@bp.post("/guests")
@public
def create_guest():
    """Register a guest (community-time fields as the invite form); past days are allowed here."""
    from .guests import create_guest as store, parse_invite

    body = _body()
    values, errors = parse_invite(body, date.min)
    if errors:
        return _bad("; ".join(f"{k}: {v}" for k, v in errors.items()))
    invited_by = body.get("invited_by") or query("SELECT id FROM users WHERE role = 'admin' LIMIT 1", one=True)["id"]
    return jsonify(id=store(values, invited_by)), 201


@bp.get("/entries")
@public
def entries():
    """The logbook as data, newest first."""
    rows = query(
        "SELECT e.*, u.name AS acting_name FROM entries e JOIN users u ON u.id = e.acting_user_id"
        " ORDER BY e.created_at DESC, e.id DESC")
    notes = query("SELECT entry_id, note FROM observations ORDER BY id")
    out = []
    for r in rows:
        item = dict(r)
        item["observations"] = [n["note"] for n in notes if n["entry_id"] == r["id"]]
        out.append(item)
    return jsonify(out)

"""Create and reset the database: the personas, and sample data for people clicking through."""
from __future__ import annotations

import sqlite3
from datetime import timedelta
from typing import Any

from flask import Flask
from werkzeug.security import generate_password_hash

from . import clock, db


def prepare_database(app: Flask) -> None:
    """Create the schema on a new database, then seed it."""
    conn = db.connect(app.config["DATABASE"])
    try:
        if not db.table_names(conn):
            db.init_schema(conn)
            seed(app, conn)
    finally:
        conn.close()


def reset(app: Flask, conn: sqlite3.Connection) -> dict[str, int]:
    """Empty every table and seed the personas again (a scenario's clean state)."""
    db.truncate_all(conn)
    return seed(app, conn)


def _password_hash(app: Flask, persona: dict[str, Any]) -> str | None:
    """A persona's hash, computed once per process: hashing is slow on purpose, resets must not be."""
    password = persona.get("password") or app.config.get("DEFAULT_PASSWORD")
    if not password:
        return None
    cache = app.extensions.setdefault("persona_hashes", {})
    if password not in cache:
        cache[password] = generate_password_hash(password)
    return cache[password]


def seed(app: Flask, conn: sqlite3.Connection) -> dict[str, int]:
    """Insert the configured personas; their ids by key."""
    now = clock.to_iso(clock.now_utc())  # callers run inside an app context
    ids: dict[str, int] = {}
    for i, persona in enumerate(app.config["PERSONAS"]):
        cur = conn.execute(
            "INSERT INTO users (name, email, password_hash, role, phone, created_at) VALUES (?, ?, ?, ?, ?, ?)",
            (persona["name"], persona.get("email"), _password_hash(app, persona), persona["role"],
             persona.get("phone") or f"+26097100{i:04d}", now),
        )
        ids[persona.get("key", persona["email"])] = cur.lastrowid
    conn.commit()
    if app.config.get("SAMPLE_DATA"):
        _sample_data(conn, ids)
    return ids


def _sample_data(conn: sqlite3.Connection, ids: dict[str, int]) -> None:
    """A few log entries and a guest so a person clicking through sees a lived-in community."""
    now = clock.now_utc()
    guard, admin = ids.get("guard"), ids.get("admin")
    if not guard or not admin:
        return
    conn.execute(
        "INSERT INTO entries (kind, status, visitor_name, acting_user_id, phone, nrc, vehicle, reason, created_at)"
        " VALUES ('manual', 'granted', 'Chanda Mwila', ?, '+260971234567', '123456/10/1', 'ABZ 1234', 'client', ?)",
        (guard, clock.to_iso(now - timedelta(hours=2))),
    )
    start = clock.combine_local(clock.local(now).date(), clock.local(now).time().replace(minute=0, second=0, microsecond=0))
    conn.execute(
        "INSERT INTO guests (first_name, last_name, phone, starts_at, ends_at, invited_by, created_at)"
        " VALUES ('Bwalya', 'Phiri', '+260977000111', ?, ?, ?, ?)",
        (clock.to_iso(start - timedelta(hours=1)), clock.to_iso(start + timedelta(hours=3)), admin, clock.to_iso(now)),
    )
    conn.commit()

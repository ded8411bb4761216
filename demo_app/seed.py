"""Create and reset the database with the personas."""

from __future__ import annotations

import sqlite3
from typing import Any

from flask import Flask
from werkzeug.security import generate_password_hash

from . import clock, db


def prepare_database(app: Flask) -> None:
    """Create the schema on a new database, then seed it."""
    conn = db.connect(app.config["DATABASE"], durable=app.config["DATABASE_DURABLE"])
    try:
        if not db.table_names(conn):
            db.init_schema(conn)
            seed(app, conn)
            app.extensions["database_created"] = True
        elif "token_version" not in {row[1] for row in conn.execute("PRAGMA table_info(users)")}:
            # A database made before tokens could be revoked (make demo's instance/demo_app.sqlite).
            conn.execute("ALTER TABLE users ADD COLUMN token_version INTEGER NOT NULL DEFAULT 0")
            conn.commit()
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
        cache[password] = generate_password_hash(password, method=app.config["PASSWORD_HASH_METHOD"])
    return cache[password]


def seed(app: Flask, conn: sqlite3.Connection) -> dict[str, int]:
    """Insert the configured personas; their ids by key."""
    now = clock.to_iso(clock.now_utc())  # callers run inside an app context
    ids: dict[str, int] = {}
    for i, persona in enumerate(app.config["PERSONAS"]):
        ids[persona.get("key") or persona["username"]] = db.insert(
            conn,
            "INSERT INTO users (name, username, email, password_hash, role, phone, created_at)"
            " VALUES (?, ?, ?, ?, ?, ?, ?)",
            (
                persona["name"],
                persona.get("username") or persona.get("key"),
                persona.get("email"),
                _password_hash(app, persona),
                persona["role"],
                persona.get("phone") or f"+26097100{i:04d}",
                now,
            ),
        )
    conn.commit()
    return ids

"""SQLite access for the reference app: one connection per request, schema from schema/*.sql."""

from __future__ import annotations

import sqlite3
from collections.abc import Mapping
from importlib import resources
from typing import Any, TypeAlias

from flask import Flask, current_app, g

# A row as the app reads it: by column name (a sqlite3.Row is no Mapping, and has no .get).
Record: TypeAlias = sqlite3.Row | Mapping[str, Any]


def get_db() -> sqlite3.Connection:
    """The request's connection (rows behave like dicts)."""
    if "db" not in g:
        g.db = connect(current_app.config["DATABASE"], durable=current_app.config["DATABASE_DURABLE"])
    return g.db


def connect(path: str, durable: bool = True) -> sqlite3.Connection:
    """Open the database with foreign keys on and dict-like rows; durable=False skips the wait for
    the disk on each commit (a database thrown away after the run: an OS crash may lose it)."""
    # check_same_thread=False: the embedded server is threaded; each request still opens its own.
    conn = sqlite3.connect(path, check_same_thread=False, timeout=10)
    conn.row_factory = sqlite3.Row
    conn.execute("PRAGMA foreign_keys = ON")
    if not durable:
        conn.execute("PRAGMA synchronous = OFF")
    return conn


def close_db(_exc: BaseException | None = None) -> None:
    """Close the request's connection, if one was opened."""
    db = g.pop("db", None)
    if db is not None:
        db.close()


def schema_scripts() -> list[str]:
    """The schema files in order (each feature area owns one)."""
    folder = resources.files("demo_app") / "schema"
    return [f.read_text() for f in sorted(folder.iterdir(), key=lambda p: p.name) if f.name.endswith(".sql")]


def init_schema(conn: sqlite3.Connection) -> None:
    """Create every table on an empty database."""
    for script in schema_scripts():
        conn.executescript(script)
    conn.commit()


def table_names(conn: sqlite3.Connection) -> list[str]:
    """The app's tables, excluding SQLite's own."""
    rows = conn.execute("SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%'").fetchall()
    return [r["name"] for r in rows]


def truncate_all(conn: sqlite3.Connection) -> None:
    """Empty every table (test reset) and restart the id sequences."""
    conn.execute("PRAGMA foreign_keys = OFF")
    for name in table_names(conn):
        conn.execute(f'DELETE FROM "{name}"')
    conn.execute("DELETE FROM sqlite_sequence")
    conn.commit()
    conn.execute("PRAGMA foreign_keys = ON")


def query(sql: str, args: tuple[Any, ...] = (), one: bool = False) -> Any:
    """Run a SELECT on the request's connection; a list of rows, or one row (or None)."""
    cur = get_db().execute(sql, args)
    rows = cur.fetchall()
    return (rows[0] if rows else None) if one else rows


def execute(sql: str, args: tuple[Any, ...] = ()) -> int:
    """Run a write and commit; the new row's id."""
    db = get_db()
    cur = db.execute(sql, args)
    db.commit()
    return row_id(cur)


def insert(conn: sqlite3.Connection, sql: str, args: tuple[Any, ...] = ()) -> int:
    """Run an INSERT inside the caller's transaction (no commit); the new row's id."""
    return row_id(conn.execute(sql, args))


def row_id(cur: sqlite3.Cursor) -> int:
    """The row id SQLite gives after `cur.execute` (the new row's after an INSERT; None only before any)."""
    if cur.lastrowid is None:
        raise RuntimeError("no row id: the cursor has run no single statement")
    return cur.lastrowid


def written(row: sqlite3.Row | None, what: str) -> sqlite3.Row:
    """A row this request has just written, read back: missing only if the database lost it."""
    if row is None:
        raise LookupError(f"{what} was written but cannot be read back")
    return row


def init_app(app: Flask) -> None:
    """Close connections at the end of each request."""
    app.teardown_appcontext(close_db)

"""The reference app as the suite embeds it: a throwaway database that need not wait for the disk."""

from __future__ import annotations

from demo_app import create_app
from demo_app.db import connect
from prodready.core.config import load_project
from prodready.core.credentials import resolve_credentials
from prodready.target import embedded


def synchronous(path: str, durable: bool) -> int:
    conn = connect(path, durable=durable)
    try:
        return conn.execute("PRAGMA synchronous").fetchone()[0]
    finally:
        conn.close()


def test_the_embedded_app_does_not_wait_for_the_disk_and_a_deployed_one_does(tmp_path):
    target = load_project().target("demo")
    app = embedded.start(target, resolve_credentials(target), None)
    try:
        assert app.app.config["DATABASE_DURABLE"] is False
        assert synchronous(app.app.config["DATABASE"], durable=app.app.config["DATABASE_DURABLE"]) == 0  # OFF
    finally:
        app.stop()
    deployed = create_app({"DATABASE": str(tmp_path / "app.sqlite")})
    assert deployed.config["DATABASE_DURABLE"] is True
    assert synchronous(deployed.config["DATABASE"], durable=True) == 2  # FULL, SQLite's default


def test_every_request_of_the_embedded_app_uses_its_setting(tmp_path):
    app = create_app({"DATABASE": str(tmp_path / "app.sqlite"), "DATABASE_DURABLE": False})
    with app.app_context():
        from demo_app.db import get_db

        assert get_db().execute("PRAGMA synchronous").fetchone()[0] == 0

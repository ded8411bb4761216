"""Shared fixtures: the reference app from its factory with a temporary database."""
from __future__ import annotations

import re
import sys
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from demo_app import create_app  # noqa: E402

PASSWORD = "correct horse battery"
TEST_TOKEN = "test-api-token-for-pytest"


@pytest.fixture
def far_away_process_timezone(monkeypatch):
    """Run a test with the process in a timezone far from the community's (Africa/Lusaka, UTC+2)."""
    monkeypatch.setenv("TZ", "Pacific/Kiritimati")  # UTC+14
    time.tzset()
    yield
    monkeypatch.delenv("TZ")
    time.tzset()


@pytest.fixture
def app(tmp_path):
    """A fresh reference app (CSRF on, as in production) with the default personas."""
    return create_app({"DATABASE": str(tmp_path / "app.sqlite"), "DEFAULT_PASSWORD": PASSWORD,
                       "TEST_API_TOKEN": TEST_TOKEN, "TESTING": True})


@pytest.fixture
def client(app):
    return app.test_client()


class Browser:
    """A test client that behaves like a person: reads CSRF tokens from forms, logs in by email."""

    CSRF = re.compile(r'name="csrf_token"\s+value="([^"]+)"')

    def __init__(self, client):
        self.client = client

    def csrf(self, path: str = "/login") -> str:
        page = self.client.get(path)
        match = self.CSRF.search(page.get_data(as_text=True))
        assert match, f"no form with a CSRF token at {path}"
        return match.group(1)

    def log_in(self, email: str, password: str = PASSWORD):
        return self.client.post("/login", data={"email": email, "password": password, "csrf_token": self.csrf()})

    def post(self, path: str, data: dict, form_page: str | None = None, **kwargs):
        """Submit a form as the browser would (token taken from the form's page)."""
        token = self.csrf(form_page or path)
        return self.client.post(path, data={**data, "csrf_token": token}, **kwargs)

    def get(self, path: str, **kwargs):
        return self.client.get(path, **kwargs)

    def text(self, path: str) -> str:
        return self.client.get(path).get_data(as_text=True)


@pytest.fixture
def browser(client):
    return Browser(client)


@pytest.fixture
def as_role(app):
    """A logged-in Browser for one of the default personas: as_role('guard')."""
    emails = {p["key"]: p["email"] for p in app.config["PERSONAS"]}

    def make(key: str) -> Browser:
        b = Browser(app.test_client())
        response = b.log_in(emails[key])
        assert response.status_code == 302, response.get_data(as_text=True)[:300]
        return b

    return make


@pytest.fixture
def api(client):
    """Call the test-data API with the token."""

    def call(method: str, path: str, **kwargs):
        return client.open(f"/__test__{path}", method=method, headers={"Authorization": f"Bearer {TEST_TOKEN}"},
                           **kwargs)

    return call

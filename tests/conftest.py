"""Shared fixtures: the reference app from its factory with a temporary database, and its GraphQL API."""

from __future__ import annotations

import http.server
import re
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from demo_app import create_app  # noqa: E402

PASSWORD = "correct horse battery"
TEST_TOKEN = "test-api-token-for-pytest"
LOGIN = (
    "mutation($u: String!, $p: String!) { loginUsernamePassword(username: $u, password: $p)"
    " { authToken user { id hasResetPassword } } }"
)


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
    """A fresh reference app (CSRF on, as in production) with the default personas and the test-only API."""
    return create_app(
        {
            "DATABASE": str(tmp_path / "app.sqlite"),
            "DEFAULT_PASSWORD": PASSWORD,
            "TEST_API_TOKEN": TEST_TOKEN,
            "TESTING": True,
        }
    )


@pytest.fixture
def client(app):
    return app.test_client()


class GraphQL:
    """The app's GraphQL endpoint, called as a person holding a token (or nobody)."""

    def __init__(self, client: Any, token: str | None = None) -> None:
        self.client, self.token = client, token

    def raw(self, query: str, variables: dict[str, Any] | None = None) -> dict[str, Any]:
        """The whole answer ({data, errors})."""
        headers = {"Authorization": f"Bearer {self.token}"} if self.token else {}
        response = self.client.post("/graphql", json={"query": query, "variables": variables or {}}, headers=headers)
        assert response.status_code == 200, response.get_data(as_text=True)[:300]
        return response.get_json()

    def __call__(self, query: str, variables: dict[str, Any] | None = None) -> dict[str, Any]:
        """The data of a call that must succeed."""
        answer = self.raw(query, variables)
        assert not answer.get("errors"), answer["errors"]
        return answer["data"]

    def error(self, query: str, variables: dict[str, Any] | None = None) -> str:
        """The message of a call that must be refused."""
        answer = self.raw(query, variables)
        assert answer.get("errors"), f"expected a refusal, got {answer}"
        return answer["errors"][0]["message"]


def token_of(client: Any, username: str, password: str = PASSWORD) -> str:
    """A token from the login mutation."""
    return GraphQL(client)(LOGIN, {"u": username, "p": password})["loginUsernamePassword"]["authToken"]


class Browser:
    """A test client that behaves like a person's browser: the token cookie the page script keeps, CSRF tokens."""

    CSRF = re.compile(r'name="csrf_token"\s+value="([^"]+)"')

    def __init__(self, client: Any, token: str | None = None) -> None:
        self.client = client
        self.token = token
        if token:
            client.set_cookie("dgdp_auth_token", token)

    def csrf(self, path: str) -> str:
        page = self.client.get(path)
        match = self.CSRF.search(page.get_data(as_text=True))
        assert match, f"no form with a CSRF token at {path} (status {page.status_code})"
        return match.group(1)

    def post(self, path: str, data: dict, form_page: str | None = None, **kwargs):
        """Submit a form as the browser would (token taken from the form's page)."""
        token = self.csrf(form_page or path)
        return self.client.post(path, data={**data, "csrf_token": token}, **kwargs)

    def get(self, path: str, **kwargs):
        return self.client.get(path, **kwargs)

    def text(self, path: str) -> str:
        return self.client.get(path).get_data(as_text=True)

    @property
    def gql(self) -> GraphQL:
        """The GraphQL API as this person."""
        return GraphQL(self.client, self.token)


@pytest.fixture
def as_role(app):
    """A logged-in Browser for one of the default personas: as_role('guard')."""
    usernames = {p["key"]: p["username"] for p in app.config["PERSONAS"]}

    def make(key: str) -> Browser:
        client = app.test_client()
        return Browser(client, token_of(client, usernames[key]))

    return make


@pytest.fixture
def gql(app):
    """The GraphQL API as a persona: gql('admin')(query, variables); gql(None) for nobody."""
    usernames = {p["key"]: p["username"] for p in app.config["PERSONAS"]}

    def make(key: str | None) -> GraphQL:
        client = app.test_client()
        return GraphQL(client, token_of(client, usernames[key]) if key else None)

    return make


@pytest.fixture
def test_api(client):
    """Call the test-only API with the token."""

    def call(method: str, path: str, **kwargs):
        return client.open(
            f"/__test__{path}", method=method, headers={"Authorization": f"Bearer {TEST_TOKEN}"}, **kwargs
        )

    return call


@contextmanager
def serve(handler: type[http.server.BaseHTTPRequestHandler]) -> Iterator[str]:
    """A local HTTP server of test pages on a free port, for as long as the block lasts; its base URL."""
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_port}"
    finally:
        server.shutdown()

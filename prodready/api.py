"""Test-data API client (requests): set up data and verify outcomes without the UI."""
from __future__ import annotations

import re
from typing import Any

import requests

from .config import Credentials


class TestApiUnavailable(Exception):
    """The target offers no test-data API (the real platform mounts it only in its test env)."""


class TestApi:
    """The reference app's /__test__ endpoints, authenticated with the run's token."""

    __test__ = False  # not a pytest test class

    def __init__(self, base_url: str, token: str | None, target_name: str) -> None:
        self.base_url, self._token, self.target_name = base_url.rstrip("/"), token, target_name
        self._http = requests.Session()

    @property
    def available(self) -> bool:
        """Whether the target offers the test-data API."""
        return bool(self._token)

    def _call(self, method: str, path: str, **kwargs: Any) -> Any:
        if not self._token:
            raise TestApiUnavailable(f"this scenario needs the test-data API, which target '{self.target_name}' "
                                     f"does not offer (set test_api_token for it in prodready.toml)")
        response = self._http.request(method, f"{self.base_url}/__test__{path}", timeout=15,
                                      headers={"Authorization": f"Bearer {self._token}"}, **kwargs)
        if response.status_code >= 400:
            raise AssertionError(f"test API {method} {path} answered {response.status_code}: {response.text[:300]}")
        return response.json()

    def reset(self) -> dict[str, int]:
        """Empty the database and reseed the personas; their ids by key."""
        return self._call("POST", "/reset")["personas"]

    def set_clock(self, local: str) -> dict[str, str]:
        """Move the app's clock to a community-time moment (YYYY-MM-DDTHH:MM)."""
        return self._call("POST", "/clock", json={"local": local})

    def set_time_today(self, hhmm: str) -> dict[str, str]:
        """Move the app's clock to a time of today, community time (HH:MM)."""
        return self._call("POST", "/clock", json={"time": hhmm})

    def create_user(self, **fields: Any) -> dict[str, Any]:
        """A new person (name, role, …)."""
        return self._call("POST", "/users", json=fields)

    def users_named(self, name: str) -> list[dict[str, Any]]:
        """People whose name contains `name`."""
        return self._call("GET", "/users", params={"name": name})

    def create_guest(self, **fields: Any) -> int:
        """A registered guest (community-time fields); its id."""
        return self._call("POST", "/guests", json=fields)["id"]

    def entries(self) -> list[dict[str, Any]]:
        """The logbook, newest first."""
        return self._call("GET", "/entries")

    def post(self, path: str, payload: dict[str, Any]) -> Any:
        """Any other test endpoint an area adds (POST)."""
        return self._call("POST", path, json=payload)

    def get(self, path: str, **params: Any) -> Any:
        """Any other test endpoint an area adds (GET)."""
        return self._call("GET", path, params=params)


_CSRF = re.compile(r'name="csrf_token"\s+value="([^"]+)"')


def session_cookies(base_url: str, creds: Credentials) -> list[dict[str, Any]]:
    """Log in through the login form over HTTP; the session cookies to hand to a browser.

    Login through the UI is tested once per persona; other scenarios start logged in this way.
    """
    http = requests.Session()
    page = http.get(f"{base_url}/login", timeout=15)
    match = _CSRF.search(page.text)
    if match is None:
        raise AssertionError(f"no login form at {base_url}/login (status {page.status_code})")
    answer = http.post(f"{base_url}/login", timeout=15, allow_redirects=False,
                       data={"csrf_token": match.group(1), "email": creds.email, "password": creds.password})
    if answer.status_code != 302:
        raise AssertionError(f"login of {creds.email} refused (status {answer.status_code})")
    return [{"name": c.name, "value": c.value, "path": c.path or "/"} for c in http.cookies]

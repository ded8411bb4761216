"""The reference app's test-only API: what no live deployment offers (a clean community, the clock).

Only the embedded `demo` target has it. Scenarios that need it are tagged @needs_clock and are
refused before any browser starts on targets without it (the twin, staging, production).
"""

from __future__ import annotations

from typing import Any

import requests

from prodready.core.tags import NEEDS_CLOCK as NEEDS_CLOCK_TAG


class TestOnlyApi:
    """The reference app's /__test__ endpoints, authenticated with the run's token."""

    __test__ = False  # not a pytest test class

    def __init__(self, base_url: str, token: str) -> None:
        self.base_url, self._token = base_url.rstrip("/"), token
        self._http = requests.Session()

    def _call(self, method: str, path: str, **kwargs: Any) -> Any:
        response = self._http.request(
            method,
            f"{self.base_url}/__test__{path}",
            timeout=15,
            headers={"Authorization": f"Bearer {self._token}"},
            **kwargs,
        )
        if response.status_code >= 400:
            raise AssertionError(
                f"test-only API {method} {path} answered {response.status_code}: {response.text[:300]}"
            )
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

    def post(self, path: str, payload: dict[str, Any]) -> Any:
        """Another test-only route of an area (POST)."""
        return self._call("POST", path, json=payload)


class NoTestOnlyApi:
    """What a target without the test-only API answers: a clear failure naming the tag to add."""

    __test__ = False

    def __getattr__(self, name: str) -> Any:
        raise AssertionError(
            "this step needs the reference app's test-only API (clock, reset), which this "
            f"target does not have: tag the scenario @{NEEDS_CLOCK_TAG}"
        )

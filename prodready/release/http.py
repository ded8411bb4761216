"""HTTP under a deadline: every request of a command ends by one point in time, redirects stay home.

requests' timeouts bound each socket read, not a request: a server trickling one byte per read
never times out, and python-gitlab sleeps out any `Retry-After`. So each request runs in a
worker thread the caller stops waiting for at the deadline (DNS, connect, headers and body
alike), and every sleep between retries goes through the same deadline.
"""

from __future__ import annotations

import threading
import time
from typing import Any

import requests

from prodready.release.urls import origin, show_origin

DEADLINE_HINT = "[release] gitlab_deadline / PRODREADY_GITLAB_DEADLINE"


class DeadlineExceeded(requests.exceptions.RequestException):
    """The command's time is up. Not a Timeout or ConnectionError, so nothing retries it."""

    def __init__(self, deadline: Deadline, reason: str = "") -> None:
        self.seconds = deadline.seconds
        self.reason = reason
        super().__init__(f"deadline of {deadline.seconds:g}s reached")


class CrossOriginRedirect(requests.exceptions.RequestException):
    """A redirect to another scheme, host or port: refused before the request is sent."""

    def __init__(self, source: str, target: str) -> None:
        self.source = show_origin(source)
        self.target = show_origin(target)
        super().__init__(f"redirect from {self.source} to {self.target} refused")


class Deadline:
    """A point in monotonic time after which no request may start, wait or continue."""

    def __init__(self, seconds: float) -> None:
        self.seconds = seconds
        self._end = time.monotonic() + seconds

    def remaining(self) -> float:
        """Seconds left, never negative."""
        return max(0.0, self._end - time.monotonic())

    def expired(self) -> bool:
        """Whether the time is up."""
        return self.remaining() <= 0.0

    def check(self) -> None:
        """Raise DeadlineExceeded when the time is up."""
        if self.expired():
            raise DeadlineExceeded(self)

    def cap(self, timeout: float | None) -> float:
        """A per-request timeout that does not outlast the deadline."""
        left = self.remaining()
        return left if timeout is None else min(timeout, left)

    def sleep(self, seconds: float, reason: str) -> None:
        """Wait before a retry, or refuse at once when the wait would outlast the deadline."""
        if seconds >= self.remaining():
            raise DeadlineExceeded(self, reason)
        time.sleep(max(0.0, seconds))


class GuardedSession(requests.Session):
    """A requests session bounded by a Deadline and, given `home`, kept on that one origin.

    Cross-origin redirects are refused because requests strips only `Authorization` on them:
    python-gitlab's `PRIVATE-TOKEN` header would go along to the other host.
    """

    def __init__(self, deadline: Deadline, home: str | None = None) -> None:
        super().__init__()
        self.deadline = deadline
        self.home = home
        self.last_headers: requests.structures.CaseInsensitiveDict[str] | None = None

    def request(self, method: str, url: str | bytes, *args: Any, **kwargs: Any) -> requests.Response:
        """Send in a worker thread and stop waiting for it at the deadline."""
        self.deadline.check()
        kwargs["timeout"] = self.deadline.cap(kwargs.get("timeout"))
        outcome: dict[str, Any] = {}
        worker = threading.Thread(
            target=self._send_and_read, name="prodready-http", daemon=True, args=(outcome, method, url, args, kwargs)
        )
        worker.start()
        worker.join(self.deadline.remaining())
        # A worker still running is abandoned: a daemon thread never keeps the process alive,
        # and no later request can start (the deadline has passed).
        if worker.is_alive():
            raise DeadlineExceeded(self.deadline)
        if "error" in outcome:
            raise outcome["error"]
        response: requests.Response = outcome["response"]
        self.last_headers = response.headers
        return response

    def _send_and_read(
        self, outcome: dict[str, Any], method: str, url: str | bytes, args: tuple[Any, ...], kwargs: dict[str, Any]
    ) -> None:
        """The worker: the request and its whole body, or the exception it raised."""
        try:
            response = requests.Session.request(self, method, url, *args, **kwargs)
            response.content  # noqa: B018 - the body is read here, under the deadline
            outcome["response"] = response
        except BaseException as exc:  # noqa: BLE001 - handed to the waiting thread, re-raised there
            outcome["error"] = exc

    def rebuild_auth(self, prepared_request: requests.PreparedRequest, response: requests.Response) -> None:
        """Refuse a redirect leaving the home origin before anything is sent there."""
        target = str(prepared_request.url)
        if self.home is not None and origin(target) != origin(self.home):
            raise CrossOriginRedirect(self.home, target)
        super().rebuild_auth(prepared_request, response)

"""Wrong passwords are limited: per account and per address, within a window (issue 20).

Without a limit, 25 wrong passwords went through in 3.5 s and the right one then worked. Past the
account's limit even the right password is refused until the window has passed, with a message saying
when to try again; a right password before that clears the account's count. Kept in the app's memory:
the reference app runs as one process.
"""

from __future__ import annotations

import math
import threading
import time
from collections import deque
from dataclasses import dataclass, field

from flask import current_app


@dataclass
class LoginLimits:
    """Failed logins of the last window, by account and by address."""

    per_account: int
    per_address: int
    window: float
    failures: dict[str, deque[float]] = field(default_factory=dict)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def _recent(self, key: str, now: float) -> deque[float]:
        seen = self.failures.setdefault(key, deque())
        while seen and seen[0] <= now - self.window:
            seen.popleft()
        return seen

    def refusal(self, account: str, address: str, now: float | None = None) -> str | None:
        """Why a login may not even be tried now (None when it may)."""
        now = time.monotonic() if now is None else now
        with self.lock:
            for key, limit in ((f"account:{account}", self.per_account), (f"address:{address}", self.per_address)):
                seen = self._recent(key, now)
                if len(seen) >= limit:
                    minutes = max(1, math.ceil((seen[0] + self.window - now) / 60))
                    return f"Too many failed logins: try again in {minutes} minute{'s' if minutes > 1 else ''}"
        return None

    def failed(self, account: str, address: str, now: float | None = None) -> None:
        """Count a wrong password for the account and the address."""
        now = time.monotonic() if now is None else now
        with self.lock:
            for key in (f"account:{account}", f"address:{address}"):
                self._recent(key, now).append(now)

    def succeeded(self, account: str) -> None:
        """A right password: the account's count starts again (the address keeps its count)."""
        with self.lock:
            self.failures.pop(f"account:{account}", None)


def limits() -> LoginLimits:
    """The app's limits (made on first use from its LOGIN_* settings)."""
    found = current_app.extensions.get("login_limits")
    if found is None:
        config = current_app.config
        found = current_app.extensions["login_limits"] = LoginLimits(
            per_account=int(config["LOGIN_LIMIT_ACCOUNT"]),
            per_address=int(config["LOGIN_LIMIT_ADDRESS"]),
            window=float(config["LOGIN_WINDOW_SECONDS"]),
        )
    return found

"""One person's browser window: a driver bound to it, its console, planting a token, cleaning it.

A session is a BiDi user context of the run's one browser (or a browser of its own); the pool in
prodready.browser.sessions makes, reuses and cleans them.
"""

from __future__ import annotations

import json
import secrets
from concurrent.futures import Future
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlsplit

from selenium.common.exceptions import WebDriverException
from selenium.webdriver.remote.webdriver import WebDriver

DESKTOP, PHONE_KIND = "desktop", "phone"


@dataclass
class ConsoleEntry:
    """One browser console message or uncaught JavaScript error."""

    level: str
    text: str
    url: str = ""


class WindowTracker:
    """Which window the shared driver currently points at, to switch only when needed."""

    def __init__(self) -> None:
        self.current: str | None = None


class BoundDriver:
    """A WebDriver view bound to one window: every call first makes that window current.

    Page objects and WebDriverWait use it like a driver; actors never see each other's windows.
    """

    def __init__(self, driver: WebDriver, handle: str, tracker: WindowTracker) -> None:
        self._driver, self._handle, self._tracker = driver, handle, tracker

    def _focus(self) -> None:
        if self._tracker.current != self._handle:
            self._driver.switch_to.window(self._handle)
            self._tracker.current = self._handle

    def __getattr__(self, name: str) -> Any:
        self._focus()
        return getattr(self._driver, name)

    @property
    def raw(self) -> WebDriver:
        """The underlying driver, focused on this window."""
        self._focus()
        return self._driver


# Run when a scenario ends, in the page it left open (the next scenario's first page replaces it, but
# a person may sit out several scenarios): forget the site's storage, and stop what would keep
# working in the background meanwhile: a scanner's camera and its reading timer, any other timer.
QUIET_PAGE = """
try { localStorage.clear(); sessionStorage.clear(); } catch (e) {}
document.querySelectorAll('video, audio').forEach(media => {
  const stream = media.srcObject; if (stream && stream.getTracks) stream.getTracks().forEach(t => t.stop());
  media.srcObject = null;
});
const last = setTimeout(() => {}, 0);
for (let id = 1; id <= last; id++) { clearTimeout(id); clearInterval(id); }
"""


@dataclass
class Session:
    """One actor's browser: a window, its console, and how to clean it."""

    kind: str
    driver: Any  # BoundDriver or WebDriver: both answer the WebDriver API
    console: list[ConsoleEntry] = field(default_factory=list)
    context_id: str | None = None
    user_context: str | None = None
    in_use: bool = False
    label: str = ""
    bidi: Any = None  # the driver whose BiDi commands reach this session's user context
    preloads: list[Any] = field(default_factory=list)
    cleaning: Future[bool] | None = None  # being cleaned in the background (SessionPool.release_all)
    broken: bool = False  # did not answer (evidence timed out): thrown away, never reused

    @property
    def in_user_context(self) -> bool:
        """Whether this session is a BiDi user context: planted and cleaned by its ids, through BiDi
        (no window switch, safe beside other commands)."""
        return bool(self.bidi is not None and self.context_id and self.user_context)

    def plant_storage(self, origin: str, key: str, value: str) -> bool:
        """Put `key` in the site's localStorage before its first page loads (BiDi preload script,
        once per tab), and a cookie of the same name and value for the site; False where there is no
        BiDi user context (the caller plants it by hand).

        The platform reads its token from localStorage only; the reference app's server reads the
        same token from a cookie, and without one it answers the first page with a boot page that
        copies the token and reloads (measured: 20 ms and 33 ms of browser CPU per person).
        """
        if not self.in_user_context:
            return False
        # Once per tab and planting: the flag is this planting's own, so a flag an earlier person's
        # planting left behind (a page of theirs that loaded as their scenario was cleaned) never
        # keeps this person's token out.
        function = (
            (
                "() => { try { if (location.origin === ORIGIN && !sessionStorage.getItem(FLAG)) {"
                " localStorage.setItem(KEY, VALUE); sessionStorage.setItem(FLAG, '1'); }"
                " } catch (e) {} }"
            )
            .replace("ORIGIN", json.dumps(origin))
            .replace("FLAG", json.dumps(f"prodready.planted.{secrets.token_hex(6)}"))
            .replace("KEY", json.dumps(key))
            .replace("VALUE", json.dumps(value))
        )
        added = self.bidi.script.add_preload_script(function, user_contexts=[self.user_context])
        self.preloads.append(added.get("script") if isinstance(added, dict) else added)
        cookie = {"name": key, "value": {"type": "string", "value": value}, "path": "/", "sameSite": "lax"}
        self.bidi.storage.set_cookie(
            cookie={**cookie, "domain": urlsplit(origin).hostname or ""}, partition=self._partition()
        )
        return True

    def _partition(self) -> dict[str, str]:
        return {"type": "storageKey", "userContext": self.user_context or ""}

    def clean(self) -> None:
        """Forget this scenario: preload scripts, storage, cookies, console (the next scenario's first
        page replaces the last one: no blank page in between, a navigation saved).

        A user context is cleaned through BiDi, addressed by its ids: no window switch, and every
        cookie of the context goes, whatever site set it.
        """
        if self.in_user_context:
            for preload in self.preloads:
                try:
                    self.bidi.script.remove_preload_script(script=preload)
                except WebDriverException:
                    pass
            try:
                self.bidi.script.execute(f"() => {{ {QUIET_PAGE} }}", context_id=self.context_id)
            except WebDriverException:
                pass  # a page that never loaded has no storage to clear
            self.bidi.storage.delete_cookies(partition=self._partition())
        else:
            try:
                self.driver.execute_script(QUIET_PAGE)
            except WebDriverException:
                pass
            self.driver.delete_all_cookies()
        self.preloads.clear()
        self.console.clear()

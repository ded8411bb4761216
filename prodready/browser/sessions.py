"""Per-actor browser sessions: isolated user contexts of one browser (BiDi) or separate browsers.

Each person in a scenario gets their own session (the guard's incognito window, the admin's
browser, the admin's phone). Sessions are created lazily, reused across scenarios and cleaned
between them, so a run starts one browser process and never pays for start-up twice.
"""

from __future__ import annotations

import json
import threading
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import replace
from typing import Any

from selenium.common.exceptions import WebDriverException
from selenium.webdriver.remote.command import Command
from selenium.webdriver.remote.webdriver import WebDriver

from prodready.browser.camera import FakeCamera, ScriptCamera
from prodready.browser.drivers import PHONE, BrowserSettings, start_driver
from prodready.browser.processes import kill_browser
from prodready.browser.window import DESKTOP, PHONE_KIND, BoundDriver, ConsoleEntry, Session, WindowTracker

# Test browsers register no service worker: the platform's layout registers one for every page, and
# in a test browser its cached answers made pages go blank ("TypeError: Failed to convert value to
# 'Response'"), the worker outliving the person who loaded it. Without `navigator.serviceWorker` the
# layout's own `if (navigator.serviceWorker)` skips the registration. Run before any page script.
NO_SERVICE_WORKERS = "try { delete Navigator.prototype.serviceWorker; } catch (e) {}"
# What every page of a test browser starts with: no service worker. (Counting the page's requests from
# its first one, pages.scripts.NETWORK_WATCH planted here, was tried: the platform's task list asks for
# every row again after each action, so "the app has answered" then waited out whole refetches while the
# action's own message came and went. The page objects wait for what the action shows instead.)
PRELUDE = NO_SERVICE_WORKERS


def plant_prelude(driver: WebDriver) -> bool:
    """The prelude for a browser without BiDi user contexts (CDP; a remote end without CDP goes without:
    the page objects then count requests from their first action on a page)."""
    try:
        driver.execute_cdp_cmd("Page.addScriptToEvaluateOnNewDocument", {"source": PRELUDE})
        return True
    except (AttributeError, WebDriverException):
        return False


CAMERA_KINDS = ("auto", "file", "script")


def camera_kind(settings: BrowserSettings) -> str:
    """file (Chromium's fake device: a local Chromium), script (a canvas stream: anywhere), or none."""
    if settings.camera not in CAMERA_KINDS:
        raise ValueError(f"camera {settings.camera!r}: choose one of {', '.join(CAMERA_KINDS)}")
    if settings.browser != "chromium":
        return "none"
    if settings.camera == "auto":
        return "script" if settings.remote_url else "file"
    if settings.camera == "file" and settings.remote_url:
        raise ValueError("-D camera=file needs the browser on this machine; a grid's browser gets camera=script")
    return settings.camera


class SessionPool:
    """Hands out sessions by kind; `release_all` cleans them for the next scenario."""

    def __init__(self, settings: BrowserSettings, isolation: str = "auto") -> None:
        # The guard's scanner (script 1.1.2) needs a camera: a local Chromium plays a file through its
        # fake capture device; a browser elsewhere (a grid) cannot read a file of this machine, so its
        # pages get a camera from a script (a canvas stream) instead.
        self.camera_kind = camera_kind(settings)
        self._camera: FakeCamera | ScriptCamera | None = None
        self._camera_scripts: dict[int, Any] = {}  # driver → its planted camera script (to replace it)
        if self.camera_kind == "file":
            self._camera = FakeCamera.create()
        elif self.camera_kind == "script":
            self._camera = ScriptCamera(self._install_camera)
        self.settings = (
            replace(settings, camera_file=str(self._camera.path)) if isinstance(self._camera, FakeCamera) else settings
        )
        self.isolation = isolation
        self._lock = threading.Lock()
        self._sessions: list[Session] = []
        self._drivers: list[WebDriver] = []
        self._main: WebDriver | None = None
        self._tracker = WindowTracker()
        self._bidi = False
        self._by_context: dict[str, Session] = {}
        self._cleaner = ThreadPoolExecutor(1, thread_name_prefix="session-clean")

    # -- lifecycle -------------------------------------------------------------------------
    def start(self) -> WebDriver:
        """Start the run's browser (once)."""
        if self._main is None:
            self._main = start_driver(self.settings)
            self._drivers.append(self._main)
            self._bidi = self.isolation != "sessions" and self._supports_contexts(self._main)
            if self.isolation == "contexts" and not self._bidi:
                raise RuntimeError("-D isolation=contexts needs WebDriver BiDi, which this browser does not offer")
            if self._bidi:
                self._main.script.add_console_message_handler(self._on_console)
                self._main.script.add_javascript_error_handler(self._on_js_error)
                self._main.script.add_preload_script(f"() => {{ {PRELUDE} }}")
            else:
                plant_prelude(self._main)
            if isinstance(self._camera, ScriptCamera):
                self._plant_camera(self._main, self._camera.source())
        return self._main

    @staticmethod
    def _supports_contexts(driver: WebDriver) -> bool:
        return bool(getattr(driver, "caps", {}).get("webSocketUrl")) or "webSocketUrl" in driver.capabilities

    @property
    def camera(self) -> FakeCamera | ScriptCamera:
        """The camera every browser of this pool sees (a step puts a picture in front of it)."""
        if self._camera is None:
            raise AssertionError(f"this run's browser has no camera ({self.camera_kind})")
        return self._camera

    def camera_available(self) -> bool:
        """Whether the guard's scanner can be given a camera in this browser (started): Chromium's fake
        device locally, or a script planted through BiDi or Chrome's DevTools protocol."""
        if self.camera_kind == "file":
            return True
        if self.camera_kind != "script" or self._main is None:
            return False
        if self._bidi:
            return True
        try:
            self._main.execute_cdp_cmd("Runtime.evaluate", {"expression": "1"})
            return True
        except (AttributeError, WebDriverException):
            return False

    def _plant_camera(self, driver: WebDriver, source: str) -> None:
        """(Re)plant the script camera in one browser: BiDi preload script for every context, else CDP."""
        old = self._camera_scripts.pop(id(driver), None)
        if self._bidi:
            if old is not None:
                driver.script.remove_preload_script(script=old)
            added = driver.script.add_preload_script(source)
            self._camera_scripts[id(driver)] = added.get("script") if isinstance(added, dict) else added
            return
        try:
            if old is not None:
                driver.execute_cdp_cmd("Page.removeScriptToEvaluateOnNewDocument", {"identifier": old})
            added = driver.execute_cdp_cmd("Page.addScriptToEvaluateOnNewDocument", {"source": f"({source})();"})
            self._camera_scripts[id(driver)] = added.get("identifier")
        except (AttributeError, WebDriverException) as exc:
            raise AssertionError(
                "this browser gives no way to plant the guard's camera (neither WebDriver BiDi nor Chrome's "
                f"DevTools protocol): {type(exc).__name__}"
            ) from None

    def _install_camera(self, source: str, picture: str | None) -> None:
        """A new picture: every browser's later pages get it, and the pages open now show it at once."""
        for driver in list(self._drivers):
            self._plant_camera(driver, source)
        show = f"window.__prodreadyCamera && window.__prodreadyCamera.show({json.dumps(picture)});"
        for session in self.in_use():
            try:
                if session.in_user_context:
                    session.bidi.script.execute(f"() => {{ {show} }}", context_id=session.context_id)
                else:
                    session.driver.execute_script(show)
            except WebDriverException:
                pass  # a page between two documents: the next one has the picture from its preload script

    @property
    def mode(self) -> str:
        """'contexts' (one browser, isolated user contexts) or 'sessions' (a browser per actor)."""
        return "contexts" if self._bidi else "sessions"

    def quit(self) -> None:
        """Close every browser."""
        self._cleaner.shutdown(wait=True)
        for driver in self._drivers:
            _quit(driver)
        self._drivers.clear()
        self._sessions.clear()
        self._main = None
        if self._camera is not None:
            self._camera.remove()

    # -- sessions --------------------------------------------------------------------------
    def acquire(self, kind: str = DESKTOP, label: str = "") -> Session:
        """A clean session of that kind, created on first need (one still being cleaned is waited for).

        People never share an HTTP cache, any more than cookies: a session goes back to the person who
        used it before (who keeps their cache, as their own browser would); one that served someone
        else has its cache emptied first (seen: the guard's cached redirect served to the admin).
        """
        self.start()  # whether people get contexts or browsers is known once the browser runs
        with self._lock:
            free = [s for s in self._sessions if s.kind == kind and not s.in_use]
            for session in sorted(free, key=lambda s: s.label != label):  # this person's own first
                if not self._cleaned(session):
                    continue
                if session.label != label:
                    self._forget_cache(session)
                session.in_use, session.label = True, label
                return session
            session = self._new_context(kind) if self._bidi else self._new_driver(kind)
            session.in_use, session.label = True, label
            self._sessions.append(session)
            return session

    def _forget_cache(self, session: Session) -> None:
        """Empty a session's HTTP cache (its browser context's), or have it bypass the cache where the
        browser offers no way to empty it (a remote end without DevTools)."""
        try:
            session.driver.execute_cdp_cmd("Network.clearBrowserCache", {})
            return
        except (AttributeError, WebDriverException):
            pass
        if session.in_user_context:
            session.bidi.network.set_cache_behavior("bypass", contexts=[session.context_id])

    def in_use(self) -> list[Session]:
        """The sessions the current scenario holds."""
        return [s for s in self._sessions if s.in_use]

    def release_all(self, clean: Callable[[Session], None] | None = None) -> None:
        """Clean every used session; a session that cannot be cleaned is thrown away.

        A BiDi user context is cleaned in the background, by its ids, while the next scenario
        starts (its reset, its data set-up); whoever acquires it next waits for the cleaning.
        """
        for session in list(self._sessions):
            if not session.in_use:
                continue
            if session.broken:
                self._discard_quietly(session)
                continue
            if clean is None and session.in_user_context:
                session.cleaning = self._cleaner.submit(_clean_quietly, session)
                session.in_use = False
                continue
            try:
                (clean or Session.clean)(session)
                session.in_use = False
            except WebDriverException:
                self._discard(session)

    def _cleaned(self, session: Session) -> bool:
        """Wait for a session's background cleaning; False (and thrown away) when it failed."""
        if session.cleaning is None:
            return True
        done, session.cleaning = session.cleaning.result(), None
        if not done:
            self._discard(session)
        return done

    def _new_context(self, kind: str) -> Session:
        main = self.start()
        user_context = main.browser.create_user_context()
        context_id = main.browsing_context.create(type="tab", user_context=user_context)
        if self.settings.timezone:
            # The people's devices are in the community's timezone; through BiDi this also holds for a
            # browser on a grid node (whose machine keeps its own zone).
            try:
                main.emulation.set_timezone_override(timezone=self.settings.timezone, user_contexts=[user_context])
            except WebDriverException:
                pass  # a browser without the command keeps its process's zone (TZ, set for a local one)
        if kind == PHONE_KIND:
            self._emulate_phone(main, context_id)
        session = Session(
            kind=kind,
            driver=BoundDriver(main, context_id, self._tracker),
            context_id=context_id,
            user_context=user_context,
            bidi=main,
        )
        self._by_context[context_id] = session
        return session

    @staticmethod
    def _emulate_phone(driver: WebDriver, context_id: str) -> None:
        """Phone screen and user agent for one tab (BiDi viewport + CDP on that tab)."""
        driver.browsing_context.set_viewport(
            context=context_id,
            viewport={"width": PHONE["width"], "height": PHONE["height"]},
            device_pixel_ratio=PHONE["pixel_ratio"],
        )
        driver.switch_to.window(context_id)
        driver.execute_cdp_cmd("Emulation.setUserAgentOverride", {"userAgent": PHONE["user_agent"]})
        driver.execute_cdp_cmd("Emulation.setTouchEmulationEnabled", {"enabled": True, "maxTouchPoints": 5})

    def _new_driver(self, kind: str) -> Session:
        if kind == DESKTOP and self._main is not None and not any(s.driver is self._main for s in self._sessions):
            driver = self._main
        else:
            driver = start_driver(self.settings, phone=(kind == PHONE_KIND))
            plant_prelude(driver)
            if isinstance(self._camera, ScriptCamera):
                self._plant_camera(driver, self._camera.source())
            self._drivers.append(driver)
            if self._main is None:
                self._main = driver
        return Session(kind=kind, driver=driver)

    def _discard_quietly(self, session: Session) -> None:
        """Throw away a session that stopped answering; its browser may not answer the removal either."""
        try:
            self._discard(session)
        except WebDriverException:
            if session in self._sessions:
                self._sessions.remove(session)

    def abort(self) -> None:
        """Stop every browser now, from another thread, whatever it is doing (a scenario ran over its
        bound): the hung command fails at once, and the next scenario starts a fresh browser."""
        drivers, self._drivers = list(self._drivers), []
        self._sessions.clear()
        self._by_context.clear()
        self._main = None
        self._tracker.current = None
        self._camera_scripts.clear()
        for driver in drivers:
            kill_browser(driver)

    def _discard(self, session: Session) -> None:
        self._sessions.remove(session)
        if session.user_context and self._main is not None:
            try:
                self._main.browser.remove_user_context(session.user_context)
            except WebDriverException:
                pass
            self._tracker.current = None
        elif session.driver in self._drivers:
            try:
                _quit(session.driver)
            finally:
                self._drivers.remove(session.driver)
                if session.driver is self._main:
                    self._main = None

    # -- console ---------------------------------------------------------------------------
    def _on_console(self, entry: Any) -> None:
        session = self._by_context.get((getattr(entry, "source", None) or {}).get("context", ""))
        if session is not None and session.in_use:
            session.console.append(
                ConsoleEntry(level=str(getattr(entry, "level", "info")), text=str(getattr(entry, "text", "")))
            )

    def _on_js_error(self, entry: Any) -> None:
        session = self._by_context.get((getattr(entry, "source", None) or {}).get("context", ""))
        if session is not None and session.in_use:
            session.console.append(ConsoleEntry(level="error", text=f"Uncaught: {getattr(entry, 'text', '')}"))

    def console_of(self, session: Session) -> list[ConsoleEntry]:
        """The console of a session so far (BiDi events, or the driver's browser log)."""
        if not self._bidi:
            try:
                for raw in session.driver.get_log("browser"):
                    session.console.append(
                        ConsoleEntry(level=str(raw.get("level", "")).lower(), text=str(raw.get("message", "")))
                    )
            except WebDriverException:
                pass  # remote ends without the log endpoint
        return list(session.console)


def _clean_quietly(session: Session) -> bool:
    """Clean a session (in the background); whether it worked."""
    try:
        session.clean()
        return True
    except WebDriverException:
        return False


def _quit(driver: WebDriver) -> None:
    """End the session and stop chromedriver now; let Selenium close its BiDi websocket in the background.

    driver.quit() closes the websocket first and joins its reader thread, which now and then is
    stuck reconnecting and is waited out for 10 s (measured: one worker in three, a quarter of the
    suite's wall time). Nothing waits for that thread here; the browser and chromedriver are gone.
    """
    try:
        driver.execute(Command.QUIT)
    except WebDriverException:
        pass  # already gone
    service = getattr(driver, "service", None)
    if service is not None:
        service.stop()

    def close_quietly() -> None:
        try:
            driver.quit()
        except Exception:  # noqa: BLE001 - the session is over: whatever quit() still meets is moot
            pass

    threading.Thread(target=close_quietly, name="selenium-websocket-close", daemon=True).start()

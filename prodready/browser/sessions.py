"""Per-actor browser sessions: isolated user contexts of one browser (BiDi) or separate browsers.

Each person in a scenario gets their own session (the guard's incognito window, the admin's
browser, the admin's phone). Sessions are created lazily, reused across scenarios and cleaned
between them, so a run starts one browser process and never pays for start-up twice.
"""

from __future__ import annotations

import os
import signal
import threading
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import replace
from pathlib import Path
from typing import Any

from selenium.common.exceptions import WebDriverException
from selenium.webdriver.remote.command import Command
from selenium.webdriver.remote.webdriver import WebDriver

from prodready.browser.camera import FakeCamera
from prodready.browser.drivers import PHONE, BrowserSettings, start_driver
from prodready.browser.window import DESKTOP, PHONE_KIND, BoundDriver, ConsoleEntry, Session, WindowTracker

# Test browsers register no service worker: the platform's layout registers one for every page, and
# in a test browser its cached answers made pages go blank ("TypeError: Failed to convert value to
# 'Response'"), the worker outliving the person who loaded it. Without `navigator.serviceWorker` the
# layout's own `if (navigator.serviceWorker)` skips the registration. Run before any page script.
NO_SERVICE_WORKERS = "try { delete Navigator.prototype.serviceWorker; } catch (e) {}"


def block_service_workers(driver: WebDriver) -> bool:
    """The same for a browser without BiDi user contexts (CDP; a remote end without CDP keeps them)."""
    try:
        driver.execute_cdp_cmd("Page.addScriptToEvaluateOnNewDocument", {"source": NO_SERVICE_WORKERS})
        return True
    except (AttributeError, WebDriverException):
        return False


class SessionPool:
    """Hands out sessions by kind; `release_all` cleans them for the next scenario."""

    def __init__(self, settings: BrowserSettings, isolation: str = "auto") -> None:
        # A local Chromium gets a camera of its own (the guard's scanner, script 1.1.2); a remote
        # grid's browsers cannot read a file of this machine, so they have none.
        self._camera = FakeCamera.create() if settings.browser == "chromium" and not settings.remote_url else None
        self.settings = replace(settings, camera_file=str(self._camera.path)) if self._camera else settings
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
                self._main.script.add_preload_script(f"() => {{ {NO_SERVICE_WORKERS} }}")
            else:
                block_service_workers(self._main)
        return self._main

    @staticmethod
    def _supports_contexts(driver: WebDriver) -> bool:
        return bool(getattr(driver, "caps", {}).get("webSocketUrl")) or "webSocketUrl" in driver.capabilities

    @property
    def camera(self) -> FakeCamera:
        """The camera every browser of this pool sees (a step puts a picture in front of it)."""
        if self._camera is None:
            raise AssertionError("this run's browser has no camera: a fake camera needs a local Chromium")
        return self._camera

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
        """A clean session of that kind, created on first need (one still being cleaned is waited for)."""
        with self._lock:
            for session in list(self._sessions):
                if session.kind == kind and not session.in_use and self._cleaned(session):
                    session.in_use, session.label = True, label
                    return session
            session = self._new_context(kind) if self._bidi else self._new_driver(kind)
            session.in_use, session.label = True, label
            self._sessions.append(session)
            return session

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
            block_service_workers(driver)
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


def kill_browser(driver: WebDriver) -> None:
    """Kill a local browser's chromedriver and every process under it (the browser, its renderers); a
    remote session is asked to quit in the background (nothing else can reach it)."""
    service = getattr(driver, "service", None)
    process = getattr(service, "process", None)
    if process is None:
        threading.Thread(target=_quit, args=(driver,), name="abort-remote", daemon=True).start()
        return
    for pid in [*descendants(process.pid), process.pid]:
        try:
            os.kill(pid, signal.SIGKILL)
        except OSError:
            pass
    try:
        process.wait(timeout=5)  # reaped: no zombie chromedriver
    except Exception:  # noqa: BLE001 - killed with SIGKILL: it is gone either way
        pass


def descendants(pid: int) -> list[int]:
    """Every process under `pid`, deepest first (from /proc: no extra dependency)."""
    children: dict[int, list[int]] = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
            children.setdefault(int(fields[1]), []).append(int(stat.parent.name))
        except (OSError, IndexError, ValueError):
            continue
    found: list[int] = []

    def walk(parent: int) -> None:
        for child in children.get(parent, []):
            walk(child)
            found.append(child)

    walk(pid)
    return found


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

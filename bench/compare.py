"""The journey three ways, interleaved round by round (the order rotates), medians and ratios.

Every way runs against the same embedded app, reset before each journey, in the same browser
binary. Only the journey itself is timed; getting a clean window (the framework's session clean,
raw Selenium's same clean, a new Playwright context) is timed apart as "isolation".
"""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from selenium import webdriver
from selenium.webdriver.chrome.service import Service

from pages.base import BasePage
from prodready.browser.actors import Cast
from prodready.browser.drivers import (
    CHROMIUM_FLAGS,
    DESKTOP_SIZE,
    BrowserSettings,
    find_chromedriver,
    find_chromium,
)
from prodready.browser.sessions import SessionPool
from prodready.browser.window import DESKTOP, Session
from prodready.target.api import PlatformApi

from .journey import PHASES, Mark, clean_raw, raw_selenium, through_framework
from .playwright_journey import PlaywrightBrowser, with_playwright

Journey = Callable[[Mark], None]


class PhaseClock:
    """The time of each `mark(phase)`; durations between consecutive marks."""

    def __init__(self) -> None:
        self.stamps: list[tuple[str, float]] = []

    def __call__(self, phase: str) -> None:
        self.stamps.append((phase, time.perf_counter()))

    def durations(self) -> dict[str, float]:
        """Seconds spent in each phase."""
        return {name: later - at for (name, at), (_next, later) in zip(self.stamps, self.stamps[1:], strict=False)}


@dataclass
class Way:
    """One way of doing the journey: `prepare` gives a ready journey, `cleanup` clears the window after it."""

    name: str
    prepare: Callable[[], Journey]
    cleanup: Callable[[], None]
    seconds: list[float] = field(default_factory=list)
    isolation: list[float] = field(default_factory=list)
    phases: list[dict[str, float]] = field(default_factory=list)

    def once(self, reset: Callable[[], Any], record: bool) -> None:
        """One journey from a clean community; recorded unless it is a warm-up."""
        reset()
        started = time.perf_counter()
        journey = self.prepare()
        ready = time.perf_counter()
        clock = PhaseClock()
        journey(clock)
        done = time.perf_counter()
        self.cleanup()
        if record:
            self.seconds.append(done - ready)
            self.isolation.append((ready - started) + (time.perf_counter() - done))
            self.phases.append(clock.durations())

    def summary(self) -> dict[str, Any]:
        """Median journey, median isolation, median of each phase, every sample."""
        return {
            "median_s": statistics.median(self.seconds),
            "isolation_median_s": statistics.median(self.isolation),
            "phases_median_s": {p: statistics.median(r.get(p, 0.0) for r in self.phases) for p in PHASES},
            "samples_s": [round(s, 4) for s in self.seconds],
        }


def raw_driver(binary: str) -> webdriver.Chrome:
    """A plain Selenium Chrome session on the same binary and flags (no BiDi, no camera, no pool)."""
    options = webdriver.ChromeOptions()
    options.binary_location = binary
    for flag in CHROMIUM_FLAGS:
        if not flag.startswith("--headless"):  # the headless shell is headless by itself
            options.add_argument(flag)
    options.add_argument(f"--window-size={DESKTOP_SIZE[0]},{DESKTOP_SIZE[1]}")
    return webdriver.Chrome(options=options, service=Service(find_chromedriver()))


class PlainPool:
    """Stands in for SessionPool with one plain driver: the page objects without the suite's browser set-up."""

    def __init__(self, driver: Any) -> None:
        self.session = Session(kind=DESKTOP, driver=driver)

    def acquire(self, kind: str = DESKTOP, label: str = "") -> Session:
        """The one session, whatever is asked."""
        return self.session

    def release_all(self) -> None:
        """Clean it as the suite cleans its sessions."""
        self.session.clean()


@dataclass
class Bench:
    """What every way shares: the app, its reset, the guard's login, the framework's pool."""

    target: Any
    credentials: dict[str, Any]
    base_url: str
    reset: Callable[[], Any]
    pool: SessionPool
    binary: str = ""

    @classmethod
    def start(cls, target: Any, credentials: dict[str, Any], base_url: str, reset: Callable[[], Any]) -> Bench:
        """Start the framework's pool as the suite does (BiDi, one browser, fake camera)."""
        settings = BrowserSettings(headless=True)
        pool = SessionPool(settings)
        pool.start()
        return cls(target, credentials, base_url, reset, pool, find_chromium(settings))

    def cast(self, pool: Any = None) -> Cast:
        """A fresh cast, as before_scenario makes one."""
        return Cast(
            personas=dict(self.target.personas),
            credentials=self.credentials,
            pool=pool or self.pool,
            base_url=self.base_url,
            timeout=10,
            api=PlatformApi(self.base_url),
        )

    def login(self) -> tuple[str, str, str]:
        """The guard's username, password and shown name."""
        creds = self.credentials["guard"]
        return creds.username, creds.password, self.target.personas["guard"].name

    def framework(self, clicks: str = "script") -> Way:
        """(a) prodready's actors and page objects, clicking as the suite does on the reference app
        (in the page); clicks="native": through WebDriver's input, as on a live target."""
        name = "framework" if clicks == "script" else "framework, native clicks"
        return Way(name, lambda: self._framework_journey(self.cast(), clicks), self.pool.release_all)

    def framework_on(self, driver: Any) -> Way:
        """(a') diagnostic: the same page objects on raw Selenium's plain driver (no BiDi, no console log)."""
        pool = PlainPool(driver)
        return Way("framework, plain driver", lambda: self._framework_journey(self.cast(pool)), pool.release_all)

    @staticmethod
    def _framework_journey(cast: Cast, clicks: str = "script") -> Journey:
        """The framework's journey for one cast."""
        BasePage.script_clicks = clicks == "script"
        return lambda mark: through_framework(cast, mark)

    def raw(self, driver: Any) -> Way:
        """(b) raw Selenium on its own plain driver."""
        user, password, name = self.login()
        return Way(
            "raw Selenium",
            lambda: lambda mark: raw_selenium(driver, self.base_url, user, password, name, mark),
            lambda: clean_raw(driver),
        )

    def playwright(self, browser: PlaywrightBrowser) -> Way:
        """(c) Playwright, a new context per journey."""
        user, password, name = self.login()

        def prepare() -> Journey:
            page = browser.new_page()
            return lambda mark: with_playwright(page, self.base_url, user, password, name, mark)

        return Way("Playwright", prepare, browser.close_context)


def interleave(
    ways: list[Way], reset: Callable[[], Any], rounds: int, warmup: int = 1, say: Callable[[str], None] = print
) -> None:
    """`warmup` unrecorded rounds, then `rounds` recorded ones; each round runs every way once."""
    for n in range(warmup + rounds):
        shift = n % len(ways)
        for way in ways[shift:] + ways[:shift]:
            way.once(reset, record=n >= warmup)
        if n >= warmup:
            say(f"  round {n - warmup + 1}/{rounds}: " + ", ".join(f"{w.name} {w.seconds[-1]:.2f} s" for w in ways))

"""Where a Selenium journey's time goes: WebDriver round trips per phase, polling sleeps, a cProfile.

A `CommandTrace` wraps one WebDriver's `execute` (every command of the driver and its elements
passes there) and WebDriverWait's sleeps; it is attached only for the profiling rounds, never
for the timed ones.
"""

from __future__ import annotations

import cProfile
import pstats
import statistics
import time
from collections import Counter, defaultdict
from collections.abc import Callable
from typing import Any

from selenium.webdriver.support import wait as wait_module

from .compare import Way
from .cpu import TreeSampler, own_seconds
from .journey import PHASES, no_mark

# Selenium sends its atoms as scripts; name them by their leading comment ("/* isDisplayed */").
ATOM_PREFIX = "/* "


def _command_name(command: str, params: dict[str, Any] | None) -> str:
    """The command, with the atom's name for scripts that are Selenium's own atoms."""
    script = (params or {}).get("script", "")
    if command == "w3cExecuteScript" and isinstance(script, str) and script.startswith(ATOM_PREFIX):
        return "atom:" + script[len(ATOM_PREFIX) :].split(" ", 1)[0]
    return command


class _SleepCounter:
    """Stands in for the time module inside selenium's wait.py: counts and times the polling sleeps."""

    def __init__(self, trace: CommandTrace) -> None:
        self._trace = trace

    def sleep(self, seconds: float) -> None:
        started = time.perf_counter()
        time.sleep(seconds)
        self._trace.sleeps[self._trace.phase] += 1
        self._trace.sleep_s[self._trace.phase] += time.perf_counter() - started

    def __getattr__(self, name: str) -> Any:
        return getattr(time, name)


class CommandTrace:
    """Counts and times every WebDriver command (and every WebDriverWait sleep) per phase."""

    def __init__(self, driver: Any) -> None:
        self.driver, self.phase = driver, "setup"
        self.commands: dict[str, Counter[str]] = defaultdict(Counter)
        self.command_s: dict[str, float] = defaultdict(float)
        self.by_command_s: dict[str, float] = defaultdict(float)
        self.sleeps: Counter[str] = Counter()
        self.sleep_s: dict[str, float] = defaultdict(float)
        self.wall_s: dict[str, float] = defaultdict(float)
        self._since = time.perf_counter()
        original = driver.execute

        def execute(command: Any, params: dict[str, Any] | None = None) -> Any:
            started = time.perf_counter()
            try:
                return original(command, params)
            finally:
                name, spent = _command_name(str(command), params), time.perf_counter() - started
                self.commands[self.phase][name] += 1
                self.command_s[self.phase] += spent
                if self.phase in PHASES:
                    self.by_command_s[name] += spent

        driver.execute = execute
        wait_module.time = _SleepCounter(self)  # type: ignore[assignment]

    def mark(self, phase: str) -> None:
        """Start counting for `phase`."""
        now = time.perf_counter()
        self.wall_s[self.phase] += now - self._since
        self.phase, self._since = phase, now

    def detach(self) -> None:
        """Give the driver and WebDriverWait their own functions back."""
        del self.driver.execute
        wait_module.time = time  # type: ignore[assignment]

    def table(self, journeys: int) -> dict[str, dict[str, Any]]:
        """Per phase and per journey: wall ms, round trips, ms inside WebDriver, sleeps, ms asleep, top commands."""
        out = {}
        for phase in PHASES:
            count = sum(self.commands[phase].values())
            out[phase] = {
                "wall_ms": 1000 * self.wall_s[phase] / journeys,
                "round_trips": count / journeys,
                "webdriver_ms": 1000 * self.command_s[phase] / journeys,
                "sleeps": self.sleeps[phase] / journeys,
                "asleep_ms": 1000 * self.sleep_s[phase] / journeys,
                "commands": {k: v / journeys for k, v in self.commands[phase].most_common()},
            }
        calls: Counter[str] = Counter()
        for phase in PHASES:
            calls.update(self.commands[phase])
        out["by_command"] = {
            k: {"calls": calls[k] / journeys, "ms": 1000 * v / journeys}
            for k, v in sorted(self.by_command_s.items(), key=lambda kv: -kv[1])
        }
        return out


def traced(driver: Any, way: Way, reset: Callable[[], Any], journeys: int) -> dict[str, dict[str, Any]]:
    """Run a way's journey `journeys` times with its driver traced; the per-phase table."""
    trace = CommandTrace(driver)
    try:
        for _ in range(journeys):
            reset()
            journey = way.prepare()
            trace.mark("setup")
            journey(trace.mark)
            trace.mark("teardown")
            way.cleanup()
    finally:
        trace.detach()
    return trace.table(journeys)


def profiled(
    way: Way, reset: Callable[[], Any], journeys: int, keep: tuple[str, ...] = ("/pages/", "/prodready/"), top: int = 12
) -> list[dict[str, Any]]:
    """cProfile of a way's journey repeated: the suite's own functions by cumulative time per journey."""
    profile = cProfile.Profile()
    for _ in range(journeys):
        reset()
        profile.runcall(way.prepare(), no_mark)
        way.cleanup()
    stats = pstats.Stats(profile)
    rows = []
    for (filename, line, name), (_cc, calls, _tt, cumulative, _callers) in stats.stats.items():  # type: ignore[attr-defined]
        if any(part in filename for part in keep):
            where = filename.split("/main/", 1)[-1]
            rows.append(
                {
                    "function": f"{where}:{line} {name}",
                    "calls": calls / journeys,
                    "cumulative_ms": 1000 * cumulative / journeys,
                }
            )
    rows.sort(key=lambda r: -r["cumulative_ms"])
    return rows[:top]


def latency(bidi_driver: Any, plain_driver: Any, url: str, times: int = 10) -> dict[str, float]:
    """Median ms of one `get` and one `find_element`, in the suite's BiDi browser and in a plain one."""
    from selenium.webdriver.common.by import By

    out: dict[str, float] = {}
    for label, driver in (("bidi", bidi_driver), ("plain", plain_driver)):
        gets, finds = [], []
        for _ in range(times):
            started = time.perf_counter()
            driver.get(url)
            gets.append(time.perf_counter() - started)
            started = time.perf_counter()
            driver.find_element(By.TAG_NAME, "body")
            finds.append(time.perf_counter() - started)
        out[f"{label}_get"] = 1000 * statistics.median(gets)
        out[f"{label}_find"] = 1000 * statistics.median(finds)
    return out


def cpu_per_journey(way: Way, reset: Callable[[], Any], journeys: int) -> dict[str, float]:
    """CPU-seconds per journey (with its reset and clean-up): the browsers' processes by kind, and this
    process (the Selenium or Playwright client and the embedded app's threads). Other browsers sit idle."""
    sampler = TreeSampler(interval=0.1).start()
    own = own_seconds()
    for _ in range(journeys):
        reset()
        way.prepare()(no_mark)
        way.cleanup()
    by_kind = sampler.stop()
    by_kind["client+app"] = own_seconds() - own
    return {kind: round(seconds / journeys, 3) for kind, seconds in sorted(by_kind.items(), key=lambda kv: -kv[1])}

"""The behave hooks' work, as behave fixtures: the target and the browser for the run, a clean
community and cast for each scenario, evidence of each failure.

environment.py stays thin and delegates here; prodready.run.behave_runner has already checked
the run and put it on the context (`context.run`).
"""

from __future__ import annotations

import threading
import zlib
from collections.abc import Iterator
from concurrent.futures import Future, ThreadPoolExecutor, wait
from typing import Any

from behave import fixture, use_fixture
from faker import Faker

from pages.base import BasePage
from prodready.browser.actors import Cast
from prodready.browser.drivers import (
    BrowserSettings,
    BrowserUnavailable,
    browser_version,
)
from prodready.browser.evidence import capture
from prodready.browser.sessions import SessionPool
from prodready.core import tags
from prodready.core.artifacts import evidence_folder
from prodready.core.config import mask_url
from prodready.core.credentials import resolve_test_api_token
from prodready.run.prepare import Run, say
from prodready.scenario.testdata import ScenarioData
from prodready.target.api import PlatformApi
from prodready.target.testonly import NoTestOnlyApi, TestOnlyApi

NO_RUNNER = (
    "prodready's hooks need prodready's behave runner: run `make acceptance`, or behave with "
    "`runner = prodready.run.behave_runner:Runner` in behave.ini (or -r prodready.run.behave_runner:Runner)"
)


class Watchdog:
    """A scenario's bound: past it, `expire` runs (the browser is stopped, so the hung command fails at
    once and the run goes on)."""

    def __init__(self, seconds: float, expire: Any) -> None:
        self.fired = False
        self._expire = expire
        self._timer = threading.Timer(seconds, self._fire)
        self._timer.daemon = True
        self._timer.start()

    def _fire(self) -> None:
        self.fired = True
        self._expire()

    def stop(self) -> None:
        """The scenario ended in time (or its end is being handled)."""
        self._timer.cancel()


@fixture
def the_target(context: Any) -> Iterator[Run]:
    """The embedded reference app (stopped at the end), or the configured base URL; the platform's API."""
    run: Run = context.run
    token = resolve_test_api_token(run.target)
    if run.target.embedded:
        from prodready.target.embedded import start

        run.app = start(run.target, run.credentials, token)
        run.base_url = run.app.base_url
        how = "with its test-only API" if token else "configured like a live deployment (no test-only API)"
        say(f"reference app serving at {run.base_url} (fresh database, {how})")
    else:
        run.base_url = run.target.base_url or ""
        run.platform_commit = platform_commit(run.target)
        if run.platform_commit:
            say(f"platform at {run.base_url}, commit {run.platform_commit}")
    run.api = PlatformApi(run.base_url)
    run.test_api = TestOnlyApi(run.base_url, token) if token else None
    yield run
    if run.app is not None:
        run.app.stop()


def platform_commit(target: Any) -> str:
    """The commit of the platform a live-like target runs (PLATFORM_COMMIT, from the environment or the
    target's env file, which `make platform-up` writes); empty when nobody said."""
    import os

    return os.environ.get("PLATFORM_COMMIT") or target.env_values.get("PLATFORM_COMMIT", "")


CAMERA_WORDS = {"file": "camera: Chromium's fake device", "script": "camera: a script's canvas stream"}


def new_pool(run: Run) -> SessionPool:
    """The run's browser pool, not started yet."""
    s = run.settings
    return SessionPool(
        BrowserSettings(
            browser=s.browser,
            headless=s.headless,
            remote_url=s.remote_url,
            headless_shell=s.headless_shell,
            camera=s.camera,
            timezone=run.target.timezone,
        ),
        isolation=s.isolation,
    )


@fixture
def the_browser(context: Any, starting: Future) -> Iterator[SessionPool]:
    """One browser for the run (a context per person inside it), quit at the end; `starting` is
    the pool's start, begun while the target started."""
    run: Run = context.run
    assert run.pool is not None
    try:
        driver = starting.result()
    except BrowserUnavailable as exc:
        raise AssertionError(str(exc)) from None
    run.browser = browser_version(driver)
    s = run.settings
    BasePage.script_clicks = (s.clicks if s.clicks != "auto" else run.target.clicks) == "script"
    clicks = "clicks sent in the page" if BasePage.script_clicks else "WebDriver's native clicks"
    mode = "headless" if s.headless else "headed"
    run.camera_ok = run.pool.camera_available()
    camera = (
        CAMERA_WORDS.get(run.pool.camera_kind, "")
        if run.camera_ok
        else f"no camera can be given to this browser: scenarios tagged @{tags.CAMERA} are skipped, each named"
    )
    where = f" at {mask_url(s.remote_url)}" if s.remote_url else ""
    say(f"{run.browser}{where}, {mode}, one isolated {run.pool.mode[:-1]} per person, {clicks}, {camera}")
    yield run.pool
    run.pool.quit()


def before_all(context: Any) -> None:
    """Start the target and the browser (nothing when no scenario is selected).

    The browser starts in a thread while the reference app is imported and started (about 0.3 s
    each, side by side); a target that fails to start still has the browser quit.
    """
    run: Run | None = getattr(context, "run", None)
    if run is None:
        raise AssertionError(NO_RUNNER)
    if not run.selected:
        say("no scenario matches the selection (check -t / -n / the feature paths)")
        return
    run.pool = new_pool(run)
    with ThreadPoolExecutor(1, thread_name_prefix="browser-start") as background:
        starting = background.submit(run.pool.start)
        try:
            use_fixture(the_target, context)
        except BaseException:
            wait([starting])
            run.pool.quit()
            raise
    use_fixture(the_browser, context, starting)


def before_scenario(context: Any, scenario: Any) -> None:
    """A clean community (where the target allows) and a fresh cast; faker seeded for replay."""
    run: Run = context.run
    if run.pool is None or run.api is None:  # the_target and the_browser (before_all) set them
        raise AssertionError("before_all did not start the target and the browser: no scenario can run")
    if tags.CAMERA in scenario.effective_tags and not run.camera_ok:
        say(f"skipped {scenario.location} {scenario.name}: it needs a camera this browser cannot be given")
        scenario.skip(f"needs a camera (@{tags.CAMERA}): this browser cannot be given one")
        return
    if run.test_api is not None:
        run.test_api.reset()
    context.cast = Cast(
        personas=dict(run.target.personas),
        credentials=run.credentials,
        pool=run.pool,
        base_url=run.base_url,
        timeout=run.settings.timeout or run.target.wait_seconds,
        api=run.api,
        api_sessions=run.api_sessions,
    )
    context.test_api = run.test_api if run.test_api is not None else NoTestOnlyApi()
    context.data = ScenarioData(run.run_id)
    context.target = run.target
    # One Faker per run (building one costs more than a reset), seeded afresh for each scenario: the
    # same seed and scenario give the same data whatever ran before it.
    if run.faker is None:
        run.faker = Faker()
    run.faker.unique.clear()
    run.faker.seed_instance(run.seed ^ zlib.crc32(scenario.name.encode()))
    context.faker = run.faker
    context.notes = {}
    context.watchdog = Watchdog(run.settings.scenario_timeout, run.pool.abort)


def after_scenario(context: Any, scenario: Any) -> None:
    """Evidence of every person's browser when the scenario failed; then clean the sessions."""
    run: Run = context.run
    cast = getattr(context, "cast", None)
    watchdog: Watchdog | None = getattr(context, "watchdog", None)
    if watchdog is not None:
        watchdog.stop()
    if cast is None or run.pool is None:
        return
    if watchdog is not None and watchdog.fired:
        say(
            f"{scenario.name}: ran over its bound of {run.settings.scenario_timeout:g} s (-D scenario_timeout): "
            "its browser was stopped; the next scenario starts a fresh one"
        )
        return
    if scenario.status.name in ("failed", "error") or getattr(scenario, "hook_failed", False):
        folder = evidence_folder(run.reports, scenario.name)
        capture(folder, cast.actors.values(), run.pool)
        run.artifacts[scenario.name] = str(folder)
        say(f"evidence of the failure in {folder}")
        if any(person.session.broken for person in cast.actors.values()):
            say(
                "a browser did not answer while its evidence was taken: it was stopped, the next scenario starts afresh"
            )
            run.pool.abort()
            return
    run.pool.release_all()

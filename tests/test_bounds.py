"""A run always ends: a scenario past its bound stops its browser, evidence has a bound, every WebDriver
command has one, and test browsers register no service worker (pages went blank on the platform)."""

from __future__ import annotations

import http.server
import threading
import time
from pathlib import Path
from types import SimpleNamespace

import pytest
from selenium.common.exceptions import WebDriverException

from prodready.browser import drivers
from prodready.browser.drivers import BrowserSettings
from prodready.browser.evidence import capture
from prodready.browser.sessions import SessionPool
from prodready.browser.window import Session
from prodready.run.hooks import Watchdog
from tests.conftest import serve

RELEASE = threading.Event()


class _Pages(http.server.BaseHTTPRequestHandler):
    def do_GET(self):
        if self.path == "/hang":  # a page that never comes: the scenario's command waits
            RELEASE.wait(30)
            return
        if self.path == "/sw.js":
            body, kind = b"self.addEventListener('fetch', () => {});", "text/javascript"
        else:
            body = (
                b"<html><body><p id=sw>pending</p><script>"
                b"document.getElementById('sw').textContent = navigator.serviceWorker ? 'offered' : 'blocked';"
                b"if (navigator.serviceWorker) navigator.serviceWorker.register('/sw.js');"
                b"</script></body></html>"
            )
            kind = "text/html"
        self.send_response(200)
        self.send_header("Content-Type", kind)
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


@pytest.fixture(scope="module")
def site():
    with serve(_Pages) as url:
        yield url
    RELEASE.set()


def test_every_webdriver_command_has_a_bound():
    assert 0 < drivers.COMMAND_SECONDS <= 120 and 0 < drivers.PAGE_LOAD_SECONDS <= 120
    pool = SessionPool(BrowserSettings())
    try:
        driver = pool.start()
        assert driver.command_executor.client_config.timeout == drivers.COMMAND_SECONDS
        assert driver.timeouts.page_load == drivers.PAGE_LOAD_SECONDS
        assert driver.timeouts.script == drivers.SCRIPT_SECONDS
    finally:
        pool.quit()


@pytest.mark.parametrize("isolation", ["contexts", "sessions"])
def test_test_browsers_register_no_service_worker(site, isolation):
    pool = SessionPool(BrowserSettings(), isolation=isolation)
    try:
        session = pool.acquire("desktop")
        session.driver.get(site + "/")
        assert session.driver.find_element("id", "sw").text == "blocked"
    finally:
        pool.quit()


def test_a_scenario_past_its_bound_has_its_browser_stopped_and_the_next_starts_a_fresh_one(site):
    pool = SessionPool(BrowserSettings())
    try:
        session = pool.acquire("desktop")
        session.driver.get(site + "/")
        dog = Watchdog(2, pool.abort)
        started = time.monotonic()
        with pytest.raises(Exception):  # noqa: B017 - whichever error the killed browser gives
            session.driver.get(site + "/hang")
        assert dog.fired and time.monotonic() - started < 15
        dog.stop()
        fresh = pool.acquire("desktop")  # a new browser, working
        fresh.driver.get(site + "/")
        assert fresh.driver.find_element("id", "sw").text == "blocked"
    finally:
        pool.quit()


def test_a_watchdog_stopped_in_time_never_fires():
    fired = []
    dog = Watchdog(0.2, lambda: fired.append(True))
    dog.stop()
    time.sleep(0.4)  # noqa: TID251 - a test of a timer: nothing to wait for but time itself
    assert not fired and not dog.fired


class _HungDriver:
    """A browser that answers where it is, then never returns a screenshot."""

    current_url = "http://127.0.0.1/stuck"

    def execute_script(self, *args):
        return None

    def save_screenshot(self, path):
        RELEASE.wait(30)
        raise WebDriverException("too late")


def test_evidence_of_a_hung_browser_is_bounded_and_its_session_thrown_away(tmp_path: Path):
    session = Session(kind="desktop", driver=_HungDriver())
    actor = SimpleNamespace(label="guard", name="A Guard", session=session)
    pool = SimpleNamespace(console_of=lambda s: [])
    started = time.monotonic()
    summary = capture(tmp_path / "scenario", [actor], pool, seconds=1)  # type: ignore[arg-type]
    assert time.monotonic() - started < 5
    assert summary[0]["url"] == "http://127.0.0.1/stuck"
    assert "did not answer within 1 s" in summary[0]["error"]
    assert session.broken
    assert (tmp_path / "scenario" / "guard" / "url.txt").read_text().strip() == "http://127.0.0.1/stuck"


def test_a_worker_past_its_deadline_is_stopped_with_what_it_started():
    import subprocess
    import sys

    from prodready.browser.processes import descendants
    from prodready.run.workers import scenario_bound, wait_bounded, worker_deadline

    assert worker_deadline(10) > 10 * 60  # each scenario's own bound, and a margin
    assert scenario_bound(["-D", "target=platform", "-D", "scenario_timeout=90"]) == 90
    assert scenario_bound(["-Dscenario_timeout=45"]) == 45 and scenario_bound([]) == 300
    code = "import subprocess, time; subprocess.Popen(['sleep', '60']); time.sleep(60)"
    proc = subprocess.Popen([sys.executable, "-c", code])
    time.sleep(0.5)  # noqa: TID251 - let it start its child
    children = descendants(proc.pid)
    started = time.monotonic()
    assert wait_bounded(proc, time.monotonic() + 0.5, "worker 1") == 1
    assert time.monotonic() - started < 5
    assert children
    for pid in children:  # gone (or a zombie waiting to be reaped, or its number already reused)
        try:
            state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
            cmdline = Path(f"/proc/{pid}/cmdline").read_bytes()
        except OSError:
            continue
        assert state == "Z" or cmdline != b"sleep\x0060\x00", f"process {pid} still runs"

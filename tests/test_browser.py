"""The browser factory: driver resolution, options, and isolated per-actor sessions."""

from __future__ import annotations

import html
import http.server
import threading

import pytest

from prodready.browser import drivers as browser
from prodready.browser.drivers import (
    BrowserSettings,
    BrowserUnavailable,
    chromium_options,
    find_chromedriver,
    find_chromium,
)
from prodready.browser.sessions import SessionPool
from tests.conftest import serve


def test_explicit_driver_path_wins(tmp_path, monkeypatch):
    fake = tmp_path / "chromedriver"
    fake.write_text("#!/bin/sh\n")
    fake.chmod(0o755)
    monkeypatch.setenv("CHROMEDRIVER_PATH", str(fake))
    assert find_chromedriver() == str(fake)


def test_explicit_driver_path_that_is_not_executable_is_named(tmp_path, monkeypatch):
    monkeypatch.setenv("CHROMEDRIVER_PATH", str(tmp_path / "missing"))
    with pytest.raises(BrowserUnavailable, match="CHROMEDRIVER_PATH=.*missing is not an executable"):
        find_chromedriver()


def test_no_driver_anywhere_says_how_to_install(monkeypatch):
    monkeypatch.delenv("CHROMEDRIVER_PATH", raising=False)
    monkeypatch.delenv("PRODREADY_WEBDRIVER_MANAGER", raising=False)
    monkeypatch.setattr(browser, "CHROMEDRIVERS", ("/nonexistent/chromedriver",))
    monkeypatch.setenv("PATH", "/nonexistent")
    with pytest.raises(BrowserUnavailable, match="apt-get install -y chromium chromium-headless-shell chromium-driver"):
        find_chromedriver()


def test_webdriver_manager_is_opt_in_and_its_failure_is_explained(monkeypatch):
    import webdriver_manager.chrome

    monkeypatch.delenv("CHROMEDRIVER_PATH", raising=False)
    monkeypatch.setattr(browser, "CHROMEDRIVERS", ())
    monkeypatch.setenv("PATH", "/nonexistent")
    monkeypatch.setenv("PRODREADY_WEBDRIVER_MANAGER", "1")

    def offline(self):
        raise ConnectionError("no internet")

    monkeypatch.setattr(webdriver_manager.chrome.ChromeDriverManager, "install", offline)
    with pytest.raises(BrowserUnavailable, match="webdriver-manager could not fetch a driver"):
        find_chromedriver()


def test_chromium_binary_resolution(tmp_path, monkeypatch):
    monkeypatch.setenv("CHROME_BIN", str(tmp_path / "nope"))
    with pytest.raises(BrowserUnavailable, match="CHROME_BIN"):
        find_chromium()
    monkeypatch.delenv("CHROME_BIN")
    monkeypatch.setattr(browser, "CHROMIUM_BINARIES", ("/nonexistent/chromium",))
    monkeypatch.setattr(browser, "HEADLESS_SHELLS", ("/nonexistent/chromium-headless-shell",))
    with pytest.raises(BrowserUnavailable, match="Chromium not found"):
        find_chromium()


def test_headless_runs_use_the_headless_shell_and_headed_runs_full_chromium(tmp_path, monkeypatch):
    shell, full = tmp_path / "chromium-headless-shell", tmp_path / "chromium"
    for program in (shell, full):
        program.write_text("#!/bin/sh\n")
        program.chmod(0o755)
    monkeypatch.delenv("CHROME_BIN", raising=False)
    monkeypatch.setattr(browser, "HEADLESS_SHELLS", (str(shell),))
    monkeypatch.setattr(browser, "CHROMIUM_BINARIES", (str(full),))
    assert find_chromium(BrowserSettings(headless=True)) == str(shell)
    assert find_chromium(BrowserSettings(headless=False)) == str(full)
    assert find_chromium(BrowserSettings(headless=True, headless_shell="off")) == str(full)
    options = chromium_options(BrowserSettings(headless=True))
    assert options.binary_location == str(shell) and "--headless=new" not in options.arguments  # headless by itself
    assert "--headless=new" in chromium_options(BrowserSettings(headless=True, headless_shell="off")).arguments
    monkeypatch.setattr(browser, "HEADLESS_SHELLS", ("/nonexistent",))
    with pytest.raises(BrowserUnavailable, match="chromium-headless-shell is not installed"):
        find_chromium(BrowserSettings(headless=True, headless_shell="on"))


def test_options_keep_chromium_quiet_on_a_closed_network():
    options = chromium_options(BrowserSettings(), local=False)
    for flag in ("--headless=new", "--no-sandbox", "--disable-background-networking", "--disable-component-update"):
        assert flag in options.arguments
    assert "--headless=new" not in chromium_options(BrowserSettings(headless=False), local=False).arguments
    phone = chromium_options(BrowserSettings(), phone=True, local=False)
    assert phone.experimental_options["mobileEmulation"]["deviceMetrics"]["width"] == browser.PHONE["width"]


class _Page(http.server.BaseHTTPRequestHandler):
    def do_GET(self):
        if self.path == "/favicon.ico":
            self.send_response(404)
            self.end_headers()
            return
        body = (
            b"<html><body><p id=w></p><script>document.getElementById('w').textContent = innerWidth;"
            b"console.error('page says hello')</script><pre id=sent>"
            + html.escape(self.headers.get("Cookie") or "").encode()
            + b"</pre></body></html>"
        )
        self.send_response(200)
        self.send_header("Content-Type", "text/html")
        self.send_header("Set-Cookie", "who=" + self.path.strip("/"))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


@pytest.fixture(scope="module")
def site():
    with serve(_Page) as url:
        yield url


@pytest.fixture(scope="module")
def pool():
    pool = SessionPool(BrowserSettings())
    pool.start()
    yield pool
    pool.quit()


def test_one_browser_gives_each_person_an_isolated_session(pool, site):
    assert pool.mode == "contexts"
    guard, admin, phone = pool.acquire("desktop"), pool.acquire("desktop"), pool.acquire("phone")
    guard.driver.get(site + "/guard")
    admin.driver.get(site + "/admin")
    phone.driver.get(site + "/phone")
    assert guard.driver.get_cookie("who")["value"] == "guard"
    assert admin.driver.get_cookie("who")["value"] == "admin"
    assert int(phone.driver.find_element("id", "w").text) == browser.PHONE["width"]
    assert int(guard.driver.find_element("id", "w").text) > 1000
    assert any("page says hello" in e.text for e in pool.console_of(guard))
    assert implicit_wait(guard.driver) == 0
    pool.release_all()


def test_released_sessions_come_back_clean(pool, site):
    session = pool.acquire("desktop")
    session.driver.get(site + "/someone")
    pool.release_all()
    again = pool.acquire("desktop")
    assert again is session
    # Its cookies and storage are gone; no blank page is loaded (the next scenario's first page replaces it).
    assert again.driver.get_cookies() == [] and again.console == []
    assert again.driver.execute_script("return localStorage.length + sessionStorage.length") == 0
    again.driver.get(site + "/x")
    assert again.driver.get_cookies()[0]["value"] == "x"  # only the new cookie, the old one is gone
    pool.release_all()


def test_a_session_is_cleaned_in_the_background_and_one_that_cannot_be_is_replaced(pool, site, monkeypatch):
    from selenium.common.exceptions import WebDriverException

    from prodready.browser.window import Session

    session = pool.acquire("desktop")
    session.driver.get(site + "/someone")
    pool.release_all()
    assert session.cleaning is not None  # handed to the cleaner: the next scenario starts meanwhile
    assert pool.acquire("desktop") is session and session.cleaning is None
    assert session.driver.get_cookies() == []

    def broken(self):
        raise WebDriverException("the tab crashed")

    monkeypatch.setattr(Session, "clean", broken)
    pool.release_all()
    fresh = pool.acquire("desktop")
    assert fresh is not session and session not in pool._sessions
    monkeypatch.undo()
    pool.release_all()


def stored_token(session) -> str | None:
    """The token the page finds in localStorage."""
    return session.driver.execute_script("return localStorage.getItem('dgdp_auth_token')")


def cookies_sent(session) -> str:
    """The Cookie header the test page received with its request."""
    return session.driver.find_element("id", "sent").text


def test_a_token_planted_before_the_first_page_is_there_once_and_gone_with_the_session(pool, site):
    session = pool.acquire("desktop")
    if not session.plant_storage(site, "dgdp_auth_token", "tok-1"):
        pytest.skip("no BiDi user contexts with this browser")
    session.driver.get(site + "/first")
    assert stored_token(session) == "tok-1"
    # The cookie of the same name went with the very first request (the reference app's server reads it).
    assert "dgdp_auth_token=tok-1" in cookies_sent(session)
    session.driver.execute_script("localStorage.removeItem('dgdp_auth_token')")  # the platform's logout
    session.driver.get(site + "/second")
    assert stored_token(session) is None  # not planted twice
    pool.release_all()
    again = pool.acquire("desktop")
    again.driver.get(site + "/third")
    assert stored_token(again) is None  # the next person's
    assert "dgdp_auth_token" not in cookies_sent(again)
    pool.release_all()


def test_the_next_persons_token_wins_over_what_a_late_page_of_the_last_one_left(pool, site):
    # A page of the last person that loads while their scenario is cleaned runs their planting again:
    # their token and their planting's flag are back. The next person's planting still puts theirs.
    first = pool.acquire("desktop")
    if not first.plant_storage(site, "dgdp_auth_token", "admin-token"):
        pytest.skip("no BiDi user contexts with this browser")
    first.driver.get(site + "/admin")
    left = first.driver.execute_script("return JSON.stringify(Object.assign({}, sessionStorage))")
    pool.release_all()
    again = pool.acquire("desktop")
    assert again is first
    again.driver.execute_script(
        "localStorage.setItem('dgdp_auth_token', 'admin-token');"
        "for (const [k, v] of Object.entries(JSON.parse(arguments[0]))) sessionStorage.setItem(k, v);",
        left,
    )
    again.plant_storage(site, "dgdp_auth_token", "guard-token")
    again.driver.get(site + "/guard")
    assert stored_token(again) == "guard-token"
    assert "dgdp_auth_token=guard-token" in cookies_sent(again)
    pool.release_all()


def implicit_wait(driver) -> float:
    return driver.timeouts.implicit_wait


@pytest.fixture
def remote_end():
    """chromedriver serving the W3C protocol on its own port: a stand-in for a Selenium Grid."""
    import socket
    import subprocess
    import time

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    proc = subprocess.Popen(
        [find_chromedriver(), f"--port={port}"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        with socket.socket() as probe:
            if probe.connect_ex(("127.0.0.1", port)) == 0:
                break
        time.sleep(0.05)  # waiting for a process we started to listen, not for a page
    yield url
    proc.terminate()
    proc.wait(timeout=10)


def test_a_remote_end_gets_the_same_isolated_people(remote_end, site, monkeypatch):
    options_binary = find_chromium()
    real = browser.chromium_options

    def with_binary(settings, *, phone=False, local=True):
        options = real(settings, phone=phone, local=local)
        options.binary_location = options_binary  # a Grid node knows its browser; chromedriver needs telling
        return options

    monkeypatch.setattr(browser, "chromium_options", with_binary)
    pool = SessionPool(BrowserSettings(remote_url=remote_end))
    try:
        pool.start()
        guard, admin = pool.acquire("desktop"), pool.acquire("desktop")
        guard.driver.get(site + "/guard")
        admin.driver.get(site + "/admin")
        assert pool.mode == "contexts"
        assert (guard.driver.get_cookie("who")["value"], admin.driver.get_cookie("who")["value"]) == ("guard", "admin")
    finally:
        pool.quit()


def test_quitting_ends_the_session_and_chromedriver_without_waiting_for_selenium_s_websocket():
    import time

    from prodready.browser.sessions import _quit

    release = threading.Event()
    calls = []

    class Service:
        def stop(self):
            calls.append("chromedriver stopped")

    class StuckDriver:
        service = Service()

        def execute(self, command):
            calls.append(command)

        def quit(self):  # Selenium's quit, stuck joining its websocket reader (measured: 10 s)
            release.wait(30)
            calls.append("quit returned")

    started = time.perf_counter()
    _quit(StuckDriver())
    assert time.perf_counter() - started < 1
    assert calls == ["quit", "chromedriver stopped"]
    release.set()


class _Cached(http.server.BaseHTTPRequestHandler):
    """A page (never cached) whose script may be cached for an hour; counts the script's fetches."""

    fetched = 0

    def do_GET(self):
        if self.path.startswith("/asset.js"):
            type(self).fetched += 1
            body, kind, cache = f"window.asset = {type(self).fetched};".encode(), "text/javascript", "max-age=3600"
        else:
            body, kind, cache = b"<html><body><script src=/asset.js></script></body></html>", "text/html", "no-store"
        self.send_response(200)
        self.send_header("Content-Type", kind)
        self.send_header("Cache-Control", cache)
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


@pytest.mark.parametrize("isolation", ["contexts", "sessions"])
def test_people_never_share_an_http_cache(isolation):
    pool = SessionPool(BrowserSettings(), isolation=isolation)
    _Cached.fetched = 0
    try:
        with serve(_Cached) as site:
            guard = pool.acquire("desktop", label="guard")
            guard.driver.get(site + "/")
            guard.driver.get(site + "/again")
            assert _Cached.fetched == 1  # the guard's second page used the guard's cache
            pool.release_all()
            admin = pool.acquire("desktop", label="admin")
            assert admin is guard  # the same browser context, handed to someone else …
            admin.driver.get(site + "/")
            assert _Cached.fetched == 2  # … never serves the admin what the guard's pages cached
            pool.release_all()
            again = pool.acquire("desktop", label="admin")
            again.driver.get(site + "/")
            assert _Cached.fetched == 2  # a person's own cache is kept, as in their own browser
    finally:
        pool.quit()

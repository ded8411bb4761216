"""Home pages: the guard's home with its cards, and every other role's dashboard."""
from __future__ import annotations

from selenium.webdriver.common.keys import Keys

from .base import BasePage, css, testid


class HomePage(BasePage):
    """Dashboard cards of admins, custodians and clients."""

    PATH = "/"
    MARKER = css('body[data-page="home"]', "the home page")
    TITLE = testid("home_title", "the welcome title")
    CARDS = testid("link-name", "the home cards")

    def card_titles(self) -> list[str]:
        """The cards shown."""
        return self.texts_of(self.CARDS)

    def welcome(self) -> str:
        """The greeting at the top."""
        return self.text_of(self.TITLE)

    def open_card(self, title: str) -> None:
        """Open a card by its title."""
        for card in self.find_all(self.CARDS):
            if card.text.strip() == title:
                self.click_and_load(card)
                return
        raise AssertionError(f"the home page has no card {title!r} (it has {self.card_titles()})")


class GuardHomePage(BasePage):
    """The guard's home: a search box and cards (Scan, Identity, Manual Entry, Logs, …)."""

    PATH = "/guard_home"
    MARKER = css('body[data-page="guard-home"]', "the guard's home page")
    TITLE = testid("home_title", "the welcome title")
    SEARCH = testid("guard_search", "the search box")
    CARDS = css(".card-link p", "the guard's cards")

    def card_titles(self) -> list[str]:
        """The cards shown."""
        return self.texts_of(self.CARDS)

    def welcome(self) -> str:
        """The greeting at the top."""
        return self.text_of(self.TITLE)

    def search(self, name: str) -> None:
        """Type a name in the search box and press Enter (the search page follows)."""
        box = self.wait_for(self.SEARCH)
        box.send_keys(name)
        old = self.driver.find_element("tag name", "html")
        box.send_keys(Keys.ENTER)
        self.wait_for_navigation(old)

    def open_card(self, title: str) -> None:
        """Open a card by its title."""
        for card in self.find_all(self.CARDS):
            if card.text.strip() == title:
                self.click_and_load(card)
                return
        raise AssertionError(f"the guard's home has no card {title!r} (it has {self.card_titles()})")

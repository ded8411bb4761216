"""Home pages: the guard's dashboard of cards (GuardHome.jsx) and everyone else's Dashboard (Home.jsx)."""

from __future__ import annotations

from selenium.webdriver.common.by import By

from .base import BasePage, Locator, css, testid


class HomePage(BasePage):
    """The Dashboard of admins, custodians and clients: "My QR Code" and, for some roles, cards."""

    MARKER = testid("page_title", "the page title")
    QR_BUTTON = testid("qr_button", "the My QR Code button")
    CARD_NAMES = testid("link-name", "the names of the home cards")

    def title(self) -> str:
        """The page title ("Dashboard")."""
        return self.text_of(self.MARKER)

    def cards(self) -> list[str]:
        """The names of the cards shown."""
        return self.texts_of(self.CARD_NAMES)

    def button_label(self) -> str:
        """The label of the QR code button ('' when there is none)."""
        return self.label_of(self.QR_BUTTON) if self.is_shown(self.QR_BUTTON) else ""

    def open_card(self, name: str) -> None:
        """Open a card by its name."""
        names = self.cards()
        if name not in names:
            raise LookupError(f"no home card {name!r}; the cards are {names}")
        self.click_and_load(self.find_all(self.CARD_NAMES)[names.index(name)])

    def open_my_qr_code(self) -> None:
        """My QR Code: the person's ID card."""
        self.click_and_load(self.QR_BUTTON)


class GuardHomePage(BasePage):
    """The guard's dashboard: a search box, the scan icon, and cards without test ids (GuardCard.jsx)."""

    PATH = "/guard_home"
    MARKER = css("a.card-link", "the guard's cards")
    CARD_TITLES = css("a.card-link p", "the card titles")
    SEARCH = css('input[placeholder="Search"]', "the search box")

    def cards(self) -> list[str]:
        """The card titles in order."""
        return self.texts_of(self.CARD_TITLES)

    def open_card(self, title: str) -> None:
        """Click a card by its title (the page it links to follows)."""
        card = Locator(
            By.XPATH, f'//a[contains(@class, "card-link")][.//p[normalize-space()="{title}"]]', f'the "{title}" card'
        )
        self.click_and_load(card)

    def start_search(self) -> None:
        """Focus the search box: the platform takes the guard to the search page."""
        self.click(self.SEARCH)
        self.wait_settled()

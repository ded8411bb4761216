"""People: the search page, a person's profile, the ID card with its QR code."""

from __future__ import annotations

from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys

from .base import BasePage, Locator, css, testid


class SearchPage(BasePage):
    """modules/Search: type a name and Enter; results link to profiles."""

    PATH = "/search"
    MARKER = css("input.user-search-input", "the search box")
    RESULTS = testid("link_search_user", "the search results")
    NO_RESULTS = Locator(By.XPATH, '//*[normalize-space()="No results Found"]', "the no-results message")

    def search(self, name: str) -> None:
        """Search for a name (typed, then Enter) and wait for the answer: results or "No results Found".

        The platform updates the results as one types; the reference app answers Enter with a page.
        """
        self.type_into(self.MARKER, name)
        self._field(self.MARKER).send_keys(Keys.ENTER)
        self.wait_until(
            lambda d: (
                d.execute_script("return document.readyState") == "complete"
                and self._field(self.MARKER).get_attribute("value") == name
                and (self.is_shown(self.RESULTS) or self.is_shown(self.NO_RESULTS))
            ),
            f"the search for {name!r} gave no answer",
        )

    def result_names(self) -> list[str]:
        """The names of the people found."""
        return [row["name"] for row in self.rows('[data-testid="link_search_user"]', {"name": "css:.result-name"})]

    def open_result(self, name: str) -> None:
        """Open the profile of the person with exactly that name."""
        result = Locator(
            By.XPATH,
            f'//a[@data-testid="link_search_user"][.//*[normalize-space()="{name}"]]',
            f'the search result "{name}"',
        )
        self.click_and_load(self.wait_for(result))


class ProfilePage(BasePage):
    """modules/Users UserShow: the person's details, the options menu, and what each area adds."""

    # shared/PageWrapper.jsx with showAvatar: the name (h6) and the user type (caption) beside the avatar.
    MARKER = css('[data-testid="page_avatar"] .MuiTypography-caption', "the person's user type")
    NAME = css('[data-testid="page_avatar"] h6', "the person's name")
    OPTIONS = testid("user_profile_option_menu", "the profile's options menu")

    def name(self) -> str:
        """Whose profile this is."""
        return self.text_of(self.NAME)

    def user_type(self) -> str:
        """The person's user type as shown."""
        return self.text_of(self.MARKER)

    def add_to_address(self, suffix: str) -> None:
        """Add to the address of the profile, as the production page's script 1.1.1 does (e.g. "/1618…/dg")."""
        current = self.driver.execute_script("return location.pathname").rstrip("/")
        self.driver.get(self.base_url + current + suffix)
        self.wait_loaded()

    def open_scanned(self, user_id: str, timestamp: str) -> ProfilePage:
        """Open a person's profile as the scan of their digital ID opens it: /user/<id>/<Date.now()>/dg."""
        return self.open(f"/user/{user_id}/{timestamp}/dg")

    def open_option(self, item_id: str) -> None:
        """Pick an item of the options menu by its id (payments → the person's plans): the item itself takes
        the click (the platform's MenuItem pushes the tab's address; it holds no link)."""
        self.click(self.OPTIONS)
        self.wait_still('[data-testid="select_option"]', "the options menu")  # it grows in
        self.click_and_load(css(f'[data-testid="select_option"] li#{item_id}', f"the {item_id} option"))


class IdCardPage(BasePage):
    """containers/IdCard.jsx "My ID": the person's QR code, fresh on every view."""

    MARKER = testid("visiting_hours", "the visiting hours of the ID card")
    QR = css(".qr_code svg", "the QR code (react-qr-svg's svg; the box has no test id)")

    def qr_png(self) -> bytes:
        """A screenshot of the QR code, as a camera would see it."""
        return self.wait_for(self.QR).screenshot_as_png

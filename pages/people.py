"""Finding people: user search, a person's profile, their ID card, and the scanner."""
from __future__ import annotations

from urllib.parse import urlsplit

from .base import BasePage, css, testid


class SearchPage(BasePage):
    """Search people by name."""

    PATH = "/search"
    MARKER = css('body[data-page="search"]', "the search page")
    BOX = testid("search", "the search box")
    SUBMIT = testid("search_btn", "the Search button")
    RESULTS = css(".user-search-result", "the search results")

    def search_for(self, name: str) -> list[str]:
        """Search; the names found."""
        self.type_into(self.BOX, name)
        self.click_and_load(self.SUBMIT)
        return self.texts_of(self.RESULTS)

    def open_result(self, name: str) -> None:
        """Open the profile of a person in the results."""
        for result in self.find_all(self.RESULTS):
            if result.text.strip() == name:
                self.click_and_load(result)
                return
        raise AssertionError(f"{name!r} is not among the results {self.texts_of(self.RESULTS)}")


class ProfilePage(BasePage):
    """A person's profile (/user/<id>[/<tm>[/dg]])."""

    MARKER = css('body[data-page="profile"]', "a profile page")
    NAME = testid("profile_name", "the person's name")
    SCAN_DETAILS = testid("scan_details", "the scan details")
    LOG_ENTRY = css(".log-entry-btn", "the Log This Entry button")

    def add_scan_to_address(self, timestamp_ms: int, digital: bool = True) -> "ProfilePage":
        """Add /<timestamp>[/dg] to this profile's address, as a scanned QR code would open it."""
        path = urlsplit(self.url).path.rstrip("/")
        return self.open(f"{path}/{timestamp_ms}" + ("/dg" if digital else ""))

    def name(self) -> str:
        """Whose profile this is."""
        return self.text_of(self.NAME)

    def scan_details(self) -> str:
        """What the scan was (digital or print) and its QR timestamp."""
        return self.text_of(self.SCAN_DETAILS)

    def can_log_entry(self) -> bool:
        """Whether Log This Entry is offered."""
        return self.is_shown(self.LOG_ENTRY)

    def log_this_entry(self) -> None:
        """Press Log This Entry (the platform then returns to the home page)."""
        self.click_and_load(self.LOG_ENTRY)


class IdCardPage(BasePage):
    """A person's ID card with the QR code to scan at the gate."""

    MARKER = css('body[data-page="id-card"]', "the ID card")
    QR = testid("qr_code", "the QR code")
    NAME = testid("id_name", "the name on the card")

    def open_for(self, user_id: int) -> "IdCardPage":
        """Show someone's card (/id/<id>)."""
        return self.open(f"/id/{user_id}")

    def qr_png(self) -> bytes:
        """A picture of the QR code exactly as the screen shows it."""
        return self.wait_for(self.QR).screenshot_as_png


class ScanPage(BasePage):
    """The scanner; a hand-held reader types what it reads into the code field."""

    PATH = "/scan"
    MARKER = css('body[data-page="scan"]', "the scan page")
    CODE = testid("scan_input", "the scanned code field")
    SUBMIT = testid("scan_submit", "the Open button")
    ERROR = testid("scan_error", "the scan error")

    def scan(self, code: str) -> None:
        """Feed a code as the reader would (text, then Enter)."""
        self.type_into(self.CODE, code)
        self.click_and_load(self.SUBMIT)

    def error(self) -> str:
        """The error shown for a refused code."""
        return self.text_of(self.ERROR)

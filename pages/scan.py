"""Scan entry: the guard's scanner (containers/Scan.jsx) and Log This Entry on a profile (UserInformation.jsx)."""

from __future__ import annotations

from selenium.webdriver.common.by import By

from .base import BasePage, Locator, css, testid, ui
from .components import Snackbar


class ScanPage(BasePage):
    """The scanner: the rear camera's picture; a code of this site opens its address.

    The camera's picture comes from the browser's (fake) camera: the page object never types.
    """

    PATH = "/scan"
    INSTRUCTION = ui("Please center your QR code on the screen below.")
    TORCH = ui("Toggle Torch")
    MARKER = Locator(
        By.XPATH,
        '//*[normalize-space()="Please center your QR code on the screen below."]',
        "the scanner's instruction",
    )
    CAMERA = testid("qr_wrapper", "the camera's video")
    ERROR = css("p.text-danger", "the scanner's error (no test id on the platform)")
    TORCH_SWITCH = Locator(By.XPATH, '//label[.//*[normalize-space()="Toggle Torch"]]', "the torch switch")
    CAMERA_STREAMING = (
        "const v = document.querySelector('[data-testid=\"qr_wrapper\"]');"
        " return !!(v && v.srcObject && v.srcObject.active);"
    )

    def camera_is_on(self) -> bool:
        """Whether the camera streams into the scanner (waits a moment for it to start)."""
        try:
            self.wait_until(lambda d: d.execute_script(self.CAMERA_STREAMING), "the camera did not start")
        except LookupError:
            return False
        return True

    def texts_shown(self) -> list[str]:
        """The instruction and the torch switch's label, as shown."""
        return [self.text_of(self.MARKER), self.text_of(self.TORCH_SWITCH)]

    def refusal(self) -> str:
        """What the scanner says about the code it read (waits for it)."""
        self.wait_until(
            lambda _d: self.is_shown(self.ERROR) and self.find(self.ERROR).text.strip(),
            "the scanner said nothing about the code",
            timeout=self.timeout * 2,
        )
        return self.text_of(self.ERROR)

    def wait_for_code(self) -> str:
        """Wait until the scanner has read a code and opened the address it holds; that address (the
        browser's, whatever site it is on: the platform opens the code's address as written)."""
        self.wait_until(
            lambda d: (
                not d.current_url.startswith(self.base_url + "/scan")
                and d.execute_script("return document.readyState") == "complete"
            ),
            "the scanner did not read the code",
            timeout=self.timeout * 2,
        )
        return str(self.driver.current_url)


class LogEntryPart(BasePage):
    """A profile's Log This Entry, for guards looking at an active person (no test id: id and class)."""

    MARKER = css("#log-entry.log-entry-btn", "the Log This Entry button")
    LABEL = ui("Log This Entry")

    def offered(self) -> str:
        """The button's label once it is shown ('' when the profile has none)."""
        try:
            return self.label_of(self.MARKER)
        except LookupError:
            return ""

    def is_offered(self) -> bool:
        """Whether the profile shown now offers the button (the profile is loaded: no waiting)."""
        return self.is_shown(self.MARKER)

    def log_entry(self) -> None:
        """Log the person's entry; the platform then goes home."""
        self.click_and_load(self.MARKER)

    def log_entry_expecting_refusal(self) -> tuple[str, bool]:
        """Try to log the entry when the platform should refuse: (message shown, whether it is an error)."""
        self.click(self.MARKER)
        snackbar = self.goes_to(Snackbar)
        return snackbar.message(), snackbar.is_error()

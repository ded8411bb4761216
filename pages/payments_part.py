"""What the payments screens share (pages/payments.py, plans.py, payment_dialogs.py, receipt.py): money as
they show it, and finding the visible one of several elements.

The platform mounts a dialog only while it is open; the reference app keeps closed ones hidden in the
page, so the dialogs' shared test ids (custom-dialog-button, dialog_cancel, customDialog) are always
looked up among the visible elements.
"""

from __future__ import annotations

import re

from selenium.webdriver.common.by import By

from .base import BasePage, Locator, P

MONEY = re.compile(r"-?K[0-9,]+\.[0-9]{2}")


class PaymentsPart(BasePage):
    """What the payments screens share: a locator by whole text, and a visit that waits for the page."""

    @staticmethod
    def text_locator(text: str) -> Locator:
        """Any element whose whole text is `text` (a label or message without a test id)."""
        return Locator(By.XPATH, f'//*[normalize-space()="{text}"]', f'the text "{text}"')

    def visit(self: P, path: str | None = None) -> P:
        """Go to the page's address without expecting to be shown it (a role it is withheld from)."""
        self.driver.get(self.base_url + (path if path is not None else self.PATH))
        self.wait_until(
            lambda d: d.execute_script("return document.readyState") == "complete", "the page did not finish loading"
        )
        return self

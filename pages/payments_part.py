"""What the payments screens share (pages/payments.py, plans.py, payment_dialogs.py, receipt.py): money as
they show it, waiting for their queries, and finding the visible one of several elements.

The platform mounts a dialog only while it is open; the reference app keeps closed ones hidden in the
page, so the dialogs' shared test ids (custom-dialog-button, dialog_cancel, customDialog) are always
looked up among the visible elements.
"""

from __future__ import annotations

import re

from selenium.webdriver.common.by import By

from .base import BasePage, Locator, P, css

# Money as the platform shows it: Intl.NumberFormat('en-ZM', {currency: 'ZMW'}) in Chromium writes "K", a no-break
# space (a plain one once READ_ROWS has collapsed whitespace), then the amount. The scenario helpers read it
# (prodready/scenario/money.py); pages only find it in a text.
MONEY = re.compile("-?K[\u00a0 ][0-9]{1,3}(?:,[0-9]{3})*\\.[0-9]{2}")
LOADER = css(".MuiCircularProgress-root", "a loading spinner")  # shared/Loading.jsx Spinner
QUIET_MS = 400
# Quiet: no request the page started since it was armed is in flight, and the page has not changed for a while.
QUIET = f"""
const w = window;
if (w.__prodready_inflight > 0) return false;
return performance.now() - Math.max(w.__prodready_last || 0, w.__prodready_acted || 0) > {QUIET_MS};
"""


class PaymentsPart(BasePage):
    """What the payments screens share: a locator by whole text, waiting for a screen's queries, and a visit
    that waits for the page."""

    @staticmethod
    def text_locator(text: str) -> Locator:
        """Any element whose whole text is `text` (a label or message without a test id)."""
        return Locator(By.XPATH, f'//*[normalize-space()="{text}"]', f'the text "{text}"')

    def wait_quiet(self) -> None:
        """Wait until the screen's queries have answered: no spinner, and the page unchanged for a moment.

        The platform's payments screens load their parts apart (balance, plans, transactions, a dialog's
        plans), each behind a spinner once its query has started; the moment before a query starts shows an
        empty part ("No Plan Available", no balance), which a look-up must not take for the answer.
        """
        self.arm()
        self.wait_until(
            lambda d: not self.is_shown(LOADER) and d.execute_script(QUIET), "the page did not finish loading"
        )

    def visit(self: P, path: str | None = None) -> P:
        """Go to the page's address without expecting to be shown it (a role it is withheld from)."""
        self.driver.get(self.base_url + (path if path is not None else self.PATH))
        self.wait_until(
            lambda d: d.execute_script("return document.readyState") == "complete", "the page did not finish loading"
        )
        return self

"""Payments: after a payment, the receipt prompt (ReceiptModal) and the receipt itself (ReceiptDetails.jsx)."""

from __future__ import annotations

from dataclasses import dataclass

from selenium.webdriver.common.by import By

from .base import Locator, css, testid
from .payments_part import PaymentsPart
from .plans import PlansPage


@dataclass(frozen=True)
class Receipt:
    """What the receipt says."""

    number: str
    client: str
    cashier: str
    total_paid: str
    expected_monthly: str


class ReceiptPrompt(PaymentsPart):
    """ReceiptModal "Generate Receipt": Print Receipt or Continue."""

    MARKER = testid("print", "the Print Receipt button")
    CONTINUE = testid("continue", "the Continue button")

    def print_receipt(self) -> ReceiptDialog:
        """Open the receipt."""
        self.click_and_load(self.MARKER)
        return self.goes_to(ReceiptDialog)

    def carry_on(self) -> PlansPage:
        """Continue without the receipt."""
        self.click(self.CONTINUE)
        self.wait_gone(self.MARKER)
        return self.goes_to(PlansPage)


class ReceiptDialog(PaymentsPart):
    """The receipt (ReceiptDetails.jsx); the receipt number has no test id: it follows "Receipt #"."""

    MARKER = css(".close-receipt-details", "the receipt's close button")
    NUMBER = Locator(By.XPATH, '//p[starts-with(normalize-space(), "Receipt #")]', "the receipt number")

    def details(self) -> Receipt:
        """What the receipt states."""
        return Receipt(
            number=self.text_of(self.NUMBER).removeprefix("Receipt #").strip(),
            client=self.text_of(testid("client-name", "the client's name")),
            cashier=self.text_of(testid("cashier-name", "the cashier's name")),
            total_paid=self.text_of(testid("total-amount-paid", "the total amount paid")),
            expected_monthly=self.text_of(testid("expected-monthly-amount", "the expected monthly payment")),
        )

    def close(self) -> PlansPage:
        """Close the receipt: back to the plans."""
        self.click_and_load(self.MARKER)
        return self.goes_to(PlansPage)

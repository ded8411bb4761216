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
    # The rows under the table's header, whose "Plot/Plan No." column carries the test id `plot-no`.
    ROWS = 'div:has(> [data-testid="plot-no"]) ~ div'
    CLIENT = testid("client-name", "the client's name")

    def details(self) -> Receipt:
        """What the receipt states."""
        return Receipt(
            number=self.text_of(self.NUMBER).removeprefix("Receipt #").strip(),
            client=self.text_of(self.CLIENT),
            cashier=self.text_of(testid("cashier-name", "the cashier's name")),
            total_paid=self.text_of(testid("total-amount-paid", "the total amount paid")),
            expected_monthly=self.text_of(testid("expected-monthly-amount", "the expected monthly payment")),
        )

    def paid_rows(self) -> list[tuple[str, str]]:
        """The receipt's table as (Plot/Plan No., Amount Paid) rows: each plan paid, and the general fund."""
        rows = self.rows(self.ROWS, {"plot": "css::scope > :nth-child(1)", "amount": "css::scope > :nth-child(3)"})
        return [(row["plot"], row["amount"]) for row in rows]

    @staticmethod
    def address(user_id: str, transaction_id: str) -> str:
        """The receipt's own address (the reference app's; the platform opens it as a dialog only)."""
        return f"/user/{user_id}?tab=Plans&receipt={transaction_id}"

    def close(self) -> PlansPage:
        """Close the receipt: back to the plans."""
        self.click_and_load(self.MARKER)
        return self.goes_to(PlansPage)

"""Payments: after a payment, the receipt prompt (ReceiptModal) and the receipt itself (ReceiptDetails.jsx)."""

from __future__ import annotations

from dataclasses import dataclass

from .base import css, testid, ui
from .payments_part import PaymentsPart
from .plans import PlansPage


@dataclass(frozen=True)
class Receipt:
    """What one receipt says (the platform gives one per plan payment: a payment beyond a plan's balance has a
    second receipt for what went to the general fund)."""

    number: str
    client: str
    cashier: str
    plot: str  # the table's "Plot/Plan No."
    payment_type: str  # the table's "Payment Type"
    paid: str  # the table's "Amount Paid"
    total_paid: str


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
    """The receipts (PaymentReceipt.jsx: one ReceiptDetails.jsx per plan payment of the transaction, in a
    full-screen dialog); the receipt number has no test id: it is the paragraph "Receipt #SI1000"."""

    MARKER = css(".close-receipt-details", "the receipt's close button")
    RECEIPTS = ".print"
    NUMBER_PREFIX = ui("Receipt #")
    # The table's one row follows its header, whose "Plot/Plan No." column carries the test id `plot-no`.
    ROW = 'div:has(> [data-testid="plot-no"]) ~ div'

    def receipts(self) -> list[Receipt]:
        """Every receipt shown, in order."""
        self.wait_for(testid("client-name", "the client's name"))
        rows = self.rows(
            self.RECEIPTS,
            {
                "number": "css::scope > p",
                "client": "client-name",
                "cashier": "cashier-name",
                "plot": f"css:{self.ROW} > :nth-child(1)",
                "payment_type": f"css:{self.ROW} > :nth-child(2)",
                "paid": f"css:{self.ROW} > :nth-child(3)",
                "total_paid": "total-amount-paid",
            },
        )
        return [Receipt(**{**row, "number": row["number"].removeprefix(self.NUMBER_PREFIX).strip()}) for row in rows]

    @staticmethod
    def address(user_id: str, transaction_id: str) -> str:
        """The receipt's own address (the reference app's; the platform opens it as a dialog only)."""
        return f"/user/{user_id}?tab=Plans&receipt={transaction_id}"

    def close(self) -> PlansPage:
        """Close the receipt: back to the plans."""
        self.click_and_load(self.MARKER)
        return self.goes_to(PlansPage)

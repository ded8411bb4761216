"""Payments: a user's Plans tab (Plans.jsx + UserBalance.jsx) and its Transactions sub-tab, where a payment
is reverted. Its dialogs are in payment_dialogs.py and receipt.py."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from selenium.webdriver.common.by import By

from .base import Locator, button_text, css, testid, ui
from .payment_dialogs import PaymentDialog, PlanDialog
from .payments_part import PaymentsPart


@dataclass(frozen=True)
class PlanRow:
    """One plan as the Plans list shows it (UserPaymentPlanItem.jsx at a desktop's width)."""

    plot: str
    plan: str
    balance: str
    status: str


@dataclass(frozen=True)
class TransactionRow:
    """One transaction of the Transactions sub-tab."""

    date: str
    recorded: str
    description: str
    amount: str
    can_revert: bool


class PlansPage(PaymentsPart):
    """A user's Plans tab (/user/<id>?tab=Plans, Plans.jsx + UserBalance.jsx)."""

    # The tab once loaded: its plans or "No Plan Available", or its Transactions sub-tab. The balance strip above
    # both has no mark of its own: its figures are rendered only when not zero (UserBalance.jsx).
    MARKER = Locator(
        By.XPATH,
        '//*[@data-testid="summary" or @data-testid="no-plan-available"]'
        f' | //button[normalize-space()="{ui("View all Plans")}"]'
        f' | //div[normalize-space()="{ui("No Transaction Available for this Plan")}"]',
        "the plans list or the transactions",
    )
    TOTAL_BALANCE = testid("pending-balance", 'the "Total Balance" figure')
    RECORD_PAYMENT = testid("add-payment", "the Record New Payment button")
    NEW_PLAN = css(".new-payment-plan-btn", "the New Payment Plan button")
    NO_PLAN = testid("no-plan-available", "the empty plans list")
    VIEW_TRANSACTIONS = button_text(ui("View all Transactions"))
    PLAN_ROWS = '[data-testid="summary"]'
    STRIP = (ui("Total Balance"), ui("Total Transactions Made"), ui("General Funds"))

    def open_for(self, user_id: str) -> PlansPage:
        """Go straight to a person's plans."""
        return self.open(f"/user/{user_id}?tab=Plans")

    def wait_loaded(self) -> PlansPage:
        """The list shown, and the page's queries answered (the strip and the list load apart)."""
        super().wait_loaded()
        self.wait_quiet()
        return self

    def figure(self, label: str) -> str | None:
        """A figure of the balance strip by its label ("Total Balance": "- K 6,000.00"); None when the strip
        does not show it (the platform leaves out a figure that is zero)."""
        self.wait_loaded()
        figure = self.TOTAL_BALANCE if label == self.STRIP[0] else self._figure(label)
        return self.text_of(figure) if self.is_shown(figure) else None

    def figure_once(self, label: str, settled: Callable[[str | None], bool]) -> str | None:
        """A figure once `settled` takes it, or as last read when it never does: the platform fetches the
        balances again after a payment, and a figure read at once may still be the one before."""
        last: list[str | None] = [None]

        def read(_driver: Any) -> bool:
            last[0] = self.figure(label)
            return settled(last[0])

        try:
            self.wait_until(read, f'the "{label}" figure did not change')
        except LookupError:
            pass  # the step compares what was read last, and says what it was
        return last[0]

    @staticmethod
    def _figure(label: str) -> Locator:
        # A label and its figure are two Typographies side by side: h6 and h5 at a desktop's width, span and
        # p on a phone's (UserBalance.jsx); only the figure of "Total Balance" has a test id.
        return Locator(
            By.XPATH,
            f'//*[contains(@class, "MuiTypography-root")][normalize-space()="{label}"]'
            '/following-sibling::*[contains(@class, "MuiTypography-root")][1]',
            f'the "{label}" figure',
        )

    def plans(self) -> list[PlanRow]:
        """The person's plans, in the list's order (back from the Transactions sub-tab if it is shown)."""
        self.wait_loaded()
        if self.is_shown(TransactionsTab.MARKER):
            self.click(TransactionsTab.MARKER)
            self.wait_gone(TransactionsTab.MARKER)
        elif self.is_shown(TransactionsTab.EMPTY):  # the empty sub-tab offers no way back: its tab's address
            self.open(self.path.replace("&subtab=Transactions", ""))
        self.wait_loaded()
        rows = self.rows(
            self.PLAN_ROWS,
            {
                "plot": 'css:[data-testid="plot-number"] > :first-child',
                "plan": "payment-plan",
                "status": 'css:[data-testid="payment-plan"] > span',
                "balance": 'css:[data-testid="balance"] > :first-child',
            },
        )
        # At a desktop's width the plan's cell is its type, then its status in a caption below it.
        return [
            PlanRow(row["plot"], row["plan"].removesuffix(row["status"]).strip(), row["balance"], row["status"])
            for row in rows
        ]

    def offers_payment_actions(self) -> bool:
        """Whether "Record New Payment" or the transactions (where reverting is) are offered here."""
        self.wait_loaded()
        return self.is_shown(self.RECORD_PAYMENT) or self.is_shown(self.VIEW_TRANSACTIONS)

    def record_payment(self) -> PaymentDialog:
        """Open the pay dialog ("Record New Payment")."""
        self.click(self.RECORD_PAYMENT)
        return self.goes_to(PaymentDialog)

    def new_plan(self) -> PlanDialog:
        """Open "Create a Plan"."""
        self.click(self.NEW_PLAN)
        return self.goes_to(PlanDialog)

    def transactions(self) -> TransactionsTab:
        """ "View all Transactions"."""
        self.click_and_load(self.VIEW_TRANSACTIONS)
        return self.goes_to(TransactionsTab)


class TransactionsTab(PaymentsPart):
    """The Transactions sub-tab (?tab=Plans&subtab=Transactions, UserTransactions.jsx): the person's transactions
    that are not reverted, each with its menu and "Revert Transaction"."""

    MARKER = button_text(ui("View all Plans"))  # shown only above a list that is not empty
    EMPTY = Locator(
        By.XPATH,
        f'//div[normalize-space()="{ui("No Transaction Available for this Plan")}"]',
        "the empty transactions list",
    )
    # A row is DataList's Grid container; "Amount Paid" shows what went to plans, then "unallocated K 0.00".
    ROWS = 'div.MuiGrid-container:has(> div > [data-testid="description"])'
    QUESTION = testid("delete_dialog", "the revert question")
    QUESTION_TEXT = ui("Are you sure you want to delete this Transaction?")
    CONFIRM = testid("confirm_action", "the delete button")
    REVERT = Locator(
        By.XPATH,
        f'//li[@role="menuitem"][normalize-space()="{ui("Revert Transaction")}"]',
        'the "Revert Transaction" menu item',
    )

    def open_for(self, user_id: str) -> TransactionsTab:
        """Go straight to a person's transactions."""
        return self.open(f"/user/{user_id}?tab=Plans&subtab=Transactions")

    def wait_loaded(self) -> TransactionsTab:
        """The sub-tab shown, and its transactions loaded."""
        super().wait_loaded()
        self.wait_quiet()
        return self

    def transactions(self) -> list[TransactionRow]:
        """The transactions, newest first."""
        return [
            TransactionRow(can_revert=bool(row.pop("menu")), **row)
            for row in self.rows(
                self.ROWS,
                {
                    "date": "date",
                    "recorded": "recorded",
                    "description": "description",
                    "amount": 'css:[data-testid="amount"] > :first-child',
                    "menu": 'css:button[data-testid="menu"]',
                },
            )
        ]

    def start_revert(self, amount: str) -> str:
        """Choose "Revert Transaction" on the newest revertible transaction of that amount; the question asked."""
        for row in self.driver.find_elements(By.CSS_SELECTOR, self.ROWS):
            menu = row.find_elements(By.CSS_SELECTOR, 'button[data-testid="menu"]')
            shown = row.find_element(By.CSS_SELECTOR, '[data-testid="amount"] > :first-child').text.strip()
            if menu and shown.replace("\u00a0", " ") == amount.replace("\u00a0", " "):
                self.click(menu[0])
                self.click(self.REVERT)
                return self.text_of(self.QUESTION)
        raise LookupError(f"no revertible transaction of {amount}; the list shows {self.transactions()}")

    def confirm_revert(self) -> None:
        """Press "delete" in the confirmation."""
        self.click_and_load(self.CONFIRM)

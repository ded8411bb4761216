"""Payments: a user's Plans tab (Plans.jsx + UserBalance.jsx) and its Transactions sub-tab, where a payment
is reverted. Its dialogs are in payment_dialogs.py and receipt.py."""

from __future__ import annotations

from dataclasses import dataclass

from selenium.webdriver.common.by import By

from .base import Locator, css, testid, ui
from .payment_dialogs import PaymentDialog, PlanDialog
from .payments_part import PaymentsPart


@dataclass(frozen=True)
class PlanRow:
    """One plan as the Plans list shows it."""

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

    MARKER = testid("pending-balance", "the Total Balance")
    RECORD_PAYMENT = testid("add-payment", "the Record New Payment button")
    NEW_PLAN = css(".new-payment-plan-btn", "the New Payment Plan button")
    NO_PLAN = testid("no-plan-available", "the empty plans list")
    VIEW_TRANSACTIONS = Locator(
        By.XPATH, '//button[normalize-space()="View all Transactions"]', 'the "View all Transactions" button'
    )
    PLAN_ROWS = '[data-testid="summary"]'
    STRIP = (ui("Total Balance"), ui("Total Transactions Made"), ui("General Funds"))

    def open_for(self, user_id: str) -> PlansPage:
        """Go straight to a person's plans."""
        return self.open(f"/user/{user_id}?tab=Plans")

    def total_balance(self) -> str:
        """ "Total Balance" as shown: "- K6,000.00" while something is owed."""
        return self.text_of(self.MARKER)

    def figure(self, label: str) -> str:
        """A figure of the balance strip by its label ("Total Transactions Made", "General Funds")."""
        return self.text_of(self._figure(label))

    def strip_labels(self) -> list[str]:
        """The balance strip's labels that are shown."""
        return [label for label in self.STRIP if self.is_shown(self._label(label))]

    @staticmethod
    def _label(label: str) -> Locator:
        return Locator(By.XPATH, f'//p[normalize-space()="{label}"]', f'the label "{label}"')

    def _figure(self, label: str) -> Locator:
        return Locator(By.XPATH, f'//p[normalize-space()="{label}"]/following-sibling::p[1]', f'the "{label}" figure')

    def has_no_plan(self) -> bool:
        """Whether the list says "No Plan Available"."""
        return self.is_shown(self.NO_PLAN) and self.text_of(self.NO_PLAN) == ui("No Plan Available")

    def plans(self) -> list[PlanRow]:
        """The person's plans, in the list's order (back from the Transactions sub-tab if it is shown)."""
        if self.is_shown(TransactionsTab.MARKER):
            self.click_and_load(TransactionsTab.MARKER)
        return [
            PlanRow(**row)
            for row in self.rows(
                self.PLAN_ROWS,
                {"plot": "plot-number", "plan": "payment-plan", "balance": "balance", "status": "status"},
            )
        ]

    def offers_payment_actions(self) -> bool:
        """Whether "Record New Payment" or the transactions (where reverting is) are offered here."""
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
    """The Transactions sub-tab (?tab=Plans&subtab=Transactions): rows with "Revert Transaction"."""

    MARKER = Locator(By.XPATH, '//button[normalize-space()="View all Plans"]', 'the "View all Plans" button')
    ROWS = 'div:has(> [data-testid="description"])'
    QUESTION = testid("delete_dialog", "the revert question")
    QUESTION_TEXT = ui("Are you sure you want to delete this Transaction?")
    CONFIRM = testid("confirm_action", "the delete button")
    REVERT = Locator(
        By.XPATH, '//li[@role="menuitem"][normalize-space()="Revert Transaction"]', 'the "Revert Transaction" menu item'
    )

    def open_for(self, user_id: str) -> TransactionsTab:
        """Go straight to a person's transactions."""
        return self.open(f"/user/{user_id}?tab=Plans&subtab=Transactions")

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
                    "amount": "amount",
                    "menu": 'css:button[data-testid="menu"]',
                },
            )
        ]

    def start_revert(self, amount: str) -> str:
        """Choose "Revert Transaction" on the newest revertible transaction of that amount; the question asked."""
        rows = self.driver.find_elements(By.CSS_SELECTOR, self.ROWS)
        for row in rows:
            menu = row.find_elements(By.CSS_SELECTOR, 'button[data-testid="menu"]')
            if menu and row.find_element(By.CSS_SELECTOR, '[data-testid="amount"]').text.strip() == amount:
                self.click(menu[0])
                self.click(self.REVERT)
                return self.wait_for(self.QUESTION).text.strip()
        raise LookupError(f"no revertible transaction of {amount}; the list shows {self.transactions()}")

    def confirm_revert(self) -> None:
        """Press "delete" in the confirmation."""
        self.click_and_load(self.CONFIRM)

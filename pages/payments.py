"""Payments: a client's plans, the pay dialog and its confirmation, receipts, reverting, the dashboard."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Mapping

from selenium.webdriver.remote.webelement import WebElement
from selenium.webdriver.support.ui import Select

from .base import BasePage, Locator, css, testid, text_in


@dataclass(frozen=True)
class PlanCard:
    """One payment plan as the Plans page shows it."""

    plan_type: str
    installment: str
    balance: str
    status: str


@dataclass(frozen=True)
class TransactionRow:
    """One transaction, on a client's Plans page or on the payments dashboard."""

    client: str
    date: str
    info: str
    receipt: str
    amount: str
    status: str


@dataclass(frozen=True)
class Receipt:
    """What the receipt says."""

    number: str
    client: str
    cashier: str
    payment_type: str
    amount_paid: str
    expected_monthly: str
    balance_remaining: str


def _transaction(row: WebElement) -> TransactionRow:
    return TransactionRow(client=text_in(row, "client-name"), date=text_in(row, "payment-date"),
                          info=text_in(row, "payment-info") or text_in(row, "payment-type"),
                          receipt=text_in(row, "receipt-number"), amount=text_in(row, "amount"),
                          status=text_in(row, "transaction-status"))


class ProfilePlansSection(BasePage):
    """The Plans section of a person's profile, shown to admins."""

    MARKER = testid("profile_plans", "the profile's Plans section")
    PLANS = testid("plans_link", "the Plans link")

    def open_plans(self) -> "ClientPlansPage":
        """Open the person's payment plans."""
        self.click_and_load(self.PLANS)
        return self.goes_to(ClientPlansPage)


class PlansView(BasePage):
    """What the admin's and the client's views of payment plans share."""

    TOTAL_BALANCE = testid("total-balance", "the Total Balance")
    PLANS = testid("plan", "the payment plans")
    GENERAL_CREDIT = testid("general-plan-balance", "the general plan's credit")
    TRANSACTIONS = testid("transaction", "the transactions")
    MAKE_PAYMENT = testid("record_new_payment_btn", "the Make a Payment button")
    REVERT_LINKS = testid("revert_transaction", "the Revert Transaction links")

    def total_balance(self) -> str:
        """The Total Balance, as shown (K6,000.00)."""
        return self.text_of(self.TOTAL_BALANCE)

    def plans(self) -> list[PlanCard]:
        """The client's own plans, oldest first."""
        return [PlanCard(plan_type=text_in(card, "payment-plan"), installment=text_in(card, "installment"),
                         balance=text_in(card, "balance"), status=text_in(card, "plan-status"))
                for card in self.find_all(self.PLANS)]

    def general_plan_credit(self) -> str | None:
        """What the general plan holds, or None when the client has none."""
        return self.text_of(self.GENERAL_CREDIT) if self.is_shown(self.GENERAL_CREDIT) else None

    def transactions(self) -> list[TransactionRow]:
        """The client's transactions, newest first."""
        return [_transaction(row) for row in self.find_all(self.TRANSACTIONS)]

    def _row(self, receipt: str) -> WebElement:
        for row in self.find_all(self.TRANSACTIONS):
            if row.get_attribute("data-receipt") == receipt:
                return row
        raise AssertionError(f"no transaction with receipt {receipt!r}; receipts shown: "
                             f"{[t.receipt for t in self.transactions()]}")

    def open_receipt(self, receipt: str) -> "ReceiptDialog":
        """View the receipt of one transaction."""
        self.click_and_load(self._row(receipt).find_element("css selector", '[data-testid="view_receipt"]'))
        return self.goes_to(ReceiptDialog)

    def offers_payment_actions(self) -> bool:
        """Whether Make a Payment or Revert Transaction is offered here."""
        return self.is_shown(self.MAKE_PAYMENT) or self.is_shown(self.REVERT_LINKS)


class ClientPlansPage(PlansView):
    """A client's payment plans as the admin sees them, with Make a Payment and Revert Transaction."""

    MARKER = css('body[data-page="payment-plans"]', "a client's Plans page")

    def open_for(self, user_id: int) -> "ClientPlansPage":
        """Go straight to a client's plans."""
        return self.open(f"/user/{user_id}/plans")

    def make_payment(self) -> "PayDialog":
        """Open the pay dialog."""
        self.click_and_load(self.MAKE_PAYMENT)
        return self.goes_to(PayDialog)

    def start_revert(self, receipt: str) -> "RevertDialog":
        """Choose Revert Transaction on a transaction (the confirmation follows)."""
        self.click_and_load(self._row(receipt).find_element("css selector", '[data-testid="revert_transaction"]'))
        return self.goes_to(RevertDialog)


class MyPaymentsPage(PlansView):
    """The client's own plans, balance and receipts (read-only)."""

    PATH = "/mypayments"
    MARKER = css('body[data-page="my-payments"]', "the My Payments page")


class PayDialog(BasePage):
    """Make a Payment: payment type, transaction number, amount (and bank details for cheques)."""

    MARKER = testid("payment_form", "the Make a Payment form")

    def open_for(self, user_id: int) -> "PayDialog":
        """Go straight to the pay dialog for a client."""
        return self.open(f"/user/{user_id}/payments/new")

    FIELDS = {
        "type": testid("payment_type", "the Payment Type select"),
        "transaction_number": testid("transaction_number", "the Transaction Number field"),
        "amount": testid("amount", "the Amount field"),
        "bank_name": testid("bank_name", "the Bank Name field"),
        "cheque_number": testid("cheque_number", "the Cheque Number field"),
    }
    LABELS = css('[data-testid="payment_form"] label', "the form's labels")
    PAY = testid("pay_btn", "the Pay button")
    ERRORS = css('[data-testid="payment_form"] .field-error', "the field errors")

    def fill(self, details: Mapping[str, str]) -> None:
        """Fill the dialog (keys: type, transaction_number, amount, bank_name, cheque_number)."""
        for key, value in details.items():
            if key not in self.FIELDS:
                raise KeyError(f"the pay dialog has no field {key!r} (fields: {', '.join(self.FIELDS)})")
            if key == "type":
                self.choose(self.FIELDS[key], value)
            else:
                self.type_into(self.FIELDS[key], value)

    def payment_types(self) -> list[str]:
        """The payment types offered, as shown."""
        return [o.text.strip() for o in Select(self.wait_for(self.FIELDS["type"])).options if o.get_attribute("value")]

    def fields_shown(self) -> list[str]:
        """The fields the dialog asks for now, by label (they depend on the payment type)."""
        return [label.text.strip() for label in self.find_all(self.LABELS) if label.is_displayed()]

    def pay(self) -> "ConfirmPayment":
        """Press Pay; the confirmation screen follows."""
        self.click_and_load(self.PAY)
        return self.goes_to(ConfirmPayment)

    def pay_expecting_errors(self) -> list[str]:
        """Press Pay on a payment the platform must refuse; the errors shown."""
        self.click_and_load(self.PAY)
        self.wait_loaded()
        return self.texts_of(self.ERRORS)


class ConfirmPayment(BasePage):
    """"You are about to make a payment with following details"."""

    MARKER = testid("confirm_payment", "the payment confirmation")
    AMOUNT = testid("confirm_amount", "the amount to confirm")
    CONFIRM = testid("custom-dialog-button", "the confirm button")

    def amount(self) -> str:
        """The amount about to be paid."""
        return self.text_of(self.AMOUNT)

    def confirm(self) -> "GenerateReceiptDialog":
        """Confirm; the payment is made and the Generate Receipt dialog follows."""
        self.click_and_load(self.CONFIRM)
        return self.goes_to(GenerateReceiptDialog)


class GenerateReceiptDialog(BasePage):
    """After a payment: Print Receipt or Continue."""

    MARKER = testid("generate_receipt_dialog", "the Generate Receipt dialog")
    PRINT = testid("print", "the Print Receipt button")
    CONTINUE = testid("continue_btn", "the Continue button")

    def print_receipt(self) -> "ReceiptDialog":
        """Open the receipt."""
        self.click_and_load(self.PRINT)
        return self.goes_to(ReceiptDialog)

    def carry_on(self) -> ClientPlansPage:
        """Continue without the receipt: the dialog closes over the client's plans."""
        self.click(self.CONTINUE)
        self.wait_gone(self.MARKER)
        return self.goes_to(ClientPlansPage)


class ReceiptDialog(BasePage):
    """The receipt of a payment."""

    MARKER = testid("receipt", "the receipt")
    CLOSE = css(".close-receipt-details", "the receipt's close button")

    def details(self) -> Receipt:
        """Everything the receipt states that the script checks."""
        root = self.wait_for(self.MARKER)
        return Receipt(number=text_in(root, "receipt-number"), client=text_in(root, "client-name"),
                       cashier=text_in(root, "cashier-name"), payment_type=text_in(root, "payment-type"),
                       amount_paid=text_in(root, "total-amount-paid"),
                       expected_monthly=text_in(root, "expected-monthly-amount"),
                       balance_remaining=text_in(root, "balance-remaining"))

    def close(self) -> None:
        """Close the receipt (back to the plans it was opened from)."""
        self.click_and_load(self.CLOSE)


class RevertDialog(BasePage):
    """"Are you sure you want to delete this Transaction?"."""

    MARKER = testid("revert_dialog", "the Revert Transaction confirmation")
    QUESTION = testid("revert_question", "the confirmation question")
    CONFIRM = testid("confirm_action", "the Proceed button")

    def question(self) -> str:
        """What the dialog asks."""
        return self.text_of(self.QUESTION)

    def confirm(self) -> ClientPlansPage:
        """Proceed with the revert; the plans follow."""
        self.click_and_load(self.CONFIRM)
        return self.goes_to(ClientPlansPage)


class PaymentsDashboardPage(BasePage):
    """Every transaction of the community, with the accepted total, filtered by dates, type and status."""

    PATH = "/payments"
    MARKER = css('body[data-page="payments"]', "the payments dashboard")
    HEADERS = css('[data-testid="payments_table"] th', "the table's column headers")
    ROWS = testid("payment_row", "the transactions")
    TOTAL = testid("total-transactions-made", "Total Transactions Made")
    COUNT = testid("accepted-transactions-count", "the number of accepted transactions")
    FROM = testid("filter_from", "the From date")
    TO = testid("filter_to", "the To date")
    TYPE = testid("filter_type", "the Payment Type filter")
    STATUS = testid("filter_status", "the Status filter")
    FILTER = testid("filter_btn", "the Filter button")

    def columns(self) -> list[str]:
        """The table's column headers."""
        self.wait_for(self.HEADERS)
        return self.texts_of(self.HEADERS)

    def transactions(self) -> list[TransactionRow]:
        """The transactions listed, newest first."""
        return [_transaction(row) for row in self.find_all(self.ROWS)]

    def accepted_total(self) -> str:
        """Total Transactions Made: the sum of accepted payments listed."""
        return self.text_of(self.TOTAL)

    def accepted_count(self) -> str:
        """How many accepted payments the total adds up."""
        return self.text_of(self.COUNT)

    def filter_by(self, *, from_day: str = "", to_day: str = "", payment_type: str = "", status: str = "") -> None:
        """Filter: community dates (YYYY-MM-DD), a payment type's and a status's visible label."""
        self.set_value(self.FROM, from_day)
        self.set_value(self.TO, to_day)
        self._choose_label(self.TYPE, payment_type)
        self._choose_label(self.STATUS, status)
        self.click_and_load(self.FILTER)
        self.wait_loaded()

    def _choose_label(self, locator: Locator, label: str) -> None:
        select = Select(self.wait_for(locator))
        if label:
            select.select_by_visible_text(label)
        else:
            select.select_by_index(0)

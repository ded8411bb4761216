"""Payments: a user's Plans tab with its dialogs (pay, new plan, receipt), the Transactions sub-tab, the dashboard.

The platform mounts a dialog only while it is open; the reference app keeps closed ones hidden in the
page, so the dialogs' shared test ids (custom-dialog-button, dialog_cancel, customDialog) are always
looked up among the visible elements.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from selenium.webdriver.common.by import By
from selenium.webdriver.remote.webelement import WebElement

from .base import BasePage, Locator, css, element_id, testid, ui

MONEY = re.compile(r"-?K[0-9,]+\.[0-9]{2}")


class PaymentsPart(BasePage):
    """What the payments screens share: finding the visible one of several elements."""

    def visible(self, locator: Locator, timeout: float | None = None) -> WebElement:
        """The first visible element matching the locator, once there is one."""
        return self.wait_until(lambda d: next((e for e in d.find_elements(*locator) if e.is_displayed()), None),
                               f"{locator} did not appear", timeout)

    @staticmethod
    def text_locator(text: str) -> Locator:
        """Any element whose whole text is `text` (a label or message without a test id)."""
        return Locator(By.XPATH, f'//*[normalize-space()="{text}"]', f'the text "{text}"')

    def visit(self, path: str | None = None) -> None:
        """Go to the page's address without expecting to be shown it (a role it is withheld from)."""
        self.driver.get(self.base_url + (path if path is not None else self.PATH))
        self.wait_until(lambda d: d.execute_script("return document.readyState") == "complete",
                        "the page did not finish loading")

    def visible_texts(self, locator: Locator) -> list[str]:
        """The texts of the matching elements shown now."""
        return [e.text.strip() for e in self.find_all(locator) if e.is_displayed()]


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


@dataclass(frozen=True)
class Receipt:
    """What the receipt says."""

    number: str
    client: str
    cashier: str
    total_paid: str
    expected_monthly: str


class PlansPage(PaymentsPart):
    """A user's Plans tab (/user/<id>?tab=Plans, Plans.jsx + UserBalance.jsx)."""

    MARKER = testid("pending-balance", "the Total Balance")
    RECORD_PAYMENT = testid("add-payment", "the Record New Payment button")
    NEW_PLAN = css(".new-payment-plan-btn", "the New Payment Plan button")
    NO_PLAN = testid("no-plan-available", "the empty plans list")
    VIEW_TRANSACTIONS = Locator(By.XPATH, '//button[normalize-space()="View all Transactions"]',
                                'the "View all Transactions" button')
    PLAN_ROWS = '[data-testid="summary"]'
    STRIP = (ui("Total Balance"), ui("Total Transactions Made"), ui("General Funds"))

    def open_for(self, user_id: str) -> PlansPage:
        """Go straight to a person's plans."""
        return self.open(f"/user/{user_id}?tab=Plans")

    def total_balance(self) -> str:
        """"Total Balance" as shown: "- K6,000.00" while something is owed."""
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
        return [PlanRow(**row) for row in self.rows(self.PLAN_ROWS, {
            "plot": "plot-number", "plan": "payment-plan", "balance": "balance", "status": "status"})]

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
        """"View all Transactions"."""
        self.click_and_load(self.VIEW_TRANSACTIONS)
        return self.goes_to(TransactionsTab)


class PaymentDialog(PaymentsPart):
    """PaymentModal: "Make a Payment", one amount field per plan, then the confirm step."""

    TITLE = testid("customDialog", "the dialog's title")
    MARKER = Locator(By.XPATH, '//*[@data-testid="customDialog"][normalize-space()="Make a Payment"]',
                     'the "Make a Payment" dialog')
    CONFIRM_TITLE = ui("You are about to make a payment with following details")
    TYPE = testid("transaction-type", "the Transaction Type select")
    TYPE_BOX = css(".transaction-type-select-input", "the Transaction Type box")
    NUMBER = css(".transaction-number-input", "the Transaction Number field")
    BANK = element_id("bank-name", "the Bank Name field")
    CHEQUE = element_id("cheque-number", "the Cheque Number field")
    CARDS = css('input.transaction-amount-input', "the plans' Amount fields")
    LABELS = css('[role="dialog"] label.MuiInputLabel-root', "the dialog's field labels")
    ERRORS = css('[role="dialog"] .MuiFormHelperText-root.Mui-error', "the dialog's error messages")
    HINT = ui("The additional amount {{amount}} will be allocated to the general fund")
    SAVE = testid("custom-dialog-button", "the dialog's main button (Pay, then confirm)")
    CANCEL = testid("dialog_cancel", "the dialog's Cancel (Go Back) button")

    def transaction_types(self) -> list[str]:
        """The Transaction Type options, as shown."""
        return self.options_of(self.TYPE)

    def fill(self, source: str, amount: str, plot: str | None = None, number: str = "", bank: str = "",
             cheque: str = "") -> str:
        """Fill the dialog: type (its value), amount towards the plan on `plot` (or the first); that plan's
        remaining balance as the dialog shows it."""
        if source:
            self.pick(self.TYPE, value=source)
        if number:
            self.type_into(self.NUMBER, number)
        if bank or cheque:
            self.type_into(self.BANK, bank)
            self.type_into(self.CHEQUE, cheque)
        card = self._card(plot)
        self.type_into_element(card.find_element(By.CSS_SELECTOR, "input.transaction-amount-input"), amount)
        remaining = card.find_element(By.XPATH, './ancestor::*[.//p[contains(., "remaining balance")]][1]')
        return MONEY.search(remaining.text).group(0) if MONEY.search(remaining.text) else ""

    def _card(self, plot: str | None) -> WebElement:
        """The plan card of a plot (its number is shown in capitals), or the first card."""
        path = ('//input[contains(@class, "transaction-amount-input")]' if plot is None else
                f'//*[normalize-space()="{plot.upper()}"]/ancestor::*[.//input[contains(@class,'
                f' "transaction-amount-input")]][1]')
        return self.visible(Locator(By.XPATH, path, f"the amount field of plot {plot}"))

    def type_into_element(self, element: WebElement, text: str) -> None:
        """Type into an input found inside a card (emptied first)."""
        self.driver.execute_script("arguments[0].value = '';", element)
        element.send_keys(text)

    def fields(self) -> list[str]:
        """The labels of the fields the dialog asks for now (asterisks left out)."""
        return [t.replace("*", "").strip() for t in self.visible_texts(self.LABELS)]

    def general_fund_hint(self) -> str:
        """The overpay hint, once shown."""
        return self.visible(Locator(By.XPATH, f'//*[starts-with(normalize-space(), "{self.HINT.split("{{")[0].strip()}")]',
                                    "the general fund hint")).text.strip()

    def pay(self) -> PaymentDialog:
        """Press Pay: the confirm step follows when the dialog has nothing to object."""
        self.click(self.visible(self.SAVE))
        return self

    def at_confirm_step(self) -> bool:
        """Whether the dialog shows its confirm step."""
        return self.visible(self.TITLE).text.strip() == self.CONFIRM_TITLE

    def wait_confirm_step(self) -> PaymentDialog:
        """Wait for "You are about to make a payment with following details"."""
        self.wait_until(lambda _d: self.at_confirm_step(), "the confirm step did not come")
        return self

    def try_to_pay(self) -> PaymentDialog:
        """Press Pay, and "confirm" too when the dialog goes on to its confirm step (the server then decides)."""
        self.pay()
        self.wait_until(lambda _d: self.errors() or self.at_confirm_step(), "the dialog neither objected nor went on")
        if self.at_confirm_step():
            self.confirm()
        return self

    def errors(self) -> list[str]:
        """The error messages the dialog shows."""
        return [t for t in self.visible_texts(self.ERRORS) if t]

    def confirm(self) -> None:
        """Press "confirm": the payment is sent and the page comes back."""
        self.click_and_load(self.visible(self.SAVE))

    def cancel(self) -> None:
        """Press Cancel: the dialog closes."""
        self.click(self.visible(self.CANCEL))
        self.wait_gone(self.MARKER)


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
        return Receipt(number=self.text_of(self.NUMBER).removeprefix("Receipt #").strip(),
                       client=self.text_of(testid("client-name", "the client's name")),
                       cashier=self.text_of(testid("cashier-name", "the cashier's name")),
                       total_paid=self.text_of(testid("total-amount-paid", "the total amount paid")),
                       expected_monthly=self.text_of(testid("expected-monthly-amount", "the expected monthly payment")))

    def close(self) -> PlansPage:
        """Close the receipt: back to the plans."""
        self.click_and_load(self.MARKER)
        return self.goes_to(PlansPage)


class TransactionsTab(PaymentsPart):
    """The Transactions sub-tab (?tab=Plans&subtab=Transactions): rows with "Revert Transaction"."""

    MARKER = Locator(By.XPATH, '//button[normalize-space()="View all Plans"]', 'the "View all Plans" button')
    ROWS = 'div:has(> [data-testid="description"])'
    QUESTION = testid("delete_dialog", "the revert question")
    QUESTION_TEXT = ui("Are you sure you want to delete this Transaction?")
    CONFIRM = testid("confirm_action", "the delete button")
    REVERT = Locator(By.XPATH, '//li[@role="menuitem"][normalize-space()="Revert Transaction"]',
                     'the "Revert Transaction" menu item')

    def open_for(self, user_id: str) -> TransactionsTab:
        """Go straight to a person's transactions."""
        return self.open(f"/user/{user_id}?tab=Plans&subtab=Transactions")

    def transactions(self) -> list[TransactionRow]:
        """The transactions, newest first."""
        return [TransactionRow(can_revert=bool(row.pop("menu")), **row) for row in self.rows(self.ROWS, {
            "date": "date", "recorded": "recorded", "description": "description", "amount": "amount",
            "menu": 'css:button[data-testid="menu"]'})]

    def start_revert(self, amount: str) -> str:
        """Choose "Revert Transaction" on the newest revertible transaction of that amount; the question asked."""
        rows = self.driver.find_elements(By.CSS_SELECTOR, self.ROWS)
        for row in rows:
            menu = row.find_elements(By.CSS_SELECTOR, 'button[data-testid="menu"]')
            if menu and row.find_element(By.CSS_SELECTOR, '[data-testid="amount"]').text.strip() == amount:
                self.click(menu[0])
                self.click(self.visible(self.REVERT))
                return self.visible(self.QUESTION).text.strip()
        raise LookupError(f"no revertible transaction of {amount}; the list shows {self.transactions()}")

    def confirm_revert(self) -> None:
        """Press "delete" in the confirmation."""
        self.click_and_load(self.visible(self.CONFIRM))


class PlanDialog(PaymentsPart):
    """PaymentPlanModal "Create a Plan" (the Cypress spec's classes for its fields)."""

    MARKER = Locator(By.XPATH, '//*[@data-testid="customDialog"][normalize-space()="Create a Plan"]',
                     'the "Create a Plan" dialog')
    DURATION = css(".plan-duration-txt-input", "the Plan Duration field")
    AMOUNT = css(".plan-amount-txt-input", "the Amount field")
    TYPE = css(".plan-type-select-input", "the Plan Type box")
    PLOT = css(".plan-plot-select-input", "the Select Plot box")
    NO_PLOT = Locator(By.XPATH, '//p[starts-with(normalize-space(), "No plot associated to this user")]',
                      "the no-plot message")
    SAVE = testid("custom-dialog-button", "the dialog's save button")

    def no_plot_message(self) -> str:
        """What the dialog says when the person has no plot."""
        return self.text_of(self.NO_PLOT)

    def create(self, plan_type: str, monthly: str, months: int, plot: str) -> None:
        """Fill and save the plan: type (its value), monthly amount, duration, the plot by its number."""
        self.type_into(self.DURATION, str(months))
        self.type_into(self.AMOUNT, monthly)
        self.pick(self.TYPE, value=plan_type)
        self.click(self.PLOT)
        self.click(self.visible(Locator(By.XPATH, f'//ul[@role="listbox"]//li[@role="option"][contains(., "{plot}")]',
                                        f"the plot {plot}")))
        self.click_and_load(self.visible(self.SAVE))


@dataclass(frozen=True)
class DashboardRow:
    """One plan payment on the payments dashboard."""

    client: str
    info: str
    receipt: str
    status: str

    @property
    def amount(self) -> str:
        """The amount in "Payment Info"."""
        found = MONEY.search(self.info)
        return found.group(0) if found else ""

    @property
    def payment_type(self) -> str:
        """The type in "Payment Info" (after the amount, or after "… on YYYY-MM-DD" at phone width)."""
        return re.split(r"K[0-9,]+\.[0-9]{2}(?: on [0-9-]{10})?", self.info)[-1].strip()


class PaymentsDashboardPage(PaymentsPart):
    """The payments dashboard (/payments, PaymentList.jsx): tabs Payments / Plans."""

    PATH = "/payments"
    MARKER = Locator(By.XPATH, '//*[@id="simple-tab-0"][normalize-space()="Payments"]', 'the "Payments" tab')
    TABS = css('[role="tab"]', "the tabs")
    ROWS = 'div:has(> [data-testid="payment_status"])'
    EMPTY = Locator(By.XPATH, '//*[normalize-space()="No Payments Available"]', "the empty payments list")

    def tabs(self) -> list[str]:
        """The tabs' labels as written."""
        return [" ".join((e.get_attribute("textContent") or "").split()) for e in self.find_all(self.TABS)]

    def payments(self) -> list[DashboardRow]:
        """The plan payments listed (this page of them), newest first."""
        return [DashboardRow(**row) for row in self.rows(self.ROWS, {
            "client": "created_by", "info": "payment_info", "receipt": "receipt_number", "status": "payment_status"})]

    def is_empty(self) -> bool:
        """Whether the list says "No Payments Available"."""
        return self.is_shown(self.EMPTY)

    def open_client(self, name: str) -> PlansPage:
        """Follow a client's name (in either tab's list) to their plans."""
        link = Locator(By.XPATH, f'//*[@data-testid="created_by" or @data-testid="plot_user_info"]'
                                 f'//a[starts-with(normalize-space(), "{name}")]', f"the client {name}")
        self.click_and_load(self.visible(link))
        return self.goes_to(PlansPage)

    def open_tab(self, label: str) -> list[str]:
        """Open a tab by its label; the clients and plots of the plans it lists (empty for Payments)."""
        tab = Locator(By.XPATH, f'//*[@role="tab"][normalize-space()="{label}"]', f'the "{label}" tab')
        self.click_and_load(tab)
        self.wait_until(lambda d: "Mui-selected" in (self.find(tab).get_attribute("class") or ""),
                        f"the {label} tab was not selected")
        return self.visible_texts(testid("plot_user_info", "the plans' clients and plots"))

"""Payments: the dialogs of a user's Plans tab, components of pages/plans.py's PlansPage: the pay dialog
(PaymentModal) and "Create a Plan" (PaymentPlanModal)."""

from __future__ import annotations

from selenium.webdriver.common.by import By

from .base import Locator, css, element_id, testid, ui
from .payments_part import MONEY, PaymentsPart


class PaymentDialog(PaymentsPart):
    """PaymentModal: "Make a Payment", one amount field per plan, then the confirm step."""

    TITLE = testid("customDialog", "the dialog's title")
    MARKER = Locator(
        By.XPATH,
        f'//*[@data-testid="customDialog"][normalize-space()="{ui("Make a Payment")}"]',
        'the "Make a Payment" dialog',
    )
    CONFIRM_TITLE = ui("You are about to make a payment with following details")
    TYPE = testid("transaction-type", "the Transaction Type select")
    TYPE_BOX = css(".transaction-type-select-input", "the Transaction Type box")
    NUMBER = css(".transaction-number-input", "the Transaction Number field")
    BANK = element_id("bank-name", "the Bank Name field")
    CHEQUE = element_id("cheque-number", "the Cheque Number field")
    # One per plan: the TextField's root div carries the class, the native <input> inside it has id "amount".
    AMOUNTS = ".transaction-amount-input input"
    AMOUNT = css(AMOUNTS, "the first plan's amount field")
    LABELS = css('[role="dialog"] label.MuiInputLabel-root', "the dialog's field labels")
    ERRORS = css('[role="dialog"] .MuiFormHelperText-root.Mui-error', "the dialog's error messages")
    HINT = ui("The additional amount {{amount}} will be allocated to the general fund")
    REMAINING = ui("{{amount}} remaining balance")
    SAVE = testid("custom-dialog-button", "the dialog's main button (Pay, then confirm)")
    CANCEL = testid("dialog_cancel", "the dialog's Cancel (Go Back) button")

    def wait_loaded(self) -> PaymentDialog:
        """The dialog shown, with the person's plans loaded into it (the dialog asks for them as it opens)."""
        super().wait_loaded()
        self.wait_quiet()
        return self

    def transaction_types(self) -> list[str]:
        """The Transaction Type options, as shown."""
        return self.options_of(self.TYPE)

    def fill(
        self, source: str, amount: str, plot: str | None = None, number: str = "", bank: str = "", cheque: str = ""
    ) -> str:
        """Fill the dialog: type (its value), amount towards the plan on `plot` (or the first); that plan's
        remaining balance as the dialog shows it."""
        card = self._card(plot)
        if source:
            self.pick(self.TYPE, value=source)
        if number:
            self.type_into(self.NUMBER, number)
        if bank or cheque:
            self.type_into(self.BANK, bank)
            self.type_into(self.CHEQUE, cheque)
        self.type_into(self._amount(card), amount)
        return self._remaining(card)

    def _card(self, plot: str | None) -> Locator:
        """The plan card of a plot (its number is shown in capitals), or the first card."""
        amount = 'contains(@class, "transaction-amount-input")'
        path = (
            f"(//*[{amount}])[1]/.."
            if plot is None
            else f'//p[normalize-space()="{plot.upper()}"]/ancestor::*[.//*[{amount}]][1]'
        )
        card = Locator(By.XPATH, path, f"the plan card of plot {plot}")
        self.wait_for(card)
        return card

    @staticmethod
    def _amount(card: Locator) -> Locator:
        return Locator(
            By.XPATH, f'{card.value}//*[contains(@class, "transaction-amount-input")]//input', f"the amount of {card}"
        )

    def _remaining(self, card: Locator) -> str:
        """ "K 6,000.00 remaining balance" of a card: the money in it."""
        tail = self.REMAINING.replace("{{amount}}", "").strip()
        line = Locator(By.XPATH, f'{card.value}//p[contains(., "{tail}")]', f"the remaining balance of {card}")
        found = MONEY.search(self.text_of(line))
        return found.group(0) if found else ""

    def fields(self) -> list[str]:
        """The labels of the fields the dialog asks for now (asterisks left out)."""
        return [t.replace("*", "").strip() for t in self.texts_of(self.LABELS, visible=True)]

    def _hint(self) -> Locator:
        start = self.HINT.split("{{")[0].strip()
        return Locator(
            By.XPATH,
            f'//*[contains(@class, "MuiFormHelperText-root")][starts-with(normalize-space(), "{start}")]',
            "the general fund hint",
        )

    def general_fund_hint(self) -> str:
        """The overpay hint under the amount, once shown."""
        return self.text_of(self._hint())

    def shows_general_fund_hint(self) -> bool:
        """Whether the overpay hint is shown now (the dialog updates it as the amount is typed)."""
        return self.is_shown(self._hint())

    def pay(self) -> PaymentDialog:
        """Press Pay: the confirm step follows when the dialog has nothing to object."""
        self.click(self.SAVE)
        return self

    def at_confirm_step(self) -> bool:
        """Whether the dialog shows its confirm step."""
        return self.text_of(self.TITLE) == self.CONFIRM_TITLE

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
        return [t for t in self.texts_of(self.ERRORS, visible=True) if t]

    def confirm(self) -> None:
        """Press "confirm": the payment is sent and the page comes back."""
        self.click_and_load(self.SAVE)

    def cancel(self) -> None:
        """Press Cancel: the dialog closes."""
        self.click(self.CANCEL)
        self.wait_gone(self.MARKER)


class PlanDialog(PaymentsPart):
    """PaymentPlanModal "Create a Plan" (the Cypress spec's classes for its fields)."""

    MARKER = Locator(
        By.XPATH, '//*[@data-testid="customDialog"][normalize-space()="Create a Plan"]', 'the "Create a Plan" dialog'
    )
    DURATION = css(".plan-duration-txt-input", "the Plan Duration field")
    AMOUNT = css(".plan-amount-txt-input", "the Amount field")
    TYPE = css(".plan-type-select-input", "the Plan Type box")
    PLOT = css(".plan-plot-select-input", "the Select Plot box")
    NO_PLOT = Locator(
        By.XPATH, '//p[starts-with(normalize-space(), "No plot associated to this user")]', "the no-plot message"
    )
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
        self.click(
            self.wait_for(
                Locator(
                    By.XPATH, f'//ul[@role="listbox"]//li[@role="option"][contains(., "{plot}")]', f"the plot {plot}"
                )
            )
        )
        self.click_and_load(self.SAVE)

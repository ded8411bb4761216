"""Payments: the payments dashboard (/payments, PaymentList.jsx), every payment and plan of the community.
A user's Plans tab is pages/plans.py; its dialogs payment_dialogs.py and receipt.py."""

from __future__ import annotations

import re
from dataclasses import dataclass

from selenium.webdriver.common.by import By

from .base import Locator, css, testid
from .payments_part import MONEY, PaymentsPart
from .plans import PlansPage


@dataclass(frozen=True)
class DashboardRow:
    """One plan payment on the payments dashboard."""

    client: str
    info: str
    receipt: str
    status: str

    @property
    def payment_type(self) -> str:
        """The type in "Payment Info" (after the amount, or after "… on YYYY-MM-DD" at a phone's width)."""
        return re.split(f"{MONEY.pattern}(?: on [0-9-]{{10}})?", self.info)[-1].strip()


class PaymentsDashboardPage(PaymentsPart):
    """The payments dashboard (/payments, PaymentList.jsx): tabs Payments / Plans."""

    PATH = "/payments"
    MARKER = Locator(By.XPATH, '//*[@id="simple-tab-0"][normalize-space()="Payments"]', 'the "Payments" tab')
    TABS = css('[role="tab"]', "the tabs")
    ROWS = 'div:has(> [data-testid="payment_status"])'
    EMPTY = Locator(By.XPATH, '//*[normalize-space()="No Payments Available"]', "the empty payments list")

    def wait_loaded(self) -> PaymentsDashboardPage:
        """The dashboard shown, with its list loaded (below the graph, behind a spinner of its own)."""
        super().wait_loaded()
        self.wait_quiet()
        return self

    def tabs(self) -> list[str]:
        """The tabs' labels as written."""
        return self.texts_of(self.TABS, written=True)

    def payments(self) -> list[DashboardRow]:
        """The plan payments listed (this page of them), newest first."""
        return [
            DashboardRow(**row)
            for row in self.rows(
                self.ROWS,
                {
                    "client": "created_by",
                    "info": "payment_info",
                    "receipt": "receipt_number",
                    "status": "payment_status",
                },
            )
        ]

    def is_empty(self) -> bool:
        """Whether the list says "No Payments Available"."""
        return self.is_shown(self.EMPTY)

    def open_client(self, name: str) -> PlansPage:
        """Follow a client's name (in either tab's list) to their plans."""
        link = Locator(
            By.XPATH,
            f'//*[@data-testid="created_by" or @data-testid="plot_user_info"]'
            f'//a[starts-with(normalize-space(), "{name}")]',
            f"the client {name}",
        )
        self.click_and_load(link)
        return self.goes_to(PlansPage)

    def open_tab(self, label: str) -> list[str]:
        """Open a tab by its label; the clients and plots of the plans it lists (empty for Payments)."""
        tab = Locator(By.XPATH, f'//*[@role="tab"][normalize-space()="{label}"]', f'the "{label}" tab')
        self.click_and_load(tab)
        self.wait_until(
            lambda d: "Mui-selected" in (self.find(tab).get_attribute("class") or ""),
            f"the {label} tab was not selected",
        )
        self.wait_quiet()
        return self.texts_of(testid("plot_user_info", "the plans' clients and plots"), visible=True)

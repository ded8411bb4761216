"""Payments: the payments dashboard (/payments, PaymentList.jsx), every payment and plan of the community.
A user's Plans tab is pages/plans.py; its dialogs payment_dialogs.py and receipt.py."""

from __future__ import annotations

import re
from dataclasses import dataclass

from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys

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
    SEARCH = testid("search", "the search box")  # SearchInput's native input; each tab has one
    # PlansList.jsx → PlanListItem.jsx: a plan's plot and type, its "View History" that shows its client.
    PLAN_PLOTS = testid("landparcel", "the plans' plots")
    PLAN_HISTORY = testid("view-history", "a plan's View History")
    PLAN_CLIENT = testid("plot_user_info", "a plan's client")

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
        """Follow a client's name to their plans: in the Payments tab's list, or in a plan the Plans tab shows
        opened (found by the client's name first when none is)."""
        link = Locator(
            By.XPATH,
            f'//*[@data-testid="created_by" or @data-testid="plot_user_info"]'
            f'//a[starts-with(normalize-space(), "{name}")]',
            f"the client {name}",
        )
        if not self.is_shown(link) and self.is_shown(self.PLAN_PLOTS):
            self.plans_of(name)
        self.click_and_load(link)
        return self.goes_to(PlansPage)

    def open_tab(self, label: str) -> None:
        """Open a tab by its label, and wait for its list."""
        tab = Locator(By.XPATH, f'//*[@role="tab"][normalize-space()="{label}"]', f'the "{label}" tab')
        self.click_and_load(tab)
        self.wait_until(
            lambda d: "Mui-selected" in (self.find(tab).get_attribute("class") or ""),
            f"the {label} tab was not selected",
        )
        self.wait_quiet()

    def plans_of(self, name: str) -> list[str]:
        """In the Plans tab, search for a client and open the history of each plan found (PlanListItem shows a
        plan's client only there): the names of the clients of the plans shown.

        The community's plans are many and sorted by what is owed, nine to a page: a plan is found by search.
        """
        before = self.texts_of(self.PLAN_PLOTS, visible=True)
        self.type_into(self.SEARCH, name)
        self.arm()
        self._field(self.SEARCH).send_keys(Keys.ENTER)  # the reference app's search is a form; the platform's is live
        self.wait_settled()
        self.wait_until(
            lambda _d: self.texts_of(self.PLAN_PLOTS, visible=True) != before, f"the search for {name} did not answer"
        )
        self.wait_quiet()
        for toggle in self.shown(self.PLAN_HISTORY):
            self.click(toggle)
        return self.texts_of(self.PLAN_CLIENT, visible=True)

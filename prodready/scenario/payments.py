"""Payments as people do them on the screens, in a few page-object calls: finding a client's plans, the pay
dialog filled as a step describes it, the dashboard's rows compared with a table."""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from pages.components import SideMenu
from pages.payment_dialogs import PaymentDialog
from pages.people import ProfilePage, SearchPage
from pages.plans import PlansPage
from prodready.scenario.money import PaymentType, kwacha_in, payment_type, typed
from prodready.scenario.payment_setup import ClientPlan, client_with_new_plan, pay, revert, unique_number
from prodready.scenario.values import Refused


def find_client_plans(actor: Any, name: str) -> Any:
    """Script 3's "Find a client user": the menu's Search, the client's profile, its Plans option."""
    actor.page(SideMenu).go(SEARCH_ENTRY)
    actor.on(SearchPage).search(name)
    actor.on(SearchPage).open_result(name)
    actor.on(ProfilePage).open_option("payments")
    return actor.on(PlansPage)


SEARCH_ENTRY = "Search"


def plans_page(context: Any) -> PlansPage:
    """The plans page the person of the last step is on."""
    return context.cast.last_actor().on(PlansPage)


@dataclass
class Attempt:
    """A payment as a step describes it: how much, how, and what the pay dialog showed."""

    amount: str
    kind: PaymentType | None
    number: str = ""
    bank_details: bool = True


def new_attempt(context: Any, kind: str | PaymentType, amount: Decimal) -> Attempt:
    """A well-formed payment of an amount, with a fresh transaction number."""
    return Attempt(typed(amount), payment_type(kind), unique_number(context, "TXN"))


def attempt_from_words(amount: str, how: str, context: Any) -> Attempt:
    """ "in cash", "with no transaction type", "in cash with the earlier transaction number",
    "by cheque without bank details" → what to type."""
    words = " ".join(how.split())
    if words.casefold() == "with no transaction type":
        return Attempt(amount, None)
    match = re.fullmatch(
        r"(?:in|by|with) (.+?)( with the earlier transaction number)?( without bank details)?", words, re.IGNORECASE
    )
    if match is None:
        raise Refused(
            f'"{how}" is not a way to pay: write in cash, by cheque, by mobile money… (then, if need be, "with the '
            'earlier transaction number" or "without bank details"), or "with no transaction type"'
        )
    number = context.notes["earlier_number"] if match.group(2) else unique_number(context, "TXN")
    return Attempt(amount, payment_type(match.group(1)), number, bank_details=not match.group(3))


def fill_payment(actor: Any, attempt: Attempt, plot: str | None, faker: Any) -> tuple[Any, str]:
    """Open the pay dialog (unless open) and fill it; the dialog and the plan's remaining balance it showed."""
    dialog = actor.page(PaymentDialog)
    if not dialog.is_current():
        dialog = actor.on(PlansPage).record_payment()
    cheque = attempt.kind is not None and attempt.kind.cheque and attempt.bank_details
    remaining = dialog.fill(
        attempt.kind.value if attempt.kind else "",
        attempt.amount,
        plot,
        attempt.number,
        bank="Zanaco" if cheque else "",
        cheque=faker.numerify("######") if cheque else "",
    )
    return dialog, remaining


def pay_as_listed(context: Any, payments: list[tuple[str, PaymentType, Decimal, bool]]) -> None:
    """(client, type, amount, reverted) rows: each client gets a K500.00 x 12 plan, then pays (and maybe reverts)."""
    clients: dict[str, ClientPlan] = {}
    for name, kind, amount, reverted in payments:
        if name not in clients:
            clients[name] = client_with_new_plan(context, name, "basic", Decimal(500), 12)
        transaction = pay(context, clients[name], amount, payment_type(kind))
        if reverted:
            revert(context, transaction)


def match_rows(rows: list[Any], expected: list[tuple[str, Decimal, str, str]]) -> tuple[list[Any], list[Any]]:
    """Dashboard rows matching (client, amount, type, status), each row used once; (found, missing)."""
    left, found, missing = list(rows), [], []
    for client, amount, kind, status in expected:
        hit = next(
            (
                r
                for r in left
                if r.client.startswith(client)
                and (kwacha_in(r.info), r.payment_type, r.status) == (amount, kind, status)
            ),
            None,
        )
        if hit is None:
            missing.append((client, amount, kind, status))
        else:
            left.remove(hit)
            found.append(hit)
    return found, missing

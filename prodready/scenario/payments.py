"""Payments as people do them on the screens, in a few page-object calls: finding a client's plans, the pay
dialog filled as a step describes it, the dashboard's rows compared with a table."""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from pages.components import SideMenu
from pages.direct import DirectRequests
from pages.payment_dialogs import PaymentDialog
from pages.people import ProfilePage, SearchPage
from pages.plans import PlansPage, TransactionsTab
from prodready.scenario.direct import Sent, by_form, by_operation
from prodready.scenario.money import PaymentType, kwacha_in, money, payment_type, typed
from prodready.scenario.payment_setup import (
    TRANSACTION_REVERT,
    ClientPlan,
    client_with_new_plan,
    pay,
    revert,
    unique_number,
)
from prodready.scenario.values import Refused
from prodready.target.api import PlatformApiError


def find_client_plans(actor: Any, name: str) -> Any:
    """Script 3's "Find a client user": the menu's Search, the client's profile, its Plans option."""
    actor.page(SideMenu).go(SEARCH_ENTRY)
    actor.on(SearchPage).search(name)
    actor.on(SearchPage).open_result(name)
    actor.on(ProfilePage).open_option("payments")
    return actor.on(PlansPage)


SEARCH_ENTRY = "Search"
PAYMENTS_LIST = "query paymentsList { paymentsList(limit: 5) { id amount } }"


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


# -- sent directly: what the screens refuse, asked of the server every way it takes it -----------------------


def pay_directly(context: Any, amount: Decimal) -> Sent:
    """A cash payment towards the client's plan sent without the pay dialog's checks: the dialog's own request
    (filled by the admin, posted directly) and the platform's transactionCreate, each with its own number."""
    admin, client = context.cast.actor("admin"), context.notes["client"]
    dialog = admin.on(PlansPage).record_payment()
    dialog.fill("cash", typed(amount), client.plot, unique_number(context, "TXN"))
    form = admin.page(DirectRequests).form_around(dialog.AMOUNT)
    dialog.cancel()
    sent = Sent()
    by_form(sent, admin, form, "the pay dialog's own request")
    by_operation(
        sent,
        "transactionCreate",
        lambda: pay(context, client, amount, payment_type("cash"), unique_number(context, "TXN")),
    )
    return sent


def revert_directly(context: Any, who: str, amount: Decimal) -> Sent:
    """The revert of the client's payment of this amount sent by `who`: the request the admin's "Revert
    Transaction" sends (read from the admin's transactions page, posted from `who`'s browser) and the platform's
    transactionRevert."""
    tab = context.cast.actor("admin").page(TransactionsTab).open_for(context.notes["client"].user_id)
    tab.start_revert(money(amount))
    form = context.cast.actor("admin").page(DirectRequests).form_around(tab.CONFIRM)
    sent = Sent()
    by_form(sent, context.cast.actor(who), form, 'the "Revert Transaction" request')
    transaction = context.notes["earlier_transaction"]
    by_operation(
        sent, "transactionRevert", lambda: context.cast.api_as(who).call(TRANSACTION_REVERT, {"id": transaction})
    )
    return sent


def community_payments_given_to(cast: Any, who: str) -> list[Any] | str:
    """The community's payments (the dashboard's paymentsList) as `who` asks the platform for them: the list, or
    the refusal's words."""
    try:
        return list(cast.api_as(who).call(PAYMENTS_LIST)["paymentsList"] or [])
    except PlatformApiError as refusal:
        return str(refusal).split(": ", 1)[-1]

"""Payments knowledge the steps share: money as the platform writes it, payment types, and the data a
scenario starts from (a client, their plot and plan, earlier payments), made through the platform's GraphQL."""

from __future__ import annotations

import random
import re
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

import parse

from pages.components import SideMenu
from pages.payment_dialogs import PaymentDialog
from pages.people import ProfilePage, SearchPage
from pages.plans import PlansPage
from prodready.core.credentials import target_setting
from prodready.scenario.clock import community_today
from prodready.target.people import create_person

MONEY = re.compile(r"^-?K[0-9]{1,3}(,[0-9]{3})*\.[0-9]{2}$")
RECEIPT_NUMBER = re.compile(r"^SI[0-9]+$")  # automatic receipt numbers: "SI" + a sequence from 1000

PROPERTY_CREATE = """mutation PropertyCreate($parcelNumber: String!, $ownershipFields: JSON) {
  PropertyCreate(parcelNumber: $parcelNumber, ownershipFields: $ownershipFields) { landParcel { id parcelNumber } }
}"""
PAYMENT_PLAN_CREATE = """mutation paymentPlanCreate($landParcelId: ID!, $userId: ID!, $planType: String!,
    $startDate: String!, $installmentAmount: Float!, $totalAmount: Float!, $duration: Int!) {
  paymentPlanCreate(landParcelId: $landParcelId, userId: $userId, status: 0, planType: $planType,
                    startDate: $startDate, installmentAmount: $installmentAmount, totalAmount: $totalAmount,
                    duration: $duration, frequency: 2, renewable: false) { paymentPlan { id pendingBalance } }
}"""
TRANSACTION_CREATE = """mutation transactionCreate($userId: ID!, $amount: Float!, $source: String!,
    $transactionNumber: String, $bankName: String, $chequeNumber: String, $paymentsAttributes: [PlanPaymentInput]!) {
  transactionCreate(userId: $userId, amount: $amount, source: $source, transactionNumber: $transactionNumber,
                    bankName: $bankName, chequeNumber: $chequeNumber, paymentsAttributes: $paymentsAttributes) {
    transaction { id planPayments { receiptNumber } }
  }
}"""
TRANSACTION_REVERT = "mutation transactionRevert($id: ID!) { transactionRevert(id: $id) { transaction { id status } } }"


@parse.with_pattern(r"K[0-9]{1,3}(?:,[0-9]{3})*\.[0-9]{2}")
def parse_kwacha(text: str) -> str:
    """Money as the platform writes it (K6,000.00), kept as written: the steps compare what is shown."""
    return text


def kwacha(text: str) -> Decimal:
    """Money as the platform shows it ("K6,000.00") as an exact amount."""
    cleaned = text.strip()
    if not MONEY.match(cleaned):
        raise AssertionError(f"{text!r} is not money as the platform writes it (K6,000.00)")
    return Decimal(cleaned.replace("K", "").replace(",", ""))


def owed(shown: str) -> Decimal:
    """The balance strip's "Total Balance" ("- K6,000.00", or "K0.00") as what the client owes."""
    return kwacha(shown.replace("- K", "K", 1)) if shown.startswith("- ") else kwacha(shown)


def money(amount: Decimal) -> str:
    """An exact amount as the platform shows it: K6,000.00."""
    return f"{'-' if amount < 0 else ''}K{abs(amount):,.2f}"


@dataclass(frozen=True)
class PaymentType:
    """A way to pay as the scenarios name it: the platform's value (also the Transactions list's
    "Payment Type") and whether it needs bank details."""

    value: str
    cheque: bool = False


PAYMENT_TYPES = {
    "cash": PaymentType("cash"),
    "mobile money": PaymentType("mobile_money"),
    "bank transfer": PaymentType("bank_transfer/eft"),
    "bank deposit": PaymentType("bank_transfer/cash_deposit"),
    "cheque": PaymentType("cheque/cashier_cheque", cheque=True),
    "point of sale": PaymentType("pos"),
}


def payment_type(words: str) -> PaymentType:
    """The payment type a step names ("cash", "mobile money", "cheque", …)."""
    try:
        return PAYMENT_TYPES[words.strip().lower()]
    except KeyError:
        raise AssertionError(f"unknown payment type {words!r}; say one of {', '.join(PAYMENT_TYPES)}") from None


@dataclass(frozen=True)
class ClientPlan:
    """The client a scenario pays for: name, platform id (unknown for a configured live client), plot."""

    name: str
    user_id: str | None
    plot: str | None
    plan_id: str | None = None


def unique_number(context: Any, prefix: str) -> str:
    """A number no other scenario of this run (nor an earlier run) will have used: prefix, run id, random."""
    return f"{prefix}{context.data.run_id}{context.faker.numerify('######')}"


def new_client(context: Any, base_name: str) -> ClientPlan:
    """A new client with the run's version of the name."""
    seed = random.Random(context.faker.random.random())
    user = create_person(context.cast, context.data.name(base_name), "client", seed)
    return ClientPlan(name=user["name"], user_id=str(user["id"]), plot=None)


def give_plan(context: Any, client: ClientPlan, plan_type: str, monthly: Decimal, months: int) -> ClientPlan:
    """A plan on the client's plot (paymentPlanCreate), starting today in the community."""
    api = context.cast.api_as("admin")
    parcel_id = context.notes["parcels"][client.plot]
    today = community_today(context.target.timezone).isoformat()
    plan = api.call(
        PAYMENT_PLAN_CREATE,
        {
            "landParcelId": parcel_id,
            "userId": client.user_id,
            "planType": plan_type,
            "startDate": today,
            "installmentAmount": float(monthly),
            "totalAmount": float(monthly * months),
            "duration": months,
        },
    )
    return ClientPlan(client.name, client.user_id, client.plot, plan["paymentPlanCreate"]["paymentPlan"]["id"])


def pay(context: Any, client: ClientPlan, amount: Decimal, kind: PaymentType, number: str | None = None) -> str:
    """A payment towards the client's plan (transactionCreate); the transaction's id."""
    details = {"bankName": "Zanaco", "chequeNumber": context.faker.numerify("######")} if kind.cheque else {}
    answer = context.cast.api_as("admin").call(
        TRANSACTION_CREATE,
        {
            "userId": client.user_id,
            "amount": float(amount),
            "source": kind.value,
            "transactionNumber": number or unique_number(context, "TXN"),
            **details,
            "paymentsAttributes": [{"paymentPlanId": client.plan_id, "amount": float(amount)}],
        },
    )
    return answer["transactionCreate"]["transaction"]["id"]


def revert(context: Any, transaction_id: str) -> None:
    """Revert a transaction (transactionRevert)."""
    context.cast.api_as("admin").call(TRANSACTION_REVERT, {"id": transaction_id})


def client_with_plan(context: Any) -> ClientPlan:
    """Script 3's client: the one the target names (a live deployment's existing client), else a new one."""
    name = target_setting(context.target, "payment_client")
    if name:
        return ClientPlan(name=name, user_id=None, plot=target_setting(context.target, "payment_plot"))
    return client_with_new_plan(context, "Chanda Mulenga", "basic", Decimal(500), 12)


def client_with_new_plan(context: Any, base_name: str, plan_type: str, monthly: Decimal, months: int) -> ClientPlan:
    """A new client with a plot and a plan on it."""
    return give_plan(context, give_plot(context, new_client(context, base_name)), plan_type, monthly, months)


def give_plot(context: Any, client: ClientPlan) -> ClientPlan:
    """A plot owned by the client (PropertyCreate), its id noted for a plan to be made on it."""
    number = unique_number(context, "P")
    answer = context.cast.api_as("admin").call(
        PROPERTY_CREATE, {"parcelNumber": number, "ownershipFields": [{"name": client.name, "userId": client.user_id}]}
    )
    context.notes.setdefault("parcels", {})[number] = answer["PropertyCreate"]["landParcel"]["id"]
    return ClientPlan(client.name, client.user_id, number)


# -- what a person does on the screens, in a few page-object calls ---------------------------------


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


def new_attempt(context: Any, kind: str, shown_amount: str) -> Attempt:
    """A well-formed payment of an amount written K1,000.00, with a fresh transaction number."""
    return Attempt(plain_amount(shown_amount), payment_type(kind), unique_number(context, "TXN"))


def attempt_from_words(amount: str, how: str, context: Any) -> Attempt:
    """ "in cash", "with no transaction type", "in cash with the earlier transaction number",
    "by cheque without bank details" → what to type."""
    if how == "with no transaction type":
        return Attempt(amount, None)
    match = re.fullmatch(
        r"(?:in|by) (cash|cheque|mobile money)( with the earlier transaction number)?"
        r"( without bank details)?",
        how,
    )
    if match is None:
        raise AssertionError(f"say how the payment is made: 'in cash', 'by cheque without bank details', … not {how!r}")
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


def plain_amount(shown: str) -> str:
    """K1,000.00 as typed into a number field: 1000.00."""
    return str(kwacha(shown))


def pay_as_listed(context: Any, payments: list[tuple[str, str, str, bool]]) -> None:
    """(client, type, amount, reverted) rows: each client gets a K500.00 x 12 plan, then pays (and maybe reverts)."""
    clients: dict[str, ClientPlan] = {}
    for name, kind, amount, reverted in payments:
        if name not in clients:
            clients[name] = client_with_new_plan(context, name, "basic", Decimal(500), 12)
        transaction = pay(context, clients[name], kwacha(amount), payment_type(kind))
        if reverted:
            revert(context, transaction)


def match_rows(rows: list[Any], expected: list[tuple[str, str, str, str]]) -> tuple[list[Any], list[Any]]:
    """Dashboard rows matching (client, amount, type, status), each row used once; (found, missing)."""
    left, found, missing = list(rows), [], []
    for client, amount, kind, status in expected:
        hit = next(
            (
                r
                for r in left
                if r.client.startswith(client) and (r.amount, r.payment_type, r.status) == (amount, kind, status)
            ),
            None,
        )
        if hit is None:
            missing.append((client, amount, kind, status))
        else:
            left.remove(hit)
            found.append(hit)
    return found, missing

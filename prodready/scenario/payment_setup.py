"""The data a payments scenario starts from, made through the platform's GraphQL as the admin: a client,
their plot and plan, earlier payments and their reverts; or, on a live deployment, the client it names."""

from __future__ import annotations

import random
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from prodready.core.credentials import target_setting
from prodready.scenario.clock import community_today
from prodready.scenario.money import PaymentType
from prodready.target.people import create_person

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
    $transactionNumber: String, $bankName: String, $chequeNumber: String, $paymentsAttributes: [PlanPaymentInput!]!) {
  transactionCreate(userId: $userId, amount: $amount, source: $source, transactionNumber: $transactionNumber,
                    bankName: $bankName, chequeNumber: $chequeNumber, paymentsAttributes: $paymentsAttributes) {
    transaction { id planPayments { receiptNumber } }
  }
}"""
TRANSACTION_REVERT = "mutation transactionRevert($id: ID!) { transactionRevert(id: $id) { transaction { id status } } }"


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

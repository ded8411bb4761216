"""Payments through GraphQL: PropertyCreate, paymentPlanCreate, transactionCreate, transactionRevert and the reads
(userPlansWithPayments, userBalance, userTransactions, paymentsList).

The types they answer with, and the rows as those types, are in payment_types.py.
"""

from __future__ import annotations

import json
from typing import Any

from ariadne import MutationType, QueryType
from graphql import GraphQLError

from .. import ledger, people, transaction_checks, transaction_queries, transactions
from ..access import can
from ..ledger import PaymentRefused
from ..money import AmountError, to_ngwee
from .common import found, require, to_id
from .payment_types import TYPES_SDL, kwacha, parcel_out, plan_out, plan_payment_out, transaction_out

SDL = (
    TYPES_SDL
    + """
input PlanPaymentInput { paymentPlanId: ID!, amount: Float!, receiptNumber: String }
extend type Query {
  userPlansWithPayments(userId: ID!): [PaymentPlan!]
  userBalance(userId: ID!): Balance
  userTransactions(userId: ID!, limit: Int, offset: Int): [Transaction!]
  paymentsList(limit: Int, offset: Int, query: String): [PlanPayment!]
}
extend type Mutation {
  PropertyCreate(parcelNumber: String!, address1: String, address2: String, city: String, postalCode: String,
                 stateProvince: String, parcelType: String, country: String, ownershipFields: JSON, status: String,
                 objectType: String, houseLandParcelId: ID): PropertyCreatePayload
  paymentPlanCreate(landParcelId: ID!, userId: ID!, coOwnersIds: [ID!], status: Int!, planType: String!,
                    percentage: String, startDate: String!, installmentAmount: Float!, totalAmount: Float!,
                    duration: Int!, paymentDay: Int, frequency: Int!, renewable: Boolean!): PaymentPlanCreatePayload
  transactionCreate(userId: ID!, amount: Float!, source: String!, bankName: String, chequeNumber: String,
                    transactionNumber: String, createdAt: String,
                    paymentsAttributes: [PlanPaymentInput!]!): TransactionCreatePayload
  transactionRevert(id: ID!): TransactionRevertPayload
}
"""
)
query, mutation = QueryType(), MutationType()
BINDABLES = [query, mutation]
LIST_MAX = 100


def _person(info: Any, user_id: Any) -> Any:
    """The person asked about: staff may read anyone's payments, others only their own."""
    caller = require(info, "payment_records.can_fetch_user_transactions")
    if str(user_id) != str(caller["id"]) and not can("plan_payment.can_access_all_payments", caller):
        raise GraphQLError("Unauthorized")  # before looking the person up: a refused caller learns nothing
    person = people.find(to_id(user_id, "User"))
    if person is None:
        raise GraphQLError("User not found")
    return person


def _owners(fields: Any) -> list[int]:
    """ownershipFields: a list (or its JSON text) of {name, address, userId}."""
    if isinstance(fields, str):
        try:
            fields = json.loads(fields)
        except ValueError:
            raise GraphQLError("ownershipFields must be a list of owners") from None
    if fields is None:
        return []
    if not isinstance(fields, list) or len(fields) > 20 or not all(isinstance(f, dict) for f in fields):
        raise GraphQLError("ownershipFields must be a list of owners")
    return [to_id(f.get("userId") or f.get("user_id"), "Owner") for f in fields if f.get("userId") or f.get("user_id")]


@query.field("userPlansWithPayments")
def resolve_user_plans(_obj: Any, info: Any, userId: str) -> list[dict[str, Any]]:
    """A client's plans with their plan payments."""
    return [plan_out(p) for p in ledger.plans_of(_person(info, userId)["id"])]


@query.field("userBalance")
def resolve_user_balance(_obj: Any, info: Any, userId: str) -> dict[str, Any]:
    """The balance strip's figures."""
    figures = ledger.balances(_person(info, userId)["id"])
    return {
        "pendingBalance": kwacha(figures["pending"]),
        "balance": kwacha(figures["general"]),
        "totalTransactions": kwacha(figures["transactions"]),
    }


@query.field("userTransactions")
def resolve_user_transactions(
    _obj: Any, info: Any, userId: str, limit: int | None = None, offset: int | None = None
) -> list[dict[str, Any]]:
    """A client's transactions, newest first."""
    person = _person(info, userId)
    rows = transaction_queries.transactions_of(
        person["id"], max(1, min(limit or 50, LIST_MAX)), max(0, min(offset or 0, 10**6))
    )
    return [transaction_out(tx["id"]) for tx in rows]


@query.field("paymentsList")
def resolve_payments_list(
    _obj: Any, info: Any, limit: int | None = None, offset: int | None = None, query: str | None = None
) -> list[dict[str, Any]]:
    """Every plan payment of the community, newest first (the payments dashboard)."""
    require(info, "plan_payment.can_fetch_payments_list")
    rows = transaction_queries.payments_list(
        max(1, min(limit or 50, LIST_MAX)), max(0, min(offset or 0, 10**6)), " ".join((query or "").split())[:100]
    )
    return [plan_payment_out(p) for p in rows]


@mutation.field("PropertyCreate")
def resolve_property_create(
    _obj: Any,
    info: Any,
    parcelNumber: str,
    ownershipFields: Any = None,
    parcelType: str | None = None,
    address1: str | None = None,
    city: str | None = None,
    country: str | None = None,
    **_ignored: Any,
) -> dict[str, Any]:
    """A new plot, owned by the people ownershipFields names."""
    require(info, "land_parcel.can_create_land_parcel")
    try:
        parcel_id = ledger.create_parcel(
            parcelNumber,
            _owners(ownershipFields),
            parcel_type=parcelType,
            address1=address1,
            city=city,
            country=country,
        )
    except PaymentRefused as exc:
        raise GraphQLError(str(exc)) from None
    return {"landParcel": parcel_out(ledger.parcel(parcel_id))}


@mutation.field("paymentPlanCreate")
def resolve_plan_create(
    _obj: Any,
    info: Any,
    landParcelId: str,
    userId: str,
    status: int,
    planType: str,
    startDate: str,
    installmentAmount: float,
    totalAmount: float,
    duration: int,
    frequency: int,
    renewable: bool,
    coOwnersIds: list[str] | None = None,
    paymentDay: int | None = None,
    **_ignored: Any,
) -> dict[str, Any]:
    """A plan for a plot; pending balance = installment x duration."""
    require(info, "payment_plan.can_create_payment_plan")
    if not 0 <= status < len(ledger.PLAN_STATUSES) or not 0 <= frequency < len(ledger.FREQUENCIES):
        raise GraphQLError(
            "Status is required" if not 0 <= status < len(ledger.PLAN_STATUSES) else "Please select frequency"
        )
    try:
        installment = to_ngwee(installmentAmount)
        to_ngwee(totalAmount)
        plan_id = ledger.create_plan(
            to_id(userId, "User"),
            to_id(landParcelId, "Property"),
            planType,
            installment,
            duration,
            ledger.day(startDate, "Start Date"),
            status=ledger.PLAN_STATUSES[status],
            frequency=ledger.FREQUENCIES[frequency],
            payment_day=paymentDay or 1,
            renewable=renewable,
            co_owner_ids=[to_id(i, "Co-owner") for i in (coOwnersIds or [])[:20]],
        )
    except (PaymentRefused, AmountError) as exc:
        raise GraphQLError(str(exc)) from None
    return {"paymentPlan": plan_out(found(ledger.plan(plan_id), "Payment plan not found") | {"payments": []})}


@mutation.field("transactionCreate")
def resolve_transaction_create(
    _obj: Any,
    info: Any,
    userId: str,
    amount: float,
    source: str,
    paymentsAttributes: list[Any],
    bankName: str | None = None,
    chequeNumber: str | None = None,
    transactionNumber: str | None = None,
    createdAt: str | None = None,
) -> dict[str, Any]:
    """A payment towards the client's plans; each plan payment gets its receipt number."""
    cashier = require(info, "payment_records.can_create_transaction")
    person = people.find(to_id(userId, "User"))
    if person is None:
        raise GraphQLError("User not found")
    parts = [(p.get("paymentPlanId"), p.get("amount"), p.get("receiptNumber")) for p in paymentsAttributes if p]
    try:
        payment = transaction_checks.prepare_payment(
            person["id"],
            source=source,
            transaction_number=transactionNumber,
            bank_name=bankName,
            cheque_number=chequeNumber,
            parts=parts,
            total=amount,
            paid_date=createdAt or None,
        )
        tx_id = transactions.record_payment(person["id"], payment, cashier["id"])
    except PaymentRefused as exc:
        raise GraphQLError(str(exc)) from None
    return {"transaction": transaction_out(tx_id)}


@mutation.field("transactionRevert")
def resolve_transaction_revert(_obj: Any, info: Any, id: str) -> dict[str, Any]:
    """Revert a transaction: its plans owe that amount again."""
    cashier = require(info, "payment_records.can_revert_transaction")
    try:
        tx = transactions.revert(to_id(id, "Transaction"), cashier["id"])
    except PaymentRefused as exc:
        raise GraphQLError(str(exc)) from None
    return {"transaction": transaction_out(tx["id"])}

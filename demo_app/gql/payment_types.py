"""The payments area's GraphQL types (LandParcel, PaymentPlan, PlanPayment, Transaction, Balance and the
mutations' payloads) and the ledger's rows as those types (money in kwacha, enums by the platform's names).

The queries and mutations, with their input type and resolvers, are in payments.py.
"""

from __future__ import annotations

from typing import Any

from .. import ledger, people, transaction_queries
from .common import found, record

TYPES_SDL = """
type LandParcel { id: ID! parcelNumber: String! parcelType: String address1: String city: String country: String }
type PropertyCreatePayload { landParcel: LandParcel }
type PaymentPlan {
  id: ID! planType: String status: String startDate: ISO8601DateTime installmentAmount: Float duration: Int!
  pendingBalance: Float frequency: String paymentDay: Int! renewable: Boolean
  landParcel: LandParcel user: User! planPayments: [PlanPayment!]
}
type PaymentPlanCreatePayload { paymentPlan: PaymentPlan }
type PlanPayment {
  id: ID! amount: Float! status: String! receiptNumber: String createdAt: ISO8601DateTime!
  currentPlotPendingBalance: Float paymentPlan: PaymentPlan user: User!
}
type Transaction {
  id: ID! amount: Float! source: String! status: String! transactionNumber: String bankName: String
  chequeNumber: String createdAt: ISO8601DateTime! user: User! depositor: User planPayments: [PlanPayment!]
}
type TransactionCreatePayload { transaction: Transaction }
type TransactionRevertPayload { transaction: Transaction! }
type Balance { pendingBalance: Float balance: Float totalTransactions: Float }
"""


def kwacha(ngwee: int) -> float:
    """Ngwee as the platform's Float amounts (kwacha)."""
    return ngwee / 100


def parcel_out(row: Any) -> dict[str, Any] | None:
    """A plot as a LandParcel (None stays None)."""
    if row is None:
        return None
    return {
        "id": row["id"],
        "parcelNumber": row["parcel_number"],
        "parcelType": row["parcel_type"],
        "address1": row["address1"],
        "city": row["city"],
        "country": row["country"],
    }


def plan_out(plan: dict[str, Any]) -> dict[str, Any]:
    """A plan (with its `payments`, if read with them) as a PaymentPlan; status and frequency by name."""
    return {
        "id": plan["id"],
        "planType": plan["plan_type"],
        "status": plan["status"],
        "startDate": plan["start_date"],
        "installmentAmount": kwacha(plan["installment_ngwee"]),
        "duration": plan["duration"],
        "pendingBalance": kwacha(plan["pending_ngwee"]),
        "frequency": plan["frequency"],
        "paymentDay": plan["payment_day"],
        "renewable": bool(plan["renewable"]),
        "landParcel": parcel_out(ledger.parcel(plan["land_parcel_id"])) if plan["land_parcel_id"] else None,
        "user": record(people.find(plan["user_id"])),
        "planPayments": [plan_payment_out(p) for p in plan.get("payments", [])],
    }


def plan_payment_out(pay: dict[str, Any]) -> dict[str, Any]:
    """A plan payment (one receipt) as a PlanPayment, with its plan."""
    plan = ledger.plan(pay["plan_id"])
    return {
        "id": pay["id"],
        "amount": kwacha(pay["amount_ngwee"]),
        "status": pay["status"],
        "receiptNumber": pay["receipt_number"],
        "createdAt": pay["created_at"],
        "currentPlotPendingBalance": kwacha(pay["balance_after_ngwee"]),
        "paymentPlan": plan_out(plan) if plan else None,
        "user": record(people.find(pay["user_id"])),
    }


def transaction_out(tx_id: int) -> dict[str, Any]:
    """A stored transaction, read again, as a Transaction with its plan payments."""
    tx = found(transaction_queries.transaction(tx_id), "Transaction not found")
    return {
        "id": tx["id"],
        "amount": kwacha(tx["amount_ngwee"]),
        "source": tx["source"],
        "status": tx["status"],
        "transactionNumber": tx["transaction_number"],
        "bankName": tx["bank_name"],
        "chequeNumber": tx["cheque_number"],
        "createdAt": tx["created_at"],
        "user": record(people.find(tx["user_id"])),
        "depositor": record(people.find(tx["depositor_id"])),
        "planPayments": [plan_payment_out(p) for p in tx["parts"]],
    }

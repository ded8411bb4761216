"""What the payments screens show: the Plans tab's parts (plans, balances, dialogs, receipt) and the dashboard rows."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from flask import abort, g, request

from . import clock, ledger, transaction_checks, transaction_queries
from .access import can
from .db import query
from .money import fmt, plain

# The dashboard's "Payment Info" line names cash "Cash Deposit" (PaymentList.jsx); the rest as the pay dialog.
DASHBOARD_TYPES = {**transaction_checks.SOURCES, "cash": "Cash Deposit"}
# titleize(status) of a plan payment, as the dashboard and the plan rows show it.
PAYMENT_STATUS_LABELS = {"paid": "Paid", "cancelled": "Cancelled"}
# The pay dialog's line under each plan (payment:table_headers.remaining_balance).
REMAINING_BALANCE = "{{amount}} remaining balance"
FREQUENCY_LABELS = {"daily": "Daily", "weekly": "Weekly", "monthly": "Monthly", "quarterly": "Quarterly"}
RECEIPT_COMMUNITY_FIELDS = (
    "account-name",
    "tax-id-no",
    "address",
    "city",
    "country",
    "support-email",
    "website",
    "support-phone-no",
)


def titleize(value: str) -> str:
    """The platform's titleize(): "completed" → "Completed", "bank_transfer" → "Bank Transfer"."""
    return " ".join(word.capitalize() for word in str(value).replace("_", " ").split())


def pending_text(ngwee: int) -> str | None:
    """The balance strip's "Total Balance": "- K 6,000.00" while something is owed; nothing at all when not
    (UserBalance.jsx renders a figure only when it is not zero)."""
    return f"- {fmt(ngwee)}" if ngwee else None


def _plan_view(plan: dict[str, Any]) -> dict[str, Any]:
    plan["type_label"] = titleize(plan["plan_type"])
    plan["status_label"] = titleize(plan["status"])
    plan["balance_text"] = fmt(plan["pending_ngwee"])
    plan["installment_text"] = fmt(plan["installment_ngwee"])
    plan["frequency_label"] = FREQUENCY_LABELS.get(plan["frequency"], "Monthly")
    plan["remaining_text"] = REMAINING_BALANCE.replace("{{amount}}", plan["balance_text"])
    plan["amount_plain"] = plain(plan["pending_ngwee"])
    for payment in plan.get("payments", []):
        payment["date"] = clock.fmt_date(payment["created_at"])
        payment["amount_text"] = fmt(payment["amount_ngwee"])
        payment["status_label"] = PAYMENT_STATUS_LABELS[payment["status"]]
    return plan


def _owned_transaction(text: str | None, person: Any) -> dict[str, Any] | None:
    """The transaction an address names (?transaction= / ?receipt=), which must be this person's; 404 otherwise."""
    if text is None:
        return None
    raw = text.strip()
    if not (raw.isascii() and raw.isdigit()) or len(raw) > 18:
        abort(404)
    tx = transaction_queries.transaction(int(raw))
    if tx is None or tx["user_id"] != person["id"]:
        abort(404)
    return tx


def receipt_view(tx: dict[str, Any]) -> list[dict[str, Any]]:
    """PaymentReceipt: one ReceiptDetails per plan payment of the transaction, the general fund's share last.

    A share of the general fund is for no plot: its receipt says "General Plan" (ReceiptDetails' own words for a
    payment without a plot) and leaves out the plan and plot lines; see docs/platform-defects.md.
    """
    receipts = []
    for part in tx["parts"]:
        plot = part["parcel_number"] if part["plan_type"] != "general" else None
        receipts.append(
            {
                "number": part["receipt_number"],
                "client": tx["client_name"],
                "nrc": tx["ext_ref_id"] or "-",
                "date": clock.fmt_date(tx["created_at"]),
                "plot": plot,
                "row_plot": plot or "General Plan",
                "type": transaction_checks.SOURCES[tx["source"]],
                "amount": fmt(part["amount_ngwee"]),
                "cashier": tx["cashier_name"],
                "expected_monthly": fmt(part["installment_ngwee"]),
                "balance_remaining": fmt(part["balance_after_ngwee"]),
            }
        )
    return receipts


def _transaction_rows(person_id: int) -> list[dict[str, Any]]:
    rows = []
    for tx in transaction_queries.transactions_of(person_id):
        if tx["status"] != "accepted":
            continue  # the platform lists the transactions not reverted (userTransactions: not_cancelled)
        rows.append(
            {
                "id": tx["id"],
                "date": clock.fmt_date(tx["created_at"]),
                "recorded": tx["cashier_name"],
                "description": tx["source"],
                "amount": fmt(tx["amount_ngwee"]),
                "unallocated": fmt(0),
                "accepted": True,
                "client": tx["client_name"],
                "plans": " ".join(
                    str(r["plan_id"])
                    for r in query("SELECT plan_id FROM plan_payments WHERE transaction_id = ?", (tx["id"],))
                ),
            }
        )
    return rows


def plans_part(person: Any, staff: bool) -> dict[str, Any]:
    """Everything the Plans tab of a person's profile shows, for staff or for the client themself."""
    args = request.args
    subtab = "Transactions" if args.get("subtab") == "Transactions" else ""
    state = g.get("payments_state", {})
    plans = [_plan_view(p) for p in ledger.plans_of(person["id"])]
    balances = ledger.balances(person["id"])
    receipt = _owned_transaction(args.get("receipt"), person)
    prompt = _owned_transaction(args.get("transaction"), person)
    return {
        "person": person,
        "staff": staff,
        "subtab": subtab,
        "plans": plans,
        "payable": [p for p in plans if p["status"] in ("active", "completed")],
        "pending_text": pending_text(balances["pending"]),
        "transactions_text": fmt(balances["transactions"]) if balances["transactions"] else None,
        "general_text": fmt(balances["general"]) if balances["general"] > 0 else None,
        "can_pay": staff and can("payment_records.can_create_transaction"),
        "can_revert": staff and can("payment_records.can_revert_transaction"),
        "can_plan": staff and can("payment_plan.can_create_payment_plan"),
        "sources": transaction_checks.SOURCES,
        "cheque_sources": transaction_checks.CHEQUE_SOURCES,
        "plan_type_options": [(t, titleize(t)) for t in ledger.PLAN_TYPES],
        "frequencies": FREQUENCY_LABELS,
        "plot_options": [
            (
                str(lot["id"]),
                f"{lot['parcel_type']}: {lot['parcel_number']}" if lot["parcel_type"] else lot["parcel_number"],
            )
            for lot in ledger.parcels_of(person["id"])
        ]
        if staff
        else [],
        "rows": _transaction_rows(person["id"]) if subtab else [],
        "filter_options": [("all", "All")] + [(str(pl["id"]), pl["parcel_number"]) for pl in plans],
        "receipts": receipt_view(receipt) if receipt else None,
        "prompt": prompt,
        "pay_form": state.get("pay_form"),
        "plan_form": state.get("plan_form"),
        "today": clock.today_local().isoformat(),
        "community_fields": RECEIPT_COMMUNITY_FIELDS,
    }


def dashboard_rows(
    tab: str, limit: int, offset: int, search: str, since: datetime | None, until: datetime | None
) -> list[dict[str, Any]]:
    """The dashboard's rows: plan payments (tab Payments) or plans (tab Plans), newest first."""
    if tab == "plans":
        like = f"%{search.lower()}%"
        plans = query(
            f"{ledger.PLAN_COLUMNS} WHERE p.plan_type != 'general' AND (lower(u.name) LIKE ?"
            " OR lower(coalesce(l.parcel_number, '')) LIKE ?) ORDER BY p.created_at DESC, p.id DESC"
            " LIMIT ? OFFSET ?",
            (like, like, limit, offset),
        )
        return [_plan_view(dict(p)) for p in plans]
    rows = []
    for pay in transaction_queries.payments_list(limit, offset, search, since, until):
        plot = pay["parcel_number"] or "General Plan"
        rows.append(
            {
                "user_id": pay["user_id"],
                "client": pay["client_name"],
                "plot_info": f"{pay['parcel_type']} - {plot}" if pay["parcel_type"] else plot,
                "date": clock.fmt_date(pay["created_at"]),
                "amount": fmt(pay["amount_ngwee"]),
                "type": DASHBOARD_TYPES[pay["source"]],
                "receipt": pay["receipt_number"] or "-",
                "status": PAYMENT_STATUS_LABELS[pay["status"]],
            }
        )
    return rows

"""Recording a checked payment towards a client's plans, with a receipt for each plan paid, and reverting one.

Each plan takes what it still owes, the rest goes to the client's general plan; receipts are numbered
"SI" + the next number, or "MI" + the number the cashier typed for a manual payment. Checking a payment
is transaction_checks.py; reading recorded ones is transaction_queries.py.
"""

from __future__ import annotations

import sqlite3
from typing import Any

from . import clock
from .db import insert
from .ledger import PaymentRefused, atomic, general_plan
from .transaction_checks import Payment

AUTO_PREFIX, MANUAL_PREFIX, FIRST_RECEIPT = "SI", "MI", 1000


def record_payment(user_id: int, payment: Payment, depositor_id: int) -> int:
    """Record a checked payment: each plan takes what it still owes, the rest goes to the general plan."""
    now = payment.paid_at or clock.to_iso(clock.now_utc())
    try:
        with atomic() as db:
            if (
                payment.transaction_number
                and db.execute(
                    "SELECT 1 FROM transactions WHERE transaction_number = ?", (payment.transaction_number,)
                ).fetchone()
            ):
                raise PaymentRefused("Transaction Number has already been used")
            tx_id = insert(
                db,
                "INSERT INTO transactions (user_id, source, transaction_number, amount_ngwee, bank_name, cheque_number,"
                " depositor_id, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    user_id,
                    payment.source,
                    payment.transaction_number,
                    payment.total,
                    payment.bank_name,
                    payment.cheque_number,
                    depositor_id,
                    now,
                ),
            )
            overflow: list[tuple[int, str | None]] = []
            for plan_id, ngwee, receipt in payment.parts:
                plan = db.execute("SELECT * FROM payment_plans WHERE id = ?", (plan_id,)).fetchone()
                share = ngwee if plan["plan_type"] == "general" else min(ngwee, plan["pending_ngwee"])
                if share > 0 and plan["plan_type"] != "general":
                    pending = plan["pending_ngwee"] - share
                    db.execute(
                        "UPDATE payment_plans SET pending_ngwee = ?, status = ? WHERE id = ?",
                        (pending, "completed" if pending == 0 else plan["status"], plan_id),
                    )
                    _plan_payment(db, tx_id, plan_id, user_id, share, receipt, pending, now)
                elif share > 0:
                    overflow.append((share, receipt))
                if ngwee > share:
                    overflow.append((ngwee - share, receipt))
            if overflow:
                _plan_payment(
                    db,
                    tx_id,
                    general_plan(db, user_id),
                    user_id,
                    sum(n for n, _ in overflow),
                    next((r for _, r in overflow if r), None),
                    0,
                    now,
                    suffix="-G",
                )
            return tx_id
    except sqlite3.IntegrityError as exc:
        # Two cashiers typed the same number at the same moment: the second one loses.
        if "transaction_number" in str(exc) or "receipt" in str(exc):
            raise PaymentRefused(
                "Transaction Number has already been used"
                if "transaction" in str(exc)
                else "Receipt Number has already been used"
            ) from None
        raise


def _plan_payment(
    db: sqlite3.Connection,
    tx_id: int,
    plan_id: int,
    user_id: int,
    ngwee: int,
    manual: str | None,
    balance_after: int,
    now: str,
    suffix: str = "",
) -> None:
    """One plan payment with its receipt number: "SI" + the next number, or "MI" + the manual one."""
    if manual:
        number = f"{MANUAL_PREFIX}{manual}{suffix}"
        if db.execute("SELECT 1 FROM plan_payments WHERE receipt_number = ? AND status = 'paid'", (number,)).fetchone():
            raise PaymentRefused("Receipt Number has already been used")
        seq = None
    else:
        seq = db.execute(
            "SELECT coalesce(max(receipt_seq), ?) + 1 AS n FROM plan_payments", (FIRST_RECEIPT - 1,)
        ).fetchone()["n"]
        number = f"{AUTO_PREFIX}{seq}"
    db.execute(
        "INSERT INTO plan_payments (transaction_id, plan_id, user_id, amount_ngwee, receipt_seq, receipt_number,"
        " balance_after_ngwee, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        (tx_id, plan_id, user_id, ngwee, seq, number, balance_after, now),
    )


def revert(transaction_id: int, by_user_id: int) -> dict[str, Any]:
    """Cancel a transaction: every plan it paid owes that again (and is active again); the general
    plan gives it back."""
    with atomic() as db:
        tx = db.execute("SELECT * FROM transactions WHERE id = ?", (transaction_id,)).fetchone()
        if tx is None:
            raise PaymentRefused("Transaction not found")
        if tx["status"] != "accepted":
            raise PaymentRefused("This transaction has already been reverted")
        parts = db.execute(
            "SELECT pp.*, p.plan_type FROM plan_payments pp JOIN payment_plans p ON p.id = pp.plan_id"
            " WHERE pp.transaction_id = ? AND pp.status = 'paid'",
            (transaction_id,),
        ).fetchall()
        for part in parts:
            if part["plan_type"] != "general":
                db.execute(
                    "UPDATE payment_plans SET pending_ngwee = pending_ngwee + ?,"
                    " status = CASE WHEN status = 'completed' THEN 'active' ELSE status END WHERE id = ?",
                    (part["amount_ngwee"], part["plan_id"]),
                )
            db.execute("UPDATE plan_payments SET status = 'cancelled' WHERE id = ?", (part["id"],))
        db.execute(
            "UPDATE transactions SET status = 'cancelled', reverted_at = ?, reverted_by = ? WHERE id = ?",
            (clock.to_iso(clock.now_utc()), by_user_id, transaction_id),
        )
    return dict(tx)

"""The payments ledger: plans, balances, recording a payment (with its receipt) and reverting one."""
from __future__ import annotations

import sqlite3
from contextlib import contextmanager
from typing import Any, Iterator, Mapping

from . import clock
from .db import get_db, query
from .money import AmountError, to_ngwee

# Transaction sources as the platform names them, with their labels.
SOURCES = {
    "cash": "Cash",
    "cheque/cashier_cheque": "Cheque/Cashier Cheque",
    "mobile_money": "Mobile Money",
    "bank_transfer/cash_deposit": "Bank Transfer/Cash Deposit",
    "bank_transfer/eft": "Bank Transfer/EFT",
    "pos": "Point of Sale",
}
CHEQUE_SOURCES = {"cheque/cashier_cheque"}  # these need a bank name and a cheque number
PLAN_TYPES = ("starter", "basic", "standard", "premium")
STATUS_LABELS = {"accepted": "Accepted", "cancelled": "Cancelled"}
PLAN_STATUS_LABELS = {"active": "Active", "completed": "Completed", "cancelled": "Cancelled", "general": "General"}
RECEIPT_PREFIX, FIRST_RECEIPT = "SI", 1000
MAX_TRANSACTION_NUMBER = 35


class PaymentRefused(Exception):
    """A payment or revert the ledger will not make (its message is for the person)."""


@contextmanager
def atomic() -> Iterator[sqlite3.Connection]:
    """One write transaction, taken up front so two cashiers cannot read the same balance or sequence."""
    db = get_db()
    db.execute("BEGIN IMMEDIATE")
    try:
        yield db
    except BaseException:
        db.rollback()
        raise
    db.commit()


def create_plan(user_id: int, plan_type: str, installment_ngwee: int, duration: int, plot_number: str | None = None) -> int:
    """A new active plan whose pending balance is installment x duration."""
    with atomic() as db:
        cur = db.execute(
            "INSERT INTO payment_plans (user_id, plan_type, installment_ngwee, duration, pending_ngwee, status,"
            " plot_number, created_at) VALUES (?, ?, ?, ?, ?, 'active', ?, ?)",
            (user_id, plan_type, installment_ngwee, duration, installment_ngwee * duration, plot_number,
             clock.to_iso(clock.now_utc())))
        return cur.lastrowid


def plans_of(user_id: int) -> list[dict[str, Any]]:
    """A client's plans, oldest first; the general plan carries its credit as `paid_ngwee`."""
    rows = query(
        "SELECT p.*, coalesce((SELECT sum(pp.amount_ngwee) FROM plan_payments pp"
        " WHERE pp.plan_id = p.id AND pp.status = 'paid'), 0) AS paid_ngwee"
        " FROM payment_plans p WHERE p.user_id = ? ORDER BY p.plan_type = 'general', p.created_at, p.id", (user_id,))
    return [dict(r) for r in rows]


def total_balance(user_id: int, db: sqlite3.Connection | None = None) -> int:
    """"Total Balance": the pending balances of the client's own plans (the general plan excluded)."""
    row = (db or get_db()).execute(
        "SELECT coalesce(sum(pending_ngwee), 0) AS n FROM payment_plans"
        " WHERE user_id = ? AND plan_type != 'general' AND status IN ('active', 'completed')", (user_id,)).fetchone()
    return row["n"]


def validate_payment(form: Mapping[str, Any]) -> tuple[dict[str, Any], dict[str, str]]:
    """Check the pay dialog's fields; (clean values, errors by field). Duplicates are checked here too."""
    values = {k: str(form.get(k) or "").strip()
              for k in ("source", "transaction_number", "amount", "bank_name", "cheque_number")}
    errors: dict[str, str] = {}
    if values["source"] not in SOURCES:
        errors["source"] = "Payment Type is required" if not values["source"] else "Choose a payment type from the list"
    number = values["transaction_number"]
    if not number:
        errors["transaction_number"] = "Transaction Number is required"
    elif len(number) > MAX_TRANSACTION_NUMBER:
        errors["transaction_number"] = f"Transaction Number must be at most {MAX_TRANSACTION_NUMBER} characters"
    elif query("SELECT 1 FROM transactions WHERE transaction_number = ?", (number,), one=True):
        errors["transaction_number"] = "This transaction number has already been used"
    try:
        values["amount_ngwee"] = to_ngwee(values["amount"])
    except AmountError as exc:
        errors["amount"] = str(exc)
    if values["source"] in CHEQUE_SOURCES:
        for key, label in (("bank_name", "Bank Name"), ("cheque_number", "Cheque Number")):
            if not values[key]:
                errors[key] = f"{label} is required"
            elif len(values[key]) > 100:
                errors[key] = f"{label} is too long"
    else:
        values["bank_name"] = values["cheque_number"] = ""  # only cheques carry them
    return values, errors


def record_payment(user_id: int, values: Mapping[str, Any], depositor_id: int, at: str | None = None) -> int:
    """Record a validated payment: fill the client's plans oldest first, the excess to their general plan."""
    now = at or clock.to_iso(clock.now_utc())
    try:
        with atomic() as db:
            remaining = values["amount_ngwee"]
            allocations: list[tuple[int, int]] = []
            plans = db.execute("SELECT * FROM payment_plans WHERE user_id = ? AND status = 'active'"
                               " AND plan_type != 'general' ORDER BY created_at, id", (user_id,)).fetchall()
            for plan in plans:
                share = min(remaining, plan["pending_ngwee"])
                if share <= 0:
                    continue
                pending = plan["pending_ngwee"] - share
                db.execute("UPDATE payment_plans SET pending_ngwee = ?, status = ? WHERE id = ?",
                           (pending, "completed" if pending == 0 else "active", plan["id"]))
                allocations.append((plan["id"], share))
                remaining -= share
            if remaining > 0:
                allocations.append((_general_plan(db, user_id, now), remaining))
            expected = _expected_monthly(db, user_id, [plan_id for plan_id, _ in allocations])
            seq = db.execute("SELECT coalesce(max(receipt_seq), ?) + 1 AS n FROM transactions",
                             (FIRST_RECEIPT - 1,)).fetchone()["n"]
            cur = db.execute(
                "INSERT INTO transactions (user_id, source, transaction_number, amount_ngwee, bank_name, cheque_number,"
                " receipt_seq, receipt_number, depositor_id, expected_monthly_ngwee, balance_after_ngwee, created_at)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (user_id, values["source"], values["transaction_number"], values["amount_ngwee"],
                 values.get("bank_name") or None, values.get("cheque_number") or None, seq, f"{RECEIPT_PREFIX}{seq}",
                 depositor_id, expected, total_balance(user_id, db), now))
            for plan_id, share in allocations:
                db.execute("INSERT INTO plan_payments (transaction_id, plan_id, amount_ngwee, created_at)"
                           " VALUES (?, ?, ?, ?)", (cur.lastrowid, plan_id, share, now))
            return cur.lastrowid
    except sqlite3.IntegrityError as exc:
        # Two cashiers typed the same transaction number at the same moment: the second one loses.
        if "transaction_number" not in str(exc):
            raise
        raise PaymentRefused("This transaction number has already been used") from None


def _general_plan(db: sqlite3.Connection, user_id: int, now: str) -> int:
    """The client's general plan (created on first use)."""
    row = db.execute("SELECT id FROM payment_plans WHERE user_id = ? AND plan_type = 'general'", (user_id,)).fetchone()
    if row is not None:
        return row["id"]
    return db.execute("INSERT INTO payment_plans (user_id, plan_type, status, created_at)"
                      " VALUES (?, 'general', 'general', ?)", (user_id, now)).lastrowid


def _expected_monthly(db: sqlite3.Connection, user_id: int, paid_plan_ids: list[int]) -> int:
    """The installment the receipt shows: of the first plan this payment went to, else the client's first plan."""
    rows = db.execute("SELECT id, installment_ngwee FROM payment_plans WHERE user_id = ? AND plan_type != 'general'"
                      " AND status != 'cancelled' ORDER BY created_at, id", (user_id,)).fetchall()
    for row in rows:
        if row["id"] in paid_plan_ids:
            return row["installment_ngwee"]
    return rows[0]["installment_ngwee"] if rows else 0


def revert(transaction_id: int, by_user_id: int) -> None:
    """Cancel a transaction: every plan it paid gets its pending balance back (and is active again)."""
    with atomic() as db:
        tx = db.execute("SELECT * FROM transactions WHERE id = ?", (transaction_id,)).fetchone()
        if tx is None:
            raise PaymentRefused("There is no such transaction")
        if tx["status"] != "accepted":
            raise PaymentRefused("This transaction has already been reverted")
        parts = db.execute("SELECT pp.*, p.plan_type FROM plan_payments pp JOIN payment_plans p ON p.id = pp.plan_id"
                           " WHERE pp.transaction_id = ? AND pp.status = 'paid'", (transaction_id,)).fetchall()
        for part in parts:
            if part["plan_type"] != "general":
                db.execute("UPDATE payment_plans SET pending_ngwee = pending_ngwee + ?,"
                           " status = CASE WHEN status = 'completed' THEN 'active' ELSE status END WHERE id = ?",
                           (part["amount_ngwee"], part["plan_id"]))
            db.execute("UPDATE plan_payments SET status = 'cancelled' WHERE id = ?", (part["id"],))
        db.execute("UPDATE transactions SET status = 'cancelled', reverted_at = ?, reverted_by = ? WHERE id = ?",
                   (clock.to_iso(clock.now_utc()), by_user_id, transaction_id))


def transaction(transaction_id: int) -> dict[str, Any] | None:
    """One transaction with its client's and cashier's names, and how it was allocated."""
    row = query("SELECT t.*, u.name AS client_name, d.name AS cashier_name FROM transactions t"
                " JOIN users u ON u.id = t.user_id JOIN users d ON d.id = t.depositor_id WHERE t.id = ?",
                (transaction_id,), one=True)
    if row is None:
        return None
    tx = dict(row)
    tx["parts"] = [dict(r) for r in query(
        "SELECT pp.*, p.plan_type, p.plot_number FROM plan_payments pp JOIN payment_plans p ON p.id = pp.plan_id"
        " WHERE pp.transaction_id = ? ORDER BY pp.id", (transaction_id,))]
    return tx

"""Recording a payment towards a client's plans (with its receipts), reverting one, and reading them."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime, time
from typing import Any

from . import clock
from .db import insert, query
from .ledger import PaymentRefused, atomic, day, general_plan
from .money import AmountError, to_ngwee

# Transaction sources (the pay dialog's "Transaction Type"), with the platform's labels.
SOURCES = {
    "cash": "Cash",
    "cheque/cashier_cheque": "Cheque/Cashier Cheque",
    "mobile_money": "Mobile Money",
    "bank_transfer/cash_deposit": "Bank Transfer/Cash Deposit",
    "bank_transfer/eft": "Bank Transfer/EFT",
    "pos": "Point of Sale",
}
CHEQUE_SOURCES = ("cheque/cashier_cheque",)  # these need a bank name and a cheque number
AUTO_PREFIX, MANUAL_PREFIX, FIRST_RECEIPT = "SI", "MI", 1000
NUMBER_MAX, BANK_MAX, RECEIPT_MAX, PARTS_MAX = 35, 100, 35, 50


@dataclass
class Payment:
    """A checked payment: what the cashier typed, in ngwee, per plan."""

    source: str
    transaction_number: str | None
    bank_name: str | None
    cheque_number: str | None
    parts: list[tuple[int, int, str | None]] = field(default_factory=list)  # (plan id, ngwee, manual receipt)
    paid_at: str | None = None  # a manual payment's date, as a UTC instant

    @property
    def total(self) -> int:
        """What the client paid."""
        return sum(ngwee for _plan, ngwee, _receipt in self.parts)


def _short(value: Any, what: str, limit: int) -> str | None:
    text = " ".join(str(value or "").split())
    if len(text) > limit:
        raise PaymentRefused(f"{what} is too long (maximum is {limit} characters)")
    return text or None


def _amount(value: Any) -> int:
    try:
        return to_ngwee(value)
    except AmountError as exc:
        raise PaymentRefused(str(exc)) from None


def prepare_payment(
    user_id: int,
    *,
    source: Any,
    transaction_number: Any,
    bank_name: Any,
    cheque_number: Any,
    parts: Iterable[tuple[Any, Any, Any]],
    total: Any = None,
    paid_date: Any = None,
) -> Payment:
    """Check a payment as the pay dialog or transactionCreate gives it; PaymentRefused says what is wrong."""
    if not source:
        raise PaymentRefused("TransactionType is required")
    if source not in SOURCES:
        raise PaymentRefused("Choose a Transaction Type from the list")
    payment = Payment(
        str(source),
        _short(transaction_number, "Transaction Number", NUMBER_MAX),
        _short(bank_name, "Bank Name", BANK_MAX),
        _short(cheque_number, "Cheque Number", NUMBER_MAX),
    )
    if payment.source in CHEQUE_SOURCES:
        missing = [
            what
            for what, value in (("Bank Name", payment.bank_name), ("Cheque Number", payment.cheque_number))
            if not value
        ]
        if missing:
            raise PaymentRefused(
                " and ".join(missing) + " are required for a cheque"
                if len(missing) > 1
                else f"{missing[0]} is required for a cheque"
            )
    else:
        payment.bank_name = payment.cheque_number = None  # only cheques carry them
    manual = paid_date not in (None, "")
    if manual:
        paid = day(paid_date, "Paid Date")
        if paid > clock.today_local():
            raise PaymentRefused("Paid Date cannot be in the future")
        payment.paid_at = clock.to_iso(clock.combine_local(paid, time(12)))
    own = {
        r["id"]
        for r in query(
            "SELECT id FROM payment_plans WHERE user_id = ? AND status IN ('active', 'completed', 'general')",
            (user_id,),
        )
    }
    for plan_id, amount, receipt in list(parts)[: PARTS_MAX + 1]:
        if len(payment.parts) == PARTS_MAX:
            raise PaymentRefused(f"A payment can go to at most {PARTS_MAX} plans")
        number = _plan_id(plan_id)
        if number not in own:
            raise PaymentRefused("Payment plan not found")
        if manual and not str(receipt or "").strip():
            raise PaymentRefused("Receipt Number cannot be blank")
        payment.parts.append(
            (number, _amount(amount), _short(receipt, "Receipt Number", RECEIPT_MAX) if manual else None)
        )
    if not payment.parts:
        raise PaymentRefused("Amount is required")
    if total is not None and _amount(total) != payment.total:
        raise PaymentRefused("Amount must be the sum of the amounts paid towards each plan")
    return payment


def _plan_id(value: Any) -> int:
    try:
        number = int(str(value).strip())
    except (TypeError, ValueError):
        raise PaymentRefused("Payment plan not found") from None
    if not 0 < number < 2**63:
        raise PaymentRefused("Payment plan not found")
    return number


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


TX_COLUMNS = (
    "SELECT t.*, u.name AS client_name, u.ext_ref_id, d.name AS cashier_name FROM transactions t"
    " JOIN users u ON u.id = t.user_id JOIN users d ON d.id = t.depositor_id"
)


def transaction(transaction_id: int) -> dict[str, Any] | None:
    """One transaction with its client's and cashier's names and its plan payments (receipts)."""
    row = query(f"{TX_COLUMNS} WHERE t.id = ?", (transaction_id,), one=True)
    if row is None:
        return None
    tx = dict(row)
    tx["parts"] = [
        dict(r)
        for r in query(
            "SELECT pp.*, p.plan_type, p.installment_ngwee, l.parcel_number FROM plan_payments pp"
            " JOIN payment_plans p ON p.id = pp.plan_id LEFT JOIN land_parcels l ON l.id = p.land_parcel_id"
            " WHERE pp.transaction_id = ? ORDER BY p.plan_type = 'general', pp.id",
            (transaction_id,),
        )
    ]
    return tx


def transactions_of(user_id: int, limit: int = 50, offset: int = 0) -> list[dict[str, Any]]:
    """A client's transactions, newest first."""
    return [
        dict(r)
        for r in query(
            f"{TX_COLUMNS} WHERE t.user_id = ? ORDER BY t.created_at DESC, t.id DESC LIMIT ? OFFSET ?",
            (user_id, limit, offset),
        )
    ]


def payments_list(
    limit: int, offset: int, search: str = "", since: datetime | None = None, until: datetime | None = None
) -> list[dict[str, Any]]:
    """Every plan payment of the community (the payments dashboard), newest first, optionally filtered."""
    where, args = ["1 = 1"], []
    if search:
        like = f"%{search.lower()}%"
        where.append(
            "(lower(u.name) LIKE ? OR lower(coalesce(l.parcel_number, '')) LIKE ? OR lower(pp.receipt_number) LIKE ?)"
        )
        args += [like, like, like]
    if since:
        where.append("pp.created_at >= ?")
        args.append(clock.to_iso(since))
    if until:
        where.append("pp.created_at < ?")
        args.append(clock.to_iso(until))
    return [
        dict(r)
        for r in query(
            "SELECT pp.*, t.source, t.transaction_number, u.name AS client_name, l.parcel_number, l.parcel_type"
            " FROM plan_payments pp JOIN transactions t ON t.id = pp.transaction_id JOIN users u ON u.id = pp.user_id"
            " JOIN payment_plans p ON p.id = pp.plan_id LEFT JOIN land_parcels l ON l.id = p.land_parcel_id"
            f" WHERE {' AND '.join(where)} ORDER BY pp.created_at DESC, pp.id DESC LIMIT ? OFFSET ?",
            (*args, limit, offset),
        )
    ]

"""Checking a payment as the cashier gives it (the pay dialog or transactionCreate), before anything is stored.

Its transaction type (with the platform's labels), a cheque's bank and number, the client's plans it
goes to with their amounts, and for a manual payment its date and receipt numbers. Recording a checked
payment is transactions.py; reading recorded ones is transaction_queries.py.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import time
from typing import Any

from . import clock
from .db import query
from .ledger import PaymentRefused, day
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

"""Money and payment types as the platform writes them: K6,000.00, "SI1000", cash, mobile money, cheque…"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

import parse

MONEY = re.compile(r"^-?K[0-9]{1,3}(,[0-9]{3})*\.[0-9]{2}$")
RECEIPT_NUMBER = re.compile(r"^SI[0-9]+$")  # automatic receipt numbers: "SI" + a sequence from 1000


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

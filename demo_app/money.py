"""Money for the reference app: integer ngwee in storage, "K6,000.00" on screen, strict parsing."""
from __future__ import annotations

import re
from decimal import Decimal

NGWEE_PER_KWACHA = 100
# A payment larger than this is a typing mistake, not a payment (K10 million).
MAX_NGWEE = 10_000_000 * NGWEE_PER_KWACHA
# Plain decimal notation only: Decimal() alone would also take "1e3", "NaN" and "1_000".
NUMBER = re.compile(r"^[+-]?(\d+(\.\d*)?|\.\d+)$")


class AmountError(ValueError):
    """An amount a person typed that is not a valid payment amount (the message says why)."""


def to_ngwee(value: object) -> int:
    """Kwacha (text like "2,000.50" or "K2,000", or a number) as integer ngwee; AmountError if invalid."""
    text = str(value if value is not None else "").strip().replace(",", "").removeprefix("K").strip()
    if not text:
        raise AmountError("Amount is required")
    if not NUMBER.match(text):
        raise AmountError("Amount must be a number")
    amount = Decimal(text)
    if amount <= 0:
        raise AmountError("Amount must be greater than 0")
    if amount != amount.quantize(Decimal("0.01")):
        raise AmountError("Amount can have at most 2 decimal places")
    ngwee = int(amount * NGWEE_PER_KWACHA)
    if ngwee > MAX_NGWEE:
        raise AmountError("Amount is too large")
    return ngwee


def fmt(ngwee: int | None) -> str:
    """Ngwee as the platform shows money: K6,000.00 (a minus sign before the K when negative)."""
    if ngwee is None:
        return "-"
    sign = "-" if ngwee < 0 else ""
    kwacha, cents = divmod(abs(int(ngwee)), NGWEE_PER_KWACHA)
    return f"{sign}K{kwacha:,}.{cents:02d}"

"""Money for the reference app: integer ngwee in storage, "K6,000.00" on screen, strict parsing."""

from __future__ import annotations

import math
import re
from decimal import Decimal, InvalidOperation

NGWEE_PER_KWACHA = 100
# A payment larger than this is a typing mistake, not a payment (K10 million).
MAX_NGWEE = 10_000_000 * NGWEE_PER_KWACHA
MAX_TEXT = 32  # characters of a typed amount looked at (a 28-digit amount is still read, then refused)
# Plain decimal notation with ASCII digits only; commas only as thousands separators ("2,000.50"),
# so "1,50", "1,,0,0", ",5", "1e3", "NaN", "1_000" and Arabic-Indic digits are not amounts.
AMOUNT = re.compile(r"(?:[0-9]{1,3}(?:,[0-9]{3})+|[0-9]+)(?:\.[0-9]*)?|\.[0-9]+", re.ASCII)


class AmountError(ValueError):
    """An amount that is not a valid payment amount (the message says why)."""


def to_ngwee(value: object) -> int:
    """Kwacha (typed text like "2,000.50" or "K2,000", or a number) as integer ngwee; AmountError if invalid."""
    if isinstance(value, bool):
        raise AmountError("Amount must be a number")
    if isinstance(value, (int, float)):
        if isinstance(value, float) and not math.isfinite(value):
            raise AmountError("Amount must be a number")
        amount = Decimal(str(value))
    else:
        amount = _parse_text(str(value if value is not None else ""))
    if amount <= 0:
        raise AmountError("Amount must be greater than 0")
    # Size first: quantizing a 28-digit amount would overflow the decimal context.
    if amount * NGWEE_PER_KWACHA > MAX_NGWEE:
        raise AmountError("Amount is too large")
    if amount != amount.quantize(Decimal("0.01")):
        raise AmountError("Amount can have at most 2 decimal places")
    return int(amount * NGWEE_PER_KWACHA)


def _parse_text(raw: str) -> Decimal:
    """A typed amount: optional minus and "K", then plain decimal notation."""
    text = raw.strip()
    if not text:
        raise AmountError("Amount is required")
    if len(text) > MAX_TEXT:
        raise AmountError("Amount is too large")
    negative = text.startswith("-")
    text = text.removeprefix("-").removeprefix("K").strip()
    if not AMOUNT.fullmatch(text):
        raise AmountError("Amount must be a number")
    try:
        amount = Decimal(text.replace(",", ""))
    except InvalidOperation:  # pragma: no cover - the pattern admits only valid decimals
        raise AmountError("Amount must be a number") from None
    return -amount if negative else amount


NBSP = "\u00a0"


def fmt(ngwee: int | None) -> str:
    """Ngwee as the platform shows money: Intl.NumberFormat('en-ZM', {currency: 'ZMW'}) in Chromium writes "K",
    a no-break space, then the amount ("K 6,000.00"; "-K 6,000.00" when negative)."""
    if ngwee is None:
        return "-"
    sign = "-" if ngwee < 0 else ""
    kwacha, cents = divmod(abs(int(ngwee)), NGWEE_PER_KWACHA)
    return f"{sign}K{NBSP}{kwacha:,}.{cents:02d}"


def plain(ngwee: int) -> str:
    """Ngwee as a plain number for a form field: 2000.50."""
    kwacha, cents = divmod(int(ngwee), NGWEE_PER_KWACHA)
    return f"{kwacha}.{cents:02d}"

"""Money as the platform shows it (K 6,000.00) and as failure messages write it; reading what features write
(K6,000.00, K500, 500 kwacha) and the ways to pay (cash, mobile money…) is prodready.scenario.values'."""

from __future__ import annotations

import re
from decimal import Decimal

from prodready.scenario.values import PAYMENT_KINDS, TYPES, PaymentKind

# What the platform renders: `formatMoney` is Intl.NumberFormat(locale 'en-ZM', currency 'ZMW'), which Chromium
# writes "K", a no-break space, then the amount ("-K 1,234.50" when negative). Nothing else is accepted (a
# different form on screen means the community's currency or locale changed, and the suite should say so), but
# for the space: a list read in one go (pages/scripts.py READ_ROWS) collapses it into a plain one.
NBSP = "\u00a0"
SHOWN = re.compile(rf"-?K[{NBSP} ][0-9]{{1,3}}(?:,[0-9]{{3}})*\.[0-9]{{2}}")
RECEIPT_NUMBER = re.compile(r"^SI[0-9]+$")  # automatic receipt numbers: "SI" + a sequence


def parse_kwacha(text: str) -> Decimal:
    """Money as a feature writes it (K6,000.00, K500, 500 kwacha: values' Money), as an exact amount."""
    return TYPES["Money"](text)


def kwacha(text: str) -> Decimal:
    """Money as the platform shows it ("K 6,000.00", "-K 6,000.00") as an exact amount."""
    cleaned = text.strip()
    if not SHOWN.fullmatch(cleaned):
        raise AssertionError(f"{text!r} is not money as the platform shows it ({money(Decimal('6000'))!r})")
    return Decimal(cleaned.replace("K", "").replace(NBSP, "").replace(" ", "").replace(",", ""))


def kwacha_in(text: str) -> Decimal | None:
    """The first amount of money in a text ("Paid K 2,000.00 on 2026-05-04 Cash Deposit"), or None."""
    found = SHOWN.search(text)
    return kwacha(found.group(0)) if found else None


def owed(shown: str | None) -> Decimal:
    """The balance strip's "Total Balance" ("- K 6,000.00") as what the client owes; the platform shows no
    "Total Balance" at all when nothing is owed (None)."""
    if shown is None:
        return Decimal(0)
    return kwacha(shown.removeprefix("- ")) if shown.startswith("- ") else kwacha(shown)


def money(amount: Decimal) -> str:
    """An exact amount as the platform shows it: K 6,000.00."""
    return f"{'-' if amount < 0 else ''}K{NBSP}{abs(amount):,.2f}"


def written(amount: Decimal) -> str:
    """An exact amount as the features write it (in failure messages): K6,000.00."""
    return f"{'-' if amount < 0 else ''}K{abs(amount):,.2f}"


def typed(amount: Decimal) -> str:
    """An exact amount as typed into a number field: 1000.00."""
    return f"{amount:.2f}"


PaymentType = PaymentKind  # a way to pay: the platform's value and whether it needs bank details
PAYMENT_TYPES = PAYMENT_KINDS


def payment_type(words: str | PaymentType) -> PaymentType:
    """The payment type a step names ("cash", "Mobile Money", "cheque", …; values' PaymentKind)."""
    return words if isinstance(words, PaymentKind) else TYPES["PaymentKind"](words)

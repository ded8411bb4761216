"""Payments knowledge the steps share: money as the platform writes it, payment types, test payments."""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from decimal import Decimal
from typing import Any
from zoneinfo import ZoneInfo

MONEY = re.compile(r"^-?K\s?(\d{1,3}(,\d{3})*|\d+)(\.\d{2})?$")


def kwacha(text: str) -> Decimal:
    """Money as the platform shows it ("K6,000.00") as an exact amount."""
    cleaned = text.strip()
    if not MONEY.match(cleaned):
        raise AssertionError(f"{text!r} is not an amount of money as the platform writes it (K6,000.00)")
    return Decimal(cleaned.replace("K", "").replace(",", "").replace(" ", ""))


def money(amount: Decimal) -> str:
    """An exact amount as the platform shows it: K6,000.00."""
    sign = "-" if amount < 0 else ""
    return f"{sign}K{abs(amount):,.2f}"


@dataclass(frozen=True)
class PaymentType:
    """A way to pay, as the Gherkin names it, with the platform's value and label."""

    value: str
    label: str
    needs_bank_details: bool = False


# The words the scripts use for each transaction source.
PAYMENT_TYPES = {
    "cash": PaymentType("cash", "Cash"),
    "mobile money": PaymentType("mobile_money", "Mobile Money"),
    "bank transfer": PaymentType("bank_transfer/eft", "Bank Transfer/EFT"),
    "bank deposit": PaymentType("bank_transfer/cash_deposit", "Bank Transfer/Cash Deposit"),
    "cheque": PaymentType("cheque/cashier_cheque", "Cheque/Cashier Cheque", needs_bank_details=True),
    "point of sale": PaymentType("pos", "Point of Sale"),
}


def payment_type(words: str) -> PaymentType:
    """The payment type named in a step ("cash", "mobile money", "cheque", …)."""
    try:
        return PAYMENT_TYPES[words.strip().lower()]
    except KeyError:
        raise AssertionError(f"unknown payment type {words!r}; say one of {', '.join(PAYMENT_TYPES)}") from None


def payment_details(kind: PaymentType, amount: Decimal, faker: Any) -> dict[str, str]:
    """A complete payment of `amount` for the pay dialog, with the details its type needs."""
    details = {"type": kind.value, "transaction_number": faker.bothify("TXN-########"), "amount": f"{amount:.2f}"}
    if kind.needs_bank_details:
        details.update(bank_name=faker.random_element(["Zanaco", "Stanbic Bank", "FNB Zambia"]),
                       cheque_number=faker.numerify("######"))
    return details


def typed_payment(kind: PaymentType, number: str, amount: str) -> dict[str, str]:
    """A payment exactly as a person types it (possibly wrong): no bank details are added."""
    return {"type": kind.value, "transaction_number": number, "amount": amount}


def community_day(words: str, timezone: str) -> date:
    """"today", "yesterday" or "N days ago", on the community's calendar."""
    today = datetime.now(ZoneInfo(timezone)).date()
    words = words.strip().lower()
    if words == "today":
        return today
    if words == "yesterday":
        return today - timedelta(days=1)
    match = re.fullmatch(r"(\d+) days ago", words)
    if match is None:
        raise AssertionError(f"say today, yesterday or 'N days ago', not {words!r}")
    return today - timedelta(days=int(match.group(1)))


def day_range(words: str, timezone: str) -> tuple[date, date]:
    """"yesterday to today" as two community dates."""
    start, sep, end = words.partition(" to ")
    if not sep:
        raise AssertionError(f"a date range reads 'yesterday to today', not {words!r}")
    return community_day(start, timezone), community_day(end, timezone)


def recorded_payment(row: Any, user_id: int, timezone: str, faker: Any) -> dict[str, Any]:
    """A row of a "these payments have been recorded" table as a test-API payment (paid at noon that day)."""
    kind = payment_type(row["type"])
    body = payment_details(kind, kwacha(row["amount"]), faker)
    payload = {"user_id": user_id, "source": body.pop("type"), **body,
               "paid_local": f"{community_day(row['paid'], timezone).isoformat()}T12:00"}
    if row["status"].strip().lower() in ("reverted", "cancelled"):
        payload["status"] = "cancelled"
    return payload


def client_id(api: Any, cast: Any, name: str) -> int:
    """The id of a client named in a step: a persona, someone already there, or a new client."""
    for key, persona in cast.personas.items():
        if persona.name == name:
            return cast.user_id(key)
    found = [u for u in api.users_named(name) if u["name"] == name]
    return found[0]["id"] if found else api.create_user(name=name, role="client")["id"]


def from_ngwee(ngwee: int) -> Decimal:
    """Ngwee (what the test API reports) as kwacha."""
    return Decimal(int(ngwee)) / 100

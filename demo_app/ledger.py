"""Plots and payment plans: creating them, a client's plans and balances (the platform's rules)."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from datetime import date
from typing import Any

from . import clock
from .db import get_db, insert, query

PLAN_TYPES = ("lease", "starter", "basic", "standard", "premium")
# The platform's integer enums (paymentPlanCreate status: Int!, frequency: Int!).
PLAN_STATUSES = ("active", "cancelled", "deleted", "completed", "general")
FREQUENCIES = ("daily", "weekly", "monthly", "quarterly")
OPEN_STATUSES = ("active", "completed")  # plans whose pending balance counts in "Total Balance"
PARCEL_NUMBER_MAX, TEXT_MAX, DURATION_MAX = 100, 200, 1200
EARLIEST, LATEST = date(1970, 1, 1), date(2100, 12, 31)  # dates outside these are typing mistakes


class PaymentRefused(Exception):
    """A payment, plan or plot the ledger will not record (its message is for the person)."""


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


def day(text: Any, what: str) -> date:
    """A community date written YYYY-MM-DD (an ISO date-time is cut to its date) within sane bounds."""
    raw = str(text or "").strip()[:32]
    try:
        found = date.fromisoformat(raw[:10])
    except ValueError:
        raise PaymentRefused(f"{what} must be a date (YYYY-MM-DD)") from None
    if not EARLIEST <= found <= LATEST:
        raise PaymentRefused(f"{what} must be between {EARLIEST.isoformat()} and {LATEST.isoformat()}")
    return found


def _text(value: Any, what: str, limit: int = TEXT_MAX) -> str | None:
    text = " ".join(str(value or "").split())
    if len(text) > limit:
        raise PaymentRefused(f"{what} is too long (maximum is {limit} characters)")
    return text or None


def create_parcel(
    parcel_number: str,
    owner_ids: Iterable[int] = (),
    *,
    parcel_type: Any = None,
    address1: Any = None,
    city: Any = None,
    country: Any = None,
) -> int:
    """A new plot (PropertyCreate) owned by the given people; parcel numbers are unique."""
    number = _text(parcel_number, "Parcel number", PARCEL_NUMBER_MAX)
    if not number:
        raise PaymentRefused("Parcel number can't be blank")
    values = (
        _text(parcel_type, "Parcel type"),
        _text(address1, "Address"),
        _text(city, "City"),
        _text(country, "Country"),
    )
    with atomic() as db:
        if db.execute("SELECT 1 FROM land_parcels WHERE parcel_number = ?", (number,)).fetchone():
            raise PaymentRefused("Parcel number has already been taken")
        for owner in owner_ids:
            if not db.execute("SELECT 1 FROM users WHERE id = ?", (owner,)).fetchone():
                raise PaymentRefused("Owner not found")
        parcel_id = insert(
            db,
            "INSERT INTO land_parcels (parcel_number, parcel_type, address1, city, country, created_at)"
            " VALUES (?, ?, ?, ?, ?, ?)",
            (number, *values, clock.to_iso(clock.now_utc())),
        )
        for owner in set(owner_ids):
            db.execute("INSERT INTO land_parcel_owners (land_parcel_id, user_id) VALUES (?, ?)", (parcel_id, owner))
    return parcel_id


def parcel(parcel_id: int) -> sqlite3.Row | None:
    """One plot."""
    return query("SELECT * FROM land_parcels WHERE id = ?", (parcel_id,), one=True)


def parcels_of(user_id: int) -> list[sqlite3.Row]:
    """The plots a person owns (the plan dialog's "Select Plot")."""
    return query(
        "SELECT p.* FROM land_parcels p JOIN land_parcel_owners o ON o.land_parcel_id = p.id"
        " WHERE o.user_id = ? ORDER BY p.parcel_number",
        (user_id,),
    )


def create_plan(
    user_id: int,
    land_parcel_id: int,
    plan_type: str,
    installment_ngwee: int,
    duration: int,
    start: date,
    *,
    status: str = "active",
    frequency: str = "monthly",
    payment_day: int = 1,
    renewable: bool = False,
    co_owner_ids: Iterable[int] = (),
) -> int:
    """A new plan for a plot; its pending balance is installment x duration."""
    if plan_type not in PLAN_TYPES:
        raise PaymentRefused("Plan Type is required" if not plan_type else f"Unknown plan type {plan_type[:40]}")
    if status not in ("active", "cancelled", "completed"):
        raise PaymentRefused("Status is required")
    if frequency not in FREQUENCIES:
        raise PaymentRefused("Please select frequency")
    if not 0 < duration <= DURATION_MAX:
        raise PaymentRefused(f"Plan Duration must be between 1 and {DURATION_MAX}")
    if not 1 <= payment_day <= 28:
        raise PaymentRefused("Payment Day must be between 1 and 28")
    if installment_ngwee <= 0:
        raise PaymentRefused("Amount is required")
    with atomic() as db:
        if not db.execute("SELECT 1 FROM users WHERE id = ?", (user_id,)).fetchone():
            raise PaymentRefused("User not found")
        if not db.execute("SELECT 1 FROM land_parcels WHERE id = ?", (land_parcel_id,)).fetchone():
            raise PaymentRefused("Property is required")
        pending = installment_ngwee * duration if status == "active" else 0
        plan_id = insert(
            db,
            "INSERT INTO payment_plans (user_id, land_parcel_id, plan_type, status, start_date, installment_ngwee,"
            " duration, pending_ngwee, frequency, payment_day, renewable, created_at)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                user_id,
                land_parcel_id,
                plan_type,
                status,
                start.isoformat(),
                installment_ngwee,
                duration,
                pending,
                frequency,
                payment_day,
                int(renewable),
                clock.to_iso(clock.now_utc()),
            ),
        )
        for owner in set(co_owner_ids) - {user_id}:
            if not db.execute("SELECT 1 FROM users WHERE id = ?", (owner,)).fetchone():
                raise PaymentRefused("Co-owner not found")
            db.execute("INSERT INTO payment_plan_co_owners (plan_id, user_id) VALUES (?, ?)", (plan_id, owner))
    return plan_id


def general_plan(db: sqlite3.Connection, user_id: int) -> int:
    """The client's general plan, where payments beyond their plans go (created on first use)."""
    row = db.execute("SELECT id FROM payment_plans WHERE user_id = ? AND plan_type = 'general'", (user_id,)).fetchone()
    if row is not None:
        return row["id"]
    return insert(
        db,
        "INSERT INTO payment_plans (user_id, plan_type, status, start_date, created_at)"
        " VALUES (?, 'general', 'general', ?, ?)",
        (user_id, clock.today_local().isoformat(), clock.to_iso(clock.now_utc())),
    )


PLAN_COLUMNS = (
    "SELECT p.*, l.parcel_number, l.parcel_type, u.name AS owner_name FROM payment_plans p"
    " JOIN users u ON u.id = p.user_id LEFT JOIN land_parcels l ON l.id = p.land_parcel_id"
)


def plan(plan_id: int) -> dict[str, Any] | None:
    """One plan with its plot's number."""
    row = query(f"{PLAN_COLUMNS} WHERE p.id = ?", (plan_id,), one=True)
    return dict(row) if row else None


def plans_of(user_id: int) -> list[dict[str, Any]]:
    """A client's own plans (general plan excluded), oldest first, each with its plan payments."""
    plans = [
        dict(r)
        for r in query(
            f"{PLAN_COLUMNS} WHERE p.user_id = ? AND p.plan_type != 'general'"
            " AND p.status != 'deleted' ORDER BY p.start_date, p.id",
            (user_id,),
        )
    ]
    for item in plans:
        item["payments"] = [
            dict(r)
            for r in query(
                "SELECT pp.*, t.source FROM plan_payments pp JOIN transactions t ON t.id = pp.transaction_id"
                " WHERE pp.plan_id = ? ORDER BY pp.created_at DESC, pp.id DESC",
                (item["id"],),
            )
        ]
    return plans


def balances(user_id: int) -> dict[str, int]:
    """The balance strip: pending balance of the client's plans, accepted transactions, general funds."""
    pending = query(
        "SELECT coalesce(sum(pending_ngwee), 0) AS n FROM payment_plans WHERE user_id = ?"
        " AND plan_type != 'general' AND status IN ('active', 'completed')",
        (user_id,),
        one=True,
    )["n"]
    made = query(
        "SELECT coalesce(sum(amount_ngwee), 0) AS n FROM transactions WHERE user_id = ? AND status = 'accepted'",
        (user_id,),
        one=True,
    )["n"]
    general = query(
        "SELECT coalesce(sum(pp.amount_ngwee), 0) AS n FROM plan_payments pp JOIN payment_plans p"
        " ON p.id = pp.plan_id WHERE p.user_id = ? AND p.plan_type = 'general' AND pp.status = 'paid'",
        (user_id,),
        one=True,
    )["n"]
    return {"pending": pending, "transactions": made, "general": general}

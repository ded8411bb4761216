"""Reading recorded transactions: one with its plan payments (receipts), a client's list, the payments dashboard."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from . import clock
from .db import query

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

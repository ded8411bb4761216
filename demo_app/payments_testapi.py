"""Test-data API for payments: create plans and payments (at a chosen moment), read the ledger."""
from __future__ import annotations

from datetime import datetime
from typing import Any

from flask import Blueprint, jsonify, request

from . import clock, ledger
from .access import public
from .db import query
from .money import AmountError, to_ngwee


def _body() -> dict[str, Any]:
    body = request.get_json(silent=True)
    return body if isinstance(body, dict) else {}


def _bad(message: str):
    return jsonify(error=message), 400


def _user(user_id: Any) -> Any:
    return query("SELECT id FROM users WHERE id = ?", (user_id,), one=True) if isinstance(user_id, int) else None


def create_plan():
    """A payment plan: {user_id, installment (kwacha), duration (months), plan_type, plot_number?}."""
    body = _body()
    if _user(body.get("user_id")) is None:
        return _bad("user_id must be the id of an existing person")
    if body.get("plan_type", "basic") not in ledger.PLAN_TYPES:
        return _bad(f"plan_type must be one of {', '.join(ledger.PLAN_TYPES)}")
    duration = body.get("duration", 12)
    if not isinstance(duration, int) or not 1 <= duration <= 600:
        return _bad("duration must be a whole number of months from 1 to 600")
    try:
        installment = to_ngwee(body.get("installment"))
    except AmountError as exc:
        return _bad(f"installment: {exc}")
    plan_id = ledger.create_plan(body["user_id"], body.get("plan_type", "basic"), installment, duration,
                                 body.get("plot_number"))
    return jsonify(id=plan_id, pending_ngwee=installment * duration), 201


def list_plans():
    """A person's plans (?user_id=), general plan included, money in ngwee."""
    return jsonify(ledger.plans_of(request.args.get("user_id", type=int) or 0))


def create_transaction():
    """A payment as a cashier records it: {user_id, amount, source?, transaction_number?, bank_name?,
    cheque_number?, paid_local? "YYYY-MM-DDTHH:MM" community time, status? "cancelled" to revert it too}."""
    body = _body()
    if _user(body.get("user_id")) is None:
        return _bad("user_id must be the id of an existing person")
    count = query("SELECT count(*) AS n FROM transactions", one=True)["n"]
    form = {"source": body.get("source", "cash"), "amount": body.get("amount"),
            "transaction_number": body.get("transaction_number") or f"API-{count + 1:05d}",
            "bank_name": body.get("bank_name", ""), "cheque_number": body.get("cheque_number", "")}
    values, errors = ledger.validate_payment(form)
    if errors:
        return _bad("; ".join(f"{k}: {v}" for k, v in errors.items()))
    at = None
    if body.get("paid_local"):
        try:
            at = clock.to_iso(datetime.fromisoformat(body["paid_local"]).replace(tzinfo=clock.community_tz()))
        except (TypeError, ValueError):
            return _bad("paid_local must be YYYY-MM-DDTHH:MM")
    cashier = body.get("depositor_id") or query("SELECT id FROM users WHERE role = 'admin' ORDER BY id LIMIT 1",
                                                one=True)["id"]
    tx_id = ledger.record_payment(body["user_id"], values, cashier, at=at)
    if body.get("status") == "cancelled":
        ledger.revert(tx_id, cashier)
    tx = ledger.transaction(tx_id)
    return jsonify(id=tx_id, receipt_number=tx["receipt_number"], status=tx["status"]), 201


def list_transactions():
    """Transactions (all, or ?user_id=), oldest first, with how each was allocated."""
    user_id = request.args.get("user_id", type=int)
    rows = query("SELECT id FROM transactions" + (" WHERE user_id = ?" if user_id else "") + " ORDER BY id",
                 (user_id,) if user_id else ())
    return jsonify([ledger.transaction(r["id"]) for r in rows])


def add_routes(bp: Blueprint) -> None:
    """Mount these on the test blueprint (endpoint names prefixed: the blueprint is shared by areas)."""
    for rule, endpoint, view, methods in (
        ("/payment_plans", "payments_create_plan", create_plan, ["POST"]),
        ("/payment_plans", "payments_list_plans", list_plans, ["GET"]),
        ("/transactions", "payments_create_transaction", create_transaction, ["POST"]),
        ("/transactions", "payments_list_transactions", list_transactions, ["GET"]),
    ):
        bp.add_url_rule(rule, endpoint, public(view), methods=methods)

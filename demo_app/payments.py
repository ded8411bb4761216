"""Payments: a client's plans, the pay dialog, receipts, reverting, and the payments dashboard."""
from __future__ import annotations

from datetime import date, time, timedelta
from typing import Any

from flask import Blueprint, abort, flash, g, redirect, render_template, request, url_for

from . import clock, ledger
from .access import can, logged_in, menu_item, requires
from .db import query
from .gate import PROFILE_SECTIONS
from .home import register_card
from .money import fmt

bp = Blueprint("payments", __name__)
menu_item("Payments", "payments.dashboard", "payments", "payments-menu-item", 30)
menu_item("My Payments", "payments.my_payments", "my_payments", "my-payments-menu-item", 31)
register_card("Payments", "payments.dashboard", lambda u: {}, "payments")
register_card("My Payments", "payments.my_payments", lambda u: {}, "my_payments")
bp.add_app_template_filter(fmt, "money")


def profile_section(person: Any) -> tuple[str, dict[str, Any]] | None:
    """On a person's profile, admins see their Total Balance and a link to their plans."""
    if not can("payments"):
        return None
    own = [p for p in ledger.plans_of(person["id"]) if p["plan_type"] != "general"]
    return "profile_plans.html", {"person_id": person["id"], "has_plans": bool(own),
                                  "total_balance": ledger.total_balance(person["id"])}


PROFILE_SECTIONS.append(profile_section)


def _person(user_id: int) -> Any:
    person = query("SELECT * FROM users WHERE id = ?", (user_id,), one=True)
    if person is None:
        abort(404)
    return person


def _transactions(where: str, args: tuple[Any, ...]) -> list[dict[str, Any]]:
    """Transactions newest first, with client name and labels."""
    rows = query(f"SELECT t.*, u.name AS client_name FROM transactions t JOIN users u ON u.id = t.user_id"
                 f" WHERE {where} ORDER BY t.created_at DESC, t.id DESC LIMIT 500", args)
    out = []
    for r in rows:
        tx = dict(r)
        tx["source_label"] = ledger.SOURCES[tx["source"]]
        tx["status_label"] = ledger.STATUS_LABELS[tx["status"]]
        out.append(tx)
    return out


def _plans_page(person: Any, readonly: bool):
    """The Plans tab: Total Balance, each plan, the general plan's credit, the client's transactions."""
    plans = ledger.plans_of(person["id"])
    own = [p for p in plans if p["plan_type"] != "general"]
    general = next((p for p in plans if p["plan_type"] == "general"), None)
    for plan in own:
        plan["status_label"] = ledger.PLAN_STATUS_LABELS[plan["status"]]
    dialog_tx = None
    for key in ("paid", "revert"):  # the Generate Receipt and Revert Transaction dialogs
        tx_id = request.args.get(key, type=int)
        if tx_id and not readonly:
            tx = ledger.transaction(tx_id)
            if tx is not None and tx["user_id"] == person["id"]:
                dialog_tx = (key, tx)
    return render_template("payment_plans.html", person=person, plans=own, general=general, readonly=readonly,
                           total_balance=ledger.total_balance(person["id"]), dialog=dialog_tx,
                           transactions=_transactions("t.user_id = ?", (person["id"],)))


@bp.route("/user/<int:user_id>/plans")
@requires("payments")
def plans(user_id: int):
    """A client's payment plans as the admin sees them (the profile's Plans tab)."""
    return _plans_page(_person(user_id), readonly=False)


@bp.route("/mypayments")
@requires("my_payments")
def my_payments():
    """The client's own plans, balance and receipts (read-only)."""
    return _plans_page(g.user, readonly=True)


@bp.route("/user/<int:user_id>/payments/new", methods=["GET", "POST"])
@requires("payments")
def new_payment(user_id: int):
    """Make a Payment: type, transaction number, amount → Pay → confirm → the receipt dialog."""
    person = _person(user_id)
    page = {"person": person, "sources": ledger.SOURCES, "cheque_sources": ledger.CHEQUE_SOURCES}
    step = request.form.get("step", "pay")
    if request.method == "GET" or step == "edit":
        return render_template("payment_new.html", mode="form", values=request.form, errors={}, **page)
    values, errors = ledger.validate_payment(request.form)
    if not errors and step == "confirm":
        try:
            tx_id = ledger.record_payment(user_id, values, g.user["id"])
        except ledger.PaymentRefused as exc:
            errors["transaction_number"] = str(exc)
        else:
            flash("Payment successfully made")
            return redirect(url_for("payments.plans", user_id=user_id, paid=tx_id))
    if errors:
        return render_template("payment_new.html", mode="form", values=request.form, errors=errors, **page), 400
    return render_template("payment_new.html", mode="confirm", values=values,
                           source_label=ledger.SOURCES[values["source"]], **page)


@bp.route("/transactions/<int:transaction_id>/receipt")
@logged_in
def receipt(transaction_id: int):
    """The receipt of a payment; admins see any, a client only their own."""
    tx = ledger.transaction(transaction_id)
    if tx is None or not (can("payments") or (can("my_payments") and tx["user_id"] == g.user["id"])):
        abort(404)
    plan = next((p for p in tx["parts"] if p["plan_type"] != "general"), None)
    back = url_for("payments.plans", user_id=tx["user_id"]) if can("payments") else url_for("payments.my_payments")
    return render_template("receipt.html", tx=tx, plan=plan, back=back, source_label=ledger.SOURCES[tx["source"]],
                           status_label=ledger.STATUS_LABELS[tx["status"]])


@bp.route("/transactions/<int:transaction_id>/revert", methods=["POST"])
@requires("payments")
def revert(transaction_id: int):
    """Revert Transaction (after "Are you sure you want to delete this Transaction?")."""
    tx = ledger.transaction(transaction_id)
    if tx is None:
        abort(404)
    try:
        ledger.revert(transaction_id, g.user["id"])
    except ledger.PaymentRefused as exc:
        return render_template("error.html", title="This transaction cannot be reverted", message=str(exc),
                               detail=""), 400
    flash("Transaction reverted")
    return redirect(url_for("payments.plans", user_id=tx["user_id"]))


def _day(text: str, label: str, errors: dict[str, str], key: str) -> date | None:
    if not text:
        return None
    try:
        return date.fromisoformat(text)
    except ValueError:
        errors[key] = f"{label} must be a date (YYYY-MM-DD)"
        return None


@bp.route("/payments")
@requires("payments")
def dashboard():
    """Every transaction, newest first, with the accepted total; filters: community dates, type, status."""
    f = {k: request.args.get(k, "").strip() for k in ("from", "to", "type", "status")}
    errors: dict[str, str] = {}
    start, end = _day(f["from"], "From", errors, "from"), _day(f["to"], "To", errors, "to")
    if start and end and end < start:
        errors["to"] = "The end date must be on or after the start date"
    if f["type"] and f["type"] not in ledger.SOURCES:
        errors["type"] = "Choose a payment type from the list"
    if f["status"] and f["status"] not in ledger.STATUS_LABELS:
        errors["status"] = "Choose a status from the list"
    where, args = ["1 = 1"], []
    if start:  # community days, compared as UTC instants
        where.append("t.created_at >= ?")
        args.append(clock.to_iso(clock.combine_local(start, time(0))))
    if end:
        where.append("t.created_at < ?")
        args.append(clock.to_iso(clock.combine_local(end + timedelta(days=1), time(0))))
    for key, column in (("type", "t.source"), ("status", "t.status")):
        if f[key]:
            where.append(f"{column} = ?")
            args.append(f[key])
    rows = [] if errors else _transactions(" AND ".join(where), tuple(args))
    accepted = [t for t in rows if t["status"] == "accepted"]
    return render_template("payment_dashboard.html", rows=rows, filters=f, errors=errors,
                           sources=ledger.SOURCES, statuses=ledger.STATUS_LABELS, accepted_count=len(accepted),
                           accepted_total=sum(t["amount_ngwee"] for t in accepted)), (400 if errors else 200)


def register_test_api(test_bp: Blueprint) -> None:
    """Test-data routes for payments (plans, payments at a given time, reading the ledger)."""
    from .payments_testapi import add_routes

    add_routes(test_bp)

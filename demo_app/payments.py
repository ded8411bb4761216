"""Payments: the user's Plans tab (pay, receipts, revert, new plan), /mypayments, the payments dashboard."""

from __future__ import annotations

from datetime import time as day_time
from datetime import timedelta
from typing import Any

from flask import Blueprint, abort, current_app, flash, g, redirect, render_template, request

from . import clock, ledger, people, transaction_checks, transaction_queries, transactions
from .access import can, logged_in, requires
from .ledger import PaymentRefused
from .money import AmountError, to_ngwee
from .payment_pages import dashboard_rows, plans_part

bp = Blueprint("payments", __name__)
# The one tab of a profile with the plans; /mypayments sends clients to ?tab=Payments, which shows none of it
# (UserInformation.jsx has a panel for "Plans" only), as on the platform, whose menu never offers that address.
PLANS_TABS = ("Plans",)
PAGE_SIZE, PAGE_MAX, SEARCH_MAX = 50, 100_000, 100


def profile_part(person: Any, tab: str, scan: dict[str, Any] | None) -> dict[str, Any] | None:
    """The Plans tab: staff see anyone's plans, clients their own (read-only)."""
    if tab not in PLANS_TABS:
        return None
    staff = can("plan_payment.can_access_all_payments")
    own = person["id"] == g.user["id"] and can("payment_records.can_fetch_user_transactions")
    if not (staff or own):
        return None
    return {"template": "payments/_profile.html", **plans_part(person, staff)}


def _client(user_id: str) -> Any:
    person = people.find(user_id)
    if person is None:
        abort(404)
    return person


def _profile_again(person: Any, **state: Any):
    """The person's Plans tab again, with a dialog re-opened on what was typed (and the error snackbar)."""
    g.payments_state = state
    # The profile view by its endpoint: the users module builds profiles from this one's parts.
    return current_app.view_functions["users.profile"](str(person["id"])), 400


@bp.post("/user/<user_id>/payments")
@requires("payment_records.can_create_transaction")
def pay(user_id: str):
    """The pay dialog's confirm: record the payment, then offer its receipt ("Generate Receipt")."""
    person = _client(user_id)
    form = request.form
    plan_ids = form.getlist("plan_id")[: transaction_checks.PARTS_MAX + 1]
    parts = [
        (plan_id, form.get(f"amount_{plan_id}", ""), form.get(f"receipt_{plan_id}", ""))
        for plan_id in plan_ids
        if str(form.get(f"amount_{plan_id}", "")).strip()
    ]
    try:
        payment = transaction_checks.prepare_payment(
            person["id"],
            source=form.get("source", ""),
            transaction_number=form.get("transaction_number"),
            bank_name=form.get("bank_name"),
            cheque_number=form.get("cheque_number"),
            parts=parts,
            paid_date=form.get("paid_date") if form.get("manual") == "true" else None,
        )
        tx_id = transactions.record_payment(person["id"], payment, g.user["id"])
    except PaymentRefused as exc:
        flash(str(exc), "error")
        return _profile_again(person, pay_form=form)
    flash("Payment made successfully", "success")
    return redirect(f"/user/{person['id']}?tab=Plans&transaction={tx_id}")


@bp.post("/user/<user_id>/transactions/<transaction_id>/revert")
@requires("payment_records.can_revert_transaction")
def revert(user_id: str, transaction_id: str):
    """ "Revert Transaction", after "Are you sure you want to delete this Transaction?"."""
    person = _client(user_id)
    tx = transaction_queries.transaction(_number(transaction_id))
    if tx is None or tx["user_id"] != person["id"]:
        abort(404)
    try:
        transactions.revert(tx["id"], g.user["id"])
        flash("Transaction reverted", "success")
    except PaymentRefused as exc:
        flash(str(exc), "error")
    return redirect(f"/user/{person['id']}?tab=Plans&subtab=Transactions")


@bp.post("/user/<user_id>/payment_plans")
@requires("payment_plan.can_create_payment_plan")
def new_plan(user_id: str):
    """ "Create a Plan" for one of the person's plots."""
    person = _client(user_id)
    form = request.form
    try:
        parcel_id = _number(form.get("land_parcel_id", ""), missing="Property is required")
        if parcel_id not in {p["id"] for p in ledger.parcels_of(person["id"])}:
            raise PaymentRefused("Property is required")
        ledger.create_plan(
            person["id"],
            parcel_id,
            form.get("plan_type", ""),
            _plan_amount(form.get("amount")),
            _duration(form.get("duration")),
            ledger.day(form.get("start_date"), "Start Date"),
            frequency=form.get("frequency", "monthly"),
            renewable=form.get("renewable") == "true",
            payment_day=_duration(form.get("payment_day") or "1", "Payment Day"),
        )
    except PaymentRefused as exc:
        flash(str(exc), "error")
        return _profile_again(person, plan_form=form)
    flash("Successfuly created payment plan", "success")  # sic: the platform's message
    return redirect(f"/user/{person['id']}?tab=Plans")


def _number(text: Any, missing: str = "") -> int:
    """An id from an address or form; 404 (or the `missing` refusal) for anything that is not one."""
    try:
        number = int(str(text).strip())
    except (TypeError, ValueError):
        number = 0
    if not 0 < number < 2**63:
        if missing:
            raise PaymentRefused(missing)
        abort(404)
    return number


def _plan_amount(text: Any) -> int:
    try:
        return to_ngwee(text)
    except AmountError as exc:
        raise PaymentRefused("Amount is required" if not str(text or "").strip() else str(exc)) from None


def _duration(text: Any, what: str = "Plan Duration") -> int:
    raw = str(text or "").strip()
    if not raw:
        raise PaymentRefused("Duration is required" if what == "Plan Duration" else f"{what} is required")
    if not (raw.isascii() and raw.isdigit()) or len(raw) > 6:
        raise PaymentRefused(f"{what} must be a whole number")
    return int(raw)


@bp.route("/mypayments")
@logged_in
def my_payments():
    """My Payments: the platform sends a client to their own profile's payments tab."""
    return redirect(f"/user/{g.user['id']}?tab=Payments")


@bp.route("/payments")
@logged_in
def dashboard():
    """Every plan payment of the community, newest first (tab Payments), or every plan (tab Plans); a role
    without the module's permissions is shown the platform's Page404 (AccessCheck)."""
    if not (can("plan_payment.can_access_all_payments") and can("plan_payment.can_see_menu_item")):
        return render_template("refused.html"), 404
    args = request.args
    tab = "plans" if args.get("tab") == "plans" else "payments"
    search = " ".join(args.get("search", "").split())[:SEARCH_MAX]
    try:
        offset = _page(args.get("page", "0"))
        since = ledger.day(args["from"], "From") if args.get("from") else None
        until = ledger.day(args["to"], "To") if args.get("to") else None
        if since and until and until < since:
            raise PaymentRefused("To must be on or after From")
    except PaymentRefused as exc:
        return render_template(
            "payments/dashboard.html", tab=tab, rows=[], error=str(exc), search=search, offset=0, page_size=PAGE_SIZE
        ), 400
    start = clock.combine_local(since, day_time(0)) if since else None
    end = clock.combine_local(until + timedelta(days=1), day_time(0)) if until else None
    rows = dashboard_rows(tab, PAGE_SIZE, offset, search, start, end)
    return render_template(
        "payments/dashboard.html", tab=tab, rows=rows, error=None, search=search, offset=offset, page_size=PAGE_SIZE
    )


def _page(text: str) -> int:
    """The platform's `page` parameter: an offset into the list, in steps of the page size."""
    raw = text.strip()
    if not (raw.isascii() and raw.isdigit()) or len(raw) > 7 or int(raw) > PAGE_MAX:
        raise PaymentRefused(f"page must be a whole number from 0 to {PAGE_MAX}")
    return int(raw)

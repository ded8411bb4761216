"""Realistic breaks of Payments: the dashboard, submitting a payment, receipts, reverting."""

from __future__ import annotations

from typing import Any

from .core import Mutant, patch, wrap


def _db() -> Any:
    from demo_app.db import get_db

    return get_db()


def _reverted_still_paid() -> None:
    """A revert cancels the transaction but leaves its plan payments "paid" (the dashboard's status)."""

    def make(real: Any) -> Any:
        def revert(transaction_id: int, by_user_id: int) -> Any:
            done = real(transaction_id, by_user_id)
            _db().execute("UPDATE plan_payments SET status = 'paid' WHERE transaction_id = ?", (transaction_id,))
            _db().commit()
            return done

        return revert

    wrap("demo_app.transactions", "revert", make)


def _dashboard_open_to_clients() -> None:
    """A permissions change gives clients the payments dashboard (plan_payment.can_access_all_payments)."""
    from demo_app.access import ROLE_PERMISSIONS

    ROLE_PERMISSIONS["client"]["plan_payment"] = ["can_access_all_payments", "can_see_menu_item"]


def _exact_payment_leaves_plan_active() -> None:
    """A plan is completed only when paid beyond its balance ('>' for '>='): paid exactly, it stays active."""

    def make(real: Any) -> Any:
        def record_payment(user_id: int, payment: Any, depositor_id: int) -> int:
            owed = {
                plan_id: _db().execute("SELECT pending_ngwee FROM payment_plans WHERE id = ?", (plan_id,)).fetchone()[0]
                for plan_id, _ngwee, _receipt in payment.parts
            }
            tx_id = real(user_id, payment, depositor_id)
            for plan_id, ngwee, _receipt in payment.parts:
                if ngwee == owed[plan_id]:
                    _db().execute("UPDATE payment_plans SET status = 'active' WHERE id = ?", (plan_id,))
            _db().commit()
            return int(tx_id)

        return record_payment

    wrap("demo_app.transactions", "record_payment", make)


def _receipt_shows_total_as_plan_share() -> None:
    """The plan's receipt shows the whole amount paid, not the plan's share of it."""
    from demo_app.money import fmt

    def make(real: Any) -> Any:
        def receipt_view(tx: dict[str, Any]) -> list[dict[str, Any]]:
            shown = real(tx)
            if shown:
                shown[0] = {**shown[0], "amount": fmt(tx["amount_ngwee"])}
            return list(shown)

        return receipt_view

    wrap("demo_app.payment_pages", "receipt_view", make)


def _revert_keeps_plan_completed() -> None:
    """A revert gives a completed plan its balance back but leaves it "completed"."""

    def make(real: Any) -> Any:
        def revert(transaction_id: int, by_user_id: int) -> Any:
            completed = [
                row[0]
                for row in _db().execute(
                    "SELECT p.id FROM payment_plans p JOIN plan_payments pp ON pp.plan_id = p.id"
                    " WHERE pp.transaction_id = ? AND p.status = 'completed'",
                    (transaction_id,),
                )
            ]
            done = real(transaction_id, by_user_id)
            for plan_id in completed:
                _db().execute("UPDATE payment_plans SET status = 'completed' WHERE id = ?", (plan_id,))
            _db().commit()
            return done

        return revert

    wrap("demo_app.transactions", "revert", make)


def _receipt_of_anyone() -> None:
    """A receipt's address opens any transaction's receipt: the check that it is the client's own is gone."""
    from flask import abort

    from demo_app import transaction_queries

    def owned_transaction(text: str | None, person: Any) -> dict[str, Any] | None:
        if text is None:
            return None
        found = transaction_queries.transaction(int(text)) if text.strip().isdigit() else None
        return found if found is not None else abort(404)

    patch("demo_app.payment_pages", "_owned_transaction", owned_transaction)


def _payments_of_anyone() -> None:
    """The API gives anyone's payments to whoever asks: the check that they are the caller's own is gone."""
    from graphql import GraphQLError

    from demo_app import people
    from demo_app.gql.common import require, to_id

    def person_asked(info: Any, user_id: Any) -> Any:
        require(info, "payment_records.can_fetch_user_transactions")
        person = people.find(to_id(user_id, "User"))
        if person is None:
            raise GraphQLError("User not found")
        return person

    patch("demo_app.gql.payments", "_person", person_asked)


OVERPAID = "Paying more than a plan owes completes it and puts the rest in the general fund"
REVERTED = "Reverting a payment beyond a plan's balance takes back both its shares, and nothing more"
OTHER_RECEIPT = "A client is never shown another client's receipt"
MUTANTS = (
    Mutant(
        "reverted_still_paid",
        "payments.dashboard",
        "round trip",
        "a payment the admin reverted is still listed as paid on the payments dashboard",
        ("The dashboard shows this run's payments with their receipt numbers, and reverted ones as cancelled",),
        _reverted_still_paid,
    ),
    Mutant(
        "dashboard_open_to_clients",
        "payments.dashboard",
        "must-not",
        "clients are given the payments dashboard with every client's payments",
        ("A client is not shown the payments dashboard",),
        _dashboard_open_to_clients,
    ),
    Mutant(
        "exact_payment_leaves_plan_active",
        "payments.submit_payment",
        "boundary",
        "a plan paid exactly to its balance stays active instead of completed",
        ("Paying exactly what a plan still owes completes it, and nothing goes to the general fund",),
        _exact_payment_leaves_plan_active,
    ),
    Mutant(
        "receipt_shows_total_as_plan_share",
        "payments.submit_payment",
        "round trip",
        "the receipt of an overpayment shows the whole amount as paid towards the plan",
        (OVERPAID,),
        _receipt_shows_total_as_plan_share,
    ),
    Mutant(
        "revert_keeps_plan_completed",
        "payments.submit_payment",
        "round trip",
        "after a revert, a completed plan owes again but is still marked completed",
        (REVERTED,),
        _revert_keeps_plan_completed,
    ),
    Mutant(
        "receipt_of_anyone",
        "payments.submit_payment",
        "must-not",
        "a client opens another client's receipt by its address",
        (OTHER_RECEIPT,),
        _receipt_of_anyone,
    ),
    Mutant(
        "payments_of_anyone",
        "payments.submit_payment",
        "must-not",
        "the platform's API gives a client another client's payments",
        (OTHER_RECEIPT,),
        _payments_of_anyone,
    ),
)

"""Realistic breaks of Payments: the dashboard, submitting a payment, receipts, reverting."""

from __future__ import annotations

from typing import Any

from .core import Mutant, patch, wrap
from .views import for_anyone_logged_in


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


def _receipt_type_as_stored() -> None:
    """The receipt's "Payment Type" shows the type as stored ("cash", "mobile_money") instead of its name."""

    def make(real: Any) -> Any:
        def receipt_view(tx: dict[str, Any]) -> list[dict[str, Any]]:
            return [{**r, "type": tx["source"]} for r in real(tx)]

        return receipt_view

    wrap("demo_app.payment_pages", "receipt_view", make)


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


def _zero_payment_recorded() -> None:
    """Payments of nothing are let in "for adjustments": the amount is checked for being negative only, and the
    transactions table is rebuilt without its own check. A K0.00 payment that does not come through the pay dialog
    is recorded, with its receipt."""
    from demo_app import money

    def to_ngwee(value: object) -> int:
        zero = isinstance(value, (int, float)) and not isinstance(value, bool) and value == 0
        if zero or (isinstance(value, str) and value.strip() and money._parse_text(value) == 0):
            return 0
        return money.to_ngwee(value)

    patch("demo_app.transaction_checks", "to_ngwee", to_ngwee)
    wrap(
        "demo_app.db",
        "schema_scripts",
        lambda real: lambda: [s.replace("CHECK (amount_ngwee > 0)", "CHECK (amount_ngwee >= 0)") for s in real()],
    )


def _payments_from_a_kwacha() -> None:
    """A payment must be at least K1.00 (the rule of a plan's monthly amount, applied to payments): K0.01 is refused."""
    from demo_app import money

    def to_ngwee(value: object) -> int:
        ngwee = money.to_ngwee(value)
        if ngwee < money.NGWEE_PER_KWACHA:
            raise money.AmountError("Amount must be at least 1")
        return ngwee

    patch("demo_app.transaction_checks", "to_ngwee", to_ngwee)


def _balance_in_whole_kwacha() -> None:
    """A plan's balance is compared in whole kwacha: a plan left owing less than K1.00 counts as paid (completed)."""

    def make(real: Any) -> Any:
        def record_payment(user_id: int, payment: Any, depositor_id: int) -> int:
            tx_id = real(user_id, payment, depositor_id)
            for plan_id, _ngwee, _receipt in payment.parts:
                _db().execute(
                    "UPDATE payment_plans SET pending_ngwee = 0, status = 'completed'"
                    " WHERE id = ? AND plan_type != 'general' AND pending_ngwee BETWEEN 1 AND 99",
                    (plan_id,),
                )
            _db().commit()
            return int(tx_id)

        return record_payment

    wrap("demo_app.transactions", "record_payment", make)


def _revert_operation_for_anyone() -> None:
    """transactionRevert no longer checks payment_records.can_revert_transaction (the screens hide Revert)."""
    from demo_app.gql.common import caller

    wrap(
        "demo_app.gql.payments",
        "require",
        lambda real: (
            lambda info, *rules: (
                caller(info) if rules == ("payment_records.can_revert_transaction",) else real(info, *rules)
            )
        ),
    )


def _payments_list_for_anyone() -> None:
    """paymentsList no longer checks plan_payment.can_fetch_payments_list: the dashboard's data for any caller."""
    from demo_app.gql.common import caller

    wrap(
        "demo_app.gql.payments",
        "require",
        lambda real: (
            lambda info, *rules: (
                caller(info) if rules == ("plan_payment.can_fetch_payments_list",) else real(info, *rules)
            )
        ),
    )


OVERPAID = "Paying more than a plan owes completes it and puts the rest in the general fund"
REVERTED = "Reverting a payment beyond a plan's balance takes back both its shares, and nothing more"
OTHER_RECEIPT = "A client is never shown another client's receipt"
EXACTLY = (
    "Paying K5,500.00 on a plan that still owes K5,500.00 leaves it completed, owing K0.00,"
    " with K0.00 in the general fund"
)
A_NGWEE_SHORT = (
    "Paying K5,499.99 on a plan that still owes K5,500.00 leaves it active, owing K0.01, with K0.00 in the general fund"
)
NOTHING_DIRECTLY = "A payment of K0.00 sent directly: the platform refused it, and the balance counts only what it took"
A_NGWEE_DIRECTLY = "A payment of K0.01 sent directly: the platform took it, and the balance counts only what it took"
CLIENT_REVERT = "A client may not revert their own payment, even when they send the revert directly"


def _revert_page_for_anyone() -> None:
    """The transactions page's Revert request taken from anyone logged in."""
    for_anyone_logged_in("payments.revert")


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
        (EXACTLY,),
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
    Mutant(
        "zero_payment_recorded",
        "payments.submit_payment",
        "must-not",
        "a payment of K0.00 that does not come through the pay dialog is recorded, with its receipt",
        (NOTHING_DIRECTLY,),
        _zero_payment_recorded,
    ),
    Mutant(
        "payments_from_a_kwacha",
        "payments.submit_payment",
        "boundary",
        "a payment of less than K1.00 is refused (K0.01 is a payment like any other)",
        (A_NGWEE_DIRECTLY,),
        _payments_from_a_kwacha,
    ),
    Mutant(
        "balance_in_whole_kwacha",
        "payments.submit_payment",
        "boundary",
        "a plan paid to within a ngwee of its balance is shown completed, owing nothing",
        (A_NGWEE_SHORT,),
        _balance_in_whole_kwacha,
    ),
    Mutant(
        "revert_page_for_anyone",
        "payments.submit_payment",
        "must-not",
        "the transactions page's Revert request is taken from a client (the page hides it from them)",
        (CLIENT_REVERT,),
        _revert_page_for_anyone,
    ),
    Mutant(
        "revert_operation_for_anyone",
        "payments.submit_payment",
        "must-not",
        "the platform's transactionRevert is taken from a client: they undo their own payment",
        (CLIENT_REVERT,),
        _revert_operation_for_anyone,
    ),
    Mutant(
        "payments_list_for_anyone",
        "payments.dashboard",
        "must-not",
        "the dashboard's payments (every client's) are given to a client who asks the platform directly",
        ("A client is not shown the payments dashboard",),
        _payments_list_for_anyone,
    ),
    Mutant(
        "receipt_type_as_stored",
        "payments.submit_payment",
        "figure",
        'the receipt says the client paid by "cash" (the stored value), not "Cash"',
        ("Payment test: pay towards a client's plan, check the receipt, revert the payment",),
        _receipt_type_as_stored,
    ),
)

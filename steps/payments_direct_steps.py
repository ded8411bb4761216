"""Payments, "Submitting a payment": what the pay dialog and the plans page refuse (a payment of nothing, a client's
revert), sent to the platform directly all the same, and what it did to the client's balance."""

from behave import then, when

from pages.plans import PlansPage
from prodready.scenario.money import kwacha, owed, written
from prodready.scenario.payments import pay_directly, revert_directly

MADE = "Total Transactions Made"


def _figures(page: PlansPage) -> tuple:
    """What the client owes and has paid, as the plans page's strip shows them (no figure shown: nothing)."""
    made = page.figure(MADE)
    return owed(page.figure("Total Balance")), kwacha(made) if made is not None else 0


@when(
    "the admin sends a cash payment of {amount:Money} towards the client's plan directly, every way the platform takes one"
)
def step_pay_directly(context, amount):
    """The admin sends a cash payment without the pay dialog's checks: the dialog's own request and the platform's transactionCreate (the client's figures are noted first).

    Example: When the admin sends a cash payment of K0.00 towards the client's plan directly, every way the platform takes one
    """
    context.notes["before"] = _figures(context.cast.actor("admin").on(PlansPage))
    context.notes.update(sent=pay_directly(context, amount), direct_amount=amount)


@then("the client's balance changed by each payment the platform took, and by nothing else")
def step_balance_by_payments_taken(context):
    """The client's plans page (opened again by the admin) owes less, and shows more paid, by the amount sent directly times the ways the platform took it.

    Example: Then the client's balance changed by each payment the platform took, and by nothing else
    """
    took = sum(not a.refused for a in context.notes["sent"].answers) * context.notes["direct_amount"]
    (owed_before, made_before), page = context.notes["before"], context.cast.actor("admin").page(PlansPage)
    now = _figures(page.open_for(context.notes["client"].user_id))
    expected = (owed_before - took, made_before + took)
    assert now == expected, f"owed, made: {[written(x) for x in now]}, expected {[written(x) for x in expected]}"


@when("the client sends the revert of their payment directly")
def step_client_reverts_directly(context):
    """The client sends the revert of their payment all the same: the request the admin's "Revert Transaction" sends, from the client's browser, and the platform's transactionRevert.

    Example: When the client sends the revert of their payment directly
    """
    context.notes["sent"] = revert_directly(context, "client", context.notes["paid"])

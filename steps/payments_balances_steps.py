"""Payments, the production page's "Submitting a payment" (script 3, "Payment Test"), after paying: what the
client owes and holds, their plan's balance, their transactions, reverting a payment."""

from behave import then, when

from pages.plans import PlansPage, TransactionsTab
from prodready.scenario.money import kwacha, money, owed, written
from prodready.scenario.payments import plans_page
from prodready.scenario.refusals import payments_given_to
from prodready.scenario.wording import reworded

# -- balances -------------------------------------------------------------------------------------------


@reworded("the admin takes note of the current balance", label="Total Balance")
@when('the admin takes note of the client\'s "{label:Ui}"')
def step_note_balance(context, label):
    """The admin notes what the client owes, as this figure of the plans page shows it, to compare later.

    Example: When the admin takes note of the client's "Total Balance"
    """
    context.notes["balance_before"] = owed(context.cast.actor("admin").on(PlansPage).figure(label))


@then('the client\'s "{label:Ui}" has dropped by what went to the plan')
def step_balance_dropped(context, label):
    """What the client owes dropped, from the amount noted, by the part of the payment that went to the plan.

    Example: Then the client's "Total Balance" has dropped by what went to the plan
    """
    went = min(context.notes["paid"], context.notes["remaining"])
    now = owed(plans_page(context).figure(label))
    assert context.notes["balance_before"] - now == went, (
        f"{written(context.notes['balance_before'])} became {written(now)}"
    )
    # The pay dialog's remaining balance, less what went, is what the plan on the client's plot owes now.
    plot, left = context.notes["client"].plot, context.notes["remaining"] - went
    plans = [kwacha(p.balance) for p in plans_page(context).plans() if p.plot == plot] if plot else [left]
    assert plans == [left], (
        f"the plan on {plot} owes {plans}; the pay dialog said {written(context.notes['remaining'])}"
    )


@reworded("the total balance is back to the balance noted before the payment", label="Total Balance")
@then('the client\'s "{label:Ui}" is back to the balance noted before the payment')
def step_balance_back(context, label):
    """What the client owes is back to the amount noted before the payment.

    Example: Then the client's "Total Balance" is back to the balance noted before the payment
    """
    now = owed(plans_page(context).figure(label))
    assert now == context.notes["balance_before"], f"{written(now)}, noted {written(context.notes['balance_before'])}"


@reworded("the total balance is {amount:Money}", label="Total Balance")
@then('the client\'s "{label:Ui}" shows {amount:Money} owed')
def step_owed(context, label, amount):
    """This figure of the client's plans page shows that they owe exactly this amount.

    Example: Then the client's "Total Balance" shows K6,000.00 owed
    """
    shown = plans_page(context).figure_once(label, lambda figure: owed(figure) == amount)
    assert owed(shown) == amount, shown


@reworded("the general plan holds {amount:Money}", label="General Funds")
@then('the client\'s "{label:Ui}" holds {amount:Money}')
def step_holds(context, label, amount):
    """This figure of the client's plans page shows exactly this amount (the platform shows no figure that is zero).

    Example: Then the client's "General Funds" holds K1,500.00
    """
    shown = plans_page(context).figure_once(label, lambda figure: (kwacha(figure) if figure else 0) == amount)
    assert (kwacha(shown) if shown is not None else 0) == amount, shown


# -- plans and transactions ------------------------------------------------------------------------------


@then("the client's plan is {status} with a balance of {amount:Money}")
def step_plan_state(context, status, amount):
    """The client has exactly one plan, with this status (active, completed…) and this balance.

    Example: Then the client's plan is completed with a balance of K0.00
    """
    plans = [(p.status, kwacha(p.balance)) for p in plans_page(context).plans()]
    assert plans == [(status, amount)], plans


@then('the client\'s plan on their plot is "{plan_type}" with a balance of {amount:Money}')
def step_plan_on_plot(context, plan_type, amount):
    """The client's plot has exactly one plan, of this type and with this balance.

    Example: Then the client's plan on their plot is "basic" with a balance of K6,000.00
    """
    plans = [(p.plan, kwacha(p.balance)) for p in plans_page(context).plans() if p.plot == context.notes["client"].plot]
    assert plans == [(plan_type.capitalize(), amount)], plans_page(context).plans()


@then("the client sees their plan with a balance of {amount:Money}")
def step_client_plan(context, amount):
    """The client sees the plan on their plot with this balance.

    Example: Then the client sees their plan with a balance of K5,500.00
    """
    plans = [kwacha(p.balance) for p in plans_page(context).plans() if p.plot == context.notes["client"].plot]
    assert plans == [amount], plans_page(context).plans()


@reworded("the admin reverts the payment")
@when("the admin reverts the payment in the client's transactions")
def step_revert(context):
    """The admin reverts the payment just made from the client's transactions, confirming the platform's question.

    Example: When the admin reverts the payment in the client's transactions
    """
    tab = context.cast.actor("admin").on(PlansPage).transactions()
    assert tab.start_revert(money(context.notes["paid"])) == tab.QUESTION_TEXT
    tab.confirm_revert()


@then('the client\'s transactions list a "{description:Ui}" payment of {amount:Money} recorded by the admin')
def step_transaction_listed(context, description, amount):
    """The client's transactions list exactly one payment: with this description and amount, recorded by the admin.

    Example: Then the client's transactions list a "mobile_money" payment of K1,000.00 recorded by the admin
    """
    rows = context.cast.actor("admin").page(TransactionsTab).open_for(context.notes["client"].user_id).transactions()
    expected = (description, amount, context.cast.person("admin").name)
    assert [(r.description, kwacha(r.amount), r.recorded) for r in rows] == [expected], rows


@then('the platform does not give the client the payments of "{name}"')
def step_payments_withheld(context, name):
    """Asked directly (the platform's API), the platform refuses the client the other client's payments, or has none.

    Example: Then the platform does not give the client the payments of "Bwalya Mumba"
    """
    given = payments_given_to(context.cast, "client", context.notes["others"][name]["client"].user_id)
    assert not isinstance(given, list) or given == [], f"the client was given the payments of {name}: {given}"

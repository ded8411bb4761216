"""Payments, the production page's "Submitting a payment" (script 3, "Payment Test"), first part: the client
and their plans: a client with a plan, made through the platform's API; finding their plans; making a plan."""

from decimal import Decimal

from behave import given, then, when

from pages.components import SideMenu
from pages.payment_dialogs import PlanDialog
from pages.people import ProfilePage
from pages.plans import PlansPage
from prodready.scenario.money import payment_type, typed
from prodready.scenario.payment_setup import (
    ClientPlan,
    client_with_new_plan,
    client_with_plan,
    give_plan,
    give_plot,
    new_client,
    pay,
    unique_number,
)
from prodready.scenario.payments import find_client_plans, plans_page
from prodready.scenario.wording import dropping, reworded

# -- the data a scenario starts from (the platform's GraphQL) -----------------------------------------


@given("a client with a payment plan")
def step_client_with_plan(context):
    """Script 3's client with a payment plan: the one the target names (on a live deployment), else a new one made through the platform's API.

    Example: Given a client with a payment plan
    """
    context.notes["client"] = client_with_plan(context)


@reworded('"{name}" has a "{plan_type}" payment plan of {monthly:Money} a month for {months:Count} months')
@given('a client "{name}" with a "{plan_type}" plan of {monthly:Money} a month for {months:Count} months')
def step_client_with_new_plan(context, name, plan_type, monthly, months):
    """A new client, made for this scenario through the platform's API, with a plot and a plan of this type on it.

    Example: Given a client "Mutale Phiri" with a "basic" plan of K500.00 a month for 12 months
    """
    context.notes["client"] = client_with_new_plan(context, name, plan_type, monthly, months)


@given('the client has a "{plan_type}" plan of {monthly:Money} a month for {months:Count} months')
def step_persona_plan(context, plan_type, monthly, months):
    """The client persona gets a new plot with a plan of this type on it (through the platform's API).

    Example: Given the client has a "basic" plan of K500.00 a month for 12 months
    """
    persona = ClientPlan(context.cast.person("client").name, context.cast.user_id("client"), None)
    context.notes["client"] = give_plan(context, give_plot(context, persona), plan_type, monthly, months)


@given('a client "{name}" with a plot and no payment plan')
def step_client_with_plot(context, name):
    """A new client, made for this scenario, who owns a plot but has no payment plan yet.

    Example: Given a client "Natasha Mumba" with a plot and no payment plan
    """
    context.notes["client"] = give_plot(context, new_client(context, name))


@given('a client "{name}" without a plot')
def step_client_without_plot(context, name):
    """A new client, made for this scenario, who owns no plot.

    Example: Given a client "Kondwani Phiri" without a plot
    """
    context.notes["client"] = new_client(context, name)


@reworded(
    '"{name}" has already paid {amount:Money} in cash with transaction number "{number}"',
    adapt=dropping("name", "number"),
)
@given("the client has already paid {amount:Money} in cash")
def step_paid_before(context, amount):
    """The scenario's client already paid this amount in cash towards their plan (through the platform's API); its transaction and number are noted.

    Example: Given the client has already paid K500.00 in cash
    """
    context.notes.update(earlier_number=unique_number(context, "TXN"), paid=amount)
    paid = pay(context, context.notes["client"], amount, payment_type("cash"), context.notes["earlier_number"])
    context.notes["earlier_transaction"] = paid


@given('another client, "{name}", has paid {amount:Money} in cash towards their plan')
def step_other_client_paid(context, name, amount):
    """A new client other than the client persona, with a K500.00 a month plan for 12 months, paid this much (API).

    Example: Given another client, "Bwalya Mumba", has paid K500.00 in cash towards their plan
    """
    other = client_with_new_plan(context, name, "basic", Decimal(500), 12)
    paid = pay(context, other, amount, payment_type("cash"))
    context.notes.setdefault("others", {})[name] = {"client": other, "transaction_id": paid}


# -- finding a client's plans ---------------------------------------------------------------------------


@reworded('the admin finds the client "{name}" and opens the client\'s plans', adapt=dropping("name"))
@reworded("the admin finds the client and opens the client's plans")
@when("the admin finds the client and opens their plans")
def step_find_client(context):
    """The admin searches for the client by name, opens their profile and then their plans, as script 3 does.

    Example: When the admin finds the client and opens their plans
    """
    find_client_plans(context.cast.actor("admin"), context.notes["client"].name)


@reworded('the admin opens the plans of "{name}"', adapt=dropping("name"))
@when("the admin opens the client's plans")
def step_open_plans(context):
    """The admin goes straight to the client's plans.

    Example: When the admin opens the client's plans
    """
    context.cast.actor("admin").page(PlansPage).open_for(context.notes["client"].user_id)


@when("the admin opens their own plans from their profile")
def step_own_plans(context):
    """The admin opens their own profile from the menu, then its payments.

    Example: When the admin opens their own plans from their profile
    """
    context.cast.actor("admin").page(SideMenu).go("My Account", "My Profile")
    context.cast.actor("admin").on(ProfilePage).open_option("payments")


@reworded("the client opens My Payments from the left menu", entry="My Profile")
@reworded('the client opens their payments from the "{entry:Ui}" menu entry')
@when('the client opens their payment plans from "{entry:Ui}" in the menu')
def step_client_own_plans(context, entry):
    """The client opens their profile from this side menu entry, then its payment plans.

    Example: When the client opens their payment plans from "My Profile" in the menu
    """
    context.cast.actor("client").page(SideMenu).go(entry)
    context.cast.actor("client").on(ProfilePage).open_option("payments")


@reworded("the client is offered no way to pay or to revert a payment")
@then("the client is offered no way to record or revert a payment")
def step_client_read_only(context):
    """The client's plans page offers neither to record a payment nor the transactions where a payment is reverted.

    Example: Then the client is offered no way to record or revert a payment
    """
    assert not context.cast.actor("client").on(PlansPage).offers_payment_actions()


@then('the plans page shows "{texts:UiList}"')
def step_plans_page_shows(context, texts):
    """The plans page shows each of these texts.

    Example: Then the plans page shows "Total Balance, Total Transactions Made, General Funds"
    """
    plans = plans_page(context)
    assert all(plans.is_shown(plans.text_locator(text)) for text in texts), plans.screen()


# -- plans ------------------------------------------------------------------------------------------------


@when(
    'the admin creates a "{plan_type}" plan of {monthly:Money} a month for {months:Count} months on the client\'s plot'
)
def step_create_plan(context, plan_type, monthly, months):
    """The admin creates a plan of this type, monthly amount and length on the client's plot.

    Example: When the admin creates a "basic" plan of K500.00 a month for 12 months on the client's plot
    """
    dialog = context.cast.actor("admin").on(PlansPage).new_plan()
    dialog.create(plan_type, typed(monthly), months, context.notes["client"].plot)


@when("the admin starts a new payment plan")
def step_start_plan(context):
    """The admin starts a new payment plan for the client.

    Example: When the admin starts a new payment plan
    """
    context.cast.actor("admin").on(PlansPage).new_plan()


@then('the plan dialog says "{message:Ui}"')
def step_plan_dialog_says(context, message):
    """The new plan dialog says exactly this instead of offering a plot.

    Example: Then the plan dialog says "No plot associated to this user, please go to property management and create and assign a plot to this user"
    """
    assert context.cast.actor("admin").on(PlanDialog).no_plot_message() == message

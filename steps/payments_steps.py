"""Payments steps: the production page's script 3 ("Payment Test"), the pay dialog's rules, plans, the dashboard."""
import parse
from behave import given, register_type, then, when

from pages.components import ErrorPage, PageFrame, SideMenu, Snackbar
from pages.payments import (
    MONEY,
    PaymentsDashboardPage,
    PlanDialog,
    PlansPage,
    ReceiptDialog,
    ReceiptPrompt,
    TransactionsTab,
)
from pages.people import ProfilePage
from prodready.payments import (
    RECEIPT_NUMBER,
    ClientPlan,
    attempt_from_words,
    client_with_new_plan,
    client_with_plan,
    fill_payment,
    find_client_plans,
    give_plan,
    give_plot,
    kwacha,
    match_rows,
    money,
    new_attempt,
    new_client,
    owed,
    pay,
    pay_as_listed,
    payment_type,
    plain_amount,
    unique_number,
)
from prodready.vocabulary import ui_table


@parse.with_pattern(r"K[0-9]{1,3}(?:,[0-9]{3})*\.[0-9]{2}")
def parse_kwacha(text: str) -> str:
    """Money as the platform writes it (K6,000.00), kept as written: the steps compare what is shown."""
    return text


register_type(Kwacha=parse_kwacha)


def _plans(context) -> PlansPage:
    return context.cast.last_actor().on(PlansPage)


# -- the data a scenario starts from (the platform's GraphQL) -----------------------------------------

@given("a client with a payment plan")
def step_client_with_plan(context):
    context.notes["client"] = client_with_plan(context)


@given('a client "{name}" with a "{plan_type}" plan of {monthly:Kwacha} a month for {months:d} months')
def step_client_with_new_plan(context, name, plan_type, monthly, months):
    context.notes["client"] = client_with_new_plan(context, name, plan_type, kwacha(monthly), months)


@given('the client has a "{plan_type}" plan of {monthly:Kwacha} a month for {months:d} months')
def step_persona_plan(context, plan_type, monthly, months):
    persona = ClientPlan(context.cast.person("client").name, context.cast.user_id("client"), None)
    context.notes["client"] = give_plan(context, give_plot(context, persona), plan_type, kwacha(monthly), months)


@given('a client "{name}" with a plot and no payment plan')
def step_client_with_plot(context, name):
    context.notes["client"] = give_plot(context, new_client(context, name))


@given('a client "{name}" without a plot')
def step_client_without_plot(context, name):
    context.notes["client"] = new_client(context, name)


@given("the client has already paid {amount:Kwacha} in cash")
def step_paid_before(context, amount):
    context.notes["earlier_number"] = unique_number(context, "TXN")
    pay(context, context.notes["client"], kwacha(amount), payment_type("cash"), context.notes["earlier_number"])


@given("these clients have paid towards their plans:")
def step_clients_paid(context):
    pay_as_listed(context, [(row["client"], row["type"], row["amount"], row["reverted"] == "yes") for row in context.table])


# -- finding a client's plans ---------------------------------------------------------------------------

@when("the admin finds the client and opens their plans")
def step_find_client(context):
    find_client_plans(context.cast.actor("admin"), context.notes["client"].name)


@when("the admin opens the client's plans")
def step_open_plans(context):
    context.cast.actor("admin").page(PlansPage).open_for(context.notes["client"].user_id)


@when("the admin opens their own plans from their profile")
def step_own_plans(context):
    context.cast.actor("admin").page(SideMenu).go("My Account", "My Profile")
    context.cast.actor("admin").on(ProfilePage).open_option("payments")


@when('the client opens their payments from the "{entry:Ui}" menu entry')
def step_my_payments(context, entry):
    context.cast.actor("client").page(SideMenu).go(entry)


# -- paying ---------------------------------------------------------------------------------------------

@when('the admin takes note of the client\'s "{label:Ui}"')
def step_note_balance(context, label):
    context.notes["balance_before"] = owed(context.cast.actor("admin").on(PlansPage).figure(label))


@when("the admin records a {kind} payment of {amount:Kwacha} towards the client's plan")
def step_record_payment(context, kind, amount):
    dialog, remaining = fill_payment(context.cast.actor("admin"), new_attempt(context, kind, amount), context.notes["client"].plot, context.faker)
    context.notes.update(paid=amount, remaining=remaining, fields=dialog.fields())
    dialog.pay().wait_confirm_step().confirm()


@when("the admin starts a cash payment of {amount:Kwacha} towards the client's plan")
def step_start_payment(context, amount):
    dialog, _remaining = fill_payment(context.cast.actor("admin"), new_attempt(context, "cash", amount), context.notes["client"].plot, context.faker)
    context.notes.update(paid=amount, dialog=dialog)


@when("the admin confirms the payment")
def step_confirm_payment(context):
    context.notes["dialog"].pay().wait_confirm_step().confirm()
    context.cast.actor("admin").on(ReceiptPrompt).carry_on()


@when('the admin tries to pay "{amount:Quoted}" {how}')
def step_try_to_pay(context, amount, how):
    dialog, _ = fill_payment(context.cast.actor("admin"), attempt_from_words(amount, how, context), context.notes["client"].plot, context.faker)
    context.notes["dialog"] = dialog.try_to_pay()


@when('the admin opens the pay dialog with "{label:Ui}"')
def step_open_pay_dialog(context, label):
    assert context.cast.actor("admin").on(PlansPage).label_of(PlansPage.RECORD_PAYMENT) == label
    context.notes["dialog"] = context.cast.actor("admin").on(PlansPage).record_payment()


@when("the admin cancels the payment")
def step_cancel_payment(context):
    context.notes["dialog"].cancel()


@then('the "{title:Ui}" dialog offers "{types:UiList}"')
def step_dialog_offers(context, title, types):
    dialog = context.notes["dialog"]
    assert (dialog.text_of(dialog.MARKER), dialog.transaction_types()) == (title, types), dialog.transaction_types()


@then('the dialog asks for "{fields:UiList}"')
def step_dialog_asks(context, fields):
    shown = context.notes["dialog"].fields()
    assert all(field in shown for field in fields), shown


@then('the "{title:Ui}" dialog is closed')
def step_dialog_closed(context, title):
    assert not context.notes["dialog"].is_current(), f'the "{title}" dialog is still open'


@then('the pay dialog asked for "{fields:UiList}"')
def step_dialog_asked(context, fields):
    assert context.notes["fields"] == fields, context.notes["fields"]


@then('the pay dialog says "{messages:UiList}"')
def step_dialog_says(context, messages):
    shown = context.notes["dialog"].errors()
    assert sorted(shown) == sorted(messages) and not context.notes["dialog"].at_confirm_step(), shown


@then("the pay dialog says the additional {amount:Kwacha} will be allocated to the general fund")
def step_general_fund_hint(context, amount):
    dialog = context.notes["dialog"]
    assert dialog.general_fund_hint() == dialog.HINT.replace("{{amount}}", amount), dialog.general_fund_hint()


@then("the admin is told the payment was refused")
def step_refused(context):
    alert = context.cast.actor("admin").page(Snackbar)
    assert alert.message() and alert.is_error(), alert.message()


# -- the receipt ----------------------------------------------------------------------------------------

@when("the admin prints the receipt")
def step_print_receipt(context):
    context.cast.actor("admin").on(ReceiptPrompt).print_receipt()


@then("the receipt shows the client, the admin as cashier, {amount:Kwacha} paid and its receipt number")
def step_receipt(context, amount):
    receipt = context.cast.actor("admin").on(ReceiptDialog).details()
    expected = (context.notes["client"].name, context.cast.person("admin").name, amount)
    assert (receipt.client, receipt.cashier, receipt.total_paid) == expected and RECEIPT_NUMBER.match(receipt.number), receipt


@when("the admin closes the receipt")
def step_close_receipt(context):
    context.cast.actor("admin").on(ReceiptDialog).close()


# -- balances, plans, transactions -----------------------------------------------------------------------

@then('the client\'s "{label:Ui}" has dropped by what went to the plan')
def step_balance_dropped(context, label):
    went = min(kwacha(context.notes["paid"]), kwacha(context.notes["remaining"]))
    now = owed(_plans(context).figure(label))
    assert context.notes["balance_before"] - now == went, f"{money(context.notes['balance_before'])} became {money(now)}"


@then('the client\'s "{label:Ui}" is back to the balance noted before the payment')
def step_balance_back(context, label):
    now = owed(_plans(context).figure(label))
    assert now == context.notes["balance_before"], f"{money(now)}, noted {money(context.notes['balance_before'])}"


@then('the client\'s "{label:Ui}" shows {amount:Kwacha} owed')
def step_owed(context, label, amount):
    shown = _plans(context).figure(label)
    assert owed(shown) == kwacha(amount), shown


@then('the client\'s "{label:Ui}" holds {amount:Kwacha}')
def step_holds(context, label, amount):
    shown = _plans(context).figure(label)
    assert shown == amount, shown


@then("the client's plan is {status} with a balance of {amount:Kwacha}")
def step_plan_state(context, status, amount):
    plans = [(p.status, MONEY.search(p.balance).group(0)) for p in _plans(context).plans()]
    assert plans == [(status.capitalize(), amount)], plans


@then('the client\'s plan on their plot is "{plan_type}" with a balance of {amount:Kwacha}')
def step_plan_on_plot(context, plan_type, amount):
    plans = [(p.plan, MONEY.search(p.balance).group(0)) for p in _plans(context).plans() if p.plot == context.notes["client"].plot]
    assert plans == [(plan_type.capitalize(), amount)], _plans(context).plans()


@then("the client sees their plan with a balance of {amount:Kwacha}")
def step_client_plan(context, amount):
    plans = [MONEY.search(p.balance).group(0) for p in _plans(context).plans() if p.plot == context.notes["client"].plot]
    assert plans == [amount], _plans(context).plans()


@then("the client is offered no way to record or revert a payment")
def step_client_read_only(context):
    assert not context.cast.actor("client").on(PlansPage).offers_payment_actions()


@then('the plans page shows "{texts:UiList}"')
def step_plans_page_shows(context, texts):
    plans = _plans(context)
    assert all(plans.is_shown(plans.text_locator(text)) for text in texts), plans.screen()


@when("the admin reverts the payment in the client's transactions")
def step_revert(context):
    tab = context.cast.actor("admin").on(PlansPage).transactions()
    assert tab.start_revert(context.notes["paid"]) == tab.QUESTION_TEXT
    tab.confirm_revert()


@then('the client\'s transactions list a "{description:Ui}" payment of {amount:Kwacha} recorded by the admin')
def step_transaction_listed(context, description, amount):
    rows = context.cast.actor("admin").page(TransactionsTab).open_for(context.notes["client"].user_id).transactions()
    expected = (description, amount, context.cast.person("admin").name)
    assert [(r.description, r.amount, r.recorded) for r in rows] == [expected], rows


# -- plans ------------------------------------------------------------------------------------------------

@when('the admin creates a "{plan_type}" plan of {monthly:Kwacha} a month for {months:d} months on the client\'s plot')
def step_create_plan(context, plan_type, monthly, months):
    dialog = context.cast.actor("admin").on(PlansPage).new_plan()
    dialog.create(plan_type, plain_amount(monthly), months, context.notes["client"].plot)


@when("the admin starts a new payment plan")
def step_start_plan(context):
    context.cast.actor("admin").on(PlansPage).new_plan()


@then('the plan dialog says "{message:Ui}"')
def step_plan_dialog_says(context, message):
    assert context.cast.actor("admin").on(PlanDialog).no_plot_message() == message


# -- the payments dashboard -------------------------------------------------------------------------------

@when("the admin opens the payments dashboard")
def step_open_dashboard(context):
    context.cast.actor("admin").open(PaymentsDashboardPage)


@then('the admin sees the "{title:Ui}" page with the tabs "{tabs:UiList}"')
def step_dashboard_tabs(context, title, tabs):
    dashboard = context.cast.actor("admin").on(PaymentsDashboardPage)
    assert (context.cast.actor("admin").page(PageFrame).title(), dashboard.tabs()) == (title, tabs), dashboard.tabs()


@then('each payment listed shows its client, amount and type, receipt number and status, or the list says "{empty:Ui}"')
def step_dashboard_rows_well_formed(context, empty):
    dashboard = context.cast.actor("admin").on(PaymentsDashboardPage)
    problems = [r for r in dashboard.payments() if not (r.client and r.amount and r.payment_type and r.receipt and r.status)]
    assert (dashboard.payments() or dashboard.text_of(dashboard.EMPTY) == empty) and not problems, problems


@then("the dashboard lists these payments:")
@ui_table("type", "status")
def step_dashboard_lists(context):
    expected = [(context.data.name(r["client"]), r["amount"], r["type"], r["status"]) for r in context.table]
    context.notes["listed"], missing = match_rows(context.cast.actor("admin").on(PaymentsDashboardPage).payments(), expected)
    assert not missing, f"not listed: {missing}"


@then("each of these payments has its own receipt number")
def step_own_receipts(context):
    receipts = [row.receipt for row in context.notes["listed"]]
    assert len(set(receipts)) == len(receipts) and all(RECEIPT_NUMBER.match(r) for r in receipts), receipts


@when('the admin opens the "{tab:Ui}" tab of the dashboard')
def step_dashboard_plans_tab(context, tab):
    context.notes["plans_listed"] = context.cast.actor("admin").on(PaymentsDashboardPage).open_tab(tab)


@then('the dashboard lists the plans of "{names}"')
def step_dashboard_plans(context, names):
    missing = [n for n in names.split(", ") if not any(context.data.name(n) in t for t in context.notes["plans_listed"])]
    assert not missing, (missing, context.notes["plans_listed"])


@when('the admin opens the client "{name}" from the dashboard')
def step_dashboard_client(context, name):
    context.cast.actor("admin").on(PaymentsDashboardPage).open_client(context.data.name(name))


@when("the {who:Persona} goes to the payments dashboard by its address")
def step_type_dashboard_address(context, who):
    context.cast.actor(who).page(PaymentsDashboardPage).visit()


@then('the {who:Persona} is shown "{headline:Ui}" instead of the payments dashboard')
def step_dashboard_withheld(context, who, headline):
    actor = context.cast.actor(who)
    assert actor.on(ErrorPage).headline() == headline and not actor.page(PaymentsDashboardPage).is_current()

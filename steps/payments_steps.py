"""Payments steps: the production page's script 3 ("Payment Test"), the pay dialog's rules, plans, the dashboard."""
import parse
from behave import given, register_type, then, when

from pages.base import comma_list
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
from prodready.scenario.payments import (
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
from prodready.scenario.tables import assert_rows, expected_rows
from prodready.scenario.vocabulary import ui_table


@parse.with_pattern(r"K[0-9]{1,3}(?:,[0-9]{3})*\.[0-9]{2}")
def parse_kwacha(text: str) -> str:
    """Money as the platform writes it (K6,000.00), kept as written: the steps compare what is shown."""
    return text


register_type(Kwacha=parse_kwacha)


def _plans(context) -> PlansPage:
    """The plans page the person of the last step is on."""
    return context.cast.last_actor().on(PlansPage)


def _dashboard_lists(context, table) -> list:
    """The dashboard's payments of the table's rows (client, amount, type, status; any order), each row once.

    Only the payments of the clients the table names are compared (the community has others); fails with the
    rows expected, the rows of those clients on screen, and what is missing.
    """
    columns, expected = expected_rows(table)
    expected = [{**row, "client": context.data.name(row["client"])} for row in expected]
    rows, clients = context.cast.actor("admin").on(PaymentsDashboardPage).payments(), {r["client"] for r in expected}
    shown = [{"client": max((c for c in clients if r.client.startswith(c)), key=len), "amount": r.amount,
              "type": r.payment_type, "status": r.status} for r in rows if any(r.client.startswith(c) for c in clients)]
    assert_rows(expected, shown, columns, only=False)
    return match_rows(rows, [(r["client"], r["amount"], r["type"], r["status"]) for r in expected])[0]


# -- the data a scenario starts from (the platform's GraphQL) -----------------------------------------

@given("a client with a payment plan")
def step_client_with_plan(context):
    """Script 3's client with a payment plan: the one the target names (on a live deployment), else a new one made through the platform's API.

    Example: Given a client with a payment plan
    """
    context.notes["client"] = client_with_plan(context)


@given('a client "{name}" with a "{plan_type}" plan of {monthly:Kwacha} a month for {months:d} months')
def step_client_with_new_plan(context, name, plan_type, monthly, months):
    """A new client, made for this scenario through the platform's API, with a plot and a plan of this type on it.

    Example: Given a client "Mutale Phiri" with a "basic" plan of K500.00 a month for 12 months
    """
    context.notes["client"] = client_with_new_plan(context, name, plan_type, kwacha(monthly), months)


@given('the client has a "{plan_type}" plan of {monthly:Kwacha} a month for {months:d} months')
def step_persona_plan(context, plan_type, monthly, months):
    """The client persona gets a new plot with a plan of this type on it (through the platform's API).

    Example: Given the client has a "basic" plan of K500.00 a month for 12 months
    """
    persona = ClientPlan(context.cast.person("client").name, context.cast.user_id("client"), None)
    context.notes["client"] = give_plan(context, give_plot(context, persona), plan_type, kwacha(monthly), months)


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


@given("the client has already paid {amount:Kwacha} in cash")
def step_paid_before(context, amount):
    """The scenario's client already paid this amount in cash towards their plan (through the platform's API); its transaction number is noted.

    Example: Given the client has already paid K500.00 in cash
    """
    context.notes["earlier_number"] = unique_number(context, "TXN")
    pay(context, context.notes["client"], kwacha(amount), payment_type("cash"), context.notes["earlier_number"])


@given("these clients have paid towards their plans:")
def step_clients_paid(context):
    """New clients, each with a K500.00 a month plan for 12 months, paid as the table says (client, type, amount, reverted yes/no).

    Example: Given these clients have paid towards their plans:
    """
    pay_as_listed(context, [(row["client"], row["type"], row["amount"], row["reverted"] == "yes") for row in context.table])


# -- finding a client's plans ---------------------------------------------------------------------------

@when("the admin finds the client and opens their plans")
def step_find_client(context):
    """The admin searches for the client by name, opens their profile and then their plans, as script 3 does.

    Example: When the admin finds the client and opens their plans
    """
    find_client_plans(context.cast.actor("admin"), context.notes["client"].name)


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


@when('the client opens their payments from the "{entry:Ui}" menu entry')
def step_my_payments(context, entry):
    """The client opens their own payments from this side menu entry.

    Example: When the client opens their payments from the "My Payments" menu entry
    """
    context.cast.actor("client").page(SideMenu).go(entry)


# -- paying ---------------------------------------------------------------------------------------------

@when('the admin takes note of the client\'s "{label:Ui}"')
def step_note_balance(context, label):
    """The admin notes what the client owes, as this figure of the plans page shows it, to compare later.

    Example: When the admin takes note of the client's "Total Balance"
    """
    context.notes["balance_before"] = owed(context.cast.actor("admin").on(PlansPage).figure(label))


@when("the admin records a {kind} payment of {amount:Kwacha} towards the client's plan")
def step_record_payment(context, kind, amount):
    """The admin records a payment of this kind (cash, cheque, mobile money…) and amount towards the client's plan, and confirms it.

    Example: When the admin records a cash payment of K100.00 towards the client's plan
    """
    dialog, remaining = fill_payment(context.cast.actor("admin"), new_attempt(context, kind, amount), context.notes["client"].plot, context.faker)
    context.notes.update(paid=amount, remaining=remaining, fields=dialog.fields())
    dialog.pay().wait_confirm_step().confirm()


@when("the admin starts a cash payment of {amount:Kwacha} towards the client's plan")
def step_start_payment(context, amount):
    """The admin fills in a cash payment towards the client's plan, without confirming it yet.

    Example: When the admin starts a cash payment of K7,500.00 towards the client's plan
    """
    dialog, _remaining = fill_payment(context.cast.actor("admin"), new_attempt(context, "cash", amount), context.notes["client"].plot, context.faker)
    context.notes.update(paid=amount, dialog=dialog)


@when("the admin confirms the payment")
def step_confirm_payment(context):
    """The admin confirms the payment they started, and carries on without printing the receipt.

    Example: When the admin confirms the payment
    """
    context.notes["dialog"].pay().wait_confirm_step().confirm()
    context.cast.actor("admin").on(ReceiptPrompt).carry_on()


@when('the admin tries to pay "{amount:Quoted}" {how}')
def step_try_to_pay(context, amount, how):
    """The admin tries to pay this amount, typed as written, in the way said (in cash, by cheque without bank details, with no transaction type…).

    Example: When the admin tries to pay "0" in cash
    """
    dialog, _ = fill_payment(context.cast.actor("admin"), attempt_from_words(amount, how, context), context.notes["client"].plot, context.faker)
    context.notes["dialog"] = dialog.try_to_pay()


@when('the admin opens the pay dialog with "{label:Ui}"')
def step_open_pay_dialog(context, label):
    """The admin opens the pay dialog with the button of this label.

    Example: When the admin opens the pay dialog with "Record New Payment"
    """
    assert context.cast.actor("admin").on(PlansPage).label_of(PlansPage.RECORD_PAYMENT) == label
    context.notes["dialog"] = context.cast.actor("admin").on(PlansPage).record_payment()


@when("the admin cancels the payment")
def step_cancel_payment(context):
    """The admin cancels the pay dialog.

    Example: When the admin cancels the payment
    """
    context.notes["dialog"].cancel()


@then('the "{title:Ui}" dialog offers "{types:UiList}"')
def step_dialog_offers(context, title, types):
    """The pay dialog has this title and offers exactly these transaction types, in this order.

    Example: Then the "Make a Payment" dialog offers "Cash, Cheque/Cashier Cheque, Mobile Money, Bank Transfer/Cash Deposit, Bank Transfer/EFT, Point of Sale"
    """
    dialog = context.notes["dialog"]
    assert (dialog.text_of(dialog.MARKER), dialog.transaction_types()) == (title, types), dialog.transaction_types()


@then('the dialog asks for "{fields:UiList}"')
def step_dialog_asks(context, fields):
    """The pay dialog asks for at least these details.

    Example: Then the dialog asks for "Transaction Type, Transaction Number"
    """
    shown = context.notes["dialog"].fields()
    assert all(field in shown for field in fields), shown


@then('the "{title:Ui}" dialog is closed')
def step_dialog_closed(context, title):
    """The dialog of this title is no longer open.

    Example: Then the "Make a Payment" dialog is closed
    """
    assert not context.notes["dialog"].is_current(), f'the "{title}" dialog is still open'


@then('the pay dialog asked for "{fields:UiList}"')
def step_dialog_asked(context, fields):
    """The pay dialog of the payment just recorded asked for exactly these details, in this order.

    Example: Then the pay dialog asked for "Transaction Type, Transaction Number, Amount"
    """
    assert context.notes["fields"] == fields, context.notes["fields"]


@then('the pay dialog says "{messages:UiList}"')
def step_dialog_says(context, messages):
    """The pay dialog shows exactly these messages (any order) and does not go on to the confirmation.

    Example: Then the pay dialog says "TransactionType is required, Amount is required"
    """
    shown = context.notes["dialog"].errors()
    assert sorted(shown) == sorted(messages) and not context.notes["dialog"].at_confirm_step(), shown


@then("the pay dialog says the additional {amount:Kwacha} will be allocated to the general fund")
def step_general_fund_hint(context, amount):
    """The pay dialog warns that the amount beyond the plan's balance will go to the client's general fund.

    Example: Then the pay dialog says the additional K1,500.00 will be allocated to the general fund
    """
    dialog = context.notes["dialog"]
    assert dialog.general_fund_hint() == dialog.HINT.replace("{{amount}}", amount), dialog.general_fund_hint()


@then("the admin is told the payment was refused")
def step_refused(context):
    """The platform refuses the payment with an error message.

    Example: Then the admin is told the payment was refused
    """
    alert = context.cast.actor("admin").page(Snackbar)
    assert alert.message() and alert.is_error(), alert.message()


# -- the receipt ----------------------------------------------------------------------------------------

@when("the admin prints the receipt")
def step_print_receipt(context):
    """The admin chooses to print the receipt of the payment just made.

    Example: When the admin prints the receipt
    """
    context.cast.actor("admin").on(ReceiptPrompt).print_receipt()


@then("the receipt shows the client, the admin as cashier, {amount:Kwacha} paid and its receipt number")
def step_receipt(context, amount):
    """The receipt names the client and the admin as cashier, shows this amount paid and has a receipt number.

    Example: Then the receipt shows the client, the admin as cashier, K100.00 paid and its receipt number
    """
    receipt = context.cast.actor("admin").on(ReceiptDialog).details()
    expected = (context.notes["client"].name, context.cast.person("admin").name, amount)
    assert (receipt.client, receipt.cashier, receipt.total_paid) == expected and RECEIPT_NUMBER.match(receipt.number), receipt


@when("the admin closes the receipt")
def step_close_receipt(context):
    """The admin closes the receipt.

    Example: When the admin closes the receipt
    """
    context.cast.actor("admin").on(ReceiptDialog).close()


# -- balances, plans, transactions -----------------------------------------------------------------------

@then('the client\'s "{label:Ui}" has dropped by what went to the plan')
def step_balance_dropped(context, label):
    """What the client owes dropped, from the amount noted, by the part of the payment that went to the plan.

    Example: Then the client's "Total Balance" has dropped by what went to the plan
    """
    went = min(kwacha(context.notes["paid"]), kwacha(context.notes["remaining"]))
    now = owed(_plans(context).figure(label))
    assert context.notes["balance_before"] - now == went, f"{money(context.notes['balance_before'])} became {money(now)}"


@then('the client\'s "{label:Ui}" is back to the balance noted before the payment')
def step_balance_back(context, label):
    """What the client owes is back to the amount noted before the payment.

    Example: Then the client's "Total Balance" is back to the balance noted before the payment
    """
    now = owed(_plans(context).figure(label))
    assert now == context.notes["balance_before"], f"{money(now)}, noted {money(context.notes['balance_before'])}"


@then('the client\'s "{label:Ui}" shows {amount:Kwacha} owed')
def step_owed(context, label, amount):
    """This figure of the client's plans page shows that they owe exactly this amount.

    Example: Then the client's "Total Balance" shows K6,000.00 owed
    """
    shown = _plans(context).figure(label)
    assert owed(shown) == kwacha(amount), shown


@then('the client\'s "{label:Ui}" holds {amount:Kwacha}')
def step_holds(context, label, amount):
    """This figure of the client's plans page shows exactly this amount.

    Example: Then the client's "General Funds" holds K1,500.00
    """
    shown = _plans(context).figure(label)
    assert shown == amount, shown


@then("the client's plan is {status} with a balance of {amount:Kwacha}")
def step_plan_state(context, status, amount):
    """The client has exactly one plan, with this status (active, completed…) and this balance.

    Example: Then the client's plan is completed with a balance of K0.00
    """
    plans = [(p.status, MONEY.search(p.balance).group(0)) for p in _plans(context).plans()]
    assert plans == [(status.capitalize(), amount)], plans


@then('the client\'s plan on their plot is "{plan_type}" with a balance of {amount:Kwacha}')
def step_plan_on_plot(context, plan_type, amount):
    """The client's plot has exactly one plan, of this type and with this balance.

    Example: Then the client's plan on their plot is "basic" with a balance of K6,000.00
    """
    plans = [(p.plan, MONEY.search(p.balance).group(0)) for p in _plans(context).plans() if p.plot == context.notes["client"].plot]
    assert plans == [(plan_type.capitalize(), amount)], _plans(context).plans()


@then("the client sees their plan with a balance of {amount:Kwacha}")
def step_client_plan(context, amount):
    """The client sees the plan on their plot with this balance.

    Example: Then the client sees their plan with a balance of K5,500.00
    """
    plans = [MONEY.search(p.balance).group(0) for p in _plans(context).plans() if p.plot == context.notes["client"].plot]
    assert plans == [amount], _plans(context).plans()


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
    plans = _plans(context)
    assert all(plans.is_shown(plans.text_locator(text)) for text in texts), plans.screen()


@when("the admin reverts the payment in the client's transactions")
def step_revert(context):
    """The admin reverts the payment just made from the client's transactions, confirming the platform's question.

    Example: When the admin reverts the payment in the client's transactions
    """
    tab = context.cast.actor("admin").on(PlansPage).transactions()
    assert tab.start_revert(context.notes["paid"]) == tab.QUESTION_TEXT
    tab.confirm_revert()


@then('the client\'s transactions list a "{description:Ui}" payment of {amount:Kwacha} recorded by the admin')
def step_transaction_listed(context, description, amount):
    """The client's transactions list exactly one payment: with this description and amount, recorded by the admin.

    Example: Then the client's transactions list a "mobile_money" payment of K1,000.00 recorded by the admin
    """
    rows = context.cast.actor("admin").page(TransactionsTab).open_for(context.notes["client"].user_id).transactions()
    expected = (description, amount, context.cast.person("admin").name)
    assert [(r.description, r.amount, r.recorded) for r in rows] == [expected], rows


# -- plans ------------------------------------------------------------------------------------------------

@when('the admin creates a "{plan_type}" plan of {monthly:Kwacha} a month for {months:d} months on the client\'s plot')
def step_create_plan(context, plan_type, monthly, months):
    """The admin creates a plan of this type, monthly amount and length on the client's plot.

    Example: When the admin creates a "basic" plan of K500.00 a month for 12 months on the client's plot
    """
    dialog = context.cast.actor("admin").on(PlansPage).new_plan()
    dialog.create(plan_type, plain_amount(monthly), months, context.notes["client"].plot)


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


# -- the payments dashboard -------------------------------------------------------------------------------

@when("the admin opens the payments dashboard")
def step_open_dashboard(context):
    """The admin goes to the payments dashboard.

    Example: When the admin opens the payments dashboard
    """
    context.cast.actor("admin").open(PaymentsDashboardPage)


@then('the admin sees the "{title:Ui}" page with the tabs "{tabs:UiList}"')
def step_dashboard_tabs(context, title, tabs):
    """The admin is on the page with this title, which has exactly these tabs, in this order.

    Example: Then the admin sees the "Payments" page with the tabs "Payments, Plans"
    """
    dashboard = context.cast.actor("admin").on(PaymentsDashboardPage)
    assert (context.cast.actor("admin").page(PageFrame).title(), dashboard.tabs()) == (title, tabs), dashboard.tabs()


@then('each payment listed shows its client, amount and type, receipt number and status, or the list says "{empty:Ui}"')
def step_dashboard_rows_well_formed(context, empty):
    """Every payment the dashboard lists has a client, an amount and type, a receipt number and a status; or the list says exactly this.

    Example: Then each payment listed shows its client, amount and type, receipt number and status, or the list says "No Payments Available"
    """
    dashboard = context.cast.actor("admin").on(PaymentsDashboardPage)
    problems = [r for r in dashboard.payments() if not (r.client and r.amount and r.payment_type and r.receipt and r.status)]
    assert (dashboard.payments() or dashboard.text_of(dashboard.EMPTY) == empty) and not problems, problems


@then("the dashboard lists these payments:")
@ui_table("type", "status")
def step_dashboard_lists(context):
    """The dashboard lists these payments (table: client, amount, type, status; any order; other payments of the community may be listed too).

    Example: Then the dashboard lists these payments:
    """
    context.notes["listed"] = _dashboard_lists(context, context.table)


@then("each of these payments has its own receipt number")
def step_own_receipts(context):
    """The payments of the table just checked each have a receipt number, none the same as another's.

    Example: Then each of these payments has its own receipt number
    """
    receipts = [row.receipt for row in context.notes["listed"]]
    assert len(set(receipts)) == len(receipts) and all(RECEIPT_NUMBER.match(r) for r in receipts), receipts


@when('the admin opens the "{tab:Ui}" tab of the dashboard')
def step_dashboard_plans_tab(context, tab):
    """The admin opens this tab of the payments dashboard.

    Example: When the admin opens the "Plans" tab of the dashboard
    """
    context.notes["plans_listed"] = context.cast.actor("admin").on(PaymentsDashboardPage).open_tab(tab)


@then('the dashboard lists the plans of "{names}"')
def step_dashboard_plans(context, names):
    """The dashboard's plans tab lists a plan of each of these clients.

    Example: Then the dashboard lists the plans of "Lubuto Sakala, Mapalo Chanda"
    """
    missing = [n for n in comma_list(names) if not any(context.data.name(n) in t for t in context.notes["plans_listed"])]
    assert not missing, (missing, context.notes["plans_listed"])


@when('the admin opens the client "{name}" from the dashboard')
def step_dashboard_client(context, name):
    """The admin follows the client's name on the dashboard to their plans.

    Example: When the admin opens the client "Mapalo Chanda" from the dashboard
    """
    context.cast.actor("admin").on(PaymentsDashboardPage).open_client(context.data.name(name))


@when("the {who:Persona} goes to the payments dashboard by its address")
def step_type_dashboard_address(context, who):
    """A person types the payments dashboard's address into their browser.

    Example: When the client goes to the payments dashboard by its address
    """
    context.cast.actor(who).page(PaymentsDashboardPage).visit()


@then('the {who:Persona} is shown "{headline:Ui}" instead of the payments dashboard')
def step_dashboard_withheld(context, who, headline):
    """The person is shown this headline of the platform's error page, not the payments dashboard.

    Example: Then the client is shown "Sorry!! We couldn't find this page" instead of the payments dashboard
    """
    actor = context.cast.actor(who)
    assert actor.on(ErrorPage).headline() == headline and not actor.page(PaymentsDashboardPage).is_current()

"""Payments steps (production page, script 3 "Payment Test"; the payments dashboard)."""
import parse
from behave import given, register_type, then, when

from pages.components import LeftMenu, Toast
from pages.payments import (ClientPlansPage, MyPaymentsPage, PayDialog, PaymentsDashboardPage, PlansView,
                            ProfilePlansSection, ReceiptDialog)
from pages.people import ProfilePage, SearchPage
from prodready.payments import (MONEY, client_id, day_range, from_ngwee, kwacha, money, payment_details, payment_type,
                                recorded_payment, typed_payment)


@parse.with_pattern(MONEY.pattern.strip("^$"))
def parse_kwacha(text: str) -> str:
    """Money as the platform writes it (K6,000.00), kept as written: the steps compare what is shown."""
    return text


# Only money matches {amount:Kwacha}, so "the total balance is K0.00" never swallows other sentences.
register_type(Kwacha=parse_kwacha)

# -- data the scenarios start from ------------------------------------------------------------


@given('"{name}" has a "{plan_type}" payment plan of {installment:Kwacha} a month for {months:d} months')
def step_plan(context, name, plan_type, installment, months):
    context.api.post("/payment_plans", {"user_id": client_id(context.api, context.cast, name), "plan_type": plan_type,
                                        "installment": str(kwacha(installment)), "duration": months})


@given('"{name}" has already paid {amount:Kwacha} in cash with transaction number "{number}"')
def step_paid_before(context, name, amount, number):
    context.api.post("/transactions", {"user_id": client_id(context.api, context.cast, name), "source": "cash",
                                       "amount": str(kwacha(amount)), "transaction_number": number})


@given("these payments have been recorded:")
def step_payments_recorded(context):
    for row in context.table:
        user_id = client_id(context.api, context.cast, row["client"])
        context.api.post("/transactions", recorded_payment(row, user_id, context.target.timezone, context.faker))


# -- finding a client's plans -----------------------------------------------------------------


@when('the admin finds the client "{name}" and opens the client\'s plans')
def step_find_client_plans(context, name):
    context.cast.actor("admin").page(LeftMenu).go_to("Users", SearchPage).search_for(name)
    context.cast.actor("admin").on(SearchPage).open_result(name)
    context.cast.actor("admin").on(ProfilePage).goes_to(ProfilePlansSection).open_plans()


@when('the admin opens the plans of "{name}"')
def step_open_plans(context, name):
    context.cast.actor("admin").page(ClientPlansPage).open_for(client_id(context.api, context.cast, name))


@when("the client opens My Payments from the left menu")
def step_my_payments(context):
    context.cast.actor("client").page(LeftMenu).go_to("My Payments", MyPaymentsPage)


# -- paying, receipts, reverting --------------------------------------------------------------


@when("the admin takes note of the current balance")
def step_note_balance(context):
    context.notes["balance"] = kwacha(context.cast.actor("admin").on(ClientPlansPage).total_balance())


@when("the admin makes a {kind} payment of {amount:Kwacha} and prints the receipt")
def step_pay_and_print(context, kind, amount):
    _pay(context, kind, amount).print_receipt()


@when("the admin records a {kind} payment of {amount:Kwacha}")
def step_record_payment(context, kind, amount):
    _pay(context, kind, amount).carry_on()


def _pay(context, kind, amount):
    """The pay dialog end to end (Make a Payment → Pay → confirm); the Generate Receipt dialog."""
    details = payment_details(payment_type(kind), kwacha(amount), context.faker)
    dialog = context.cast.actor("admin").on(ClientPlansPage).make_payment()
    dialog.fill(details)
    context.notes.update(fields_shown=dialog.fields_shown(), transaction_number=details["transaction_number"])
    return dialog.pay().confirm()


@when('the admin opens the pay dialog for "{name}"')
def step_open_pay_dialog(context, name):
    context.cast.actor("admin").page(PayDialog).open_for(client_id(context.api, context.cast, name))


@when('the admin tries to pay by {kind} with transaction number "{number:Quoted}" and amount "{amount:Quoted}"')
def step_try_to_pay(context, kind, number, amount):
    dialog = context.cast.actor("admin").on(PayDialog)
    dialog.fill(typed_payment(payment_type(kind), number, amount))
    context.notes["errors"] = dialog.pay_expecting_errors()


@when("the admin closes the receipt")
def step_close_receipt(context):
    context.notes["receipt"] = context.cast.actor("admin").on(ReceiptDialog).details().number
    context.cast.actor("admin").on(ReceiptDialog).close()


@when("the admin reverts the payment")
def step_revert(context):
    dialog = context.cast.actor("admin").on(ClientPlansPage).start_revert(context.notes["receipt"])
    assert dialog.question() == "Are you sure you want to delete this Transaction?", dialog.question()
    dialog.confirm()


@then("the receipt shows:")
def step_receipt_shows(context):
    receipt = context.cast.actor("admin").on(ReceiptDialog).details()
    shown = {"receipt number": receipt.number, "client": receipt.client, "cashier": receipt.cashier,
             "amount paid": receipt.amount_paid, "expected monthly amount": receipt.expected_monthly,
             "balance remaining": receipt.balance_remaining}
    expected = {row[0]: row[1] for row in [context.table.headings, *context.table.rows]}
    assert {k: shown[k] for k in expected} == expected, shown


@then('the receipt {number} shows {amount:Kwacha} paid by "{name}"')
def step_client_receipt(context, number, amount, name):
    receipt = context.cast.last_actor().on(MyPaymentsPage).open_receipt(number).details()
    assert (receipt.number, receipt.amount_paid, receipt.client) == (number, amount, name), receipt


# -- balances and plans -----------------------------------------------------------------------


@then("the total balance is {amount:Kwacha}")
def step_total_balance(context, amount):
    shown = context.cast.last_actor().page(PlansView).total_balance()
    assert shown == amount, f"the total balance is {shown}, expected {amount}"


@then("the total balance has dropped by {amount:Kwacha}")
def step_balance_dropped(context, amount):
    now = kwacha(context.cast.actor("admin").on(ClientPlansPage).total_balance())
    assert context.notes["balance"] - now == kwacha(amount), f"{money(context.notes['balance'])} became {money(now)}"


@then("the total balance is back to the balance noted before the payment")
def step_balance_restored(context):
    now = kwacha(context.cast.actor("admin").on(ClientPlansPage).total_balance())
    assert now == context.notes["balance"], f"the balance is {money(now)}, noted {money(context.notes['balance'])}"


@then('the "{plan_type}" plan is "{status}" with a balance of {amount:Kwacha}')
def step_plan_state(context, plan_type, status, amount):
    plans = context.cast.actor("admin").on(ClientPlansPage).plans()
    found = [(p.status, p.balance) for p in plans if p.plan_type == plan_type]
    assert found == [(status, amount)], plans


@then("the general plan holds {amount:Kwacha}")
def step_general_plan(context, amount):
    assert context.cast.actor("admin").on(ClientPlansPage).general_plan_credit() == amount


@then("the plans page confirms \"{message}\"")
def step_plans_toast(context, message):
    assert message in context.cast.actor("admin").page(Toast).messages()


@then('the payment is shown as "{status}"')
def step_payment_status(context, status):
    rows = [t for t in context.cast.actor("admin").on(ClientPlansPage).transactions()
            if t.receipt == context.notes["receipt"]]
    assert [t.status for t in rows] == [status], rows


@then("the pay dialog asked for {fields}")
def step_fields_asked(context, fields):
    assert context.notes["fields_shown"] == [f.strip() for f in fields.split(",")], context.notes["fields_shown"]


@then('the client\'s transactions show a "{info}" payment of {amount:Kwacha} as "{status}"')
def step_transaction_listed(context, info, amount, status):
    rows = context.cast.actor("admin").on(ClientPlansPage).transactions()
    assert [(t.info, t.amount, t.status) for t in rows] == [(info, amount, status)], rows


@then('the pay dialog says "{messages}"')
def step_pay_dialog_says(context, messages):
    assert context.notes["errors"] == messages.split("; "), context.notes["errors"]


@then('"{name}" still has only the earlier payment and a total balance of {amount:Kwacha}')
def step_nothing_recorded(context, name, amount):
    user_id = client_id(context.api, context.cast, name)
    numbers = [t["transaction_number"] for t in context.api.get("/transactions", user_id=user_id)]
    pending = sum(p["pending_ngwee"] for p in context.api.get("/payment_plans", user_id=user_id)
                  if p["plan_type"] != "general")
    found = (numbers, money(from_ngwee(pending)))
    assert found == (["TXN-0001"], amount), f"{name} has the payments {numbers} and a balance of {found[1]}"


@then("the client is offered no way to pay or to revert a payment")
def step_client_read_only(context):
    assert not context.cast.actor("client").on(MyPaymentsPage).offers_payment_actions()


# -- the payments dashboard -------------------------------------------------------------------


@when("the admin opens the payments dashboard from the left menu")
def step_open_dashboard(context):
    context.cast.actor("admin").page(LeftMenu).go_to("Payments", PaymentsDashboardPage)


@when('the admin filters the payments by {what} "{value}"')
def step_filter(context, what, value):
    dashboard = context.cast.actor("admin").on(PaymentsDashboardPage)
    if what == "date range":
        start, end = day_range(value, context.target.timezone)
        dashboard.filter_by(from_day=start.isoformat(), to_day=end.isoformat())
    elif what in ("type", "status"):
        dashboard.filter_by(**{"payment_type" if what == "type" else "status": value})
    else:
        raise AssertionError(f"the dashboard filters by date range, type or status, not {what!r}")


@then('the dashboard has the columns "{columns}"')
def step_dashboard_columns(context, columns):
    shown = context.cast.actor("admin").on(PaymentsDashboardPage).columns()
    assert shown == [c.strip() for c in columns.split(",")], shown


@then("the dashboard's total and count add up the accepted payments it lists")
def step_dashboard_consistent(context):
    dashboard = context.cast.actor("admin").on(PaymentsDashboardPage)
    accepted = [kwacha(t.amount) for t in dashboard.transactions() if t.status == "Accepted"]
    shown = (kwacha(dashboard.accepted_total()), dashboard.accepted_count())
    assert shown == (sum(accepted, kwacha("K0.00")), str(len(accepted))), shown


@then("the dashboard lists {count:d} transactions")
def step_dashboard_count(context, count):
    rows = context.cast.actor("admin").on(PaymentsDashboardPage).transactions()
    assert len(rows) == count, rows


@then("the total of accepted payments is {total:Kwacha} from {count:d} transactions")
def step_dashboard_total(context, total, count):
    dashboard = context.cast.actor("admin").on(PaymentsDashboardPage)
    assert (dashboard.accepted_total(), dashboard.accepted_count()) == (total, str(count))


@then('the dashboard shows the {amount:Kwacha} payment of "{name}" as "{status}"')
def step_dashboard_row(context, amount, name, status):
    rows = context.cast.actor("admin").on(PaymentsDashboardPage).transactions()
    assert [t.status for t in rows if (t.client, t.amount) == (name, amount)] == [status], rows


@then("the dashboard lists only the payments of {amounts}")
def step_dashboard_amounts(context, amounts):
    rows = context.cast.actor("admin").on(PaymentsDashboardPage).transactions()
    assert sorted(t.amount for t in rows) == sorted(a.strip() for a in amounts.split(", ")), rows


# -- read-only checks (production smoke) --------------------------------------------------------


@when("the admin finds the client and opens the client's plans")
def step_find_the_client_plans(context):
    name = context.cast.person("client").name
    context.cast.actor("admin").page(LeftMenu).go_to("Users", SearchPage).search_for(name)
    context.cast.actor("admin").on(SearchPage).open_result(name)
    context.cast.actor("admin").on(ProfilePage).goes_to(ProfilePlansSection).open_plans()


@when("the admin opens the payment form")
def step_open_payment_form(context):
    context.cast.actor("admin").on(ClientPlansPage).make_payment()


@then('the payment form offers the payment types "{kinds}"')
def step_payment_types(context, kinds):
    offered = context.cast.actor("admin").on(PayDialog).payment_types()
    assert set(k.strip() for k in kinds.split(",")) <= set(offered), offered


@then('it asks for "{fields}"')
def step_payment_fields(context, fields):
    shown = context.cast.actor("admin").on(PayDialog).fields_shown()
    assert [f.strip() for f in fields.split(",")] == shown[:len(fields.split(","))], shown

"""Payments, the production page's "Submitting a payment" (script 3, "Payment Test"): the pay dialog and its
rules, the platform refusing a payment, the receipt. Balances after a payment: payments_balances_steps.py."""

from behave import then, when

from pages.components import Snackbar
from pages.plans import PlansPage
from pages.receipt import ReceiptDialog, ReceiptPrompt
from prodready.scenario.application import page_withheld
from prodready.scenario.money import RECEIPT_NUMBER, kwacha, money, written
from prodready.scenario.payments import attempt_from_words, fill_payment, new_attempt
from prodready.scenario.values import Refused
from prodready.scenario.wording import reworded


def _shares_of(arguments):
    """The old wording's total, checked against its shares (the receipts show the shares)."""
    if arguments["total"] != arguments["share"] + arguments["rest"]:
        raise Refused(f"{written(arguments['total'])} is not the two shares together")
    return {"share": arguments["share"], "rest": arguments["rest"]}


# The receipt's "Payment Type" of each way to pay (by the platform's value; the pay dialog's own labels for them).
RECEIPT_TYPES = {
    "cash": "Cash",
    "cheque/cashier_cheque": "Cheque/Cashier Cheque",
    "mobile_money": "Mobile Money",
    "bank_transfer/cash_deposit": "Bank Transfer/Cash Deposit",
    "bank_transfer/eft": "Bank Transfer/EFT",
    "pos": "Point of Sale",
}


# -- paying ---------------------------------------------------------------------------------------------


@reworded("the admin records a {kind:PaymentKind} payment of {amount:Money}")
@when("the admin records a {kind:PaymentKind} payment of {amount:Money} towards the client's plan")
def step_record_payment(context, kind, amount):
    """The admin records a payment of this kind (cash, cheque, mobile money…) and amount towards the client's plan, and confirms it.

    Example: When the admin records a cash payment of K100.00 towards the client's plan
    """
    dialog, remaining = fill_payment(
        context.cast.actor("admin"), new_attempt(context, kind, amount), context.notes["client"].plot, context.faker
    )
    context.notes.update(paid=amount, remaining=kwacha(remaining), fields=dialog.fields(), kind=kind)
    dialog.pay().wait_confirm_step().confirm()


@when("the admin starts a cash payment of {amount:Money} towards the client's plan")
def step_start_payment(context, amount):
    """The admin fills in a cash payment towards the client's plan, without confirming it yet.

    Example: When the admin starts a cash payment of K7,500.00 towards the client's plan
    """
    dialog, _remaining = fill_payment(
        context.cast.actor("admin"), new_attempt(context, "cash", amount), context.notes["client"].plot, context.faker
    )
    context.notes.update(paid=amount, dialog=dialog)


@when("the admin confirms the payment")
def step_confirm_payment(context):
    """The admin confirms the payment they started, and carries on without printing the receipt.

    Example: When the admin confirms the payment
    """
    context.notes["dialog"].pay().wait_confirm_step().confirm()
    context.cast.actor("admin").on(ReceiptPrompt).carry_on()


@when("the admin confirms the payment and prints its receipt")
def step_confirm_and_print(context):
    """The admin confirms the payment they started, then chooses to print its receipt.

    Example: When the admin confirms the payment and prints its receipt
    """
    context.notes["dialog"].pay().wait_confirm_step().confirm()
    context.cast.actor("admin").on(ReceiptPrompt).print_receipt()


@when('the admin tries to pay "{amount:Quoted}" {how}')
def step_try_to_pay(context, amount, how):
    """The admin tries to pay this amount, typed as written, in the way said (in cash, by cheque without bank details, with no transaction type…).

    Example: When the admin tries to pay "0" in cash
    """
    dialog, _ = fill_payment(
        context.cast.actor("admin"),
        attempt_from_words(amount, how, context),
        context.notes["client"].plot,
        context.faker,
    )
    context.notes["dialog"] = dialog.try_to_pay()


@reworded("the admin opens the payment form", label="Record New Payment")
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


@reworded('the payment form offers the payment types "{types:UiList}"', title="Make a Payment")
@then('the "{title:Ui}" dialog offers "{types:UiList}"')
def step_dialog_offers(context, title, types):
    """The pay dialog has this title and offers exactly these transaction types, in this order.

    Example: Then the "Make a Payment" dialog offers "Cash, Cheque/Cashier Cheque, Mobile Money, Bank Transfer/Cash Deposit, Bank Transfer/EFT, Point of Sale"
    """
    dialog = context.notes["dialog"]
    assert (dialog.text_of(dialog.MARKER), dialog.transaction_types()) == (title, types), dialog.transaction_types()


@reworded('it asks for "{fields:UiList}"')
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


@reworded("the pay dialog asked for {fields:UiList}")
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


@then("the pay dialog says the additional {amount:Money} will be allocated to the general fund")
def step_general_fund_hint(context, amount):
    """The pay dialog warns that the amount beyond the plan's balance will go to the client's general fund.

    Example: Then the pay dialog says the additional K1,500.00 will be allocated to the general fund
    """
    dialog = context.notes["dialog"]
    assert dialog.general_fund_hint() == dialog.HINT.replace("{{amount}}", money(amount)), dialog.general_fund_hint()


@then("the pay dialog says nothing will go to the general fund")
def step_no_general_fund_hint(context):
    """The pay dialog does not warn that part of the amount will go to the client's general fund.

    Example: Then the pay dialog says nothing will go to the general fund
    """
    assert not context.notes["dialog"].shows_general_fund_hint(), context.notes["dialog"].general_fund_hint()


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


@then("the receipt shows the client, the admin as cashier, {amount:Money} paid and its receipt number")
def step_receipt(context, amount):
    """The payment has one receipt: it names the client, their plot, the way they paid and the admin as cashier, shows this amount paid and has a receipt number.

    Example: Then the receipt shows the client, the admin as cashier, K100.00 paid and its receipt number
    """
    receipts = context.cast.actor("admin").on(ReceiptDialog).receipts()
    client, kind = context.notes["client"], RECEIPT_TYPES[context.notes["kind"].value]
    expected = [(client.name, client.plot, kind, context.cast.person("admin").name, amount, amount)]
    shown = [
        (r.client, r.plot if client.plot else None, r.payment_type, r.cashier, kwacha(r.paid), kwacha(r.total_paid))
        for r in receipts
    ]
    assert shown == expected and all(RECEIPT_NUMBER.match(r.number) for r in receipts), receipts


@when("the admin closes the receipt")
def step_close_receipt(context):
    """The admin closes the receipt.

    Example: When the admin closes the receipt
    """
    context.cast.actor("admin").on(ReceiptDialog).close()


@reworded(
    "the receipt shows {total:Money} paid: {share:Money} towards the client's plan and {rest:Money} to the general fund",
    adapt=_shares_of,
)
@then("the receipts show {share:Money} paid towards the client's plan and {rest:Money} to the general fund")
def step_receipts_shares(context, share, rest):
    """The payment has two receipts, each with its own number: the plan's share on the client's plot, then what went to the general fund.

    Example: Then the receipts show K6,000.00 paid towards the client's plan and K1,500.00 to the general fund
    """
    receipts = context.cast.actor("admin").on(ReceiptDialog).receipts()
    plot = context.notes["client"].plot
    shown = [(r.plot == plot, kwacha(r.paid), kwacha(r.total_paid)) for r in receipts]
    numbers = {r.number for r in receipts if RECEIPT_NUMBER.match(r.number)}
    assert shown == [(True, share, share), (False, rest, rest)] and len(numbers) == 2, receipts


@then('the receipt of the {amount:Money} that went to the general fund is for "{label:Ui}"')
def step_general_fund_receipt(context, amount, label):
    """The receipt of what went beyond the plan's balance names this in its "Plot/Plan No." column, not a plot.

    Example: Then the receipt of the K500.00 that went to the general fund is for "General Plan"
    """
    receipts = context.cast.actor("admin").on(ReceiptDialog).receipts()
    plot = context.notes["client"].plot
    assert [r.plot for r in receipts if r.plot != plot and kwacha(r.paid) == amount] == [label], receipts


@when('the client follows a link to the receipt of "{name}"\'s payment')
def step_follow_receipt_link(context, name):
    """The client goes straight to the receipt of another client's payment, as if following a link someone shared.

    Example: When the client follows a link to the receipt of "Bwalya Mumba"'s payment
    """
    other = context.notes["others"][name]
    address = ReceiptDialog.address(context.cast.user_id("client"), other["transaction_id"])
    receipt = context.cast.actor("client").visit(ReceiptDialog, address)
    context.notes["withheld"] = page_withheld(receipt, instead=receipt.seen_as(PlansPage))


@then('the receipt of "{name}" is not shown to the client')
def step_receipt_withheld(context, name):
    """The receipt just asked for was not shown to the client.

    Example: Then the receipt of "Bwalya Mumba" is not shown to the client
    """
    assert context.notes["withheld"], f"the client was shown the receipt of {name}"

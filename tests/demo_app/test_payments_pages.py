"""Payments screens: the Plans tab, the pay dialog's form, receipts, revert, new plan, the dashboard; odd input."""

from __future__ import annotations

import re

import pytest

from demo_app.money import AmountError, fmt, to_ngwee

PROPERTY = (
    "mutation($n: String!, $o: JSON) { PropertyCreate(parcelNumber: $n, ownershipFields: $o) { landParcel { id } } }"
)
PLAN = (
    "mutation($l: ID!, $u: ID!, $t: String!, $i: Float!, $d: Int!, $s: Int!, $f: Int!, $start: String!) {"
    " paymentPlanCreate(landParcelId: $l, userId: $u, status: $s, planType: $t, startDate: $start,"
    " installmentAmount: $i, totalAmount: 6000, duration: $d, frequency: $f, renewable: false) { paymentPlan { id } } }"
)


@pytest.fixture
def admin_browser(as_role):
    return as_role("admin")


@pytest.fixture
def client_plan(admin_browser):
    """A new client with plot 1000001 and a basic plan of K500.00 x 12: (client id, plan id)."""
    api = admin_browser.gql
    user = api(
        'mutation { userCreate(name: "Grace Banda", phoneNumber: "+260977000111", userType: "client") { user { id } } }'
    )["userCreate"]["user"]["id"]
    parcel = api(PROPERTY, {"n": "1000001", "o": [{"userId": user}]})["PropertyCreate"]["landParcel"]["id"]
    plan = api(PLAN, {"l": parcel, "u": user, "t": "basic", "i": 500, "d": 12, "s": 0, "f": 2, "start": "2026-01-01"})
    return user, plan["paymentPlanCreate"]["paymentPlan"]["id"]


def shown(page: str, testid: str) -> list[str]:
    """The texts of the elements with that test id (tags inside them removed, whitespace collapsed: the
    no-break space of "K 6,000.00" too)."""
    found = re.findall(rf'data-testid="{testid}"[^>]*>(.*?)</(?:div|p|span|b|h6|button|h2)>', page, re.DOTALL)
    return [" ".join(re.sub(r"<[^>]+>", " ", f).split()) for f in found]


def pay_form(browser, user, plan, amount="2000", source="cash", number="T-1", **extra):
    form = {"source": source, "transaction_number": number, "plan_id": plan, f"amount_{plan}": amount, **extra}
    return browser.post(f"/user/{user}/payments?tab=Plans", form, form_page=f"/user/{user}?tab=Plans")


# -- money ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "typed, ngwee",
    [
        ("2000", 200000),
        ("2,000.50", 200050),
        ("K6,000.00", 600000),
        (" 0.01 ", 1),
        ("7500.", 750000),
        (".5", 50),
        (1999.99, 199999),
    ],
)
def test_well_formed_amounts_are_read_exactly(typed, ngwee):
    assert to_ngwee(typed) == ngwee


@pytest.mark.parametrize(
    "typed, message",
    [
        ("", "Amount is required"),
        ("0", "Amount must be greater than 0"),
        ("-50", "Amount must be greater than 0"),
        ("abc", "Amount must be a number"),
        ("1,50", "Amount must be a number"),
        ("1,,0,0", "Amount must be a number"),
        (",5", "Amount must be a number"),
        ("١٠٠", "Amount must be a number"),
        ("1e3", "Amount must be a number"),
        ("NaN", "Amount must be a number"),
        ("1_000", "Amount must be a number"),
        ("10.005", "Amount can have at most 2 decimal places"),
        ("1" * 28, "Amount is too large"),
        ("9" * 40, "Amount is too large"),
        (float("inf"), "Amount must be a number"),
        (True, "Amount must be a number"),
    ],
)
def test_odd_amounts_say_why(typed, message):
    with pytest.raises(AmountError, match=message):
        to_ngwee(typed)


def test_money_is_shown_as_the_platform_formats_kwacha():
    assert (fmt(600000), fmt(0), fmt(5), fmt(123456789), fmt(-100)) == (
        "K\u00a06,000.00",
        "K\u00a00.00",
        "K\u00a00.05",
        "K\u00a01,234,567.89",
        "-K\u00a01.00",
    )


# -- the Plans tab ---------------------------------------------------------------------------------------


def test_the_plans_tab_shows_the_balance_strip_and_the_plans(admin_browser, client_plan):
    user, _plan = client_plan
    page = admin_browser.text(f"/user/{user}?tab=Plans")
    assert shown(page, "pending-balance") == ["- K 6,000.00"]
    assert shown(page, "plot-number") == ["1000001"] and shown(page, "payment-plan") == ["Basic active"]
    # The strip leaves out the figures that are zero (UserBalance.jsx): nothing paid yet, no general funds.
    assert "Total Transactions Made" not in page and "General Funds" not in page
    for text in (
        "Record New Payment",
        "New Payment Plan",
        "View all Transactions",
        "Make a Payment",
        "K\u00a06,000.00 remaining balance",
        "Create a Plan",
    ):
        assert text in page, text
    assert 'data-testid="transaction-type"' in page and "transaction-amount-input" in page


def test_a_client_sees_their_own_plans_without_payment_actions(as_role, admin_browser):
    client = as_role("client")
    me = client.gql("{ currentUser { id } }")["currentUser"]["id"]
    assert client.get("/mypayments").location == f"/user/{me}?tab=Payments"
    assert 'data-testid="no-plan-available"' not in client.text(f"/user/{me}?tab=Payments")  # no such tab's panel
    page = client.text(f"/user/{me}?tab=Plans")
    assert shown(page, "no-plan-available") == ["No Plan Available"] and "pending-balance" not in page
    assert "Record New Payment" not in page and "View all Transactions" not in page


def test_other_roles_get_no_plans_tab(as_role, client_plan):
    assert 'data-testid="pending-balance"' not in as_role("guard").text(f"/user/{client_plan[0]}?tab=Plans")


# -- paying through the dialog's form --------------------------------------------------------------------


def test_paying_offers_the_receipt_and_lowers_the_balance(admin_browser, client_plan):
    user, plan = client_plan
    response = pay_form(admin_browser, user, plan)
    assert response.status_code == 302 and response.location.startswith(f"/user/{user}?tab=Plans&transaction=")
    page = admin_browser.text(response.location)
    assert (
        "Payment made successfully" in page and "Generate Receipt" in page and shown(page, "print") == ["Print Receipt"]
    )
    assert shown(page, "pending-balance") == ["- K 4,000.00"]
    tx_id = response.location.rsplit("=", 1)[1]
    receipt = admin_browser.text(f"/user/{user}?tab=Plans&receipt={tx_id}")
    assert "Receipt #SI1000" in receipt and shown(receipt, "client-name") == ["Grace Banda"]
    assert shown(receipt, "cashier-name") == ["An Admin User"]
    assert shown(receipt, "total-amount-paid") == ["K 2,000.00"]
    assert shown(receipt, "expected-monthly-amount") == ["K 500.00"] and "close-receipt-details" in receipt


@pytest.mark.parametrize("amount", ["1,50", "1,,0,0", ",5", "١٠٠", "1" * 28, "-50", "0", "abc", "1e3"])
def test_malformed_amounts_are_refused_with_a_message_and_never_stored(admin_browser, client_plan, amount):
    user, plan = client_plan
    response = pay_form(admin_browser, user, plan, amount=amount)
    page = response.get_data(as_text=True)
    assert response.status_code == 400 and "MuiAlert-filledError" in page and "Amount" in page
    assert f'value="{amount}"' in page  # the dialog comes back open with what was typed
    assert shown(admin_browser.text(f"/user/{user}?tab=Plans"), "pending-balance") == ["- K 6,000.00"]


@pytest.mark.parametrize(
    "extra, message",
    [
        ({"source": ""}, "TransactionType is required"),
        ({"source": "cheque/cashier_cheque"}, "Bank Name and Cheque Number are required for a cheque"),
        ({"transaction_number": "x" * 36}, "Transaction Number is too long (maximum is 35 characters)"),
        ({"manual": "true", "paid_date": "9999-12-31"}, "Paid Date must be between 1970-01-01 and 2100-12-31"),
        ({"manual": "true", "paid_date": "0001-01-01"}, "Paid Date must be between 1970-01-01 and 2100-12-31"),
        ({"manual": "true", "paid_date": "2026-01-02"}, "Receipt Number cannot be blank"),
    ],
)
def test_refused_payments_come_back_with_the_reason(admin_browser, client_plan, extra, message):
    user, plan = client_plan
    response = pay_form(admin_browser, user, plan, **extra)
    assert response.status_code == 400 and message in response.get_data(as_text=True)


def test_a_transaction_number_is_used_once(admin_browser, client_plan):
    user, plan = client_plan
    pay_form(admin_browser, user, plan, number="T-7")
    again = pay_form(admin_browser, user, plan, number="t-7")
    assert again.status_code == 400 and "Transaction Number has already been used" in again.get_data(as_text=True)


def test_forms_without_their_csrf_token_are_refused(admin_browser, client_plan):
    user, plan = client_plan
    response = admin_browser.client.post(
        f"/user/{user}/payments", data={"source": "cash", "plan_id": plan, f"amount_{plan}": "10"}
    )
    assert response.status_code == 400


def test_only_cashiers_may_post_payments(as_role, client_plan):
    user, _plan = client_plan
    guard = as_role("guard")
    response = guard.client.post(f"/user/{user}/payments", data={"source": "cash"})
    assert response.status_code in (400, 404)  # no form for them (CSRF) and no permission


# -- reverting ---------------------------------------------------------------------------------------------


def test_reverting_from_the_transactions_restores_the_balance(admin_browser, client_plan):
    user, plan = client_plan
    tx_id = pay_form(admin_browser, user, plan, amount="7500").location.rsplit("=", 1)[1]
    listing = f"/user/{user}?tab=Plans&subtab=Transactions"
    page = admin_browser.text(listing)
    assert shown(page, "description") == ["cash"] and "K 7,500.00" in shown(page, "amount")
    assert (
        "Are you sure you want to delete this Transaction?" in page
        and "You are about to delete Transaction for Grace Banda" in page
    )
    response = admin_browser.post(f"/user/{user}/transactions/{tx_id}/revert", {}, form_page=listing)
    assert response.status_code == 302 and response.location == listing
    page = admin_browser.text(listing)
    assert "Transaction reverted" in page and shown(page, "pending-balance") == ["- K 6,000.00"]
    # The sub-tab lists the transactions not reverted: none is left, and it says so.
    assert 'aria-label="transaction menu"' not in page and "No Transaction Available for this Plan" in page
    again = admin_browser.post(f"/user/{user}/transactions/{tx_id}/revert", {}, form_page=f"/user/{user}?tab=Plans")
    assert "This transaction has already been reverted" in admin_browser.text(again.location)


@pytest.mark.parametrize(
    "path",
    [
        "/user/{user}/transactions/99999999999999999999999/revert",
        "/user/{user}/transactions/abc/revert",
        "/user/{user}/transactions/0/revert",
        "/user/99999999999999999999/transactions/1/revert",
    ],
)
def test_reverting_odd_transactions_is_not_found(admin_browser, client_plan, path):
    user, _plan = client_plan
    response = admin_browser.post(path.format(user=user), {}, form_page=f"/user/{user}?tab=Plans")
    assert response.status_code == 404


@pytest.mark.parametrize(
    "query", ["receipt=99999999999999999999999", "receipt=abc", "receipt=-1", "transaction=4242", "receipt=1%00"]
)
def test_odd_receipt_addresses_are_not_found(admin_browser, client_plan, query):
    assert admin_browser.get(f"/user/{client_plan[0]}?tab=Plans&{query}").status_code == 404


def test_a_receipt_is_shown_only_on_its_clients_plans(as_role, admin_browser, client_plan):
    user, plan = client_plan
    tx_id = pay_form(admin_browser, user, plan).location.rsplit("=", 1)[1]
    client = as_role("client")
    me = client.gql("{ currentUser { id } }")["currentUser"]["id"]
    assert client.get(f"/user/{me}?tab=Plans&receipt={tx_id}").status_code == 404


# -- a new plan ----------------------------------------------------------------------------------------------


def test_a_plan_is_made_for_one_of_the_clients_plots(admin_browser, client_plan):
    user, _plan = client_plan
    api = admin_browser.gql
    parcel = api(PROPERTY, {"n": "1000002", "o": [{"userId": user}]})["PropertyCreate"]["landParcel"]["id"]
    form = {
        "land_parcel_id": parcel,
        "plan_type": "standard",
        "amount": "250",
        "duration": "4",
        "start_date": "2026-02-01",
        "frequency": "monthly",
    }
    response = admin_browser.post(f"/user/{user}/payment_plans?tab=Plans", form, form_page=f"/user/{user}?tab=Plans")
    assert response.status_code == 302
    page = admin_browser.text(response.location)
    assert "Successfuly created payment plan" in page and shown(page, "pending-balance") == ["- K 7,000.00"]


@pytest.mark.parametrize(
    "change, message",
    [
        ({"land_parcel_id": ""}, "Property is required"),
        ({"land_parcel_id": "9" * 30}, "Property is required"),
        ({"duration": ""}, "Duration is required"),
        ({"duration": "١٢"}, "Plan Duration must be a whole number"),
        ({"amount": "1,50"}, "Amount must be a number"),
        ({"amount": ""}, "Amount is required"),
        ({"plan_type": ""}, "Plan Type is required"),
        ({"start_date": "9999-12-31"}, "Start Date must be between"),
    ],
)
def test_bad_plans_come_back_with_the_reason(admin_browser, client_plan, change, message):
    user, _plan = client_plan
    parcel = admin_browser.gql(PROPERTY, {"n": "1000003", "o": [{"userId": user}]})["PropertyCreate"]["landParcel"][
        "id"
    ]
    form = {
        "land_parcel_id": parcel,
        "plan_type": "basic",
        "amount": "500",
        "duration": "12",
        "start_date": "2026-02-01",
    }
    response = admin_browser.post(
        f"/user/{user}/payment_plans?tab=Plans", {**form, **change}, form_page=f"/user/{user}?tab=Plans"
    )
    assert response.status_code == 400 and message in response.get_data(as_text=True)


def test_a_client_without_a_plot_is_told_so(admin_browser, client_plan):
    page = admin_browser.text("/user/4?tab=Plans")  # Mary Client, the seeded client: no plot
    assert "No plot associated to this user, please go to property management" in page


# -- the payments dashboard ------------------------------------------------------------------------------------


def test_the_dashboard_lists_plan_payments_newest_first(admin_browser, client_plan):
    user, plan = client_plan
    assert "No Payments Available" in admin_browser.text("/payments")
    pay_form(admin_browser, user, plan, amount="2000", number="T-1")
    tx_id = pay_form(admin_browser, user, plan, amount="100", number="T-2", source="mobile_money").location.rsplit(
        "=", 1
    )[1]
    admin_browser.gql("mutation($id: ID!) { transactionRevert(id: $id) { transaction { id } } }", {"id": tx_id})
    page = admin_browser.text("/payments")
    assert shown(page, "receipt_number") == ["SI1001", "SI1000"]
    assert shown(page, "payment_status") == ["Cancelled", "Paid"]
    assert re.search(r"Paid K\u00a02,000\.00 on [0-9]{4}-[0-9]{2}-[0-9]{2}</span><br>Cash Deposit", page)
    assert "Cash Deposit" in page and "Mobile Money" in page and f'href="/user/{user}?tab=Plans"' in page
    assert "Grace Banda" in admin_browser.text("/payments?tab=plans")
    assert shown(admin_browser.text("/payments?search=nobody"), "receipt_number") == []


@pytest.mark.parametrize(
    "query",
    [
        "page=99999999999999999999",
        "page=-1",
        "page=abc",
        "page=١",
        "from=9999-12-31",
        "from=0001-01-01",
        "to=2026-13-01",
        "from=2026-02-01&to=2026-01-01",
    ],
)
def test_odd_dashboard_filters_get_400_with_a_message(admin_browser, query):
    response = admin_browser.get(f"/payments?{query}")
    assert response.status_code == 400 and "payments-error" in response.get_data(as_text=True)


def test_the_dashboard_takes_long_searches_and_sane_filters(admin_browser):
    assert admin_browser.get("/payments?search=" + "x" * 5000).status_code == 200
    assert admin_browser.get("/payments?from=2026-01-01&to=2026-12-31&page=50").status_code == 200


@pytest.mark.parametrize("role", ["guard", "custodian", "client"])
def test_only_payment_staff_see_the_dashboard(as_role, role):
    assert as_role(role).get("/payments").status_code == 404

"""Payments: balances on pay / overpay / revert, receipt numbers, refused input, the dashboard, access."""
from __future__ import annotations

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from demo_app.money import AmountError, fmt, to_ngwee

LUSAKA = ZoneInfo("Africa/Lusaka")
ADMIN, CLIENT = 2, 4  # persona ids after seeding: guard, admin, custodian, client, worker


@pytest.fixture
def plan(api):
    """Mary Client's basic plan: K500.00 a month for 12 months (pending K6,000.00)."""
    def make(installment="500", duration=12, plan_type="basic", user_id=CLIENT):
        response = api("POST", "/payment_plans", json={"user_id": user_id, "installment": installment,
                                                        "duration": duration, "plan_type": plan_type})
        assert response.status_code == 201, response.get_json()
        return response.get_json()["id"]
    return make


def plans(api, user_id=CLIENT) -> dict:
    return {p["plan_type"]: p for p in api("GET", f"/payment_plans?user_id={user_id}").get_json()}


def transactions(api) -> list:
    return api("GET", "/transactions").get_json()


def pay(admin, amount, number, source="cash", user_id=CLIENT, **extra):
    """The pay dialog as a browser drives it: Pay, then confirm."""
    path = f"/user/{user_id}/payments/new"
    form = {"source": source, "transaction_number": number, "amount": amount, **extra}
    first = admin.post(path, {**form, "step": "pay"})
    if first.status_code != 200:
        return first
    assert "You are about to make a payment with following details" in first.get_data(as_text=True)
    return admin.post(path, {**form, "step": "confirm"})


# -- money ------------------------------------------------------------------------------------

@pytest.mark.parametrize("typed, ngwee", [("2000", 200000), ("2,000.50", 200050), ("K6,000.00", 600000),
                                          (" 0.01 ", 1), ("7500.", 750000)])
def test_amounts_are_read_exactly_as_ngwee(typed, ngwee):
    assert to_ngwee(typed) == ngwee


@pytest.mark.parametrize("typed, message", [
    ("", "Amount is required"), ("0", "Amount must be greater than 0"), ("-50", "Amount must be greater than 0"),
    ("abc", "Amount must be a number"), ("1e3", "Amount must be a number"), ("NaN", "Amount must be a number"),
    ("1_000", "Amount must be a number"), ("10.005", "Amount can have at most 2 decimal places"),
    ("99999999999", "Amount is too large"),
])
def test_bad_amounts_say_why(typed, message):
    with pytest.raises(AmountError, match=message):
        to_ngwee(typed)


def test_money_is_shown_as_kwacha():
    assert (fmt(600000), fmt(0), fmt(5), fmt(123456789)) == ("K6,000.00", "K0.00", "K0.05", "K1,234,567.89")


# -- balances ---------------------------------------------------------------------------------

def test_a_new_plan_owes_installment_times_duration(plan, api, as_role):
    plan()
    assert plans(api)["basic"]["pending_ngwee"] == 600000
    admin = as_role("admin")
    assert 'data-testid="total-balance">K6,000.00<' in admin.text(f"/user/{CLIENT}/plans")
    assert 'data-testid="total-balance">K6,000.00<' in admin.text(f"/user/{CLIENT}")  # the profile's section


def test_paying_lowers_the_balance_by_the_amount_and_shows_the_receipt(plan, api, as_role):
    plan()
    admin = as_role("admin")
    first = admin.post(f"/user/{CLIENT}/payments/new", {"source": "cash", "transaction_number": "12345678",
                                                        "amount": "2000", "step": "pay"})
    assert first.status_code == 200 and transactions(api) == []  # Pay only asks for confirmation
    response = pay(admin, "2000", "12345678")
    assert response.status_code == 302 and "paid=" in response.location
    assert plans(api)["basic"]["pending_ngwee"] == 400000
    [tx] = transactions(api)
    receipt = admin.text(f"/transactions/{tx['id']}/receipt")
    for testid, value in (("receipt-number", "SI1000"), ("client-name", "Mary Client"),
                          ("cashier-name", "An Admin User"), ("total-amount-paid", "K2,000.00"),
                          ("expected-monthly-amount", "K500.00"), ("balance-remaining", "K4,000.00")):
        assert f'data-testid="{testid}">{value}<' in receipt, testid


def test_an_overpayment_completes_the_plan_and_the_rest_goes_to_the_general_plan(plan, api, as_role):
    plan()
    assert pay(as_role("admin"), "7500", "OVER-1").status_code == 302
    found = plans(api)
    assert (found["basic"]["pending_ngwee"], found["basic"]["status"]) == (0, "completed")
    assert (found["general"]["paid_ngwee"], found["general"]["status"]) == (150000, "general")
    [tx] = transactions(api)
    assert [(p["plan_type"], p["amount_ngwee"]) for p in tx["parts"]] == [("basic", 600000), ("general", 150000)]
    assert tx["balance_after_ngwee"] == 0


def test_a_payment_fills_the_oldest_plan_first(plan, api, as_role):
    plan("100", 10, "starter")   # K1,000.00
    plan("500", 12, "premium")   # K6,000.00
    pay(as_role("admin"), "1500", "SPLIT-1")
    found = plans(api)
    assert (found["starter"]["pending_ngwee"], found["starter"]["status"]) == (0, "completed")
    assert found["premium"]["pending_ngwee"] == 550000
    assert "general" not in found


def test_with_no_plan_everything_goes_to_the_general_plan(api, as_role):
    pay(as_role("admin"), "300", "NOPLAN-1")
    assert plans(api)["general"]["paid_ngwee"] == 30000


def test_reverting_restores_the_balance_and_cancels_the_transaction(plan, api, as_role):
    plan()
    admin = as_role("admin")
    pay(admin, "7500", "REV-1")
    [tx] = transactions(api)
    page = admin.text(f"/user/{CLIENT}/plans?revert={tx['id']}")
    assert "Are you sure you want to delete this Transaction?" in page
    response = admin.post(f"/transactions/{tx['id']}/revert", {}, form_page=f"/user/{CLIENT}/plans?revert={tx['id']}")
    assert response.status_code == 302
    assert "Transaction reverted" in admin.text(response.location)
    found = plans(api)
    assert (found["basic"]["pending_ngwee"], found["basic"]["status"]) == (600000, "active")
    assert found["general"]["paid_ngwee"] == 0
    [tx] = transactions(api)
    assert tx["status"] == "cancelled" and {p["status"] for p in tx["parts"]} == {"cancelled"}
    page = admin.text(f"/user/{CLIENT}/plans")
    assert 'data-testid="transaction-status">Cancelled<' in page and "Revert Transaction" not in page


def test_a_transaction_is_reverted_once_only(plan, api, as_role):
    plan()
    admin = as_role("admin")
    pay(admin, "2000", "TWICE-1")
    tx_id = transactions(api)[0]["id"]
    admin.post(f"/transactions/{tx_id}/revert", {}, form_page=f"/user/{CLIENT}/plans")
    again = admin.post(f"/transactions/{tx_id}/revert", {}, form_page=f"/user/{CLIENT}/plans")
    assert again.status_code == 400 and "already been reverted" in again.get_data(as_text=True)
    assert plans(api)["basic"]["pending_ngwee"] == 600000


# -- receipt numbers --------------------------------------------------------------------------

def test_receipt_numbers_are_si_and_a_sequence_from_1000_never_reused(plan, api, as_role):
    plan()
    admin = as_role("admin")
    for i in range(3):
        pay(admin, "100", f"SEQ-{i}")
    first = transactions(api)[0]["id"]
    admin.post(f"/transactions/{first}/revert", {}, form_page=f"/user/{CLIENT}/plans")
    pay(admin, "100", "SEQ-3")
    numbers = [t["receipt_number"] for t in transactions(api)]
    assert numbers == ["SI1000", "SI1001", "SI1002", "SI1003"]


# -- refused input ----------------------------------------------------------------------------

@pytest.mark.parametrize("form, field, message", [
    ({"amount": "0"}, "amount", "Amount must be greater than 0"),
    ({"amount": "-50"}, "amount", "Amount must be greater than 0"),
    ({"amount": "abc"}, "amount", "Amount must be a number"),
    ({"amount": ""}, "amount", "Amount is required"),
    ({"transaction_number": ""}, "transaction_number", "Transaction Number is required"),
    ({"transaction_number": "txn-0001"}, "transaction_number", "This transaction number has already been used"),
    ({"transaction_number": "X" * 36}, "transaction_number", "Transaction Number must be at most 35 characters"),
    ({"source": ""}, "source", "Payment Type is required"),
    ({"source": "barter"}, "source", "Choose a payment type from the list"),
    ({"source": "cheque/cashier_cheque"}, "bank_name", "Bank Name is required"),
    ({"source": "cheque/cashier_cheque", "bank_name": "Zanaco"}, "cheque_number", "Cheque Number is required"),
])
def test_bad_payments_are_refused_at_the_field_and_nothing_is_recorded(plan, api, as_role, form, field, message):
    _refused(plan, api, as_role, form, field, message, "pay")


@pytest.mark.parametrize("form, field, message", [
    ({"amount": "-50"}, "amount", "Amount must be greater than 0"),
    ({"transaction_number": "TXN-0001"}, "transaction_number", "This transaction number has already been used"),
])
def test_confirm_checks_everything_again(plan, api, as_role, form, field, message):
    # A tampered or stale confirm screen must not slip past the checks Pay made.
    _refused(plan, api, as_role, form, field, message, "confirm")


def _refused(plan, api, as_role, form, field, message, step):
    plan()
    api("POST", "/transactions", json={"user_id": CLIENT, "amount": "500", "transaction_number": "TXN-0001"})
    admin = as_role("admin")
    data = {"source": "cash", "transaction_number": "TXN-0002", "amount": "100", "step": step, **form}
    response = admin.post(f"/user/{CLIENT}/payments/new", data)
    assert response.status_code == 400
    assert f'data-testid="{field}_error">{message}<' in response.get_data(as_text=True)
    assert len(transactions(api)) == 1 and plans(api)["basic"]["pending_ngwee"] == 550000


def test_a_cheque_with_its_bank_details_is_accepted(plan, api, as_role):
    plan()
    response = pay(as_role("admin"), "1000", "CHQ-1", source="cheque/cashier_cheque", bank_name="Zanaco",
                   cheque_number="000123")
    assert response.status_code == 302
    [tx] = transactions(api)
    assert (tx["bank_name"], tx["cheque_number"]) == ("Zanaco", "000123")


def test_bank_details_are_dropped_for_other_payment_types(plan, api, as_role):
    plan()
    pay(as_role("admin"), "1000", "CASH-1", bank_name="Zanaco", cheque_number="1")
    [tx] = transactions(api)
    assert (tx["bank_name"], tx["cheque_number"]) == (None, None)


def test_a_payment_without_csrf_token_is_refused(plan, api, as_role):
    plan()
    admin = as_role("admin")
    response = admin.client.post(f"/user/{CLIENT}/payments/new",
                                 data={"source": "cash", "transaction_number": "X", "amount": "1", "step": "confirm"})
    assert response.status_code == 400 and transactions(api) == []


# -- dashboard --------------------------------------------------------------------------------

def _local(days_ago: int, hhmm: str) -> str:
    day = datetime.now(LUSAKA).date() - timedelta(days=days_ago)
    return f"{day.isoformat()}T{hhmm}"


@pytest.fixture
def month_of_payments(api):
    """Four payments: cash 3 days ago, mobile money today, cheque just after midnight yesterday, one reverted."""
    john = api("POST", "/users", json={"name": "John Banda", "role": "client"}).get_json()["id"]
    for body in ({"user_id": CLIENT, "amount": "2000", "paid_local": _local(3, "10:00")},
                 {"user_id": CLIENT, "amount": "1000", "source": "mobile_money", "paid_local": _local(0, "00:05")},
                 {"user_id": john, "amount": "500", "source": "cheque/cashier_cheque", "bank_name": "Zanaco",
                  "cheque_number": "77", "paid_local": _local(1, "00:30")},
                 {"user_id": john, "amount": "250", "paid_local": _local(0, "00:10"), "status": "cancelled"}):
        assert api("POST", "/transactions", json=body).status_code == 201


def _amounts(page: str) -> list[str]:
    import re

    return re.findall(r'data-testid="amount">([^<]+)<', page)


def test_the_dashboard_lists_every_transaction_with_the_accepted_total(month_of_payments, as_role):
    page = as_role("admin").text("/payments")
    assert _amounts(page) == ["K250.00", "K1,000.00", "K500.00", "K2,000.00"]  # newest first
    assert 'data-testid="total-transactions-made">K3,500.00<' in page
    assert 'data-testid="accepted-transactions-count">3<' in page
    for column in ("Client Name", "Payment Date", "Payment Info", "Receipt Number", "Amount", "Status"):
        assert f"<th>{column}</th>" in page


@pytest.mark.parametrize("query, amounts, total", [
    ("type=mobile_money", ["K1,000.00"], "K1,000.00"),
    ("status=cancelled", ["K250.00"], "K0.00"),
    ("status=accepted&type=cash", ["K2,000.00"], "K2,000.00"),
])
def test_the_dashboard_filters_by_type_and_status(month_of_payments, as_role, query, amounts, total):
    page = as_role("admin").text(f"/payments?{query}")
    assert _amounts(page) == amounts
    assert f'data-testid="total-transactions-made">{total}<' in page


def test_the_date_filter_uses_community_days_not_utc_days(month_of_payments, as_role):
    # The cheque was paid at 00:30 yesterday in Lusaka, which is 22:30 the day before in UTC.
    yesterday = (datetime.now(LUSAKA).date() - timedelta(days=1)).isoformat()
    page = as_role("admin").text(f"/payments?from={yesterday}&to={yesterday}")
    assert _amounts(page) == ["K500.00"]


@pytest.mark.parametrize("query, field, message", [
    ("from=yesterday", "from", "From must be a date"),
    ("from=2026-02-10&to=2026-02-01", "to", "The end date must be on or after the start date"),
    ("type=barter", "type", "Choose a payment type from the list"),
])
def test_bad_dashboard_filters_are_explained(as_role, query, field, message):
    response = as_role("admin").get(f"/payments?{query}")
    assert response.status_code == 400
    assert f'data-testid="{field}_error">{message}' in response.get_data(as_text=True)


# -- who may see what -------------------------------------------------------------------------

@pytest.mark.parametrize("role, path", [("client", "/payments"), ("client", f"/user/{CLIENT}/plans"),
                                        ("guard", "/payments"), ("custodian", f"/user/{CLIENT}/payments/new"),
                                        ("admin", "/mypayments")])
def test_roles_without_the_permission_get_not_found(as_role, role, path):
    assert as_role(role).get(path).status_code == 404


def test_a_client_sees_their_own_plans_and_receipts_read_only(plan, api, as_role):
    plan()
    api("POST", "/transactions", json={"user_id": CLIENT, "amount": "500"})
    other = api("POST", "/users", json={"name": "John Banda", "role": "client"}).get_json()["id"]
    api("POST", "/transactions", json={"user_id": other, "amount": "100"})
    mine, theirs = [t["id"] for t in transactions(api)]
    client = as_role("client")
    page = client.text("/mypayments")
    assert 'data-testid="total-balance">K5,500.00<' in page
    assert "Make a Payment" not in page and "Revert Transaction" not in page
    assert client.get(f"/transactions/{mine}/receipt").status_code == 200
    assert client.get(f"/transactions/{theirs}/receipt").status_code == 404
    assert client.client.post(f"/transactions/{mine}/revert").status_code in (400, 404)
    assert transactions(api)[0]["status"] == "accepted"


def test_only_admins_see_the_plans_section_of_a_profile(plan, as_role):
    plan()
    assert "Total Balance" in as_role("admin").text(f"/user/{CLIENT}")
    assert "Total Balance" not in as_role("guard").text(f"/user/{CLIENT}")

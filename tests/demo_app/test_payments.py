"""Payments through GraphQL: plots, plans, payments with receipts, reverts, reads; roles and bad arguments."""

from __future__ import annotations

import pytest

PROPERTY = (
    "mutation($n: String!, $o: JSON) { PropertyCreate(parcelNumber: $n, ownershipFields: $o)"
    " { landParcel { id parcelNumber } } }"
)
PLAN = (
    "mutation($l: ID!, $u: ID!, $t: String!, $i: Float!, $d: Int!, $s: Int!, $f: Int!, $start: String!) {"
    " paymentPlanCreate(landParcelId: $l, userId: $u, status: $s, planType: $t, startDate: $start,"
    " installmentAmount: $i, totalAmount: 6000, duration: $d, frequency: $f, renewable: false)"
    " { paymentPlan { id pendingBalance status planType landParcel { parcelNumber } } } }"
)
PAY = (
    "mutation($u: ID!, $a: Float!, $s: String!, $n: String, $b: String, $c: String, $p: [PlanPaymentInput!]!,"
    " $at: String) { transactionCreate(userId: $u, amount: $a, source: $s, transactionNumber: $n, bankName: $b,"
    " chequeNumber: $c, paymentsAttributes: $p, createdAt: $at) { transaction { id amount status"
    " planPayments { receiptNumber amount status currentPlotPendingBalance paymentPlan { planType } } } } }"
)
REVERT = "mutation($id: ID!) { transactionRevert(id: $id) { transaction { id status } } }"
BALANCE = "query($u: ID!) { userBalance(userId: $u) { pendingBalance balance totalTransactions } }"
PLANS = "query($u: ID!) { userPlansWithPayments(userId: $u) { id status pendingBalance planPayments { status } } }"


@pytest.fixture
def admin(gql):
    """The API as the admin (one login per test: logging in hashes a password, slowly on purpose)."""
    return gql("admin")


@pytest.fixture
def client_id(admin):
    """A new client, Grace Banda."""
    made = admin(
        'mutation { userCreate(name: "Grace Banda", phoneNumber: "+260977000111", userType: "client") { user { id } } }'
    )
    return made["userCreate"]["user"]["id"]


@pytest.fixture
def plan_of(admin, client_id):
    """Make a plot for the client and a plan on it: K500.00 a month for 12 months by default; the plan's id."""

    def make(number: str = "1000001", installment: float = 500, duration: int = 12, plan_type: str = "basic"):
        parcel = admin(PROPERTY, {"n": number, "o": [{"userId": client_id}]})["PropertyCreate"]["landParcel"]["id"]
        plan = admin(
            PLAN,
            {
                "l": parcel,
                "u": client_id,
                "t": plan_type,
                "i": installment,
                "d": duration,
                "s": 0,
                "f": 2,
                "start": "2026-01-01",
            },
        )
        return plan["paymentPlanCreate"]["paymentPlan"]["id"]

    return make


def pay(api, user, plan, amount, number="T-1", source="cash", **extra):
    variables = {"u": user, "a": amount, "s": source, "n": number, "p": [{"paymentPlanId": plan, "amount": amount}]}
    return api(PAY, {**variables, **extra})["transactionCreate"]["transaction"]


def balance(api, user):
    return api(BALANCE, {"u": user})["userBalance"]


def test_a_new_plan_owes_its_installment_times_its_duration(admin, gql, client_id, plan_of):
    plan_of()
    assert balance(admin, client_id) == {"pendingBalance": 6000.0, "balance": 0.0, "totalTransactions": 0.0}
    [plan] = admin(PLANS, {"u": client_id})["userPlansWithPayments"]
    assert (plan["status"], plan["pendingBalance"]) == ("active", 6000.0)


def test_each_plan_payment_gets_the_next_si_receipt_number(admin, gql, client_id, plan_of):
    plan = plan_of()
    first = pay(admin, client_id, plan, 2000, "T-1")
    second = pay(admin, client_id, plan, 500, "T-2", source="mobile_money")
    assert [p["receiptNumber"] for p in first["planPayments"] + second["planPayments"]] == ["SI1000", "SI1001"]
    assert first["planPayments"][0]["currentPlotPendingBalance"] == 4000.0
    assert balance(admin, client_id) == {"pendingBalance": 3500.0, "balance": 0.0, "totalTransactions": 2500.0}


def test_an_overpayment_completes_the_plan_and_the_rest_goes_to_the_general_fund(admin, gql, client_id, plan_of):
    plan = plan_of()
    tx = pay(admin, client_id, plan, 7500)
    assert [(p["paymentPlan"]["planType"], p["amount"]) for p in tx["planPayments"]] == [
        ("basic", 6000.0),
        ("general", 1500.0),
    ]
    assert balance(admin, client_id) == {"pendingBalance": 0.0, "balance": 1500.0, "totalTransactions": 7500.0}
    assert admin(PLANS, {"u": client_id})["userPlansWithPayments"][0]["status"] == "completed"


def test_a_revert_restores_the_plan_and_takes_back_the_general_fund(admin, gql, client_id, plan_of):
    plan = plan_of()
    tx = pay(admin, client_id, plan, 7500)
    assert admin(REVERT, {"id": tx["id"]})["transactionRevert"]["transaction"]["status"] == "cancelled"
    assert balance(admin, client_id) == {"pendingBalance": 6000.0, "balance": 0.0, "totalTransactions": 0.0}
    [found] = admin(PLANS, {"u": client_id})["userPlansWithPayments"]
    assert found["status"] == "active" and {p["status"] for p in found["planPayments"]} == {"cancelled"}
    assert admin.error(REVERT, {"id": tx["id"]}) == "This transaction has already been reverted"


def test_a_manual_payment_keeps_its_date_and_gets_an_mi_receipt(admin, gql, client_id, plan_of):
    plan = plan_of()
    variables = {
        "u": client_id,
        "a": 100,
        "s": "cash",
        "n": "T-9",
        "at": "2026-01-15",
        "p": [{"paymentPlanId": plan, "amount": 100, "receiptNumber": "77"}],
    }
    tx = admin(PAY, variables)["transactionCreate"]["transaction"]
    assert tx["planPayments"][0]["receiptNumber"] == "MI77"
    blank = {**variables, "n": "T-10", "p": [{"paymentPlanId": plan, "amount": 100}]}
    assert admin.error(PAY, blank) == "Receipt Number cannot be blank"
    again = {**variables, "n": "T-11"}
    assert admin.error(PAY, again) == "Receipt Number has already been used"


@pytest.mark.parametrize(
    "extra, message",
    [
        ({"s": ""}, "TransactionType is required"),
        ({"s": "barter"}, "Choose a Transaction Type from the list"),
        ({"s": "cheque/cashier_cheque"}, "Bank Name and Cheque Number are required for a cheque"),
        ({"s": "cheque/cashier_cheque", "b": "Zanaco"}, "Cheque Number is required for a cheque"),
        ({"n": "T-1"}, "Transaction Number has already been used"),
        ({"n": "t-1"}, "Transaction Number has already been used"),
        ({"n": "x" * 36}, "Transaction Number is too long (maximum is 35 characters)"),
        ({"s": "cheque/cashier_cheque", "b": "B" * 101, "c": "1"}, "Bank Name is too long (maximum is 100 characters)"),
        ({"a": 999}, "Amount must be the sum of the amounts paid towards each plan"),
        ({"at": "9999-12-31"}, "Paid Date must be between 1970-01-01 and 2100-12-31"),
        ({"at": "2100-01-01"}, "Paid Date cannot be in the future"),
        ({"at": "yesterday"}, "Paid Date must be a date (YYYY-MM-DD)"),
    ],
)
def test_refused_payments_say_why_and_record_nothing(admin, gql, client_id, plan_of, extra, message):
    plan = plan_of()
    pay(admin, client_id, plan, 500, "T-1")
    variables = {"u": client_id, "a": 100, "s": "cash", "n": "T-2", "p": [{"paymentPlanId": plan, "amount": 100}]}
    assert admin.error(PAY, {**variables, **extra}) == message
    assert balance(admin, client_id)["totalTransactions"] == 500.0


@pytest.mark.parametrize(
    "amount, message",
    [
        (0, "Amount must be greater than 0"),
        (-50, "Amount must be greater than 0"),
        (0.005, "Amount can have at most 2 decimal places"),
        (1e27, "Amount is too large"),
        (20_000_000, "Amount is too large"),
    ],
)
def test_odd_amounts_are_refused(admin, gql, client_id, plan_of, amount, message):
    plan = plan_of()
    variables = {"u": client_id, "a": amount, "s": "cash", "p": [{"paymentPlanId": plan, "amount": amount}]}
    assert admin.error(PAY, variables) == message


def test_a_payment_goes_only_to_the_clients_own_plans(admin, gql, client_id, plan_of):
    plan = plan_of()
    other = admin("{ currentUser { id } }")["currentUser"]["id"]
    variables = {"u": other, "a": 100, "s": "cash", "p": [{"paymentPlanId": plan, "amount": 100}]}
    assert admin.error(PAY, variables) == "Payment plan not found"
    assert admin.error(PAY, {**variables, "u": client_id, "p": []}) == "Amount is required"
    huge = {**variables, "u": client_id, "p": [{"paymentPlanId": "9" * 30, "amount": 100}]}
    assert admin.error(PAY, huge) == "Payment plan not found"


@pytest.mark.parametrize("role", ["guard", "custodian", "client", None])
def test_only_cashiers_record_and_revert_payments(admin, gql, client_id, plan_of, role):
    plan = plan_of()
    tx = pay(admin, client_id, plan, 100)
    variables = {"u": client_id, "a": 100, "s": "cash", "n": "T-3", "p": [{"paymentPlanId": plan, "amount": 100}]}
    assert gql(role).error(PAY, variables) == "Unauthorized"
    assert gql(role).error(REVERT, {"id": tx["id"]}) == "Unauthorized"
    assert gql(role).error(PROPERTY, {"n": "X-1"}) == "Unauthorized"


def test_plots_have_unique_numbers_and_real_owners(admin, gql, client_id):
    admin(PROPERTY, {"n": "1000001", "o": [{"userId": client_id}]})
    assert admin.error(PROPERTY, {"n": "1000001"}) == "Parcel number has already been taken"
    assert admin.error(PROPERTY, {"n": " "}) == "Parcel number can't be blank"
    assert admin.error(PROPERTY, {"n": "P" * 101}) == "Parcel number is too long (maximum is 100 characters)"
    assert admin.error(PROPERTY, {"n": "2", "o": [{"userId": "99999"}]}) == "Owner not found"
    assert admin.error(PROPERTY, {"n": "3", "o": "not json"}) == "ownershipFields must be a list of owners"
    assert admin(PROPERTY, {"n": "4", "o": f'[{{"userId": "{client_id}"}}]'})["PropertyCreate"]["landParcel"]


@pytest.mark.parametrize(
    "change, message",
    [
        ({"s": 9}, "Status is required"),
        ({"f": 7}, "Please select frequency"),
        ({"d": 0}, "Plan Duration must be between 1 and 1200"),
        ({"i": -1}, "Amount must be greater than 0"),
        ({"t": "gold"}, "Unknown plan type gold"),
        ({"t": ""}, "Plan Type is required"),
        ({"start": "9999-12-31"}, "Start Date must be between 1970-01-01 and 2100-12-31"),
        ({"start": "0001-01-01"}, "Start Date must be between 1970-01-01 and 2100-12-31"),
        ({"l": "424242"}, "Property is required"),
        ({"u": "424242"}, "User not found"),
    ],
)
def test_plans_with_bad_arguments_are_refused(admin, gql, client_id, change, message):
    parcel = admin(PROPERTY, {"n": "1000001"})["PropertyCreate"]["landParcel"]["id"]
    variables = {"l": parcel, "u": client_id, "t": "basic", "i": 500, "d": 12, "s": 0, "f": 2, "start": "2026-01-01"}
    assert admin.error(PLAN, {**variables, **change}) == message
    assert gql("guard").error(PLAN, variables) == "Unauthorized"


def test_clients_read_only_their_own_payments(admin, gql, client_id, plan_of):
    plan_of()
    mary = gql("client")("{ currentUser { id } }")["currentUser"]["id"]
    assert gql("client")(BALANCE, {"u": mary})["userBalance"]["pendingBalance"] == 0.0
    assert gql("client").error(BALANCE, {"u": client_id}) == "Unauthorized"
    assert gql("guard").error(PLANS, {"u": client_id}) == "Unauthorized"
    assert gql("client").error("{ paymentsList { id } }") == "Unauthorized"


def test_the_payments_list_shows_every_plan_payment_newest_first(admin, gql, client_id, plan_of):
    plan = plan_of()
    pay(admin, client_id, plan, 100, "T-1")
    pay(admin, client_id, plan, 200, "T-2")
    listed = admin('{ paymentsList(limit: 5, query: "grace") { receiptNumber amount user { name } } }')
    assert [(p["receiptNumber"], p["amount"]) for p in listed["paymentsList"]] == [("SI1001", 200.0), ("SI1000", 100.0)]
    rows = admin(
        "query($u: ID!) { userTransactions(userId: $u, limit: 100000, offset: -5) { amount depositor { name } } }",
        {"u": client_id},
    )
    assert [(t["amount"], t["depositor"]["name"]) for t in rows["userTransactions"]] == [
        (200.0, "An Admin User"),
        (100.0, "An Admin User"),
    ]


@pytest.mark.parametrize(
    "query",
    [
        'mutation { transactionRevert(id: "99999999999999999999999") { transaction { id } } }',
        'mutation { transactionRevert(id: "42") { transaction { id } } }',
        'mutation { transactionCreate(userId: 1, amount: "x", source: "cash", paymentsAttributes: []) { transaction { id } } }',
        'mutation { transactionCreate(userId: "abc", amount: 1, source: "cash", paymentsAttributes: []) { transaction { id } } }',
        "mutation { paymentPlanCreate { paymentPlan { id } } }",
        '{ userBalance(userId: "-1") { balance } }',
    ],
)
def test_bad_operations_get_graphql_errors_not_500s(admin, query):
    answer = admin.raw(query)
    assert answer.get("errors") and "Internal server error" not in str(answer["errors"])

"""Payments, the production page's "Payments Dashboard": every payment of the community with its receipt number
and status, the plans of the community, and who is shown the dashboard."""

from behave import given, then, when

from pages.base import comma_list
from pages.components import PageFrame, RefusedPage, SideMenu
from pages.payments import PaymentsDashboardPage
from prodready.scenario.money import RECEIPT_NUMBER, kwacha_in, written
from prodready.scenario.payments import community_payments_given_to, match_rows, pay_as_listed
from prodready.scenario.places import at
from prodready.scenario.tables import Column, assert_rows, table
from prodready.scenario.wording import reworded


def _dashboard_lists(context, table) -> list:
    """The dashboard's payments of the table's rows (client, amount, type, status; any order), each row once.

    Only the payments of the clients the table names are compared (the community has others); fails with the
    rows expected, the rows of those clients on screen, and what is missing.
    """
    columns = table.columns
    expected = [
        {**row, "client": context.data.name(row["client"]), "amount": written(row["amount"])} for row in table.rows
    ]
    rows, clients = context.cast.actor("admin").on(PaymentsDashboardPage).payments(), {r["client"] for r in expected}
    shown = [
        {
            "client": max((c for c in clients if r.client.startswith(c)), key=len),
            "amount": written(amount) if (amount := kwacha_in(r.info)) is not None else r.info,
            "type": r.payment_type,
            "status": r.status,
        }
        for r in rows
        if any(r.client.startswith(c) for c in clients)
    ]
    assert_rows(expected, shown, columns, only=False)
    wanted = [(r["client"], row["amount"], r["type"], r["status"]) for r, row in zip(expected, table.rows, strict=True)]
    return match_rows(rows, wanted)[0]


# -- the data a scenario starts from (the platform's GraphQL) -----------------------------------------


@given("these clients have paid towards their plans:")
@table(
    Column("client"),
    Column("type", "PaymentKind"),
    Column("amount", "Money"),
    Column("reverted", "YesNo", required=False, default=False, default_words="no"),
)
def step_clients_paid(context, rows):
    """New clients, each with a K500.00 a month plan for 12 months, paid as the table says (client, type, amount, reverted yes/no).

    Example: Given these clients have paid towards their plans:
    """
    pay_as_listed(context, [(row["client"], row["type"], row["amount"], row["reverted"]) for row in rows])


# -- the payments dashboard -------------------------------------------------------------------------------


@when("the admin opens the payments dashboard")
def step_open_dashboard(context):
    """The admin goes to the payments dashboard.

    Example: When the admin opens the payments dashboard
    """
    context.cast.actor("admin").open(PaymentsDashboardPage)


@reworded("the admin opens the payments dashboard from the left menu", entry="Plans")
@when('the admin opens the payments dashboard from the menu entry "{entry:Ui}"')
def step_dashboard_from_menu(context, entry):
    """The admin opens the payments dashboard from this side menu entry (the platform names it "Plans").

    Example: When the admin opens the payments dashboard from the menu entry "Plans"
    """
    context.cast.actor("admin").page(SideMenu).go(entry)
    context.cast.actor("admin").on(PaymentsDashboardPage)


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
    problems = [
        r
        for r in dashboard.payments()
        if not (r.client and kwacha_in(r.info) is not None and r.payment_type and r.receipt and r.status)
    ]
    assert (dashboard.payments() or dashboard.text_of(dashboard.EMPTY) == empty) and not problems, problems


@then("the dashboard lists these payments:")
@table(Column("client"), Column("amount", "Money"), Column("type", "Ui"), Column("status", "Ui"))
def step_dashboard_lists(context, rows):
    """The dashboard lists these payments (table: client, amount, type, status; any order; other payments of the community may be listed too).

    Example: Then the dashboard lists these payments:
    """
    context.notes["listed"] = _dashboard_lists(context, rows)


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
    at(context.cast.actor("admin"), PaymentsDashboardPage).open_tab(tab)


@then('the dashboard lists the plans of "{names}"')
def step_dashboard_plans(context, names):
    """Searched for by name in the dashboard's Plans tab, each of these clients has a plan listed.

    Example: Then the dashboard lists the plans of "Lubuto Sakala, Mapalo Chanda"
    """
    dashboard = context.cast.actor("admin").on(PaymentsDashboardPage)
    found = {name: dashboard.plans_of(context.data.name(name)) for name in comma_list(names)}
    missing = {
        name: shown for name, shown in found.items() if not any(s.startswith(context.data.name(name)) for s in shown)
    }
    assert not missing, f"the plans found for each name: {missing}"


@when('the admin opens the client "{name}" from the dashboard')
def step_dashboard_client(context, name):
    """The admin follows the client's name on the dashboard to their plans.

    Example: When the admin opens the client "Mapalo Chanda" from the dashboard
    """
    at(context.cast.actor("admin"), PaymentsDashboardPage).open_client(context.data.name(name))


@reworded("the {who:Persona} opens the payments dashboard by its address")
@when("the {who:Persona} goes to the payments dashboard by its address")
def step_type_dashboard_address(context, who):
    """A person types the payments dashboard's address into their browser.

    Example: When the client goes to the payments dashboard by its address
    """
    context.cast.actor(who).visit(PaymentsDashboardPage)


@then('the {who:Persona} is shown "{headline:Ui}" instead of the payments dashboard')
def step_dashboard_withheld(context, who, headline):
    """The person is shown this message of the platform's refusal page, not the payments dashboard.

    Example: Then the client is shown "Oops. Looks like we can't find your page." instead of the payments dashboard
    """
    actor = context.cast.actor(who)
    assert actor.on(RefusedPage).headline() == headline and not actor.page(PaymentsDashboardPage).is_current()


@then("the platform refuses the {who:Persona} the community's payments, even when asked directly")
def step_community_payments_refused(context, who):
    """Asked directly (the dashboard's own query, paymentsList), the platform refuses the person the community's payments.

    Example: Then the platform refuses the client the community's payments, even when asked directly
    """
    given = community_payments_given_to(context.cast, who)
    assert isinstance(given, str), f"the {who} was given the community's payments: {given}"

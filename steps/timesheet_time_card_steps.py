"""Time Sheet (production page, script 2 "Time Sheet Check in/out Test"): "See all workers' shifts": the Time
Card (every worker's latest shift) and a worker's time sheet, one pay period."""

from behave import given, then, when

from pages.home import GuardHomePage
from pages.timesheet import EmployeeTimeSheetPage, TimeCardPage
from prodready.scenario import timesheet as ts
from prodready.scenario.clock import scenario_today
from prodready.scenario.places import at, open_home_card
from prodready.scenario.tables import assert_rows
from prodready.scenario.wording import dropping, reworded

SLACK_SECONDS = 15  # what the clicks around the timed wait may add to a shift on a slow target


# -- workers and their shifts, prepared through the platform's API --------------------------------


@given("these shifts were worked:")
@ts.SHIFTS_TABLE
def step_shifts_worked(context, rows):
    """Shifts worked on past days, from a table of worker, date, start and end (reference app only: @needs_clock).

    Example: Given these shifts were worked:
    """
    for row in rows:
        who, day, end = ts.worker_named(context, row["worker"]), row["date"].on(scenario_today(context)), row["end"]
        ts.record_past_shift(context.test_api, who.user_id, day, f"{row['start']:%H:%M}", end and f"{end:%H:%M}")


# -- the Time Card and a worker's time sheet --------------------------------------------------------


@reworded("the {who:Persona} opens the Time Card from the left menu")
@when("the {who:Persona} opens the Time Card")
def step_open_time_card(context, who):
    """A person opens the Time Card (every worker's latest shift).

    Example: When the custodian opens the Time Card
    """
    context.cast.actor(who).open(TimeCardPage)


@when('the {who:Persona} opens the "{card:Ui}" card of their Dashboard')
def step_open_home_card(context, who, card):
    """A person opens a card of their Dashboard (the guard's is the guard home), going there first from any page.

    Example: When the custodian opens the "Time Card" card of their Dashboard
    """
    open_home_card(context.cast.actor(who), card)


@when('the {who:Persona} opens the "{card:Ui}" card of the guard home')
def step_open_guard_card(context, who, card):
    """A guard opens a card of the guard home, going there first from any page.

    Example: When the guard opens the "Time Card" card of the guard home
    """
    at(context.cast.actor(who), GuardHomePage).open_card(card)


@reworded('the Time Card shows today\'s shift of "{name}", as long as the wait to the second')
@then('the Time Card shows today\'s shift of "{name}", as long as the wait')
def step_time_card_has_shift(context, name):
    """The Time Card shows the worker's shift of today, as long as the wait (within the clicks' margin).

    Example: Then the Time Card shows today's shift of "mama Guard", as long as the wait
    """
    block = context.cast.actor("custodian").open(TimeCardPage).block_of(ts.shown_name(context, name))
    assert block.last_shift_worked == context.notes["shift"].day.isoformat(), block
    assert ts.lasted_as_long_as(block.hours_worked, context.notes["waited"], SLACK_SECONDS), (
        block,
        context.notes["waited"],
    )


@then('the Timesheet log of "{name}" lists that shift with its start and stop times')
def step_log_has_shift(context, name):
    """The worker's time sheet lists the shift just timed with its start and stop times.

    Example: Then the Timesheet log of "mama Guard" lists that shift with its start and stop times
    """
    sheet = context.cast.actor("custodian").on(TimeCardPage).more_details(ts.shown_name(context, name))
    problems = ts.row_problems(
        sheet.shifts(), context.notes["shift"], context.notes["stop_clock"], context.notes["waited"], SLACK_SECONDS
    )
    assert sheet.worker() == ts.shown_name(context, name) and not problems, (sheet.worker(), problems)


@then("the {who:Persona} finds that shift in their own time sheet, with its start and stop times")
def step_own_sheet_has_shift(context, who):
    """The person's own time sheet (open) names them and lists the shift just timed first, with its day, start and stop times and length.

    Example: Then the guard finds that shift in their own time sheet, with its start and stop times
    """
    sheet, notes = context.cast.actor(who).on(EmployeeTimeSheetPage), context.notes
    problems = ts.row_problems(sheet.shifts(), notes["shift"], notes["stop_clock"], notes["waited"], SLACK_SECONDS)
    assert sheet.worker() == context.cast.person(who).name and not problems, (sheet.worker(), problems)


@reworded('the Time Card shows "{name}" with "{hours:Ui}"')
@then('the Time Card shows "{name}" once, with "{hours:Ui}"')
def step_card_hours(context, name, hours):
    """The Time Card lists the worker once, with these hours worked.

    Example: Then the Time Card shows "Bupe Phiri" once, with "In-Progress"
    """
    blocks = context.cast.last_actor().on(TimeCardPage).blocks_of(ts.shown_name(context, name))
    assert [b.hours_worked for b in blocks] == [hours], f"the Time Card shows {blocks}"


@then("the Time Card shows:")
@ts.TIME_CARD_TABLE
def step_time_card_table(context, rows):
    """The Time Card shows these workers (table: worker, last shift worked, hours worked; any order).

    Example: Then the Time Card shows:
    """
    shown = ts.block_rows(context.cast.last_actor().on(TimeCardPage).blocks(), rows.columns)
    assert_rows(ts.expected_as_shown(context, rows), shown, rows.columns)


@reworded("the Time Card shows each worker with a date of their last shift and the hours worked", link="More details")
@then('the Time Card shows each worker with the date of their last shift, the hours worked and "{link:Ui}"')
def step_time_card_well_formed(context, link):
    """Every block of the Time Card has a worker, the date of their last shift, hours and this link.

    Example: Then the Time Card shows each worker with the date of their last shift, the hours worked and "More details"
    """
    page = context.cast.last_actor().on(TimeCardPage)
    problems = ts.card_problems(page.blocks(), page.IN_PROGRESS, link)
    assert not any(problems.values()), problems


@when('the {who:Persona} opens the More details of "{name}"')
def step_more_details(context, who, name):
    """A person opens a worker's time sheet from the Time Card.

    Example: When the custodian opens the More details of "mama Guard"
    """
    at(context.cast.actor(who), TimeCardPage).more_details(ts.shown_name(context, name))


@when('the {who:Persona} opens the time sheet of "{name}"')
def step_open_time_sheet(context, who, name):
    """A person opens a worker's time sheet by its address (the pay period of today).

    Example: When the custodian opens the time sheet of "Hour Counter"
    """
    context.cast.actor(who).open(EmployeeTimeSheetPage, f"/timesheet/{ts.worker_named(context, name).user_id}")


@when("the {who:Persona} goes to the previous pay period")
def step_previous_period(context, who):
    """A person goes to the previous pay period of the time sheet.

    Example: When the custodian goes to the previous pay period
    """
    context.cast.actor(who).on(EmployeeTimeSheetPage).previous_period()


@then(
    'the time sheet of "{name}" lists today\'s {count:Count} shifts, the newest with "{running:Ui}" as its stop time and total'
)
def step_sheet_today(context, name, count, running):
    """The worker's time sheet lists today's shifts, the newest still running.

    Example: Then the time sheet of "Bupe Phiri" lists today's 2 shifts, the newest with "Shift in Progress" as its stop time and total
    """
    sheet, today = context.cast.last_actor().on(EmployeeTimeSheetPage), ts.today_in(context.target.timezone).isoformat()
    shown = (sheet.worker(), [ts.day_and_state(row, running) for row in sheet.shifts()])
    assert shown == (ts.shown_name(context, name), [(today, running)] + [(today, "ended")] * (count - 1)), shown


@reworded('the time sheet of "{name}" says "{summary}"', adapt=dropping("name"))
@then('the time sheet says "{summary}"')
def step_summary(context, summary):
    """The time sheet's summary line says exactly this.

    Example: Then the time sheet says "Worked 3 days for a total of 12.75 hrs between 2026-10-27 - 2026-11-26"
    """
    shown = context.cast.last_actor().on(EmployeeTimeSheetPage).summary()
    assert shown == summary, shown


@then("the time sheet lists:")
@ts.SHEET_TABLE
def step_sheet_rows(context, rows):
    """The time sheet lists these shifts, in any order (table: day, date, start time, stop time, total hours).

    Example: Then the time sheet lists:
    """
    ts.assert_sheet_rows(context, rows, ordered=False)


@then("the time sheet lists, in this order:")
@ts.SHEET_TABLE
def step_sheet_rows_in_order(context, rows):
    """The time sheet lists these shifts, newest first as the page orders them.

    Example: Then the time sheet lists, in this order:
    """
    ts.assert_sheet_rows(context, rows, ordered=True)


@reworded("the {who:Persona} sees their own time sheet")
@then("the {who:Persona} sees their own time sheet for the current pay period")
def step_own_sheet(context, who):
    """The person sees their own time sheet of the current pay period.

    Example: Then the guard sees their own time sheet for the current pay period
    """
    sheet, period = (
        context.cast.actor(who).on(EmployeeTimeSheetPage),
        ts.period_by_the_rule(ts.today_in(context.target.timezone)),
    )
    shown = (sheet.worker(), sheet.summary())
    assert shown[0] == context.cast.person(who).name and ts.summary_pattern(*period).fullmatch(shown[1]), shown


@then('the time sheet has the columns "{columns:UiList}"')
def step_sheet_columns(context, columns):
    """The time sheet's table has these columns.

    Example: Then the time sheet has the columns "Day, Date, Start Time, Stop Time, Total Hours"
    """
    shown = context.cast.last_actor().on(EmployeeTimeSheetPage).columns()
    assert shown == columns, shown

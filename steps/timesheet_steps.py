"""Time Sheet steps (production page, script 2 "Time Sheet Check in/out Test"): shifts and the Time Card."""
from behave import given, then, when

from pages.home import GuardHomePage, HomePage
from pages.people import ProfilePage, SearchPage
from pages.shift import ShiftButtons
from pages.timesheet import EmployeeTimeSheetPage, TimeCardPage
from prodready.scenario import timesheet as ts
from prodready.scenario.tables import assert_rows, expected_rows
from prodready.scenario.vocabulary import parse_day

SLACK_SECONDS = 15  # what the clicks around the timed wait may add to a shift on a slow target


def worker(context, name):
    """A worker named in the feature: one this scenario made, else a persona ("mama Guard")."""
    workers = context.notes.setdefault("workers", {})
    if name not in workers:
        workers[name] = ts.persona_worker(context.cast, name)
    return workers[name]


def shown_name(context, name):
    """How the platform shows a worker named in the feature (a made worker's name carries the run's id)."""
    made = context.notes.get("workers", {}).get(name)
    return made.name if made else name


# -- workers and their shifts, prepared through the platform's API --------------------------------

@given('a new guard "{name}" of the community')
def step_new_guard(context, name):
    """A new security guard of the community, made for this scenario through the platform's API.

    Example: Given a new guard "Bupe Phiri" of the community
    """
    context.notes.setdefault("workers", {})[name] = ts.new_worker(context.cast, context.data.name(name))


@given('the guard "{name}" is not on shift')
def step_not_on_shift(context, name):
    """The guard has no shift in progress (one left open by an earlier run is ended).

    Example: Given the guard "mama Guard" is not on shift
    """
    ts.end_shift_in_progress(context.cast, worker(context, name))


@given('the shift of "{name}" has just been started from another device')
def step_started_elsewhere(context, name):
    """The guard's shift was just started elsewhere (through the platform's API), while this page still offers Start Shift.

    Example: Given the shift of "Mwila Banda" has just been started from another device
    """
    ts.start_shift(context.cast, worker(context, name))


@given("these shifts were worked:")
def step_shifts_worked(context):
    """Shifts worked on past days, from a table of worker, date, start and end (reference app only: @needs_clock).

    Example: Given these shifts were worked:
    """
    for row in context.table:
        who = worker(context, row["worker"])
        ts.record_past_shift(context.test_api, who.user_id, parse_day(row["date"]), row["start"], row["end"])


# -- the worker's profile: Start Shift / End Shift --------------------------------------------------

@when('the {who:Persona} finds the guard "{name}"')
def step_find_guard(context, who, name):
    """A person searches for a guard by name and opens their profile.

    Example: When the custodian finds the guard "mama Guard"
    """
    context.cast.actor(who).open(SearchPage).search(shown_name(context, name))
    context.cast.actor(who).on(SearchPage).open_result(shown_name(context, name))


@given('the {who:Persona} is looking at the profile of "{name}"')
@when('the {who:Persona} opens the profile of "{name}"')
def step_open_profile(context, who, name):
    """A person opens the profile of someone made in this scenario.

    Example: When the custodian opens the profile of "Bupe Phiri"
    """
    context.cast.actor(who).open(ProfilePage, f"/user/{worker(context, name).user_id}")


@when("the custodian starts the timer")
def step_start_timer(context):
    """The custodian presses Start Shift on the worker's profile.

    Example: When the custodian starts the timer
    """
    buttons = context.cast.actor("custodian").on(ShiftButtons)
    context.notes["shift"] = ts.timed(buttons.start_shift, context.target.timezone)


@when("the custodian waits the target's shift time, watching the shift in progress")
def step_wait_shift(context):
    """The custodian waits the target's shift time (20 s on staging) while the shift shows as in progress.

    Example: When the custodian waits the target's shift time, watching the shift in progress
    """
    buttons, seconds = context.cast.actor("custodian").on(ShiftButtons), context.target.shift_wait_seconds
    context.notes["waited"] = buttons.watch_shift_in_progress(context.notes["shift"].at, seconds)


@when("the custodian stops the timer")
def step_stop_timer(context):
    """The custodian presses End Shift on the worker's profile.

    Example: When the custodian stops the timer
    """
    buttons = context.cast.actor("custodian").on(ShiftButtons)
    context.notes["stop_clock"] = ts.clock_around(buttons.end_shift, context.target.timezone)


@when("the custodian stops the timer without starting it")
def step_stop_idle_timer(context):
    """The custodian presses End Shift when no shift is in progress.

    Example: When the custodian stops the timer without starting it
    """
    context.notes["message"] = context.cast.actor("custodian").on(ShiftButtons).end_shift_expecting_refusal()


@when('the custodian presses "{label:Ui}" on the page still offering it')
def step_press_start_again(context, label):
    """The custodian presses a shift button on a page that is no longer up to date.

    Example: When the custodian presses "Start Shift" on the page still offering it
    """
    buttons = context.cast.actor("custodian").on(ShiftButtons)
    assert buttons.state().start_label == label, buttons.state()
    buttons.press_start_shift()


@then('the profile shows "{label:Ui}", and the shift cannot be started again')
def step_cannot_start_again(context, label):
    """The start button shows this text and cannot be pressed.

    Example: Then the profile shows "Shift in Progress", and the shift cannot be started again
    """
    state = context.cast.actor("custodian").on(ShiftButtons).state()
    assert (state.start_label, state.can_start) == (label, False), f"the profile shows {state}"


@then('the profile offers "{label:Ui}" again')
def step_start_offered_again(context, label):
    """The start button is offered again with this text.

    Example: Then the profile offers "Start Shift" again
    """
    state = context.cast.actor("custodian").on(ShiftButtons).state()
    assert (state.start_label, state.can_start) == (label, True), f"the profile shows {state}"


@then('the profile offers "{start:Ui}" and "{end:Ui}", or "{running:Ui}" while a shift runs')
def step_shift_buttons_offered(context, start, end, running):
    """The profile offers the shift buttons (start and end, or the running shift).

    Example: Then the profile offers "Start Shift" and "End Shift", or "Shift in Progress" while a shift runs
    """
    state = context.cast.actor("custodian").on(ShiftButtons).state()
    assert state.end_label == end and (state.start_label, state.can_start) in ((start, True), (running, False)), state


@then('the custodian is shown "{message:Ui}"')
def step_shown_message(context, message):
    """The custodian is shown this message of the platform.

    Example: Then the custodian is shown "You can't end shift that is not in progress"
    """
    assert context.notes["message"] == message, context.notes["message"]


@then('no shift has been recorded for "{name}"')
def step_no_shift(context, name):
    """No shift of this worker exists.

    Example: Then no shift has been recorded for "Chanda Mulenga"
    """
    shift = ts.last_shift(context.cast, worker(context, name))
    assert shift is None, f"a shift was recorded: {shift}"


@then('only one shift of "{name}" is recorded, still in progress')
def step_one_shift_running(context, name):
    """Exactly one shift of this worker exists, still in progress.

    Example: Then only one shift of "Mwila Banda" is recorded, still in progress
    """
    shifts = ts.recent_shifts(context.cast, worker(context, name), context.target.timezone)
    assert len(shifts) == 1 and shifts[0]["endedAt"] is None, f"the platform recorded {shifts}"


# -- the Time Card and a worker's time sheet --------------------------------------------------------

@when("the {who:Persona} opens the Time Card")
def step_open_time_card(context, who):
    """A person opens the Time Card (every worker's latest shift).

    Example: When the custodian opens the Time Card
    """
    context.cast.actor(who).open(TimeCardPage)


@when('the {who:Persona} opens the "{card:Ui}" card of their Dashboard')
def step_open_home_card(context, who, card):
    """A person opens a card of their Dashboard.

    Example: When the custodian opens the "Time Card" card of their Dashboard
    """
    context.cast.actor(who).on(HomePage).open_card(card)


@when('the {who:Persona} opens the "{card:Ui}" card of the guard home')
def step_open_guard_card(context, who, card):
    """A guard opens a card of the guard home.

    Example: When the guard opens the "Time Card" card of the guard home
    """
    context.cast.actor(who).on(GuardHomePage).open_card(card)


@then('the Time Card shows today\'s shift of "{name}", as long as the wait')
def step_time_card_has_shift(context, name):
    """The Time Card shows the worker's shift of today, as long as the wait (within the clicks' margin).

    Example: Then the Time Card shows today's shift of "mama Guard", as long as the wait
    """
    block = context.cast.actor("custodian").open(TimeCardPage).block_of(shown_name(context, name))
    assert block.last_shift_worked == context.notes["shift"].day.isoformat(), block
    assert ts.lasted_as_long_as(block.hours_worked, context.notes["waited"], SLACK_SECONDS), (block, context.notes["waited"])


@then('the Timesheet log of "{name}" lists that shift with its start and stop times')
def step_log_has_shift(context, name):
    """The worker's time sheet lists the shift just timed with its start and stop times.

    Example: Then the Timesheet log of "mama Guard" lists that shift with its start and stop times
    """
    sheet = context.cast.actor("custodian").on(TimeCardPage).more_details(shown_name(context, name))
    notes = context.notes
    problems = ts.row_problems(sheet.shifts(), notes["shift"], notes["stop_clock"], notes["waited"], SLACK_SECONDS)
    assert sheet.worker() == shown_name(context, name) and not problems, (sheet.worker(), problems)


@then('the Time Card shows "{name}" once, with "{hours:Ui}"')
def step_card_hours(context, name, hours):
    """The Time Card lists the worker once, with these hours worked.

    Example: Then the Time Card shows "Bupe Phiri" once, with "In-Progress"
    """
    blocks = context.cast.last_actor().on(TimeCardPage).blocks_of(shown_name(context, name))
    assert [b.hours_worked for b in blocks] == [hours], f"the Time Card shows {blocks}"


@then("the Time Card shows:")
def step_time_card_table(context):
    """The Time Card shows these workers (table: worker, last shift worked, hours worked; any order).

    Example: Then the Time Card shows:
    """
    columns, expected = expected_rows(context.table)
    shown = [{c: getattr(b, c.replace(" ", "_")) for c in columns} for b in
             context.cast.last_actor().on(TimeCardPage).blocks()]
    assert_rows([{**r, "worker": shown_name(context, r["worker"])} for r in expected], shown, columns)


@then('the Time Card shows each worker with the date of their last shift, the hours worked and "{link:Ui}"')
def step_time_card_well_formed(context, link):
    """Every block of the Time Card has a worker, the date of their last shift, hours and this link.

    Example: Then the Time Card shows each worker with the date of their last shift, the hours worked and "More details"
    """
    page = context.cast.last_actor().on(TimeCardPage)
    problems = {b.worker: ts.block_problems(b.worker, b.last_shift_worked, b.hours_worked, page.IN_PROGRESS)
                + ([] if b.details == link else [f"no {link!r}"]) for b in page.blocks()}
    assert not any(problems.values()), problems


@when('the {who:Persona} opens the More details of "{name}"')
def step_more_details(context, who, name):
    """A person opens a worker's time sheet from the Time Card.

    Example: When the custodian opens the More details of "mama Guard"
    """
    context.cast.actor(who).on(TimeCardPage).more_details(shown_name(context, name))


@when("the {who:Persona} goes to the previous pay period")
def step_previous_period(context, who):
    """A person goes to the previous pay period of the time sheet.

    Example: When the custodian goes to the previous pay period
    """
    context.cast.actor(who).on(EmployeeTimeSheetPage).previous_period()


@then('the time sheet of "{name}" lists today\'s {count:d} shifts, the newest with "{running:Ui}" as its stop time and total')
def step_sheet_today(context, name, count, running):
    """The worker's time sheet lists today's shifts, the newest still running.

    Example: Then the time sheet of "Bupe Phiri" lists today's 2 shifts, the newest with "Shift in Progress" as its stop time and total
    """
    sheet, today = context.cast.last_actor().on(EmployeeTimeSheetPage), ts.today_in(context.target.timezone).isoformat()
    shown = (sheet.worker(), [ts.day_and_state(row, running) for row in sheet.shifts()])
    assert shown == (shown_name(context, name), [(today, running)] + [(today, "ended")] * (count - 1)), shown


@then('the time sheet says "{summary}"')
def step_summary(context, summary):
    """The time sheet's summary line says exactly this.

    Example: Then the time sheet says "Worked 3 days for a total of 12.75 hrs between 2026-10-27 - 2026-11-26"
    """
    shown = context.cast.last_actor().on(EmployeeTimeSheetPage).summary()
    assert shown == summary, shown


def _sheet_rows(context, ordered):
    columns, expected = expected_rows(context.table)
    fields = {"start time": "start", "stop time": "stop", "total hours": "total_hours"}
    shown = [{c: getattr(row, fields.get(c, c)) for c in columns}
             for row in context.cast.last_actor().on(EmployeeTimeSheetPage).shifts()]
    assert_rows(expected, shown, columns, ordered=ordered)


@then("the time sheet lists:")
def step_sheet_rows(context):
    """The time sheet lists these shifts, in any order (table: day, date, start time, stop time, total hours).

    Example: Then the time sheet lists:
    """
    _sheet_rows(context, ordered=False)


@then("the time sheet lists, in this order:")
def step_sheet_rows_in_order(context):
    """The time sheet lists these shifts, newest first as the page orders them.

    Example: Then the time sheet lists, in this order:
    """
    _sheet_rows(context, ordered=True)


@then("the {who:Persona} sees their own time sheet for the current pay period")
def step_own_sheet(context, who):
    """The person sees their own time sheet of the current pay period.

    Example: Then the guard sees their own time sheet for the current pay period
    """
    sheet, period = context.cast.actor(who).on(EmployeeTimeSheetPage), ts.pay_period(ts.today_in(context.target.timezone))
    shown = (sheet.worker(), sheet.summary())
    assert shown[0] == context.cast.person(who).name and ts.summary_pattern(*period).fullmatch(shown[1]), shown


@then('the time sheet has the columns "{columns:UiList}"')
def step_sheet_columns(context, columns):
    """The time sheet's table has these columns.

    Example: Then the time sheet has the columns "Day, Date, Start Time, Stop Time, Total Hours"
    """
    shown = context.cast.last_actor().on(EmployeeTimeSheetPage).columns()
    assert shown == columns, shown

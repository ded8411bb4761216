"""Time Sheet steps (production page, script 2 "Time Sheet Check in/out Test"): shifts and the Time Card."""
import re

from behave import given, then, when

from pages.components import LeftMenu
from pages.people import SearchPage
from pages.shift import ShiftButtons
from pages.timesheet import TimeCardPage, WorkerTimeSheetPage
from prodready.tasks import user_id_named
from prodready.timesheet import assert_lasted, shift_payload, today_in
from prodready.vocabulary import parse_day

ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


@given("these shifts were worked:")
def step_shifts_worked(context):
    for row in context.table:
        user_id = user_id_named(context.cast, row["worker"])
        payload = shift_payload(user_id, parse_day(row["date"]), row["start"], row["end"] or None)
        context.api.post("/shifts", payload)


# -- Script 2: start, wait, stop ----------------------------------------------------------------


@when('the {who:Persona} finds the guard "{name}"')
def step_find_guard(context, who, name):
    context.cast.actor(who).open(SearchPage).search_for(name)
    context.cast.actor(who).on(SearchPage).open_result(name)


@when("the custodian starts the timer")
def step_start_timer(context):
    context.cast.actor("custodian").on(ShiftButtons).start_shift()


@when("the custodian waits the configured shift time, watching the shift in progress")
def step_wait_shift(context):
    context.notes["waited"] = context.target.shift_wait_seconds
    context.cast.actor("custodian").on(ShiftButtons).wait_until_shift_has_run(context.target.shift_wait_seconds)


@when("the custodian stops the timer")
def step_stop_timer(context):
    context.cast.actor("custodian").on(ShiftButtons).end_shift()


@when("the custodian stops the timer without starting it")
def step_stop_idle_timer(context):
    context.notes["message"] = context.cast.actor("custodian").on(ShiftButtons).end_shift_expecting_message()


@then('the Time Card shows today\'s shift of "{name}", as long as the wait to the second')
def step_time_card_has_shift(context, name):
    card = context.cast.actor("custodian").page(LeftMenu).go_to("Time Card", TimeCardPage).card_of(name)
    assert card.last_shift_worked == today_in(context.target.timezone).isoformat(), card
    assert_lasted(card.hours_worked, card.seconds, context.notes["waited"])


@then('the Timesheet log of "{name}" lists that shift with its start and stop times')
def step_log_has_shift(context, name):
    sheet = context.cast.actor("custodian").on(TimeCardPage).more_details(name)
    rows = sheet.shifts()
    assert sheet.worker() == name and rows, f"the time sheet of {sheet.worker()!r} lists {rows}"
    latest = rows[0]
    assert latest.date == today_in(context.target.timezone).isoformat() and latest.stop != "In-Progress", latest
    assert_lasted(latest.total_hours, latest.seconds, context.notes["waited"])


@then('the profile shows "{label}" and the shift cannot be started again')
def step_cannot_start_again(context, label):
    buttons = context.cast.actor("custodian").on(ShiftButtons)
    shown = {"label": buttons.start_label(), "can start": buttons.can_start(),
             "in progress": buttons.in_progress()}
    assert shown == {"label": label, "can start": False, "in progress": True}, f"the profile shows {shown}"


@then('the custodian is told "{message}"')
def step_told(context, message):
    assert context.notes["message"] == message, context.notes["message"]


@then('no shift has been recorded for "{name}"')
def step_no_shift(context, name):
    shifts = context.api.get("/shifts", user_id=user_id_named(context.cast, name))
    assert shifts == [], f"shifts were recorded: {shifts}"


# -- See all workers' shifts --------------------------------------------------------------------


@when("the {who:Persona} opens the Time Card from the left menu")
def step_open_time_card(context, who):
    context.cast.actor(who).page(LeftMenu).go_to("Time Card", TimeCardPage)


@then('the Time Card shows "{name}" with "{hours}"')
def step_card_hours(context, name, hours):
    card = context.cast.last_actor().on(TimeCardPage).card_of(name)
    assert card.hours_worked == hours, card


@then("the Time Card shows:")
def step_time_card_table(context):
    cards = context.cast.last_actor().on(TimeCardPage).cards()
    shown = [(c.worker, c.last_shift_worked, c.hours_worked) for c in cards]
    expected = [(r["worker"], r["last shift worked"], r["hours worked"]) for r in context.table]
    assert shown == expected, f"the Time Card shows {shown}"


@then("the Time Card shows each worker with a date of their last shift and the hours worked")
def step_time_card_well_formed(context):
    page = context.cast.last_actor().on(TimeCardPage)
    assert page.title() == "Time Card", page.title()
    for card in page.cards():
        assert card.worker and ISO_DATE.fullmatch(card.last_shift_worked) and card.hours_worked, card


@when('the {who:Persona} opens the More Details of "{name}"')
def step_more_details(context, who, name):
    context.cast.actor(who).on(TimeCardPage).more_details(name)


@then('the time sheet of "{name}" says "{summary}"')
def step_summary(context, name, summary):
    sheet = context.cast.last_actor().on(WorkerTimeSheetPage)
    assert (sheet.worker(), sheet.summary()) == (name, summary), (sheet.worker(), sheet.summary())


@then("the time sheet lists:")
def step_sheet_rows(context):
    shifts = context.cast.last_actor().on(WorkerTimeSheetPage).shifts()
    shown = [(s.day, s.date, s.start, s.stop, s.total_hours) for s in shifts]
    expected = [(r["day"], r["date"], r["start"], r["stop"], r["total hours"]) for r in context.table]
    assert shown == expected, f"the time sheet lists {shown}"


@then("the guard sees their own time sheet")
def step_own_sheet(context):
    sheet = context.cast.actor("guard").on(WorkerTimeSheetPage)
    assert sheet.worker() == context.cast.person("guard").name, sheet.worker()
    assert sheet.summary().startswith("Worked "), sheet.summary()


@when("the custodian finds the worker")
def step_find_worker(context):
    context.cast.actor("custodian").open(SearchPage).search_for(context.cast.person("worker").name)
    context.cast.actor("custodian").on(SearchPage).open_result(context.cast.person("worker").name)


@then("the worker's profile offers to start or end the shift")
def step_shift_buttons_offered(context):
    buttons = context.cast.actor("custodian").on(ShiftButtons)
    assert buttons.start_label() in ("Start Shift", "Shift in Progress") and buttons.is_shown(buttons.END)

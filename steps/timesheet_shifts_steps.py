"""Time Sheet (production page, script 2 "Time Sheet Check in/out Test"): "Start a worker's shift" and "End a
worker's shift" on the worker's profile, and what the platform records of them."""

from behave import given, then, when

from pages.people import ProfilePage, SearchPage
from pages.shift import ShiftButtons
from prodready.scenario import refusals
from prodready.scenario import timesheet as ts
from prodready.scenario.wording import reworded


def _worker_name(context):
    """The worker persona's name on this target (script 2's "mama Guard")."""
    return context.cast.person("worker").name


# -- workers and their shifts, prepared through the platform's API --------------------------------


@given('a new guard "{name}" of the community')
def step_new_guard(context, name):
    """A new security guard of the community, made for this scenario through the platform's API.

    Example: Given a new guard "Bupe Phiri" of the community
    """
    context.notes.setdefault("workers", {})[name] = ts.new_worker(context.cast, context.data.name(name))


@given('a new guard "{name}" of the community, whose shift the custodian started and ended earlier')
def step_guard_with_a_shift(context, name):
    """A new security guard who has worked one shift, started and ended by the custodian (through the platform's API).

    Example: Given a new guard "Mutinta Zulu" of the community, whose shift the custodian started and ended earlier
    """
    worker = context.notes.setdefault("workers", {})[name] = ts.new_worker(context.cast, context.data.name(name))
    context.notes["earlier shift"] = ts.worked_a_shift(context.cast, worker)


@given('a guard "{name}" of the community whose account is deactivated')
def step_deactivated_guard(context, name):
    """A new security guard whose account an admin has deactivated (through the platform's API).

    Example: Given a guard "Kalaba Mwansa" of the community whose account is deactivated
    """
    person = refusals.deactivated_person(context.cast, context.data.name(name), "security_guard")
    context.notes.setdefault("workers", {})[name] = ts.Worker(str(person["id"]), person["name"])


@given('the guard "{name}" is not on shift')
def step_not_on_shift(context, name):
    """The guard has no shift in progress (one left open by an earlier run is ended).

    Example: Given the guard "mama Guard" is not on shift
    """
    ts.end_shift_in_progress(context.cast, ts.worker_named(context, name))


@given('the shift of "{name}" has just been started from another device')
def step_started_elsewhere(context, name):
    """The guard's shift was just started elsewhere (through the platform's API), while this page still offers Start Shift.

    Example: Given the shift of "Mwila Banda" has just been started from another device
    """
    ts.start_shift(context.cast, ts.worker_named(context, name))


# -- the worker's profile: Start Shift / End Shift --------------------------------------------------


@reworded("the {who:Persona} finds the worker", from_context={"name": _worker_name})
@when('the {who:Persona} finds the guard "{name}"')
def step_find_guard(context, who, name):
    """A person searches for a guard by name and opens their profile.

    Example: When the custodian finds the guard "mama Guard"
    """
    context.cast.actor(who).open(SearchPage).search(ts.shown_name(context, name))
    context.cast.actor(who).on(SearchPage).open_result(ts.shown_name(context, name))


@given('the {who:Persona} is looking at the profile of "{name}"')
@when('the {who:Persona} opens the profile of "{name}"')
def step_open_profile(context, who, name):
    """A person opens the profile of someone made in this scenario.

    Example: When the custodian opens the profile of "Bupe Phiri"
    Example: Given the custodian is looking at the profile of "Mwila Banda"
    """
    context.cast.actor(who).open(ProfilePage, f"/user/{ts.worker_named(context, name).user_id}")


@when("the custodian starts the timer")
def step_start_timer(context):
    """The custodian presses Start Shift on the worker's profile.

    Example: When the custodian starts the timer
    """
    buttons = context.cast.actor("custodian").on(ShiftButtons)
    context.notes["shift"] = ts.timed(buttons.start_shift, context.target.timezone)


@reworded("the custodian waits the configured shift time, watching the shift in progress")
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


@when('the custodian\'s End Shift for "{name}" reaches the platform all the same')
def step_end_directly(context, name):
    """The custodian's End Shift for the worker reaches the platform (its API) though the page stopped it.

    Example: When the custodian's End Shift for "Chanda Mulenga" reaches the platform all the same
    """
    worker = ts.worker_named(context, name)
    refusals.manage_shift_directly(context.cast, "custodian", worker.user_id, "shift_end")


@when('the custodian\'s Start Shift for "{name}" reaches the platform all the same')
def step_start_directly(context, name):
    """The custodian's Start Shift for the worker reaches the platform (its API) though the profile offers no such button.

    Example: When the custodian's Start Shift for "Kalaba Mwansa" reaches the platform all the same
    """
    worker = ts.worker_named(context, name)
    context.notes["start refusal"] = refusals.manage_shift_directly(
        context.cast, "custodian", worker.user_id, "shift_start"
    )


@when('the custodian presses "{label:Ui}" on the page still offering it')
def step_press_start_again(context, label):
    """The custodian presses a shift button on a page that is no longer up to date.

    Example: When the custodian presses "Start Shift" on the page still offering it
    """
    buttons = context.cast.actor("custodian").on(ShiftButtons)
    assert buttons.state().start_label == label, buttons.state()
    buttons.press_start_shift()


@reworded('the profile shows "{label:Ui}" and the shift cannot be started again')
@then('the profile shows "{label:Ui}", and the shift cannot be started again')
def step_cannot_start_again(context, label):
    """The start button shows this text and cannot be pressed.

    Example: Then the profile shows "Shift in Progress", and the shift cannot be started again
    """
    state = context.cast.actor("custodian").on(ShiftButtons).state()
    assert (state.start_label, state.can_start) == (label, False), f"the profile shows {state}"


@then("the profile offers no shift buttons")
def step_no_shift_buttons(context):
    """The worker's profile, loaded, offers neither Start Shift nor End Shift.

    Example: Then the profile offers no shift buttons
    """
    custodian = context.cast.actor("custodian")
    assert custodian.on(ProfilePage).name() and not custodian.page(ShiftButtons).is_offered(), custodian.page(
        ProfilePage
    ).screen()


@then('the last shift of "{name}" is still the one that ended earlier, and their only one')
def step_last_shift_unchanged(context, name):
    """The worker's shifts are exactly the one recorded earlier, with the start and end it had then.

    Example: Then the last shift of "Mutinta Zulu" is still the one that ended earlier, and their only one
    """
    worker = ts.worker_named(context, name)
    shifts = ts.recent_shifts(context.cast, worker, context.target.timezone)
    assert shifts == [context.notes["earlier shift"]], (
        f"recorded earlier: {context.notes['earlier shift']}; now: {shifts}"
    )


@then('the profile offers "{label:Ui}" again')
def step_start_offered_again(context, label):
    """The start button is offered again with this text.

    Example: Then the profile offers "Start Shift" again
    """
    state = context.cast.actor("custodian").on(ShiftButtons).state()
    assert (state.start_label, state.can_start) == (label, True), f"the profile shows {state}"


@reworded(
    "the worker's profile offers to start or end the shift",
    start="Start Shift",
    end="End Shift",
    running="Shift in Progress",
)
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
    shift = ts.last_shift(context.cast, ts.worker_named(context, name))
    assert shift is None, f"a shift was recorded: {shift}"


@then('only one shift of "{name}" is recorded, still in progress')
def step_one_shift_running(context, name):
    """Exactly one shift of this worker exists, still in progress.

    Example: Then only one shift of "Mwila Banda" is recorded, still in progress
    """
    shifts = ts.recent_shifts(context.cast, ts.worker_named(context, name), context.target.timezone)
    assert len(shifts) == 1 and shifts[0]["endedAt"] is None, f"the platform recorded {shifts}"

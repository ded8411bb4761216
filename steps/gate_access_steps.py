"""Gate Access: scans (scripts 1.1.1, 1.1.2), manual entry (1.2), registered guests (1.3.1, 1.3.2)."""
from behave import given, then, when

from pages.components import PageFrame
from pages.guests import GuestInvitePage, InvitationsPage, MyGuestsPage
from pages.home import GuardHomePage, HomePage
from pages.logbook import LogbookPage
from pages.manual_entry import ManualEntryPage, ObservationDialog
from pages.people import IdCardPage, ProfilePage, SearchPage
from pages.scan import LogEntryPart, ScanPage
from prodready import gate_access as gate
from prodready.people import unique_phone

FOREIGN_CODE = "https://elsewhere.example/user/1/{ms}/dg"
GUEST_PAGES = {"Invitations": InvitationsPage, "My Guests": MyGuestsPage}


# -- scan entry -------------------------------------------------------------------------------
@when("the guard finds the admin on the search page")
def step_find_admin(context):
    search = context.cast.actor("guard").open(SearchPage)
    search.search(context.cast.person("admin").name)
    search.open_result(context.cast.person("admin").name)


@when('on the admin\'s profile the guard adds "{suffix}" to the address')
def step_add_to_address(context, suffix):
    context.notes["tm"] = gate.epoch_ms() if "<Date.now()>" in suffix else suffix.strip("/").split("/")[0]
    context.cast.actor("guard").on(ProfilePage).add_to_address(suffix.replace("<Date.now()>", context.notes["tm"]))


@when('the {who:Persona} selects "{label:Ui}"')
def step_log_entry(context, who, label):
    part, context.notes["scans_before"] = context.cast.actor(who).on(LogEntryPart), gate.scan_ids(context.cast)
    assert part.offered() == label, part.offered()
    part.log_entry()


@when('the {who:Persona} tries to select "{label:Ui}"')
def step_try_log_entry(context, who, label):
    part, context.notes["scans_before"] = context.cast.actor(who).on(LogEntryPart), gate.scan_ids(context.cast)
    assert part.offered() == label, part.offered()
    context.notes["refusal"] = part.log_entry_expecting_refusal()


@then('the {who:Persona} is back on their "{title:Ui}"')
def step_back_home(context, who, title):
    actor = context.cast.actor(who)
    actor.on(GuardHomePage if actor.persona.role == "security_guard" else HomePage)
    assert actor.page(PageFrame).title() == title, actor.page(PageFrame).title()


@then('the admin finds a new "{chip:Ui}" entry for themselves in the logbook, by the guard')
def step_new_scan_in_logbook(context, chip):
    new = gate.new_scans(context.cast, context.notes["scans_before"], context.cast.person("guard").name)
    assert [e["data"]["ref_name"] for e in new] == [context.cast.person("admin").name], new
    context.notes["scan"] = new[0]
    cards = context.cast.actor("admin").open(LogbookPage).search(context.cast.person("admin").name)
    gate.find_entry(cards[:1], context.cast.person("admin").name, guard=context.cast.person("guard").name, chip=chip)


@then("the entry was recorded as a {kind} scan of the timestamp")
def step_scan_kind(context, kind):
    data = context.notes["scan"]["data"]
    assert (data.get("digital"), str(data.get("timestamp"))) == (kind == "digital", context.notes["tm"]), data


@when("the admin selects the ID tile on the phone to display the QR code")
def step_show_id(context):
    context.cast.actor("admin", "phone").on(HomePage).open_my_qr_code()


@when("the guard scans the QR code on the admin's phone")
def step_scan_phone(context):
    context.cast.pool.camera.show(context.cast.actor("admin", "phone").on(IdCardPage).qr_png())
    opened = context.cast.actor("guard").open(ScanPage).wait_for_code()  # /user/<id>/<Date.now()>/dg
    context.notes["tm"] = opened.split("/")[3]


@when("the guard scans a QR code pointing to another site")
def step_scan_foreign(context):
    context.notes["scans_before"] = gate.scan_ids(context.cast)
    context.cast.pool.camera.show(gate.qr_png(FOREIGN_CODE.format(ms=gate.epoch_ms())))
    context.cast.actor("guard").open(ScanPage)


@when("the guard opens the scanner")
def step_open_scanner(context):
    context.cast.pool.camera.show(None)
    context.cast.actor("guard").open(ScanPage)


@then('the guard sees the admin\'s profile, offering "{label:Ui}"')
def step_sees_profile(context, label):
    actor = context.cast.actor("guard")
    assert actor.on(ProfilePage).name() == context.cast.person("admin").name, actor.page(ProfilePage).name()
    assert actor.page(LogEntryPart).offered() == label


@then('the scanner says "{message:Ui}"')
def step_scanner_says(context, message):
    assert context.cast.actor("guard").on(ScanPage).refusal() == message


@then("the guard is still on the scanner")
def step_still_scanning(context):
    assert context.cast.actor("guard").page(ScanPage).is_current(), context.cast.actor("guard").page(ScanPage).screen()


@then("no scan by the guard has been logged")
def step_no_scan(context):
    new = gate.new_scans(context.cast, context.notes["scans_before"], context.cast.person("guard").name)
    assert new == [], new


@then("the guard is shown an error and stays on the profile")
def step_refused(context):
    message, is_error = context.notes["refusal"]
    assert is_error and message, message
    assert context.cast.actor("guard").page(ProfilePage).is_current()


@then("the admin's logbook still opens")
def step_logbook_opens(context):
    context.cast.actor("admin").open(LogbookPage)


@then('the scanner shows "{instruction:Ui}" and "{torch:Ui}"')
def step_scanner_shows(context, instruction, torch):
    shown = context.cast.actor("guard").on(ScanPage).texts_shown()
    assert shown == [instruction, torch], shown


@then("the guard's camera is on")
def step_camera_on(context):
    assert context.cast.actor("guard").on(ScanPage).camera_is_on()


# -- manual entry -----------------------------------------------------------------------------
@when('the {who:Persona} clicks on the "{card:Ui}" card on the guard\'s home page')
def step_home_card(context, who, card):
    context.cast.actor(who).on(GuardHomePage).open_card(card)


@when("the guard opens manual entry")
def step_open_manual_entry(context):
    context.cast.actor("guard").open(ManualEntryPage)


@when('the guard fills in the form with the required fields of the visitor "{name}"')
def step_fill_visitor(context, name):
    context.cast.actor("guard").on(ManualEntryPage).fill(gate.visitor(context.faker, context.data.name(name)))


@when('the guard fills in the visitor "{name}" without the {field}')
def step_fill_without(context, name, field):
    visitor = {k: v for k, v in gate.visitor(context.faker, context.data.name(name)).items() if k != field}
    context.cast.actor("guard").on(ManualEntryPage).fill(visitor)


@when("the guard clicks Grant")
def step_grant(context):
    context.cast.actor("guard").on(ManualEntryPage).press_grant()


@when("the guard clicks Deny")
def step_deny(context):
    context.cast.actor("guard").on(ManualEntryPage).deny()


@then('the guard is asked for "{title:Ui}" with "{button:Ui}"')
def step_asked_observation(context, title, button):
    dialog = context.cast.actor("guard").on(ObservationDialog)
    assert dialog.title() == title and button in dialog.buttons(), (dialog.title(), dialog.buttons())


@when('the {who:Persona} adds the observation "{note}"')
def step_add_observation(context, who, note):
    context.cast.actor(who).on(ObservationDialog).add_note(note)


@then('the observation\'s buttons say "{save:Ui}" where they said "{skip:Ui}"')
def step_observation_buttons(context, save, skip):
    labels = context.cast.actor("guard").on(ObservationDialog).buttons()
    assert [label.split(" ")[0] for label in labels[:2]] == [save, save] and skip not in labels[2], labels


@when("the guard saves it and goes on to record the next entry by hand")
def step_save_and_record(context):
    context.cast.actor("guard").on(ObservationDialog).save_and_record_next()


@when('the guard chooses "{label:Ui}"')
def step_choose(context, label):
    context.cast.actor("guard").on(ObservationDialog).choose(label)


@then("the guard is on an empty manual entry form again")
def step_empty_form(context):
    form = context.cast.actor("guard").on(ManualEntryPage)
    assert form.value_of("name") == "" and form.path.startswith("/request"), form.path


@then('the logbook shows "{name}" with "{chip:Ui}" and "{reason:Ui}", by the {who:Persona}')
def step_logbook_reason(context, name, chip, reason, who):
    cards = gate_logbook(context).search(context.data.name(name))
    assert reason in gate.find_entry(cards, context.data.name(name), guard=context.cast.person(who).name, chip=chip).chips


@then('the logbook shows "{name}" with "{chip:Ui}", by the {who:Persona}')
def step_logbook_entry(context, name, chip, who):
    cards = gate_logbook(context).search(context.data.name(name))
    gate.find_entry(cards, context.data.name(name), guard=context.cast.person(who).name, chip=chip)


@then('the logbook shows the observation "{note}" about "{name}", by the {who:Persona}')
def step_logbook_observation(context, note, name, who):
    cards = gate_logbook(context).search(context.data.name(name))
    gate.find_entry(cards, context.data.name(name), guard=context.cast.person(who).name,
                    chip=LogbookPage.OBSERVATION, note=note)


def gate_logbook(context) -> LogbookPage:
    """The logbook in the browser of whoever acted last (opened if it is not shown)."""
    actor = context.cast.last_actor()
    return actor.page(LogbookPage) if actor.page(LogbookPage).is_current() else actor.open(LogbookPage)


@then('the admin sees in the logbook that "{name}" was denied, not "{chip:Ui}"')
def step_denied_in_logbook(context, name, chip):
    assert gate.events_about(context.cast, context.data.name(name))[0]["data"].get("action") == "denied"
    context.cast.actor("admin").log_in()
    assert chip not in gate.find_entry(gate_logbook(context).search(context.data.name(name)), context.data.name(name)).chips


@then('the logbook has no observation about "{name}"')
def step_no_observation(context, name):
    assert gate.events_about(context.cast, context.data.name(name), "visitor_entry"), "the visitor was not granted"
    assert gate.events_about(context.cast, context.data.name(name), "observation_log") == []


@then('the form marks the {field} with the message "{message:Ui}"')
def step_field_message(context, field, message):
    assert message in context.cast.actor("guard").on(ManualEntryPage).errors()


@then("the form marks the {field} in red, without a message")
def step_field_red(context, field):
    form = context.cast.actor("guard").on(ManualEntryPage)
    assert form.phone_marked_invalid() and form.errors() == [] and not form.observation_asked(), form.errors()


@then('the logbook has nothing about "{name}"')
def step_nothing_logged(context, name):
    assert gate.events_about(context.cast, context.data.name(name)) == []


@then('the manual entry form is the "{step:Ui}" step')
def step_form_steps(context, step):
    assert context.cast.actor("guard").on(ManualEntryPage).steps() == [step]


@then('the reasons for a visit are "{reasons:UiList}"')
def step_reasons(context, reasons):
    assert context.cast.actor("guard").on(ManualEntryPage).reasons() == reasons


@then('the form says "{messages:UiList}"')
def step_form_says(context, messages):
    assert context.cast.actor("guard").on(ManualEntryPage).errors() == messages


@then("the phone number is marked in red")
def step_phone_red(context):
    assert context.cast.actor("guard").on(ManualEntryPage).phone_marked_invalid()


@then("no observation is asked for")
def step_no_dialog(context):
    assert not context.cast.actor("guard").on(ManualEntryPage).observation_asked()


# -- registered guests ------------------------------------------------------------------------
@when('the admin goes to the logbook and clicks on "{item:Ui}"')
def step_new_invite(context, item):
    assert item == LogbookPage.NEW_INVITE
    context.cast.actor("admin").open(LogbookPage).open_new_invite()


@then('the admin sees the "{title:Ui}" form to "{heading:Ui}"')
def step_invite_form(context, title, heading):
    form, frame = context.cast.actor("admin").on(GuestInvitePage), context.cast.actor("admin").page(PageFrame)
    assert frame.title() == title and form.text_of(GuestInvitePage.HEADING) == heading, frame.title()


@when('the admin adds the new guest "{name}"')
def step_add_guest(context, name):
    first, _, last = context.data.name(name).partition(" ")
    context.cast.actor("admin").on(GuestInvitePage).add_new_guest(first, last, unique_phone(context.faker.random))


@when("the admin sets the visit for today, from an hour ago to an hour from now")
def step_set_visit(context):
    window = context.notes["window"] = gate.window_around_now()
    context.cast.actor("admin").on(GuestInvitePage).set_visit(window.day, window.start, window.end)


@when("the admin clears the visit's start time")
def step_clear_start(context):
    context.cast.actor("admin").on(GuestInvitePage).clear_start_time()


@when('the admin clicks "{label:Ui}"')
def step_click_invite(context, label):
    assert label == GuestInvitePage.INVITE_LABEL
    context.cast.actor("admin").on(GuestInvitePage).invite()


@when("the admin opens the guest invitation form")
def step_open_invite(context):
    context.cast.actor("admin").open(GuestInvitePage)


@given('"{name}" is invited for today, from an hour ago to an hour from now')
def step_invited_now(context, name):
    context.notes["window"] = gate.window_around_now()
    gate.invite_guest(context.cast, context.data.name(name), context.notes["window"])


@given('"{name}" is invited for today, at a time that does not include now')
def step_invited_other_time(context, name):
    context.notes["window"] = gate.window_not_now()
    gate.invite_guest(context.cast, context.data.name(name), context.notes["window"])


@given('"{name}" is invited on every weekday but today\'s, from an hour ago to an hour from now')
def step_invited_other_days(context, name):
    window = gate.window_around_now()
    gate.invite_guest(context.cast, context.data.name(name), window, gate.other_weekdays(window.day),
                      gate.in_weeks(window.day, 4))


@given('"{name}" is invited on today\'s weekday for four weeks, from an hour ago to an hour from now')
def step_invited_this_weekday(context, name):
    window = gate.window_around_now()
    gate.invite_guest(context.cast, context.data.name(name), window, (window.weekday(),), gate.in_weeks(window.day, 4))


@when('the {who:Persona} opens the "{page:Ui}"')
@when('the {who:Persona} opens "{page:Ui}"')
def step_open_guest_page(context, who, page):
    context.cast.actor(who).open(GUEST_PAGES[page])
    assert context.cast.actor(who).page(PageFrame).title() == page, context.cast.actor(who).page(PageFrame).title()


@then('"{page:Ui}" lists "{name}" as "{validity:Ui}" at that time')
def step_my_guest_at_time(context, page, name, validity):
    card = my_guest(context, page, name)
    assert (card.validity, card.time) == (validity, context.notes["window"].shown), card


@then('"{page:Ui}" lists "{name}" as "{validity:Ui}"')
def step_my_guest(context, page, name, validity):
    assert my_guest(context, page, name).validity == validity


@then('"{page:Ui}" marks "{name}" as "{status:Ui}"')
def step_my_guest_status(context, page, name, status):
    assert my_guest(context, page, name).status == status


def my_guest(context, page: str, name: str):
    """The newest card of a (run-id) guest on My Guests, as the admin sees it now."""
    guests, frame = context.cast.actor("admin").on(GUEST_PAGES[page]), context.cast.actor("admin").page(PageFrame)
    assert frame.title() == page, frame.title()
    shown = guests.guests()
    return next((c for c in shown if c.name == context.data.name(name)), None) or fail(f"{name!r} is not listed: {shown}")


@then('the guard\'s "{page:Ui}" list "{name}" as "{validity:Ui}" with "{button:Ui}" enabled')
def step_guard_sees_valid(context, page, name, validity, button):
    found = invitation_named(guard_on(context, page), context.data.name(name))
    assert (found.validity, found.grant_label, found.grant_enabled) == (validity, button, True), found


@then('"{name}" is shown as "{validity:Ui}" with "{button:Ui}" {state}')
def step_invitation_state(context, name, validity, button, state):
    found = invitation_named(context.cast.last_actor().on(InvitationsPage), context.data.name(name))
    assert (found.validity, found.grant_label, found.grant_enabled) == (validity, button, state == "enabled"), found


def guard_on(context, page: str) -> InvitationsPage:
    """The guard, logged in, looking at the Invitations."""
    context.cast.actor("guard").log_in()
    shown, frame = context.cast.actor("guard").open(GUEST_PAGES[page]), context.cast.actor("guard").page(PageFrame)
    assert frame.title() == page, frame.title()
    return shown


def invitation_named(invitations: InvitationsPage, name: str):
    """The newest invitation of a guest on the list shown."""
    shown = invitations.invitations()
    return next((i for i in shown if i.name == name), None) or fail(f"{name!r} is not listed: {shown}")


def fail(message: str):
    """Fail a step with a message (an expression, for use after `or`)."""
    raise AssertionError(message)


@when('the {who:Persona} grants access to "{name}"')
def step_grant_access(context, who, name):
    context.cast.actor(who).on(InvitationsPage).grant_access(context.data.name(name))


@when('the {who:Persona} saves the observation "{note}"')
def step_save_observation(context, who, note):
    dialog = context.cast.actor(who).on(ObservationDialog)
    dialog.add_note(note)
    dialog.save()


@when("the admin edits the invitation of \"{name}\" to today, from an hour ago to an hour from now, "
      "repeating on today's weekday")
def step_edit_invitation(context, name):
    window = context.notes["window"] = gate.window_around_now()
    dialog = context.cast.actor("admin").on(MyGuestsPage).edit(context.data.name(name))
    dialog.set_visit(window.day, window.start, window.end, (window.weekday(),), gate.in_weeks(window.day, 1))
    dialog.update()


@when('the admin cancels the invitation of "{name}"')
@when('the admin re-activates the invitation of "{name}"')
def step_toggle_invitation(context, name):
    context.notes["listed_before"] = gate.scheduled_count(context.cast, context.data.name(name))
    context.cast.actor("admin").on(MyGuestsPage).toggle_cancelled(context.data.name(name))


@then('the guard\'s "{page:Ui}" no longer list "{name}"')
def step_guard_not_listed(context, page, name):
    names = [i.name for i in guard_on(context, page).invitations()]
    assert names.count(context.data.name(name)) == context.notes["listed_before"] - 1, names


@then('every invitation shows "{valid:Ui}" or "{invalid:Ui}", and "{button:Ui}" is enabled exactly for "{same:Ui}" ones')
def step_every_invitation(context, valid, invalid, button, same):
    shown = context.cast.last_actor().on(InvitationsPage).invitations()
    assert all(i.validity in (valid, invalid) and i.grant_label == button
               and i.grant_enabled == (i.validity == same) for i in shown), shown


@then('the invitation asks for "{labels:UiList}"')
@then('the invitation also asks for "{labels:UiList}"')
def step_invitation_labels(context, labels):
    shown = context.cast.actor("admin").on(GuestInvitePage).labels()
    assert all(label in shown for label in labels), shown


@when("the admin picks a weekday for the visit to repeat on")
def step_pick_weekday(context):
    context.cast.actor("admin").on(GuestInvitePage).toggle_weekday(gate.window_around_now().weekday())


@when('the admin searches the users for "{name}", who is not one yet')
def step_search_users(context, name):
    context.notes["search_answer"] = context.cast.actor("admin").on(GuestInvitePage).search_users(context.data.name(name))


@then('the invitation says "{message:Ui}"')
def step_invitation_says(context, message):
    assert context.notes["search_answer"] == message, context.notes["search_answer"]

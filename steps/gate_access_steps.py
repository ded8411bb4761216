"""Gate Access steps (production page, scripts 1.1 to 1.3): scans, manual entry, registered guests."""
import time
from datetime import datetime
from zoneinfo import ZoneInfo

from behave import given, then, when

from pages.home import GuardHomePage, HomePage
from pages.logbook import GuestInvitePage, LogbookPage, RegisteredGuestsPage
from pages.manual_entry import ManualEntryPage, ObservationDialog
from pages.people import IdCardPage, ProfilePage, ScanPage, SearchPage
from prodready import qr
from prodready.gate_access import entry_for, guest_api_payload, guest_fields, visitor_without

# -- 1.1 Scan ---------------------------------------------------------------------------------


@when('the guard finds the admin "{name}"')
def step_guard_finds(context, name):
    context.cast.actor("guard").on(GuardHomePage).search(name)
    context.cast.actor("guard").on(SearchPage).open_result(name)


@when("on the admin's profile the guard adds today's timestamp to the address, as a digital scan")
def step_profile_with_timestamp(context):
    context.notes["scanned_ms"] = int(time.time() * 1000)  # what Date.now() gives in the script
    context.cast.actor("guard").on(ProfilePage).add_scan_to_address(context.notes["scanned_ms"])


@when('the guard selects "Log This Entry"')
def step_log_this_entry(context):
    context.cast.actor("guard").on(ProfilePage).log_this_entry()


@when("the admin selects the ID tile to display the QR code on the phone")
def step_admin_shows_qr(context):
    admin_phone = context.cast.actor("admin", "phone")
    context.notes["qr_png"] = admin_phone.open(IdCardPage, f"/id/{context.cast.user_id('admin')}").qr_png()


@when("the guard scans the QR code on the admin's phone")
def step_guard_scans_phone(context):
    context.cast.actor("guard").open(ScanPage).scan(qr.decode(context.notes["qr_png"]))


@when("the guard scans a code that points to another site")
def step_scan_foreign_code(context):
    context.cast.actor("guard").open(ScanPage).scan("https://elsewhere.example/user/1/1618332435960/dg")


@then('the scanner says "{message}"')
def step_scanner_says(context, message):
    assert context.cast.actor("guard").on(ScanPage).error() == message


@then('the guard sees the profile of "{name}" as a "{kind}"')
def step_guard_sees_profile(context, name, kind):
    profile = context.cast.actor("guard").on(ProfilePage)
    assert (profile.name(), profile.scan_details().split(" · ")[0]) == (name, kind), profile.scan_details()


@then('the admin sees in the logbook a "{kind}" entry for "{name}", logged by the guard')
def step_admin_sees_scan(context, kind, name):
    entries = context.cast.actor("admin").open(LogbookPage).entries()
    context.notes["entry"] = entry_for(entries, name, kind=kind, acting=context.cast.person("guard").name)


@then("the entry shows the timestamp that was scanned")
def step_entry_timestamp(context):
    zone = ZoneInfo(context.target.timezone)
    scanned = datetime.fromtimestamp(context.notes["scanned_ms"] / 1000, tz=zone).strftime("%Y-%m-%d %H:%M")
    assert context.notes["entry"].qr_timestamp == scanned, (context.notes["entry"].qr_timestamp, scanned)


# -- 1.2 Manual entry -------------------------------------------------------------------------


@when('the guard clicks on the "{card}" card on the guard\'s home page')
def step_open_guard_card(context, card):
    context.cast.actor("guard").on(GuardHomePage).open_card(card)


@when("the guard opens Manual Entry")
def step_open_manual_entry(context):
    context.cast.actor("guard").open(ManualEntryPage)


@when("the guard fills in the form with the visitor's details:")
def step_fill_visitor(context):
    context.cast.actor("guard").on(ManualEntryPage).fill_visitor({r["field"]: r["value"] for r in context.table})


@when("the guard fills in a visitor's details without the {field}")
def step_fill_visitor_without(context, field):
    context.cast.actor("guard").on(ManualEntryPage).fill_visitor(visitor_without(field, context.faker))


@when("the guard clicks Grant")
def step_grant(context):
    context.cast.actor("guard").on(ManualEntryPage).grant()


@when("the guard clicks Deny")
def step_deny(context):
    context.cast.actor("guard").on(ManualEntryPage).deny()


@when('the guard adds the observation "{note}" and saves')
def step_add_observation(context, note):
    dialog = context.cast.actor("guard").on(ObservationDialog)
    dialog.write(note)
    dialog.save_and_record_next()


@when("the guard closes the observation dialog without a note")
def step_close_dialog(context):
    context.cast.actor("guard").on(ObservationDialog).close()


@then('the form says "{message}"')
def step_form_says(context, message):
    errors = context.cast.actor("guard").on(ManualEntryPage).errors()
    assert errors == [message], errors


@then('the logbook shows "{name}" as a "{kind}" with "{status}", logged by the {who:Persona}')
@then('the logbook has "{name}" as a "{kind}" with "{status}", logged by the {who:Persona}')
def step_logbook_shows(context, name, kind, status, who):
    entries = context.cast.actor(who).open(LogbookPage).entries()
    context.notes["entry"] = entry_for(entries, name, kind=kind, status=status, acting=context.cast.person(who).name)


@then('the entry for "{name}" carries the observation "{note}"')
def step_entry_observation(context, name, note):
    assert note in context.notes["entry"].observations, context.notes["entry"]


@then("nothing has been written to the logbook")
def step_logbook_empty(context):
    assert context.api.entries() == []


# -- 1.3 Registered guests --------------------------------------------------------------------


@when("the admin goes to the logbook and clicks on invite guest")
def step_admin_invite(context):
    context.cast.actor("admin").open(LogbookPage).invite_guest()


@when('the admin invites "{name}" for today from {start:w}:{start_m:w} to {end:w}:{end_m:w}')
def step_admin_invites(context, name, start, start_m, end, end_m):
    fields = guest_fields(name, f"{start}:{start_m}", f"{end}:{end_m}", context.target.timezone, context.faker)
    context.cast.actor("admin").on(GuestInvitePage).fill(**fields)
    context.cast.actor("admin").on(GuestInvitePage).invite()


@given('"{name}" is registered as a guest for today from {start:w}:{start_m:w} to {end:w}:{end_m:w}')
def step_guest_registered(context, name, start, start_m, end, end_m):
    fields = guest_fields(name, f"{start}:{start_m}", f"{end}:{end_m}", context.target.timezone, context.faker)
    context.api.create_guest(**guest_api_payload(fields))


@given('"{name}" is registered as a guest repeating on the other weekdays from {start:w}:{start_m:w} to {end:w}:{end_m:w}')
def step_guest_other_days(context, name, start, start_m, end, end_m):
    fields = guest_fields(name, f"{start}:{start_m}", f"{end}:{end_m}", context.target.timezone, context.faker,
                          other_weekdays=True)
    context.api.create_guest(**guest_api_payload(fields))


@when("the {who:Persona} opens the registered guests tab of the logbook")
def step_open_guests_tab(context, who):
    context.cast.actor(who).open(LogbookPage).registered_guests()


@then('the Registered Guests tab lists "{name}" with "{visit_time}" as "{validity}"')
@then('"{name}" is shown as "{validity}" for "{visit_time}"')
def step_guest_shown(context, name, visit_time, validity):
    guest = context.cast.last_actor().on(RegisteredGuestsPage).guest(name)
    assert (guest.validity, guest.visit_time) == (validity, visit_time), guest


@then('the guard cannot grant access to "{name}"')
def step_cannot_grant(context, name):
    assert not context.cast.actor("guard").on(RegisteredGuestsPage).guest(name).can_grant


@when('the admin grants access to "{name}" with the observation "{note}"')
def step_grant_guest(context, name, note):
    context.cast.actor("admin").on(RegisteredGuestsPage).grant_access(name)
    context.cast.actor("admin").on(ObservationDialog).write(note)
    context.cast.actor("admin").on(ObservationDialog).save_and_go_to_logbook()


# -- read-only checks (production smoke) --------------------------------------------------------


@then('the manual entry form requires "{fields}"')
def step_manual_requires(context, fields):
    required = context.cast.actor("guard").on(ManualEntryPage).required_fields()
    assert required == [f.strip() for f in fields.split(",")], required


@then("the guard can Grant or Deny")
def step_grant_or_deny(context):
    assert context.cast.actor("guard").on(ManualEntryPage).offers_grant_and_deny()


@when("the admin opens the My Code card on the phone")
def step_admin_my_code(context):
    context.cast.actor("admin", "phone").open(HomePage).open_card("My Code")
    context.notes["qr_png"] = context.cast.actor("admin", "phone").on(IdCardPage).qr_png()


@then('the guard sees the admin\'s profile as a "{kind}", with "Log This Entry" offered')
def step_guard_sees_admin_ready(context, kind):
    profile = context.cast.actor("guard").on(ProfilePage)
    assert (profile.name(), profile.scan_details().split(" · ")[0], profile.can_log_entry()) == \
        (context.cast.person("admin").name, kind, True), profile.scan_details()


@then("every registered guest shows whether their visit is valid now")
def step_guests_have_validity(context):
    guests = context.cast.actor("admin").on(RegisteredGuestsPage).guests()
    assert all(g.validity for g in guests), guests


@when("the admin clicks on invite guest")
def step_admin_clicks_invite(context):
    context.cast.actor("admin").on(RegisteredGuestsPage).invite_guest()


@then('the invitation asks for "{fields}"')
def step_invitation_asks(context, fields):
    asked = context.cast.actor("admin").on(GuestInvitePage).fields_asked()
    assert [f.strip() for f in fields.split(",")] == asked[:len(fields.split(","))], asked

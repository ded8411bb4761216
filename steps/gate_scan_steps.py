"""Gate Access, script 1.1 Scan: the guard logs a person's entry from their profile or from the QR code of their ID."""

from behave import given, then, when

from pages.home import HomePage
from pages.logbook import LogbookPage
from pages.people import IdCardPage, ProfilePage, SearchPage
from pages.scan import LogEntryPart, ScanPage
from prodready.scenario import gate_access as gate
from prodready.scenario import qr, refusals
from prodready.scenario.places import arrived_home
from prodready.scenario.wording import naming, reworded

FOREIGN_CODE = "https://elsewhere.example/user/1/{ms}/dg"


@reworded('the guard finds the admin "{name}"', adapt=naming("admin"))
@when("the guard finds the admin on the search page")
def step_find_admin(context):
    """The guard searches for the admin by name and opens the admin's profile.

    Example: When the guard finds the admin on the search page
    """
    search = context.cast.actor("guard").open(SearchPage)
    search.search(context.cast.person("admin").name)
    search.open_result(context.cast.person("admin").name)


@reworded(
    "on the admin's profile the guard adds today's timestamp to the address, as a digital scan",
    suffix="/<Date.now()>/dg",
)
@when('on the admin\'s profile the guard adds "{suffix}" to the address')
def step_add_to_address(context, suffix):
    """The guard adds a timestamp (and "/dg" for a digital ID) to the profile's address, as a scan would open it; <Date.now()> is now.

    Example: When on the admin's profile the guard adds "/<Date.now()>/dg" to the address
    """
    context.notes["tm"] = gate.epoch_ms() if "<Date.now()>" in suffix else suffix.strip("/").split("/")[0]
    context.cast.actor("guard").on(ProfilePage).add_to_address(suffix.replace("<Date.now()>", context.notes["tm"]))


@when('the {who:Persona} selects "{label:Ui}"')
def step_log_entry(context, who, label):
    """On a scanned profile, the person selects the button that logs the entry, which says exactly this.

    Example: When the guard selects "Log This Entry"
    """
    part, context.notes["scans_before"] = context.cast.actor(who).on(LogEntryPart), gate.scan_ids(context.cast)
    assert part.offered() == label, part.offered()
    part.log_entry()


@when('the {who:Persona} tries to select "{label:Ui}"')
def step_try_log_entry(context, who, label):
    """On a scanned profile, the person selects the button that logs the entry, expecting the platform to refuse.

    Example: When the guard tries to select "Log This Entry"
    """
    part, context.notes["scans_before"] = context.cast.actor(who).on(LogEntryPart), gate.scan_ids(context.cast)
    assert part.offered() == label, part.offered()
    context.notes["refusal"] = part.log_entry_expecting_refusal()


@then('the {who:Persona} is back on their "{title:Ui}"')
def step_back_home(context, who, title):
    """The person is back on their home page (the guard's for a guard), whose title says exactly this.

    Example: Then the guard is back on their "Dashboard"
    """
    arrived_home(context.cast.actor(who), title)


@reworded('the admin sees in the logbook a "{chip:Ui}" entry for "{name}", logged by the guard', adapt=naming("admin"))
@then('the admin finds a new "{chip:Ui}" entry for themselves in the logbook, by the guard')
def step_new_scan_in_logbook(context, chip):
    """The scan just logged is the admin's, by the guard, and the admin's logbook shows it first, with this label.

    Example: Then the admin finds a new "User Granted Access" entry for themselves in the logbook, by the guard
    """
    context.notes["scan"] = gate.new_admin_scan(context.cast, context.notes["scans_before"], chip)


@reworded("the entry shows the timestamp that was scanned", kind="digital")
@then("the entry was recorded as a {kind} scan of the timestamp")
def step_scan_kind(context, kind):
    """The scan was recorded as from a digital ID (the phone) or a printed one, with the timestamp the code carried.

    Example: Then the entry was recorded as a digital scan of the timestamp
    """
    data = context.notes["scan"]["data"]
    assert (data.get("digital"), str(data.get("timestamp"))) == (kind == "digital", context.notes["tm"]), data


@reworded("the admin opens the My Code card on the phone")
@reworded("the admin selects the ID tile to display the QR code on the phone")
@when("the admin selects the ID tile on the phone to display the QR code")
def step_show_id(context):
    """On their phone, the admin opens their ID, which shows their QR code.

    Example: When the admin selects the ID tile on the phone to display the QR code
    """
    context.cast.actor("admin", "phone").on(HomePage).open_my_qr_code()


@when("the guard scans the QR code on the admin's phone")
def step_scan_phone(context):
    """The guard's camera reads the QR code the admin's phone shows; the scanner opens what it reads.

    Example: When the guard scans the QR code on the admin's phone
    """
    png = context.cast.actor("admin", "phone").on(IdCardPage).qr_png()
    context.cast.pool.camera.show(png)
    scanner = context.cast.actor("guard").open(ScanPage)
    context.notes["tm"] = gate.scanned_timestamp(qr.decode(png), scanner.wait_for_code(), scanner.base_url)


@reworded("the guard scans a code that points to another site")
@when("the guard scans a QR code pointing to another site")
def step_scan_foreign(context):
    """The guard's camera reads a QR code that belongs to another site, not to a person of the community.

    Example: When the guard scans a QR code pointing to another site
    """
    context.notes["scans_before"] = gate.scan_ids(context.cast)
    context.cast.pool.camera.show(gate.qr_png(FOREIGN_CODE.format(ms=gate.epoch_ms())))
    context.cast.actor("guard").open(ScanPage)


@when("the guard opens the scanner")
def step_open_scanner(context):
    """The guard opens the QR code scanner, with nothing in front of the camera yet.

    Example: When the guard opens the scanner
    """
    context.cast.pool.camera.show(None)
    context.cast.actor("guard").open(ScanPage)


@then('the guard sees the admin\'s profile, offering "{label:Ui}"')
def step_sees_profile(context, label):
    """The guard sees the admin's profile, with the button that logs the entry saying exactly this.

    Example: Then the guard sees the admin's profile, offering "Log This Entry"
    """
    actor = context.cast.actor("guard")
    assert actor.on(ProfilePage).name() == context.cast.person("admin").name, actor.page(ProfilePage).name()
    assert actor.page(LogEntryPart).offered() == label


@then('the scanner says "{message:Ui}"')
def step_scanner_says(context, message):
    """The scanner refuses what it read with exactly this message.

    Example: Then the scanner says "Invalid QRCode Data"
    """
    assert context.cast.actor("guard").on(ScanPage).refusal() == message


@then("the guard is still on the scanner")
def step_still_scanning(context):
    """The guard stays on the scanner (it opened nothing).

    Example: Then the guard is still on the scanner
    """
    assert context.cast.actor("guard").page(ScanPage).is_current(), context.cast.actor("guard").page(ScanPage).screen()


@then("no scan by the guard has been logged")
def step_no_scan(context):
    """The logbook has no new scan by the guard since the guard's last attempt.

    Example: Then no scan by the guard has been logged
    """
    new = gate.new_scans(context.cast, context.notes["scans_before"], context.cast.person("guard").name)
    assert new == [], new


@then("the guard is shown an error and stays on the profile")
def step_refused(context):
    """The platform showed the guard an error message, and the guard is still on the profile.

    Example: Then the guard is shown an error and stays on the profile
    """
    message, is_error = context.notes["refusal"]
    assert is_error and message, message
    assert context.cast.actor("guard").page(ProfilePage).is_current()


@then("the admin's logbook still opens")
def step_logbook_opens(context):
    """The admin can still open the logbook (a refused scan has not broken it).

    Example: Then the admin's logbook still opens
    """
    context.cast.actor("admin").open(LogbookPage)


@then('the scanner shows "{instruction:Ui}" and "{torch:Ui}"')
def step_scanner_shows(context, instruction, torch):
    """The scanner shows exactly these two texts: its instruction, then its torch button.

    Example: Then the scanner shows "Please center your QR code on the screen below." and "Toggle Torch"
    """
    shown = context.cast.actor("guard").on(ScanPage).texts_shown()
    assert shown == [instruction, torch], shown


@then("the guard's camera is on")
def step_camera_on(context):
    """The scanner is using the guard's camera.

    Example: Then the guard's camera is on
    """
    assert context.cast.actor("guard").on(ScanPage).camera_is_on()


@given('a client "{name}" of the community whose account is deactivated')
def step_deactivated_person(context, name):
    """A new client whose account an admin has deactivated (through the platform's API).

    Example: Given a client "Judith Banda" of the community whose account is deactivated
    """
    context.notes.setdefault("people", {})[name] = refusals.deactivated_person(
        context.cast, context.data.name(name), "client"
    )


@when('the guard opens the profile of "{name}" as a scan of their ID would')
def step_open_scanned_profile(context, name):
    """The guard opens the person's profile at the address the QR code of their ID holds, with today's timestamp.

    Example: When the guard opens the profile of "Judith Banda" as a scan of their ID would
    """
    context.cast.actor("guard").page(ProfilePage).open_scanned(context.notes["people"][name]["id"], gate.epoch_ms())


@then('the guard is not offered "{label:Ui}"')
def step_not_offered_log_entry(context, label):
    """The profile shown does not offer the button that logs the entry (which says exactly this).

    Example: Then the guard is not offered "Log This Entry"
    """
    actor = context.cast.actor("guard")
    assert actor.on(ProfilePage).name() and label == LogEntryPart.LABEL, actor.page(ProfilePage).screen()
    assert not actor.page(LogEntryPart).is_offered(), f'the guard is offered "{label}"'


@when('the guard\'s scanner logs the entry of "{name}" all the same')
def step_log_scan_directly(context, name):
    """The entry of the person is logged as a scanner logs it without the button (the platform's kiosk does).

    Example: When the guard's scanner logs the entry of "Judith Banda" all the same
    """
    context.notes["scans_before"] = gate.scan_ids(context.cast)
    context.notes["answer"] = refusals.log_scan_directly(context.cast, "guard", context.notes["people"][name]["id"])

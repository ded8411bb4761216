"""Registered guests: the invitation form, My Guests (edit, cancel) and the guard's Invitations."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys

from .base import BasePage, Locator, button_text, css, testid, ui
from .manual_entry import ObservationDialog

# The weekday buttons' order (GuestTime.jsx renders the days of days.json in its order: Sunday first).
WEEKDAYS = ("sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday")


class GuestTime(BasePage):
    """Components/GuestTime.jsx: day of visit, start and end time, repeat weekdays, Repeats Until.

    The day and times are MUI mobile pickers (components/DatePickerDialog.jsx): a read-only field that
    opens a dialog. A person switches the dialog to its keyboard view (the pen) and types; the test ids
    (day_of_visit_input, ...) are on that view's input. Ok keeps the value, Clear empties the field.
    """

    DAY, START, END, UNTIL = ui("Day of visit"), ui("Visit start time"), ui("Visit end time"), ui("Repeats Until")
    TYPED = {
        DAY: testid("day_of_visit_input", "the Day of visit typed"),
        START: testid("start_time_input", "the Visit start time typed"),
        END: testid("end_time_input", "the Visit end time typed"),
        UNTIL: testid("repeats_until_input", "the Repeats Until typed"),
    }
    DIALOG = css('[role="dialog"]:has(.PrivatePickersToolbar-root)', "the picker's dialog")
    KEYBOARD = css('[role="dialog"] button[aria-label$="go to text input view"]', "the picker's pen (keyboard view)")
    OK, CLEAR = ui("Ok"), ui("Clear")
    WEEK_DAYS = testid("week_days", "the Repeats on weekday buttons")
    LABELS = css('label.MuiInputLabel-root, [data-testid="guest_repeats_on"]', "the form's labels")

    def _picker(self, label: str) -> Locator:
        return Locator(
            By.XPATH,
            f'//*[@data-testid="date-picker" or @data-testid="time_picker"][.//label[normalize-space()="{label}"]]'
            "//input",
            f"the {label} field",
        )

    def _dialog_button(self, label: str) -> Locator:
        return Locator(
            By.XPATH,
            '//*[@role="dialog"][.//*[contains(@class, "PrivatePickersToolbar-root")]]'
            f'//button[normalize-space()="{label}"]',
            f"the picker's {label}",
        )

    def _open_picker(self, label: str) -> None:
        self.click(self._picker(label))
        self.wait_for(self.DIALOG)

    def _close_with(self, button: str) -> None:
        self.click(self._dialog_button(button))
        self.wait_gone(self.DIALOG)

    def pick_in(self, label: str, value: str) -> None:
        """Type a value into a picker's keyboard view and keep it: a date YYYY-MM-DD, a time HH:MM (24 h)."""
        self._open_picker(label)
        self.click(self.KEYBOARD)
        field = self.wait_for(self.TYPED[label])
        if ":" in value and "(a|p)m" in (field.get_attribute("placeholder") or ""):
            value = datetime.strptime(value, "%H:%M").strftime("%I:%M %p")  # en: a 12-hour clock
        self.type_into(self.TYPED[label], value, keys=True)
        self._close_with(self.OK)

    def clear_picker(self, label: str) -> None:
        """Empty a picker (its dialog's Clear)."""
        self._open_picker(label)
        self._close_with(self.CLEAR)

    def picked(self, label: str) -> str:
        """What a picker's field shows now."""
        return self.wait_present(self._picker(label)).get_attribute("value") or ""

    def set_visit(self, day: str, start: str, end: str, weekdays: tuple[str, ...] = (), until: str = "") -> None:
        """The visit in community time: YYYY-MM-DD, HH:MM, HH:MM, the weekdays it repeats on, its last day."""
        self.pick_in(self.DAY, day)
        self.pick_in(self.START, start)
        self.pick_in(self.END, end)
        for weekday in weekdays:
            self.toggle_weekday(weekday)
        if weekdays:
            self.pick_in(self.UNTIL, until)

    def toggle_weekday(self, weekday: str) -> None:
        """Press one weekday button (they are in GuestTime's order, all labelled alike)."""
        self.click(self.shown(self.WEEK_DAYS)[WEEKDAYS.index(weekday)])

    def labels(self) -> list[str]:
        """The labels of the visible fields, as written."""
        return [
            " ".join(label.replace("*", "").split()) for label in self.texts_of(self.LABELS, visible=True, written=True)
        ]


class GuestInvitePage(GuestTime):
    """Guest Invite / Schedule Visit (GuestInviteForm.jsx): the guests, then the visit."""

    PATH = "/logbook/guests/invite"
    MARKER = testid("date-picker", "the Day of visit picker")
    HEADING = Locator(By.XPATH, '//*[normalize-space()="Schedule Visit"]', "the Schedule Visit heading")
    FIRST_NAME = testid("guest_entry_first_name", "the guest's First Name")
    LAST_NAME = testid("guest_entry_last_name", "the guest's Last Name")
    PHONE = testid("guest_entry_phone_number", "the guest's phone")
    ADD = testid("add_remove_guest_btn", "the Add guest button")
    SEARCH = testid("search", "the Users search box")
    FOUND = '[data-testid="invite_guest_btn"]'
    NOT_FOUND = testid("user_not_found_add_new", "the not-found message")
    INVITE_LABEL = ui("Invite Guest")
    INVITE = button_text(INVITE_LABEL, description="the Invite Guest button (its test id is a template)")

    def add_new_guest(self, first: str, last: str, phone: str) -> None:
        """Add a guest who is not a user yet: search the users for them first (the form to add a new guest
        appears with "User Not Found"), then InviteeForm's First Name, Last Name, phone, Add."""
        if not self.search_users(f"{first} {last}"):
            raise LookupError(f"{first} {last} is a user already: the form offers no new guest")
        self.type_into(self.FIRST_NAME, first)
        self.type_into(self.LAST_NAME, last)
        self.type_into(self.PHONE, phone)
        self.click(self.ADD)  # the new guest's Add (the first add_remove_guest_btn)

    def search_users(self, name: str) -> str:
        """Search the users for a guest (Enter): the not-found message, or '' when someone was found."""
        self.type_into(self.SEARCH, name)
        self._field(self.SEARCH).send_keys(Keys.ENTER)
        self.wait_until(
            lambda _d: self.is_shown(self.NOT_FOUND) or self.find_all(css(self.FOUND, "found")),
            f"the search for {name!r} did not answer",
        )
        return self.text_of(self.NOT_FOUND) if self.is_shown(self.NOT_FOUND) else ""

    def clear_start_time(self) -> None:
        """Empty the visit's start time."""
        self.clear_picker(self.START)

    def invite(self) -> None:
        """Invite Guest: the next page (My Guests, or the form again with the error) loads."""
        self.click_and_load(self.INVITE)


@dataclass(frozen=True)
class GuestCard:
    """One guest of My Guests."""

    name: str
    starts: str
    ends: str
    time: str
    validity: str
    status: str


class EditGuestDialog(GuestTime):
    """Edit Guest: the invitation's visit again, then Update Guest."""

    MARKER = button_text(ui("Update Guest"), description="the Update Guest button (its test id is a template)")

    def update(self) -> None:
        """Update Guest: the dialog closes and the list shows the change."""
        self.click_and_load(self.MARKER)


class MyGuestsPage(BasePage):
    """My Guests (InvitedGuests.jsx + GuestListCard.jsx): the user's invitations, newest first."""

    PATH = "/logbook/guests"
    MARKER = testid("create_guest_btn", "the Add New button")
    TITLE = testid("page_name", "the page's name (a breadcrumb: My Profile / My Guests; no page title)")
    CARD = '[data-testid="guest_card"]'
    NONE = Locator(By.XPATH, '//*[normalize-space()="No invited guests"]', "the empty list's message")
    MENU_ITEMS = testid("menu_item", "the open card menu's items")

    def title(self) -> str:
        """The page's name."""
        return self.text_of(self.TITLE)

    def guests(self) -> list[GuestCard]:
        """Every guest card shown (once the list has loaded)."""
        self.wait_until(
            lambda _d: self.find_all(css(self.CARD, "a guest card")) or self.is_shown(self.NONE),
            "the guest list did not load",
        )
        rows = self.rows(
            self.CARD,
            {
                "name": "guest_name",
                "starts": "start_of_visit",
                "ends": "ends_on_date",
                "time": "visit_time",
                "validity": "guest_validity",
                "status": "invite_status",
            },
        )
        return [GuestCard(**row) for row in rows]

    def _menu(self, name: str) -> list:
        card = Locator(
            By.XPATH,
            f'//*[@data-testid="guest_card"][.//*[@data-testid="guest_name"][normalize-space()="{name}"]]',
            f"the card of {name}",
        )
        self.click(self.wait_for(card).find_element(By.CSS_SELECTOR, '[data-testid="guest_invite_menu"]'))
        return self.wait_until(lambda _d: self.shown(self.MENU_ITEMS), f"the menu of {name} did not open")

    def edit(self, name: str) -> EditGuestDialog:
        """The card menu's Edit: the Edit Guest dialog."""
        self.click_and_load(self._menu(name)[0])
        return self.goes_to(EditGuestDialog)

    def toggle_cancelled(self, name: str) -> None:
        """The card menu's second item: Cancel, or Re-Activate a cancelled invitation (once the card shows it)."""
        before = next((c.status for c in self.guests() if c.name == name), "")
        self.click_and_load(self._menu(name)[1])
        self.wait_until(
            lambda _d: next((c.status for c in self.guests() if c.name == name), before) != before,
            f"the card of {name} did not change",
        )


@dataclass(frozen=True)
class Invitation:
    """One invitation on the guard's list."""

    name: str
    validity: str
    grant_enabled: bool
    grant_label: str


# InvitationItem.jsx gives the guest's name no test id: it is the card's first caption.
READ_INVITATIONS = """
return Array.from(document.querySelectorAll('[data-testid="invitation-status"]')).map(chip => {
  const card = chip.closest('.MuiCard-root') || chip.parentNode;
  const name = card.querySelector('.MuiTypography-caption');
  const grant = card.querySelector('[data-testid="grant_access_btn"]');
  return {name: name ? name.innerText.trim() : '', validity: chip.innerText.trim(),
          grant_enabled: !!grant && !grant.disabled, grant_label: grant ? grant.textContent.trim() : ''};
});
"""


# Enable a disabled button as the browser's tools would (the attribute and MUI's class), then press it.
FORCED_PRESS = """
const button = arguments[0];
button.disabled = false;
button.removeAttribute('disabled');
button.classList.remove('Mui-disabled');
button.click();
"""


class InvitationsPage(BasePage):
    """Invitations (InvitationList.jsx): every active invitation, its validity, Grant Access."""

    PATH = "/logbook/invitations"
    MARKER = testid("invitation_search_btn", "the Invitations' Search button")
    TITLE = testid("page_title", "the page title")
    GRANT = testid("grant_access_btn", "a Grant Access button")
    STATUS = testid("invitation-status", "an invitation's validity")
    NONE = Locator(By.XPATH, '//*[normalize-space()="No invited guests"]', "the empty list's message")

    def title(self) -> str:
        """The page's title."""
        return self.text_of(self.TITLE)

    def invitations(self) -> list[Invitation]:
        """Every invitation shown (once the list has loaded)."""
        self.wait_until(
            lambda _d: self.find_all(self.STATUS) or self.is_shown(self.NONE), "the invitations did not load"
        )
        return [Invitation(**row) for row in self.driver.execute_script(READ_INVITATIONS)]

    def _grant_button(self, name: str) -> Any:
        card = Locator(
            By.XPATH,
            f'//div[contains(@class, "MuiCard-root")][.//*[normalize-space()="{name}"]]'
            f'[.//*[@data-testid="invitation-status"]]',
            f"the invitation of {name}",
        )
        return self.wait_for(card).find_element(By.CSS_SELECTOR, '[data-testid="grant_access_btn"]')

    def grant_access(self, name: str) -> ObservationDialog:
        """Grant Access to a guest: the observation dialog follows."""
        self.click(self._grant_button(name))
        return self.goes_to(ObservationDialog)

    def press_disabled_grant(self, name: str) -> None:
        """Press a guest's disabled Grant Access all the same, as someone who enabled it with the browser's own
        tools would, and wait for the page's answer: whatever the page sends then is sent (a form with the
        page's own token, where the page has one; the platform's button ignores a press while disabled)."""
        self.arm()
        self.driver.execute_script(FORCED_PRESS, self._grant_button(name))
        self.wait_settled()

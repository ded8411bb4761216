"""The logbook: its log entries, the registered guests tab, and the guest invitation form."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, time

from selenium.webdriver.remote.webelement import WebElement

from .base import BasePage, css, testid, text_in


@dataclass(frozen=True)
class LogEntry:
    """One card of the logbook, as shown."""

    visitor: str
    acting_user: str
    kind: str
    status: str
    qr_timestamp: str
    observations: tuple[str, ...]


@dataclass(frozen=True)
class GuestCard:
    """One registered guest, as shown."""

    name: str
    visit_time: str
    validity: str
    can_grant: bool


class LogbookPage(BasePage):
    """Logs: gate entries newest first."""

    PATH = "/logbook"
    MARKER = css('body[data-page="logbook"] [data-testid="logs_tab"].active', "the logbook's Logs tab")
    ENTRIES = testid("log_entry", "the log entries")
    GUESTS_TAB = testid("registered_guests_tab", "the Registered Guests tab")
    INVITE = testid("invite_guest_btn", "the Invite Guest button")

    def entries(self) -> list[LogEntry]:
        """Every entry on the page, newest first."""
        return [
            LogEntry(
                visitor=text_in(card, "entry_visitor_name"),
                acting_user=text_in(card, "entry_acting_user"),
                kind=text_in(card, "entry_kind"),
                status=text_in(card, "entry_status"),
                qr_timestamp=text_in(card, "entry_qr_timestamp"),
                observations=tuple(n.text.strip() for n in card.find_elements(
                    "css selector", '[data-testid="observation_note"]')),
            )
            for card in self.find_all(self.ENTRIES)
        ]

    def registered_guests(self) -> "RegisteredGuestsPage":
        """Switch to the Registered Guests tab."""
        self.click_and_load(self.GUESTS_TAB)
        return self.goes_to(RegisteredGuestsPage)

    def invite_guest(self) -> "GuestInvitePage":
        """Open the guest invitation form."""
        self.click_and_load(self.INVITE)
        return self.goes_to(GuestInvitePage)


class RegisteredGuestsPage(BasePage):
    """The logbook's Registered Guests tab: each guest's visit and whether it is valid now."""

    PATH = "/logbook?tab=guests"
    MARKER = css('[data-testid="registered_guests_tab"].active', "the Registered Guests tab")
    CARDS = testid("guest_card", "the registered guests")
    INVITE = testid("invite_guest_btn", "the Invite Guest button")

    def guests(self) -> list[GuestCard]:
        """Every registered guest shown."""
        return [self._card(card) for card in self.find_all(self.CARDS)]

    @staticmethod
    def _card(card: WebElement) -> GuestCard:
        buttons = card.find_elements("css selector", '[data-testid="grant_access_btn"]')
        return GuestCard(name=text_in(card, "guest_name"),
                         visit_time=text_in(card, "visit_time"),
                         validity=text_in(card, "guest_validity"),
                         can_grant=bool(buttons) and buttons[0].is_enabled())

    def guest(self, name: str) -> GuestCard:
        """One guest by name."""
        for card in self.find_all(self.CARDS):
            if text_in(card, "guest_name") == name:
                return self._card(card)
        raise AssertionError(f"{name!r} is not among the registered guests {[g.name for g in self.guests()]}")

    def grant_access(self, name: str) -> None:
        """Press Grant Access on a guest (the observation dialog follows)."""
        for card in self.find_all(self.CARDS):
            if text_in(card, "guest_name") == name:
                self.click_and_load(card.find_element("css selector", '[data-testid="grant_access_btn"]'))
                return
        raise AssertionError(f"{name!r} is not among the registered guests")

    def invite_guest(self) -> "GuestInvitePage":
        """Open the guest invitation form."""
        self.click_and_load(self.INVITE)
        return self.goes_to(GuestInvitePage)


class GuestInvitePage(BasePage):
    """Invite a guest: names, phone, day of visit and times in community time, optional repeats."""

    PATH = "/logbook/guests/invite"
    MARKER = testid("guest_invite_form", "the guest invitation form")
    FIRST_NAME = testid("guest_first_name", "the first name field")
    LAST_NAME = testid("guest_last_name", "the last name field")
    PHONE = testid("guest_phone", "the phone field")
    DAY = testid("guest_visit_date", "the Day of visit picker")
    START = testid("guest_start_time", "the Visit start time picker")
    END = testid("guest_end_time", "the Visit end time picker")
    UNTIL = testid("guest_repeats_until", "the Repeats Until picker")
    INVITE = testid("invite_button", "the Invite Guest button")

    def fill(self, first_name: str, last_name: str, phone: str, day: date, start: time, end: time,
             repeat_days: tuple[str, ...] = (), until: date | None = None) -> None:
        """Fill the invitation."""
        self.type_into(self.FIRST_NAME, first_name)
        self.type_into(self.LAST_NAME, last_name)
        self.type_into(self.PHONE, phone)
        self.set_value(self.DAY, day.isoformat())
        self.set_value(self.START, start.strftime("%H:%M"))
        self.set_value(self.END, end.strftime("%H:%M"))
        for weekday in repeat_days:
            box = self.wait_for(testid(f"repeat_{weekday.lower()}", f"the {weekday} repeat box"))
            if not box.is_selected():
                self.click(box)
        if until is not None:
            self.set_value(self.UNTIL, until.isoformat())

    LABELS = css('[data-testid="guest_invite_form"] label', "the invitation's labels")

    def fields_asked(self) -> list[str]:
        """The invitation's fields, by label (the repeat days' own labels left out)."""
        return [text for text in self.texts_of(self.LABELS)
                if text and text.split()[0] not in ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")]

    def invite(self) -> RegisteredGuestsPage:
        """Send the invitation; the registered guests tab follows."""
        self.click_and_load(self.INVITE)
        return self.goes_to(RegisteredGuestsPage)

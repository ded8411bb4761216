"""Manual entry (/request "Entry Request", GuestVerification's first step: RequestUpdate.jsx) and observations."""

from __future__ import annotations

from collections.abc import Mapping

from .base import BasePage, css, testid, ui


class ObservationDialog(BasePage):
    """shared/dialogs/DialogWithImageUpload.jsx "Observations": a note, then where to go next."""

    MARKER = testid("entry-dialog", "the Observations dialog")
    TITLE = testid("entry-dialog-title", "the dialog's title")
    NOTE = testid("entry-dialog-field", "the Add Observation field")
    SCAN_NEXT = testid("skip_and_scan", "Skip/Save & Scan Next Entry")
    RECORD_NEXT = testid("save_and_record_other", "Skip/Save & Manually Record Next Entry")
    DASHBOARD = testid("close_go_dashboard", "Close & Go To Dashboard")
    SAVE = testid("save", "Save (the Invitations' observation dialog)")
    ACTIONS = {
        ui("Skip & Scan Next Entry"): SCAN_NEXT,
        ui("Skip & Manually Record Next Entry"): RECORD_NEXT,
        ui("Close & Go To Dashboard"): DASHBOARD,
    }
    SKIP, SAVE_WORD = ui("Skip"), ui("Save")  # the buttons' first word: "Skip" without a note, "Save" with one

    def title(self) -> str:
        """The dialog's title."""
        return self.text_of(self.TITLE)

    def add_note(self, note: str) -> None:
        """Type an observation."""
        self.type_into(self.NOTE, note)

    def buttons(self) -> list[str]:
        """The labels of the manual entry's three buttons, as written."""
        return [self.label_of(b) for b in (self.SCAN_NEXT, self.RECORD_NEXT, self.DASHBOARD)]

    def choose(self, label: str) -> None:
        """Press one of the manual entry's buttons by its label; the next page loads."""
        button = self.ACTIONS[label]
        self.wait_until(lambda _d: self.label_of(button) == label, f'the button does not say "{label}"')
        self.click_and_load(button)

    def save_and_record_next(self) -> None:
        """Save the note and go on to record the next visitor by hand ("Save & Manually Record Next Entry")."""
        self.wait_until(
            lambda _d: self.label_of(self.RECORD_NEXT).startswith(self.SAVE_WORD + " "),
            "the button does not offer to save the note",
        )
        self.click_and_load(self.RECORD_NEXT)

    def save(self) -> None:
        """Save (the Invitations' observation dialog); the page reloads."""
        self.click_and_load(self.SAVE)


class ManualEntryPage(BasePage):
    """The guard records a visitor by hand: the platform's required fields, Grant or Deny."""

    PATH = "/request"
    MARKER = testid("entry_user_name", "the Full Name field")
    FIELDS = {
        "name": testid("entry_user_name", "the Full Name field"),
        "email": testid("email", "the Email field"),
        "nrc": testid("entry_user_nrc", "the NRC field"),
        "phone number": testid("entry_user_phone", "the phone field (react-phone-input-2)"),
        "vehicle plate": testid("entry_user_vehicle", "the Vehicle Plate Number field"),
        "company": testid("companyName", "the company field"),
        "temperature": testid("temperature", "the Temperature field"),
    }
    REASON = testid("entry_user_visit", "the Reason for visit select")
    GRANT = testid("entry_user_grant", "the Grant button")
    DENY = testid("entry_user_deny", "the Deny button")
    ERRORS = css(".MuiFormHelperText-root.Mui-error", "the fields' error messages")
    # shared/CustomStepper.jsx: unlabelled step buttons (none when the form has one step); MUI marks the
    # current one's icon Mui-active.
    CURRENT_STEP = """
const steps = Array.from(document.querySelectorAll('[data-testid="step_button"]'));
const current = steps.findIndex(s => s.querySelector('.MuiStepIcon-root.Mui-active'));
return steps.length ? [current + 1, steps.length] : [1, 1];
"""
    ANSWER_SECONDS = 3.0  # how long Grant may take to show the form's messages
    PHONE_INVALID = "invalid-number"  # react-phone-input-2's class for a field it marks red

    def fill(self, visitor: Mapping[str, str]) -> None:
        """Fill in the form: field name → value ("reason" is the reason's option value, e.g. client)."""
        for field, value in visitor.items():
            if field == "reason":
                self.pick(self.REASON, value=value)
            else:
                self.type_into(self.FIELDS[field], value)

    def press_grant(self) -> None:
        """Grant: the visitor is let in and the observation dialog opens, or the form shows what is missing.

        The reference app answers with a new page; the platform answers in the page, or not at all
        when only the phone is missing (its field is red already). So the wait is for a new page,
        the dialog or messages, for a moment at most.
        """
        self.click(self.GRANT)
        try:
            self.wait_settled()  # a new page here; in place, or nothing at all, on the platform
        except LookupError:
            pass  # nothing new on the screen is an answer too: what the page shows now is read next

    def deny(self) -> None:
        """Deny: the visitor is turned away (the snackbar says so, on this page or the next)."""
        self.click(self.DENY)

    def errors(self) -> list[str]:
        """The error messages under the fields, in order."""
        return [text for text in self.texts_of(self.ERRORS) if text]

    def phone_marked_invalid(self) -> bool:
        """Whether the phone field is shown in red (it has no message of its own)."""
        field = self.wait_present(self.FIELDS["phone number"])
        return self.PHONE_INVALID in (field.get_attribute("class") or "").split()

    def value_of(self, field: str) -> str:
        """What a field holds now."""
        return self.wait_present(self.FIELDS[field]).get_attribute("value") or ""

    def current_step(self) -> tuple[int, int]:
        """Which step of the form is shown, of how many: (1, 4) with Guest Verification on, (1, 1) without."""
        current, count = self.driver.execute_script(self.CURRENT_STEP)
        return int(current), int(count)

    def reasons(self) -> list[str]:
        """The options of Reason for visit."""
        return self.options_of(self.REASON)

    def observation_asked(self) -> bool:
        """Whether the observation dialog is open now."""
        return self.is_shown(ObservationDialog.MARKER)

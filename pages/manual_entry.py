"""Manual entry at the gate and the Observations dialog that follows a decision."""
from __future__ import annotations

from typing import Mapping

from .base import BasePage, css, testid


class ManualEntryPage(BasePage):
    """The guard records a visitor by hand: Grant or Deny."""

    PATH = "/request"
    MARKER = testid("manual_entry_form", "the manual entry form")
    # The visitor's details by the words a guard uses.
    FIELDS = {
        "name": testid("entry_user_name", "the Full Name field"),
        "email": testid("email", "the Email field"),
        "nrc": testid("entry_user_nrc", "the NRC/ID field"),
        "phone": testid("entry_user_phone", "the Phone Number field"),
        "vehicle": testid("entry_user_vehicle", "the Vehicle Plate Number field"),
        "company": testid("companyName", "the Company Name field"),
        "temperature": testid("temperature", "the Temperature field"),
    }
    REASON = testid("entry_user_visit", "the Reason for visit select")
    GRANT = testid("entry_user_grant", "the Grant button")
    DENY = testid("entry_user_deny", "the Deny button")
    FIELD_ERRORS = css(".field-error", "the field errors")

    def fill_visitor(self, details: Mapping[str, str]) -> None:
        """Fill in the visitor's details (keys: name, email, nrc, phone, vehicle, company, reason, temperature)."""
        for key, value in details.items():
            if key == "reason":
                self.choose(self.REASON, value)
            elif key in self.FIELDS:
                self.type_into(self.FIELDS[key], value)
            else:
                raise KeyError(f"the manual entry form has no field {key!r} (fields: {', '.join(self.FIELDS)}, reason)")

    def grant(self) -> None:
        """Press Grant (the Observations dialog follows, or the form again with what is missing)."""
        self.click_and_load(self.GRANT)

    def deny(self) -> None:
        """Press Deny (the Observations dialog follows, or the form again with what is missing)."""
        self.click_and_load(self.DENY)

    LABELS = css('[data-testid="manual_entry_form"] label', "the form's labels")

    def required_fields(self) -> list[str]:
        """The fields marked required (*), by label."""
        return [label[:-2] for label in self.texts_of(self.LABELS) if label.endswith(" *")]

    def offers_grant_and_deny(self) -> bool:
        """Whether both decisions are offered."""
        return self.is_shown(self.GRANT) and self.is_shown(self.DENY)

    def errors(self) -> list[str]:
        """The errors the form shows now."""
        return self.texts_of(self.FIELD_ERRORS)


class ObservationDialog(BasePage):
    """"Do you have any observations you'd like to add?" after a gate decision."""

    MARKER = testid("entry-dialog", "the Observations dialog")
    FIELD = testid("entry-dialog-field", "the Add Observation field")
    RECORD_NEXT = testid("save_and_record_other", "the Manually Record Next Entry button")
    TO_LOGBOOK = testid("save_and_view_logbook", "the Go To Logbook button")
    CLOSE = testid("close_go_dashboard", "the Close & Go To Dashboard button")

    def write(self, note: str) -> None:
        """Type an observation."""
        self.type_into(self.FIELD, note)

    def save_and_record_next(self) -> None:
        """Save (or skip) and go on to record the next visitor by hand."""
        self.click_and_load(self.RECORD_NEXT)

    def save_and_go_to_logbook(self) -> None:
        """Save (or skip) and open the logbook."""
        self.click_and_load(self.TO_LOGBOOK)

    def close(self) -> None:
        """Close without saving and go to the dashboard."""
        self.click_and_load(self.CLOSE)

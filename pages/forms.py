"""Forms: the list of forms, the form builder, filling a form in, and the form's entries."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable

from selenium.webdriver.remote.webelement import WebElement
from selenium.webdriver.support.ui import Select

from .base import BasePage, css, testid, text_in


@dataclass(frozen=True)
class FormCard:
    """One form in the list."""

    title: str
    status: str


@dataclass(frozen=True)
class EntryRow:
    """One submission in Form Entries."""

    submitted_by: str
    date: str
    status: str


class FormsPage(BasePage):
    """Forms: admins see every form and "Create a form"; others see the published forms to fill in."""

    PATH = "/forms"
    MARKER = css('body[data-page="forms"]', "the forms page")
    CREATE = testid("new-permit-request-form-btn", "the Create a form button")
    CARDS = testid("form_card", "the forms")
    EMPTY = testid("no-form-available", "the no-forms message")

    def can_create_form(self) -> bool:
        """Whether "Create a form" is offered."""
        return self.is_shown(self.CREATE)

    def empty_message(self) -> str:
        """What the page says when there are no forms."""
        return self.text_of(self.EMPTY)

    def forms(self) -> list[FormCard]:
        """The forms listed, newest first."""
        return [FormCard(text_in(c, "form_title"), text_in(c, "form_status")) for c in self.find_all(self.CARDS)]

    def _card(self, title: str) -> WebElement:
        for card in self.find_all(self.CARDS):
            if text_in(card, "form_title") == title:
                return card
        raise AssertionError(f"no form {title!r} among {[f.title for f in self.forms()]}")

    def create_form(self) -> "FormCreatePage":
        """Start a new form."""
        self.click_and_load(self.CREATE)
        return self.goes_to(FormCreatePage)

    def open_form(self, title: str) -> "FormSubmitPage":
        """Open a published form to fill it in."""
        self.click_and_load(self._card(title).find_element("css selector", '[data-testid="form_title"]'))
        return self.goes_to(FormSubmitPage)

    def open_entries(self, title: str) -> "FormEntriesPage":
        """Open a form's entries."""
        self.click_and_load(self._card(title).find_element("css selector", '[data-testid="community_form"]'))
        return self.goes_to(FormEntriesPage)


class FormCreatePage(BasePage):
    """Create a form: title and description."""

    MARKER = testid("form_create_form", "the new form's details")
    TITLE = testid("title", "the Title field")
    DESCRIPTION = testid("description", "the Description field")
    CREATE = testid("submit", "the Create button")
    ERRORS = css(".field-error", "the field errors")

    def create(self, title: str, description: str) -> "FormEditPage":
        """Create the form; its builder follows."""
        self.type_into(self.TITLE, title)
        self.type_into(self.DESCRIPTION, description)
        self.click_and_load(self.CREATE)
        return self.goes_to(FormEditPage)


class FormEditPage(BasePage):
    """The form builder: add fields (name, type, options, required), then Publish."""

    MARKER = css('body[data-page="form-edit"]', "the form builder")
    NAME = testid("field_name", "the field name")
    TYPE = testid("field_type", "the field type select")
    OPTIONS = testid("field_options", "the field's options (one per line)")
    REQUIRED = testid("field_required", "the Required switch")
    ADD = testid("form_property_action_btn", "the Add Field button")
    PUBLISH = testid("publish_form_btn", "the Publish button")
    PROPERTIES = testid("form_property", "the form's fields")
    ERRORS = css(".field-error", "the field errors")

    def _fill_field(self, name: str, field_type: str, required: bool, options: Iterable[str]) -> None:
        self.type_into(self.NAME, name)
        self.choose(self.TYPE, field_type)
        options = list(options)
        if options:
            self.type_into(self.OPTIONS, "\n".join(options))
        box = self.wait_for(self.REQUIRED)
        if box.is_selected() != required:
            self.click(box)

    def add_field(self, name: str, field_type: str, required: bool = False, options: Iterable[str] = ()) -> None:
        """Add a field (type: text, date, dropdown, radio or checkbox)."""
        self._fill_field(name, field_type, required, options)
        self.click_and_load(self.ADD)
        self.wait_loaded()
        if self.find_all(self.ERRORS):
            raise AssertionError(f"the field {name!r} was refused: {self.texts_of(self.ERRORS)}")

    def add_field_expecting_errors(self, name: str, field_type: str, required: bool = False,
                                   options: Iterable[str] = ()) -> list[str]:
        """Add a field the builder must refuse; the errors shown."""
        self._fill_field(name, field_type, required, options)
        self.click_and_load(self.ADD)
        self.wait_loaded()
        return self.texts_of(self.ERRORS)

    def field_names(self) -> list[str]:
        """The form's fields, in order."""
        return [p.get_attribute("data-field-name") for p in self.find_all(self.PROPERTIES)]

    def publish(self) -> FormsPage:
        """Publish the form; the forms list follows."""
        self.click_and_load(self.PUBLISH)
        return self.goes_to(FormsPage)


class FormSubmitPage(BasePage):
    """A form to fill in and submit."""

    MARKER = testid("form_submit_form", "the form to fill in")
    FIELDS = testid("form_field", "the form's fields")
    SUBMIT = testid("submit_form_btn", "the Submit button")
    MESSAGE = testid("form_message", "the message above the form")

    def field_names(self) -> list[str]:
        """The fields the form asks for, in order."""
        return [f.get_attribute("data-field-name") for f in self.find_all(self.FIELDS)]

    def _field(self, name: str) -> WebElement:
        for field in self.find_all(self.FIELDS):
            if field.get_attribute("data-field-name") == name:
                return field
        raise AssertionError(f"the form has no field {name!r}; it has {self.field_names()}")

    def fill(self, name: str, value: str) -> None:
        """Answer one field; checkbox answers are written "A, B"."""
        field = self._field(name)
        kind = field.get_attribute("data-field-type")
        if kind in ("text", "date"):
            control = css(f'#{field.find_element("css selector", "input").get_attribute("id")}', f"the {name} field")
            if kind == "text":
                self.type_into(control, value)
            else:
                self.set_value(control, value)  # an ISO date, as the picker would set it
        elif kind == "dropdown":
            Select(field.find_element("css selector", "select")).select_by_visible_text(value)
        else:
            wanted = {v.strip() for v in value.split(",")} if kind == "checkbox" else {value}
            choices = field.find_elements("css selector", "input")
            missing = wanted - {c.get_attribute("value") for c in choices}
            if missing:
                raise AssertionError(f"{name!r} offers no {sorted(missing)}")
            for choice in choices:
                if (choice.get_attribute("value") in wanted) != choice.is_selected():
                    self.click(choice)

    def submit(self) -> None:
        """Press Submit (the forms list follows, or this form again with what is wrong)."""
        self.click_and_load(self.SUBMIT)

    def message(self) -> str:
        """The message above the form after a refused submission."""
        return self.text_of(self.MESSAGE)

    def errors(self) -> dict[str, str]:
        """The error at each field, by field name."""
        out = {}
        for field in self.find_all(self.FIELDS):
            text = text_in(field, "field_error")
            if text:
                out[field.get_attribute("data-field-name")] = text
        return out


class FormEntriesPage(BasePage):
    """Form Entries: Date of Submission, Submitted by, Status."""

    MARKER = css('body[data-page="form-entries"]', "the form's entries")
    ROWS = testid("form_entry", "the entries")

    def entries(self) -> list[EntryRow]:
        """The submissions, newest first."""
        return [EntryRow(text_in(r, "entry_submitted_by"), text_in(r, "entry_date"), text_in(r, "status"))
                for r in self.find_all(self.ROWS)]

    def open_entry(self, index: int = 0) -> "FormEntryPage":
        """Open one entry (the newest by default)."""
        rows = self.find_all(self.ROWS)
        if len(rows) <= index:
            raise AssertionError(f"there are only {len(rows)} entries")
        self.click_and_load(rows[index].find_element("css selector", '[data-testid="status"]'))
        return self.goes_to(FormEntryPage)


class FormEntryPage(BasePage):
    """One entry with the values submitted."""

    MARKER = testid("entry_values", "the entry's values")
    VALUES = testid("entry_value", "the values")

    def values(self) -> dict[str, str]:
        """The values by field name, in the form's order."""
        return {text_in(v, "entry_field"): text_in(v, "entry_answer") for v in self.find_all(self.VALUES)}

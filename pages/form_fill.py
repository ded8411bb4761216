"""Forms, the people's side: Submit a Form (and its Contract Preview), Form Entries, one submission, My Form.

Where the platform gives a field no test id of its own (date and time pickers, radio and checkbox
groups), fields are found by their label, as a person finds them; READ_FIELDS reads every field of a
form in one script call.
"""

from __future__ import annotations

from datetime import datetime

from selenium.webdriver.common.by import By

from .base import BasePage, Locator, comma_list, css, testid, ui
from .components import ErrorPage

READ_FIELDS = """
const root = document.querySelector('[data-testid="category-list-container"], #form_update_container');
if (!root) return [];
const name = el => (el ? el.textContent : '').replace(/[\\s\\u2009]*\\*?[\\s\\u2009]*$/, '').trim();
// An option's words: its label beside the box (a checkbox's value is "on" on the platform).
const choice = i => { const l = i.closest('.MuiFormControlLabel-root'); return l ? l.textContent.trim() : i.value; };
const out = [];
for (const control of root.querySelectorAll('fieldset.MuiFormControl-root, div.MuiFormControl-root')) {
  if (control.closest('[data-testid="form_property_submit"]')) continue;  // the builder's field form
  if (control.matches('fieldset')) {
    const ticked = Array.from(control.querySelectorAll('input:checked')).map(choice);
    out.push({name: name(control.querySelector('legend, .MuiFormLabel-root')), value: ticked.join(', ')});
    continue;
  }
  const label = control.querySelector('label');
  const input = control.querySelector('input.MuiSelect-nativeInput, textarea, input');
  if (label && input) out.push({name: name(label), value: (input.value || '').replace('T', ' ')});
}
return out;
"""
FIND_FIELD = """
const [wanted] = arguments;
const root = document.querySelector('[data-testid="category-list-container"]');
const name = el => (el ? el.textContent : '').replace(/[\\s\\u2009]*\\*?[\\s\\u2009]*$/, '').trim();
const byId = root.querySelector(`[data-testid="${CSS.escape(wanted)}-id"]`);
if (byId) return [byId.matches('.MuiSelect-nativeInput') ? 'select' : 'text', byId];
for (const group of root.querySelectorAll('fieldset.MuiFormControl-root'))
  if (name(group.querySelector('legend, .MuiFormLabel-root')) === wanted) return ['choice', group];
for (const label of root.querySelectorAll('div.MuiFormControl-root > label')) {
  const control = label.parentNode;
  if (name(label) === wanted) return ['picker', control.querySelector('input'), control.dataset.testid];
}
return null;
"""
# The messages under the fields: red under text fields, choices and selects; a date or time picker's
# "<name> is Required" is its field's plain helper text (DatePickerDialog.jsx sets no error state).
ERRORS = css('[data-testid="category-list-container"] .MuiFormHelperText-root', "the messages under the fields")


def picker_text(picker: str, value: str) -> tuple[str, bool | None]:
    """What to type into a picker's text view for a feature's value, and whether to pick PM after (the
    date-with-time picker's text view takes hours 01-12 without AM / PM): DatePickerDialog "yyyy-MM-dd",
    ThemedTimePicker "hh:mm AM", DateAndTimePickers "yyyy/MM/dd hh:mm"."""
    if picker == "time_picker":
        return datetime.strptime(value, "%H:%M").strftime("%I:%M %p"), None
    if picker == "datetime-picker":
        moment = datetime.strptime(value, "%Y-%m-%d %H:%M")
        return moment.strftime("%Y/%m/%d %I:%M"), moment.hour >= 12
    return value, None


def shown_value(text: str) -> str:
    """A picker's value as its field shows it, in the features' words: "09:30 AM" → "09:30",
    "2026/12/01 05:15 PM" → "2026-12-01 17:15"; a date with time shown without AM / PM keeps its 01-12 hour."""
    text = " ".join(text.split())
    for shown, written in (
        ("%I:%M %p", "%H:%M"),
        ("%Y/%m/%d %I:%M %p", "%Y-%m-%d %H:%M"),
        ("%Y/%m/%d %I:%M", "%Y-%m-%d %H:%M"),
    ):
        try:
            return datetime.strptime(text, shown).strftime(written)
        except ValueError:
            continue
    return text


def titled(text: str) -> Locator:
    """The page titled `text` (shared/PageWrapper.jsx page_title)."""
    return Locator(By.XPATH, f'//*[@data-testid="page_title"][normalize-space()="{text}"]', f'the "{text}" page')


class FormFields(BasePage):
    """A form's fields as shown (RenderForm.js), in the builder, to fill in, or with someone's answers."""

    def answers(self) -> dict[str, str]:
        """Every field's value by field name (ticked options joined with ", "; times as the features write them)."""
        return {f["name"]: shown_value(f["value"]) for f in self.driver.execute_script(READ_FIELDS)}

    def field_names(self) -> list[str]:
        """The fields, in the order the form shows them."""
        return [f["name"] for f in self.driver.execute_script(READ_FIELDS)]


class SubmitFormPage(FormFields):
    """Submit a Form (/form/<id>/private): fill in, Save as Draft, Submit, and the Contract Preview."""

    MARKER = testid("submit_form_btn", "the Submit button")
    SUBMIT = MARKER
    DRAFT = testid("save_as_draft", "the Save as Draft button")
    PREVIEW = css(".MuiDialog-root:not([hidden])", "the preview")
    PREVIEW_TITLE = css(".MuiDialog-root:not([hidden]) .MuiDialogTitle-root", "the preview's title")
    PREVIEW_TEXT = testid("markdown_previewer", "the preview's text")
    CONFIRM = testid("confirm_contract", "the preview's Confirm button")

    def wait_loaded(self) -> SubmitFormPage:
        """The form once its fields are drawn (the platform draws Submit first, then fetches the fields:
        a form submitted before then is sent without them)."""
        super().wait_loaded()
        self.wait_until(lambda d: d.execute_script(READ_FIELDS), "the form's fields were not shown")
        return self

    def answer(self, name: str, value: str) -> None:
        """Answer one field; a checkbox answer is written "A, B", a time "HH:MM", a date with time
        "YYYY-MM-DD HH:MM" (24-hour clock)."""
        found = self.wait_until(lambda d: d.execute_script(FIND_FIELD, name), f'the form has no field "{name}"')
        kind, element = found[0], found[1]
        if kind == "text":
            self.type_into(css(f'[data-testid="{name}-id"]', f'the "{name}" field'), value)
        elif kind == "select":
            self.pick(css(f'[data-testid="{name}-id"]', f'the "{name}" field'), value=value)
        elif kind == "picker":
            typed, pm = picker_text(found[2], value)
            self.choose_in_picker(element, typed, pm)
        else:
            wanted = set(comma_list(value))
            for option in element.find_elements(By.CSS_SELECTOR, "label.MuiFormControlLabel-root"):
                box = option.find_element(By.CSS_SELECTOR, "input")
                if (option.text.strip() in wanted) != box.is_selected():
                    self.click(option)  # the label: MUI draws the box over an invisible native input

    def submit(self) -> SubmitFormPage:
        """Submit (the same page follows: emptied, with its errors, or with the preview open)."""
        self.click_and_load(self.SUBMIT)
        return self.goes_to(SubmitFormPage)

    def save_as_draft(self) -> SubmitFormPage:
        """Save as Draft."""
        self.click_and_load(self.DRAFT)
        return self.goes_to(SubmitFormPage)

    def errors(self) -> list[str]:
        """The messages under the fields."""
        return [text for text in self.texts_of(ERRORS, visible=True) if text]

    def preview(self) -> tuple[str, str]:
        """The open preview's title and text."""
        return self.text_of(self.PREVIEW_TITLE), " ".join(self.text_of(self.PREVIEW_TEXT).split())

    def confirm(self) -> SubmitFormPage:
        """Confirm the contract: the form is submitted."""
        self.click_and_load(self.CONFIRM)
        return self.goes_to(SubmitFormPage)


class FormUnavailablePage(BasePage):
    """A form's address (/form/<id>/private): the form to fill in, or containers/FormPage.jsx's message
    instead of it (centred, as CenteredContent; the same centring holds the spinners while it loads)."""

    MESSAGE = Locator(  # not the app bar's (the community's name is centred there too)
        By.XPATH, '//*[@data-testid="centered_content"][not(ancestor::header)]', "the centred message"
    )
    FORM = testid("submit_form_btn", "the form's Submit button")

    def message(self) -> str:
        """What the page says instead of the form; '' when it shows the form to fill in."""

        def said(_d: object) -> list[str] | None:
            if self.is_shown(self.FORM):
                return [""]
            texts = [t for t in self.texts_of(self.MESSAGE, visible=True) if t]
            return texts[:1] or None

        return self.wait_until(said, "the form's page showed neither the form nor a message")[0]


class FormEntriesPage(BasePage):
    """Form Entries (components/FormEntries.jsx): Date of Submitted, Version Number, Submitted By, Status."""

    MARKER = titled(ui("Form Entries"))
    ROW = ':is(div):has(> [data-testid="submitted_on"])'
    NONE = Locator(
        By.XPATH,
        f'//*[@data-testid="centered_content"][normalize-space()="{ui("No Form Entries Available")}"]',
        "the no-entries message",
    )

    def entries(self) -> list[dict[str, str]]:
        """The entries, newest first."""
        return self.rows(
            self.ROW, {"date": "submitted_on", "version": "versionNumber", "by": "submitted_by", "status": "status"}
        )

    def entries_once_loaded(self) -> list[dict[str, str]]:
        """The entries, newest first, once the list has loaded (none when it says "No Form Entries Available")."""
        return self.wait_until(
            lambda _d: (
                [self.entries()] if self.find_all(css(self.ROW, "an entry")) or self.is_shown(self.NONE) else None
            ),
            "the entries did not load",
        )[0]

    def open_entry(self, index: int = 0) -> FormFields:
        """Open one entry (its status, as the platform's spec does): the submission's answers."""
        cells = self.find_all(testid("status", "the entries' statuses"))
        if len(cells) <= index:
            raise LookupError(f"there are only {len(cells)} entries; the screen shows {self.screen()}")
        self.click_and_load(cells[index])
        return self.goes_to(SubmissionPage)


class SubmissionPage(FormFields):
    """One person's answers to a form (/user_form/<user>/<submission>, components/FormUpdate.jsx)."""

    MARKER = css("#form_update_container form", "the submitted form (once loaded)")
    # What the page says in place of the answers when the platform refuses its queries (CenteredContent).
    REFUSAL = Locator(
        By.XPATH, '//*[@id="form_update_container"]//*[@data-testid="centered_content"]', "the page's refusal"
    )

    def answers_once_answered(self) -> dict[str, str]:
        """The answers the page shows once it has answered its address: none when it refuses (the not-found page,
        or the platform's words in place of the form)."""
        error = ErrorPage(self.driver, self.base_url, self.timeout)

        def answered(driver: object) -> list[dict[str, str]] | None:
            if error.is_current() or self.is_shown(self.REFUSAL):
                return [{}]
            return [self.answers()] if self.is_current() and self.field_names() else None

        return self.wait_until(answered, "the page showed neither someone's answers nor a refusal")[0]


class MyFormsPage(BasePage):
    """My Forms (/myforms, Users/Components/UserFilledForms.jsx): "Submit Form" (a split button listing the
    forms the person may fill in, in a Popper menu) and the person's own submitted forms and drafts.
    "No Forms" says the person has none of their own yet; it says nothing of the forms to fill in."""

    PATH = "/myforms"
    # Its heading "My Forms" (menu.form, plural) is drawn once the person's forms have loaded (a spinner before).
    MARKER = Locator(By.XPATH, f'//h6[normalize-space()="{ui("My Forms")}"]', "the My Forms list")
    SUBMIT_FORM = css('[data-testid="button"] button:first-child', "the Submit Form button")
    # The arrow's test id is a default of SelectButton.jsx (`testId || 'arrow-icon'`): its class is its own.
    ARROW = css('[data-testid="button"] .option_menu_toggler', "the Submit Form button's arrow")
    OFFERED = css('[data-testid="select_option"] li[role="menuitem"]', "the forms offered")
    NO_FORMS = Locator(By.XPATH, f'//*[normalize-space(text())="{ui("No Forms")}"]', "the no-forms message")

    def submit_label(self) -> str:
        """The label of the button that offers the forms to fill in."""
        return self.label_of(self.SUBMIT_FORM)

    def offered(self) -> list[str]:
        """The forms offered to fill in (opens and closes the Submit Form menu)."""
        self.click(self.ARROW)
        self.wait_for(css('[data-testid="select_option"]', "the forms offered"))
        names = self.texts_of(self.OFFERED)
        self.click(self.ARROW)
        self.wait_gone(css('[data-testid="select_option"]', "the forms offered"))
        return names

    def own_forms(self) -> list[dict[str, str]]:
        """The person's submitted forms and drafts, newest first."""
        return self.rows('[data-testid="form_user_item"]', {"name": "disc_title", "submitted": "submitted_at"})

    def no_forms_text(self) -> str:
        """What the page says when the person has no forms of their own ('' when it lists some)."""
        return self.text_of(self.NO_FORMS) if self.is_shown(self.NO_FORMS) else ""

    def open_form(self, name: str) -> SubmitFormPage:
        """Submit Form › the form (the newest of that name): the form to fill in."""
        self.click(self.ARROW)
        self.click_and_load(
            Locator(
                By.XPATH,
                f'(//*[@data-testid="select_option"]//li[@role="menuitem"][normalize-space()="{name}"])[1]',
                f'the form "{name}" among the forms offered',
            )
        )
        return self.goes_to(SubmitFormPage)

    def open_own(self, name: str) -> SubmissionPage:
        """One of the person's own forms, with their answers (/user_form/<person>/<submission>)."""
        self.click_and_load(
            Locator(
                By.XPATH,
                f'(//*[@data-testid="form_user_item"][.//*[@data-testid="disc_title"][normalize-space()="{name}"]])[1]',
                f'"{name}" among the person\'s own forms',
            )
        )
        return self.goes_to(SubmissionPage)

"""Forms, the people's side: Submit a Form (and its Contract Preview), Form Entries, one submission, My Form.

Where the platform gives a field no test id of its own (date and time pickers, radio and checkbox
groups), fields are found by their label, as a person finds them; READ_FIELDS reads every field of a
form in one script call.
"""

from __future__ import annotations

from selenium.webdriver.common.by import By

from .base import BasePage, Locator, comma_list, css, element_id, testid, ui

READ_FIELDS = """
const root = document.querySelector('[data-testid="category-list-container"]');
if (!root) return [];
const name = el => (el ? el.textContent : '').replace(/[\\s\\u2009]*\\*?[\\s\\u2009]*$/, '').trim();
const out = [];
for (const control of root.querySelectorAll('fieldset.MuiFormControl-root, div.MuiFormControl-root')) {
  if (control.closest('[data-testid="form_property_submit"]')) continue;  // the builder's field form
  if (control.matches('fieldset')) {
    const ticked = Array.from(control.querySelectorAll('input:checked')).map(i => i.value);
    out.push({name: name(control.querySelector('legend')), value: ticked.join(', ')});
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
  if (name(group.querySelector('legend')) === wanted) return ['choice', group];
for (const label of root.querySelectorAll('div.MuiFormControl-root > label'))
  if (name(label) === wanted) return ['picker', label.parentNode.querySelector('input')];
return null;
"""
ERRORS = css('[data-testid="category-list-container"] .MuiFormHelperText-root.Mui-error', "the fields' errors")


def titled(text: str) -> Locator:
    """The page titled `text` (shared/PageWrapper.jsx page_title)."""
    return Locator(By.XPATH, f'//*[@data-testid="page_title"][normalize-space()="{text}"]', f'the "{text}" page')


class FormFields(BasePage):
    """A form's fields as shown (RenderForm.js), in the builder, to fill in, or with someone's answers."""

    def answers(self) -> dict[str, str]:
        """Every field's value by field name (ticked options joined with ", ")."""
        return {f["name"]: f["value"] for f in self.driver.execute_script(READ_FIELDS)}

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
    PREVIEW_TEXT = css(".MuiDialog-root:not([hidden]) .MuiDialogContent-root .MuiContainer-root", "the preview's text")
    CONFIRM = testid("confirm_contract", "the preview's Confirm button")

    def answer(self, name: str, value: str) -> None:
        """Answer one field; a checkbox answer is written "A, B", a date with time "YYYY-MM-DD HH:MM"."""
        found = self.wait_until(lambda d: d.execute_script(FIND_FIELD, name), f'the form has no field "{name}"')
        kind, element = found
        if kind == "text":
            self.type_into(css(f'[data-testid="{name}-id"]', f'the "{name}" field'), value)
        elif kind == "select":
            self.pick(css(f'[data-testid="{name}-id"]', f'the "{name}" field'), value=value)
        elif kind == "picker":
            self.driver.execute_script(
                "arguments[0].value = arguments[1]; arguments[0].dispatchEvent(new Event('change', {bubbles: true}));",
                element,
                value.replace(" ", "T") if element.get_attribute("type") == "datetime-local" else value,
            )
        else:
            wanted = set(comma_list(value))
            for choice in element.find_elements(By.CSS_SELECTOR, "input"):
                if (choice.get_attribute("value") in wanted) != choice.is_selected():
                    self.click(choice)

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
        return self.texts_of(ERRORS)

    def preview(self) -> tuple[str, str]:
        """The open preview's title and text."""
        return self.text_of(self.PREVIEW_TITLE), " ".join(self.text_of(self.PREVIEW_TEXT).split())

    def confirm(self) -> SubmitFormPage:
        """Confirm the contract: the form is submitted."""
        self.click_and_load(self.CONFIRM)
        return self.goes_to(SubmitFormPage)


class FormUnavailablePage(BasePage):
    """containers/FormPage.jsx's message for a form that cannot be shown."""

    MARKER = testid("centered_content", "the centred message")

    def message(self) -> str:
        """What it says."""
        return self.text_of(self.MARKER)


class FormEntriesPage(BasePage):
    """Form Entries (components/FormEntries.jsx): Date of Submitted, Version Number, Submitted By, Status."""

    MARKER = titled(ui("Form Entries"))
    EMPTY = testid("centered_content", "the no-entries message")
    ROW = ':is(div):has(> [data-testid="submitted_on"])'

    def entries(self) -> list[dict[str, str]]:
        """The entries, newest first."""
        return self.rows(
            self.ROW, {"date": "submitted_on", "version": "versionNumber", "by": "submitted_by", "status": "status"}
        )

    def empty_message(self) -> str:
        """What the page says without entries."""
        return self.text_of(self.EMPTY)

    def open_entry(self, index: int = 0) -> FormFields:
        """Open one entry (its status, as the platform's spec does): the submission's answers."""
        cells = self.find_all(testid("status", "the entries' statuses"))
        if len(cells) <= index:
            raise LookupError(f"there are only {len(cells)} entries; the screen shows {self.screen()}")
        self.click_and_load(cells[index])
        return self.goes_to(SubmissionPage)


class SubmissionPage(FormFields):
    """One person's answers to a form (/user_form/<user>/<submission>)."""

    MARKER = element_id("form_update_container", "the submitted form")


class MyFormsPage(BasePage):
    """My Form (/myforms): the forms offered to fill in, and the person's own forms and drafts."""

    PATH = "/myforms"
    MARKER = titled(ui("My Form"))
    EMPTY = testid("no-form-available", "the no-forms message")

    def offered(self) -> list[str]:
        """The forms offered to fill in."""
        return [r["name"] for r in self.rows('[data-testid="community_form"]', {"name": "form_name"})]

    def own_forms(self) -> list[dict[str, str]]:
        """The person's submitted forms and drafts, newest first."""
        return self.rows(
            '[data-testid="form_user_item"]',
            {"name": "disc_title", "submitted": "submitted_at", "status": "css:.MuiChip-label"},
        )

    def no_forms_text(self) -> str:
        """What the list of forms to fill in says when it is empty ('' when it lists forms)."""
        return self.text_of(self.EMPTY) if self.is_shown(self.EMPTY) else ""

    def open_form(self, name: str) -> SubmitFormPage:
        """Open a form to fill it in (the newest of that name)."""
        self.click_and_load(
            Locator(
                By.XPATH,
                f'(//*[@data-testid="community_form"]//*[@data-testid="form_name"][normalize-space()="{name}"])[1]',
                f'the form "{name}"',
            )
        )
        return self.goes_to(SubmitFormPage)

"""Manage Forms (modules/Forms): the forms list, Create a Form and the builder (Configure Form)."""

from __future__ import annotations

from selenium.webdriver.common.by import By

from .base import BasePage, Locator, css, testid, ui
from .form_fill import FormEntriesPage, FormFields, titled

# A field is added once the field form has moved on to the next field's Order Number (the platform resets the
# form in the same moment it shows its message; a field typed before then is lost) or has closed.
FIELD_FORM_MOVED_ON = (
    'const i = document.querySelector(\'[data-testid="form_property_submit"] input[name="order"]\');'
    " return !i || i.value !== arguments[0];"
)


class FormsPage(BasePage):
    """Manage Forms (/forms, components/FormList.jsx): every form, its menu, Create a form."""

    PATH = "/forms"
    MARKER = css(".new-permit-request-form-btn", "the Create a form button")
    CREATE = MARKER
    FORMS = testid("forms-link-holder", "the list of forms")
    EMPTY = testid("no-form-available", "the no-forms message")
    PROCEED = testid("proceed_button", "the confirmation's Proceed button")

    def create_label(self) -> str:
        """The label of the button that starts a new form."""
        return self.label_of(self.CREATE)

    def form_names(self) -> list[str]:
        """The forms listed, newest first."""
        return [r["name"] for r in self.rows('[data-testid="community_form"]', {"name": "form_name"})]

    def includes(self, name: str) -> bool:
        """Whether the form is listed, once the list has caught up (the platform shows the forms it has
        kept, then the ones it fetches again)."""
        try:
            self.wait_until(lambda _d: name in self.form_names(), f'"{name}" is not listed')
        except LookupError:
            return False
        return True

    def _form(self, name: str) -> Locator:
        return Locator(
            By.XPATH,
            f'(//*[@data-testid="community_form"][.//*[@data-testid="form_name"][normalize-space()="{name}"]])[1]',
            f'the form "{name}" in the list',
        )

    def start_form(self) -> FormCreatePage:
        """Create a form."""
        self.click_and_load(self.CREATE)
        return self.goes_to(FormCreatePage)

    def open_builder(self, name: str) -> FormBuilderPage:
        """The form's menu › Edit: the builder (the newest form of that name)."""
        self.click(self.wait_for(self._form(name)).find_element(By.CSS_SELECTOR, ".form-menu-open-btn"))
        self.click_and_load(css(".edit-form-btn", "the menu's Edit"))
        return self.goes_to(FormBuilderPage)

    def open_entries(self, name: str) -> FormEntriesPage:
        """A click on the form opens its entries."""
        self.click_and_load(self.wait_for(self._form(name)).find_element(By.CSS_SELECTOR, '[data-testid="form_name"]'))
        return self.goes_to(FormEntriesPage)


class FormCreatePage(BasePage):
    """Create a Form (/forms/create, components/FormCreate.jsx on the "Forms" page: no title of its own)."""

    TITLE = testid("title", "the Form Title field")
    MARKER = TITLE
    DESCRIPTION = testid("description", "the Form Description field")
    PREVIEW = css(".form-previewbale-switch-btn", "the Should have a preview switch")
    SUBMIT = testid("submit", "the Submit button")
    LABELS = css(".MuiInputLabel-root", "the fields' labels")
    SWITCHES = css(".MuiFormControlLabel-label", "the switches' labels")

    def field_labels(self) -> list[str]:
        """The labels of the text and date fields, as written."""
        return [" ".join(label.replace("*", "").split()) for label in self.texts_of(self.LABELS, written=True)]

    def switch_labels(self) -> list[str]:
        """The labels of the switches."""
        return self.texts_of(self.SWITCHES)

    def create(self, title: str, description: str, preview: bool = False) -> FormsPage:
        """Fill in the form's details and Submit: back to the forms list."""
        self.type_into(self.TITLE, title)
        self.type_into(self.DESCRIPTION, description)
        if preview:
            self.click(self.PREVIEW)
        self.click_and_load(self.SUBMIT)
        return self.goes_to(FormsPage)


class FormBuilderPage(FormFields):
    """Configure Form (components/FormBuilder.jsx + Category/Form.jsx): categories, fields, publishing."""

    MARKER = titled(ui("Configure Form"))
    ADD_CATEGORY = testid("add_category", "the Add Category button")
    CATEGORY_DIALOG = testid("dialog", "the category dialog")
    CATEGORY_NAME = testid("name", "the category's Name")
    CATEGORY_DESCRIPTION = testid("description", "the category's Description")
    RENDERED_TEXT = testid("rendered_text", "the category's Rendered Text")
    HEADER_VISIBLE = css(".form-category-header-visible-switch-btn", "the Visible Header switch")
    SAVE_CATEGORY = testid("custom-dialog-button", "the category dialog's Save button")
    PROPERTY_FORM = testid("form_property_submit", "the field form")
    FIELD_NAME = testid("field_name", "the Field Name")
    FIELD_TYPE = testid("field_type_selector", "the Field Type select")
    ADD_OPTION = css(".form-property-field-type-option-add-btn", "the Add Option button")
    REQUIRED = css(".form-property-required-field-switch-btn input", "the This field is required switch")
    ADD_PROPERTY = testid("form_property_action_btn", "the Add Property button")
    ORDER = css('[data-testid="form_property_submit"] input[name="order"]', "the field form's Order Number")
    PUBLISH = testid("publishing", "the Publish form button")
    PROCEED = testid("proceed_button", "the confirmation's Proceed button")
    CONFIRMATION = css(".MuiDialog-root:not([hidden]) .MuiDialogContent-root", "the confirmation's message")

    def add_category(self, name: str, description: str, rendered_text: str = "") -> FormBuilderPage:
        """Add Category: its name and description (both required), the text its preview shows, header
        visible; Save."""
        self.click(self.ADD_CATEGORY)
        self.wait_for(self.CATEGORY_DIALOG)
        self.type_into(self.CATEGORY_NAME, name)
        self.type_into(self.CATEGORY_DESCRIPTION, description)
        if rendered_text:
            self.type_into(self.RENDERED_TEXT, rendered_text)
        self.click(self.HEADER_VISIBLE)
        self.click_and_load(self.SAVE_CATEGORY)
        return self.goes_to(FormBuilderPage)

    def _in_category(self, category: str, test_id: str, what: str) -> Locator:
        """An element of the category so named (the platform gives a category no test id of its own)."""
        return Locator(
            By.XPATH,
            f'//*[@data-testid="category-list-container"]//*[normalize-space()="{category}"]'
            f'/ancestor::*[.//*[@data-testid="add_property"]][1]//*[@data-testid="{test_id}"]',
            f'{what} of the category "{category}"',
        )

    def add_field(self, category: str, name: str, field_type: str, required: bool, options: list[str]) -> None:
        """Add Property to a category: name, type (by value), options, the required switch."""
        if not self.is_shown(self._in_category(category, "form_property_submit", "the field form")):
            self.click_and_load(self._in_category(category, "add_property", "the add-a-field button"))
        order = self.wait_present(self.ORDER).get_attribute("value")
        self.type_into(self.FIELD_NAME, name)
        self.pick(self.FIELD_TYPE, value=field_type)
        for i, option in enumerate(options):
            if i:
                self.click(self.ADD_OPTION)
            self.type_into(css(f".form-property-field-type-option-txt-input-{i}", f"option {i + 1}"), option)
        switch = self.wait_present(self.REQUIRED)
        if switch.is_selected() != required:
            self.click(css(".form-property-required-field-switch-btn", "the This field is required switch"))
        self.click_and_load(self.ADD_PROPERTY)
        self.wait_until(lambda d: d.execute_script(FIELD_FORM_MOVED_ON, order), f'the field "{name}" was not added')

    def wait_field_shown(self, name: str) -> None:
        """Wait until the form shows a field of that name (the platform draws a new field once it has
        fetched the form's fields again)."""
        self.wait_until(lambda _d: name in self.field_names(), f'the field "{name}" is not shown')

    def ask_to_publish(self) -> str:
        """Publish form, leaving its confirmation open: the confirmation's message."""
        # The builder draws its categories and fields once they have loaded, moving the button down: a press
        # aimed at it before then lands where it was (seen on the platform under load: no confirmation).
        self.arm()
        self.wait_settled()
        self.click(self.PUBLISH)
        return self.text_of(self.CONFIRMATION)

    def publish(self) -> str:
        """Publish form, confirming: the confirmation's message."""
        message = self.ask_to_publish()
        self.click_and_load(self.PROCEED)
        return message

"""Forms set up through the platform's GraphQL (formCreate, categoryCreate, formPropertiesCreate, formUpdate),
the field tables the features write in the builder's words, and what the Forms steps (steps/forms_*_steps.py)
do on screen in a few page-object calls."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from pages.base import comma_list
from pages.components import Snackbar
from pages.form_fill import SubmitFormPage
from pages.forms import FormBuilderPage, FormsPage
from prodready.scenario.tables import assert_rows

# Made for clients (Create a Form's "Select Roles"): the platform offers Submit only to the roles chosen.
FORM_CREATE = """mutation formCreate($name: String!, $description: String, $preview: Boolean!) {
  formCreate(name: $name, description: $description, preview: $preview, isPublic: false,
             multipleSubmissionsAllowed: true, hasTermsAndConditions: false, roles: ["client"]) {
    form { id name status }
  }
}"""
CATEGORY_CREATE = """mutation categoryCreate($formId: ID!, $fieldName: String!, $renderedText: String) {
  categoryCreate(formId: $formId, fieldName: $fieldName, order: 1, headerVisible: true, general: false,
                 renderedText: $renderedText) { category { id fieldName } }
}"""
PROPERTY_CREATE = """mutation formPropertiesCreate($formId: ID!, $categoryId: ID!, $order: String!, $fieldName: String!,
                                  $fieldType: String!, $fieldValue: JSON, $required: Boolean) {
  formPropertiesCreate(formId: $formId, categoryId: $categoryId, order: $order, fieldName: $fieldName,
                       fieldType: $fieldType, fieldValue: $fieldValue, required: $required) {
    formProperty { id fieldName }
  }
}"""
FORM_PUBLISH = """mutation formUpdate($id: ID!) { formUpdate(id: $id, status: "published") { form { id status } } }"""
# The builder's Field Type options: label (as the features write it) → value (form:field_types.*).
FIELD_TYPES = {
    "Text": "text",
    "Multiline Text": "multiline_text",
    "Radio": "radio",
    "Checkbox": "checkbox",
    "Dropdown": "dropdown",
    "Date": "date",
    "Time": "time",
    "Date with Time": "datetime",
    "File Upload": "file_upload",
    "Signature": "signature",
    "Payment": "payment",
    "Appointment": "appointment",
}


@dataclass(frozen=True)
class Field:
    """One row of a feature's field table."""

    name: str
    kind: str  # the Field Type's value
    required: bool
    options: list[str]


@dataclass(frozen=True)
class PreparedForm:
    """A form made for a scenario."""

    id: str
    name: str
    category_id: str


def word_list(text: str) -> list[str]:
    """ "Red, Blue" as a list (blank items dropped)."""
    return comma_list(text)


def fields_of(table: Iterable[Any]) -> list[Field]:
    """A `| name | type | required | options |` table: the type as the builder labels it, required yes/no."""
    fields = []
    for row in table:
        label, required = row["type"].strip(), row["required"].strip().lower()
        if label not in FIELD_TYPES:
            raise AssertionError(f"field type {label!r} is not one of {', '.join(FIELD_TYPES)}")
        if required not in ("yes", "no"):
            raise AssertionError(f"say yes or no for required, not {row['required']!r}")
        options = word_list(row["options"]) if "options" in row.headings else []
        fields.append(Field(row["name"].strip(), FIELD_TYPES[label], required == "yes", options))
    return fields


def answers_of(table: Iterable[Any]) -> dict[str, str]:
    """A `| field | answer |` table as {field: answer}."""
    return {row["field"].strip(): row["answer"].strip() for row in table}


def prepare_form(
    api: Any,
    name: str,
    fields: list[Field],
    *,
    category: str = "Details",
    rendered_text: str = "",
    preview: bool = False,
    publish: bool = True,
) -> PreparedForm:
    """A form with one category holding the fields, published unless asked otherwise, made by the admin."""
    form = api.call(
        FORM_CREATE, {"name": name, "description": f"{name} (made by the acceptance suite)", "preview": preview}
    )["formCreate"]["form"]
    category_id = api.call(
        CATEGORY_CREATE, {"formId": form["id"], "fieldName": category, "renderedText": rendered_text}
    )["categoryCreate"]["category"]["id"]
    for order, field in enumerate(fields, start=1):
        api.call(
            PROPERTY_CREATE,
            {
                "formId": form["id"],
                "categoryId": category_id,
                "order": str(order),
                "fieldName": field.name,
                "fieldType": field.kind,
                "required": field.required,
                "fieldValue": [{"value": o, "label": o} for o in field.options],
            },
        )
    if publish:
        api.call(FORM_PUBLISH, {"id": form["id"]})
    return PreparedForm(str(form["id"]), form["name"], str(category_id))


# -- on screen ------------------------------------------------------------------------------------


def open_builder(admin: Any, prepared: PreparedForm | None, name: str) -> Any:
    """The form's builder: by its address for a form made through the API, else from the admin's Forms page."""
    if prepared:
        return admin.open(FormBuilderPage, f"/edit_form/{prepared.id}")
    return admin.open(FormsPage).open_builder(name)


def add_fields(admin: Any, category: str, fields: list[Field]) -> list[str]:
    """Add the fields to a category in the builder, one by one; the message the platform confirmed each with."""
    messages = []
    snackbar = admin.page(Snackbar)
    for field in fields:
        builder = admin.on(FormBuilderPage)
        builder.add_field(category, field.name, field.kind, field.required, field.options)
        # The message once it has its text (a new snackbar replacing the last one is briefly empty).
        messages.append(snackbar.wait_until(lambda _d: snackbar.message() or None, "no message was shown"))
        builder.wait_field_shown(field.name)
    return messages


def answer_all(form: SubmitFormPage, answers: dict[str, str]) -> None:
    """Fill in the client's form with the answers {field: answer}, in their order."""
    for field, answer in answers.items():
        form.answer(field, answer)


def assert_answers_shown(answers: dict[str, str], shown: dict[str, str]) -> None:
    """The client's answers (of "the client answers:") are among the fields shown {field: value}; any order."""
    columns = ["field", "answer"]
    expected = [{"field": field, "answer": answer} for field, answer in answers.items()]
    assert_rows(expected, [{"field": f, "answer": v} for f, v in shown.items()], columns, only=False)

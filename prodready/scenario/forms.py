"""Forms set up through the platform's GraphQL (formCreate, categoryCreate, formPropertiesCreate, formUpdate),
the field tables the features write in the builder's words, and what the Forms steps (steps/forms_*_steps.py)
do on screen in a few page-object calls."""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from dataclasses import field as dataclass_field
from datetime import date, time
from typing import Any

from pages.base import comma_list
from pages.components import Snackbar
from pages.direct import DirectRequests
from pages.form_fill import SubmissionPage, SubmitFormPage
from pages.forms import FormBuilderPage, FormsPage
from prodready.scenario.direct import Sent, by_form, by_operation
from prodready.scenario.tables import Column, ReadTable, assert_rows, cell_error, table
from prodready.scenario.values import TYPES, Day, Moment, Refused, one_of
from prodready.target.api import PlatformApiError

# Made for clients (Create a Form's "Select Roles"): the platform offers Submit only to the roles chosen.
FORM_CREATE = """mutation formCreate($name: String!, $description: String, $preview: Boolean!, $expiresAt: String) {
  formCreate(name: $name, description: $description, preview: $preview, expiresAt: $expiresAt, isPublic: false,
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
FORM_USER_CREATE = """mutation formUserCreate($formId: ID!, $userId: ID!, $propValues: JSON!) {
  formUserCreate(formId: $formId, userId: $userId, propValues: $propValues) { formUser { id status } error }
}"""
FORM_USER = """query formUser($userId: ID!, $formUserId: ID!) {
  formUser(userId: $userId, formUserId: $formUserId) { id userId status }
}"""
FORM_USER_PROPERTIES = """query formUserProperties($userId: ID!, $formUserId: ID!) {
  formUserProperties(userId: $userId, formUserId: $formUserId) { value }
}"""


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
    fields: dict[str, str] = dataclass_field(default_factory=dict)  # field name → its property's id


def word_list(text: str) -> list[str]:
    """ "Red, Blue" as a list (blank items dropped)."""
    return comma_list(text)


def remember_fields(read: ReadTable, memory: dict[str, Any]) -> None:
    """A fields table's fields, by name, for the answers of the same scenario (their types say how to read them)."""
    memory.setdefault("form_fields", {}).update({f.name: f for f in fields_of(read)})


# A `| name | type | required | options |` table: the type as the builder labels it (any case).
FIELDS_TABLE = table(
    Column("name"),
    Column("type", "FieldType"),
    Column("required", "YesNo", required=False, default=False, default_words="no"),
    Column("options", "Words", required=False, blank="none", default=[], default_words="none"),
    finish=remember_fields,
)


def fields_of(rows: Iterable[dict[str, Any]]) -> list[Field]:
    """The fields of a fields table as read."""
    return [Field(row["name"], row["type"], row["required"], list(row["options"] or [])) for row in rows]


# How an answer is read, by the type of its field: a day, a time, a day and a time, options ticked.
ANSWER_TYPES = {"date": "Date", "time": "Time", "datetime": "DateTime", "checkbox": "Words"}


def read_answers(read: ReadTable, memory: dict[str, Any]) -> None:
    """Each answer as a value of its field's type, when the scenario's fields table said it (else as written);
    an option that is not one of the field's is refused."""
    fields: dict[str, Field] = memory.get("form_fields", {})
    for index, row in enumerate(read.rows):
        field = fields.get(row["field"])
        if field is None:
            continue
        try:
            if field.kind in ANSWER_TYPES:
                row["answer"] = TYPES[ANSWER_TYPES[field.kind]](row["answer"])
            chosen = row["answer"] if isinstance(row["answer"], list) else [row["answer"]]
            if field.options and any(option not in field.options for option in chosen):
                raise Refused(f'"{row["answer"]}" is not an option of "{field.name}": write {one_of(field.options)}')
        except Refused as refusal:
            raise cell_error(read, index, "answer", str(refusal)) from None


ANSWERS_TABLE = table(Column("field"), Column("answer", aliases=("value",)), finish=read_answers)


def answers_of(rows: Iterable[dict[str, Any]], today: date) -> dict[str, str]:
    """The answers table as {field: answer as the form takes it}: a day 2026-12-01, a time 17:15 (24-hour
    clock), a day and a time 2026-12-01 17:15, options "A, B"."""
    answers = {}
    for row in rows:
        value = row["answer"]
        if isinstance(value, Day):
            value = value.on(today).isoformat()
        elif isinstance(value, Moment):
            value = f"{value.on(today):%Y-%m-%d %H:%M}"
        elif isinstance(value, time):
            value = f"{value:%H:%M}"
        elif isinstance(value, list):
            value = ", ".join(value)
        answers[row["field"]] = value
    return answers


def prepare_form(
    api: Any,
    name: str,
    fields: list[Field],
    *,
    category: str = "Details",
    rendered_text: str = "",
    preview: bool = False,
    publish: bool = True,
    expires_at: str | None = None,
) -> PreparedForm:
    """A form with one category holding the fields, published unless asked otherwise, made by the admin."""
    form = api.call(
        FORM_CREATE,
        {
            "name": name,
            "description": f"{name} (made by the acceptance suite)",
            "preview": preview,
            "expiresAt": expires_at,
        },
    )["formCreate"]["form"]
    category_id = api.call(
        CATEGORY_CREATE, {"formId": form["id"], "fieldName": category, "renderedText": rendered_text}
    )["categoryCreate"]["category"]["id"]
    made = {}
    for order, field in enumerate(fields, start=1):
        made[field.name] = api.call(
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
        )["formPropertiesCreate"]["formProperty"]["id"]
    if publish:
        api.call(FORM_PUBLISH, {"id": form["id"]})
    return PreparedForm(str(form["id"]), form["name"], str(category_id), {k: str(v) for k, v in made.items()})


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


# -- through the platform's API, as a client of it may ask --------------------------------------------------


def prop_values(form: PreparedForm, answers: dict[str, str]) -> str:
    """Answers {field name: value} as formUserCreate takes them (propValues, a JSON text)."""
    return json.dumps(
        {"user_form_properties": [{"form_property_id": form.fields[name], "value": v} for name, v in answers.items()]}
    )


def submit_for(cast: Any, form: PreparedForm, key: str, answers: dict[str, str]) -> str:
    """A submission of the person `key` (formUserCreate, sent by the admin for them); its id."""
    sent = {"formId": form.id, "userId": cast.user_id(key), "propValues": prop_values(form, answers)}
    return str(cast.api_as("admin").call(FORM_USER_CREATE, sent)["formUserCreate"]["formUser"]["id"])


def answers_given(cast: Any, who: str, owner_id: str, form_user_id: str) -> list[str]:
    """The answers of a submission the platform gives `who` when asked for it (formUserProperties) naming its owner,
    and naming `who` in the owner's place; none where it refuses."""
    given = []
    for named in (owner_id, cast.user_id(who)):
        try:
            found = cast.api_as(who).call(FORM_USER_PROPERTIES, {"userId": named, "formUserId": form_user_id})
        except PlatformApiError:
            continue
        given += [str(p["value"]) for p in found["formUserProperties"] or []]
    return given


def publish_directly(cast: Any, who: str, form: PreparedForm) -> Sent:
    """`who` publishes a form all the same: the request of the builder's Publish confirmation (read from the admin's
    builder, posted from `who`'s browser) and the platform's formUpdate."""
    admin = cast.actor("admin")
    builder = admin.open(FormBuilderPage, f"/edit_form/{form.id}")
    builder.ask_to_publish()
    request = admin.page(DirectRequests).form_around(FormBuilderPage.PROCEED)
    sent = Sent()
    by_form(sent, cast.actor(who), request, "the builder's Publish request")
    by_operation(sent, "formUpdate", lambda: cast.api_as(who).call(FORM_PUBLISH, {"id": form.id}))
    return sent


def answer_directly(cast: Any, who: str, form: PreparedForm, answers: dict[str, str]) -> Sent:
    """`who` sends answers to a form all the same: the request of the form's Submit, filled in (read from the
    admin's page of the form, posted from `who`'s browser), and the platform's formUserCreate for themselves."""
    admin = cast.actor("admin")
    page = admin.open(SubmitFormPage, f"/form/{form.id}/private")
    answer_all(page, answers)
    request = admin.page(DirectRequests).form_around(SubmitFormPage.SUBMIT)
    sent = Sent()
    by_form(sent, cast.actor(who), request, "the form's Submit request")
    values = {"formId": form.id, "userId": cast.user_id(who), "propValues": prop_values(form, answers)}
    by_operation(sent, "formUserCreate", lambda: _created(cast.api_as(who).call(FORM_USER_CREATE, values)))
    return sent


def _created(answer: Any) -> Any:
    """formUserCreate's answer, or its `error` (a refusal the platform words in the answer) raised as a refusal."""
    error = answer["formUserCreate"].get("error")
    if error or not answer["formUserCreate"].get("formUser"):
        raise PlatformApiError(f"formUserCreate: {error}")
    return answer


def open_submission(context: Any, owner: str, name: str, named: str) -> dict[str, str]:
    """The client opens the page of `owner`'s submission to a form at its address with `named`'s id in the owner's
    place; the answers it shows (none when it refuses)."""
    submission, form = context.notes["submissions"][(owner, name)], context.notes["forms"][name]
    address = f"/user_form/{context.cast.user_id(named)}/{submission}?formId={form.id}"
    return context.cast.actor("client").visit(SubmissionPage, address).answers_once_answered()

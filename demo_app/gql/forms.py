"""Forms over GraphQL: formCreate, formUpdate, categoryCreate, formPropertiesCreate, formUserCreate, and the
queries forms, form, formCategories, formProperties, formEntries, submittedForms, formUser, formUserProperties
(mutations.tsv names).

Resolvers call form_actions, the same path as the pages.
"""

from __future__ import annotations

import json
from typing import Any

from ariadne import MutationType, QueryType
from graphql import GraphQLError

from .. import form_actions as actions
from .. import form_answer_store as answer_store
from .. import form_store as store
from .. import people
from ..access import can
from ..form_store import FormError
from .common import caller, require, to_id
from .forms_schema import SDL, category_out, form_out, form_user_out, property_out

__all__ = ["BINDABLES", "SDL"]
query_type, mutation = QueryType(), MutationType()
BINDABLES = [query_type, mutation]
NOT_FOUND = "Form not found"


def _visible(info: Any, form_id: Any) -> Any:
    form = actions.visible_form(to_id(form_id, "Form"), caller(info))
    if form is None:
        raise GraphQLError(NOT_FOUND)
    return form


def _refused(exc: FormError) -> GraphQLError:
    return GraphQLError(str(exc))


@query_type.field("forms")
def resolve_forms(_obj: Any, info: Any) -> list[dict[str, Any]]:
    """The community's forms: every one for the people who build forms, the published ones for others."""
    user = require(info, "forms.can_access_forms")
    return [form_out(f) for f in store.list_forms(with_drafts=can(actions.MANAGE, user))]


@query_type.field("form")
def resolve_form(_obj: Any, info: Any, id: str) -> Any:
    """One form this person may open."""
    require(info, "forms.can_access_forms")
    return form_out(_visible(info, id))


@query_type.field("formCategories")
def resolve_categories(_obj: Any, info: Any, formId: str) -> list[dict[str, Any]]:
    """A form's categories in order, with their properties."""
    require(info, "forms.can_access_forms")
    return [category_out(c) for c in store.categories(_visible(info, formId)["id"])]


@query_type.field("formProperties")
def resolve_properties(_obj: Any, info: Any, formId: str | None = None) -> list[dict[str, Any]]:
    """A form's properties in the order they are shown (the platform's argument is optional, its form is not)."""
    require(info, "forms.can_access_forms")
    return [property_out(p) for p in store.properties(_visible(info, formId)["id"])]


@query_type.field("formEntries")
def resolve_entries(
    _obj: Any, info: Any, formId: str, query: str | None = None, limit: int | None = None, offset: int | None = None
) -> dict[str, Any]:
    """A form's submissions, newest first."""
    require(info, "forms.can_view_form_entries")
    form = _visible(info, formId)
    rows = answer_store.entries(form["id"], query or "", limit or 50, offset or 0)
    return {"formName": form["name"], "formUsers": [form_user_out(r) for r in rows]}


@query_type.field("submittedForms")
def resolve_submitted(_obj: Any, info: Any, userId: str) -> list[dict[str, Any]]:
    """A person's submissions: their own with their drafts; someone else's (without drafts) only for those who
    read form entries, as on the profile's Forms tab (the platform answers anyone about anyone, drafts too)."""
    user = require(info, "my_forms.can_access_own_forms")
    mine = str(userId) == str(user["id"])
    if not mine and not can("forms.can_view_form_entries", user):
        raise GraphQLError("Unauthorized")  # before the person is looked up: a refused caller learns nothing
    person = people.find(to_id(userId, "User"))
    if person is None:
        raise GraphQLError("User not found")
    return [form_user_out(r) for r in answer_store.submissions_of(person["id"], with_drafts=mine)]


def _readable_submission(info: Any, form_user_id: Any, user_id: Any) -> Any:
    """A person's submission, for that person or for those who read form entries; it must be the named person's (the
    platform checks the person named and then finds the submission by its id alone, anyone's)."""
    user = require(info, "my_forms.can_access_own_forms")
    if str(user_id) != str(user["id"]) and not can("forms.can_view_form_entries", user):
        raise GraphQLError("Unauthorized")
    found = answer_store.get_submission(form_user_id)
    if found is None or str(found["user_id"]) != str(user_id):
        raise GraphQLError("Record not found")
    return found


@query_type.field("formUser")
def resolve_form_user(_obj: Any, info: Any, formUserId: str, userId: str) -> dict[str, Any]:
    """One person's submission (the page of their answers, FormUpdate.jsx)."""
    return form_user_out(_readable_submission(info, formUserId, userId))


@query_type.field("formUserProperties")
def resolve_form_user_properties(_obj: Any, info: Any, formUserId: str, userId: str) -> list[dict[str, Any]]:
    """One person's answers to a form, each with its field."""
    found = _readable_submission(info, formUserId, userId)
    fields = {p["id"]: p for p in store.properties(found["form_id"])}
    return [
        {
            "id": f"{found['id']}-{field_id}",
            "value": json.dumps(value) if isinstance(value, list) else value,
            "formProperty": property_out(fields[field_id]),
        }
        for field_id, value in answer_store.answers(found["id"]).items()
        if field_id in fields
    ]


@mutation.field("formCreate")
def resolve_form_create(
    _obj: Any,
    info: Any,
    name: str,
    preview: bool,
    isPublic: bool,
    multipleSubmissionsAllowed: bool,
    hasTermsAndConditions: bool,
    expiresAt: str | None = None,
    description: str | None = None,
    roles: list[str] | None = None,
) -> dict[str, Any]:
    """A new draft form."""
    user = require(info, "forms.can_create_form")
    data = {
        "name": name,
        "description": description,
        "expires_at": expiresAt,
        "preview": preview,
        "is_public": isPublic,
        "multiple_submissions_allowed": multipleSubmissionsAllowed,
        "has_terms_and_conditions": hasTermsAndConditions,
    }
    try:
        return {"form": form_out(store.get_form(actions.create_form(data, user)))}
    except FormError as exc:
        raise _refused(exc) from None


ARGUMENTS = {
    "name": "name",
    "description": "description",
    "expiresAt": "expires_at",
    "preview": "preview",
    "isPublic": "is_public",
    "multipleSubmissionsAllowed": "multiple_submissions_allowed",
    "hasTermsAndConditions": "has_terms_and_conditions",
}
STATUS_WORDS = {"publish": "published", "delete": "deleted"}  # utils/constants formStatus, as sent by the UI


@mutation.field("formUpdate")
def resolve_form_update(
    _obj: Any, info: Any, id: str, status: str | None = None, roles: Any = None, **given: Any
) -> dict[str, Any]:
    """Change a form's details or status ("published" makes it open to people)."""
    require(info, "forms.can_update_form")
    form = _visible(info, id)
    data = {ARGUMENTS[k]: v for k, v in given.items() if k in ARGUMENTS and v is not None}
    try:
        actions.update_form(form, data, STATUS_WORDS.get(status or "", status))
    except FormError as exc:
        raise _refused(exc) from None
    return {"form": form_out(store.get_form(form["id"]))}


@mutation.field("categoryCreate")
def resolve_category_create(
    _obj: Any,
    info: Any,
    formId: str,
    fieldName: str,
    order: int,
    headerVisible: bool,
    general: bool,
    description: str | None = None,
    renderedText: str | None = None,
    displayCondition: Any = None,
) -> dict[str, Any]:
    """A new category of a form."""
    require(info, "forms.can_create_category")
    form = _visible(info, formId)
    data = {
        "field_name": fieldName,
        "order": str(order),
        "header_visible": headerVisible,
        "general": general,
        "description": description,
        "rendered_text": renderedText,
    }
    try:
        category_id = actions.add_category(form, data)
    except FormError as exc:
        raise _refused(exc) from None
    return {"category": category_out({**dict(store.get_category(form["id"], category_id)), "properties": []})}


@mutation.field("formPropertiesCreate")
def resolve_property_create(
    _obj: Any,
    info: Any,
    formId: str,
    categoryId: str,
    order: str,
    fieldName: str,
    fieldType: str,
    fieldValue: Any = None,
    required: bool | None = None,
    adminUse: bool | None = None,
    shortDesc: str | None = None,
    longDesc: str | None = None,
) -> dict[str, Any]:
    """A new field in one of a form's categories."""
    require(info, "forms.can_create_form_properties")
    form = _visible(info, formId)
    if isinstance(fieldValue, str):
        try:
            fieldValue = json.loads(fieldValue)
        except ValueError:
            raise GraphQLError("fieldValue is not valid JSON") from None
    data = {
        "field_name": fieldName,
        "field_type": fieldType,
        "options": fieldValue if isinstance(fieldValue, list) else [],
        "required": bool(required),
        "admin_use": bool(adminUse),
        "order": order,
        "short_desc": shortDesc,
        "long_desc": longDesc,
    }
    try:
        prop_id = actions.add_property(form, categoryId, data)
    except FormError as exc:
        raise _refused(exc) from None
    return {"formProperty": property_out(next(p for p in store.properties(form["id"]) if p["id"] == prop_id))}


@mutation.field("formUserCreate")
def resolve_form_user_create(
    _obj: Any,
    info: Any,
    formId: str,
    userId: str,
    propValues: Any,
    status: str | None = None,
    hasAgreedToTerms: bool | None = None,
) -> dict[str, Any]:
    """A person's answers to a form, submitted (or a draft with status "draft"); `error` says why not."""
    user = require(info, "forms.can_create_form_user")
    if to_id(userId, "User") != user["id"] and not can(actions.MANAGE, user):
        raise GraphQLError("Unauthorized")
    person = people.find(to_id(userId, "User"))
    if person is None:
        raise GraphQLError("User not found")
    if status not in (None, "", "draft", "pending"):
        raise GraphQLError(f"Invalid status {str(status)[:40]}")
    form = _visible(info, formId)
    try:
        sent = actions.sent_from_prop_values(propValues)
        form_user_id = actions.answer(form, person, sent, draft=status == "draft")
    except FormError as exc:
        return {"formUser": None, "error": str(exc)}
    return {"formUser": form_user_out(answer_store.get_submission(form_user_id)), "error": None}

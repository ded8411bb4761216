"""What people do with forms, checked then stored: the one path for the pages and the GraphQL operations."""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

from . import clock
from . import form_answer_rules as answer_rules
from . import form_answer_store as answer_store
from . import form_rules as rules
from . import form_store as store
from .access import can
from .form_store import FormError

MANAGE = "forms.can_create_form"  # who builds forms (and so sees drafts)


def _now_and_zone() -> tuple[Any, Any]:
    return clock.now_utc(), clock.community_tz()


def create_form(data: Mapping[str, Any], user: Any) -> int:
    """formCreate: a new draft form; FormError with the field errors otherwise."""
    values, errors = rules.validate_form(data, *_now_and_zone())
    if errors:
        raise FormError(next(iter(errors.values())), errors)
    return store.create_form(values, user["id"])


def update_form(form: Any, data: Mapping[str, Any], status: str | None = None) -> None:
    """formUpdate: change the details given (all of them from the Settings tab) and/or the status."""
    values, errors = rules.validate_form(data, *_now_and_zone(), partial=True)
    if errors:
        raise FormError(next(iter(errors.values())), errors)
    store.update_form(form["id"], values, status)


def add_category(form: Any, data: Mapping[str, Any]) -> int:
    """categoryCreate: a new category of the form."""
    values, errors = rules.validate_category(data)
    if errors:
        raise FormError(next(iter(errors.values())), errors)
    return store.create_category(form["id"], values)


def add_property(form: Any, category_id: Any, data: Mapping[str, Any]) -> int:
    """formPropertiesCreate: a new field in one of the form's categories."""
    category = store.get_category(form["id"], category_id)
    if category is None:
        raise FormError("Category not found", {"category": "Category not found"})
    values, errors = rules.validate_property(data, [p["field_name"] for p in store.properties(form["id"])])
    if errors:
        raise FormError(next(iter(errors.values())), errors)
    return store.create_property(form["id"], category["id"], values)


def visible_form(form_id: Any, user: Any) -> Any:
    """A form this person may open: drafts exist only for the people who build forms."""
    form = store.get_form(form_id)
    if form is None or (form["status"] != "published" and not can(MANAGE, user)):
        return None
    return form


def answer(form: Any, user: Any, sent: Mapping[int, list[str]], draft: bool) -> int:
    """formUserCreate: the person's answers, as a draft or submitted; FormError with errors by property id."""
    props = store.properties(form["id"])
    values, errors = answer_rules.validate_answers(props, sent, draft=draft, admin=can(MANAGE, user))
    if errors:
        raise FormError(
            answer_rules.summary(errors, props) or answer_rules.CHECK_MESSAGE, {str(k): v for k, v in errors.items()}
        )
    return answer_store.save_answers(form, user["id"], values, "draft" if draft else "pending")


def sent_from_prop_values(raw: Any) -> dict[int, list[str]]:
    """formUserCreate's propValues ({"user_form_properties": [{form_property_id, value}]}, maybe as a JSON string).

    A checkbox value may be a list or the platform's {"option": true} object; a radio value {"checked": …}.
    """
    data = raw
    if isinstance(raw, str):
        try:
            data = json.loads(raw)
        except ValueError:
            raise FormError("propValues is not valid JSON") from None
    items = data.get("user_form_properties") if isinstance(data, dict) else None
    if not isinstance(items, list):
        raise FormError("propValues needs user_form_properties")
    sent: dict[int, list[str]] = {}
    for item in items:
        prop_id = store.as_id(item.get("form_property_id")) if isinstance(item, dict) else None
        if prop_id is None:
            raise FormError("Each user_form_properties item needs a form_property_id")
        value = item.get("value")
        if isinstance(value, dict) and "checked" in value:
            value = value["checked"]
        if isinstance(value, dict):
            value = [k for k, ticked in value.items() if ticked is True]
        values = value if isinstance(value, list) else [value]
        sent.setdefault(prop_id, []).extend(str(v) for v in values if v is not None and not isinstance(v, (dict, list)))
    return sent

"""What makes a form, a field and a submission valid (pure functions, no Flask)."""
from __future__ import annotations

import json
import re
from datetime import date
from typing import Any, Callable, Mapping, Sequence

FIELD_TYPES = {"text": "Text", "date": "Date", "dropdown": "Dropdown", "radio": "Radio", "checkbox": "Checkbox"}
CHOICE_TYPES = {"dropdown", "radio", "checkbox"}
REQUIRED = "Required"
REQUIRED_MESSAGE = "Required fields must be filled"
MAX_TEXT = 2000
ISO_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def validate_form(data: Mapping[str, Any]) -> tuple[dict[str, str], dict[str, str]]:
    """A form's title and description; (values, errors by field)."""
    values = {"title": str(data.get("title") or "").strip(), "description": str(data.get("description") or "").strip()}
    errors = {}
    if not values["title"]:
        errors["title"] = "Title is required"
    elif len(values["title"]) > 200:
        errors["title"] = "Title must be at most 200 characters"
    if len(values["description"]) > MAX_TEXT:
        errors["description"] = f"Description must be at most {MAX_TEXT} characters"
    return values, errors


def parse_options(raw: Any) -> list[str]:
    """Options typed one per line (or given as a list): trimmed, blanks and repeats dropped, order kept."""
    items = raw if isinstance(raw, list) else str(raw or "").splitlines()
    seen: list[str] = []
    for item in (str(i).strip() for i in items):
        if item and item.lower() not in (s.lower() for s in seen):
            seen.append(item)
    return seen


def validate_field(data: Mapping[str, Any], taken: Sequence[str]) -> tuple[dict[str, Any], dict[str, str]]:
    """A new field: name (unique in the form), type, required, options for choice types."""
    values: dict[str, Any] = {"name": str(data.get("name") or "").strip(),
                              "field_type": str(data.get("field_type") or "").strip(),
                              "required": data.get("required") in (True, "on", "1", "true", "yes"),
                              "options": parse_options(data.get("options"))}
    errors = {}
    if not values["name"]:
        errors["name"] = "Field name is required"
    elif len(values["name"]) > 100:
        errors["name"] = "Field name must be at most 100 characters"
    elif values["name"].lower() in (t.lower() for t in taken):
        errors["name"] = "This form already has a field with that name"
    if values["field_type"] not in FIELD_TYPES:
        errors["field_type"] = "Choose a field type"
    elif values["field_type"] in CHOICE_TYPES:
        if not values["options"]:
            errors["options"] = "Add at least one option"
        elif any(len(o) > 200 for o in values["options"]):
            errors["options"] = "Each option must be at most 200 characters"
    else:
        values["options"] = []
    return values, errors


def validate_submission(fields: Sequence[Mapping[str, Any]],
                        get_list: Callable[[str], list[str]]) -> tuple[dict[int, Any], dict[int, str]]:
    """A submission against the form's fields; (values by field id, errors by field id).

    `get_list(input_name)` gives what the browser sent for an input (several values for checkboxes).
    """
    values: dict[int, Any] = {}
    errors: dict[int, str] = {}
    for field in fields:
        sent = [v.strip() for v in get_list(input_name(field)) if v.strip()]
        kind, options = field["field_type"], options_of(field)
        if not sent:
            if field["required"]:
                errors[field["id"]] = REQUIRED
            continue
        if kind == "checkbox":
            if any(v not in options for v in sent):
                errors[field["id"]] = "Choose among the options"
            else:
                values[field["id"]] = [o for o in options if o in sent]  # the form's order, no repeats
            continue
        value = sent[0]
        if len(sent) > 1:
            errors[field["id"]] = "Give one value"
        elif kind in ("dropdown", "radio") and value not in options:
            errors[field["id"]] = "Choose one of the options"
        elif kind == "date" and not _is_day(value):
            errors[field["id"]] = "Enter a valid date"
        elif kind == "text" and len(value) > MAX_TEXT:
            errors[field["id"]] = f"Keep it under {MAX_TEXT} characters"
        else:
            values[field["id"]] = value
    return values, errors


def summary(errors: Mapping[int, str]) -> str | None:
    """The message above the form: missing required fields first, as the platform says it."""
    if not errors:
        return None
    return REQUIRED_MESSAGE if REQUIRED in errors.values() else "Check the highlighted fields"


def input_name(field: Mapping[str, Any]) -> str:
    """The HTML name of a field's input."""
    return f"field_{field['id']}"


def options_of(field: Mapping[str, Any]) -> list[str]:
    """A stored field's options."""
    return json.loads(field["options"] or "[]")


def _is_day(text: str) -> bool:
    if not ISO_DAY.match(text):
        return False
    try:
        date.fromisoformat(text)
    except ValueError:
        return False
    return True

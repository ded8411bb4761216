"""What makes a form, a category and a field valid (pure functions, no Flask, no database): the form builder's rules.

The field types and the messages for empty and too long texts are defined here; what makes an answer to
a form valid is in form_answer_rules.py.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from datetime import UTC, datetime, timedelta, tzinfo
from typing import Any

# The platform's field types, value → label (form:field_types.*), in the builder's order.
FIELD_TYPES = {
    "text": "Text",
    "multiline_text": "Multiline Text",
    "radio": "Radio",
    "checkbox": "Checkbox",
    "dropdown": "Dropdown",
    "date": "Date",
    "time": "Time",
    "datetime": "Date with Time",
    "file_upload": "File Upload",
    "signature": "Signature",
    "payment": "Payment",
    "appointment": "Appointment",
}
CHOICE_TYPES = ("radio", "checkbox", "dropdown")
# Uploads, signatures, Flutterwave payments and Calendly appointments need services the reference app lacks.
UNAVAILABLE_TYPES = ("file_upload", "signature", "payment", "appointment")
NAME_MAX, DESCRIPTION_MAX, FIELD_NAME_MAX, OPTION_MAX, OPTIONS_MAX = 200, 2000, 100, 200, 50
RENDERED_TEXT_MAX, ORDER_MAX = 5000, 1000
EXPIRY_YEARS = 10
Errors = dict[str, str]


def required(label: str) -> str:
    """The platform's message for an empty required field (form:errors.required_field)."""
    return f"{label} is Required"


def too_long(label: str, limit: int) -> str:
    """The message for text over its limit (worded as the platform's Rails validations are)."""
    return f"{label} is too long (maximum is {limit} characters)"


def flag(value: Any) -> bool:
    """A switch or Boolean argument as sent by a browser or a GraphQL client."""
    return value in (True, "on", "1", "true", "yes", 1)


def clean(value: Any) -> str:
    """A text argument, trimmed (None is empty)."""
    return str(value if value is not None else "").strip()


def _text(errors: Errors, key: str, label: str, value: str, limit: int, needed: bool = False) -> str:
    if needed and not value:
        errors[key] = required(label)
    elif len(value) > limit:
        errors[key] = too_long(label, limit)
    return value


def parse_expiry(raw: Any, now: datetime, tz: tzinfo) -> tuple[datetime | None, str | None]:
    """A form's expiry: empty, or a moment (community time unless it names its zone) in the next ten years."""
    text = clean(raw)
    if not text:
        return None, None
    if not text.isascii():
        return None, "Form Expiry Date is not a valid date and time"
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
        text += "T23:59"
    try:
        moment = datetime.fromisoformat(text)
    except ValueError:
        return None, "Form Expiry Date is not a valid date and time"
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=tz)
    if moment <= now:
        return None, "Form Expiry Date must be in the future"
    if moment > now + timedelta(days=365 * EXPIRY_YEARS):
        return None, f"Form Expiry Date must be within {EXPIRY_YEARS} years"
    return moment.astimezone(UTC), None


def validate_form(
    data: Mapping[str, Any], now: datetime, tz: tzinfo, partial: bool = False
) -> tuple[dict[str, Any], Errors]:
    """A form's details (FormCreate): title, description, expiry and its switches; (values, errors).

    `partial` (formUpdate) checks only what was given.
    """
    values: dict[str, Any] = {}
    errors: Errors = {}
    if not partial or "name" in data:
        values["name"] = _text(errors, "name", "Form Title", clean(data.get("name")), NAME_MAX, needed=True)
    if not partial or "description" in data:
        values["description"] = _text(
            errors, "description", "Form Description", clean(data.get("description")), DESCRIPTION_MAX
        )
    if not partial or "expires_at" in data:
        values["expires_at"], problem = parse_expiry(data.get("expires_at"), now, tz)
        if problem:
            errors["expires_at"] = problem
    for key in ("preview", "is_public", "has_terms_and_conditions"):
        if not partial or key in data:
            values[key] = flag(data.get(key))
    if not partial or "multiple_submissions_allowed" in data:
        values["multiple_submissions_allowed"] = flag(data.get("multiple_submissions_allowed", True))
    return values, errors


def _order(errors: Errors, raw: Any) -> int:
    text = clean(raw) or "1"
    if not text.isascii() or not text.isdigit() or not 1 <= int(text) <= ORDER_MAX:
        errors["order"] = f"Order Number must be a whole number from 1 to {ORDER_MAX}"
        return 1
    return int(text)


def validate_category(data: Mapping[str, Any]) -> tuple[dict[str, Any], Errors]:
    """A category (Add a Category): its name, description, rendered text, switches and order."""
    errors: Errors = {}
    values = {
        "field_name": _text(errors, "field_name", "Name", clean(data.get("field_name")), FIELD_NAME_MAX, needed=True),
        "description": _text(errors, "description", "Description", clean(data.get("description")), DESCRIPTION_MAX),
        "rendered_text": _text(
            errors, "rendered_text", "Rendered Text", clean(data.get("rendered_text")), RENDERED_TEXT_MAX
        ),
        "header_visible": flag(data.get("header_visible")),
        "general": flag(data.get("general")),
        "order": _order(errors, data.get("order")),
    }
    return values, errors


def parse_options(raw: Any) -> list[str]:
    """Options as typed (a list of texts or of {value, label}): trimmed, blanks and repeats dropped, order kept."""
    items = raw if isinstance(raw, (list, tuple)) else str(raw or "").splitlines()
    seen: list[str] = []
    for item in items:
        text = clean(item.get("value", item.get("label")) if isinstance(item, Mapping) else item)
        if text and text.lower() not in (s.lower() for s in seen):
            seen.append(text)
    return seen


def validate_property(data: Mapping[str, Any], taken: Sequence[str]) -> tuple[dict[str, Any], Errors]:
    """A new field (Add Property): name unique in the form, a type, options for the choice types."""
    errors: Errors = {}
    name = _text(errors, "field_name", "Field Name", clean(data.get("field_name")), FIELD_NAME_MAX, needed=True)
    if "field_name" not in errors and name.lower() in (t.lower() for t in taken):
        errors["field_name"] = "This form already has a field with that name"
    kind = clean(data.get("field_type"))
    options = parse_options(data.get("options"))
    if kind not in FIELD_TYPES:
        errors["field_type"] = required("Field Type")
    elif kind in UNAVAILABLE_TYPES:
        errors["field_type"] = f"{FIELD_TYPES[kind]} fields are not available on the reference app"
    elif kind in CHOICE_TYPES:
        if not options:
            errors["options"] = required("Option")
        elif len(options) > OPTIONS_MAX:
            errors["options"] = f"A field takes at most {OPTIONS_MAX} options"
        elif any(len(o) > OPTION_MAX for o in options):
            errors["options"] = too_long("Option", OPTION_MAX)
    if kind not in CHOICE_TYPES:
        options = []
    values = {
        "field_name": name,
        "field_type": kind,
        "options": options,
        "required": flag(data.get("required")),
        "admin_use": flag(data.get("admin_use")),
        "order": _order(errors, data.get("order")),
        "short_desc": _text(errors, "short_desc", "Short Description", clean(data.get("short_desc")), OPTION_MAX),
        "long_desc": _text(errors, "long_desc", "Description", clean(data.get("long_desc")), DESCRIPTION_MAX),
    }
    return values, errors

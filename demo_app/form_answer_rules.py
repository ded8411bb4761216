"""What makes an answer to a form valid, the message for a refused submission, and answers as shown
(the category's rendered-text preview). Pure functions, no Flask, no database.

A form's fields are built under the rules of form_rules.py, which also words the empty and too long messages.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from datetime import date, time
from typing import Any

from .form_rules import required, too_long

REQUIRED_MESSAGE = "Required fields must be filled"  # form:misc.required_fields_empty
CHECK_MESSAGE = "Check the highlighted fields"
TEXT_MAX, MULTILINE_MAX = 2000, 10000
PLACEHOLDER = re.compile(r"#(\w+)")
LOCAL_MOMENT = re.compile(r"^(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2})(:\d{2}(\.\d+)?)?$", re.ASCII)


def _day(text: str) -> date | None:
    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", text, re.ASCII):
        return None
    try:
        day = date.fromisoformat(text)
    except ValueError:
        return None
    return day if 1900 <= day.year <= 2100 else None


def _clock(text: str) -> time | None:
    match = re.fullmatch(r"(\d{2}):(\d{2})(:\d{2})?", text, re.ASCII)
    if not match or int(match.group(1)) > 23 or int(match.group(2)) > 59:
        return None
    return time(int(match.group(1)), int(match.group(2)))


def _one_answer(prop: Mapping[str, Any], options: list[str], sent: list[str]) -> tuple[Any, str | None]:
    """One property's value from what was sent (never empty here); (value, error)."""
    kind, value = prop["field_type"], sent[0]
    if kind == "checkbox":
        unknown = [v for v in sent if v not in options]
        return ([o for o in options if o in sent], None) if not unknown else (None, "Choose among the options")
    if len(sent) > 1:
        return None, "Give one value"
    if kind in ("radio", "dropdown"):
        return (value, None) if value in options else (None, "Choose one of the options")
    if kind == "date":
        return (value, None) if _day(value) else (None, "Enter a valid date")
    if kind == "time":
        moment = _clock(value)
        return (moment.strftime("%H:%M"), None) if moment else (None, "Enter a valid time")
    if kind == "datetime":
        match = LOCAL_MOMENT.match(value)
        if not match or not _day(match.group(1)) or not _clock(match.group(2)):
            return None, "Enter a valid date and time"
        return f"{match.group(1)} {match.group(2)}", None
    limit = MULTILINE_MAX if kind == "multiline_text" else TEXT_MAX
    return (value, None) if len(value) <= limit else (None, too_long(prop["field_name"], limit))


def validate_answers(
    properties: Sequence[Mapping[str, Any]], sent: Mapping[int, list[str]], draft: bool, admin: bool
) -> tuple[dict[int, Any], dict[int, str]]:
    """Answers to a form's properties, by property id; (values, errors). A draft may leave required fields empty.

    `properties` carry `options` (a list); fields only for admins are neither filled nor required by others.
    """
    values: dict[int, Any] = {}
    errors: dict[int, str] = {}
    for prop in properties:
        if prop["admin_use"] and not admin:
            continue
        given = [v.strip() for v in sent.get(prop["id"], []) if v and v.strip()]
        if not given:
            if prop["required"] and not draft:
                errors[prop["id"]] = required(prop["field_name"])
            continue
        value, problem = _one_answer(prop, prop["options"], given)
        if problem:
            errors[prop["id"]] = problem
        else:
            values[prop["id"]] = value
    return values, errors


def summary(errors: Mapping[int, str], properties: Sequence[Mapping[str, Any]]) -> str | None:
    """The message for a refused submission: the platform's words when required fields are empty."""
    if not errors:
        return None
    names = {p["id"]: p["field_name"] for p in properties}
    return REQUIRED_MESSAGE if any(m == required(names.get(k, "")) for k, m in errors.items()) else CHECK_MESSAGE


def shown_value(value: Any) -> str:
    """An answer as text: ticked checkbox options joined with ", "."""
    return ", ".join(value) if isinstance(value, list) else str(value)


def render_preview(rendered_text: str, answers: Mapping[str, Any]) -> str:
    """A category's rendered text with each #word replaced by the answer of the field so named (any case)."""
    by_name = {name.lower(): shown_value(value) for name, value in answers.items()}
    return PLACEHOLDER.sub(lambda m: by_name.get(m.group(1).lower(), m.group(0)), rendered_text)

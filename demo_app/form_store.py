"""Forms in the database: forms, their categories and properties (fields), and the one FormError.

Shared by the pages and GraphQL; people's answers to a form (drafts, submissions, entries) are in
form_answer_store.py.
"""

from __future__ import annotations

import json
from typing import Any

from . import clock
from .db import Record, execute, query

STATUSES = ("draft", "published", "deleted")
MAX_ID = 2**63


class FormError(ValueError):
    """A change the rules refuse; `errors` says what is wrong, by field."""

    def __init__(self, message: str, errors: dict[str, str] | None = None) -> None:
        super().__init__(message)
        self.errors = errors or {}


def as_id(value: Any) -> int | None:
    """A database id from an address or argument (None for anything that cannot be one)."""
    text = str(value if value is not None else "").strip()
    if not text.isascii() or not text.isdigit() or not 0 < int(text) < MAX_ID:
        return None
    return int(text)


def _now() -> str:
    return clock.to_iso(clock.now_utc())


def get_form(form_id: Any) -> Any:
    """A form that was not deleted, or None."""
    number = as_id(form_id)
    if number is None:
        return None
    return query("SELECT * FROM forms WHERE id = ? AND status != 'deleted'", (number,), one=True)


def list_forms(with_drafts: bool) -> list[Record]:
    """The community's forms, newest first (drafts only for the people who build forms)."""
    where = "status != 'deleted'" if with_drafts else "status = 'published'"
    return query(f"SELECT * FROM forms WHERE {where} ORDER BY created_at DESC, id DESC")


def is_open(form: Any) -> bool:
    """Whether people may answer the form now: published and not past its expiry."""
    return form["status"] == "published" and not (
        form["expires_at"] and clock.from_iso(form["expires_at"]) <= clock.now_utc()
    )


def create_form(values: dict[str, Any], user_id: int) -> int:
    """A new draft form; its id."""
    now = _now()
    return execute(
        "INSERT INTO forms (name, description, preview, is_public, multiple_submissions_allowed,"
        " has_terms_and_conditions, expires_at, created_by, created_at, updated_at)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (
            values["name"],
            values["description"],
            int(values["preview"]),
            int(values["is_public"]),
            int(values["multiple_submissions_allowed"]),
            int(values["has_terms_and_conditions"]),
            clock.to_iso(values["expires_at"]) if values["expires_at"] else None,
            user_id,
            now,
            now,
        ),
    )


COLUMNS = (
    "name",
    "description",
    "preview",
    "is_public",
    "multiple_submissions_allowed",
    "has_terms_and_conditions",
    "expires_at",
)


def update_form(form_id: int, values: dict[str, Any], status: str | None = None) -> None:
    """Change a form's details and/or status (publishing needs at least one field)."""
    changes = {k: (clock.to_iso(v) if k == "expires_at" and v else v) for k, v in values.items() if k in COLUMNS}
    if status is not None:
        if status not in STATUSES:
            raise FormError(f"Invalid status {status}")
        if status == "published" and not properties(form_id):
            raise FormError("Add a field to the form before publishing it")
        changes["status"] = status
        if status == "published":
            changes["published_at"] = _now()
    changes["updated_at"] = _now()
    assignments = ", ".join(f"{column} = ?" for column in changes)
    execute(f"UPDATE forms SET {assignments} WHERE id = ?", (*changes.values(), form_id))


def create_category(form_id: int, values: dict[str, Any]) -> int:
    """A new category of a form; its id."""
    return execute(
        "INSERT INTO form_categories (form_id, field_name, description, rendered_text, header_visible, general,"
        " order_no, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        (
            form_id,
            values["field_name"],
            values["description"],
            values["rendered_text"],
            int(values["header_visible"]),
            int(values["general"]),
            values["order"],
            _now(),
        ),
    )


def get_category(form_id: int, category_id: Any) -> Any:
    """A category of this form, or None."""
    number = as_id(category_id)
    if number is None:
        return None
    return query("SELECT * FROM form_categories WHERE id = ? AND form_id = ?", (number, form_id), one=True)


def property_row(row: Any) -> dict[str, Any]:
    """A stored property with its options as a list."""
    options = [str(o["value"]) for o in json.loads(row["field_value"] or "[]")]
    return {**dict(row), "options": options, "choices": [(o, o) for o in options]}


def properties(form_id: int) -> list[dict[str, Any]]:
    """A form's properties in the order they are shown (by category, then order number)."""
    rows = query(
        "SELECT p.* FROM form_properties p JOIN form_categories c ON c.id = p.category_id"
        " WHERE p.form_id = ? ORDER BY c.order_no, c.id, p.order_no, p.id",
        (form_id,),
    )
    return [property_row(r) for r in rows]


def categories(form_id: int) -> list[dict[str, Any]]:
    """A form's categories in order, each with its properties."""
    props = properties(form_id)
    rows = query("SELECT * FROM form_categories WHERE form_id = ? ORDER BY order_no, id", (form_id,))
    return [{**dict(c), "properties": [p for p in props if p["category_id"] == c["id"]]} for c in rows]


def create_property(form_id: int, category_id: int, values: dict[str, Any]) -> int:
    """A new property (field) in a category; its id."""
    options = json.dumps([{"value": o, "label": o} for o in values["options"]])
    return execute(
        "INSERT INTO form_properties (form_id, category_id, field_name, field_type, field_value, required, admin_use,"
        " short_desc, long_desc, order_no, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (
            form_id,
            category_id,
            values["field_name"],
            values["field_type"],
            options,
            int(values["required"]),
            int(values["admin_use"]),
            values["short_desc"],
            values["long_desc"],
            values["order"],
            _now(),
        ),
    )

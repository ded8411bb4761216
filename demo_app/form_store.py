"""Forms in the database: forms, categories, properties, submissions (shared by the pages and GraphQL)."""

from __future__ import annotations

import json
from typing import Any

from . import clock
from .db import Record, execute, get_db, query

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


def draft_of(form_id: int, user_id: int) -> Any:
    """The person's unfinished answers to the form, if any."""
    return query(
        "SELECT * FROM form_users WHERE form_id = ? AND user_id = ? AND status = 'draft' ORDER BY id DESC LIMIT 1",
        (form_id, user_id),
        one=True,
    )


def save_answers(form: Any, user_id: int, values: dict[int, Any], status: str) -> int:
    """Store a person's answers as a draft or a submission (a draft they had becomes it); its id."""
    if not is_open(form):
        raise FormError("This form is not open for submissions")
    if (
        status != "draft"
        and not form["multiple_submissions_allowed"]
        and query(
            "SELECT 1 FROM form_users WHERE form_id = ? AND user_id = ? AND status != 'draft'",
            (form["id"], user_id),
            one=True,
        )
    ):
        raise FormError("You have already submitted this form")
    db, now, draft = get_db(), _now(), draft_of(form["id"], user_id)
    with db:
        if draft is not None:
            form_user_id = draft["id"]
            db.execute(
                "UPDATE form_users SET status = ?, version_number = ?, updated_at = ?, created_at = ? WHERE id = ?",
                (status, form["version_number"], now, now, form_user_id),
            )
            db.execute("DELETE FROM user_form_properties WHERE form_user_id = ?", (form_user_id,))
        else:
            form_user_id = db.execute(
                "INSERT INTO form_users (form_id, user_id, status, version_number, created_at, updated_at)"
                " VALUES (?, ?, ?, ?, ?, ?)",
                (form["id"], user_id, status, form["version_number"], now, now),
            ).lastrowid
        for prop_id, value in values.items():
            db.execute(
                "INSERT INTO user_form_properties (form_user_id, form_property_id, value) VALUES (?, ?, ?)",
                (form_user_id, prop_id, json.dumps(value) if isinstance(value, list) else value),
            )
    return form_user_id


def answers(form_user_id: int) -> dict[int, Any]:
    """A submission's values by property id (checkbox answers as lists)."""
    rows = query(
        "SELECT v.form_property_id, v.value, p.field_type FROM user_form_properties v"
        " JOIN form_properties p ON p.id = v.form_property_id WHERE v.form_user_id = ?",
        (form_user_id,),
    )
    return {
        r["form_property_id"]: json.loads(r["value"]) if r["field_type"] == "checkbox" else r["value"] for r in rows
    }


SUBMISSION = (
    "SELECT fu.*, u.name AS user_name, f.name AS form_name FROM form_users fu"
    " JOIN users u ON u.id = fu.user_id JOIN forms f ON f.id = fu.form_id"
)


def get_submission(form_user_id: Any) -> Any:
    """One person's answers to a form, with the person's and the form's names."""
    number = as_id(form_user_id)
    return None if number is None else query(f"{SUBMISSION} WHERE fu.id = ?", (number,), one=True)


def entries(form_id: int, search: str = "", limit: int = 50, offset: int = 0) -> list[Any]:
    """The submissions of a form (drafts are not entries), newest first, optionally by submitter's name."""
    like = f"%{search.strip().lower()[:100]}%"
    return query(
        f"{SUBMISSION} WHERE fu.form_id = ? AND fu.status != 'draft' AND lower(u.name) LIKE ?"
        " ORDER BY fu.created_at DESC, fu.id DESC LIMIT ? OFFSET ?",
        (form_id, like, max(1, min(limit, 100)), max(0, min(offset, 100_000))),
    )


def submissions_of(user_id: int, with_drafts: bool) -> list[Any]:
    """A person's submitted forms (and drafts, for the person themselves), newest first."""
    drafts = "" if with_drafts else " AND fu.status != 'draft'"
    return query(
        f"{SUBMISSION} WHERE fu.user_id = ? AND f.status != 'deleted'{drafts} ORDER BY fu.updated_at DESC, fu.id DESC",
        (user_id,),
    )

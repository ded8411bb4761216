"""People's answers to forms in the database: drafts, submissions (a form's entries, a person's forms), their values.

Shared by the pages and GraphQL; the forms themselves (categories, properties) are in form_store.py.
"""

from __future__ import annotations

import json
from typing import Any

from . import clock
from .db import get_db, query
from .form_store import FormError, as_id, is_open


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
    db, now, draft = get_db(), clock.to_iso(clock.now_utc()), draft_of(form["id"], user_id)
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
    """The submissions of a form, drafts among them (their status says so), newest first, optionally by
    submitter's name."""
    like = f"%{search.strip().lower()[:100]}%"
    return query(
        f"{SUBMISSION} WHERE fu.form_id = ? AND lower(u.name) LIKE ?"
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

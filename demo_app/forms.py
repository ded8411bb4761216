"""Forms: admins build and publish forms; people submit them; admins read the entries."""
from __future__ import annotations

import json
from typing import Any

from flask import Blueprint, abort, flash, g, redirect, render_template, request, url_for

from . import clock
from .access import can, menu_item, requires
from .db import execute, get_db, query
from .form_rules import (CHOICE_TYPES, FIELD_TYPES, options_of, summary, validate_field, validate_form,
                         validate_submission)
from .home import register_card

bp = Blueprint("forms", __name__)
menu_item("Forms", "forms.forms", "submit_forms", "manage-forms-form-menu-item", 40)
register_card("Forms", "forms.forms", lambda u: {}, "submit_forms")


def _form(form_id: int, published_only: bool = False) -> Any:
    form = query("SELECT * FROM forms WHERE id = ?", (form_id,), one=True)
    if form is None or (published_only and form["status"] != "published"):
        abort(404)  # drafts do not exist for the people who fill forms in
    return form


def _fields(form_id: int) -> list[dict[str, Any]]:
    rows = query("SELECT * FROM form_fields WHERE form_id = ? ORDER BY position, id", (form_id,))
    return [{**dict(r), "option_list": options_of(r), "type_label": FIELD_TYPES[r["field_type"]]} for r in rows]


@bp.route("/forms")
@requires("submit_forms")
def forms():
    """Admins: every form, draft or published, with its entries. Others: the published forms to fill in."""
    manage = can("manage_forms")
    rows = query("SELECT f.*, (SELECT count(*) FROM form_entries e WHERE e.form_id = f.id) AS entry_count"
                 " FROM forms f" + ("" if manage else " WHERE f.status = 'published'") + " ORDER BY f.created_at DESC, f.id DESC")
    return render_template("forms.html", forms=rows, manage=manage)


@bp.route("/forms/create", methods=["GET", "POST"])
@requires("manage_forms")
def create():
    """Create a form: title and description; fields are added next, on the form's edit page."""
    if request.method == "GET":
        return render_template("form_create.html", values={}, errors={})
    values, errors = validate_form(request.form)
    if errors:
        return render_template("form_create.html", values=request.form, errors=errors), 400
    form_id = execute("INSERT INTO forms (title, description, created_by, created_at) VALUES (?, ?, ?, ?)",
                      (values["title"], values["description"], g.user["id"], clock.to_iso(clock.now_utc())))
    flash("Form created")
    return redirect(url_for("forms.edit", form_id=form_id))


def _edit_page(form: Any, values: Any = None, errors: dict[str, str] | None = None, status: int = 200):
    return render_template("form_edit.html", form=form, fields=_fields(form["id"]), values=values or {},
                           errors=errors or {}, field_types=FIELD_TYPES, choice_types=sorted(CHOICE_TYPES)), status


@bp.route("/edit_form/<int:form_id>")
@requires("manage_forms")
def edit(form_id: int):
    """The form builder: its fields, a field to add, and Publish."""
    return _edit_page(_form(form_id))


def add_field(form_id: int, data: Any) -> tuple[dict[str, Any], dict[str, str]]:
    """Validate and append a field to a form; (values, errors)."""
    existing = _fields(form_id)
    values, errors = validate_field(data, [f["name"] for f in existing])
    if not errors:
        execute("INSERT INTO form_fields (form_id, name, field_type, required, options, position)"
                " VALUES (?, ?, ?, ?, ?, ?)", (form_id, values["name"], values["field_type"], int(values["required"]),
                                               json.dumps(values["options"]), len(existing) + 1))
    return values, errors


@bp.route("/edit_form/<int:form_id>/fields", methods=["POST"])
@requires("manage_forms")
def add_field_view(form_id: int):
    """Add a field (name, type, required, options)."""
    form = _form(form_id)
    _values, errors = add_field(form_id, request.form)
    if errors:
        return _edit_page(form, request.form, errors, 400)
    flash("Field added")
    return redirect(url_for("forms.edit", form_id=form_id))


@bp.route("/edit_form/<int:form_id>/publish", methods=["POST"])
@requires("manage_forms")
def publish(form_id: int):
    """Publish: the form becomes visible to the people who fill forms in."""
    form = _form(form_id)
    if not _fields(form_id):
        return _edit_page(form, None, {"publish": "Add at least one field before publishing"}, 400)
    execute("UPDATE forms SET status = 'published', published_at = coalesce(published_at, ?) WHERE id = ?",
            (clock.to_iso(clock.now_utc()), form_id))
    flash("Form published")
    return redirect(url_for("forms.forms"))


@bp.route("/form/<int:form_id>")
@requires("submit_forms")
def form_redirect(form_id: int):
    """The platform's short address of a form."""
    return redirect(url_for("forms.submit", form_id=form_id))


@bp.route("/form/<int:form_id>/private", methods=["GET", "POST"])
@requires("submit_forms")
def submit(form_id: int):
    """Fill in and submit a published form; missing required fields say "Required" and nothing is saved."""
    form, fields = _form(form_id, published_only=True), _fields(form_id)
    if request.method == "GET":
        return render_template("form_submit.html", form=form, fields=fields, sent=None, errors={}, message=None)
    values, errors = validate_submission(fields, request.form.getlist)
    if errors:
        return render_template("form_submit.html", form=form, fields=fields, sent=request.form, errors=errors,
                               message=summary(errors)), 400
    save_entry(form_id, g.user["id"], values)
    flash("Form submitted successfully")
    return redirect(url_for("forms.forms"))


def save_entry(form_id: int, user_id: int, values: dict[int, Any]) -> int:
    """Store one entry and its values in a single transaction."""
    db = get_db()
    with db:
        entry_id = db.execute("INSERT INTO form_entries (form_id, user_id, created_at) VALUES (?, ?, ?)",
                              (form_id, user_id, clock.to_iso(clock.now_utc()))).lastrowid
        for field_id, value in values.items():
            db.execute("INSERT INTO form_values (entry_id, field_id, value) VALUES (?, ?, ?)",
                       (entry_id, field_id, json.dumps(value) if isinstance(value, list) else value))
    return entry_id


def entry_values(entry_id: int) -> list[dict[str, Any]]:
    """An entry's values in the form's field order (checkbox lists joined with ", ")."""
    rows = query("SELECT f.name, f.field_type, v.value FROM form_values v JOIN form_fields f ON f.id = v.field_id"
                 " WHERE v.entry_id = ? ORDER BY f.position, f.id", (entry_id,))
    return [{"name": r["name"], "value": ", ".join(json.loads(r["value"])) if r["field_type"] == "checkbox"
             else r["value"]} for r in rows]


@bp.route("/form/<int:form_id>/entries")
@requires("manage_forms")
def entries(form_id: int):
    """Form Entries: Date of Submission, Submitted by, Status."""
    rows = query("SELECT e.*, u.name AS submitted_by FROM form_entries e JOIN users u ON u.id = e.user_id"
                 " WHERE e.form_id = ? ORDER BY e.created_at DESC, e.id DESC", (form_id,))
    return render_template("form_entries.html", form=_form(form_id), entries=rows)


@bp.route("/form/<int:form_id>/entries/<int:entry_id>")
@requires("manage_forms")
def entry(form_id: int, entry_id: int):
    """One entry with every value submitted."""
    row = query("SELECT e.*, u.name AS submitted_by FROM form_entries e JOIN users u ON u.id = e.user_id"
                " WHERE e.id = ? AND e.form_id = ?", (entry_id, form_id), one=True)
    if row is None:
        abort(404)
    return render_template("form_entry.html", form=_form(form_id), entry=row, values=entry_values(entry_id))


def register_test_api(test_bp: Blueprint) -> None:
    """Test-data routes for forms (create a form with its fields, read the entries)."""
    from .forms_testapi import add_routes

    add_routes(test_bp)

"""Test-data API for forms: create a form with its fields (draft or published), read the entries."""
from __future__ import annotations

from flask import Blueprint, jsonify, request

from . import clock
from .access import public
from .db import execute, query
from .form_rules import validate_field, validate_form
from .forms import add_field, entry_values


def create_form():
    """{title, description?, fields: [{name, type, required?, options?}], published?}."""
    body = request.get_json(silent=True) or {}
    values, errors = validate_form(body)
    specs = body.get("fields", [])
    if errors or not isinstance(specs, list) or not all(isinstance(s, dict) for s in specs):
        return jsonify(error="; ".join(errors.values()) or "fields must be a list of objects"), 400
    specs = [{**spec, "field_type": spec.get("type")} for spec in specs]
    taken: list[str] = []
    for spec in specs:  # check every field before storing anything
        field, field_errors = validate_field(spec, taken)
        if field_errors:
            return jsonify(error=f"field {spec.get('name')!r}: " + "; ".join(field_errors.values())), 400
        taken.append(field["name"])
    admin = query("SELECT id FROM users WHERE role = 'admin' ORDER BY id LIMIT 1", one=True)["id"]
    form_id = execute("INSERT INTO forms (title, description, created_by, created_at) VALUES (?, ?, ?, ?)",
                      (values["title"], values["description"], admin, clock.to_iso(clock.now_utc())))
    for spec in specs:
        add_field(form_id, spec)
    if body.get("published"):
        execute("UPDATE forms SET status = 'published', published_at = ? WHERE id = ?",
                (clock.to_iso(clock.now_utc()), form_id))
    return jsonify(id=form_id), 201


def list_entries():
    """Entries of ?form_id= (or all), oldest first, with their values by field name."""
    form_id = request.args.get("form_id", type=int)
    rows = query("SELECT e.*, u.name AS submitted_by FROM form_entries e JOIN users u ON u.id = e.user_id"
                 + (" WHERE e.form_id = ?" if form_id else "") + " ORDER BY e.id", (form_id,) if form_id else ())
    return jsonify([{**dict(r), "values": {v["name"]: v["value"] for v in entry_values(r["id"])}} for r in rows])


def add_routes(bp: Blueprint) -> None:
    """Mount these on the test blueprint (endpoint names prefixed: the blueprint is shared by areas)."""
    bp.add_url_rule("/forms", "forms_create_form", public(create_form), methods=["POST"])
    bp.add_url_rule("/form_entries", "forms_list_entries", public(list_entries), methods=["GET"])

"""Forms, the builder's side (modules/Forms): the list, Create a form, the builder, publishing.

Filling forms in, the entries and a person's own forms are in form_fill (a blueprint nested in this one).
"""

from __future__ import annotations

from typing import Any

from flask import Blueprint, abort, flash, g, redirect, render_template, request

from . import clock
from . import form_actions as actions
from . import form_answer_store as answer_store
from . import form_rules as rules
from . import form_store as store
from .access import can, requires
from .form_fill import fill_bp
from .form_store import FormError

bp = Blueprint("forms", __name__)
bp.register_blueprint(fill_bp)
MANAGE = actions.MANAGE
TABS = ("form_builder", "form_settings", "update_history")
FORM_CREATED, FORM_UPDATED = "Form Successfully created", "Form Successfully updated"
CATEGORY_CREATED, PROPERTY_ADDED = "Successfully created a category", "Successfully added a form field"
PUBLISHED = "Successfully published the form"


def _managed(form_id: str) -> Any:
    """A form the builder may open (drafts and published ones); 404 otherwise."""
    form = store.get_form(form_id)
    if form is None:
        abort(404)
    return form


def details_from_request() -> dict[str, Any]:
    """FormCreate's fields as formCreate's arguments (the switch "Limit to 1 response" is the inverse)."""
    data = request.form
    return {
        "name": data.get("title", ""),
        "description": data.get("description", ""),
        "expires_at": data.get("expires_at", ""),
        "preview": data.get("preview"),
        "is_public": data.get("is_public"),
        "has_terms_and_conditions": data.get("has_terms_and_conditions"),
        "multiple_submissions_allowed": not rules.flag(data.get("limit_1_response")),
    }


def form_values(form: Any) -> dict[str, Any]:
    """A stored form as FormCreate's fields (its expiry in community time, as the picker shows it)."""
    expiry = clock.local(form["expires_at"]).strftime("%Y-%m-%dT%H:%M") if form["expires_at"] else ""
    return {
        "title": form["name"],
        "description": form["description"],
        "expires_at": expiry,
        "preview": form["preview"],
        "is_public": form["is_public"],
        "has_terms_and_conditions": form["has_terms_and_conditions"],
        "limit_1_response": not form["multiple_submissions_allowed"],
    }


@bp.route("/forms")
@requires(MANAGE)
def forms_list():
    """Manage Forms: every form (drafts too), each with its menu; Create a form."""
    return render_template("forms/list.html", forms=store.list_forms(with_drafts=True))


@bp.route("/forms/create", methods=["GET", "POST"])
@requires(MANAGE)
def create():
    """Create a Form: title, description, expiry and the form's switches."""
    if request.method == "GET":
        return render_template("forms/create.html", values={"limit_1_response": False}, errors={})
    try:
        actions.create_form(details_from_request(), g.user)
    except FormError as exc:
        return render_template("forms/create.html", values=request.form, errors=exc.errors), 400
    flash(FORM_CREATED, "success")
    return redirect("/forms")


def _builder(form: Any, tab: str = "form_builder", status: int = 200, **extra: Any):
    tab = tab if tab in TABS else "form_builder"
    return render_template(
        "forms/builder.html",
        form=form,
        tab=tab,
        categories=store.categories(form["id"]),
        field_types=rules.FIELD_TYPES,
        choice_types=rules.CHOICE_TYPES,
        unavailable=rules.UNAVAILABLE_TYPES,
        history=_history(form),
        values=extra.pop("values", None) or form_values(form),
        errors={},
        **extra,
    ), status


def _history(form: Any) -> list[tuple[str, str]]:
    """The History tab: what happened to the form, newest first."""
    events = [(form["created_at"], "created"), (form["updated_at"], "updated")]
    if form["published_at"]:
        events.append((form["published_at"], "published"))
    return [(clock.fmt_datetime(at), what) for at, what in sorted(events, reverse=True)]


@bp.route("/edit_form/<form_id>")
@requires(MANAGE)
def builder(form_id: str):
    """Configure Form: tabs Builder (categories and their fields), Settings, History."""
    form = _managed(form_id)
    open_category = store.as_id(request.args.get("category"))
    return _builder(form, request.args.get("tab", "form_builder"), open_category=open_category)


@bp.route("/edit_form/<form_id>/settings", methods=["POST"])
@requires("forms.can_update_form")
def settings(form_id: str):
    """The Settings tab saves the form's details (formUpdate)."""
    form = _managed(form_id)
    try:
        actions.update_form(form, details_from_request())
    except FormError as exc:
        flash(str(exc), "error")
        return _builder(form, "form_settings", 400, values=request.form, settings_errors=exc.errors)
    flash(FORM_UPDATED, "success")
    return redirect(f"/edit_form/{form['id']}?tab=form_settings")


@bp.route("/edit_form/<form_id>/categories", methods=["POST"])
@requires("forms.can_create_category")
def add_category(form_id: str):
    """Add a Category (categoryCreate)."""
    form = _managed(form_id)
    try:
        actions.add_category(
            form,
            {
                key: request.form.get(key)
                for key in ("field_name", "description", "rendered_text", "header_visible", "general", "order")
            },
        )
    except FormError as exc:
        flash(str(exc), "error")
        return _builder(form, status=400, category_values=request.form, category_errors=exc.errors)
    flash(CATEGORY_CREATED, "success")
    return redirect(f"/edit_form/{form['id']}")


@bp.route("/edit_form/<form_id>/properties", methods=["POST"])
@requires("forms.can_create_form_properties")
def add_property(form_id: str):
    """Add Property to a category (formPropertiesCreate); the field form stays open for the next one."""
    form = _managed(form_id)
    data: dict[str, Any] = {
        key: request.form.get(key)
        for key in ("field_name", "field_type", "required", "admin_use", "order", "short_desc", "long_desc")
    }
    data["options"] = request.form.getlist("option")
    category_id = request.form.get("category_id")
    try:
        actions.add_property(form, category_id, data)
    except FormError as exc:
        flash(str(exc), "error")
        return _builder(
            form,
            status=400,
            open_category=store.as_id(category_id),
            property_values=request.form,
            property_options=data["options"],
            property_errors=exc.errors,
        )
    flash(PROPERTY_ADDED, "success")
    return redirect(f"/edit_form/{form['id']}?category={store.as_id(category_id)}")


@bp.route("/edit_form/<form_id>/publish", methods=["POST"])
@requires("forms.can_update_form")
def publish(form_id: str):
    """Publish form (formUpdate status "published"), from the builder or the forms list's menu."""
    form = _managed(form_id)
    back = "/forms" if request.form.get("back") == "list" else f"/edit_form/{form['id']}"
    try:
        actions.update_form(form, {}, status="published")
    except FormError as exc:
        flash(str(exc), "error")
        return redirect(back)
    flash(PUBLISHED, "success")
    return redirect(back)


def profile_part(person: Any, tab: str, scan: dict[str, Any] | None) -> dict[str, Any] | None:
    """The profile's Forms tab: the person's submitted forms (their drafts only to themselves)."""
    mine = g.user is not None and person["id"] == g.user["id"]
    if tab != "Forms" or not (mine or can("forms.can_view_form_entries")):
        return None
    return {
        "template": "forms/_profile.html",
        "person": person,
        "submissions": answer_store.submissions_of(person["id"], with_drafts=mine),
    }

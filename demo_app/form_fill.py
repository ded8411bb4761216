"""Forms, the people's side: filling a form in (Submit a Form), its entries, one submission, My Form."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from flask import Blueprint, abort, flash, g, redirect, render_template, request

from . import clock
from . import form_actions as actions
from . import form_answer_rules as answer_rules
from . import form_answer_store as answer_store
from . import form_store as store
from .access import Denied, can, logged_in, requires
from .form_store import FormError

fill_bp = Blueprint("fill", __name__)
SUBMITTED = "You have successfully submitted the form"
SAVED_AS_DRAFT = "You have successfully saved the form as draft"
UNAVAILABLE = "Something went wrong while accessing this form"  # common:errors.something_went_wrong_forms
ENTRIES_PAGE = 50
# FormEntries.jsx shows a submission's status as stored ("pending", "draft", …).
STATUS_LABELS = {"draft": "draft", "pending": "pending", "approved": "approved", "rejected": "rejected"}


def input_name(prop: Mapping[str, Any]) -> str:
    """The HTML name of a property's input."""
    return f"property_{prop['id']}"


def _shown(props: list[dict[str, Any]], values: Mapping[int, Any]) -> dict[int, list[str]]:
    """Answers as the inputs show them: a list of texts per property id."""
    return {
        pid: (v if isinstance(v, list) else [str(v).replace(" ", "T") if _is_datetime(props, pid) else str(v)])
        for pid, v in values.items()
    }


def _is_datetime(props: list[dict[str, Any]], pid: int) -> bool:
    return any(p["id"] == pid and p["field_type"] == "datetime" for p in props)


def _fill_page(
    form: Any,
    shown: Mapping[int, list[str]],
    errors: Mapping[str, str] | None = None,
    status: int = 200,
    preview: str | None = None,
):
    return render_template(
        "forms/fill.html",
        form=form,
        categories=store.categories(form["id"]),
        shown=shown,
        errors=errors or {},
        preview=preview,
        input_name=input_name,
        admin=can(actions.MANAGE),
        can_save=g.user is not None,
        sent=request.args.get("sent") == "1",
    ), status


def _unavailable():
    return render_template("forms/unavailable.html", message=UNAVAILABLE), 404


@fill_bp.route("/form/<form_id>")
@logged_in
def short_address(form_id: str):
    """The platform's short address of a form goes to its private page."""
    return redirect(f"/form/{store.as_id(form_id) or 0}/private")


@fill_bp.route("/form/<form_id>/private", methods=["GET", "POST"])
@requires("forms.can_access_forms")
def fill(form_id: str):
    """Submit a Form: the form's categories and fields, Save as Draft and Submit (a preview first if it has one)."""
    form = actions.visible_form(form_id, g.user)
    if form is None:
        return _unavailable()
    props = store.properties(form["id"])
    if request.method == "GET":
        draft = answer_store.draft_of(form["id"], g.user["id"])
        return _fill_page(form, _shown(props, answer_store.answers(draft["id"])) if draft else {})
    sent = {p["id"]: request.form.getlist(input_name(p)) for p in props}
    action = request.form.get("action", "submit")
    if action == "preview" and form["preview"]:
        return _fill_page(form, sent, preview=_preview_text(form["id"], props, sent))
    try:
        actions.answer(form, g.user, sent, draft=action == "draft")
    except FormError as exc:
        flash(str(exc), "error")
        return _fill_page(form, sent, exc.errors, 400)
    flash(SAVED_AS_DRAFT if action == "draft" else SUBMITTED, "success")
    return redirect(f"/form/{form['id']}/private" + ("" if action == "draft" else "?sent=1"))


def _preview_text(form_id: int, props: list[dict[str, Any]], sent: Mapping[int, list[str]]) -> str:
    """Contract Preview: every category's rendered text with the answers given so far put in."""
    answers = {
        p["field_name"]: (
            [v for v in sent.get(p["id"], []) if v]
            if p["field_type"] == "checkbox"
            else next((v for v in sent.get(p["id"], []) if v), "")
        )
        for p in props
    }
    texts = [answer_rules.render_preview(c["rendered_text"], answers) for c in store.categories(form_id)]
    return "\n\n".join(t for t in texts if t.strip())


@fill_bp.route("/form/<form_id>/entries")
@fill_bp.route("/form/<form_id>/<path:form_name>/entries")
@requires("forms.can_view_form_entries")
def entries(form_id: str, form_name: str | None = None):
    """Form Entries: Date of Submitted, Version Number, Submitted By, Status; 50 a page, newest first."""
    form = store.get_form(form_id)
    if form is None:
        abort(404)
    offset = store.as_id(request.args.get("page")) or 0
    search = request.args.get("search", "")[:100]
    rows = answer_store.entries(form["id"], search, ENTRIES_PAGE, offset)
    return render_template(
        "forms/entries.html",
        form=form,
        rows=rows,
        search=search,
        offset=offset,
        page_size=ENTRIES_PAGE,
        status_labels=STATUS_LABELS,
    )


@fill_bp.route("/user_form/<user_id>/<form_user_id>")
@fill_bp.route("/user_form/<user_id>/<form_user_id>/<path:kind>")
@logged_in
def submission(user_id: str, form_user_id: str, kind: str | None = None):
    """One person's answers to a form: for that person, or for the people who read entries."""
    found = answer_store.get_submission(form_user_id)
    if found is None or str(found["user_id"]) != str(user_id):
        abort(404)
    mine = found["user_id"] == g.user["id"]
    if not mine and not can("forms.can_view_form_entries"):
        raise Denied()
    form = store.get_form(found["form_id"])
    if form is None:
        return _unavailable()
    props = store.properties(form["id"])
    return render_template(
        "forms/submission.html",
        form=form,
        found=found,
        categories=store.categories(form["id"]),
        input_name=input_name,
        errors={},
        shown=_shown(props, answer_store.answers(found["id"])),
        admin=can(actions.MANAGE),
        when=clock.fmt_datetime(found["created_at"]),
        status=STATUS_LABELS.get(found["status"], found["status"]),
    )


@fill_bp.route("/myforms")
@requires("my_forms.can_access_own_forms")
def my_forms():
    """My Form: the published forms to fill in, and the person's own submissions and drafts."""
    offered = [f for f in store.list_forms(with_drafts=False) if store.is_open(f)]
    return render_template(
        "forms/my_forms.html",
        offered=offered,
        submissions=answer_store.submissions_of(g.user["id"], with_drafts=True),
        status_labels=STATUS_LABELS,
    )

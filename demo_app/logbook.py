"""The logbook (/logbook) and the guard's manual entry (/request): grant or deny, then an observation."""

from __future__ import annotations

from typing import Any

from flask import Blueprint, abort, flash, g, redirect, render_template, request

from . import gate_store
from .access import can, requires
from .gate_rules import LIMITS, REASONS, GateError, check_entry

bp = Blueprint("logbook", __name__)
OBSERVATION_SAVED = "Observation note successfully added"
# Where the observation dialog's buttons go next (ObservationDialog.jsx).
NEXT_PAGES = {"scan": "/scan", "record": "/request?step=0"}


@bp.route("/logbook")
@requires("entry_request.can_access_logbook")
def logbook():
    """Logs: scans, grants, denials and observations, newest first; a search by name ("All Logs")."""
    term = request.args.get("q", "")[: gate_store.NAME_SEARCH_MAX]
    try:
        more = max(0, min(int(request.args.get("more", "0")), 9))
    except ValueError:
        more = 0
    size = (gate_store.SEARCH_PAGE_SIZE if term.strip() else gate_store.PAGE_SIZE) * (more + 1)
    cards = [gate_store.logbook_card(e) for e in gate_store.events(name=term, limit=size)]
    return render_template(
        "gate/logbook.html", cards=cards, term=term, more=more, has_more=len(cards) == size, note_limit=LIMITS["note"]
    )


@bp.route("/logbook/observation", methods=["POST"])
@requires("entry_request.can_add_entry_request_note")
def logbook_observation():
    """Add Observation from the logbook's Add menu: a note about nothing in particular."""
    try:
        gate_store.add_note(None, g.user["id"], request.form.get("note"))
    except GateError as exc:
        flash(str(exc), "error")
        return redirect("/logbook")
    flash(OBSERVATION_SAVED, "success")
    return redirect("/logbook")


def _form_page(values: dict[str, str], errors: dict[str, str], observe: Any = None, status: int = 200):
    return render_template(
        "gate/manual_entry.html",
        values=values,
        errors=errors,
        observe=observe,
        reasons=list(REASONS.items()),
        limits=LIMITS,
    ), status


@bp.route("/request")
@requires("entry_request.can_go_through_guest_verification")
def manual_entry():
    """Manual Entry (the stepper's "Guest Form"); after a grant, the observation dialog over it."""
    observe = None
    if "observe" in request.args:
        observe = gate_store.find_request(request.args["observe"])
        if observe is None or observe["user_id"] != g.user["id"]:
            abort(404)
    return _form_page({}, {}, observe)


@bp.route("/request", methods=["POST"])
@requires("entry_request.can_go_through_guest_verification", "entry_request.can_create_entry_request")
def record_entry():
    """Grant or Deny a visitor: the form's required fields first, then the entry request and the decision."""
    action = request.form.get("action")
    if action not in ("grant", "deny"):
        abort(400)
    if not can("entry_request.can_grant_entry" if action == "grant" else "entry_request.can_deny_entry"):
        abort(404)
    values, errors = check_entry(request.form)
    if errors:
        return _form_page(values, errors, status=400)
    entry_id = gate_store.create_request(values, g.user["id"])
    gate_store.decide(entry_id, g.user["id"], granted=action == "grant")
    if action == "deny":
        flash("Success: Access denied successfully", "success")
        return redirect("/request")
    return redirect(f"/request?observe={entry_id}")


@bp.route("/request/<request_id>/observation", methods=["POST"])
@requires("entry_request.can_add_entry_request_note")
def observation(request_id: str):
    """The observation dialog's "Skip/Save & …" buttons: save a note if there is one, then go on."""
    entry = gate_store.find_request(request_id)
    if entry is None or entry["user_id"] != g.user["id"]:
        abort(404)
    target = NEXT_PAGES.get(request.form.get("next", ""), "/")
    if request.form.get("note", "").strip():
        try:
            gate_store.add_note(entry["id"], g.user["id"], request.form["note"])
        except GateError as exc:
            flash(str(exc), "error")
            return redirect(f"/request?observe={entry['id']}")
        flash(OBSERVATION_SAVED, "success")
    return redirect(target)


def profile_part(person: Any, tab: str, scan: dict[str, Any] | None) -> dict[str, Any] | None:
    """The logbook adds nothing to a profile (Log This Entry is gate.profile_part)."""
    return None

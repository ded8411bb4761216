"""Registered guests: invite (/logbook/guests/invite), My Guests (edit, cancel), Invitations (Grant Access)."""

from __future__ import annotations

from typing import Any

from flask import Blueprint, abort, flash, g, redirect, render_template, request

from . import clock, gate_store, invites
from .access import requires
from .gate_rules import LIMITS, WEEKDAY_BUTTONS, WEEKDAYS, GateError, plan_visit

bp = Blueprint("guests", __name__)
INVITED = "Successfully invited a guest"
UPDATED = "Invite updated successfully"
GRANTED = "Success: Access granted successfully"
OBSERVATION_SAVED = "Observation note successfully added"
MAX_FORM_GUESTS = invites.MAX_GUESTS


def _visit_from(form: Any) -> Any:
    """The GuestTime block of a form as a visit in community time."""
    return plan_visit(
        form.get("visitationDate"),
        form.get("startsAt"),
        form.get("endsAt"),
        form.getlist("occursOn")[: len(WEEKDAYS)],
        form.get("visitEndDate"),
        clock.community_tz(),
        clock.today_local(),
    )


def _guests_from(form: Any) -> list[dict[str, str]]:
    """The guests added on the invite form (one hidden row each)."""
    columns = [
        form.getlist(key)[: MAX_FORM_GUESTS + 1]
        for key in ("guestFirstName", "guestLastName", "guestCompanyName", "guestPhoneNumber")
    ]
    return [
        {"firstName": first, "lastName": last, "companyName": company, "phoneNumber": phone}
        for first, last, company, phone in zip(*columns, strict=False)
    ]


def _time_values(form: Any = None) -> dict[str, Any]:
    """What the GuestTime block shows: today by default, or what was sent."""
    if form is None:
        now = clock.local(clock.now_utc()).strftime("%H:%M")  # GuestInviteForm: no day yet, both times now
        return {
            "visitationDate": "",
            "startsAt": now,
            "endsAt": now,
            "occursOn": [],
            "visitEndDate": "",
        }
    return {
        "visitationDate": form.get("visitationDate", "")[:10],
        "startsAt": form.get("startsAt", "")[:5],
        "endsAt": form.get("endsAt", "")[:5],
        "occursOn": form.getlist("occursOn")[: len(WEEKDAYS)],
        "visitEndDate": form.get("visitEndDate", "")[:10],
    }


@bp.route("/logbook/guests/invite")
@requires("entry_request.can_access_guest_list", "entry_request.can_invite_guest")
def invite_form():
    """Guest Invite / Schedule Visit: the guests, then the day and time of the visit."""
    return render_template(
        "gate/guest_invite.html", when=_time_values(), guests=[], limits=LIMITS, weekdays=WEEKDAY_BUTTONS
    )


@bp.route("/logbook/guests/invite", methods=["POST"])
@requires("entry_request.can_access_guest_list", "entry_request.can_invite_guest")
def invite():
    """Invite Guest: invitationCreate's rules; the error snackbar says what is wrong."""
    guests, user_ids = _guests_from(request.form), request.form.getlist("userIds")[: MAX_FORM_GUESTS + 1]
    try:
        if not guests and not user_ids:
            raise GateError(invites.NO_GUESTS)
        invites.invite(g.user["id"], _visit_from(request.form), guests, user_ids)
    except GateError as exc:
        flash(str(exc), "error")
        return render_template(
            "gate/guest_invite.html",
            when=_time_values(request.form),
            guests=guests,
            limits=LIMITS,
            weekdays=WEEKDAY_BUTTONS,
        ), 400
    flash(INVITED, "success")
    return redirect("/logbook/guests")


@bp.route("/logbook/guests")
@requires("entry_request.can_access_guest_list")
def my_guests():
    """My Guests: the user's invitations with their validity now; ?edit=<id> opens "Edit Guest"."""
    term = request.args.get("q", "")[:100]
    editing = None
    if "edit" in request.args:
        editing = invites.card(_changeable(request.args["edit"]))
    return render_template(
        "gate/my_guests.html",
        cards=invites.my_guests(g.user["id"], term),
        term=term,
        editing=editing,
        weekdays=WEEKDAY_BUTTONS,
    )


def _changeable(invite_id: str) -> Any:
    found = invites.find(invite_id)
    if found is None or not invites.may_change(found, g.user):
        abort(404)
    return found


@bp.route("/logbook/guests/<invite_id>/update", methods=["POST"])
@requires("entry_request.can_update_invitation")
def update(invite_id: str):
    """Update Guest: a new day, time or repeat for the invitation."""
    found = _changeable(invite_id)
    try:
        invites.update(found["id"], g.user, visit=_visit_from(request.form))
    except GateError as exc:
        flash(str(exc), "error")
        return redirect(f"/logbook/guests?edit={found['id']}")
    flash(UPDATED, "success")
    return redirect("/logbook/guests")


@bp.route("/logbook/guests/<invite_id>/status", methods=["POST"])
@requires("entry_request.can_update_invitation")
def set_status(invite_id: str):
    """The card menu's Cancel / Re-Activate."""
    found = _changeable(invite_id)
    status = request.form.get("status", "")
    if status not in ("active", "cancelled"):
        abort(400)
    invites.update(found["id"], g.user, status=status)
    flash(UPDATED, "success")
    return redirect("/logbook/guests")


@bp.route("/logbook/invitations")
@requires("entry_request.can_view_entry_requests")
def invitations():
    """Invitations: every active invitation, "Valid" or "Invalid now", Grant Access while valid."""
    term = request.args.get("q", "")[:100]
    observe = None
    if "observe" in request.args:
        observe = gate_store.find_request(request.args["observe"])
        if observe is None:
            abort(404)
    return render_template(
        "gate/invitations.html",
        cards=invites.scheduled(term, 0, 50),
        term=term,
        observe=observe,
        note_limit=LIMITS["note"],
    )


@bp.route("/logbook/invitations/<invite_id>/grant", methods=["POST"])
@requires("entry_request.can_view_entry_requests", "entry_request.can_grant_entry")
def grant(invite_id: str):
    """Grant Access: only while the visit is valid; then the observation dialog."""
    found = invites.find(invite_id)
    if found is None or found["status"] != "active":
        abort(404)
    state = invites.card(found)["validity"]
    if state != "Valid":
        flash(state, "error")
        return redirect("/logbook/invitations")
    gate_store.decide(found["entry_request_id"], g.user["id"], granted=True)
    flash(GRANTED, "success")
    return redirect(f"/logbook/invitations?observe={found['entry_request_id']}")


@bp.route("/logbook/invitations/observation/<request_id>", methods=["POST"])
@requires("entry_request.can_view_entry_requests", "entry_request.can_add_entry_request_note")
def observation(request_id: str):
    """The observation after a grant: Save keeps a note (an empty one just closes the dialog)."""
    entry = gate_store.find_request(request_id)
    if entry is None:
        abort(404)
    if request.form.get("note", "").strip():
        try:
            gate_store.add_note(entry["id"], g.user["id"], request.form["note"])
        except GateError as exc:
            flash(str(exc), "error")
            return redirect(f"/logbook/invitations?observe={entry['id']}")
        flash(OBSERVATION_SAVED, "success")
    return redirect("/logbook/invitations")


def profile_part(person: Any, tab: str, scan: dict[str, Any] | None) -> dict[str, Any] | None:
    """Guests add nothing to a profile."""
    return None

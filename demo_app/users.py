"""People's pages: the guard's search, a person's profile (with each area's part), the ID card."""

from __future__ import annotations

import segno
from flask import Blueprint, abort, g, redirect, render_template, request

from . import clock, people
from .access import GUARD_TYPES, ROLE_LABELS, SEARCH_TYPES, for_types, logged_in
from .db import query
from .profile_parts import parts_for

bp = Blueprint("users", __name__)
SEARCH_MAX = 100  # characters of a search term that are used


@bp.route("/search")
@for_types(*SEARCH_TYPES)
def search():
    """Find people by name, email or phone (modules/Search): results link to their profiles."""
    term = request.args.get("query", "").strip()[:SEARCH_MAX]
    results = []
    if term:
        like = f"%{term.lower()}%"
        results = query(
            "SELECT * FROM users WHERE lower(name) LIKE ? OR lower(coalesce(email, '')) LIKE ?"
            " OR coalesce(phone, '') LIKE ? ORDER BY name LIMIT 50",
            (like, like, like),
        )
    return render_template("search.html", term=term, results=results, role_label=ROLE_LABELS)


@bp.route("/user/<user_id>")
@bp.route("/user/<user_id>/<tm>")
@bp.route("/user/<user_id>/<tm>/<dg>")
@logged_in
def profile(user_id: str, tm: str | None = None, dg: str | None = None):
    """A person's profile (UserShow): details, the options menu, and what each area adds."""
    person = people.find(user_id)
    if person is None:
        abort(404)
    if person["id"] != g.user["id"] and g.user["role"] not in SEARCH_TYPES:
        abort(404)  # clients and residents see only their own profile
    tab = request.args.get("tab", "Contacts")
    scan = {"tm": tm, "digital": dg == "dg"} if tm is not None else None
    return render_template(
        "profile.html",
        person=person,
        tab=tab,
        scan=scan,
        role_label=ROLE_LABELS.get(person["role"], person["role"]),
        parts=parts_for(person, tab, scan),
        is_guard=g.user["role"] in GUARD_TYPES,
    )


@bp.route("/myprofile")
@logged_in
def my_profile():
    """The current user's own profile."""
    return redirect(f"/user/{g.user['id']}")


@bp.route("/id/<user_id>")
@logged_in
def id_card(user_id: str):
    """My ID: the person's QR code, `<protocol>//<hostname>/user/<id>/<Date.now()>/dg`, fresh on each view."""
    person = people.find(user_id)
    if person is None or (person["id"] != g.user["id"] and g.user["role"] not in SEARCH_TYPES):
        abort(404)
    now_ms = int(clock.now_utc().timestamp() * 1000)
    # The platform encodes the hostname without the port (containers/IdCard.jsx).
    code_url = f"{request.scheme}://{request.host.split(':')[0]}/user/{person['id']}/{now_ms}/dg"
    qr = segno.make(code_url, error="m")
    expires = person["expires_at"]
    return render_template(
        "id_card.html",
        person=person,
        role=person["role"],
        qr_svg=qr.svg_inline(scale=6, border=4, omitsize=False),
        code_url=code_url,
        expiration=clock.fmt_date(expires) if expires else None,
        expired=bool(expires and clock.from_iso(expires) < clock.now_utc()),
    )

"""Guard home, user search, user profile with "Log This Entry", the ID card QR, and the scanner."""
from __future__ import annotations

import re
from typing import Any, Callable
from urllib.parse import urlsplit

import segno
from flask import Blueprint, abort, flash, g, redirect, render_template, request, url_for

from . import clock
from .access import ROLE_LABELS, can, menu_item, requires
from .db import query
from .logbook import record_entry

bp = Blueprint("gate", __name__)
menu_item("Users", "gate.search", "search", "users-menu-item", 10)
menu_item("Scan", "gate.scan", "scan", "scan-menu-item", 15)
menu_item("My ID", "gate.my_id", "id_card", "my-id-menu-item", 90)

GUARD_CARDS = [
    ("Scan", "gate.scan", {}),
    ("Identity", "gate.id_card", None),
    ("Manual Entry", "logbook.manual_entry", {}),
    ("Logs", "logbook.logbook", {}),
    ("Invitations", "logbook.logbook", {"tab": "guests"}),
    ("Time Card", "timesheet.user_timesheet", None),
]
QR_PATH = re.compile(r"^/user/(\d+)(?:/(\d+))?(?:/(dg))?/?$")


@bp.route("/guard_home")
@requires("guard_home")
def guard_home():
    """The guard's home: search box and cards."""
    cards = []
    for title, endpoint, args in GUARD_CARDS:
        if args is None:
            args = {"user_id": g.user["id"]}
        cards.append({"title": title, "href": url_for(endpoint, **args)})
    return render_template("guard_home.html", cards=cards)


@bp.route("/search")
@requires("search")
def search():
    """Find people by name, email or phone."""
    term = request.args.get("q", "").strip()
    results = []
    if term:
        like = f"%{term.lower()}%"
        results = query(
            "SELECT * FROM users WHERE lower(name) LIKE ? OR lower(coalesce(email, '')) LIKE ? OR phone LIKE ?"
            " ORDER BY name LIMIT 50", (like, like, like))
    return render_template("search.html", term=term, results=results)


@bp.route("/user/<int:user_id>")
@bp.route("/user/<int:user_id>/<int:tm>")
@bp.route("/user/<int:user_id>/<int:tm>/<any(dg):dg>")
@requires("profile")
def profile(user_id: int, tm: int | None = None, dg: str | None = None):
    """A person's profile; guards see Log This Entry, custodians the shift buttons."""
    user = query("SELECT * FROM users WHERE id = ?", (user_id,), one=True)
    if user is None:
        abort(404)
    scan_kind = None
    if tm is not None:
        scan_kind = "Digital Scan" if dg else "Print Scan"
    sections = [section for hook in PROFILE_SECTIONS if (section := hook(user)) is not None]
    return render_template(
        "profile.html", person=user, tm=tm, dg=dg, scan_kind=scan_kind, sections=sections,
        qr_time=clock.fmt_datetime(clock.from_epoch_ms(tm)) if tm else "")


# Areas add a section to the profile (shift buttons, payment plans): each hook takes the person
# shown and returns (template, context) when the current user should see that section, else None.
PROFILE_SECTIONS: list[Callable[[Any], tuple[str, dict[str, Any]] | None]] = []


@bp.route("/user/<int:user_id>/log_entry", methods=["POST"])
@requires("log_entry")
def log_entry(user_id: int):
    """Record the person's entry at the gate: a digital or print scan of their ID."""
    user = query("SELECT * FROM users WHERE id = ?", (user_id,), one=True)
    if user is None:
        abort(404)
    tm = request.form.get("tm", "")
    digital = request.form.get("dg") == "dg"
    qr_ms = int(tm) if tm.isdigit() else None
    status = "granted" if user["status"] == "active" and user["state"] == "valid" else "denied"
    record_entry("digital_scan" if digital else "print_scan", status, user["name"],
                 subject_user_id=user["id"], phone=user["phone"], qr_timestamp_ms=qr_ms)
    flash(f"Entry logged for {user['name']}" if status == "granted" else f"Entry denied for {user['name']}")
    return redirect(url_for("home.index"))


@bp.route("/id/<int:user_id>")
@requires("id_card")
def id_card(user_id: int):
    """A person's ID card: a fresh QR code of /user/<id>/<now ms>/dg on every render."""
    if user_id != g.user["id"] and not can("search"):
        abort(404)  # people other than staff only see their own card
    user = query("SELECT * FROM users WHERE id = ?", (user_id,), one=True)
    if user is None:
        abort(404)
    now_ms = int(clock.now_utc().timestamp() * 1000)
    code_url = f"{request.host_url.rstrip('/')}/user/{user['id']}/{now_ms}/dg"
    qr = segno.make(code_url, error="m")
    return render_template("id_card.html", person=user, role=ROLE_LABELS.get(user["role"], user["role"]),
                           qr_data_uri=qr.png_data_uri(scale=6, border=4), code_url=code_url)


@bp.route("/myid")
@requires("id_card")
def my_id():
    """The current user's own ID card."""
    return redirect(url_for("gate.id_card", user_id=g.user["id"]))


@bp.route("/scan")
@requires("scan")
def scan():
    """The scanner: a hand-held reader types the code; codes from another site are refused."""
    code = request.args.get("code", "").strip()
    if not code:
        return render_template("scan.html", error=None)
    parts = urlsplit(code)
    match = QR_PATH.match(parts.path)
    if parts.netloc != request.host or match is None:
        return render_template("scan.html", error="Invalid QRCode Data", code=code), 400
    flash("Decoding...")
    return redirect(parts.path)

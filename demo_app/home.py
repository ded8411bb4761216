"""Home: guards go to the guard home, everyone else sees their role's dashboard cards."""
from __future__ import annotations

from flask import Blueprint, g, redirect, render_template, url_for

from .access import can, logged_in, menu_item

bp = Blueprint("home", __name__)

# Cards each role sees on its home page: (title, endpoint, endpoint args factory, permission).
CARDS = [
    ("Scan", "gate.scan", lambda u: {}, "scan"),
    ("My Code", "gate.id_card", lambda u: {"user_id": u["id"]}, "id_card"),
    ("Users", "gate.search", lambda u: {}, "search"),
    ("Log Book", "logbook.logbook", lambda u: {}, "logbook"),
]
menu_item("Home", "home.index", "id_card", "home-menu-item", 0)


def register_card(title: str, endpoint: str, args, permission: str) -> None:
    """Let an area add its card to the home page (Time Card, Payments, Forms, Tasks…)."""
    if not any(c[1] == endpoint for c in CARDS):
        CARDS.append((title, endpoint, args, permission))


@bp.route("/")
@logged_in
def index():
    """Send guards to their home; show everyone else their cards."""
    if g.user["role"] in ("security_guard", "security_supervisor"):
        return redirect(url_for("gate.guard_home"))
    cards = [
        {"title": title, "href": url_for(endpoint, **args(g.user))}
        for title, endpoint, args, permission in CARDS if can(permission)
    ]
    return render_template("home.html", cards=cards)

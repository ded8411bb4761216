"""Home: guards go to their dashboard of cards (GuardHome); everyone else sees the Dashboard."""

from __future__ import annotations

from flask import Blueprint, current_app, g, redirect, render_template

from .access import GUARD_TYPES, logged_in, public, requires

bp = Blueprint("home", __name__)

# GuardHome.jsx: (title, href) in the platform's order; "<me>" is the guard's own id.
GUARD_CARDS = (
    ("Scan", "/scan"),
    ("Identity", "/id/<me>"),
    ("Manual Entry", "/request"),
    ("Logs", "/logbook"),
    ("Guard Post", "/guard_post"),
    ("Invitations", "/logbook/invitations"),
    ("Time Card", "/timesheet/<me>"),
)
# HomePage.jsx card list (Typography link-name) for roles that get cards.
ROLE_CARDS = {
    "custodian": (("Scan", "/scan"), ("My Code", "/id/<me>"), ("Time Card", "/timesheet")),
    "resident": (("My Code", "/id/<me>"), ("Application forms and permits", "/forms")),
    "visitor": (("My Code", "/id/<me>"),),
}
QR_BUTTON_TYPES = ("admin", "developer", "consultant", "client")


def _cards(cards: tuple[tuple[str, str], ...]) -> list[dict[str, str]]:
    me = str(g.user["id"])
    return [{"title": title, "href": href.replace("<me>", me)} for title, href in cards]


@bp.route("/")
@logged_in
def index():
    """Security guards and supervisors go to /guard_home; the others see their Dashboard."""
    if g.user["role"] in GUARD_TYPES:
        return redirect("/guard_home")
    return render_template(
        "home.html", cards=_cards(ROLE_CARDS.get(g.user["role"], ())), qr_button=g.user["role"] in QR_BUTTON_TYPES
    )


@bp.route("/guard_home")
@requires("dashboard.can_access_guard_dashboard")
def guard_home():
    """The guard's dashboard: search, scan, and the cards of the gate."""
    return render_template("guard_home.html", cards=_cards(GUARD_CARDS), manager_phone="+260970000000")


@bp.route("/robots.txt")
@public
def robots():
    """The site's robots.txt (also the cheapest address of the site, where the suite plants a token)."""
    return current_app.response_class("User-agent: *\nDisallow: /\n", mimetype="text/plain")

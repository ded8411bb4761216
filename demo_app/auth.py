"""Log in by email and password, log out, and load the current user for each request."""
from __future__ import annotations

from urllib.parse import urlsplit

from flask import Blueprint, flash, g, redirect, render_template, request, session, url_for
from werkzeug.security import check_password_hash

from .access import public
from .db import query

bp = Blueprint("auth", __name__)


def load_user() -> None:
    """Put the logged-in, active user (or None) on g."""
    user_id = session.get("user_id")
    g.user = None
    if user_id is not None:
        user = query("SELECT * FROM users WHERE id = ?", (user_id,), one=True)
        if user is not None and user["status"] == "active":
            g.user = user
        else:
            session.clear()


def _safe_next(target: str | None) -> str | None:
    """Only same-site relative paths are followed after login."""
    if not target:
        return None
    parts = urlsplit(target)
    if parts.scheme or parts.netloc or not target.startswith("/") or target.startswith("//"):
        return None
    return target


@bp.route("/login", methods=["GET", "POST"])
@public
def login():
    """The login form; a wrong email or password gets one message that reveals neither."""
    if g.user is not None and request.method == "GET":
        return redirect(url_for("home.index"))
    error = None
    email = ""
    if request.method == "POST":
        email = request.form.get("email", "").strip().lower()
        password = request.form.get("password", "")
        user = query("SELECT * FROM users WHERE lower(email) = ?", (email,), one=True) if email else None
        if not email or not password:
            error = "Enter your email and password"
        elif user is None or not user["password_hash"] or not check_password_hash(user["password_hash"], password):
            error = "Invalid email or password"
        elif user["status"] != "active":
            error = "This account is deactivated"
        else:
            session.clear()
            session["user_id"] = user["id"]
            return redirect(_safe_next(request.args.get("next")) or url_for("home.index"))
    return render_template("login.html", error=error, email=email), (400 if error else 200)


@bp.route("/logout", methods=["POST"])
@public
def logout():
    """End the session and go back to the login page."""
    session.clear()
    flash("You have been logged out")
    return redirect(url_for("auth.login"))

"""Who is calling: the platform's bearer token, kept by the browser in localStorage.

The platform has no cookie session: its single-page app keeps a token in
`localStorage['dgdp_auth_token']` and sends it as `Authorization: Bearer` with every GraphQL
call. A server-rendered page cannot read localStorage, so every page of the reference app starts
with a tiny script that mirrors the token into a cookie of the same name (and reloads when the
two differ): planting the token in localStorage and reloading logs a user in, exactly as on the
platform, and clearing localStorage logs them out.
"""

from __future__ import annotations

from typing import Any

from flask import Blueprint, current_app, g, redirect, render_template, request
from itsdangerous import BadSignature, URLSafeTimedSerializer

from . import people
from .access import public

bp = Blueprint("auth", __name__)
TOKEN_KEY = "dgdp_auth_token"
TOKEN_MAX_AGE = 60 * 60 * 24 * 30  # seconds a token stays valid


def _serializer() -> URLSafeTimedSerializer:
    return URLSafeTimedSerializer(current_app.config["SECRET_KEY"], salt="dgdp-auth-token")


def token_for(user_id: int) -> str:
    """A signed token naming the user (the platform's JWT plays this part)."""
    return _serializer().dumps({"uid": int(user_id)})


def user_for_token(token: str | None) -> Any:
    """The active person a token names, or None for a missing, forged, expired or unknown token."""
    if not token or len(token) > 512 or not token.isascii():
        return None
    try:
        data = _serializer().loads(token, max_age=TOKEN_MAX_AGE)
    except BadSignature:
        return None
    person = people.find(data.get("uid")) if isinstance(data, dict) else None
    return person if person is not None and person["status"] == "active" else None


def bearer_token() -> str | None:
    """The token of an `Authorization: Bearer <token>` header (the only form accepted)."""
    header = request.headers.get("Authorization", "")
    scheme, _, token = header.partition(" ")
    return token.strip() if scheme == "Bearer" and token.strip() else None


def load_user() -> None:
    """Put the calling person (or None) on g: bearer header first, else the page cookie."""
    token = bearer_token() or request.cookies.get(TOKEN_KEY)
    g.token_given = bool(token)
    g.user = user_for_token(token)


def safe_next(target: str | None) -> str:
    """Where to go after logging in: a same-site path only, else home."""
    if not target or not target.startswith("/") or target.startswith("//") or "\\" in target:
        return "/"
    return target


@bp.route("/login", defaults={"next_path": None})
@bp.route("/login/<path:next_path>")
@public
def login(next_path: str | None):
    """The platform's login screen; the script calls loginUsernamePassword and keeps the token."""
    if g.user is not None:
        return redirect("/")
    return render_template("login.html", next_url=safe_next("/" + next_path if next_path else None))


@bp.route("/password_setup/<int:user_id>")
@public
def password_setup(user_id: int):
    """Set Password: shown after a login with a password an admin reset."""
    return render_template("password_setup.html", user_id=user_id)


@bp.route("/logout")
@public
def logout():
    """Forget the token (localStorage and cookie), then the login screen."""
    response = current_app.make_response(render_template("logout.html"))
    response.delete_cookie(TOKEN_KEY, path="/")
    return response


def boot_page():
    """What a page answers without a valid token: restore the token from localStorage, or log in."""
    return render_template("boot.html", forget=g.get("token_given", False)), 200

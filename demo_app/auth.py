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
from urllib.parse import urlsplit

from flask import Blueprint, current_app, g, redirect, render_template, request
from itsdangerous import BadSignature, URLSafeTimedSerializer

from . import people
from .access import public

bp = Blueprint("auth", __name__)
TOKEN_KEY = "dgdp_auth_token"
TOKEN_MAX_AGE = 60 * 60 * 24 * 30  # seconds a token stays valid


def _serializer() -> URLSafeTimedSerializer:
    return URLSafeTimedSerializer(current_app.config["SECRET_KEY"], salt="dgdp-auth-token")


SETUP = "password_setup"  # a token good only for setting one's own password (resetPasswordAfterLogin)


def token_for(user_id: int, purpose: str = "") -> str:
    """A signed token naming the user and their token version (the platform's JWT plays this part).

    A person whose password an admin reset gets a token good only for setting their own password.
    """
    person = people.find(user_id)
    version = int(person["token_version"]) if person is not None else 0
    claims: dict[str, Any] = {"uid": int(user_id), "v": version}
    if purpose:
        claims["for"] = purpose
    return _serializer().dumps(claims)


def _claims(token: str | None) -> dict[str, Any] | None:
    if not token or len(token) > 512 or not token.isascii():
        return None
    try:
        data = _serializer().loads(token, max_age=TOKEN_MAX_AGE)
    except BadSignature:
        return None
    return data if isinstance(data, dict) else None


def user_for_token(token: str | None, purpose: str = "") -> Any:
    """The active person a token names, or None for a missing, forged, expired, revoked (logged out,
    password changed) or unknown token, or one made for another purpose."""
    data = _claims(token)
    if data is None or data.get("for", "") != purpose:
        return None
    person = people.find(data.get("uid"))
    if person is None or person["status"] != "active" or data.get("v") != int(person["token_version"]):
        return None
    return person


def bearer_token() -> str | None:
    """The token of an `Authorization: Bearer <token>` header (the only form accepted)."""
    return bearer_token_of(request)


def bearer_token_of(asked: Any) -> str | None:
    """The bearer token of a request (None without one)."""
    header = asked.headers.get("Authorization", "") if asked is not None else ""
    scheme, _, token = header.partition(" ")
    return token.strip() if scheme == "Bearer" and token.strip() else None


def load_user() -> None:
    """Put the calling person (or None) on g: bearer header first, else the page cookie."""
    token = bearer_token() or request.cookies.get(TOKEN_KEY)
    g.token_given = bool(token)
    g.user = user_for_token(token)


def safe_next(target: str | None) -> str:
    """Where to go after logging in: a path of this site only, else home.

    Read as a browser reads it: browsers drop tabs and newlines from an address and take a backslash
    for a slash, so "/\t/evil.example" or "/\\evil.example" would leave the site; any control
    character, space or backslash is refused, and what is left must have no scheme and no host.
    """
    if not target or any(ord(c) <= 0x20 or ord(c) == 0x7F or c == "\\" for c in target):
        return "/"
    parts = urlsplit(target)
    if not target.startswith("/") or target.startswith("//") or parts.scheme or parts.netloc:
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


@bp.get("/logout")
@public
def logout_page():
    """Asks before logging out: a GET (a link from another site, an image) never logs anyone out."""
    return render_template("logout_confirm.html")


@bp.post("/logout")
@public
def logout():
    """Log out (POST, with the form's CSRF token): every token the person holds stops working, then the
    browser forgets it (localStorage and cookie) and shows the login screen."""
    if g.user is not None:
        people.revoke_tokens(g.user["id"])
    response = current_app.make_response(render_template("logout.html"))
    response.delete_cookie(TOKEN_KEY, path="/")
    return response


def boot_page():
    """What a page answers without a valid token: restore the token from localStorage, or log in."""
    return render_template("boot.html", forget=g.get("token_given", False)), 200

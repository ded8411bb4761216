"""People of the community: creating them as the platform's userCreate does, finding them, passwords."""

from __future__ import annotations

import secrets
import sqlite3
import uuid
from typing import Any

from flask import current_app
from werkzeug.security import check_password_hash, generate_password_hash

from . import clock
from .access import ROLES
from .db import execute, query

STATES = ("valid", "pending", "banned", "expired")
STATUSES = ("active", "deactivated")
NAME_MAX = 200


class PersonError(ValueError):
    """A person cannot be created or changed as asked; the message is shown as the platform would."""


def hash_password(password: str) -> str:
    """A password's stored hash, by the app's PASSWORD_HASH_METHOD (set in create_app)."""
    return generate_password_hash(password, method=current_app.config["PASSWORD_HASH_METHOD"])


def username_for(name: str) -> str:
    """The platform's generated username: the name lower-cased without spaces + 5 uuid characters."""
    return "".join(name.lower().split()) + uuid.uuid4().hex[:5]


def find(user_id: Any) -> sqlite3.Row | None:
    """A person by id (None for ids that are not numbers or not there)."""
    text = str(user_id)
    if not (text.isascii() and text.isdigit()):  # int() would read "٥" as 5
        return None
    number = int(text)
    if not 0 < number < 2**63:
        return None
    return query("SELECT * FROM users WHERE id = ?", (number,), one=True)


def by_username(username: str) -> sqlite3.Row | None:
    """A person by login name (exact, as the platform matches it)."""
    return query("SELECT * FROM users WHERE username = ?", (username,), one=True)


def password_ok(person: sqlite3.Row | None, password: str) -> bool:
    """Whether the password is this person's (False for people without one)."""
    return bool(person and person["password_hash"] and check_password_hash(person["password_hash"], password))


def create(
    name: str,
    role: str,
    *,
    phone: str | None = None,
    email: str | None = None,
    username: str | None = None,
    password_hash: str | None = None,
    state: str = "valid",
    ext_ref_id: str | None = None,
) -> int:
    """A new person; their id. Duplicate phone numbers are refused as on the platform."""
    name = " ".join(str(name or "").split())
    if not name:
        raise PersonError("Name can't be blank")
    if len(name) > NAME_MAX:
        raise PersonError(f"Name is too long (maximum is {NAME_MAX} characters)")
    if role not in ROLES:
        raise PersonError(f"Invalid user type {role}")
    if state not in STATES:
        raise PersonError(f"Invalid state {state}")
    if phone and query("SELECT 1 FROM users WHERE phone = ?", (phone,), one=True):
        raise PersonError("Phone number has already been taken")
    if email and query("SELECT 1 FROM users WHERE lower(email) = lower(?)", (email,), one=True):
        raise PersonError("Email has already been taken")
    return execute(
        "INSERT INTO users (name, username, email, password_hash, role, state, phone, ext_ref_id, created_at)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (
            name,
            username or username_for(name),
            email or None,
            password_hash or hash_password(secrets.token_urlsafe(16)),
            role,
            state,
            phone or None,
            ext_ref_id,
            clock.to_iso(clock.now_utc()),
        ),
    )


def update(user_id: int, name: str, *, status: str | None = None, state: str | None = None) -> None:
    """userUpdate: a person's name, and their status (active / deactivated) and state when given."""
    person = find(user_id)
    if person is None:
        raise PersonError("User not found")
    name = " ".join(str(name or "").split())
    if not name or len(name) > NAME_MAX:
        raise PersonError("Name can't be blank" if not name else f"Name is too long (maximum is {NAME_MAX} characters)")
    if status is not None and status not in STATUSES:
        raise PersonError(f"Invalid status {status}")
    if state is not None and state not in STATES:
        raise PersonError(f"Invalid state {state}")
    execute(
        "UPDATE users SET name = ?, status = ?, state = ? WHERE id = ?",
        (name, status or person["status"], state or person["state"], person["id"]),
    )


def reset_password(user_id: int) -> tuple[str, str]:
    """A fresh random password (adminResetPassword): the person must set their own at next login."""
    person = find(user_id)
    if person is None:
        raise PersonError("User not found")
    password = secrets.token_urlsafe(12)
    execute(
        "UPDATE users SET password_hash = ?, has_reset_password = 0, token_version = token_version + 1 WHERE id = ?",
        (hash_password(password), person["id"]),
    )
    return person["username"], password


def revoke_tokens(user_id: int) -> None:
    """Every token the person holds stops working (logout, a new password)."""
    execute("UPDATE users SET token_version = token_version + 1 WHERE id = ?", (user_id,))


PASSWORD_SPECIALS = "-+_!@#$%^&*.,?"


def password_problems(password: str, confirm: str) -> list[str]:
    """The platform's password checks (login:password_checks.*) that a new password fails."""
    checks = [
        (len(password) >= 10, "Must be 10 characters long"),
        (any(c in PASSWORD_SPECIALS for c in password), "Must contain special characters"),
        (any(c.isdigit() for c in password), "Must contain a number"),
        (any(c.islower() for c in password), "Must contain one lowercase"),
        (any(c.isupper() for c in password), "Must contain one uppercase"),
        (" " not in password, "Must not contain spaces"),
        (password == confirm, "Passwords must match"),
    ]
    return [message for ok, message in checks if not ok]


def set_own_password(user_id: int, password: str) -> None:
    """resetPasswordAfterLogin: a new password that differs from the old one."""
    person = find(user_id)
    if person is None:
        raise PersonError("User not found")
    if password_ok(person, password):
        raise PersonError("Please provide a new password")
    problems = password_problems(password, password)
    if problems:
        raise PersonError(problems[0])
    execute(
        "UPDATE users SET password_hash = ?, has_reset_password = 1, token_version = token_version + 1 WHERE id = ?",
        (hash_password(password), person["id"]),
    )

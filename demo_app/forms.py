"""The forms area of the reference app (being rebuilt on the platform's contract)."""
from __future__ import annotations

from typing import Any

from flask import Blueprint

bp = Blueprint("forms", __name__)


def profile_part(person: Any, tab: str, scan: dict[str, Any] | None) -> dict[str, Any] | None:
    """This area's part of a person's profile (none yet)."""
    return None

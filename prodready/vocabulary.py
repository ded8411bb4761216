"""The domain's words as step parameter types, so features read as the production page does."""
from __future__ import annotations

from datetime import date, datetime

import parse

# "the guard", "the admin", … → the persona key in prodready.toml.
PERSONA_WORDS = {"guard": "guard", "admin": "admin", "custodian": "custodian", "client": "client",
                 "worker": "worker"}


@parse.with_pattern(r"guard|admin|custodian|client|worker")
def parse_persona(text: str) -> str:
    """A persona named by its role word."""
    return PERSONA_WORDS[text]


@parse.with_pattern(r"[^\"]*")
def parse_quoted(text: str) -> str:
    """Text between double quotes (may be empty)."""
    return text


def parse_day(text: str) -> date:
    """A community date as features write it: "20 November 2026" or 2026-11-20."""
    text = text.strip()
    for pattern in ("%Y-%m-%d", "%d %B %Y"):
        try:
            return datetime.strptime(text, pattern).date()
        except ValueError:
            continue
    raise ValueError(f"{text!r} is not a date like '20 November 2026' or 2026-11-20")


PARSE_TYPES = {"Persona": parse_persona, "Quoted": parse_quoted}

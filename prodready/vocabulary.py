"""The domain's words as step parameter types, so features read as the production page does.

`{x:Ui}` marks a parameter that is a text of the platform's screens (a message, a label, a title)
and `{x:UiList}` a comma-separated list of them; `ui_table(...)` marks the table columns of a step
that hold such texts. The contract test (tests/test_contract.py) checks every one of them against
the platform's own words.
"""
from __future__ import annotations

from datetime import date, datetime
from typing import Callable

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


@parse.with_pattern(r"[^\"]*")
def parse_ui(text: str) -> str:
    """A text of the platform's screens, quoted in a step."""
    return text


@parse.with_pattern(r"[^\"]*")
def parse_ui_list(text: str) -> list[str]:
    """Texts of the platform's screens, quoted as one comma-separated list."""
    return [part.strip() for part in text.split(",") if part.strip()]


def ui_table(*columns: str) -> Callable[[Callable], Callable]:
    """Mark the columns of a step's table that hold texts of the platform's screens."""
    def mark(step: Callable) -> Callable:
        step.ui_columns = frozenset(columns)  # type: ignore[attr-defined]
        return step
    return mark


def parse_day(text: str) -> date:
    """A community date as features write it: "20 November 2026" or 2026-11-20."""
    text = text.strip()
    for pattern in ("%Y-%m-%d", "%d %B %Y"):
        try:
            return datetime.strptime(text, pattern).date()
        except ValueError:
            continue
    raise ValueError(f"{text!r} is not a date like '20 November 2026' or 2026-11-20")


PARSE_TYPES = {"Persona": parse_persona, "Quoted": parse_quoted, "Ui": parse_ui, "UiList": parse_ui_list}

"""The domain's words as step parameter types, so features read as the production page does.

`{x:Ui}` marks a parameter that is a text of the platform's screens (a message, a label, a title)
and `{x:UiList}` a comma-separated list of them; `ui_table(...)` marks the table columns of a step
that hold such texts. The contract test (tests/test_contract.py) checks every one of them against
the platform's own words.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path

import parse

from pages.base import comma_list
from prodready.core.config import ROOT, ConfigError, read_toml

CONFIG = ROOT / "prodready.toml"


def persona_words(config: Path = CONFIG) -> dict[str, str]:
    """Every word a feature may use for a persona → its key: the key itself and its `aliases`.

    "the security guard" and "the store custodian" are how the production page names the roles.
    """
    try:
        personas = read_toml(config).get("personas") or {}
    except ConfigError:  # the run's own check names the problem; the words fall back to the keys
        personas = {}
    words = {key: key for key in personas} or {k: k for k in ("guard", "admin", "custodian", "client", "worker")}
    for key, spec in personas.items():
        for alias in spec.get("aliases") or []:
            words[" ".join(str(alias).lower().split())] = key
    return words


PERSONA_WORDS = persona_words()


@parse.with_pattern("|".join(re.escape(w) for w in sorted(PERSONA_WORDS, key=len, reverse=True)))
def parse_persona(text: str) -> str:
    """A persona named by its role word or an alias ("the security guard" is the guard)."""
    return PERSONA_WORDS[" ".join(text.lower().split())]


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
    return comma_list(text)


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


def install() -> None:
    """Make behave speak this vocabulary: the parameter types, and steps matched regardless of case.

    Called before any step module loads (environment.py, and the tools that read the steps).
    "opens manual entry" then finds the step written "opens Manual Entry"; what a step captures
    keeps the case the feature wrote.
    """
    from behave import register_type
    from behave.matchers import (
        ParseMatcher,
        register_step_matcher_class,
        use_step_matcher,
    )

    class ForgivingMatcher(ParseMatcher):
        """behave's parse matcher, case-insensitive."""

        NAME = "forgiving"
        CASE_SENSITIVE = False

    register_type(**PARSE_TYPES)
    register_step_matcher_class(ForgivingMatcher.NAME, ForgivingMatcher, override=True)
    use_step_matcher(ForgivingMatcher.NAME)

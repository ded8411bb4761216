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
from typing import Any

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


def persona_key(word: str) -> str:
    """The persona a word names ("Store custodian" → "custodian"); an unknown word as written."""
    return PERSONA_WORDS.get(" ".join(word.lower().split()), word)


@parse.with_pattern("|".join(re.escape(w) for w in sorted(PERSONA_WORDS, key=len, reverse=True)))
def parse_persona(text: str) -> str:
    """A persona named by its role word or an alias ("the security guard" is the guard)."""
    return persona_key(text)


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


def _role_words_pattern(words: dict[str, str]) -> re.Pattern[str] | None:
    """ "the security guard", "a store custodian" …: every alias of a persona after "the", "a" or "an"."""
    aliases = sorted((w for w, key in words.items() if w != key), key=len, reverse=True)
    if not aliases:
        return None
    alternatives = "|".join(r"\s+".join(map(re.escape, alias.split())) for alias in aliases)
    return re.compile(rf"\b(?:the|an?)\s+({alternatives})\b", re.IGNORECASE)


ROLE_WORDS = _role_words_pattern(PERSONA_WORDS)


def with_role_keys(text: str) -> str:
    """The step's text with every role word the page uses replaced by the persona's key:
    "the security guard fills in …" → "the guard fills in …" (so steps written for "the guard" match)."""
    if ROLE_WORDS is None:
        return text
    return ROLE_WORDS.sub(lambda m: "the " + PERSONA_WORDS[" ".join(m.group(1).lower().split())], text)


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
        """behave's parse matcher, case-insensitive, and where a step is written for "the guard", also
        for "the security guard" (every alias of prodready.toml), when the words as written match nothing."""

        NAME = "forgiving"
        CASE_SENSITIVE = False

        def check_match(self, step_text: str) -> list[Any] | None:
            matched = super().check_match(step_text)
            if matched is None and (keyed := with_role_keys(step_text)) != step_text:
                return super().check_match(keyed)
            return matched

    register_type(**PARSE_TYPES)
    register_step_matcher_class(ForgivingMatcher.NAME, ForgivingMatcher, override=True)
    use_step_matcher(ForgivingMatcher.NAME)

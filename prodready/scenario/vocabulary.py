"""The domain's words as step parameter types, so features read as the production page does.

`{x:Ui}` marks a parameter that is a text of the platform's screens (a message, a label, a title)
and `{x:UiList}` a comma-separated list of them; a table column of type "Ui" (prodready.scenario.tables)
holds such texts. The contract test (tests/test_contract.py) checks every one of them against the
platform's own words. The people of the scripts and their aliases are here too; every other value
(money, dates, yes/no…) is a type of prodready.scenario.values.
"""

from __future__ import annotations

import parse

from pages.base import comma_list
from prodready.scenario.people_words import (  # noqa: F401 (the people's words, for the steps)
    PERSONA_NAMES,
    PERSONA_WORDS,
    persona_key,
    with_role_keys,
)


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


PARSE_TYPES = {"Quoted": parse_quoted, "Ui": parse_ui, "UiList": parse_ui_list}


def install() -> None:
    """Make behave speak this vocabulary: the parameter types (these screen texts and every value type of
    prodready.scenario.values), and steps matched as prodready.scenario.matching says (any case, role
    words, values refused in one line, old wordings last).

    Called before any step module loads (environment.py, and the tools that read the steps).
    "opens manual entry" then finds the step written "opens Manual Entry"; what a step captures
    keeps the case the feature wrote.
    """
    from behave import register_type
    from behave.matchers import register_step_matcher_class, use_step_matcher

    from prodready.scenario.matching import ForgivingMatcher
    from prodready.scenario.values import TYPES

    register_type(**PARSE_TYPES, **TYPES)
    register_step_matcher_class(ForgivingMatcher.NAME, ForgivingMatcher, override=True)
    use_step_matcher(ForgivingMatcher.NAME)

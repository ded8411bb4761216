"""The people of the scripts as features name them: persona keys, their aliases (the production page's role
words: "the security guard", "the store custodian"), their names; read from prodready.toml."""

from __future__ import annotations

import re
from pathlib import Path

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


def persona_names(config: Path = CONFIG) -> dict[str, str]:
    """Every persona's name as prodready.toml gives it ("Mary Client") → its key: older features named people so."""
    try:
        personas = read_toml(config).get("personas") or {}
    except ConfigError:
        personas = {}
    return {str(spec["name"]): key for key, spec in personas.items() if spec.get("name")}


PERSONA_NAMES = persona_names()


def persona_key(word: str) -> str:
    """The persona a word names ("Store custodian" → "custodian"); an unknown word as written."""
    return PERSONA_WORDS.get(" ".join(word.lower().split()), word)


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

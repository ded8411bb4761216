"""Nearest steps: for a line no step understands, the three catalogue steps closest to it."""

from __future__ import annotations

import re
from difflib import SequenceMatcher

from prodready.authoring.catalogue import StepDoc

KEYWORDS = re.compile(r"^(given|when|then|and|but|\*)\s+", re.IGNORECASE)


def _shape(text: str) -> str:
    """A step's words with quoted values and numbers blanked, lower-case: what matching compares."""
    text = KEYWORDS.sub("", text.strip())
    text = re.sub(r'"[^"]*"', '""', text)
    text = re.sub(r"\{[^}]*\}", "{}", text)
    text = re.sub(r"\d+([.:,]\d+)*", "0", text)
    return " ".join(text.lower().split())


def nearest(line: str, docs: list[StepDoc], count: int = 3) -> list[StepDoc]:
    """The `count` catalogue steps closest to a step line (kind-agnostic: And/But may be anything)."""
    shape = _shape(line)
    scored = []
    for doc in docs:
        candidate = _shape(doc.pattern.replace('"{', '"').replace('}"', '"'))
        scored.append((SequenceMatcher(None, shape, candidate).ratio(), doc.pattern, doc))
    scored.sort(key=lambda item: (-item[0], item[1]))
    seen, best = set(), []
    for _score, pattern, doc in scored:
        if pattern not in seen:
            seen.add(pattern)
            best.append(doc)
        if len(best) == count:
            break
    return best


def advice(line: str, docs: list[StepDoc]) -> list[str]:
    """Lines to print under an undefined step: the nearest steps, their examples, and how to write the values
    they take."""
    from prodready.scenario.values import TYPES

    lines, kinds = [], []
    for doc in nearest(line, docs):
        lines.append(f"    did you mean: {doc.kind.title()} {doc.text}")
        if doc.example:
            lines.append(f"      e.g. {doc.example}")
        kinds += [k for k in re.findall(r"\{\w+:(\w+)\}", doc.pattern) if k in TYPES and k not in kinds]
    lines += [f"    {{…: {k}}} is {TYPES[k].what}: write {TYPES[k].accepted}" for k in kinds if k != "Persona"]
    return lines


def advice_for(line: str) -> list[str]:
    """`advice` against the project's own catalogue (the step modules are loaded on first use)."""
    from prodready.authoring.catalogue import step_docs

    global _DOCS
    if _DOCS is None:
        _DOCS = step_docs()
    return advice(line, _DOCS)


_DOCS: list[StepDoc] | None = None

"""The ledger of known platform defects: docs/platform-defects.md read as data.

An entry that a scenario asserts carries an id line (`- **Id**: \\`gate.denied_shown_as_granted\\``)
and, optionally, a severity (`- **Severity**: critical`); the scenario carries `@defect.<id>`. On a
target that runs the platform's code, such a scenario's failure is a *known defect*, not a surprise.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from prodready.core.config import ROOT
from prodready.core.tags import DEFECT_PREFIX

LEDGER = ROOT / "docs" / "platform-defects.md"
SEVERITIES = ("critical", "high", "medium", "low")
_ID = re.compile(r"^\s*[-*]\s+\*\*Id\*\*:\s*`([a-z0-9_.]+)`", re.MULTILINE)
_SEVERITY = re.compile(r"^\s*[-*]\s+\*\*Severity\*\*:\s*\**([A-Za-z]+)", re.MULTILINE)
_HEADING = re.compile(r"^(#{2,4})\s+(.*)$")
_ITEM_TITLE = re.compile(r"^\s*\d+\.\s+\*\*(.+?)\*\*")


@dataclass(frozen=True)
class Defect:
    """One documented platform defect."""

    id: str
    title: str
    area: str
    severity: str  # one of SEVERITIES, or "" when the entry does not say


def _clean(title: str) -> str:
    return re.sub(r"^\d+\.\s*", "", title).strip().rstrip(".")


def parse(text: str) -> dict[str, Defect]:
    """Every entry with an id: its title (the entry's heading, or its bold first words), area, severity."""
    found: dict[str, Defect] = {}
    area, title = "", ""
    lines = text.splitlines()
    starts: list[int] = []  # where each entry begins (a heading or a numbered bold item)
    for n, line in enumerate(lines):
        heading = _HEADING.match(line)
        if heading and len(heading.group(1)) == 2:
            area = heading.group(2).strip()
        if heading or _ITEM_TITLE.match(line):
            starts.append(n)
    starts.append(len(lines))
    for begin, end in zip(starts, starts[1:], strict=False):
        block = "\n".join(lines[begin:end])
        ident = _ID.search(block)
        if not ident:
            continue
        first = lines[begin]
        heading = _HEADING.match(first)
        item = _ITEM_TITLE.match(first)
        title = _clean(heading.group(2) if heading else item.group(1) if item else first)
        area = _area_before(lines, begin) or area
        severity = _SEVERITY.search(block)
        level = severity.group(1).lower() if severity else ""
        found[ident.group(1)] = Defect(ident.group(1), title, area, level if level in SEVERITIES else "")
    return found


def _area_before(lines: list[str], index: int) -> str:
    for line in reversed(lines[: index + 1]):
        heading = _HEADING.match(line)
        if heading and len(heading.group(1)) == 2:
            return heading.group(2).strip()
    return ""


@lru_cache(maxsize=4)
def ledger(path: Path = LEDGER) -> dict[str, Defect]:
    """The documented defects by id ({} when the file is missing)."""
    try:
        return parse(path.read_text(encoding="utf-8"))
    except OSError:
        return {}


def defect_ids(scenario_tags: Iterable[str]) -> list[str]:
    """The defect ids a scenario's tags name (`@defect.<id>`)."""
    return [t[len(DEFECT_PREFIX) :] for t in scenario_tags if t.startswith(DEFECT_PREFIX)]

"""Where a failed scenario's evidence lives: the one rule for its folder name.

reports/artifacts/<feature>-<line>-<shortened name>/<person>/{screenshot.png, page.html, console.log, url.txt},
with evidence.json (one entry per person, file paths relative to reports/artifacts) beside them.
"""

from __future__ import annotations

import re
from pathlib import Path

FOLDER = "artifacts"
INDEX = "evidence.json"
# The name only makes the folder readable: its feature file and line make it unique.
NAME_CHARS = 48


def slug(text: str, limit: int = 90) -> str:
    """A lower-case name of letters, digits and dashes from any text, at most `limit` characters."""
    return re.sub(r"[^a-zA-Z0-9]+", "-", text).strip("-").lower()[:limit].strip("-")


def folder_name(location: str, scenario_name: str) -> str:
    """`gate-access-42-the-guard-grants-entry-to-a-visitor`: a scenario's evidence folder name.

    `location` is behave's `features/<file>.feature:<line>` (a Scenario Outline's row has its own line),
    so two scenarios never share a folder, whatever their names; the name part is shortened.
    """
    path, _, line = location.rpartition(":")
    if not line.isdigit():  # no line: the whole location is the file
        path, line = location, ""
    # The path below features/ (the feature files' folder); elsewhere only the file's name.
    below = path.replace("\\", "/").rsplit("features/", 1)[-1] if "features/" in path else Path(path).name
    where = slug(below.removesuffix(".feature"), limit=200) or "feature"
    name = slug(scenario_name, limit=NAME_CHARS)
    return "-".join(part for part in (where, line, name) if part)


def evidence_folder(reports: Path, location: str, scenario_name: str) -> Path:
    """The folder of one scenario's evidence in a reports folder (the hooks write it, the report and the
    run's digest read it)."""
    return Path(reports) / FOLDER / folder_name(location, scenario_name)

"""Where a failed scenario's evidence lives: the one rule for its folder name.

reports/artifacts/<scenario slug>/<person>/{screenshot.png, page.html, console.log, url.txt}, with
evidence.json (one entry per person, file paths relative to reports/artifacts) beside them.
"""

from __future__ import annotations

import re
from pathlib import Path

FOLDER = "artifacts"
INDEX = "evidence.json"


def slug(text: str) -> str:
    """A folder name from a scenario name."""
    return re.sub(r"[^a-zA-Z0-9]+", "-", text).strip("-").lower()[:90] or "scenario"


def evidence_folder(reports: Path, scenario_name: str) -> Path:
    """The folder of one scenario's evidence in a reports folder."""
    return Path(reports) / FOLDER / slug(scenario_name)

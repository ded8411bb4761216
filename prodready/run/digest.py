"""The failure digest a run prints at its end: where, the failing step, why, the evidence, the nearest steps."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from prodready.authoring.suggest import advice_for
from prodready.core.artifacts import evidence_folder
from prodready.reporting.results import FAILED_STATUSES as FAILED

ASSERTION_PREFIX = re.compile(r"^(?:ASSERT FAILED|Assertion Failed): ")
EXCEPTION_LINE = re.compile(r"^[A-Za-z_][\w.]*(Error|Exception|Timeout\w*)(: |$)")


def _reason(lines: list[str]) -> str:
    """An assertion's message comes first; an exception's is its traceback's exception line (the last one: a
    WebDriver error's message goes on with the driver's own stack, '#23 0x7f… <unknown>', after it)."""
    if not lines or not lines[0].startswith("Traceback"):
        return next(iter(lines), "")
    return next((line for line in reversed(lines) if EXCEPTION_LINE.match(line)), lines[-1])


def failure_digest(features: list[Any], reports: Path) -> list[str]:
    """For each failed scenario: where, the failing step, the first line of its error, the evidence."""
    lines = []
    for feature in features:
        for element in feature.get("elements", []):
            if element.get("status") not in FAILED:
                continue
            step = next((s for s in element.get("steps", []) if s.get("result", {}).get("status") in FAILED), None)
            lines.append(f"FAILED {element.get('location')}  {element.get('name')}")
            if step is not None:
                error = step["result"].get("error_message") or ""
                error = error if isinstance(error, str) else "\n".join(error)
                lines_ = [line.strip() for line in error.splitlines() if line.strip()]
                # A value or a table the feature wrote wrong is an assertion: its one line says how to write it
                # (prodready.scenario.values), never a traceback; behave's own prefix is left out.
                first = ASSERTION_PREFIX.sub("", _reason(lines_))
                lines.append(f"  at: {step.get('keyword', '')} {step.get('name', '')}")
                if first:
                    lines.append(f"  why: {first[:600]}")
                if step["result"].get("status") == "undefined":
                    lines.append("  why: no step understands this line")
                    lines.extend(advice_for(f"{step.get('keyword', '')} {step.get('name', '')}"))
            evidence = evidence_folder(reports, element.get("location", ""), element.get("name", ""))
            if evidence.is_dir():
                lines.append(f"  evidence: {evidence}")
    return lines

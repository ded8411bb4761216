"""`make check-features`: every step of every feature understood, once; no UI words; checklist tags.

Exit 1 when anything is found, with, under each step no definition understands, the three
nearest steps of the catalogue and their examples.
"""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from prodready.authoring.catalogue import ROOT, StepDoc, load_steps, step_docs
from prodready.authoring.suggest import advice
from prodready.core import tags as tags_

FEATURES = ROOT / "features"
# What a stakeholder's Gherkin should not contain: selectors, addresses, widget talk.
UI_WORDS = (
    (re.compile(r"data-test-?id|\bxpath\b|\bcss\b|\bselector\b", re.IGNORECASE), "a selector"),
    (re.compile(r"https?://|www\.", re.IGNORECASE), "an address"),
    (re.compile(r'(?:^|[\s"(])/[a-z_]+(?:/[\w:-]*)*', re.IGNORECASE), "an address"),
    (re.compile(r"(?:^|\s)[#.][a-z][\w-]*-(?:btn|input|item|field)\b", re.IGNORECASE), "a selector"),
    (re.compile(r"\bclicks? (?:on )?the (?:button|link|element|div|span)\b", re.IGNORECASE), "click-by-click wording"),
)


@dataclass
class Findings:
    """What the check found, as printable lines, and whether it should fail."""

    lines: list[str] = field(default_factory=list)
    problems: int = 0

    def add(self, where: str, message: str, more: list[str] | None = None) -> None:
        self.problems += 1
        self.lines.append(f"{where}: {message}")
        self.lines.extend(more or [])


def _matches(registry: Any, step: Any) -> list[Any]:
    return [m for m in registry.steps.get(step.step_type, []) if m.match(step.name)]


def check_feature(path: Path, registry: Any, docs: list[StepDoc], findings: Findings) -> None:
    """Check one feature file."""
    from behave.parser import ParserError, parse_file

    try:
        feature = parse_file(str(path))
    except ParserError as exc:
        findings.add(str(path), f"cannot be read as Gherkin: {exc}")
        return
    if feature is None:
        return
    rel = path.relative_to(ROOT) if path.is_relative_to(ROOT) else path
    background = list(feature.background.steps) if feature.background else []
    seen: set[int] = set()
    for scenario in feature.walk_scenarios():
        tags = set(scenario.effective_tags)
        if not any(t.startswith(tags_.CHECKLIST_PREFIX) for t in tags) and tags_.EXTRA not in tags:
            findings.add(
                f"{rel}:{scenario.line}",
                f'scenario "{scenario.name}" has no @checklist.<item> tag '
                f"(or @{tags_.EXTRA} when it checks something beyond the list)",
            )
        for step in [*background, *scenario.steps]:
            if step.line in seen:
                continue
            seen.add(step.line)
            where, line = f"{rel}:{step.line}", f"{step.keyword} {step.name}"
            found = _matches(registry, step)
            if not found:
                findings.add(where, f'no step understands "{line}"', advice(line, docs))
            elif len(found) > 1:
                findings.add(
                    where,
                    f'"{line}" matches {len(found)} steps: ' + "; ".join(f"{m.pattern} ({m.location})" for m in found),
                )
            for pattern, what in UI_WORDS:
                if pattern.search(step.name):
                    findings.add(where, f'"{line}" contains {what}: say what the person does or sees instead')
                    break


def check(paths: list[Path] | None = None) -> Findings:
    """Check feature files (default: every file in features/)."""
    registry = load_steps()
    docs = step_docs(registry)
    findings = Findings()
    files = []
    for path in paths or [FEATURES]:
        files += sorted(path.rglob("*.feature")) if path.is_dir() else [path]
    for path in files:
        check_feature(path, registry, docs, findings)
    return findings


def main(argv: list[str] | None = None) -> int:
    """Print what was found; exit 1 when anything was."""
    args = sys.argv[1:] if argv is None else argv
    findings = check([Path(a) for a in args] or None)
    for line in findings.lines:
        print(line)
    print(f"check-features: {findings.problems} problem{'s' if findings.problems != 1 else ''}")
    return 1 if findings.problems else 0


if __name__ == "__main__":
    raise SystemExit(main())

"""`make check-features`: every step of every feature understood, once; every value and every table cell
read; no UI words; checklist tags. All before any browser starts.

Exit 1 when anything is found, with, under each step no definition understands, the three nearest steps
of the catalogue and their examples; a value or a table cell that cannot be read is named with the same
one line the run would fail with. A line written in an old wording is named with the wording to write
now (it still runs: that is a note, not a problem); a retired wording is a problem.
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
    notes: int = 0
    _said: set[str] = field(default_factory=set)

    def add(self, where: str, message: str, more: list[str] | None = None) -> None:
        if self._once(f"{where}: {message}"):
            self.problems += 1
            self.lines.extend(more or [])

    def note(self, where: str, message: str) -> None:
        """Something to change that does not fail the check (an old wording)."""
        if self._once(f"{where}: note: {message}"):
            self.notes += 1

    def _once(self, line: str) -> bool:
        if line in self._said:
            return False
        self._said.add(line)
        self.lines.append(line)
        return True


def _matches(registry: Any, step: Any) -> list[Any]:
    """What each step the line could mean makes of it: a match, a refused value, or an error."""
    candidates = list(registry.steps.get(step.step_type, [])) + list(registry.steps.get("step", []))
    return [found for m in candidates if (found := m.match(step.name))]


def check_step(
    step: Any, where: str, registry: Any, docs: list[StepDoc], memory: dict[str, Any], findings: Findings
) -> None:
    """One line of a scenario: understood by one step, its values and its table read."""
    from behave.matchers import MatchWithError

    from prodready.scenario.matching import RefusedMatch
    from prodready.scenario.tables import table_spec
    from prodready.scenario.values import Refused
    from prodready.scenario.wording import deprecation_line, retired_line

    line = f"{step.keyword} {step.name}"
    found = _matches(registry, step)
    clean = [f for f in found if not isinstance(f, MatchWithError)]
    if not found:
        findings.add(where, f'no step understands "{line}"', advice(line, docs))
        return
    if len(clean) > 1:
        findings.add(where, f'"{line}" matches {len(clean)} steps: ' + "; ".join(f"{m.location}" for m in clean))
        return
    if not clean:
        first = found[0]
        why = first.refusal if isinstance(first, RefusedMatch) else first.stored_error
        findings.add(where, f'"{line}": {why}')
        return
    match = clean[0]
    old = getattr(match.func, "old_wording", None)
    written = {a.name: a.original for a in match.arguments if a.name}
    if old is not None and old.retired:
        findings.add(where, retired_line(old, written))
        return
    if old is not None:
        fixed = {k: str(v) for k, v in old.fixed}
        findings.note(where, deprecation_line(old, fixed | written, step.keyword))
    spec = table_spec(match.func)
    if spec is None and step.table is not None:
        findings.add(where, f'"{line}" takes no table: the table under it would be ignored')
    elif spec is not None:
        try:
            spec.read(step.table, memory)
        except Refused as refusal:
            findings.add(where, f'"{line}": {refusal}')


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
    for scenario in feature.walk_scenarios():
        tags = set(scenario.effective_tags)
        if not any(t.startswith(tags_.CHECKLIST_PREFIX) for t in tags) and tags_.EXTRA not in tags:
            findings.add(
                f"{rel}:{scenario.line}",
                f'scenario "{scenario.name}" has no @checklist.<item> tag '
                f"(or @{tags_.EXTRA} when it checks something beyond the list)",
            )
        memory: dict[str, Any] = {}  # what the scenario's tables said so far (a form's fields)
        for step in [*background, *scenario.steps]:
            where, line = f"{rel}:{step.line}", f"{step.keyword} {step.name}"
            check_step(step, where, registry, docs, memory, findings)
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
    notes = f", {findings.notes} old wording{'s' if findings.notes != 1 else ''} to update" if findings.notes else ""
    print(f"check-features: {findings.problems} problem{'s' if findings.problems != 1 else ''}{notes}")
    return 1 if findings.problems else 0


if __name__ == "__main__":
    raise SystemExit(main())

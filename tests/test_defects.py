"""docs/platform-defects.md and the features agree: every @defect tag names a documented entry, and every
entry with an id is asserted by at least one scenario carrying its tag."""

from __future__ import annotations

from pathlib import Path

from behave.parser import parse_file

from prodready.core import defects

ROOT = Path(__file__).resolve().parent.parent


def tagged() -> dict[str, list[str]]:
    """Defect id → the scenarios (file:line name) that carry its tag."""
    found: dict[str, list[str]] = {}
    for path in sorted((ROOT / "features").glob("*.feature")):
        feature = parse_file(str(path))
        for scenario in feature.walk_scenarios():
            for ident in defects.defect_ids(scenario.effective_tags):
                found.setdefault(ident, []).append(f"{path.name}:{scenario.line} {scenario.name}")
    return found


def test_every_defect_tag_names_a_documented_entry():
    documented = defects.ledger()
    strays = {ident: where for ident, where in tagged().items() if ident not in documented}
    assert not strays, f"@defect tags naming no entry of docs/platform-defects.md: {strays}"


def test_every_documented_entry_with_an_id_is_asserted_by_a_scenario():
    used = tagged()
    unasserted = sorted(set(defects.ledger()) - set(used))
    assert not unasserted, f"entries with an id but no scenario tagged @defect.<id>: {unasserted}"


def test_every_documented_entry_has_a_severity():
    unrated = sorted(i for i, d in defects.ledger().items() if not d.severity)
    assert not unrated, f"entries without '- **Severity**: critical|high|medium|low': {unrated}"

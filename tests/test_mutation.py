"""`make mutation` (scripts/mutation.py, scripts/mutants/): its mutants, their selections, and its verdicts."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest
from behave.parser import parse_file

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))

from mutants import KINDS, MUTANTS, Mutant  # noqa: E402
from mutants.core import name_pattern  # noqa: E402
from mutants.outcome import APPLY_FAILED, ScenarioResult, by_area, by_kind, judge, read_results, summary, table  # noqa: E402

from prodready.core.checklist import ITEMS  # noqa: E402


def test_every_checklist_item_has_at_least_two_mutants_and_every_kind_is_tried():
    per_item = Counter(m.item for m in MUTANTS)
    assert {item.id: per_item[item.id] for item in ITEMS if per_item[item.id] < 2} == {}
    assert len(MUTANTS) >= 26
    assert set(Counter(m.kind for m in MUTANTS)) == set(KINDS)


def test_mutant_names_are_unique_and_each_is_described():
    names = [m.name for m in MUTANTS]
    assert len(names) == len(set(names))
    assert all(re.fullmatch(r"[a-z][a-z0-9_]+", n) for n in names), names
    assert all(m.description and m.apply.__doc__ for m in MUTANTS)


@pytest.mark.parametrize("mutant", MUTANTS, ids=lambda m: m.name)
def test_each_mutant_selects_existing_scenarios_of_its_own_area_and_item(mutant):
    scenarios = list(parse_file(str(ROOT / mutant.feature)).walk_scenarios())
    for wanted in mutant.scenarios:
        matched = [s for s in scenarios if re.search(name_pattern(wanted), s.name)]
        assert matched, f"{mutant.name}: no scenario {wanted!r} in {mutant.feature}"
        assert all(f"checklist.{mutant.item}" in s.effective_tags for s in matched), (mutant.name, wanted)


def test_a_name_pattern_takes_a_whole_name_or_an_outlines_examples():
    pattern = name_pattern("The custodian is not shown manual entry")
    assert re.search(pattern, "The custodian is not shown manual entry -- @1.5 ")
    assert re.search(pattern, "The custodian is not shown manual entry")
    assert not re.search(pattern, "The custodian is not shown manual entry forms")
    assert not re.search(name_pattern("Paying (more)?"), "Paying more")  # the name is taken literally


def test_every_mutant_still_matches_the_app():
    """Applying every mutant (in a child process: they patch the app for good) finds all it patches."""
    code = (
        "import sys; sys.path[:0] = [sys.argv[1], sys.argv[1] + '/scripts']\n"
        "from mutants import MUTANTS\n"
        "for m in MUTANTS: m.apply()\n"
        "print(len(MUTANTS), 'applied')"
    )
    done = subprocess.run([sys.executable, "-c", code, str(ROOT)], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr[-2000:]
    assert f"{len(MUTANTS)} applied" in done.stdout


def test_a_mutant_refuses_to_patch_what_is_not_there():
    from mutants.core import MutantError, patch

    with pytest.raises(MutantError, match="demo_app.gate_store.record_entry does not exist"):
        patch("demo_app.gate_store", "record_entry", None)


def test_a_mutant_naming_an_unknown_checklist_item_or_kind_is_refused():
    with pytest.raises(ValueError, match="not a checklist item"):
        Mutant("x", "gate_access.nothing", "boundary", "d", ("s",), lambda: None)
    with pytest.raises(ValueError, match="kind"):
        Mutant("x", "tasks.dashboard", "typo", "d", ("s",), lambda: None)


def test_baseline_selects_each_scenario_once():
    import mutation

    args = mutation.baseline_args(list(MUTANTS))
    patterns = [args[i + 1] for i, a in enumerate(args) if a == "-n"]
    assert len(patterns) == len(set(patterns)) == len({s for m in MUTANTS for s in m.scenarios})
    assert [a for a in args if a.startswith("features/")] == sorted(set(m.feature for m in MUTANTS), key=args.index)


MUTANT = MUTANTS[0]
PASSED, FAILED = ScenarioResult("A", "passed"), ScenarioResult("A", "failed", "Then it shows", "AssertionError: no")


@pytest.mark.parametrize(
    "code,results,baseline,verdict",
    [
        (1, [FAILED], {"A"}, "caught"),
        (0, [PASSED], {"A"}, "SURVIVED"),
        (APPLY_FAILED, None, {"A"}, "CRASHED"),
        (2, None, {"A"}, "CRASHED"),
        (0, [ScenarioResult("A", "skipped")], {"A"}, "NO SCENARIO"),
        (1, [FAILED], set(), "UNVERIFIED"),
        (1, [ScenarioResult("A", "failed")], {"A"}, "CRASHED"),  # a hook failed before any step
    ],
)
def test_the_verdict_on_a_mutant(code, results, baseline, verdict):
    outcome = judge(MUTANT, code, results, baseline, output="mutation: could not be applied")
    assert outcome.verdict == verdict
    assert outcome.caught == (verdict == "caught")


def test_the_report_names_the_scenario_that_caught_each_mutant_and_ends_with_the_count():
    outcomes = [judge(MUTANT, 1, [FAILED], {"A"}), judge(MUTANTS[1], 0, [PASSED], {"A"})]
    lines = table(outcomes)
    assert lines[0].split()[:5] == ["mutant", "checklist", "item", "kind", "caught"]
    assert MUTANT.name in lines[1] and " yes " in lines[1] and lines[1].endswith("A")
    assert "SURVIVED" in lines[2]
    assert summary(outcomes) == "1 caught, 1 survived"
    assert table(outcomes, steps=True)[2].split() == ["at:", "Then", "it", "shows", "|", "AssertionError:", "no"]
    assert by_kind(outcomes).startswith("by kind: ")


def test_kill_rates_are_given_by_kind_and_by_area():
    def mutant(name: str, item: str, kind: str) -> Mutant:
        return Mutant(name, item, kind, "d", ("s",), lambda: None)

    outcomes = [
        judge(mutant("a", "gate_access.scan_entry", "boundary"), 1, [FAILED], {"A"}),
        judge(mutant("b", "timesheet.end_shift", "figure"), 0, [PASSED], {"A"}),
        judge(mutant("c", "gate_access.manual_entry", "figure"), 1, [FAILED], {"A"}),
    ]
    assert by_kind(outcomes) == "by kind: boundary 1/1, figure 1/2"
    assert by_area(outcomes) == "by area: gate_access 2/2, timesheet 0/1"


def test_results_are_read_from_behaves_json(tmp_path):
    report = [
        {
            "elements": [
                {
                    "type": "scenario",
                    "name": "Caught one",
                    "status": "failed",
                    "steps": [
                        {
                            "keyword": "Then",
                            "name": "it shows",
                            "result": {"status": "failed", "error_message": ["Assertion Failed: no", "more"]},
                        },
                    ],
                },
                {"type": "scenario", "name": "Fine -- @1.1 ", "status": "passed", "steps": []},
                {
                    "type": "scenario",
                    "name": "Errored",
                    "status": "failed",
                    "steps": [
                        {
                            "keyword": "When",
                            "name": "it opens",
                            "result": {
                                "status": "error",
                                "error_message": [
                                    "Traceback (most recent call last):",
                                    '  File "x.py", line 1',
                                    "LookupError: the button did not appear",
                                ],
                            },
                        },
                    ],
                },
            ]
        }
    ]
    (tmp_path / "behave.json").write_text(json.dumps(report))
    found = read_results(tmp_path / "behave.json")
    assert found == [
        ScenarioResult("Caught one", "failed", "Then it shows", "Assertion Failed: no more"),
        ScenarioResult("Fine -- @1.1", "passed"),
        ScenarioResult("Errored", "failed", "When it opens", "LookupError: the button did not appear"),
    ]
    assert read_results(tmp_path / "missing.json") is None

"""For people who write scenarios: the step catalogue, nearest-step suggestions, `make check-features`."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from prodready.authoring import catalogue, check, suggest
from prodready.scenario.vocabulary import PERSONA_WORDS, parse_persona, with_role_keys

ROOT = Path(__file__).resolve().parent.parent


def test_every_step_says_what_it_means_with_an_example():
    assert catalogue.undocumented(catalogue.step_docs()) == []


def test_the_catalogue_is_up_to_date():
    expected = catalogue.render(catalogue.step_docs(), PERSONA_WORDS)
    written = catalogue.CATALOGUE.read_text(encoding="utf-8") if catalogue.CATALOGUE.is_file() else ""
    assert written == expected, "docs/steps.md is out of date: run `make steps-doc`"


def test_a_misspelt_step_gets_the_right_step_first():
    docs = catalogue.step_docs()
    best = suggest.nearest('Then the login screen sayz "Wrong username or password"', docs)
    assert best[0].pattern == 'the login screen says "{message:Ui}"'
    best = suggest.nearest("Given the guard is loged in", docs)
    assert best[0].pattern == "the {who:Persona} is logged in"


def test_the_page_names_people_as_the_production_page_does():
    assert [parse_persona(w) for w in ("security guard", "Store  Custodian", "Administrator", "guard")] == [
        "guard",
        "custodian",
        "admin",
        "guard",
    ]


def test_role_words_work_in_steps_written_for_the_short_name(tmp_path):
    """ "the security guard clicks Grant" runs the step written "the guard clicks Grant"; words that are
    no persona's are still not understood."""
    assert with_role_keys("When the Security Guard clicks Grant for a store custodian") == (
        "When the guard clicks Grant for the custodian"
    )
    path = write(
        tmp_path,
        "@checklist.gate_access.manual_entry\nFeature: x\n  Scenario: y\n"
        "    When the security guard clicks Grant\n    When the night guard clicks Grant\n",
    )
    findings = check.check([path])
    assert findings.problems == 1, findings.lines
    assert 'no step understands "When the night guard clicks Grant"' in "\n".join(findings.lines)


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "new.feature"
    path.write_text(text, encoding="utf-8")
    return path


def test_check_features_names_undefined_steps_ui_words_and_missing_checklist_tags(tmp_path):
    path = write(
        tmp_path,
        "Feature: written by a manager\n"
        "  Scenario: no tag\n"
        "    Given the security guard is logged in\n"
        '    Then the login screen sayz "Wrong username or password"\n'
        '    When the admin clicks the button with data-testid "x" on /logbook\n'
        "  @extra\n  Scenario: beyond the list\n    Given the Store Custodian is logged in\n",
    )
    findings = check.check([path])
    text = "\n".join(findings.lines)
    assert findings.problems == 4, text
    assert "no @checklist.<item> tag" in text and 'scenario "beyond the list"' not in text
    assert 'no step understands "Then the login screen sayz' in text
    after = findings.lines[findings.lines.index(next(line for line in findings.lines if "sayz" in line)) + 1]
    assert after.strip() == 'did you mean: Then the login screen says "{message}"'
    assert "contains a selector" in text


def test_check_features_passes_on_the_projects_features():
    findings = check.check()
    assert findings.problems == 0, "\n".join(findings.lines)


def test_make_check_features_exits_non_zero_on_a_misspelt_step(tmp_path):
    path = write(
        tmp_path, "@checklist.application.overall\nFeature: x\n  Scenario: y\n    Given the guard is loged in\n"
    )
    done = subprocess.run(
        [sys.executable, "-m", "prodready.authoring.check", str(path)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 1, done.stdout + done.stderr
    assert "did you mean: Given the {who} is logged in" in done.stdout.splitlines()[1]

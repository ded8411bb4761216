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


def test_every_example_of_the_catalogue_runs_its_own_entry():
    """Each entry's example, read as a feature line, is taken by that very wording (not a sibling's, not an old
    one): "is logged in" shows an example written "is logged in", "re-activates" one that re-activates."""
    registry = catalogue.load_steps()
    for doc in catalogue.step_docs():
        assert doc.example, f"{doc.location}: {doc.kind} {doc.pattern} has no example written in its wording"
        words = doc.example.split(" ", 1)[1]
        taken = next(m for m in registry.steps[doc.kind] if m.match(words))
        assert (taken.pattern, taken.func) == (doc.pattern, doc.func), f"{doc.example} runs {taken.pattern}"


def test_the_index_finds_every_step_under_what_a_person_wants_to_do():
    from prodready.authoring.intents import intents_of

    docs = catalogue.step_docs()
    unindexed = [f"{d.kind} {d.pattern}" for d in docs if not intents_of(d) or intents_of(d)[0].startswith("Anything")]
    assert not unindexed, unindexed
    text = catalogue.CATALOGUE.read_text(encoding="utf-8")
    assert text.index("## Values") < text.index("## Tags") < text.index("## What do you want to do?")
    assert all(f'<a id="{d.anchor}"></a>' in text and f"(#{d.anchor})" in text for d in docs)


def test_the_catalogue_names_the_checklist_tags_and_every_value_type():
    from prodready.core.checklist import ITEMS
    from prodready.scenario.values import TYPES

    text = catalogue.CATALOGUE.read_text(encoding="utf-8")
    assert all(f"`@checklist.{item.id}`" in text for item in ITEMS)
    assert all(f"`{{…: {name}}}`" in text and kind.accepted in text for name, kind in TYPES.items())


MANAGERS_SCENARIO = """@checklist.payments.dashboard
Feature: written by a manager
  Scenario: payments as a manager writes them
    Given these clients have paid towards their plans:
      | client        | type         | amount    | reverted |
      | Lubuto Sakala | Cash         | K2,000    | Yes      |
      | Lubuto Sakala | mobile money | 500 kwacha| no       |
      | Mapalo Chanda | cash         | 1,50      | no       |
    And a client "Mutale Phiri" with a "basic" plan of K5,00 a month for 12 months
    And the admin is logged in
    When the admin opens the payments dashboard
    Then the total balance is K6,000
    And the "My Tasks" tile counts 1
"""


def test_check_features_reads_every_value_and_table_cell_before_any_run(tmp_path):
    findings = check.check([write(tmp_path, MANAGERS_SCENARIO)])
    text = "\n".join(findings.lines)
    assert findings.problems == 3, text
    assert (
        'new.feature:4: "Given these clients have paid towards their plans:": the table\'s row 3 (line 8), '
        'column "amount": "1,50" is not an amount of money: write K500, K 500, K500.00, K2,000, K2000.50 or 500 kwacha'
    ) in text
    assert '"K5,00" is not an amount of money' in text
    assert '"the "My Tasks" tile counts 1" is a retired wording' in text
    assert (
        findings.notes == 1 and 'note: "Then the total balance is K6,000" is an old wording, still understood' in text
    )


def test_check_features_names_unknown_and_missing_columns_and_a_table_where_none_is_taken(tmp_path):
    path = write(
        tmp_path,
        "@checklist.tasks.dashboard\nFeature: x\n  Scenario: y\n"
        "    Given the admin has made these tasks:\n      | task | due date |\n      | Mow | tomorrow |\n"
        "    Given the admin is logged in\n      | who |\n      | me |\n"
        "    Then the quick filters list these of the tasks:\n      | listed |\n      | Mow |\n",
    )
    text = "\n".join(check.check([path]).lines)
    assert 'the table has a column "due date" this step does not know: its columns are task (Text), due (Date' in text
    assert '"Given the admin is logged in" takes no table' in text
    assert 'the table lacks the column "filter"' in text


def test_make_check_features_flags_a_bad_table_cell(tmp_path):
    path = write(
        tmp_path, MANAGERS_SCENARIO.replace("K5,00", "K500").replace('    And the "My Tasks" tile counts 1\n', "")
    )
    done = subprocess.run(
        ["make", "-s", "check-features", f"FEATURES={path}"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode != 0, done.stdout + done.stderr
    assert 'column "amount": "1,50" is not an amount of money' in done.stdout, done.stdout
    assert "check-features: 1 problem, 1 old wording to update" in done.stdout


def test_values_in_outlines_are_read_row_by_row(tmp_path):
    path = write(
        tmp_path,
        "@checklist.payments.submit_payment\nFeature: x\n  Scenario Outline: y\n"
        "    Given the client has already paid <amount> in cash\n"
        "    Examples:\n      | amount |\n      | K500 |\n      | K5,00 |\n",
    )
    findings = check.check([path])
    assert findings.problems == 1 and '"K5,00" is not an amount of money' in "\n".join(findings.lines)

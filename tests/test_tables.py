"""Expected tables compare as people mean them."""

from __future__ import annotations

from datetime import date

import pytest
from behave.parser import parse_feature

from prodready.scenario.forms import ANSWERS_TABLE, FIELDS_TABLE, answers_of
from prodready.scenario.tables import Column, TableSpec, assert_rows, mismatch, table_spec
from prodready.scenario.values import Refused

COLUMNS = ["worker", "hours"]
A, B = {"worker": "mama Guard", "hours": "1 hr"}, {"worker": "A  Guard", "hours": "8 hrs"}


def test_rows_compare_as_a_set_unless_the_order_matters():
    assert mismatch([A, B], [{"worker": "A Guard", "hours": "8 hrs"}, A], COLUMNS) == ""  # spacing aside
    assert "the same rows, in another order" in mismatch([A, B], [B, A], COLUMNS, ordered=True)
    assert mismatch([A, B], [A, B], COLUMNS, ordered=True) == ""


def test_a_mismatch_shows_expected_on_screen_missing_and_extra():
    text = mismatch([A, {"worker": "Ruth", "hours": "2 hrs"}], [A, {"worker": "Peter", "hours": "2 hrs"}], COLUMNS)
    assert "expected:" in text and "on screen:" in text
    assert "missing:\n    worker: Ruth | hours: 2 hrs" in text and "extra:\n    worker: Peter | hours: 2 hrs" in text


def test_only_the_columns_written_are_compared_and_extra_rows_may_be_allowed():
    shown = [{**A, "date": "2026-11-20"}, {"worker": "someone else", "hours": "3 hrs"}]
    assert mismatch([A], shown, COLUMNS, only=False) == ""
    with pytest.raises(AssertionError, match="extra:"):
        assert_rows([A], shown, COLUMNS)


# -- tables declared per step ------------------------------------------------------------------------------

PAID = TableSpec(
    (
        Column("client"),
        Column("type", "PaymentKind"),
        Column("amount", "Money"),
        Column("reverted", "YesNo", required=False, default=False, default_words="no"),
    )
)


def a_table(text: str):
    """The table under the one step of a scenario, as behave reads it (line numbers from 4)."""
    feature = parse_feature("Feature: f\n  Scenario: s\n    Given x:\n" + text)
    return feature.scenarios[0].steps[0].table


def test_a_table_is_read_as_values_in_any_column_order_and_heading_case():
    read = PAID.read(
        a_table(
            "      | Amount | Client | Type | Reverted |\n      | K2,000 | Lubuto | Cash | Yes |\n      | 500 kwacha | Mapalo | mobile money | n |\n"
        )
    )
    assert read.columns == ["amount", "client", "type", "reverted"]
    assert [(r["client"], r["amount"], r["type"].value, r["reverted"]) for r in read] == [
        ("Lubuto", 2000, "cash", True),  # "Yes" is yes: it was read as "not reverted" before
        ("Mapalo", 500, "mobile_money", False),
    ]


def test_an_optional_column_left_out_means_what_the_step_says():
    read = PAID.read(a_table("      | client | type | amount |\n      | Lubuto | cash | K100 |\n"))
    assert read.rows[0]["reverted"] is False and read.columns == ["client", "type", "amount"]


def test_a_cell_that_does_not_parse_is_refused_naming_the_row_and_the_column():
    with pytest.raises(Refused) as refused:
        PAID.read(
            a_table(
                "      | client | type | amount |\n      | Lubuto | cash | K100 |\n      | Mapalo | cash | 1,50 |\n"
            )
        )
    assert str(refused.value) == (
        'the table\'s row 2 (line 6), column "amount": "1,50" is not an amount of money: write K500, K 500, '
        "K500.00, K2,000, K2000.50 or 500 kwacha"
    )


def test_an_unknown_a_missing_or_a_doubled_column_is_refused():
    with pytest.raises(
        Refused, match='the table has a column "colour" this step does not know: its columns are client'
    ):
        PAID.read(a_table("      | client | type | amount | colour |\n      | L | cash | K1 | red |\n"))
    with pytest.raises(Refused, match='the table lacks the column "amount": this step\'s columns are client'):
        PAID.read(a_table("      | client | type |\n      | L | cash |\n"))
    with pytest.raises(Refused, match='the table has the column "client" twice'):
        PAID.read(a_table("      | client | Client | type | amount |\n      | L | M | cash | K1 |\n"))
    with pytest.raises(Refused, match="this step needs a table under it, with the columns client"):
        PAID.read(None)


def test_a_blank_cell_is_refused_unless_the_column_says_what_a_blank_means():
    with pytest.raises(Refused, match=r'row 1 \(line 5\), column "amount": the cell is blank: write K500'):
        PAID.read(a_table("      | client | type | amount |\n      | L | cash |  |\n"))
    due = TableSpec((Column("task"), Column("due", "Date", blank="no due date")))
    assert due.read(a_table("      | task | due |\n      | Sweep |  |\n")).rows[0]["due"] is None


def test_a_form_answer_is_read_by_its_fields_type():
    """A form answer "tomorrow" in a Date field is tomorrow's date (it was typed as the word, and left blank)."""
    memory: dict = {}
    fields_spec = table_spec(FIELDS_TABLE(lambda context, rows: None))
    answers_spec = table_spec(ANSWERS_TABLE(lambda context, rows: None))
    fields_spec.read(
        a_table(
            "      | name | type | required | options |\n"
            "      | Visit Date | date | yes | |\n      | Arrival | TIME | no | |\n"
            "      | Departure | Date with Time | no | |\n      | Gate | Dropdown | yes | North, South |\n"
            "      | Items | checkbox | no | Tools, Furniture |\n"
        ),
        memory,
    )
    read = answers_spec.read(
        a_table(
            "      | field | answer |\n      | Visit Date | tomorrow |\n      | Arrival | 2:30 pm |\n"
            "      | Departure | 14 December 2026 at 5 pm |\n      | Gate | South |\n      | Items | Tools, Furniture |\n"
        ),
        memory,
    )
    assert answers_of(read, date(2026, 12, 1)) == {
        "Visit Date": "2026-12-02",
        "Arrival": "14:30",
        "Departure": "2026-12-14 17:00",
        "Gate": "South",
        "Items": "Tools, Furniture",
    }
    with pytest.raises(Refused, match=r'column "answer": "2:30" may be in the morning'):
        answers_spec.read(a_table("      | field | answer |\n      | Arrival | 2:30 |\n"), memory)
    with pytest.raises(Refused, match=r'column "answer": "East" is not an option of "Gate": write North or South'):
        answers_spec.read(a_table("      | field | answer |\n      | Gate | East |\n"), memory)


def test_every_table_step_declares_its_table():
    """Every step whose docstring speaks of its table declares it (so `make check-features` reads its cells)."""
    from prodready.authoring.catalogue import step_docs

    docs = step_docs()
    with_tables = [d for d in docs if d.pattern.endswith(":")]
    assert with_tables and all(d.table for d in with_tables), [d.pattern for d in with_tables if not d.table]

"""Expected tables compare as people mean them."""

from __future__ import annotations

import pytest

from prodready.scenario.tables import assert_rows, mismatch

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

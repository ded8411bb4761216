"""Tables as people mean them: expected rows compared with what the screen shows.

Rows compare as a set unless the step says "in this order"; only the columns the feature wrote
are compared. A mismatch says, row by row, what was expected, what is on screen, and what is
missing or extra, so a person can see at once what differs.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Any

Row = Mapping[str, str]


def _norm(value: Any) -> str:
    return " ".join(str(value).split())


def _key(row: Row, columns: Sequence[str]) -> tuple[str, ...]:
    return tuple(_norm(row.get(c, "")) for c in columns)


def _show(row: tuple[str, ...], columns: Sequence[str]) -> str:
    return " | ".join(f"{c}: {v}" for c, v in zip(columns, row, strict=False))


def expected_rows(table: Any) -> tuple[list[str], list[dict[str, str]]]:
    """A behave table as (column names, rows of {column: text})."""
    columns = list(table.headings)
    return columns, [{c: row[c] for c in columns} for row in table]


def mismatch(
    expected: Iterable[Row], shown: Iterable[Row], columns: Sequence[str], *, ordered: bool = False, only: bool = True
) -> str:
    """'' when the screen shows the expected rows (all of them and nothing else, when `only`), else why not."""
    want = [_key(r, columns) for r in expected]
    have = [_key(r, columns) for r in shown]
    if ordered:
        mine = [h for h in have if h in want] if not only else have
        if mine == want:
            return ""
    else:
        missing = [w for w in want if w not in have or want.count(w) > have.count(w)]
        extra = [h for h in have if h not in want] if only else []
        if not missing and not extra:
            return ""
    missing = [w for w in want if w not in have]
    extra = [h for h in have if h not in want] if only else []
    lines = ["the table on screen differs from the one expected" + (" (in this order)" if ordered else "") + ":"]
    lines += ["  expected:"] + [f"    {_show(w, columns)}" for w in want]
    lines += ["  on screen:"] + ([f"    {_show(h, columns)}" for h in have] or ["    (nothing)"])
    if missing:
        lines += ["  missing:"] + [f"    {_show(m, columns)}" for m in missing]
    if extra:
        lines += ["  extra:"] + [f"    {_show(x, columns)}" for x in extra]
    if ordered and not missing and not extra:
        lines.append("  the same rows, in another order")
    return "\n".join(lines)


def assert_rows(
    expected: Iterable[Row], shown: Iterable[Row], columns: Sequence[str], *, ordered: bool = False, only: bool = True
) -> None:
    """AssertionError with the row-by-row difference when the screen does not show the expected rows."""
    problem = mismatch(list(expected), list(shown), columns, ordered=ordered, only=only)
    assert not problem, problem

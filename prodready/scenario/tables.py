"""Tables as people mean them: declared per step, read as values, compared with what the screen shows.

Each step that takes a table declares it (`@table(Column("amount", "Money"), …)`): its columns, their
types (prodready.scenario.values), which must be there, what a blank cell means. An unknown column, a
missing one or a cell that does not parse is refused, naming the row and the column, before the step
does anything, and by `make check-features` before any run; headings are read in any case and spacing.

Expected rows compare as a set unless the step says "in this order"; only the columns the feature wrote
are compared. A mismatch says, row by row, what was expected, what is on screen, and what is missing or
extra, so a person can see at once what differs.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
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


# -- tables declared per step ----------------------------------------------------------------------------


@dataclass(frozen=True)
class Column:
    """One column of a step's table: its name, the type of its cells (prodready.scenario.values, or "Ui": a
    text of the platform's screens), whether it must be there, what a blank cell means, what a row gets when
    the column is left out."""

    name: str
    type: str = "Text"
    required: bool = True
    blank: str = ""  # what a blank cell means ("no due date"); '' → a blank cell is refused
    default: Any = None  # the value of a column left out (only for one that is not required)
    default_words: str = ""  # the same, in words, for the catalogue ("no")
    aliases: tuple[str, ...] = ()  # other headings people write for it
    words: tuple[str, ...] = ()  # the platform's words a cell may hold instead of a value ("In-Progress")

    def describe(self) -> str:
        """ "amount (Money)", "done (YesNo, optional: no when left out)"."""
        notes = [self.type]
        if not self.required:
            notes.append("optional" + (f": {self.default_words} when left out" if self.default_words else ""))
        if self.words:
            notes.append("or " + " or ".join(f'"{w}"' for w in self.words))
        if self.blank:
            notes.append(f"blank: {self.blank}")
        return f"{self.name} ({', '.join(notes)})"


@dataclass
class ReadTable:
    """A step's table as read: the columns written (by their names in the declaration), and the rows."""

    columns: list[str]
    rows: list[dict[str, Any]]
    lines: list[int] = field(default_factory=list)

    def __iter__(self) -> Iterator[dict[str, Any]]:
        return iter(self.rows)

    def __len__(self) -> int:
        return len(self.rows)


@dataclass(frozen=True)
class TableSpec:
    """The table a step takes; `finish(table, memory)` checks what rows mean together (the scenario's memory:
    context.notes while running, a dict per scenario in `make check-features`)."""

    columns: tuple[Column, ...]
    finish: Callable[[ReadTable, dict[str, Any]], None] | None = None
    ordered: bool = False

    def describe(self) -> str:
        """The columns, as a refusal and the catalogue name them."""
        return ", ".join(c.describe() for c in self.columns)

    def column(self, heading: str) -> Column | None:
        """The column a heading names (any case and spacing; its aliases too)."""
        key = _heading_key(heading)
        return next((c for c in self.columns if key in {_heading_key(n) for n in (c.name, *c.aliases)}), None)

    def read(self, table: Any, memory: dict[str, Any] | None = None) -> ReadTable:
        """The table's rows as values; Refused, naming the row and the column, for anything it cannot read."""
        from prodready.scenario.values import TYPES, Refused

        if table is None:
            raise Refused(f"this step needs a table under it, with the columns {self.describe()}")
        written = [(h, self.column(h)) for h in table.headings]
        unknown = [h for h, c in written if c is None]
        if unknown:
            raise Refused(
                f'the table has a column "{unknown[0]}" this step does not know: its columns are {self.describe()}'
            )
        named = [c for _h, c in written if c is not None]
        missing = [c.name for c in self.columns if c.required and c not in named]
        if missing:
            raise Refused(f'the table lacks the column "{missing[0]}": this step\'s columns are {self.describe()}')
        twice = [c.name for c in named if named.count(c) > 1]
        if twice:
            raise Refused(f'the table has the column "{twice[0]}" twice')
        rows, lines = [], []
        for number, row in enumerate(table, start=1):
            where = f"the table's row {number} (line {row.line})"
            values = {c.name: c.default for c in self.columns if c not in named}
            for heading, column in written:
                assert column is not None
                cell = " ".join(row[heading].split())
                if not cell:
                    if not column.blank:
                        accepted = TYPES[column.type].accepted if column.type in TYPES else "the platform's text"
                        raise Refused(f'{where}, column "{column.name}": the cell is blank: write {accepted}')
                    values[column.name] = None
                    continue
                try:
                    as_is = column.type == "Ui" or cell in column.words
                    values[column.name] = cell if as_is else TYPES[column.type](cell)
                except Refused as refusal:
                    raise Refused(f'{where}, column "{column.name}": {refusal}') from None
            rows.append(values)
            lines.append(row.line)
        read = ReadTable([c.name for c in named], rows, lines)
        if self.finish is not None:
            self.finish(read, memory if memory is not None else {})
        return read


def _heading_key(text: str) -> str:
    return " ".join(text.casefold().replace("_", " ").split())


def table(*columns: Column, finish: Callable[[ReadTable, dict[str, Any]], None] | None = None) -> Callable:
    """Declare a step's table; the step gets the rows read (`rows=`), checked before it does anything.

    Place it between the step's @given/@when/@then lines and its function.
    """
    spec = TableSpec(tuple(columns), finish)

    def declare(step: Callable) -> Callable:
        @functools.wraps(step)
        def with_rows(context: Any, *args: Any, **kwargs: Any) -> Any:
            if "rows" in kwargs:  # an old wording that said its one row in its words (prodready.scenario.wording)
                return step(context, *args, **kwargs)
            notes = context.notes if hasattr(context, "notes") else {}
            return step(context, *args, rows=spec.read(context.table, notes), **kwargs)

        with_rows.table_spec = spec  # type: ignore[attr-defined]
        with_rows.ui_columns = frozenset(c.name for c in columns if c.type == "Ui")  # type: ignore[attr-defined]
        return with_rows

    return declare


def table_spec(func: Any) -> TableSpec | None:
    """The table a step function declares (None: it takes no table)."""
    return getattr(func, "table_spec", None)


def cell_error(read: ReadTable, index: int, column: str, message: str) -> Any:
    """A Refused naming a row and a column of a table already read (for `finish` checks)."""
    from prodready.scenario.values import Refused

    return Refused(f'the table\'s row {index + 1} (line {read.lines[index]}), column "{column}": {message}')

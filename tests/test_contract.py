"""The platform contract: every test id the page objects use and every screen text the suite quotes
comes from the real platform (or is listed as reference-only, with a reason), and the reference app
renders it. Prints `platform contract: A/B test ids, C/D texts from the platform; E reference-only`.
"""

from __future__ import annotations

import ast
import csv
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PLATFORM = ROOT.parent / "shared" / "platform"
REFERENCE_ONLY = "reference-only"
MAX_REFERENCE_ONLY = 5
TESTID_IN_STRING = re.compile(r'data-testid=\\?"([^"\\]+)\\?"')
TEXT_IN_XPATH = re.compile(
    r'normalize-space\(\)(?:, )?="([^"]+)"|starts-with\(normalize-space\(\), "([^"]+)"\)'
    r'|placeholder="([^"]+)"'
)


@dataclass(frozen=True)
class Entry:
    """One line of contract/<area>.tsv."""

    kind: str
    value: str
    source: str
    note: str
    area: str


@lru_cache(maxsize=1)
def contract() -> tuple[Entry, ...]:
    """Every entry of every area's contract file."""
    entries = []
    for path in sorted((ROOT / "contract").glob("*.tsv")):
        with path.open(encoding="utf-8", newline="") as handle:
            for row in csv.DictReader(handle, delimiter="\t"):
                entries.append(Entry(row["kind"], row["value"], row["source"], row.get("note") or "", path.stem))
    return tuple(entries)


def _string_args(call: ast.Call) -> list[str]:
    return [a.value for a in call.args if isinstance(a, ast.Constant) and isinstance(a.value, str)]


@lru_cache(maxsize=1)
def used_in_pages() -> tuple[frozenset[str], frozenset[str]]:
    """(test ids, texts) the page objects use: testid(...), rows(...) parts, ui(...), button_text(...), XPaths."""
    ids: set[str] = set()
    texts: set[str] = set()
    for path in sorted((ROOT / "pages").glob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call):
                name = node.func.attr if isinstance(node.func, ast.Attribute) else getattr(node.func, "id", "")
                args = _string_args(node)
                if name == "testid" and args:
                    ids.add(args[0])
                elif name in ("ui", "button_text") and args:
                    texts.add(args[0])
                elif name == "rows" and len(node.args) > 1 and isinstance(node.args[1], ast.Dict):
                    for value in node.args[1].values:
                        if (
                            isinstance(value, ast.Constant)
                            and isinstance(value.value, str)
                            and not value.value.startswith("css:")
                        ):
                            ids.add(value.value)
            elif isinstance(node, ast.Constant) and isinstance(node.value, str):
                ids.update(i for i in TESTID_IN_STRING.findall(node.value) if "${" not in i)
                for exact, prefix, placeholder in TEXT_IN_XPATH.findall(node.value):
                    texts.add(exact or prefix or placeholder)
    return frozenset(ids), frozenset(texts)


@lru_cache(maxsize=1)
def quoted_in_features() -> frozenset[str]:
    """Screen texts the features quote: {x:Ui} / {x:UiList} arguments and ui_table columns of the steps."""
    from behave.parser import parse_file
    from behave.runner_util import load_step_modules
    from behave.step_registry import registry

    from prodready.scenario import vocabulary

    vocabulary.install()
    if not registry.steps["given"] and not registry.steps["then"]:
        load_step_modules([str(ROOT / "steps")])
    texts: set[str] = set()
    for path in sorted((ROOT / "features").glob("*.feature")):
        feature = parse_file(str(path))
        for scenario in feature.walk_scenarios():
            for step in [*(feature.background.steps if feature.background else []), *scenario.steps]:
                matcher = registry.find_step_definition(step)
                assert matcher is not None, f"undefined step: {step.location} {step.keyword} {step.name}"
                match = registry.find_match(step)
                kinds = dict(re.findall(r"\{(\w+):(Ui|UiList)\}", matcher.pattern))
                for argument in match.arguments:
                    if kinds.get(argument.name) == "Ui":
                        texts.add(argument.value)
                    elif kinds.get(argument.name) == "UiList":
                        texts.update(argument.value)
                columns = getattr(match.func, "ui_columns", frozenset())
                if step.table is not None and columns:
                    for row in step.table:
                        texts.update(row[c] for c in columns if c in step.table.headings and row[c])
    from prodready.scenario.values import PLATFORM_LABELS  # field and task types: read in the platform's words

    return frozenset(texts | set(PLATFORM_LABELS))


@lru_cache(maxsize=1)
def reference_app_source() -> str:
    """Everything the reference app can render from: templates, scripts and Python literals."""
    files = [p for p in (ROOT / "demo_app").rglob("*") if p.suffix in (".html", ".js", ".py") and p.is_file()]
    return "\n".join(p.read_text(encoding="utf-8") for p in files)


@lru_cache(maxsize=1)
def platform_facts() -> dict[str, str]:
    """The platform's facts by file (empty when ../shared/platform is not beside the project)."""
    if not PLATFORM.is_dir():
        return {}
    return {p.name: p.read_text(encoding="utf-8") for p in PLATFORM.iterdir() if p.is_file()}


def test_every_test_id_and_text_the_suite_uses_is_in_the_contract(capsys):
    ids, page_texts = used_in_pages()
    texts = page_texts | quoted_in_features()
    entries = contract()
    known_ids = {e.value for e in entries if e.kind == "testid"}
    known_texts = {e.value for e in entries if e.kind == "text"}
    missing = sorted(f"test id {i!r}" for i in ids - known_ids) + sorted(f"text {t!r}" for t in texts - known_texts)
    assert not missing, "used by the suite but not in contract/*.tsv: " + "; ".join(missing)
    stale = sorted(
        f"{e.area}: {e.kind} {e.value!r}"
        for e in entries
        if (e.kind == "testid" and e.value not in ids) or (e.kind == "text" and e.value not in texts)
    )
    assert not stale, "in the contract but used by no page object or feature: " + "; ".join(stale)
    platform_ids = {e.value for e in entries if e.kind == "testid" and e.source != REFERENCE_ONLY}
    platform_texts = {e.value for e in entries if e.kind == "text" and e.source != REFERENCE_ONLY}
    reference_only = [e for e in entries if e.source == REFERENCE_ONLY]
    with capsys.disabled():
        print(
            f"\nplatform contract: {len(ids & platform_ids)}/{len(ids)} test ids, "
            f"{len(texts & platform_texts)}/{len(texts)} texts from the platform; "
            f"{len(reference_only)} reference-only"
        )
    assert len(reference_only) <= MAX_REFERENCE_ONLY, [e.value for e in reference_only]


def test_reference_only_entries_say_why():
    vague = [e.value for e in contract() if e.source == REFERENCE_ONLY and len(e.note.split()) < 4]
    assert not vague, f"reference-only entries need a reason in their note: {vague}"


def test_no_entry_is_listed_twice():
    """One line per id or text and platform file (the same id in two platform files may be two lines)."""
    seen: dict[tuple[str, str, str], str] = {}
    twice = []
    for entry in contract():
        key = (entry.kind, entry.value, entry.source)
        if key in seen:
            twice.append(f"{entry.kind} {entry.value!r} in {seen[key]} and {entry.area}")
        seen[key] = entry.area
    assert not twice, twice


def test_the_reference_app_renders_every_entry():
    source = reference_app_source()
    absent = [
        f"{e.kind} {e.value!r}"
        for e in contract()
        if (f'"{e.value}"' not in source and f"'{e.value}'" not in source)
        if e.kind == "testid"
    ]
    absent += [f"text {e.value!r}" for e in contract() if e.kind == "text" and e.value not in source]
    assert not absent, "the reference app never renders: " + "; ".join(absent)


def in_platform_source(entry: Entry) -> bool:
    """A text the extracted facts left out (a hard-coded literal, an i18n namespace outside the flows) found in
    the platform's own source: the file the entry names, or an English translation file."""
    source = PLATFORM / "source"
    files = [source / entry.source, *sorted((source / "public" / "locales" / "en").glob("*.json"))]
    return any(f.is_file() and entry.value in f.read_text(encoding="utf-8") for f in files)


@pytest.mark.skipif(not PLATFORM.is_dir(), reason="../shared/platform (the platform's facts) is not beside the project")
def test_platform_entries_come_from_the_platform_facts():
    facts = platform_facts()
    testids = [line.split("\t") for line in facts["testids.tsv"].splitlines()[1:]]
    words = "\n".join(
        facts[name] for name in ("wording-en.tsv", "flows.md", "routes.tsv", "mutations.tsv", "README.md")
    )
    wrong = []
    for entry in contract():
        if entry.source == REFERENCE_ONLY:
            continue
        if not entry.source.startswith("app/"):
            wrong.append(f"{entry.value!r}: source {entry.source!r} is not a path of the platform")
        elif entry.kind == "testid" and not any(
            row[0] == entry.value and row[1].startswith(entry.source) for row in testids if len(row) > 1
        ):
            wrong.append(f"test id {entry.value!r} is not in testids.tsv for {entry.source}")
        elif entry.kind == "text" and entry.value not in words and not in_platform_source(entry):
            wrong.append(f"text {entry.value!r} is not in the platform's words")
    assert not wrong, "; ".join(wrong)

"""Stable wording (prodready/scenario/wording.py): an old wording still runs its step and says what to write now;
a retired one says why it no longer runs; every step line the features ever had is still understood."""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace

import pytest
from behave.matchers import MatchWithError
from behave.step_registry import StepRegistry

from prodready.authoring import catalogue
from prodready.scenario import matching, vocabulary
from prodready.scenario.values import Refused
from prodready.scenario.wording import OLD_WORDINGS, reworded

OLD_LINES = Path(__file__).parent / "data" / "old_wordings.txt"


def old_lines() -> list[tuple[str, str]]:
    lines = [line.split(" ", 1) for line in OLD_LINES.read_text(encoding="utf-8").splitlines()]
    return [(kind, text) for kind, text in lines if not kind.startswith("#")]


def found(kind: str, text: str):
    """What the project's steps make of a line (the first match, as behave takes it)."""
    registry = catalogue.load_steps()
    return next((m for m in (s.match(text) for s in registry.steps[kind]) if m), None)


def test_every_line_the_features_ever_had_is_still_understood():
    """The 192 wordings of features/ before the steps were reworded in the platform's words: each runs as an old
    wording of the step that means the same now, or is a retired wording that says why and what to write."""
    understood = {"old": 0, "retired": 0}
    for kind, text in old_lines():
        match = found(kind, text)
        assert match is not None and not isinstance(match, MatchWithError), f"{kind} {text}: {match}"
        old = match.func.old_wording
        understood["retired" if old.retired else "old"] += 1
    assert sum(understood.values()) == len(old_lines()) == 192
    assert understood["old"] > understood["retired"] > 0, understood


def test_an_old_wording_runs_its_step_and_says_once_what_to_write_now(monkeypatch, capsys):
    vocabulary.install()
    registry = StepRegistry()
    monkeypatch.setattr(matching, "step_registry", lambda: registry)
    calls = []

    def step_owed(context, label, amount):
        """The client owes."""
        calls.append((label, amount))

    registry.add_step_definition("then", 'the client\'s "{label:Ui}" shows {amount:Money} owed', step_owed)
    reworded("the total balance is {amount:Money}", label="Total Balance")(step_owed)
    match = next(m for m in (s.match("the total balance is K6,000") for s in registry.steps["then"]) if m)
    step = SimpleNamespace(name="the total balance is K6,000", keyword="Then", location="x.feature:7")
    step.status = SimpleNamespace(name="untested")
    context = SimpleNamespace(scenario=SimpleNamespace(steps=[step]), use_with_user_mode=_no_mode)
    monkeypatch.setattr("sys.__stderr__", __import__("sys").stderr)
    match.run(context)
    match.run(context)
    assert calls == [("Total Balance", 6000), ("Total Balance", 6000)]
    err = capsys.readouterr().err
    assert err.count("is an old wording") == 1
    assert err.strip() == (
        'prodready: x.feature:7: "Then the total balance is K6,000" is an old wording, still understood: '
        'write "Then the client\'s "Total Balance" shows K6,000 owed"'
    )


class _no_mode:
    def __init__(self, *args):
        pass

    def __enter__(self):
        return self

    def __exit__(self, *args):
        return False


def test_a_current_wording_always_wins_over_an_old_one():
    """No old wording takes a line a current step takes, whichever module registered first."""
    for doc in catalogue.step_docs():
        words = doc.example.split(" ", 1)[1]
        match = found(doc.kind, words)
        assert getattr(match.func, "old_wording", None) is None, f"{doc.example} runs an old wording"


def test_a_retired_wording_fails_saying_why_and_what_to_write():
    match = found("then", 'the "My Tasks" tile counts 1')
    with pytest.raises(Refused) as refused:
        match.run(SimpleNamespace(use_with_user_mode=_no_mode))
    assert str(refused.value).startswith(
        '"the "My Tasks" tile counts 1" is a retired wording: the Task Dashboard has no tiles with counts'
    )
    assert "write" in str(refused.value)


def test_old_wordings_that_named_people_check_the_name():
    """ "An Admin User" was the admin's name: the old wording runs the step about the admin, another name is refused."""
    match = found("when", 'the guard finds the admin "Someone Else"')
    context = SimpleNamespace(scenario=None, use_with_user_mode=_no_mode)
    with pytest.raises(Refused, match='"Someone Else" is not the admin'):
        match.run(context)


def test_every_old_wording_is_listed_in_the_catalogue():
    text = catalogue.CATALOGUE.read_text(encoding="utf-8")
    for wording in OLD_WORDINGS:
        shown = catalogue.shown(wording.pattern)
        assert shown in text, f"{wording.kind} {wording.pattern} is not in docs/steps.md"

"""The catalogue's index by what a person wants to do: every step under one or more intents, linked to its
entry (tests/test_authoring.py checks that no step is left out)."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

Rule = Callable[[Any], bool]


def _words(pattern: str, kinds: str = "given when then", areas: str = "") -> Rule:
    """A step whose wording matches `pattern`, of one of these kinds, in one of these areas (prefixes)."""
    found = re.compile(pattern, re.IGNORECASE)
    return lambda d: (
        d.kind in kinds.split()
        and (not areas or any(d.area.startswith(a) for a in areas.split()))
        and bool(found.search(d.pattern))
    )


INTENTS: tuple[tuple[str, Rule], ...] = (
    ("Log someone in or out, or set a password", _words(r"log(s|ged)? (in|out)|login|password|logged")),
    ("Set the community's clock", _words(r"in the community$")),
    (
        "Make the people and the data a scenario starts from (through the platform's API)",
        lambda d: d.kind == "given" and not re.search(r"log(ged)? in|login|looking at|in the community$", d.pattern),
    ),
    (
        "Go to a page: from the menu, a card, an address or a link",
        _words(r"goes to|opens|types the address|follows a link|goes back|looking at|finds the|selects the ID tile"),
    ),
    ("Record a visitor at the gate, scan a code", _words(r".", "when", "gate_scan gate_manual_entry")),
    ("Invite a guest and grant access", _words(r".", "when", "gate_guests")),
    ("Record, revert or cancel a payment; make a plan", _words(r".", "when", "payments")),
    ("Build and publish a form", _words(r".", "when", "forms_create")),
    ("Fill in and submit a form", _words(r".", "when", "forms_submit")),
    ("Start and end a worker's shift", _words(r".", "when", "timesheet")),
    ("Make, assign, complete and comment on tasks", _words(r".", "when", "tasks")),
    (
        "Check where a person is: a page, a form, a dialog",
        _words(
            r"lands on|is back on|taken to|is on |asked to|dialog is closed|stays open|still on|camera is on|sees",
            "then",
        ),
    ),
    (
        "Check a message the platform shows",
        _words(r'is told|says|say "|is shown "|shown "|asks for|asked for|warns|offer|confirmed', "then"),
    ),
    (
        "Check a list, a figure or a table on screen",
        _words(
            r"lists?|shows?|holds?|has|had|sees|marks|marked|is listed|balance|receipt|entries|details|recorded"
            r"|finds|opened",
            "then",
        ),
    ),
    (
        "Check that something is refused or not shown",
        _words(r"not |no |refus|withheld|never|cannot|nothing|nobody|still", "then"),
    ),
    (
        "Ask the platform directly, as an attacker would (its API)",
        _words(
            r"asks the platform|all the same|reaches the platform|platform (answers|handed|does not)|allowed|refused"
            r"|hides|directly|every way it was sent"
        ),
    ),
    ("Anything else a person does", _words(r".", "when")),
    ("Anything else to check", _words(r".", "then")),
)


def intents_of(doc: Any) -> list[str]:
    """The intents a step serves."""
    return [title for title, rule in INTENTS if rule(doc)]


def index(docs: list[Any]) -> list[str]:
    """The catalogue's index: each intent with links to its steps."""
    out = ["", "## What do you want to do?", ""]
    for title, rule in INTENTS:
        mine = [d for d in docs if rule(d)]
        if not mine:
            continue
        out += ["", f"**{title}**", ""]
        out += [f"- [{d.kind.title()} {d.text}](#{d.anchor})" for d in mine]
    return out

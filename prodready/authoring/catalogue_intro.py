"""The catalogue's opening (docs/steps.md): the values people write, the people, tables and tags; and its
closing list of retired wordings. Generated from prodready.scenario.values, prodready.toml's personas, the
production checklist and prodready.core.tags."""

from __future__ import annotations

import re

from prodready.core import tags
from prodready.core.checklist import ITEMS

# Parameters shown by name only: people (the table of people), screen texts and your words (their quotes).
PLAIN_TYPES = {"", "Persona", "Ui", "UiList", "Quoted"}

PLAIN_WORDS = (
    (
        "the {who}",
        "a person of the scripts: the guard, the admin, the custodian, the client, the worker, or another word "
        "for them from the table of people below; any case and spacing",
    ),
    (
        '"{…}" (a screen text)',
        "where the step's description speaks of a message, a title, a label or a column: the platform's own "
        "text, exactly as its screen shows it (the suite checks it against the platform's words)",
    ),
    (
        '"{…}" (your words)',
        "a name, a note or a title of your choice; names of people, guests, forms and tasks are made unique "
        'for each run ("Grace Banda" becomes "Grace Banda 4821"), and a person is found by their name in any '
        'case and spacing ("mama guard" finds "mama Guard")',
    ),
)
TAGS = (
    ("@read_only", tags.READ_ONLY, "changes nothing and needs no prepared data: the only kind allowed on production"),
    (
        "@needs_clock",
        tags.NEEDS_CLOCK,
        "sets the community's clock or makes data in the past: only the reference app can (other targets refuse it)",
    ),
    ("@extra", tags.EXTRA, "checks something beyond the checklist (instead of a @checklist tag)"),
    ("@security", tags.SECURITY, "asks the platform what an attacker would (features/security.feature)"),
    ("@camera", tags.CAMERA, "the guard's camera reads a QR code: skipped, named, where no camera can be given"),
    (
        "@issue.<iid>",
        tags.ISSUE_PREFIX,
        "verifies GitLab issue <iid>; the readiness report shows it beside the release",
    ),
    (
        "@defect.<id>",
        tags.DEFECT_PREFIX,
        "red on the real platform for the documented defect <id> (docs/platform-defects.md)",
    ),
    ("@wip, @slow", "wip", "left out of normal runs"),
)


def shown(pattern: str) -> str:
    """A pattern as the catalogue writes it."""

    def one(match: re.Match[str]) -> str:
        name, kind = match.group(1), match.group(2) or ""
        return "{" + name + "}" if kind in PLAIN_TYPES else "{" + f"{name}: {kind}" + "}"

    return re.sub(r"\{(\w+)(?::(\w+))?\}", one, pattern)


def values_section() -> list[str]:
    """Every value type: what it is, how to write it, examples accepted and refused."""
    from prodready.scenario.values import TYPES

    out = [
        "## Values",
        "",
        "A value in a step and a value in a table cell are read the same way, by one vocabulary "
        "(`prodready/scenario/values.py`). Anything else is refused in one line that names the accepted "
        "forms: by `make check-features` before any browser starts, and by the run the same way. Nothing "
        "is guessed: a value that could mean two things is refused, saying both.",
        "",
        "| written as | means | write it as | for example | refused |",
        "|---|---|---|---|---|",
    ]
    out += [f"| `{form}` | {meaning} | | | |" for form, meaning in PLAIN_WORDS]
    for value in TYPES.values():
        means = value.what + (f": {value.means}" if value.means else "")
        examples = ", ".join(f"`{e}`" for e in value.examples)
        refused = ", ".join(f"`{e}`" for e in value.refused)
        out.append(f"| `{{…: {value.name}}}` | {means} | {value.accepted} | {examples} | {refused} |")
    return out


def people_section(persona_words: dict[str, str]) -> list[str]:
    """The words for each persona (prodready.toml's aliases)."""
    out = ["", "## People", "", "| in a feature | is |", "|---|---|"]
    by_key: dict[str, list[str]] = {}
    for word, key in persona_words.items():
        by_key.setdefault(key, []).append(word)
    out += [
        f"| {', '.join(f'the {w}' for w in sorted(words, key=len))} | the `{key}` persona |"
        for key, words in by_key.items()
    ]
    return out + [
        "",
        "Any of these words works in every step, in any case, also where the catalogue writes the role's short",
        'name: a step listed as "When the guard clicks Grant" also reads "When the Security Guard clicks Grant".',
    ]


def tables_section() -> list[str]:
    """How a table under a step is read."""
    return [
        "",
        "## Tables",
        "",
        "A step that takes a table says which columns (listed under it below, with the type of each). The "
        "first row names the columns, in any order, any case. A column the step does not know, a column it "
        "needs that is missing, or a cell that is not a value of its column's type is refused, naming the "
        "row and the column. A blank cell is refused unless the column says what a blank means; a column "
        "marked optional may be left out, and says what that means. Rows a step compares with the screen "
        'compare as a set unless the step says "in this order".',
    ]


def tags_section() -> list[str]:
    """The checklist tags (the production page's list) and the other tags."""
    out = [
        "",
        "## Tags",
        "",
        "Every scenario carries the checklist item it proves (or `@extra`); a feature's tag counts for all its "
        "scenarios.",
        "",
        "| tag | the production page's item |",
        "|---|---|",
    ]
    out += [f"| `@{tags.CHECKLIST_PREFIX}{item.id}` | {item.area}: {item.title} |" for item in ITEMS]
    out += ["", "| tag | when |", "|---|---|"]
    out += [f"| `{tag}` | {meaning} |" for tag, _name, meaning in TAGS]
    return out


def intro(persona_words: dict[str, str]) -> list[str]:
    """Everything before the index."""
    return [
        "# Steps you can use in a scenario",
        "",
        "Generated from the step definitions (`make check-features` also checks your features against "
        "it); do not edit by hand: `make steps-doc` rewrites it. How to write a scenario: "
        "[writing-scenarios.md](writing-scenarios.md).",
        "",
        *values_section(),
        *people_section(persona_words),
        *tables_section(),
        *tags_section(),
    ]


def old_wordings_section() -> list[str]:
    """The wordings retired: what each was, why it no longer runs, what to write instead."""
    from prodready.scenario.wording import OLD_WORDINGS, render

    retired = [w for w in OLD_WORDINGS if w.retired]
    if not retired:
        return []
    out = [
        "",
        "## Retired wordings",
        "",
        "Wordings of earlier versions whose meaning the platform no longer has. They are still recognised: a "
        "scenario using one fails at once, saying why and what to write instead. (Every other earlier "
        "wording still runs, and is listed under its step above.)",
        "",
    ]
    for wording in sorted(retired, key=lambda w: (w.kind, w.pattern)):
        instead = f" Write instead: *{wording.kind.title()} {shown(render(wording.now, {}))}*." if wording.now else ""
        out.append(f"- *{wording.kind.title()} {shown(wording.pattern)}* — {wording.retired}.{instead}")
    return out

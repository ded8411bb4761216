"""The step catalogue (docs/steps.md), generated from the step definitions and their docstrings.

A step's docstring says what it means in one line, then `Example: <a line of a feature>`. The
catalogue groups the steps by area (their module) and by Given / When / Then, explains the
parameter types, and lists the words features may use for people (prodready.toml aliases).
"""

from __future__ import annotations

import inspect
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from prodready.core.config import ROOT

STEPS = ROOT / "steps"
CATALOGUE = ROOT / "docs" / "steps.md"
# Areas by step module, in the catalogue's order; "Area: part" titles group one area's modules (its script's parts).
AREA_TITLES = {
    "common": "Every area",
    "application": "The application overall",
    "gate_scan": "Gate Access: scan",
    "gate_manual_entry": "Gate Access: manual entry",
    "gate_guests_invite": "Gate Access: registered guests, the invitation form",
    "gate_guests": "Gate Access: registered guests, who is invited and the lists",
    "payments_dashboard": "Payments: the dashboard",
    "payments_plans": "Payments: submitting a payment, the client and their plans",
    "payments_submit": "Payments: submitting a payment, the pay dialog and the receipt",
    "payments_balances": "Payments: submitting a payment, balances and transactions",
    "forms_create": "Forms: creating a form",
    "forms_submit": "Forms: submitting a form",
    "timesheet_shifts": "Time Sheet: shifts on the profile",
    "timesheet_time_card": "Time Sheet: the Time Card and time sheets",
    "tasks_dashboard": "Tasks: the dashboard",
    "tasks_assign": "Tasks: assigning tasks",
}
KINDS = (("given", "Given"), ("when", "When"), ("then", "Then"))
PARAMETER_TYPES = (
    (
        "the {who}",
        "a person of the scripts: the guard, the admin, the custodian, the client, the worker, or another "
        "word for them from the table of people below; any case",
    ),
    (
        '"{…}" (a screen text)',
        "where the step's description speaks of a message, a title, a label or a column: the "
        "platform's own text, exactly as its screen shows it (the suite checks it against the "
        "platform's words)",
    ),
    (
        '"{…}" (your words)',
        "a name, a note, an amount or a number of your choice; names of people, guests, forms "
        'and tasks are made unique for each run ("Grace Banda" becomes "Grace Banda 4821")',
    ),
    ("K2,000.00", "money in the community's currency, as the platform shows it"),
    ("dates and times", "community time (Africa/Lusaka): 09:30, 20 November 2026, 2026-11-20, today, tomorrow"),
    (
        "a table",
        "a table under the step; its first row names the columns; rows compare as a set unless the "
        'step says "in this order"',
    ),
)


@dataclass(frozen=True)
class StepDoc:
    """One step definition as the catalogue shows it."""

    kind: str  # given | when | then
    pattern: str
    area: str
    meaning: str
    example: str
    location: str

    @property
    def text(self) -> str:
        """The step as a person writes it, parameters left as {name}."""
        return re.sub(r"\{(\w+):\w+\}", r"{\1}", self.pattern)


def load_steps(steps_dir: Path = STEPS) -> Any:
    """behave's step registry with every step module of the project loaded (once per process)."""
    from behave.runner_util import load_step_modules
    from behave.step_registry import registry

    from prodready.scenario import vocabulary

    if not any(registry.steps.values()):
        vocabulary.install()
        load_step_modules([str(steps_dir)])
    return registry


def _doc(func: Any) -> tuple[str, str]:
    lines = [line.strip() for line in (inspect.getdoc(func) or "").splitlines() if line.strip()]
    meaning = lines[0] if lines else ""
    example = next((line.split(":", 1)[1].strip() for line in lines if line.lower().startswith("example:")), "")
    return meaning, example


def step_docs(registry: Any = None) -> list[StepDoc]:
    """Every step definition with its meaning and example (registration order within an area)."""
    registry = registry or load_steps()
    docs = []
    for kind, _title in KINDS:
        for matcher in registry.steps[kind]:
            module = Path(inspect.getsourcefile(matcher.func) or "x").stem.removesuffix("_steps")
            meaning, example = _doc(matcher.func)
            docs.append(StepDoc(kind, matcher.pattern, module, meaning, example, matcher.location))
    return docs


def undocumented(docs: list[StepDoc]) -> list[str]:
    """Steps whose docstring lacks the meaning line or an example."""
    return [f"{d.location}: {d.kind} {d.pattern}" for d in docs if not d.meaning or not d.example]


def render(docs: list[StepDoc], persona_words: dict[str, str]) -> str:
    """docs/steps.md."""
    out = [
        "# Steps you can use in a scenario",
        "",
        "Generated from the step definitions (`make check-features` also checks your features against "
        "it); do not edit by hand: `make steps-doc` rewrites it. How to write a scenario: "
        "[writing-scenarios.md](writing-scenarios.md).",
        "",
        "## Words in the steps",
        "",
        "| written as | means |",
        "|---|---|",
    ]
    out += [f"| `{form}` | {meaning} |" for form, meaning in PARAMETER_TYPES]
    out += ["", "## People", "", "| in a feature | is |", "|---|---|"]
    by_key: dict[str, list[str]] = {}
    for word, key in persona_words.items():
        by_key.setdefault(key, []).append(word)
    out += [
        f"| {', '.join(f'the {w}' for w in sorted(words, key=len))} | the `{key}` persona |"
        for key, words in by_key.items()
    ]
    out += [
        "",
        "Any of these words works in every step, also where the catalogue writes the role's short name: a step",
        'listed as "When the guard clicks Grant" also reads "When the security guard clicks Grant".',
    ]
    areas = [a for a in AREA_TITLES if any(d.area == a for d in docs)]
    areas += sorted({d.area for d in docs} - set(areas))
    for area in areas:
        out += ["", f"## {AREA_TITLES.get(area, area.replace('_', ' ').title())}"]
        for kind, title in KINDS:
            mine = [d for d in docs if d.area == area and d.kind == kind]
            if not mine:
                continue
            out += ["", f"### {title}", ""]
            for doc in mine:
                out.append(f"- **{title} {doc.text}** — {doc.meaning or '(undocumented)'}")
                if doc.example:
                    out.append(f"  `{doc.example}`")
    return "\n".join(out) + "\n"


def write(path: Path = CATALOGUE) -> Path:
    """Regenerate the catalogue file."""
    from prodready.scenario.vocabulary import PERSONA_WORDS

    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(render(step_docs(), PERSONA_WORDS), encoding="utf-8")
    return path


if __name__ == "__main__":
    print(f"wrote {write()}")

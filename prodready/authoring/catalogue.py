"""The step catalogue (docs/steps.md), generated from the step definitions and their docstrings.

A step's docstring says what it means in one line, then `Example: <a line of a feature>`, one example
for each wording of the step (a test renders every example through the matcher and checks it runs its
own entry). The catalogue opens with the values people write (prodready.scenario.values), the people,
the tables and the tags, then an index by what a person wants to do, then the steps by area (their
module) and by Given / When / Then, each with its table and its old wordings, still understood.
"""

from __future__ import annotations

import inspect
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from prodready.authoring.catalogue_intro import intro, old_wordings_section, shown
from prodready.authoring.intents import index
from prodready.core.config import ROOT

STEPS = ROOT / "steps"
CATALOGUE = ROOT / "docs" / "steps.md"
# Areas by step module, in the catalogue's order; "Area: part" titles group one area's modules (its script's parts).
AREA_TITLES = {
    "common": "Every area",
    "application": "The application overall",
    "security": "The application overall: who may do what",
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


@dataclass(frozen=True)
class StepDoc:
    """One wording of a step definition as the catalogue shows it."""

    kind: str  # given | when | then
    pattern: str
    area: str
    meaning: str
    example: str
    location: str
    table: str = ""  # the columns of its table, when it takes one
    old: tuple[str, ...] = field(default=())  # its old wordings, still understood
    func: Any = field(default=None, compare=False, repr=False)

    @property
    def text(self) -> str:
        """The step as a person writes it: people, screen texts and your words as {name}, values as {name: Type}."""
        return shown(self.pattern)

    @property
    def anchor(self) -> str:
        """The catalogue's anchor of this entry."""
        return "step-" + re.sub(r"[^a-z0-9]+", "-", f"{self.kind} {self.pattern}".lower()).strip("-")[:80]


def load_steps(steps_dir: Path = STEPS) -> Any:
    """behave's step registry with every step module of the project loaded (once per process)."""
    from behave.runner_util import load_step_modules

    from prodready.scenario import vocabulary
    from prodready.scenario.matching import step_registry

    registry = step_registry()
    if not any(registry.steps.values()):
        vocabulary.install()
        load_step_modules([str(steps_dir)])
    return registry


def _doc(func: Any) -> tuple[str, list[str]]:
    lines = [line.strip() for line in (inspect.getdoc(func) or "").splitlines() if line.strip()]
    meaning = lines[0] if lines else ""
    examples = [line.split(":", 1)[1].strip() for line in lines if line.lower().startswith("example:")]
    return meaning, examples


def example_for(matcher: Any, examples: list[str]) -> str:
    """The example of a step's docstring written in this wording ('' when none is)."""
    from prodready.scenario.matching import takes_cleanly

    for example in examples:
        words = example.split(" ", 1)[1] if " " in example else example
        if takes_cleanly(matcher, words):
            return example
    return ""


def step_docs(registry: Any = None) -> list[StepDoc]:
    """Every wording of every step definition, with its meaning and example (registration order in an area)."""
    from prodready.scenario.tables import table_spec

    registry = registry or load_steps()
    olds: dict[int, list[str]] = {}
    for kind, _title in KINDS:
        for matcher in registry.steps[kind]:
            if getattr(matcher, "OLD_WORDING", False) and hasattr(matcher.func, "__wrapped__"):
                olds.setdefault(id(inspect.unwrap(matcher.func)), []).append(shown(matcher.pattern))
    docs = []
    for kind, _title in KINDS:
        for matcher in registry.steps[kind]:
            if getattr(matcher, "OLD_WORDING", False):
                continue
            func = inspect.unwrap(matcher.func)
            module = Path(inspect.getsourcefile(func) or "x").stem.removesuffix("_steps")
            meaning, examples = _doc(func)
            spec = table_spec(matcher.func)
            docs.append(
                StepDoc(
                    kind,
                    matcher.pattern,
                    module,
                    meaning,
                    example_for(matcher, examples),
                    matcher.location,
                    spec.describe() if spec else "",
                    tuple(olds.get(id(func), [])),
                    matcher.func,
                )
            )
    return docs


def undocumented(docs: list[StepDoc]) -> list[str]:
    """Steps whose docstring lacks the meaning line or an example written in each of its wordings."""
    return [f"{d.location}: {d.kind} {d.pattern}" for d in docs if not d.meaning or not d.example]


def render(docs: list[StepDoc], persona_words: dict[str, str]) -> str:
    """docs/steps.md."""
    out = intro(persona_words)
    out += index(docs)
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
                out.append(f'- <a id="{doc.anchor}"></a>**{title} {doc.text}** — {doc.meaning or "(undocumented)"}')
                if doc.example:
                    out.append(f"  `{doc.example}`")
                if doc.table:
                    out.append(f"  table: {doc.table}")
                for old in doc.old:
                    out.append(f"  old wording, still understood: *{title} {old}*")
    out += old_wordings_section()
    return "\n".join(out) + "\n"


def write(path: Path = CATALOGUE) -> Path:
    """Regenerate the catalogue file."""
    from prodready.scenario.vocabulary import PERSONA_WORDS

    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(render(step_docs(), PERSONA_WORDS), encoding="utf-8")
    return path


if __name__ == "__main__":
    print(f"wrote {write()}")

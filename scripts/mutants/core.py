"""What a mutant is, and the two ways one breaks the reference app: replacing a module attribute, or
wrapping it. Both refuse to patch what does not exist, so a mutant outliving a rebuild of the app says so
("crashed") instead of silently breaking nothing."""

from __future__ import annotations

import importlib
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from prodready.core.checklist import IDS

KINDS = ("boundary", "must-not", "round trip", "figure")


class MutantError(RuntimeError):
    """A mutant could not be applied: what it patches is not there any more."""


@dataclass(frozen=True)
class Mutant:
    """A realistic regression of the reference app, and the scenarios of its own area that must catch it."""

    name: str
    item: str  # the checklist item it breaks (prodready/core/checklist.py)
    kind: str  # boundary | must-not | round trip | figure
    description: str  # what breaks, as a community member would notice it
    scenarios: tuple[str, ...]  # names of scenarios of the item's area (an outline's: the start of its examples')
    apply: Callable[[], None]
    feature_name: str = ""  # the feature of its scenarios, when not the area's own (features/security.feature)

    def __post_init__(self) -> None:
        if self.item not in IDS:
            raise ValueError(f"{self.name}: {self.item!r} is not a checklist item")
        if self.kind not in KINDS:
            raise ValueError(f"{self.name}: kind {self.kind!r} is not one of {', '.join(KINDS)}")
        if not self.scenarios:
            raise ValueError(f"{self.name}: name the scenarios that must catch it")

    @property
    def area(self) -> str:
        """The area of the production page's list, which is also the name of its feature file."""
        return self.item.split(".")[0]

    @property
    def feature(self) -> str:
        """The feature file of the mutant's scenarios: its area's, unless it names another."""
        return f"features/{self.feature_name or self.area}.feature"

    def behave_args(self) -> list[str]:
        """behave's arguments selecting exactly the mutant's scenarios, in its own area's feature."""
        args = [self.feature]
        for scenario in self.scenarios:
            args += ["-n", name_pattern(scenario)]
        return args


def name_pattern(scenario: str) -> str:
    """A behave --name pattern for one scenario: its whole name, or the start of an outline's examples' names."""
    return "^" + re.escape(scenario) + r"(?: -- @|$)"


def _target(where: str | type, attribute: str) -> Any:
    found = importlib.import_module(where) if isinstance(where, str) else where
    if not hasattr(found, attribute):
        name = where if isinstance(where, str) else where.__qualname__
        raise MutantError(f"{name}.{attribute} does not exist: the mutant no longer matches the app")
    return found


def patch(where: str | type, attribute: str, replacement: Any) -> None:
    """Replace `attribute` (which must exist) of a module (by name) or a class by `replacement`."""
    setattr(_target(where, attribute), attribute, replacement)


def wrap(where: str | type, attribute: str, make: Callable[[Any], Any]) -> None:
    """Replace `attribute` (which must exist) of a module (by name) or a class by `make(the original)`."""
    found = _target(where, attribute)
    setattr(found, attribute, make(getattr(found, attribute)))

"""Every mutant of `make mutation`, by area: realistic regressions of the reference app the suite must catch.

How to write one, and when a new scenario needs one: docs/mutation.md.
"""

from __future__ import annotations

from . import application, forms, gate_access, payments, tasks, timesheet
from .core import KINDS, Mutant, MutantError

MUTANTS: tuple[Mutant, ...] = (
    *gate_access.MUTANTS,
    *payments.MUTANTS,
    *forms.MUTANTS,
    *timesheet.MUTANTS,
    *tasks.MUTANTS,
    *application.MUTANTS,
)

__all__ = ["KINDS", "MUTANTS", "Mutant", "MutantError"]

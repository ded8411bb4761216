"""Mutation check of the suite: break the reference app on purpose and expect the suite to notice.

Each mutant patches the reference app in this process, then runs behave on the scenarios that
should catch it. A mutant the suite does not catch ("survived") is a hole in the suite.
  python scripts/mutation.py                 every mutant
  python scripts/mutation.py entry_logging   one mutant (and, after --, extra behave args)
"""

from __future__ import annotations

import argparse
import importlib
import os
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


@dataclass(frozen=True)
class Mutant:
    """A deliberate bug, and the scenarios that must fail because of it."""

    name: str
    description: str
    selection: tuple[str, ...]  # behave args selecting the scenarios that should catch it
    apply: Callable[[], None]


def _patch(module: str, attribute: str, replacement: object) -> None:
    setattr(importlib.import_module(module), attribute, replacement)


def _entry_logging() -> None:
    """Entries are never written (the guard's decisions vanish)."""
    _patch("demo_app.logbook", "record_entry", lambda *args, **kwargs: 0)


def _guest_validity() -> None:
    """Every registered guest is valid at any time."""
    _patch("demo_app.guests", "validity", lambda *args, **kwargs: "Valid")


def _required_manual_fields() -> None:
    """The manual entry form stops checking required fields."""
    logbook = importlib.import_module("demo_app.logbook")
    logbook.MANUAL_FIELDS[:] = [(name, label, False) for name, label, _ in logbook.MANUAL_FIELDS]


def _logbook_crash() -> None:
    """The logbook page fails with a server error."""

    def crash(*args, **kwargs):
        raise RuntimeError("mutant: logbook query broken")

    _patch("demo_app.logbook", "entry_rows", crash)


def _cacheable_pages() -> None:
    """Signed-in pages may be cached: the back button shows them after logout."""
    import demo_app

    real = demo_app.create_app

    def create_app(config=None):
        app = real(config)
        app.after_request_funcs[None] = [f for f in app.after_request_funcs[None] if f.__name__ != "no_store"]
        return app

    demo_app.create_app = create_app


def _balance_update() -> None:
    """A payment is recorded but the plans' balances do not go down."""
    ledger = importlib.import_module("demo_app.ledger")
    db = importlib.import_module("demo_app.db")
    real = ledger.record_payment

    def record_payment(user_id, values, depositor_id, at=None):
        conn = db.get_db()
        before = conn.execute(
            "SELECT id, pending_ngwee, status FROM payment_plans WHERE user_id = ?", (user_id,)
        ).fetchall()
        tx_id = real(user_id, values, depositor_id, at)
        for row in before:
            conn.execute(
                "UPDATE payment_plans SET pending_ngwee = ?, status = ? WHERE id = ?",
                (row["pending_ngwee"], row["status"], row["id"]),
            )
        conn.commit()
        return tx_id

    ledger.record_payment = record_payment


def _revert() -> None:
    """Reverting marks the transaction cancelled but gives the plans nothing back."""
    ledger = importlib.import_module("demo_app.ledger")
    db = importlib.import_module("demo_app.db")
    ledger.revert = lambda tx_id, by: db.execute("UPDATE transactions SET status = 'cancelled' WHERE id = ?", (tx_id,))


def _shift_end() -> None:
    """Ending a shift answers as if it ended, but the shift keeps running."""
    timesheet = importlib.import_module("demo_app.timesheet")
    timesheet.end_shift = lambda user_id, by, at: timesheet.open_shift(user_id)


def _form_required_fields() -> None:
    """Form submissions are accepted with required fields left empty."""
    rules = importlib.import_module("demo_app.form_rules")
    forms = importlib.import_module("demo_app.forms")
    real = rules.validate_submission

    def validate_submission(fields, get_list):
        values, errors = real(fields, get_list)
        return values, {k: v for k, v in errors.items() if v != rules.REQUIRED}

    forms.validate_submission = validate_submission


def _task_assignment() -> None:
    """A new task forgets its assignee."""
    tasks = importlib.import_module("demo_app.tasks")
    real = tasks.store_task
    tasks.store_task = lambda values, author_id, completed=False: real(
        {**values, "assignee_id": None}, author_id, completed
    )


MUTANTS: list[Mutant] = [
    Mutant(
        "entry_logging",
        "gate entries are not written to the logbook",
        ("-t", "@checklist.gate_access.scan_entry or @checklist.gate_access.manual_entry"),
        _entry_logging,
    ),
    Mutant(
        "guest_validity",
        "registered guests are valid at any time",
        ("-t", "@checklist.gate_access.registered_guests"),
        _guest_validity,
    ),
    Mutant(
        "required_manual_fields",
        "manual entry accepts visitors without required fields",
        ("-t", "@checklist.gate_access.manual_entry"),
        _required_manual_fields,
    ),
    Mutant(
        "logbook_crash",
        "the logbook page answers with a server error",
        ("-t", "@checklist.application.overall", "-n", "menu opens without an error"),
        _logbook_crash,
    ),
    Mutant(
        "cacheable_pages",
        "signed-in pages are cached, so going back after logout shows them",
        ("-t", "@checklist.application.overall", "-n", "Logging out"),
        _cacheable_pages,
    ),
    Mutant(
        "balance_update",
        "payments do not lower the plan's balance",
        ("-t", "@checklist.payments.submit_payment"),
        _balance_update,
    ),
    Mutant(
        "revert",
        "reverting a payment does not restore the balance",
        ("-t", "@checklist.payments.submit_payment"),
        _revert,
    ),
    Mutant("shift_end", "ending a shift leaves it running", ("-t", "@checklist.timesheet.end_shift"), _shift_end),
    Mutant(
        "form_required_fields",
        "forms accept submissions without their required fields",
        ("-t", "@checklist.forms.submit_form"),
        _form_required_fields,
    ),
    Mutant(
        "task_assignment", "new tasks lose their assignee", ("-t", "@checklist.tasks.assign_task"), _task_assignment
    ),
]


def run_one(name: str, extra: list[str]) -> int:
    """In this process: apply the mutant, then run behave; behave's exit code."""
    mutant = next(m for m in MUTANTS if m.name == name)
    sys.path.insert(0, str(ROOT))
    os.chdir(ROOT)
    mutant.apply()
    from behave.__main__ import main as behave_main

    return behave_main([*mutant.selection, "-f", "progress", *extra])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("mutants", nargs="*", help=f"names (default all): {', '.join(m.name for m in MUTANTS)}")
    parser.add_argument("--inside", action="store_true", help=argparse.SUPPRESS)
    argv = sys.argv[1:]
    split = argv.index("--") if "--" in argv else len(argv)
    args = parser.parse_args(argv[:split])
    extra = argv[split + 1 :]  # for behave
    if args.inside:
        return run_one(args.mutants[0], extra)
    chosen = [m for m in MUTANTS if not args.mutants or m.name in args.mutants]
    survived = []
    for mutant in chosen:
        reports = ROOT / "reports" / "mutation" / mutant.name
        done = subprocess.run(
            [
                sys.executable,
                __file__,
                "--inside",
                mutant.name,
                "--",
                "-D",
                f"reports={reports}",
                "--junit-directory",
                str(reports / "junit"),
                *extra,
            ],
            cwd=ROOT,
            capture_output=True,
            text=True,
        )
        caught = done.returncode == 1
        print(
            f"{'caught  ' if caught else 'SURVIVED'} {mutant.name}: {mutant.description}"
            + ("" if caught else f" (behave exit {done.returncode})"),
            flush=True,
        )
        if not caught:
            survived.append(mutant.name)
            print(done.stdout[-2000:], done.stderr[-2000:])
    print(f"{len(chosen) - len(survived)} caught, {len(survived)} survived")
    return 1 if survived else 0


if __name__ == "__main__":
    sys.exit(main())

"""Realistic breaks of Tasks: the dashboard's quick filters, who sees which task, assigning."""

from __future__ import annotations

from datetime import date
from typing import Any

from .core import Mutant, patch, wrap


def _overdue_includes_today() -> None:
    """ "Overdue Tasks" lists tasks due today ('<=' where '<' was meant)."""
    from demo_app import task_rules

    label, _rule = task_rules.RULES["tasksOpenAndOverdue"]

    def overdue(task: Any, me: int, today: date) -> bool:
        return not task.completed and task.due is not None and task.due <= today

    task_rules.RULES["tasksOpenAndOverdue"] = (label, overdue)


def _everyone_sees_every_task() -> None:
    """The tasks' visibility rule is dropped: a security guard sees every task of the community."""
    patch("demo_app.task_queries", "_visible_sql", lambda user: ("t.flagged = 1", ()))


def _assign_permission_dropped() -> None:
    """noteAssign no longer checks note.can_assign_note (a client still has no task list to do it from)."""
    from demo_app.gql.common import caller

    wrap(
        "demo_app.gql.tasks",
        "require",
        lambda real: lambda info, *rules: caller(info) if rules == ("note.can_assign_note",) else real(info, *rules),
    )


def _assign_twice_keeps() -> None:
    """Assigning someone who already has the task keeps it theirs instead of taking it away."""
    from demo_app import task_changes
    from demo_app.db import query

    def make(real: Any) -> Any:
        def toggle_assignee(task_id: int, user_id: Any) -> bool:
            person = task_changes._existing_person(user_id)
            held = query("SELECT 1 FROM task_assignees WHERE task_id = ? AND user_id = ?", (task_id, person), one=True)
            return True if held else bool(real(task_id, user_id))

        return toggle_assignee

    wrap("demo_app.task_changes", "toggle_assignee", make)


def _new_task_loses_assignees() -> None:
    """The task form's assignees are not read: a new task is made for nobody."""
    patch("demo_app.tasks", "_assignee_ids", lambda raw: [])


MUTANTS = (
    Mutant(
        "overdue_includes_today",
        "tasks.dashboard",
        "boundary",
        'a task due today is listed under "Overdue Tasks"',
        ("The quick filters sort the tasks by the community's date",),
        _overdue_includes_today,
    ),
    Mutant(
        "everyone_sees_every_task",
        "tasks.dashboard",
        "must-not",
        "a security guard is listed tasks that are not theirs",
        ("The security guard is listed the tasks assigned to them, and not the others",),
        _everyone_sees_every_task,
    ),
    Mutant(
        "assign_permission_dropped",
        "tasks.assign_task",
        "must-not",
        "the server lets a client reassign their task (only the screens keep the tasks from them)",
        ("A client has no task list, and may not reassign their task all the same",),
        _assign_permission_dropped,
    ),
    Mutant(
        "assign_twice_keeps",
        "tasks.assign_task",
        "round trip",
        "assigning the same person again does not take the task away from them",
        ("Assigning the same person twice takes the task away from them",),
        _assign_twice_keeps,
    ),
    Mutant(
        "new_task_loses_assignees",
        "tasks.assign_task",
        "round trip",
        "a task made with assignees reaches nobody's My Tasks",
        ("The admin assigns a new task to the custodian and to themselves, and both find it under My Tasks",),
        _new_task_loses_assignees,
    ),
)

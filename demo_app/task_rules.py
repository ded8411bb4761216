"""Task rules: the dashboard's tiles and what each counts, judged on the community's date.

My Tasks = assigned to me and open; Overdue = open and due before today; due in 10 (30) days =
open and due from today to today + 10 (30); the platform's tile keys, words and order.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any, Callable, Iterable, Mapping

CATEGORIES = [("to_do", "To-Do"), ("call", "Call"), ("email", "Email"), ("message", "Message"),
              ("emergency", "Emergency")]


@dataclass(frozen=True)
class Task:
    """What the tile rules look at."""

    assignee_id: int | None
    due: date | None
    completed: bool
    category: str = "to_do"


def _due_within(days: int) -> Callable[[Task, int, date], bool]:
    def rule(t: Task, me: int, today: date) -> bool:
        return not t.completed and t.due is not None and today <= t.due <= today + timedelta(days=days)

    return rule


# Tile key → (label, rule(task, my user id, community today)); the platform's keys, words and order.
RULES: dict[str, tuple[str, Callable[[Task, int, date], bool]]] = {
    "myOpenTasks": ("My Tasks", lambda t, me, today: t.assignee_id == me and not t.completed),
    "tasksDueIn10Days": ("Tasks due in 10 days", _due_within(10)),
    "tasksDueIn30Days": ("Tasks due in 30 days", _due_within(30)),
    "tasksOpenAndOverdue": ("Overdue Tasks",
                            lambda t, me, today: not t.completed and t.due is not None and t.due < today),
    "tasksWithNoDueDate": ("Tasks with no due date", lambda t, me, today: not t.completed and t.due is None),
    "totalCallsOpen": ("Total Calls Open", lambda t, me, today: not t.completed and t.category == "call"),
    "tasksOpen": ("Tasks Open", lambda t, me, today: not t.completed),
    "completedTasks": ("Tasks Completed", lambda t, me, today: t.completed),
}
DEFAULT_FILTER = "tasksOpen"


def as_task(row: Mapping[str, Any]) -> Task:
    """A stored row as the rules see it."""
    due = date.fromisoformat(row["due_date"]) if row["due_date"] else None
    return Task(assignee_id=row["assignee_id"], due=due, completed=bool(row["completed"]), category=row["category"])


def counts(tasks: Iterable[Task], me: int, today: date) -> dict[str, int]:
    """Each tile's count over the tasks a user may see."""
    tasks = list(tasks)
    return {key: sum(1 for t in tasks if rule(t, me, today)) for key, (_label, rule) in RULES.items()}

"""Task rules: the quick filters and what each lists, judged on the community's date; field limits.

The platform's quick filters (TaskQuickSearch.jsx, TodoList.jsx taskQuery) with their keys, words
and order. Due dates are community calendar dates: a task is overdue once its due date is before
today in the community, until it is completed; a task due today is due, not overdue.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

# NotesCategories (utils/constants.js): the "Task Type" options, value → text, in the form's order.
CATEGORIES = [
    ("call", "Call"),
    ("message", "Message"),
    ("email", "Email"),
    ("to_do", "To-Do"),
    ("form", "Form"),
    ("emergency", "Emergency SOS"),
    ("template", "Process Template"),
    ("task_list", "Task List"),
]
# Notes::Note VALID_CATEGORY: what the API accepts (a few have no option in the form).
VALID_CATEGORIES = {value for value, _ in CATEGORIES} | {"text", "other"}
DEFAULT_CATEGORY = "to_do"
# The status chip (task:task.<status>): value → text.
STATUSES = {
    "not_started": "Not Started",
    "in_progress": "In Progress",
    "needs_attention": "Needs Attention",
    "at_risk": "At Risk",
    "completed": "Complete",
}
# Who may be picked as an assignee (CustomAutoComplete / TaskInfoTop allowedAssignees).
ASSIGNEE_TYPES = (
    "admin",
    "custodian",
    "security_guard",
    "contractor",
    "site_worker",
    "consultant",
    "developer",
    "lead",
)
# Who sees every task; everyone else sees the tasks they wrote or are assigned (Note.for_site_manager).
SEES_ALL_TASKS = ("admin", "custodian")

BODY_MAX, DESCRIPTION_MAX, COMMENT_MAX, ORDER_MAX = 500, 2000, 2000, 10_000
EARLIEST_DUE, LATEST_DUE = date(2000, 1, 1), date(2099, 12, 31)


class TaskError(ValueError):
    """A task cannot be made or changed as asked; the message says why."""


@dataclass(frozen=True)
class Task:
    """What the filter rules look at."""

    assignee_ids: frozenset[int]
    due: date | None
    completed: bool
    category: str = DEFAULT_CATEGORY


def _due_within(days: int) -> Callable[[Task, int, date], bool]:
    def rule(t: Task, me: int, today: date) -> bool:
        return not t.completed and t.due is not None and today <= t.due <= today + timedelta(days=days)

    return rule


# Filter key → (label, rule(task, my user id, community today)): the platform's keys, words and order.
RULES: dict[str, tuple[str, Callable[[Task, int, date], bool]]] = {
    "myOpenTasks": ("My Tasks", lambda t, me, today: me in t.assignee_ids and not t.completed),
    "tasksDueIn10Days": ("Tasks due in 10 days", _due_within(10)),
    "tasksDueIn30Days": ("Tasks due in 30 days", _due_within(30)),
    "tasksOpenAndOverdue": (
        "Overdue Tasks",
        lambda t, me, today: not t.completed and t.due is not None and t.due < today,
    ),
    # The platform lists every task without a due date here, done or not ('due_date:nil').
    "tasksWithNoDueDate": ("Tasks with no due date", lambda t, me, today: t.due is None),
    "totalCallsOpen": ("Total Calls Open", lambda t, me, today: not t.completed and t.category == "call"),
    "processes": ("Processes", lambda t, me, today: not t.completed and t.category == "form"),
    "tasksOpen": ("Tasks Open", lambda t, me, today: not t.completed),
    "completedTasks": ("Tasks Completed", lambda t, me, today: t.completed),
}
# With no filter in the address the platform lists "My Tasks" (TodoList.jsx).
DEFAULT_FILTER = "myOpenTasks"
# taskStats field → filter key (the platform's TaskStatType names).
STAT_FIELDS = {
    "myOpenTasks": "myOpenTasks",
    "tasksDueIn10Days": "tasksDueIn10Days",
    "tasksDueIn30Days": "tasksDueIn30Days",
    "tasksOpenAndOverdue": "tasksOpenAndOverdue",
    "overdueTasks": "tasksOpenAndOverdue",
    "tasksWithNoDueDate": "tasksWithNoDueDate",
    "totalCallsOpen": "totalCallsOpen",
    "totalFormsOpen": "processes",
    "tasksOpen": "tasksOpen",
    "completedTasks": "completedTasks",
}


def filter_key(raw: str | None) -> str:
    """A filter key from the address; anything unknown lists the default (My Tasks)."""
    return raw if raw in RULES else DEFAULT_FILTER


def as_task(row: Mapping[str, Any], assignee_ids: Iterable[int]) -> Task:
    """A stored row (and its assignees) as the rules see it."""
    due = date.fromisoformat(row["due_date"]) if row["due_date"] else None
    return Task(frozenset(assignee_ids), due, bool(row["completed"]), row["category"])


def counts(tasks: Iterable[Task], me: int, today: date) -> dict[str, int]:
    """Each filter's count over the tasks a user may see."""
    tasks = list(tasks)
    return {key: sum(1 for t in tasks if rule(t, me, today)) for key, (_label, rule) in RULES.items()}


# -- field rules ------------------------------------------------------------------------------
def clean_body(raw: Any) -> str:
    """A Task Name: required, at most BODY_MAX characters."""
    body = " ".join(str(raw or "").split())
    if not body:
        raise TaskError("Task Name can't be blank")
    if len(body) > BODY_MAX:
        raise TaskError(f"Task Name is too long (maximum is {BODY_MAX} characters)")
    return body


def clean_description(raw: Any) -> str:
    """An optional description, at most DESCRIPTION_MAX characters."""
    text = str(raw or "").strip()
    if len(text) > DESCRIPTION_MAX:
        raise TaskError(f"Description is too long (maximum is {DESCRIPTION_MAX} characters)")
    return text


def clean_category(raw: Any) -> str:
    """A Task Type the platform knows (To-Do when none is given)."""
    category = str(raw or "").strip() or DEFAULT_CATEGORY
    if category not in VALID_CATEGORIES:
        raise TaskError("Task Type is not included in the list")
    return category


def clean_status(raw: Any) -> str:
    """A status the platform knows."""
    if raw not in STATUSES:
        raise TaskError("Status is not included in the list")
    return str(raw)


def clean_order(raw: Any) -> int:
    """An Order Number: a whole number from 1 to ORDER_MAX (1 when none is given)."""
    if raw in (None, ""):
        return 1
    text = str(raw).strip()
    if not (text.isascii() and text.isdigit()) or not 1 <= int(text) <= ORDER_MAX:
        raise TaskError(f"Order Number must be a whole number from 1 to {ORDER_MAX}")
    return int(text)


def clean_comment(raw: Any) -> str:
    """A comment's text: required, at most COMMENT_MAX characters."""
    body = str(raw or "").strip()
    if not body:
        raise TaskError("Comment can't be blank")
    if len(body) > COMMENT_MAX:
        raise TaskError(f"Comment is too long (maximum is {COMMENT_MAX} characters)")
    return body


def parse_due_date(raw: Any, to_community_date: Callable[[datetime], date]) -> date | None:
    """A due date as the platform's clients send it: YYYY-MM-DD, or an ISO instant (the date picker's
    toISOString()), which is read as the community's calendar date of that instant. Empty = none."""
    text = str(raw or "").strip()
    if not text:
        return None
    if not text.isascii() or len(text) > 40:
        raise TaskError("Due date is not a valid date")
    try:
        day = (
            date.fromisoformat(text)
            if len(text) == 10
            else to_community_date(datetime.fromisoformat(text.replace("Z", "+00:00")))
        )
    except (ValueError, OverflowError):
        raise TaskError("Due date is not a valid date") from None
    if not EARLIEST_DUE <= day <= LATEST_DUE:
        raise TaskError(f"Due date must be between {EARLIEST_DUE} and {LATEST_DUE}")
    return day

"""Tasks written: creating a task (or note), assigning, completing, updating and commenting, each field
checked by task_rules.py. Pages and GraphQL resolvers both call these functions; reading tasks is
task_queries.py.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from . import clock
from .db import execute, get_db
from .people import find as find_person
from .task_queries import find
from .task_rules import (
    TaskError,
    clean_body,
    clean_category,
    clean_comment,
    clean_description,
    clean_order,
    clean_status,
    parse_due_date,
)


def community_date(moment: datetime) -> date:
    """The community's calendar date of an instant (a naive one is already community time)."""
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=clock.community_tz())
    return clock.local(moment).date()


def due_from(raw: Any) -> str | None:
    """A due date argument as stored text (YYYY-MM-DD) or None; TaskError when it is not a date."""
    day = parse_due_date(raw, community_date)
    return day.isoformat() if day else None


def _existing_person(raw_id: Any) -> int | None:
    """An optional person id that must name someone."""
    if raw_id in (None, ""):
        return None
    person = find_person(raw_id)
    if person is None:
        raise TaskError("User not found")
    return person["id"]


def create(
    author: Any,
    *,
    body: Any,
    description: Any = "",
    category: Any = None,
    due_date: Any = None,
    user_id: Any = None,
    parent_id: Any = None,
    order: Any = None,
    flagged: bool = False,
    completed: bool = False,
    status: Any = None,
) -> int:
    """A new task (or note, when not flagged) written by `author`; its id. TaskError when a field is wrong."""
    values = (
        clean_body(body),
        clean_description(description),
        clean_category(category),
        due_from(due_date),
        clean_order(order),
    )
    person = _existing_person(user_id)
    parent = None
    if parent_id not in (None, ""):
        parent_row = find(parent_id, author)
        if parent_row is None:
            raise TaskError("Parent task not found")
        parent = parent_row["id"]
    state = "completed" if completed else (clean_status(status) if status else "not_started")
    now = clock.to_iso(clock.now_utc())
    return execute(
        "INSERT INTO tasks (body, description, category, due_date, position, author_id, user_id, parent_id,"
        " flagged, completed, status, completed_at, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (
            *values,
            author["id"],
            person,
            parent,
            int(bool(flagged)),
            int(bool(completed)),
            state,
            now if completed else None,
            now,
        ),
    )


def toggle_assignee(task_id: int, user_id: Any) -> bool:
    """noteAssign: assign the person, or take the task away from them if they had it; True = now assigned."""
    person = _existing_person(user_id)
    if person is None:
        raise TaskError("User not found")
    db = get_db()
    gone = db.execute("DELETE FROM task_assignees WHERE task_id = ? AND user_id = ?", (task_id, person)).rowcount
    if not gone:
        db.execute(
            "INSERT INTO task_assignees (task_id, user_id, created_at) VALUES (?, ?, ?)",
            (task_id, person, clock.to_iso(clock.now_utc())),
        )
    db.commit()
    return not gone


def set_completed(task_id: int, done: bool) -> None:
    """Mark complete (status Complete) or open again (status back to Not Started)."""
    now = clock.to_iso(clock.now_utc())
    execute(
        "UPDATE tasks SET completed = ?, completed_at = ?, status = CASE WHEN ? THEN 'completed'"
        " WHEN status = 'completed' THEN 'not_started' ELSE status END WHERE id = ?",
        (int(done), now if done else None, int(done), task_id),
    )


def update(task_id: int, fields: dict[str, Any]) -> None:
    """noteUpdate: change the given fields (each validated like on creation)."""
    cleaners = {
        "body": clean_body,
        "description": clean_description,
        "category": clean_category,
        "dueDate": due_from,
        "order": clean_order,
        "status": clean_status,
    }
    columns = {
        "body": "body",
        "description": "description",
        "category": "category",
        "dueDate": "due_date",
        "order": "position",
        "status": "status",
    }
    changes = {columns[k]: cleaners[k](v) for k, v in fields.items() if k in cleaners and v is not None}
    if "userId" in fields and fields["userId"] is not None:
        changes["user_id"] = _existing_person(fields["userId"])
    if "flagged" in fields and fields["flagged"] is not None:
        changes["flagged"] = int(bool(fields["flagged"]))
    if changes:
        assignments = ", ".join(f"{column} = ?" for column in changes)
        execute(f"UPDATE tasks SET {assignments} WHERE id = ?", (*changes.values(), task_id))
    if fields.get("completed") is not None:
        set_completed(task_id, bool(fields["completed"]))


def add_comment(task_id: int, user: Any, body: Any) -> int:
    """A comment on a task by `user`; its id."""
    return execute(
        "INSERT INTO task_comments (task_id, user_id, body, created_at) VALUES (?, ?, ?, ?)",
        (task_id, user["id"], clean_comment(body), clock.to_iso(clock.now_utc())),
    )

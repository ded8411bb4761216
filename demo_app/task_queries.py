"""Tasks read from the database: who may see which, the lists and counts of the quick filters, a task's
sub-tasks, assignees and comments. Pages and GraphQL resolvers both call these functions.

Admins and custodians see every task; everyone else sees the tasks they wrote or are assigned
(the platform's Note.for_site_manager). Only flagged notes are tasks. Creating and changing tasks is
task_changes.py.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import Any

from .db import query
from .task_rules import RULES, SEES_ALL_TASKS, STATUSES, Task, as_task

MAX_ID = 2**63 - 1


def parse_id(raw: Any) -> int | None:
    """A record id from an address or an argument (None for anything that cannot be one)."""
    text = str(raw if raw is not None else "").strip()
    if not (text.isascii() and text.isdigit()) or len(text) > 19:
        return None
    number = int(text)
    return number if 0 < number <= MAX_ID else None


def _visible_sql(user: Any) -> tuple[str, tuple[Any, ...]]:
    """The WHERE clause (on alias t) of the tasks this user may see."""
    if user["role"] in SEES_ALL_TASKS:
        return "t.flagged = 1", ()
    return (
        "t.flagged = 1 AND (t.author_id = ? OR EXISTS (SELECT 1 FROM task_assignees a"
        " WHERE a.task_id = t.id AND a.user_id = ?))",
        (user["id"], user["id"]),
    )


def visible_rows(user: Any) -> list[Any]:
    """Every task the user may see, newest first (the platform's default order)."""
    where, args = _visible_sql(user)
    return query(
        "SELECT t.*, au.name AS author_name FROM tasks t JOIN users au ON au.id = t.author_id"
        f" WHERE {where} ORDER BY t.created_at DESC, t.id DESC",
        args,
    )


def find(raw_id: Any, user: Any) -> Any:
    """One task the user may see, or None (unknown ids and other people's tasks alike)."""
    task_id = parse_id(raw_id)
    if task_id is None:
        return None
    where, args = _visible_sql(user)
    return query(
        "SELECT t.*, au.name AS author_name FROM tasks t JOIN users au ON au.id = t.author_id"
        f" WHERE t.id = ? AND {where}",
        (task_id, *args),
        one=True,
    )


def query_task(task_id: int) -> Any:
    """A task by id, whoever may see it (for answers about a task just made or changed)."""
    return query("SELECT * FROM tasks WHERE id = ?", (task_id,), one=True)


def assignees_of(task_ids: Iterable[int]) -> dict[int, list[Any]]:
    """Each task's assignees (id, name, role), in the order they were assigned."""
    ids = list(task_ids)
    found: dict[int, list[Any]] = {i: [] for i in ids}
    for start in range(0, len(ids), 500):  # SQLite limits the number of parameters
        chunk = ids[start : start + 500]
        marks = ", ".join("?" for _ in chunk)
        for row in query(
            f"SELECT a.task_id, u.id, u.name, u.role FROM task_assignees a JOIN users u"
            f" ON u.id = a.user_id WHERE a.task_id IN ({marks}) ORDER BY a.rowid",
            tuple(chunk),
        ):
            found[row["task_id"]].append(row)
    return found


def comment_counts(task_ids: Iterable[int]) -> dict[int, int]:
    """How many comments each task has."""
    rows = query("SELECT task_id, count(*) AS n FROM task_comments GROUP BY task_id")
    wanted = set(task_ids)
    return {r["task_id"]: r["n"] for r in rows if r["task_id"] in wanted}


def view(row: Any, assignees: list[Any], today: date, extra: dict[str, Any] | None = None) -> dict[str, Any]:
    """A task as the pages show it."""
    task = as_task(row, (a["id"] for a in assignees))
    return {
        **dict(row),
        **(extra or {}),
        "assignees": [dict(a) for a in assignees],
        "status_label": STATUSES.get(row["status"], row["status"]),
        "rule_task": task,
        "overdue": RULES["tasksOpenAndOverdue"][1](task, 0, today),
    }


def listing(user: Any, key: str, today: date, search: str = "") -> list[dict[str, Any]]:
    """The tasks a filter lists for this user (newest first), each with its visible sub-tasks.

    A sub-task is listed under its parent; it is listed on its own only when the user may not see
    the parent. `search` keeps the tasks whose name or description contains it.
    """
    rows = visible_rows(user)
    ids = {r["id"] for r in rows}
    people = assignees_of(ids)
    comments = comment_counts(ids)
    children: dict[int, list[Any]] = {}
    for row in rows:
        if row["parent_id"] in ids:
            children.setdefault(row["parent_id"], []).append(row)
    rule = RULES[key][1]
    needle = search.strip().lower()

    def shown(row: Any) -> dict[str, Any]:
        subs = sorted(children.get(row["id"], []), key=lambda r: (r["position"], r["id"]))
        return view(
            row,
            people[row["id"]],
            today,
            {"comment_count": comments.get(row["id"], 0), "subtasks": [shown(s) for s in subs]},
        )

    listed = []
    for row in rows:
        if row["parent_id"] in ids or not rule(as_task(row, (a["id"] for a in people[row["id"]])), user["id"], today):
            continue
        if needle and needle not in f"{row['body']} {row['description']}".lower():
            continue
        listed.append(shown(row))
    return listed


def stats(user: Any, today: date) -> dict[str, int]:
    """Each filter's count over the tasks the user may see (the platform's taskStats)."""
    rows = visible_rows(user)
    people = assignees_of(r["id"] for r in rows)
    tasks: list[Task] = [as_task(r, (a["id"] for a in people[r["id"]])) for r in rows]
    return {key: sum(1 for t in tasks if rule(t, user["id"], today)) for key, (_l, rule) in RULES.items()}


def comments(task_id: int, limit: int | None = None, offset: int = 0) -> list[Any]:
    """A task's comments, oldest first, with their writers' names."""
    return query(
        "SELECT c.*, u.name AS user_name FROM task_comments c JOIN users u ON u.id = c.user_id"
        " WHERE c.task_id = ? ORDER BY c.created_at, c.id LIMIT ? OFFSET ?",
        (task_id, -1 if limit is None else limit, offset),
    )


def comment(comment_id: int) -> Any:
    """One comment by id."""
    return query("SELECT * FROM task_comments WHERE id = ?", (comment_id,), one=True)


def subtasks(task_id: int, user: Any) -> list[Any]:
    """The sub-tasks of a task that the user may see, in their order."""
    where, args = _visible_sql(user)
    return query(
        f"SELECT t.*, au.name AS author_name FROM tasks t JOIN users au ON au.id = t.author_id"
        f" WHERE t.parent_id = ? AND {where} ORDER BY t.position, t.id",
        (task_id, *args),
    )

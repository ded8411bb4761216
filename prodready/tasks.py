"""Task knowledge the steps share: who is who by name, tasks for the test API, a list's rows."""
from __future__ import annotations

from typing import Any, Iterable, Mapping

from .vocabulary import parse_day


def user_id_named(cast: Any, name: str) -> int:
    """The platform id of the persona shown as `name`."""
    for key, persona in cast.personas.items():
        if persona.name == name:
            return cast.user_id(key)
    raise AssertionError(f"no persona is called {name!r} ({', '.join(p.name for p in cast.personas.values())})")


def task_payload(row: Mapping[str, str], cast: Any) -> dict[str, Any]:
    """A task for the test API from a feature's table row (task, due, assignee, completed, author)."""
    payload: dict[str, Any] = {"body": row["task"]}
    if row.get("due", "").strip():
        payload["due_date"] = parse_day(row["due"]).isoformat()
    if row.get("assignee", "").strip():
        payload["assignee_id"] = user_id_named(cast, row["assignee"].strip())
    if row.get("author", "").strip():
        payload["author_id"] = user_id_named(cast, row["author"].strip())
    payload["completed"] = row.get("completed", "no").strip().lower() in ("yes", "true")
    return payload


def row_named(rows: Iterable[Any], name: str) -> Any:
    """The listed task called `name`."""
    rows = list(rows)
    found = next((r for r in rows if r.name == name), None)
    if found is None:
        raise AssertionError(f"{name!r} is not listed (listed: {[r.name for r in rows]})")
    return found

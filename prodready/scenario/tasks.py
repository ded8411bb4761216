"""Tasks the scenarios make through the platform's API, the tables features write for them, and what the Tasks
steps (steps/tasks_*_steps.py) share.

Due dates are days of prodready.scenario.values, usually written relative to the community's today
("yesterday", "in 5 days", "next Monday"), so scenarios mean the same on any day and on targets without a
movable clock.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from datetime import date
from typing import Any

from pages.base import comma_list
from pages.direct import DirectRequests
from pages.task_details import TaskDetails
from prodready.scenario.clock import scenario_today
from prodready.scenario.direct import Sent, by_form, by_operation
from prodready.scenario.tables import Column, table
from prodready.scenario.values import Day

NOTE_CREATE = """mutation noteCreate($body: String!, $description: String, $dueDate: String, $category: String,
                                     $completed: Boolean) {
  noteCreate(body: $body, description: $description, dueDate: $dueDate, category: $category, flagged: true,
             completed: $completed) { note { id } }
}"""
NOTE_ASSIGN = """mutation noteAssign($noteId: ID!, $userId: ID!) {
  noteAssign(noteId: $noteId, userId: $userId) { assigneeNote }
}"""
FLAGGED_NOTES = """query flaggedNotes($query: String) {
  flaggedNotes(query: $query, limit: 50) { id body description }
}"""


def today_in_community(context: Any) -> date:
    """Today's date in the community (the day its clock was set to, on the reference app)."""
    return scenario_today(context)


def due_day(context: Any, due: Day) -> str:
    """A due date the feature writes ("in 5 days", "yesterday", "14 December") as YYYY-MM-DD."""
    return due.on(scenario_today(context)).isoformat()


def names_in(cell: str) -> list[str]:
    """A table cell listing task names: "Fix the gate light, Mow the verge"."""
    return comma_list(cell)


def make_task(
    cast: Any,
    author: str,
    name: str,
    due: date | str | None,
    assignees: Iterable[str] = (),
    category: str = "to_do",
    done: bool = False,
    description: str = "",
) -> str:
    """A task made through the platform's API (noteCreate, then noteAssign per assignee); its id. The due date is a
    day, or the moment a client sends as it is (an ISO instant)."""
    api = cast.api_as(author)
    note = api.call(
        NOTE_CREATE,
        {
            "body": name,
            "description": description,
            "category": category,
            "dueDate": due.isoformat() if isinstance(due, date) else due,
            "completed": done,
        },
    )
    task_id = str(note["noteCreate"]["note"]["id"])
    for key in assignees:
        api.call(NOTE_ASSIGN, {"noteId": task_id, "userId": cast.user_id(key)})
    return task_id


# The tasks a scenario starts from: | task | due | assigned to | type | done |.
TASKS_TABLE = table(
    Column("task"),
    Column("due", "Date", required=False, blank="no due date", default_words="no due date"),
    Column(
        "assigned to",
        "People",
        required=False,
        blank="nobody",
        default=[],
        default_words="nobody",
        aliases=("assignee", "assignees"),
    ),
    Column("type", "TaskType", required=False, default="to_do", default_words="To-Do"),
    Column("done", "YesNo", required=False, default=False, default_words="no", aliases=("completed",)),
)


def make_tasks(cast: Any, author: str, rows: Iterable[Mapping[str, Any]], name: Any, today: date) -> dict[str, str]:
    """The tasks of a feature's table (task, due, assigned to, type, done); their ids by the table's names."""
    made = {}
    for row in rows:
        made[row["task"]] = make_task(
            cast,
            author,
            name(row["task"]),
            row["due"].on(today) if row["due"] else None,
            row["assigned to"] or [],
            row["type"],
            row["done"],
        )
    return made


def tasks_described(cast: Any, text: str) -> list[Mapping[str, Any]]:
    """The tasks the admin can see whose name or description holds `text`."""
    return cast.api_as("admin").call(FLAGGED_NOTES, {"query": text})["flaggedNotes"]


FILTERS_TABLE = table(
    Column("filter", "Ui"),
    Column("listed", "Words", required=False, blank="none", default=[], default_words="none"),
    Column("not listed", "Words", required=False, blank="none", default=[], default_words="none"),
)


def what_filters_list(page: Any, expected: Sequence[Mapping[str, Any]], name: Any) -> list[dict[str, str]]:
    """For each row of the table, which of the tasks it names the filter lists and which it does not."""
    shown = []
    for row in expected:
        named = list(row.get("listed") or []) + list(row.get("not listed") or [])
        titles = set(page.filter_by(row["filter"]).titles())
        shown.append(
            {
                "filter": row["filter"],
                "listed": ", ".join(n for n in named if name(n) in titles),
                "not listed": ", ".join(n for n in named if name(n) not in titles),
            }
        )
    return shown


def tidy(row: Mapping[str, Any]) -> dict[str, str]:
    """A row of the filters' table with its lists of tasks written alike ("a, b")."""
    return {column: ", ".join(cell or []) if column != "filter" else cell for column, cell in row.items()}


def unassign_directly(cast: Any, who: str, task_id: str) -> Sent:
    """`who` takes themselves off a task all the same: the request of the delete icon of their chip in the task's
    details (read from the admin's details, posted from `who`'s browser) and the platform's noteAssign (which
    takes the task away from someone who has it)."""
    admin, name = cast.actor("admin"), cast.person(who).name
    admin.open(TaskDetails, f"/tasks/{task_id}")
    form = admin.page(DirectRequests).form_around(TaskDetails.removal_of(name))
    sent = Sent()
    by_form(sent, cast.actor(who), form, "the task details' removal of the assignee")
    by_operation(
        sent, "noteAssign", lambda: cast.api_as(who).call(NOTE_ASSIGN, {"noteId": task_id, "userId": cast.user_id(who)})
    )
    return sent

"""Tasks the scenarios make through the platform's API, the words features use for them, and what the Tasks
steps (steps/tasks_*_steps.py) share.

Due dates are written relative to the community's today ("yesterday", "in 5 days"), so scenarios
mean the same on any day and on targets without a movable clock.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from datetime import date, timedelta
from typing import Any

from pages.base import comma_list
from pages.direct import DirectRequests
from pages.task_details import TaskDetails
from prodready.scenario.clock import community_today
from prodready.scenario.direct import Sent, by_form, by_operation
from prodready.scenario.vocabulary import persona_key

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
# The form's Task Type options (text → value), NotesCategories.
TASK_TYPES = {
    "Call": "call",
    "Message": "message",
    "Email": "email",
    "To-Do": "to_do",
    "Form": "form",
    "Emergency SOS": "emergency",
    "Process Template": "template",
    "Task List": "task_list",
}
# A moment a step writes relative to the community's today, in a stated offset: "in 3 days at 21:59 UTC",
# "in 4 days at 00:30 +03:00".
MOMENT = re.compile(r"^(?P<day>.+?) at (?P<hh>\d{2}):(?P<mm>\d{2}) (?P<zone>UTC|[+-]\d{2}:\d{2})$")
RELATIVE = re.compile(r"^(?:in (\d+) days?|(\d+) days? ago|today|yesterday|tomorrow)$")


def relative_day(text: str, today: date) -> date | None:
    """ "yesterday", "today", "tomorrow", "in 5 days", "3 days ago" → a date; "" → no date."""
    words = " ".join(text.split()).lower()
    if not words:
        return None
    match = RELATIVE.match(words)
    if match is None:
        raise AssertionError(f"{text!r} is not a day like 'yesterday', 'today' or 'in 5 days'")
    offsets = {"today": 0, "yesterday": -1, "tomorrow": 1}
    if words in offsets:
        return today + timedelta(days=offsets[words])
    ahead, ago = match.groups()
    return today + timedelta(days=int(ahead) if ahead else -int(ago))


def today_in_community(context: Any) -> date:
    """Today's date in the community."""
    return community_today(context.target.timezone)


def due_date(context: Any, words: str) -> date:
    """A due date the feature writes in words ("in 5 days", "yesterday")."""
    day = relative_day(words, today_in_community(context))
    if day is None:
        raise AssertionError(f"say when the task is due ('in 5 days', 'yesterday'), not {words!r}")
    return day


def due_day(context: Any, words: str) -> str:
    """A due date the feature writes in words ("in 5 days", "yesterday") as YYYY-MM-DD."""
    return due_date(context, words).isoformat()


def persona_keys(words: str) -> list[str]:
    """ "the custodian and the administrator" → ["custodian", "admin"] (the production page's role words
    are the personas' aliases); "" or "nobody" → []."""
    parts = [p.strip() for p in re.split(r",| and ", words) if p.strip()]
    return [persona_key(p.removeprefix("the ").strip()) for p in parts if p != "nobody"]


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


def make_tasks(cast: Any, author: str, rows: Iterable[Mapping[str, str]], name: Any, today: date) -> dict[str, str]:
    """The tasks of a feature's table (task, due, assigned to, type, done); their ids by the table's names."""
    made = {}
    for row in rows:
        made[row["task"]] = make_task(
            cast,
            author,
            name(row["task"]),
            relative_day(row.get("due", ""), today),
            persona_keys(row.get("assigned to", "")),
            TASK_TYPES[row.get("type") or "To-Do"],
            row.get("done", "no").strip().lower() in ("yes", "true"),
        )
    return made


def tasks_described(cast: Any, text: str) -> list[Mapping[str, Any]]:
    """The tasks the admin can see whose name or description holds `text`."""
    return cast.api_as("admin").call(FLAGGED_NOTES, {"query": text})["flaggedNotes"]


def what_filters_list(page: Any, expected: Sequence[Mapping[str, str]], name: Any) -> list[dict[str, str]]:
    """For each row of the table, which of the tasks it names the filter lists and which it does not."""
    shown = []
    for row in expected:
        named = names_in(row.get("listed", "")) + names_in(row.get("not listed", ""))
        titles = set(page.filter_by(row["filter"]).titles())
        shown.append(
            {
                "filter": row["filter"],
                "listed": ", ".join(n for n in named if name(n) in titles),
                "not listed": ", ".join(n for n in named if name(n) not in titles),
            }
        )
    return shown


def tidy(row: Mapping[str, str]) -> dict[str, str]:
    """A row of the filters' table with its lists of tasks written alike ("a, b")."""
    return {column: ", ".join(names_in(cell)) if column != "filter" else cell for column, cell in row.items()}


def moment_sent(words: str, today: date) -> str:
    """A moment as a step writes it ("in 3 days at 21:59 UTC", "in 4 days at 00:30 +03:00"; the day relative to the
    community's today) as the ISO instant a client of the platform sends, in that offset."""
    match = MOMENT.match(" ".join(words.split()))
    day = relative_day(match.group("day"), today) if match else None
    if match is None or day is None:
        raise AssertionError(f"{words!r} is not a moment like 'in 3 days at 21:59 UTC' or 'tomorrow at 00:30 +03:00'")
    zone = "+00:00" if match.group("zone") == "UTC" else match.group("zone")
    return f"{day.isoformat()}T{match.group('hh')}:{match.group('mm')}:00{zone}"


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

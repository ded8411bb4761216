"""The GraphQL types of tasks: Note (a task), NoteComment and TaskStat, with their field resolvers."""

from __future__ import annotations

from typing import Any

from ariadne import ObjectType

from .. import task_queries as queries
from ..people import find as find_person
from .common import record

TYPES_SDL = """
type Note {
  id: ID!
  body: String
  description: String
  category: String
  dueDate: ISO8601DateTime
  completed: Boolean
  status: String
  flagged: Boolean
  order: Int
  createdAt: ISO8601DateTime!
  author: User!
  user: User!
  assignees: [User!]
  parentNote: Note
  subTasks: [Note!]
  subTasksCount: Int
}
type NoteComment { id: ID!, body: String, createdAt: ISO8601DateTime!, noteId: ID!, user: User! }
type TaskStat {
  myOpenTasks: Int
  tasksDueIn10Days: Int
  tasksDueIn30Days: Int
  tasksOpenAndOverdue: Int
  overdueTasks: Int
  tasksWithNoDueDate: Int
  totalCallsOpen: Int
  totalFormsOpen: Int
  tasksOpen: Int
  completedTasks: Int
}
"""
note_type, comment_type = ObjectType("Note"), ObjectType("NoteComment")
TYPE_BINDABLES = [note_type, comment_type]


@note_type.field("dueDate")
def _due(note: Any, _info: Any) -> Any:
    return note["due_date"]


@note_type.field("completed")
def _completed(note: Any, _info: Any) -> bool:
    return bool(note["completed"])


@note_type.field("flagged")
def _flagged(note: Any, _info: Any) -> bool:
    return bool(note["flagged"])


@note_type.field("order")
def _order(note: Any, _info: Any) -> int:
    return note["position"]


@note_type.field("createdAt")
def _created(note: Any, _info: Any) -> str:
    return note["created_at"]


@note_type.field("author")
def _author(note: Any, _info: Any) -> Any:
    return record(find_person(note["author_id"]))


@note_type.field("user")
def _user(note: Any, _info: Any) -> Any:
    """The person the task is about; the author when it names nobody (the platform gives such a note to its author)."""
    return record(find_person(note["user_id"] or note["author_id"]))


@note_type.field("assignees")
def _assignees(note: Any, _info: Any) -> list[Any]:
    ids = [a["id"] for a in queries.assignees_of([note["id"]])[note["id"]]]
    return [record(find_person(i)) for i in ids]


@note_type.field("parentNote")
def _parent(note: Any, info: Any) -> Any:
    return record(queries.find(note["parent_id"], info.context["user"])) if note["parent_id"] else None


@note_type.field("subTasks")
def _sub_tasks(note: Any, info: Any) -> list[Any]:
    return [record(r) for r in queries.subtasks(note["id"], info.context["user"])]


@note_type.field("subTasksCount")
def _sub_tasks_count(note: Any, info: Any) -> int:
    return len(queries.subtasks(note["id"], info.context["user"]))


@comment_type.field("createdAt")
def _comment_created(comment: Any, _info: Any) -> str:
    return comment["created_at"]


@comment_type.field("noteId")
def _comment_note(comment: Any, _info: Any) -> int:
    return comment["task_id"]


@comment_type.field("user")
def _comment_user(comment: Any, _info: Any) -> Any:
    return record(find_person(comment["user_id"]))

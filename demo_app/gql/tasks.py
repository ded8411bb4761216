"""Tasks: noteCreate, noteAssign, noteUpdate, noteCommentCreate; flaggedNotes, task, taskComments,
taskSubTasks, taskStats, myTasksCount (the platform's names, arguments and permissions)."""

from __future__ import annotations

from typing import Any

from ariadne import MutationType, QueryType
from graphql import GraphQLError

from .. import clock
from .. import task_changes as changes
from .. import task_queries as queries
from ..task_rules import DEFAULT_FILTER, STAT_FIELDS, TaskError
from .common import record, require
from .task_types import TYPE_BINDABLES, TYPES_SDL

SDL = (
    TYPES_SDL
    + """
type NoteCreatePayload { note: Note }
type NoteUpdatePayload { note: Note }
type NoteAssignPayload { assigneeNote: String }
type NoteCommentCreatePayload { noteComment: NoteComment }
extend type Query {
  flaggedNotes(offset: Int, limit: Int, query: String): [Note!]!
  task(taskId: ID!): Note!
  taskComments(taskId: ID!, limit: Int, offset: Int): [NoteComment!]!
  taskSubTasks(taskId: ID!, limit: Int, offset: Int): [Note!]!
  taskStats: TaskStat!
  myTasksCount: Int!
}
extend type Mutation {
  noteCreate(body: String!, userId: ID, category: String, description: String, flagged: Boolean,
             completed: Boolean, dueDate: String, parentNoteId: ID, attachedDocuments: JSON, status: String,
             order: Int): NoteCreatePayload
  noteAssign(noteId: ID!, userId: ID!): NoteAssignPayload
  noteUpdate(id: ID!, userId: ID, body: String, category: String, description: String, flagged: Boolean,
             completed: Boolean, dueDate: String, parentNoteId: ID, documentBlobId: String, status: String,
             order: Int): NoteUpdatePayload
  noteCommentCreate(noteId: ID!, body: String!, replyRequired: Boolean, sendToResident: Boolean,
                    replyFromId: ID, groupingId: ID, taggedDocuments: [ID]): NoteCommentCreatePayload
}
"""
)
query_type, mutation = QueryType(), MutationType()
BINDABLES = [query_type, mutation, *TYPE_BINDABLES]
NOT_FOUND = "Task not found"
MAX_LIMIT = 100


def _bounded(value: int | None, default: int, top: int) -> int:
    return max(0, min(value if value is not None else default, top))


def _task(info: Any, raw_id: Any) -> Any:
    """A task the caller may see, or the platform's not-found error."""
    row = queries.find(raw_id, info.context["user"])
    if row is None:
        raise GraphQLError(NOT_FOUND)
    return row


@query_type.field("flaggedNotes")
def resolve_flagged_notes(
    _obj: Any, info: Any, offset: int | None = None, limit: int | None = None, query: str | None = None
) -> list[Any]:
    """The tasks the caller may see, newest first; `query` keeps those whose name or description holds it."""
    user = require(info, "note.can_fetch_flagged_notes")
    needle = (query or "").strip().lower()[:100]
    rows = [r for r in queries.visible_rows(user) if needle in f"{r['body']} {r['description']}".lower()]
    start = _bounded(offset, 0, 1_000_000)
    return [record(r) for r in rows[start : start + _bounded(limit, 50, MAX_LIMIT)]]


@query_type.field("task")
def resolve_task(_obj: Any, info: Any, taskId: str) -> Any:
    """One task (the caller's own or assigned ones; every task for admins and custodians)."""
    require(info, "note.can_fetch_task_by_id")
    return record(_task(info, taskId))


@query_type.field("taskComments")
def resolve_task_comments(
    _obj: Any, info: Any, taskId: str, limit: int | None = None, offset: int | None = None
) -> list[Any]:
    """A task's comments, oldest first."""
    require(info, "note.can_fetch_task_comments")
    row = _task(info, taskId)
    return [
        record(c)
        for c in queries.comments(row["id"], _bounded(limit, MAX_LIMIT, MAX_LIMIT), _bounded(offset, 0, 1_000_000))
    ]


@query_type.field("taskSubTasks")
def resolve_task_sub_tasks(
    _obj: Any, info: Any, taskId: str, limit: int | None = None, offset: int | None = None
) -> list[Any]:
    """A task's sub-tasks, in their order."""
    user = require(info, "note.can_fetch_task_by_id")
    rows = queries.subtasks(_task(info, taskId)["id"], user)
    start = _bounded(offset, 0, 1_000_000)
    return [record(r) for r in rows[start : start + _bounded(limit, 3, MAX_LIMIT)]]


@query_type.field("taskStats")
def resolve_task_stats(_obj: Any, info: Any) -> dict[str, int]:
    """Each quick filter's count, judged on the community's date."""
    user = require(info, "note.can_get_task_stats")
    counts = queries.stats(user, clock.today_local())
    return {field: counts[key] for field, key in STAT_FIELDS.items()}


@query_type.field("myTasksCount")
def resolve_my_tasks_count(_obj: Any, info: Any) -> int:
    """How many open tasks are assigned to the caller."""
    user = require(info, "note.can_get_task_count")
    return queries.stats(user, clock.today_local())[DEFAULT_FILTER]


@mutation.field("noteCreate")
def resolve_note_create(
    _obj: Any,
    info: Any,
    body: str,
    userId: str | None = None,
    category: str | None = None,
    description: str | None = None,
    flagged: bool | None = None,
    completed: bool | None = None,
    dueDate: str | None = None,
    parentNoteId: str | None = None,
    status: str | None = None,
    order: int | None = None,
    **_ignored: Any,
) -> dict[str, Any]:
    """A new task (flagged) or note, written by the caller."""
    user = require(info, "note.can_create_note")
    try:
        task_id = changes.create(
            user,
            body=body,
            description=description,
            category=category,
            due_date=dueDate,
            user_id=userId,
            parent_id=parentNoteId,
            order=order,
            flagged=bool(flagged),
            completed=bool(completed),
            status=status,
        )
    except TaskError as problem:
        raise GraphQLError(str(problem)) from None
    return {"note": record(queries.query_task(task_id))}


@mutation.field("noteAssign")
def resolve_note_assign(_obj: Any, info: Any, noteId: str, userId: str) -> dict[str, Any]:
    """Assign the person to the task, or take it away from them when they already had it."""
    require(info, "note.can_assign_note")
    row = _task(info, noteId)
    try:
        changes.toggle_assignee(row["id"], queries.parse_id(userId))
    except TaskError as problem:
        raise GraphQLError(str(problem)) from None
    return {"assigneeNote": "success"}


@mutation.field("noteUpdate")
def resolve_note_update(_obj: Any, info: Any, id: str, **fields: Any) -> dict[str, Any]:
    """Change a task's fields (its name, description, type, due date, status, completion, order)."""
    require(info, "note.can_update_note")
    row = _task(info, id)
    try:
        changes.update(row["id"], fields)
    except TaskError as problem:
        raise GraphQLError(str(problem)) from None
    return {"note": record(queries.query_task(row["id"]))}


@mutation.field("noteCommentCreate")
def resolve_note_comment_create(_obj: Any, info: Any, noteId: str, body: str, **_ignored: Any) -> dict[str, Any]:
    """A comment on a task the caller may see."""
    user = require(info, "note.can_create_note_comment")
    row = _task(info, noteId)
    try:
        comment_id = changes.add_comment(row["id"], user, body)
    except TaskError as problem:
        raise GraphQLError(str(problem)) from None
    return {"noteComment": record(queries.comment(comment_id))}

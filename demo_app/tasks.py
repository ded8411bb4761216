"""Tasks (modules/Tasks): the task list with its quick filters, the task form, the split-screen
details with assignees and comments, completing and assigning.

The rules (filters, field limits) are in task_rules.py; the data is read in task_queries.py and written in
task_changes.py. GraphQL (gql/tasks.py) calls the same functions.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import urlencode

from flask import Blueprint, abort, flash, g, redirect, render_template, request

from . import clock
from . import task_changes as changes
from . import task_queries as queries
from .access import can, logged_in, requires
from .people import find as find_person
from .task_rules import CATEGORIES, DEFAULT_FILTER, RULES, TaskError, filter_key

bp = Blueprint("tasks", __name__)
PAGE_SIZE = 50  # tasks per page, as the platform's list (TodoList.jsx limit)
MAX_ASSIGNEES = 20
SEARCH_MAX = 100
# TodoList.jsx: t('task.task_marked_as') + t('task.complete' | 'task.incomplete').
MARKED = {
    True: "Task has been successfully marked as Complete",
    False: "Task has been successfully marked as Incomplete",
}


def profile_part(person: Any, tab: str, scan: dict[str, Any] | None) -> dict[str, Any] | None:
    """Tasks add nothing to a person's profile."""
    return None


def _offset() -> int:
    raw = request.args.get("offset", "0")
    return min(int(raw), 1_000_000) if raw.isascii() and raw.isdigit() and len(raw) < 10 else 0


def list_url(key: str | None, **extra: Any) -> str:
    """The address of a filter's list (the platform's /tasks?filter=<key>), with extra parameters."""
    params = ([("filter", key)] if key else []) + [(k, v) for k, v in extra.items() if v not in (None, "")]
    return "/tasks" + ("?" + urlencode(params) if params else "")


def _safe_next(default: str) -> str:
    """Where to go back to after an action: one of the task pages, else `default`."""
    target = request.form.get("next", "")
    return target if target.startswith("/tasks") and "//" not in target and len(target) < 300 else default


def detail_context(row: Any) -> dict[str, Any]:
    """What the task details show: the task, its assignees, parent, sub-tasks and comments."""
    today = clock.today_local()
    people = queries.assignees_of([row["id"]])[row["id"]]
    parent = queries.find(row["parent_id"], g.user) if row["parent_id"] else None
    return {
        "task": queries.view(row, people, today),
        "parent": parent,
        "subtasks": queries.subtasks(row["id"], g.user),
        "comments": queries.comments(row["id"]),
        "may_assign": can("note.can_assign_note"),
        "may_comment": can("note.can_create_note_comment"),
        "may_update": can("note.can_update_note"),
    }


def _render_list(form: dict[str, Any] | None = None, status: int = 200):
    """The task list of the address's filter (and the split-screen details of ?taskId=…)."""
    raw_filter = request.values.get("filter")
    key = filter_key(raw_filter)
    shown_key = key if raw_filter in RULES else None
    search = request.args.get("search", "").strip()[:SEARCH_MAX]
    tasks = queries.listing(g.user, key, clock.today_local(), search)
    offset = _offset()
    detail = None
    if request.method == "GET" and request.args.get("taskId") is not None:
        row = queries.find(request.args.get("taskId"), g.user)
        if row is None:
            flash("Task not found", "error")
            return redirect(list_url(shown_key))
        detail = detail_context(row)
    here = list_url(shown_key, search=search, offset=offset or None)
    return render_template(
        "tasks/list.html",
        tasks=tasks[offset : offset + PAGE_SIZE],
        key=key,
        shown_key=shown_key,
        filters=[(k, label) for k, (label, _rule) in RULES.items()],
        search=search,
        offset=offset,
        more=len(tasks) > offset + PAGE_SIZE,
        page_size=PAGE_SIZE,
        here=here,
        detail=detail,
        detail_tab=request.args.get("detailTab", ""),
        categories=CATEGORIES,
        form=form,
        form_people=[
            p for p in (find_person(i) for i in (form or {}).get("assignees", [])[:MAX_ASSIGNEES]) if p is not None
        ],
        close_url=list_url(shown_key, search=search),
        task_today=clock.today_local().isoformat(),  # the task form's due date starts on today
        list_url=list_url,
    ), status


@bp.get("/tasks")
@requires("note.can_access_tasks")
def task_list():
    """The task list (TodoList.jsx): quick filters, tasks, and a task's details in a split screen."""
    return _render_list()


def _assignee_ids(raw: list[str]) -> list[int]:
    ids = []
    for value in raw[: MAX_ASSIGNEES + 1]:
        task_id = queries.parse_id(value)
        if task_id is None or find_person(task_id) is None:
            raise TaskError("User not found")
        if task_id not in ids:
            ids.append(task_id)
    if len(ids) > MAX_ASSIGNEES:
        raise TaskError(f"Too many assignees (maximum is {MAX_ASSIGNEES})")
    return ids


@bp.post("/tasks")
@requires("note.can_create_note")
def create_task():
    """The task form (TaskForm.jsx): noteCreate, then one noteAssign per assignee."""
    form = request.form
    try:
        assignees = _assignee_ids(form.getlist("assignees"))
        if assignees and not can("note.can_assign_note"):
            raise TaskError("Unauthorized")
        task_id = changes.create(
            g.user,
            body=form.get("task_body"),
            description=form.get("task_description"),
            category=form.get("category"),
            due_date=form.get("due_date"),
            order=form.get("order"),
            parent_id=form.get("parent_note_id") or None,
            flagged=True,
        )
    except TaskError as problem:
        flash(str(problem), "error")
        return _render_list(form=form.to_dict(flat=True) | {"assignees": form.getlist("assignees")}, status=400)
    for user_id in assignees:
        changes.toggle_assignee(task_id, user_id)
    flash("Task Successfully Created", "success")
    return redirect(_safe_next(list_url(None)))


def _task_or_404(raw_id: str) -> Any:
    row = queries.find(raw_id, g.user)
    if row is None:
        abort(404)
    return row


@bp.get("/tasks/<raw_id>")
@requires("note.can_access_tasks")
def task_page(raw_id: str):
    """A task's own page (/tasks/:taskId, TaskUpdate)."""
    return render_template(
        "tasks/detail.html",
        **detail_context(_task_or_404(raw_id)),
        here=f"/tasks/{raw_id}",
        close_url=None,
        detail_tab="",
    )


@bp.post("/tasks/<raw_id>/completion")
@requires("note.can_update_note")
def toggle_completion(raw_id: str):
    """The completion toggle: noteUpdate(id, completed) and the platform's message."""
    row = _task_or_404(raw_id)
    done = not row["completed"]
    changes.set_completed(row["id"], done)
    flash(MARKED[done], "success")
    return redirect(_safe_next(list_url(None)))


@bp.post("/tasks/<raw_id>/assignees")
@requires("note.can_assign_note")
def toggle_assignee(raw_id: str):
    """Add Assignee / a chip's delete: noteAssign, which assigns or takes the task away."""
    row = _task_or_404(raw_id)
    try:
        changes.toggle_assignee(row["id"], queries.parse_id(request.form.get("user_id")))
    except TaskError as problem:
        flash(str(problem), "error")
    return redirect(_safe_next(f"/tasks/{row['id']}"))


@bp.post("/tasks/<raw_id>/comments")
@requires("note.can_create_note_comment")
def add_comment(raw_id: str):
    """The comment box of the details: noteCommentCreate."""
    row = _task_or_404(raw_id)
    try:
        changes.add_comment(row["id"], g.user, request.form.get("body"))
    except TaskError as problem:
        flash(str(problem), "error")
    return redirect(_safe_next(f"/tasks/{row['id']}"))


@bp.get("/my_tasks")
@requires("note.can_access_tasks")
def my_tasks():
    """The assignee's open tasks (the My Tasks filter)."""
    return redirect(list_url(DEFAULT_FILTER))


@bp.get("/todo")
@logged_in
def old_list():
    """The platform's old address of the list."""
    return redirect("/tasks")


@bp.get("/todo/<raw_id>")
@logged_in
def old_task(raw_id: str):
    """The platform's old address of a task."""
    task_id = queries.parse_id(raw_id)
    if task_id is None:
        abort(404)
    return redirect(f"/tasks/{task_id}")

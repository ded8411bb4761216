"""Tasks: the dashboard's tiles and their lists; creating, completing and reassigning tasks.

Due dates are community calendar dates. Admins see every task; everyone else (clients) sees only
the tasks assigned to them or written by them, and their tiles count only those, as on the platform.
The tile rules are in task_rules.py.
A task has one assignee here (the platform allows several); reassigning replaces it.
"""
from __future__ import annotations

from datetime import date
from typing import Any, Mapping

from flask import Blueprint, abort, flash, g, jsonify, redirect, render_template, request, url_for

from . import clock
from .access import ROLE_PERMISSIONS, menu_item, public, requires
from .db import execute, query
from .home import register_card
from .task_rules import CATEGORIES, DEFAULT_FILTER, RULES, as_task, counts

bp = Blueprint("tasks", __name__)
menu_item("Tasks", "tasks.dashboard", "tasks", "tasks-menu-item", 40)
register_card("Tasks", "tasks.dashboard", lambda u: {}, "tasks")

SEES_ALL_TASKS = ("admin",)
def visible_rows() -> list[Any]:
    """The tasks the current user may see, with names, soonest due first (no due date last)."""
    sql = ("SELECT t.*, a.name AS assignee_name, au.name AS author_name FROM tasks t"
           " LEFT JOIN users a ON a.id = t.assignee_id JOIN users au ON au.id = t.author_id")
    order = " ORDER BY t.due_date IS NULL, t.due_date, t.id"
    if g.user["role"] in SEES_ALL_TASKS:
        return query(sql + order)
    return query(sql + " WHERE t.assignee_id = ? OR t.author_id = ?" + order, (g.user["id"], g.user["id"]))


def visible_task(task_id: int) -> Any:
    """One task the current user may see, else the not-found page."""
    row = next((r for r in visible_rows() if r["id"] == task_id), None)
    if row is None:
        abort(404)
    return row


def may_reassign(row: Mapping[str, Any]) -> bool:
    """Admins and the task's author may change who it is assigned to."""
    return g.user["role"] in SEES_ALL_TASKS or row["author_id"] == g.user["id"]


def assignable_users() -> list[Any]:
    """Active people whose role can see tasks (assigning anyone else would hide the task from them)."""
    roles = [role for role, perms in ROLE_PERMISSIONS.items() if "tasks" in perms]
    marks = ", ".join("?" for _ in roles)
    return query(f"SELECT id, name FROM users WHERE status = 'active' AND role IN ({marks}) ORDER BY name",
                 tuple(roles))


def parse_assignee(raw: str, required: bool) -> tuple[int | None, str | None]:
    """An assignee id from a form; (id, error)."""
    if not raw:
        return None, ("Choose who the task is assigned to" if required else None)
    if not raw.isdigit() or int(raw) not in {u["id"] for u in assignable_users()}:
        return None, "Choose the assignee from the list"
    return int(raw), None


def parse_task(form: Mapping[str, str], today: date) -> tuple[dict[str, Any], dict[str, str]]:
    """Validate the new task form; (values, errors by field)."""
    fields = ("body", "description", "category", "due_date", "assignee_id")
    values: dict[str, Any] = {k: form.get(k, "").strip() for k in fields}
    errors: dict[str, str] = {}
    if not values["body"]:
        errors["body"] = "Task Name is Required"
    elif len(values["body"]) > 500:
        errors["body"] = "Keep the task name under 500 characters"
    if len(values["description"]) > 2000:
        errors["description"] = "Keep the description under 2000 characters"
    values["category"] = values["category"] or "to_do"
    if values["category"] not in dict(CATEGORIES):
        errors["category"] = "Choose a task type from the list"
    if values["due_date"]:
        try:
            due = date.fromisoformat(values["due_date"])
            if due < today:
                errors["due_date"] = "Due date cannot be in the past"
            values["due_date"] = due.isoformat()
        except ValueError:
            errors["due_date"] = "Due date is not valid"
    else:
        values["due_date"] = None
    values["assignee_id"], problem = parse_assignee(values["assignee_id"], required=False)
    if problem:
        errors["assignee_id"] = problem
    return values, errors


def store_task(values: Mapping[str, Any], author_id: int, completed: bool = False) -> int:
    """Save a validated task; its id."""
    now = clock.to_iso(clock.now_utc())
    return execute(
        "INSERT INTO tasks (body, description, category, due_date, assignee_id, author_id, completed, completed_at,"
        " created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (values["body"], values.get("description") or "", values.get("category") or "to_do",
         values.get("due_date"), values.get("assignee_id"), author_id, int(completed), now if completed else None, now))


def _row_view(row: Mapping[str, Any], today: date) -> dict[str, Any]:
    task = as_task(row)
    return {**dict(row), "overdue": RULES["tasksOpenAndOverdue"][1](task, g.user["id"], today),
            "category_label": dict(CATEGORIES).get(row["category"], row["category"])}


@bp.route("/tasks")
@requires("tasks")
def dashboard():
    """The task dashboard: a tile per rule with its count, and the chosen tile's tasks."""
    key = request.args.get("filter") or DEFAULT_FILTER
    if key not in RULES:
        abort(404)
    today, me = clock.today_local(), g.user["id"]
    rows = visible_rows()
    tasks = [(row, as_task(row)) for row in rows]
    tally = counts((t for _r, t in tasks), me, today)
    tiles = [{"key": k, "label": label, "count": tally[k]} for k, (label, _rule) in RULES.items()]
    shown = [_row_view(r, today) for r, t in tasks if RULES[key][1](t, me, today)]
    return render_template("tasks.html", tiles=tiles, current=key, current_label=RULES[key][0], tasks=shown,
                           today=today.isoformat())


@bp.route("/my_tasks")
@requires("tasks")
def my_tasks():
    """The assignee's open tasks (the My Tasks tile)."""
    return redirect(url_for("tasks.dashboard", filter="myOpenTasks"))


@bp.route("/tasks/new", methods=["GET", "POST"])
@requires("tasks")
def create():
    """Create a task: name, description, type, due date (community calendar), assignee."""
    users = assignable_users()
    if request.method == "GET":
        return render_template("task_form.html", values={}, errors={}, users=users, categories=CATEGORIES,
                               today=clock.today_local().isoformat())
    values, errors = parse_task(request.form, clock.today_local())
    if errors:
        return render_template("task_form.html", values=request.form, errors=errors, users=users,
                               categories=CATEGORIES, today=clock.today_local().isoformat()), 400
    store_task(values, g.user["id"])
    flash("Task created successfully")
    return redirect(url_for("tasks.dashboard"))


@bp.route("/tasks/<int:task_id>")
@requires("tasks")
def details(task_id: int):
    """A task's details, with Reassign for those who may."""
    row = visible_task(task_id)
    return render_template("task_details.html", task=_row_view(row, clock.today_local()),
                           users=assignable_users(), may_reassign=may_reassign(row), error=None)


def _back(default: str) -> str:
    """Where to return after an action: a same-site path from the form, else `default`."""
    target = request.form.get("next", "")
    return target if target.startswith("/") and not target.startswith("//") else default


@bp.route("/tasks/<int:task_id>/completion", methods=["POST"])
@requires("tasks")
def toggle_completion(task_id: int):
    """Mark a task complete, or open again."""
    row = visible_task(task_id)
    done = not row["completed"]
    execute("UPDATE tasks SET completed = ?, completed_at = ? WHERE id = ?",
            (int(done), clock.to_iso(clock.now_utc()) if done else None, task_id))
    flash("Task marked as complete" if done else "Task marked as incomplete")
    return redirect(_back(url_for("tasks.dashboard")))


@bp.route("/tasks/<int:task_id>/assignee", methods=["POST"])
@requires("tasks")
def reassign(task_id: int):
    """Assign the task to someone else."""
    row = visible_task(task_id)
    if not may_reassign(row):
        abort(404)
    assignee_id, problem = parse_assignee(request.form.get("assignee_id", "").strip(), required=True)
    if problem:
        return render_template("task_details.html", task=_row_view(row, clock.today_local()),
                               users=assignable_users(), may_reassign=True, error=problem), 400
    execute("UPDATE tasks SET assignee_id = ? WHERE id = ?", (assignee_id, task_id))
    name = next(u["name"] for u in assignable_users() if u["id"] == assignee_id)
    flash(f"Task assigned to {name}")
    return redirect(url_for("tasks.details", task_id=task_id))


def register_test_api(test_bp: Blueprint) -> None:
    """POST /__test__/tasks (any due date, even past) and GET /__test__/tasks."""

    @test_bp.post("/tasks")
    @public
    def create_task():
        """{body, due_date?, assignee_id?, author_id?, completed?, category?, description?}."""
        body = request.get_json(silent=True) or {}
        values = {"body": str(body.get("body", "")).strip(), "description": body.get("description", ""),
                  "category": body.get("category", "to_do"), "due_date": body.get("due_date"),
                  "assignee_id": body.get("assignee_id")}
        try:
            if values["due_date"]:
                values["due_date"] = date.fromisoformat(values["due_date"]).isoformat()
        except (TypeError, ValueError):
            return jsonify(error="due_date must be YYYY-MM-DD"), 400
        if not values["body"] or values["category"] not in dict(CATEGORIES):
            return jsonify(error="body is required; category must be one of " + ", ".join(dict(CATEGORIES))), 400
        admin = query("SELECT id FROM users WHERE role = 'admin' ORDER BY id LIMIT 1", one=True)
        author = body.get("author_id") or (admin["id"] if admin else None)
        if author is None:
            return jsonify(error="give author_id (there is no admin to write the task)"), 400
        for user_id in (author, values["assignee_id"]):
            if user_id is not None and query("SELECT id FROM users WHERE id = ?", (user_id,), one=True) is None:
                return jsonify(error=f"no user {user_id}"), 400
        return jsonify(id=store_task(values, author, completed=bool(body.get("completed")))), 201

    @test_bp.get("/tasks")
    @public
    def list_tasks():
        """Every task with its assignee's name."""
        rows = query("SELECT t.*, a.name AS assignee_name FROM tasks t"
                     " LEFT JOIN users a ON a.id = t.assignee_id ORDER BY t.id")
        return jsonify([dict(r) for r in rows])

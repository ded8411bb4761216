"""Realistic breaks of Tasks: the dashboard's quick filters, who sees which task, assigning."""

from __future__ import annotations

from datetime import date
from typing import Any

from .core import Mutant, patch, wrap
from .views import for_anyone_logged_in


def _overdue_includes_today() -> None:
    """ "Overdue Tasks" lists tasks due today ('<=' where '<' was meant)."""
    from demo_app import task_rules

    label, _rule = task_rules.RULES["tasksOpenAndOverdue"]

    def overdue(task: Any, me: int, today: date) -> bool:
        return not task.completed and task.due is not None and task.due <= today

    task_rules.RULES["tasksOpenAndOverdue"] = (label, overdue)


def _everyone_sees_every_task() -> None:
    """The tasks' visibility rule is dropped: a security guard sees every task of the community."""
    patch("demo_app.task_queries", "_visible_sql", lambda user: ("t.flagged = 1", ()))


def _assign_permission_dropped() -> None:
    """noteAssign no longer checks note.can_assign_note (a client still has no task list to do it from)."""
    from demo_app.gql.common import caller

    wrap(
        "demo_app.gql.tasks",
        "require",
        lambda real: lambda info, *rules: caller(info) if rules == ("note.can_assign_note",) else real(info, *rules),
    )


def _assign_twice_keeps() -> None:
    """Assigning someone who already has the task keeps it theirs instead of taking it away."""
    from demo_app import task_changes
    from demo_app.db import query

    def make(real: Any) -> Any:
        def toggle_assignee(task_id: int, user_id: Any) -> bool:
            person = task_changes._existing_person(user_id)
            held = query("SELECT 1 FROM task_assignees WHERE task_id = ? AND user_id = ?", (task_id, person), one=True)
            return True if held else bool(real(task_id, user_id))

        return toggle_assignee

    wrap("demo_app.task_changes", "toggle_assignee", make)


def _new_task_loses_assignees() -> None:
    """The task form's assignees are not read: a new task is made for nobody."""
    patch("demo_app.tasks", "_assignee_ids", lambda raw: [])


def _due_window_ends_a_day_early() -> None:
    """ "Tasks due in 10 days" and "30 days" stop the day before their last day ('<' where '<=' was meant)."""
    from datetime import timedelta

    from demo_app import task_rules

    def within(days: int) -> Any:
        def rule(t: Any, me: int, today: date) -> bool:
            return not t.completed and t.due is not None and today <= t.due < today + timedelta(days=days)

        return rule

    for key, days in (("tasksDueIn10Days", 10), ("tasksDueIn30Days", 30)):
        task_rules.RULES[key] = (task_rules.RULES[key][0], within(days))


def _task_lists_in_utc_days() -> None:
    """The task lists take today from the UTC clock: between 00:00 and 02:00 in the community it is yesterday."""
    from types import SimpleNamespace

    from demo_app import clock

    utc = SimpleNamespace(**{name: getattr(clock, name) for name in dir(clock) if not name.startswith("__")})
    utc.today_local = lambda: clock.now_utc().date()
    patch("demo_app.tasks", "clock", utc)


def _due_moment_read_as_written() -> None:
    """A due date sent as a moment keeps the date written in it, whatever its offset ("…T22:00:00Z" is that day)."""
    from datetime import date as day

    patch("demo_app.task_changes", "community_date", lambda moment: day(moment.year, moment.month, moment.day))


def _due_date_shown_in_utc() -> None:
    """The list shows a due date as the UTC date of the community's midnight that day: the day before."""
    from datetime import timedelta

    def make(real: Any) -> Any:
        def view(row: Any, assignees: list[Any], today: date, extra: Any = None) -> Any:
            shown = real(row, assignees, today, extra)
            if shown.get("due_date"):
                shown = {**shown, "due_date": (date.fromisoformat(shown["due_date"]) - timedelta(days=1)).isoformat()}
            return shown

        return view

    wrap("demo_app.task_queries", "view", make)


WINDOW_10 = '"Tasks due in 10 days" lists the tasks due in 9 days and in 10 days, and not the one due in 11 days'
AT_ONE = "At 01:00 in the community, still yesterday in UTC, the quick filters go by the community's date"
CLIENT_TASK = "A client has no task list, and may not reassign their task all the same"


def _unassign_page_for_anyone() -> None:
    """The task details' assignee requests taken from anyone logged in."""
    for_anyone_logged_in("tasks.toggle_assignee")


MUTANTS = (
    Mutant(
        "overdue_includes_today",
        "tasks.dashboard",
        "boundary",
        'a task due today is listed under "Overdue Tasks"',
        ("The quick filters sort the tasks by the community's date",),
        _overdue_includes_today,
    ),
    Mutant(
        "everyone_sees_every_task",
        "tasks.dashboard",
        "must-not",
        "a security guard is listed tasks that are not theirs",
        ("The security guard is listed the tasks assigned to them, and not the others",),
        _everyone_sees_every_task,
    ),
    Mutant(
        "assign_permission_dropped",
        "tasks.assign_task",
        "must-not",
        "the server lets a client reassign their task (only the screens keep the tasks from them)",
        (CLIENT_TASK,),
        _assign_permission_dropped,
    ),
    Mutant(
        "assign_twice_keeps",
        "tasks.assign_task",
        "round trip",
        "assigning the same person again does not take the task away from them",
        ("Assigning the same person twice takes the task away from them",),
        _assign_twice_keeps,
    ),
    Mutant(
        "new_task_loses_assignees",
        "tasks.assign_task",
        "round trip",
        "a task made with assignees reaches nobody's My Tasks",
        ("The admin assigns a new task to the custodian and to themselves, and both find it under My Tasks",),
        _new_task_loses_assignees,
    ),
    Mutant(
        "due_window_ends_a_day_early",
        "tasks.dashboard",
        "boundary",
        'a task due in exactly 10 days is missing from "Tasks due in 10 days" (and in 30 days from the 30 days\')',
        (WINDOW_10,),
        _due_window_ends_a_day_early,
    ),
    Mutant(
        "task_lists_in_utc_days",
        "tasks.dashboard",
        "boundary",
        "between 00:00 and 02:00 a task due yesterday is not yet overdue, and the due windows are a day behind",
        (AT_ONE,),
        _task_lists_in_utc_days,
    ),
    Mutant(
        "due_moment_read_as_written",
        "tasks.dashboard",
        "boundary",
        "a due date sent as 22:00 UTC (the community's midnight) is due the day before in the community",
        ("A due date sent as in 3 days at 22:00 UTC is due in 4 days in the community",),
        _due_moment_read_as_written,
    ),
    Mutant(
        "due_date_shown_in_utc",
        "tasks.dashboard",
        "figure",
        "every task's due date is shown a day early",
        ("A due date sent as in 4 days at 00:00 +02:00 is due in 4 days in the community",),
        _due_date_shown_in_utc,
    ),
    Mutant(
        "unassign_page_for_anyone",
        "tasks.assign_task",
        "must-not",
        "the task details' assignee requests are taken from a client (their screens show them no task)",
        (CLIENT_TASK,),
        _unassign_page_for_anyone,
    ),
)

"""Task rules: each quick filter's rule on the community's date, and the field limits."""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest

from demo_app.task_rules import (
    DEFAULT_FILTER,
    RULES,
    Task,
    TaskError,
    clean_body,
    clean_category,
    clean_comment,
    clean_description,
    clean_order,
    counts,
    filter_key,
    parse_due_date,
)

TODAY = date(2026, 11, 20)
ME, OTHER = 2, 4
TASKS = {
    "mine, overdue": Task(frozenset({ME}), date(2026, 11, 19), False),
    "mine, due today": Task(frozenset({ME}), TODAY, False),
    "ours, due in exactly 10 days": Task(frozenset({ME, OTHER}), date(2026, 11, 30), False),
    "nobody's, due in 11 days": Task(frozenset(), date(2026, 12, 1), False),
    "mine, a call without a due date": Task(frozenset({ME}), None, False, "call"),
    "theirs, a form": Task(frozenset({OTHER}), None, False, "form"),
    "mine, completed, was due long ago": Task(frozenset({ME}), date(2026, 11, 1), True),
    "mine, completed, no due date": Task(frozenset({ME}), None, True),
    "theirs, due in exactly 30 days": Task(frozenset({OTHER}), date(2026, 12, 20), False),
    "theirs, due in 31 days": Task(frozenset({OTHER}), date(2026, 12, 21), False),
}
OPEN = {name for name, task in TASKS.items() if not task.completed}


@pytest.mark.parametrize(
    "key, expected",
    [
        (
            "myOpenTasks",
            {"mine, overdue", "mine, due today", "ours, due in exactly 10 days", "mine, a call without a due date"},
        ),
        ("tasksOpenAndOverdue", {"mine, overdue"}),
        ("tasksDueIn10Days", {"mine, due today", "ours, due in exactly 10 days"}),
        (
            "tasksDueIn30Days",
            {
                "mine, due today",
                "ours, due in exactly 10 days",
                "nobody's, due in 11 days",
                "theirs, due in exactly 30 days",
            },
        ),
        ("tasksWithNoDueDate", {"mine, a call without a due date", "theirs, a form", "mine, completed, no due date"}),
        ("totalCallsOpen", {"mine, a call without a due date"}),
        ("processes", {"theirs, a form"}),
        ("tasksOpen", OPEN),
        ("completedTasks", {"mine, completed, was due long ago", "mine, completed, no due date"}),
    ],
)
def test_each_quick_filter_has_its_rule(key, expected):
    rule = RULES[key][1]
    assert {name for name, task in TASKS.items() if rule(task, ME, TODAY)} == expected
    assert counts(TASKS.values(), ME, TODAY)[key] == len(expected)


def test_a_task_due_today_is_due_not_overdue_and_overdue_from_tomorrow():
    task = Task(frozenset({ME}), TODAY, False)
    overdue = RULES["tasksOpenAndOverdue"][1]
    assert not overdue(task, ME, TODAY) and overdue(task, ME, date(2026, 11, 21))
    assert not overdue(Task(frozenset({ME}), date(2026, 11, 19), True), ME, TODAY)  # completed: never overdue


def test_the_filters_carry_the_platforms_keys_words_and_order():
    assert [(key, label) for key, (label, _rule) in RULES.items()] == [
        ("myOpenTasks", "My Tasks"),
        ("tasksDueIn10Days", "Tasks due in 10 days"),
        ("tasksDueIn30Days", "Tasks due in 30 days"),
        ("tasksOpenAndOverdue", "Overdue Tasks"),
        ("tasksWithNoDueDate", "Tasks with no due date"),
        ("totalCallsOpen", "Total Calls Open"),
        ("processes", "Processes"),
        ("tasksOpen", "Tasks Open"),
        ("completedTasks", "Tasks Completed"),
    ]


@pytest.mark.parametrize("raw", [None, "", "nope", "tasksopen", "x" * 5000, "myOpenTasks "])
def test_an_unknown_filter_lists_my_tasks(raw):
    assert filter_key(raw) == DEFAULT_FILTER == "myOpenTasks"


def lusaka_date(moment: datetime) -> date:
    return (
        (moment if moment.tzinfo else moment.replace(tzinfo=ZoneInfo("Africa/Lusaka")))
        .astimezone(ZoneInfo("Africa/Lusaka"))
        .date()
    )


@pytest.mark.parametrize(
    "raw, expected",
    [
        ("2026-11-25", date(2026, 11, 25)),
        ("2026-11-25T21:59:00.000Z", date(2026, 11, 25)),  # 23:59 in Lusaka
        ("2026-11-25T22:30:00.000Z", date(2026, 11, 26)),  # 00:30 the next day in Lusaka
        ("2026-11-25T10:00:00+02:00", date(2026, 11, 25)),
        ("", None),
        (None, None),
        ("   ", None),
    ],
)
def test_a_due_date_is_the_communitys_calendar_date(raw, expected):
    assert parse_due_date(raw, lusaka_date) == expected


@pytest.mark.parametrize(
    "raw, message",
    [
        ("9999-12-31", "Due date must be between 2000-01-01 and 2099-12-31"),
        ("1999-12-31", "Due date must be between"),
        ("2026-02-30", "Due date is not a valid date"),
        ("tomorrow", "Due date is not a valid date"),
        ("２０２６-１１-２５", "Due date is not a valid date"),
        ("2026-11-25T99:00", "Due date is not a valid date"),
        ("2" * 500, "Due date is not a valid date"),
    ],
)
def test_odd_due_dates_are_refused_with_a_message(raw, message):
    with pytest.raises(TaskError, match=message):
        parse_due_date(raw, lusaka_date)


def test_field_limits_say_what_is_wrong():
    assert clean_body("  Fix   the gate ") == "Fix the gate"
    for cleaner, raw, message in [
        (clean_body, "", "Task Name can't be blank"),
        (clean_body, " \n ", "can't be blank"),
        (clean_body, "x" * 501, r"maximum is 500"),
        (clean_description, "x" * 2001, "2000"),
        (clean_comment, "  ", "Comment can't be blank"),
        (clean_comment, "x" * 2001, "2000"),
        (clean_category, "party", "Task Type"),
        (clean_order, "0", "Order Number"),
        (clean_order, "-3", "Order Number"),
        (clean_order, "99999999999", "Order Number"),
        (clean_order, "٣", "Order Number"),
    ]:
        with pytest.raises(TaskError, match=message):
            cleaner(raw)
    assert clean_category("") == "to_do" and clean_order("") == 1 and clean_order(7) == 7

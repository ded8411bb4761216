"""Tasks: each tile's rule on the community's date, who sees which tasks, creating, completing, reassigning."""
from __future__ import annotations

import re
from datetime import date

import pytest

from demo_app.task_rules import RULES, Task, counts

GUARD, ADMIN, CUSTODIAN, CLIENT, WORKER = 1, 2, 3, 4, 5  # persona ids after seeding, in config order
TODAY = date(2026, 11, 20)
ME, OTHER = ADMIN, CLIENT
TASKS = {
    "mine, overdue": Task(ME, date(2026, 11, 19), False),
    "mine, due today": Task(ME, TODAY, False),
    "theirs, due in exactly 10 days": Task(OTHER, date(2026, 11, 30), False),
    "nobody's, due in 11 days": Task(None, date(2026, 12, 1), False),
    "mine, a call without a due date": Task(ME, None, False, "call"),
    "mine, completed long ago": Task(ME, date(2026, 11, 1), True),
    "theirs, due in exactly 30 days": Task(OTHER, date(2026, 12, 20), False),
    "theirs, due in 31 days": Task(OTHER, date(2026, 12, 21), False),
}


@pytest.mark.parametrize("tile, expected", [
    ("myOpenTasks", {"mine, overdue", "mine, due today", "mine, a call without a due date"}),
    ("tasksOpenAndOverdue", {"mine, overdue"}),
    ("tasksDueIn10Days", {"mine, due today", "theirs, due in exactly 10 days"}),
    ("tasksDueIn30Days", {"mine, due today", "theirs, due in exactly 10 days", "nobody's, due in 11 days",
                          "theirs, due in exactly 30 days"}),
    ("tasksWithNoDueDate", {"mine, a call without a due date"}),
    ("totalCallsOpen", {"mine, a call without a due date"}),
    ("tasksOpen", set(TASKS) - {"mine, completed long ago"}),
    ("completedTasks", {"mine, completed long ago"}),
])
def test_each_tile_has_its_rule(tile, expected):
    rule = RULES[tile][1]
    assert {name for name, task in TASKS.items() if rule(task, ME, TODAY)} == expected
    assert counts(TASKS.values(), ME, TODAY)[tile] == len(expected)


def test_the_tiles_carry_the_platforms_words_in_its_order():
    assert [label for label, _rule in RULES.values()] == [
        "My Tasks", "Tasks due in 10 days", "Tasks due in 30 days", "Overdue Tasks", "Tasks with no due date",
        "Total Calls Open", "Tasks Open", "Tasks Completed"]


# -- over HTTP -------------------------------------------------------------------------------

TILE = re.compile(r'data-filter="(\w+)">\s*<span[^>]*>(\d+)</span>')


def tiles(browser, path: str = "/tasks") -> dict[str, int]:
    return {key: int(n) for key, n in TILE.findall(browser.text(path))}


def add_task(api, body: str, **fields) -> int:
    response = api("POST", "/tasks", json={"body": body, **fields})
    assert response.status_code == 201, response.get_data(as_text=True)
    return response.get_json()["id"]


@pytest.mark.parametrize("community_time, overdue", [
    ("2026-11-20T23:30", 0),  # 21:30 UTC: still the due day for the community
    ("2026-11-21T00:30", 1),  # 22:30 UTC on the 20th, but the 21st in the community: overdue
])
def test_overdue_is_judged_on_the_communitys_date(as_role, api, community_time, overdue):
    api("POST", "/clock", json={"local": community_time})
    add_task(api, "Lock the gate", due_date="2026-11-20", assignee_id=ADMIN)
    shown = tiles(as_role("admin"))
    assert shown["tasksOpenAndOverdue"] == overdue and shown["myOpenTasks"] == 1


def test_a_client_sees_and_counts_only_tasks_assigned_to_them_or_written_by_them(as_role, api):
    api("POST", "/clock", json={"local": "2026-11-20T10:00"})
    add_task(api, "Sign the lease", due_date="2026-11-22", assignee_id=CLIENT)
    add_task(api, "Pay the deposit", due_date="2026-11-18", assignee_id=ADMIN, author_id=CLIENT)
    hidden = add_task(api, "Audit the books", due_date="2026-11-18", assignee_id=ADMIN)
    client = as_role("client")
    shown = tiles(client)
    assert (shown["myOpenTasks"], shown["tasksOpen"], shown["tasksOpenAndOverdue"]) == (1, 2, 1)
    page = client.text("/tasks")
    assert "Sign the lease" in page and "Pay the deposit" in page and "Audit the books" not in page
    assert client.get(f"/tasks/{hidden}").status_code == 404
    assert client.post(f"/tasks/{hidden}/completion", {}, form_page="/tasks").status_code == 404
    assert tiles(as_role("admin"))["tasksOpen"] == 3


def test_the_admin_assigns_a_task_and_the_assignees_counts_change(as_role, api):
    api("POST", "/clock", json={"local": "2026-11-20T10:00"})
    client = as_role("client")
    assert tiles(client)["myOpenTasks"] == 0
    response = as_role("admin").post("/tasks/new", {"body": "Inspect the borehole", "description": "Pump 2",
                                                    "category": "to_do", "due_date": "2026-11-25",
                                                    "assignee_id": str(CLIENT)})
    assert response.status_code == 302
    [task] = api("GET", "/tasks").get_json()
    assert (task["assignee_id"], task["due_date"], task["author_id"]) == (CLIENT, "2026-11-25", ADMIN)
    assert tiles(client)["myOpenTasks"] == 1 and tiles(client)["tasksDueIn10Days"] == 1
    assert "Inspect the borehole" in client.text("/tasks?filter=myOpenTasks")
    assert client.get("/my_tasks").location.endswith("/tasks?filter=myOpenTasks")


def test_a_bad_task_is_refused_at_the_fields_and_nothing_is_saved(as_role, api):
    api("POST", "/clock", json={"local": "2026-11-20T10:00"})
    response = as_role("admin").post("/tasks/new", {"body": " ", "category": "picnic", "due_date": "2026-11-19",
                                                    "assignee_id": str(GUARD)}, form_page="/tasks/new")
    text = response.get_data(as_text=True)
    assert response.status_code == 400
    for message in ("Task Name is Required", "Choose a task type from the list", "Due date cannot be in the past",
                    "Choose the assignee from the list"):  # a guard cannot see tasks, so cannot be assigned one
        assert message in text
    assert api("GET", "/tasks").get_json() == []


def test_completing_moves_a_task_to_completed_and_back(as_role, api):
    task_id = add_task(api, "Repair the fence", due_date="2030-01-01", assignee_id=CLIENT)
    client = as_role("client")
    response = client.post(f"/tasks/{task_id}/completion", {"next": "/tasks?filter=myOpenTasks"}, form_page="/tasks")
    assert response.location == "/tasks?filter=myOpenTasks"
    shown = tiles(client)
    assert (shown["myOpenTasks"], shown["completedTasks"]) == (0, 1)
    assert "Repair the fence" in client.text("/tasks?filter=completedTasks")
    assert "Repair the fence" not in client.text("/tasks")
    client.post(f"/tasks/{task_id}/completion", {}, form_page="/tasks")
    assert tiles(client)["myOpenTasks"] == 1


def test_reassigning_moves_the_task_between_my_tasks(as_role, api):
    task_id = add_task(api, "Check the water meter", assignee_id=ADMIN)
    admin, client = as_role("admin"), as_role("client")
    assert admin.post(f"/tasks/{task_id}/assignee", {"assignee_id": ""}, form_page=f"/tasks/{task_id}").status_code == 400
    response = admin.post(f"/tasks/{task_id}/assignee", {"assignee_id": str(CLIENT)}, form_page=f"/tasks/{task_id}")
    assert response.status_code == 302
    assert tiles(admin)["myOpenTasks"] == 0 and tiles(client)["myOpenTasks"] == 1
    # The client may complete it but not hand it on: only admins and the task's author reassign.
    assert client.post(f"/tasks/{task_id}/assignee", {"assignee_id": str(ADMIN)}, form_page="/tasks").status_code == 404


def test_the_completion_toggle_never_sends_anyone_off_site(as_role, api):
    task_id = add_task(api, "Sweep", assignee_id=ADMIN)
    response = as_role("admin").post(f"/tasks/{task_id}/completion", {"next": "//evil.example/"}, form_page="/tasks")
    assert response.location == "/tasks"


@pytest.mark.parametrize("role, path", [("custodian", "/tasks"), ("guard", "/tasks"), ("guard", "/tasks/new"),
                                        ("admin", "/tasks?filter=everything"), ("admin", "/tasks/999")])
def test_pages_a_role_may_not_see_are_not_found(as_role, role, path):
    assert as_role(role).get(path).status_code == 404


def test_creating_a_task_needs_the_csrf_token(as_role, api):
    response = as_role("admin").client.post("/tasks/new", data={"body": "No token"})
    assert response.status_code == 400 and api("GET", "/tasks").get_json() == []

"""Tasks over HTTP: the task list and its quick filters, the task form, the details, completing,
assigning and commenting; who may do what; odd input answered without a 500."""

from __future__ import annotations

import html
import re

import pytest

from tests.demo_app.test_tasks_graphql import ADMIN, ASSIGN, CUSTODIAN, GUARD, make

TITLES = re.compile(r'data-testid="task-title">([^<]*)<')
FILTERS = re.compile(
    r'<li role="menuitem" class="MuiMenuItem-root( Mui-selected)?"[^>]*'
    r'data-value="(\w+)"><a [^>]*>([^<]+)<'
)


def titles(browser, path: str) -> list[str]:
    return [html.unescape(t) for t in TITLES.findall(browser.text(path))]


def create_form(**fields):
    return {
        "task_body": "Fix the gate",
        "task_description": "",
        "category": "to_do",
        "due_date": "",
        "order": "1",
        **fields,
    }


def test_the_task_list_is_the_platforms_page(as_role):
    page = as_role("admin").text("/tasks")
    assert 'data-testid="page_title">Task<' in page and 'data-testid="todo-container"' in page
    assert 'data-testid="search"' in page and re.search(r'data-testid="create_task_btn"[^>]*>Add New<', page)
    assert [(key, label) for _sel, key, label in FILTERS.findall(page)] == [
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
    assert [key for sel, key, _label in FILTERS.findall(page) if sel] == ["myOpenTasks"]  # the default
    assert 'data-testid="centered_content">No tasks<' in page


@pytest.mark.parametrize(
    "path",
    [
        "/tasks?filter=nope",
        "/tasks?filter=" + "x" * 3000,
        "/tasks?offset=-4",
        "/tasks?offset=99999999999999999999",
        "/tasks?offset=٣",
        "/tasks?search=" + "é" * 500,
        "/tasks?taskId=",
        "/tasks?detailTab=<script>",
    ],
)
def test_odd_list_addresses_still_show_a_list(as_role, path):
    response = as_role("admin").get(path, follow_redirects=True)
    assert response.status_code == 200 and 'data-testid="todo-container"' in response.get_data(as_text=True)


def test_the_filters_list_by_the_community_date(app, as_role, gql, test_api):
    test_api("POST", "/clock", json={"local": "2026-11-20T23:30"})  # late evening: UTC is still the 20th
    admin = gql("admin")
    for body, due in [("Overdue", "2026-11-19"), ("Due today", "2026-11-20"), ("Next month", "2026-12-25")]:
        admin(ASSIGN, {"n": make(admin, body, due=due), "u": ADMIN})
    browser = as_role("admin")
    assert titles(browser, "/tasks?filter=tasksOpenAndOverdue") == ["Overdue"]
    assert titles(browser, "/tasks?filter=tasksDueIn10Days") == ["Due today"]
    assert titles(browser, "/tasks") == ["Next month", "Due today", "Overdue"]  # My Tasks, newest first
    test_api("POST", "/clock", json={"local": "2026-11-21T00:30"})  # UTC still says the 20th
    assert titles(browser, "/tasks?filter=tasksOpenAndOverdue") == ["Due today", "Overdue"]


def test_a_search_finds_tasks_by_their_words_and_keeps_the_filter(as_role, gql):
    admin = gql("admin")
    make(admin, "Paint the wall & gate"), make(admin, "Mow the verge")
    browser = as_role("admin")
    page = browser.text("/tasks?filter=tasksOpen&search=wall+%26+gate")
    assert [html.unescape(t) for t in TITLES.findall(page)] == ["Paint the wall & gate"]
    assert 'name="search" value="wall &amp; gate"' in page


def test_the_list_holds_fifty_tasks_a_page(as_role, gql):
    admin = gql("admin")
    for n in range(52):
        make(admin, f"Task {n:02d}")
    browser = as_role("admin")
    first = browser.text("/tasks?filter=tasksOpen")
    assert len(TITLES.findall(first)) == 50 and 'data-testid="next-btn"' in first
    assert titles(browser, "/tasks?filter=tasksOpen&offset=50") == ["Task 01", "Task 00"]


def test_creating_a_task_assigns_each_assignee(as_role, gql):
    browser = as_role("admin")
    response = browser.post(
        "/tasks",
        create_form(task_body="Inspect the borehole", due_date="2026-12-01", assignees=[CUSTODIAN, ADMIN, CUSTODIAN]),
        form_page="/tasks",
    )
    assert response.status_code == 302
    page = browser.text("/tasks")
    assert "Task Successfully Created" in page and "Inspect the borehole" in page and "Due 2026-12-01" in page
    task = gql("admin")("{ flaggedNotes { id assignees { id } category } }")["flaggedNotes"][0]
    assert [a["id"] for a in task["assignees"]] == [CUSTODIAN, ADMIN] and task["category"] == "to_do"


@pytest.mark.parametrize(
    "fields, message",
    [
        ({"task_body": ""}, "Task Name can&#39;t be blank"),
        ({"task_body": "x" * 501}, "maximum is 500"),
        ({"task_description": "x" * 2001}, "maximum is 2000"),
        ({"due_date": "9999-12-31"}, "Due date must be between"),
        ({"due_date": "2026-02-30"}, "Due date is not a valid date"),
        ({"category": "party"}, "Task Type"),
        ({"order": "-1"}, "Order Number"),
        ({"assignees": ["99999999999999999999999"]}, "User not found"),
        ({"assignees": ["abc"]}, "User not found"),
        ({"parent_note_id": "0"}, "Parent task not found"),
        ({"assignees": [str(i) for i in range(1, 30)]}, "User not found"),
    ],
)
def test_the_form_is_shown_again_with_the_reason_when_refused(as_role, gql, fields, message):
    response = as_role("admin").post("/tasks", create_form(**fields), form_page="/tasks")
    page = response.get_data(as_text=True)
    assert response.status_code == 400 and message in page and "MuiAlert-filledError" in page
    assert re.search(r'id="task-form-dialog" data-portal>', page)  # the dialog is open again
    assert gql("admin")("{ flaggedNotes { id } }")["flaggedNotes"] == []


def test_the_form_needs_its_csrf_token(as_role):
    response = as_role("admin").client.post("/tasks", data=create_form())
    assert response.status_code == 400


def test_clients_have_no_task_list_and_may_not_create_tasks(as_role):
    assert as_role("client").get("/tasks").status_code == 404  # creating is refused: test_tasks_graphql
    assert 'data-testid="create_task_btn"' in as_role("guard").text("/tasks")


def test_completing_from_the_list_moves_the_task_and_says_so(as_role, gql):
    task = make(gql("admin"), "Repair the fence")
    browser = as_role("admin")
    response = browser.post(
        f"/tasks/{task}/completion", {"next": "/tasks?filter=tasksOpen"}, form_page="/tasks?filter=tasksOpen"
    )
    assert response.location == "/tasks?filter=tasksOpen"
    page = browser.text("/tasks?filter=tasksOpen")
    assert "Task has been successfully marked as Complete" in page and "Repair the fence" not in page
    done = browser.text("/tasks?filter=completedTasks")
    assert "Repair the fence" in done and re.search(r'task_status_chip"><span class="MuiChip-label">Complete<', done)
    browser.post(f"/tasks/{task}/completion", {"next": "//evil.example"}, form_page="/tasks")
    assert "Task has been successfully marked as Incomplete" in browser.text("/tasks")


def test_the_details_show_assignees_and_comments_and_let_staff_assign(as_role, gql):
    admin = gql("admin")
    task = make(admin, "Fix the street lamp", due="2026-12-03")
    browser = as_role("admin")
    page = browser.text(f"/tasks?filter=tasksOpen&taskId={task}")
    assert 'data-testid="drawer-paper"' in page and 'data-testid="add-assignee"' in page
    browser.post(
        f"/tasks/{task}/assignees", {"user_id": CUSTODIAN, "next": f"/tasks?taskId={task}"}, form_page="/tasks"
    )
    assert re.search(
        r'data-testid="user_chip"[^>]*><span class="MuiChip-label">Mr Custodian<', browser.text(f"/tasks?taskId={task}")
    )
    browser.post(f"/tasks/{task}/assignees", {"user_id": CUSTODIAN}, form_page="/tasks")
    assert 'data-testid="user_chip"' not in browser.text(f"/tasks/{task}")
    browser.post(f"/tasks/{task}/comments", {"body": "Bulb ordered"}, form_page="/tasks")
    assert re.search(
        r'data-testid="comment-body">.*<span class="[^"]*">Bulb ordered</span></div>', browser.text(f"/tasks/{task}")
    )


def test_a_guard_follows_their_task_and_is_not_shown_the_others(as_role, gql):
    admin = gql("admin")
    theirs, other = make(admin, "Return the keys"), make(admin, "Audit the books")
    admin(ASSIGN, {"n": theirs, "u": GUARD})
    guard = as_role("guard")
    page = guard.text(f"/tasks?taskId={theirs}")
    assert "A Guard" in page and 'data-testid="add-assignee"' in page
    assert titles(guard, "/tasks?filter=tasksOpen") == ["Return the keys"]
    assert guard.get(f"/tasks/{other}").status_code == 404
    assert guard.get(f"/tasks?taskId={other}").location == "/tasks"
    assert guard.post(f"/tasks/{other}/completion", {}, form_page="/tasks").status_code == 404


@pytest.mark.parametrize("raw", ["abc", "0", "-1", "99999999999999999999999", "1e3", "٣", "%00"])
def test_odd_task_addresses_are_not_found(as_role, raw):
    browser = as_role("admin")
    assert browser.get(f"/tasks/{raw}").status_code == 404
    for action in ("completion", "assignees", "comments"):
        assert browser.post(f"/tasks/{raw}/{action}", {}, form_page="/tasks").status_code == 404


@pytest.mark.parametrize(
    "form",
    [{"user_id": "abc"}, {"user_id": "99999999999999999999"}, {}, {"user_id": "1", "next": "/tasks" + "x" * 400}],
)
def test_odd_assignments_and_comments_never_fail(as_role, gql, form):
    task = make(gql("admin"), "Odd")
    browser = as_role("admin")
    assert browser.post(f"/tasks/{task}/assignees", form, form_page="/tasks").status_code == 302
    for body in ("", " ", "x" * 2001, "ok"):
        assert browser.post(f"/tasks/{task}/comments", {"body": body}, form_page="/tasks").status_code == 302


def test_the_platforms_other_addresses_lead_to_the_list(as_role):
    browser = as_role("admin")
    assert browser.get("/my_tasks").location == "/tasks?filter=myOpenTasks"
    assert browser.get("/todo").location == "/tasks"
    assert browser.get("/todo/12").location == "/tasks/12"
    assert browser.get("/todo/x").status_code == 404


def test_custodians_see_and_plan_every_task(as_role, gql):
    make(gql("admin"), "The admin's own")
    custodian = as_role("custodian")
    assert titles(custodian, "/tasks?filter=tasksOpen") == ["The admin's own"]
    assert 'data-testid="create_task_btn"' in custodian.text("/tasks")
    assert 'tasks-sub-menu-item" role="button" tabindex="0" data-href="/tasks"' in custodian.text("/tasks")


def test_due_dates_follow_the_community_in_a_far_away_process_timezone(
    far_away_process_timezone, as_role, gql, test_api
):
    test_api("POST", "/clock", json={"local": "2026-11-20T01:00"})
    admin = gql("admin")
    make(admin, "Yesterday's", due="2026-11-19")
    make(admin, "Today's", due="2026-11-20")
    assert titles(as_role("admin"), "/tasks?filter=tasksOpenAndOverdue") == ["Yesterday's"]

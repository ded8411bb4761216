"""Tasks over GraphQL: noteCreate, noteAssign, noteUpdate, noteCommentCreate and the task queries,
with the platform's permissions (Unauthorized), visibility and argument checks (never a 500)."""

from __future__ import annotations

import pytest

from demo_app.db import connect

GUARD, ADMIN, CUSTODIAN, CLIENT = "1", "2", "3", "4"  # persona ids after seeding, in config order
CREATE = """mutation($body: String!, $due: String, $category: String, $completed: Boolean, $parent: ID, $order: Int,
                     $flagged: Boolean = true) {
  noteCreate(body: $body, dueDate: $due, category: $category, flagged: $flagged, completed: $completed,
             parentNoteId: $parent, order: $order) {
    note { id body dueDate category completed status flagged order author { id } assignees { id } parentNote { id } }
  }
}"""
ASSIGN = "mutation($n: ID!, $u: ID!) { noteAssign(noteId: $n, userId: $u) { assigneeNote } }"
UPDATE = """mutation($id: ID!, $completed: Boolean, $status: String, $due: String, $body: String) {
  noteUpdate(id: $id, completed: $completed, status: $status, dueDate: $due, body: $body) {
    note { id body dueDate completed status }
  }
}"""
COMMENT = """mutation($n: ID!, $body: String!) {
  noteCommentCreate(noteId: $n, body: $body) { noteComment { id body noteId user { id name } } }
}"""
TASK = "query($id: ID!) { task(taskId: $id) { id body assignees { id name } subTasks { id body } subTasksCount } }"
FLAGGED = "query($q: String) { flaggedNotes(query: $q) { id body } }"
STATS = (
    "{ taskStats { myOpenTasks tasksDueIn10Days tasksDueIn30Days tasksOpenAndOverdue overdueTasks"
    " tasksWithNoDueDate totalCallsOpen totalFormsOpen tasksOpen completedTasks } myTasksCount }"
)


def make(api, body: str, **variables) -> str:
    return api(CREATE, {"body": body, **variables})["noteCreate"]["note"]["id"]


def test_the_admin_creates_a_task_with_the_platforms_fields(gql):
    admin = gql("admin")
    note = admin(CREATE, {"body": "  Fix the gate  ", "due": "2026-12-01", "category": "call"})["noteCreate"]["note"]
    assert note == {
        "id": note["id"],
        "body": "Fix the gate",
        "dueDate": "2026-12-01T00:00:00+02:00",
        "category": "call",
        "completed": False,
        "status": "not_started",
        "flagged": True,
        "order": 1,
        "author": {"id": ADMIN},
        "assignees": [],
        "parentNote": None,
    }


def test_a_task_created_completed_is_complete(gql):
    note = gql("admin")(CREATE, {"body": "Filed", "completed": True})["noteCreate"]["note"]
    assert (note["completed"], note["status"]) == (True, "completed")


def test_a_sub_task_hangs_under_its_parent(gql):
    admin = gql("admin")
    parent = make(admin, "Build the shed")
    child = admin(CREATE, {"body": "Buy the timber", "parent": parent, "order": 2})["noteCreate"]["note"]
    assert child["parentNote"] == {"id": parent} and child["order"] == 2
    assert admin(TASK, {"id": parent})["task"]["subTasks"] == [{"id": child["id"], "body": "Buy the timber"}]


@pytest.mark.parametrize(
    "variables, message",
    [
        ({"body": ""}, "Task Name can't be blank"),
        ({"body": "x" * 501}, "maximum is 500"),
        ({"body": "x", "due": "9999-12-31"}, "Due date must be between"),
        ({"body": "x", "due": "31/12/2026"}, "Due date is not a valid date"),
        ({"body": "x", "category": "party"}, "Task Type is not included in the list"),
        ({"body": "x", "parent": "99999999999999999999999"}, "Parent task not found"),
        ({"body": "x", "parent": "abc"}, "Parent task not found"),
        ({"body": "x", "order": -1}, "Order Number"),
    ],
)
def test_noteCreate_refuses_wrong_arguments_with_a_message(gql, variables, message):
    assert message in gql("admin").error(CREATE, variables)


@pytest.mark.parametrize("who", ["client", None])
def test_only_people_who_may_create_tasks_can(gql, who):
    assert gql(who).error(CREATE, {"body": "Not mine to make"}) == "Unauthorized"


def test_noteAssign_assigns_and_a_second_call_takes_the_task_away(gql):
    admin = gql("admin")
    task = make(admin, "Check the meters")
    assert admin(ASSIGN, {"n": task, "u": CUSTODIAN})["noteAssign"]["assigneeNote"] == "success"
    assert admin(TASK, {"id": task})["task"]["assignees"] == [{"id": CUSTODIAN, "name": "Mr Custodian"}]
    admin(ASSIGN, {"n": task, "u": ADMIN})
    assert [a["id"] for a in admin(TASK, {"id": task})["task"]["assignees"]] == [CUSTODIAN, ADMIN]
    admin(ASSIGN, {"n": task, "u": CUSTODIAN})
    assert admin(TASK, {"id": task})["task"]["assignees"] == [{"id": ADMIN, "name": "An Admin User"}]


@pytest.mark.parametrize(
    "note, user, message",
    [
        ("99999999999999999999", CUSTODIAN, "Task not found"),
        ("x", CUSTODIAN, "Task not found"),
        (None, "999999", "User not found"),
        (None, "-1", "User not found"),
        (None, "٣", "User not found"),
    ],
)
def test_noteAssign_needs_a_task_and_a_person(gql, note, user, message):
    admin = gql("admin")
    assert admin.error(ASSIGN, {"n": note or make(admin, "Someone's"), "u": user}) == message


@pytest.mark.parametrize("who", ["client", None])
def test_only_people_who_may_assign_can(gql, who):
    task = make(gql("admin"), "Assign me")
    assert gql(who).error(ASSIGN, {"n": task, "u": CLIENT}) == "Unauthorized"


def test_custodians_assign_too(gql):
    task = make(gql("admin"), "The custodian's to give")
    assert gql("custodian")(ASSIGN, {"n": task, "u": GUARD})["noteAssign"]["assigneeNote"] == "success"


def test_noteUpdate_completes_and_reopens(app, gql):
    admin = gql("admin")
    task = make(admin, "Repair the fence")

    db = connect(app.config["DATABASE"])

    def completed_at() -> str | None:  # the platform's Note has no completedAt: read it where it is kept
        return db.execute("SELECT completed_at FROM tasks WHERE id = ?", (task,)).fetchone()[0]

    done = admin(UPDATE, {"id": task, "completed": True})["noteUpdate"]["note"]
    assert (done["completed"], done["status"], bool(completed_at())) == (True, "completed", True)
    again = admin(UPDATE, {"id": task, "completed": False})["noteUpdate"]["note"]
    assert (again["completed"], again["status"], completed_at()) == (False, "not_started", None)
    changed = admin(UPDATE, {"id": task, "status": "at_risk", "due": "2026-12-24", "body": "Mend it"})
    assert changed["noteUpdate"]["note"]["status"] == "at_risk" and changed["noteUpdate"]["note"]["body"] == "Mend it"


@pytest.mark.parametrize(
    "variables, message",
    [
        ({"status": "done"}, "Status is not included in the list"),
        ({"due": "2026-13-01"}, "not a valid date"),
        ({"body": " "}, "can't be blank"),
        ({"id": "0"}, "Task not found"),
    ],
)
def test_noteUpdate_refuses_wrong_arguments(gql, variables, message):
    admin = gql("admin")
    assert message in admin.error(UPDATE, {"id": make(admin, "Update me"), **variables})


def test_an_assignee_may_update_their_task_but_not_someone_elses(gql):
    admin, guard = gql("admin"), gql("guard")
    theirs, other = make(admin, "Lock the store"), make(admin, "Audit the books")
    admin(ASSIGN, {"n": theirs, "u": GUARD})
    assert guard(UPDATE, {"id": theirs, "completed": True})["noteUpdate"]["note"]["completed"] is True
    assert guard.error(UPDATE, {"id": other, "completed": True}) == "Task not found"
    assert gql("client").error(UPDATE, {"id": theirs, "completed": True}) == "Unauthorized"


def test_comments_are_kept_with_their_writer(gql):
    admin, custodian = gql("admin"), gql("custodian")
    task = make(admin, "Fix the street lamp")
    comment = custodian(COMMENT, {"n": task, "body": " Bulb ordered "})["noteCommentCreate"]["noteComment"]
    assert comment == {
        "id": comment["id"],
        "body": "Bulb ordered",
        "noteId": task,
        "user": {"id": CUSTODIAN, "name": "Mr Custodian"},
    }
    listed = admin("query($id: ID!) { taskComments(taskId: $id) { body user { name } } }", {"id": task})
    assert listed["taskComments"] == [{"body": "Bulb ordered", "user": {"name": "Mr Custodian"}}]


@pytest.mark.parametrize("body, message", [("", "Comment can't be blank"), ("x" * 2001, "maximum is 2000")])
def test_noteCommentCreate_refuses_empty_and_over_long_comments(gql, body, message):
    admin = gql("admin")
    assert message in admin.error(COMMENT, {"n": make(admin, "Talk"), "body": body})


def test_noteCommentCreate_needs_the_permission_and_a_task_one_may_see(gql):
    admin = gql("admin")
    task = make(admin, "Hidden from the guard")
    assert gql("client").error(COMMENT, {"n": task, "body": "hi"}) == "Unauthorized"
    assert gql("guard").error(COMMENT, {"n": task, "body": "hi"}) == "Task not found"


def test_people_other_than_admins_and_custodians_see_only_their_own_tasks(gql):
    admin, guard = gql("admin"), gql("guard")
    theirs, other = make(admin, "Lock the store"), make(admin, "Audit the books")
    admin(ASSIGN, {"n": theirs, "u": GUARD})
    assert [t["body"] for t in guard(FLAGGED)["flaggedNotes"]] == ["Lock the store"]
    assert guard(TASK, {"id": theirs})["task"]["body"] == "Lock the store"
    assert guard.error(TASK, {"id": other}) == "Task not found"
    assert {t["body"] for t in gql("custodian")(FLAGGED)["flaggedNotes"]} == {"Lock the store", "Audit the books"}
    assert gql("client").error(FLAGGED) == "Unauthorized"  # clients have no task list (permissions.yml)


def test_flaggedNotes_lists_tasks_only_newest_first_and_finds_by_text(gql):
    admin = gql("admin")
    make(admin, "First"), make(admin, "A note about a person", flagged=False), make(admin, "Second")
    assert [t["body"] for t in admin(FLAGGED)["flaggedNotes"]] == ["Second", "First"]
    assert [t["body"] for t in admin(FLAGGED, {"q": "firs"})["flaggedNotes"]] == ["First"]


def test_task_stats_count_each_filter_on_the_communitys_date(gql, test_api):
    test_api("POST", "/clock", json={"local": "2026-11-20T10:00"})
    admin = gql("admin")
    for body, due, done, category in [
        ("overdue", "2026-11-19", False, "to_do"),
        ("today", "2026-11-20", False, "call"),
        ("in 20", "2026-12-10", False, "form"),
        ("none", None, False, "to_do"),
        ("done", "2026-11-01", True, "to_do"),
    ]:
        task = make(admin, body, due=due, completed=done, category=category)
        if body in ("overdue", "done"):
            admin(ASSIGN, {"n": task, "u": ADMIN})
    assert admin(STATS) == {
        "myTasksCount": 1,
        "taskStats": {
            "myOpenTasks": 1,
            "tasksDueIn10Days": 1,
            "tasksDueIn30Days": 2,
            "tasksOpenAndOverdue": 1,
            "overdueTasks": 1,
            "tasksWithNoDueDate": 1,
            "totalCallsOpen": 1,
            "totalFormsOpen": 1,
            "tasksOpen": 4,
            "completedTasks": 1,
        },
    }
    assert gql("client").error(STATS) == "Unauthorized"


@pytest.mark.parametrize(
    "document",
    [
        '{ task(taskId: "1e9") { id } }',
        '{ task(taskId: "") { id } }',
        "{ flaggedNotes(offset: -5, limit: -1) { id } }",
        '{ taskComments(taskId: "-1") { id } }',
        '{ taskSubTasks(taskId: "99999999999999999999999999") { id } }',
        "mutation { noteAssign(noteId: 1) { assigneeNote } }",
        "mutation { noteCreate { note { id } } }",
        "mutation { noteCreate(body: 5) { note { id } } }",
        "{ noSuchQuery }",
    ],
)
def test_odd_calls_get_a_graphql_error_never_a_500(gql, document):
    answer = gql("admin").raw(document)
    assert answer.get("errors") or answer["data"]["flaggedNotes"] == []

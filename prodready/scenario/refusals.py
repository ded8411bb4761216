"""What the platform must refuse even when asked directly, as any client of its API can ask: the server's
"must-nots" behind the buttons the screens hide. Every call is one of the platform's own GraphQL operations
(mutations.tsv), made as the person the scenario names, so these checks run on the twin and on staging too.
"""

from __future__ import annotations

from typing import Any

from prodready.scenario.gate_access import epoch_ms
from prodready.target.api import PlatformApiError
from prodready.target.people import create_person

USER_UPDATE = """mutation userUpdate($id: ID!, $name: String!, $status: String) {
  userUpdate(id: $id, name: $name, status: $status) { user { id name status } }
}"""
ACTIVITY_LOG_ADD = """mutation activityLogAdd($userId: ID!, $timestamp: String, $digital: Boolean) {
  activityLogAdd(userId: $userId, timestamp: $timestamp, digital: $digital) { status eventLog { id } }
}"""
USER_TRANSACTIONS = """query userTransactions($userId: ID!) {
  userTransactions(userId: $userId) { id amount planPayments { receiptNumber } }
}"""
NOTE_ASSIGN = """mutation noteAssign($noteId: ID!, $userId: ID!) {
  noteAssign(noteId: $noteId, userId: $userId) { assigneeNote }
}"""
TASK = "query task($taskId: ID!) { task(taskId: $taskId) { id assignees { id name } } }"
MANAGE_SHIFT = """mutation manageShift($userId: ID!, $eventTag: String!) {
  manageShift(userId: $userId, eventTag: $eventTag) { timeSheet { id } }
}"""


def _words(refusal: PlatformApiError) -> str:
    """The platform's own words of a refusal (without the operation's name the API client puts first)."""
    return str(refusal).split(": ", 1)[-1]


def deactivated_person(cast: Any, name: str, role: str) -> dict[str, Any]:
    """A new person whose account the admin has deactivated (userCreate, then userUpdate); {id, name}."""
    person = create_person(cast, name, role)
    cast.api_as("admin").call(USER_UPDATE, {"id": person["id"], "name": person["name"], "status": "deactivated"})
    return person


def log_scan_directly(cast: Any, who: str, user_id: str) -> str:
    """Log This Entry's own operation (activityLogAdd), as a scanner that logs without the button does (the
    platform's kiosk); the status the platform answers ("success" or "denied"), or its refusal's words."""
    try:
        answer = cast.api_as(who).call(ACTIVITY_LOG_ADD, {"userId": user_id, "timestamp": epoch_ms(), "digital": True})
    except PlatformApiError as refusal:
        return _words(refusal)
    return str(answer["activityLogAdd"]["status"])


def payments_given_to(cast: Any, who: str, user_id: str) -> list[dict[str, Any]] | str:
    """Someone's transactions (the data of their receipts) as `who` asks the platform for them: the list, or
    the refusal's words."""
    try:
        return list(cast.api_as(who).call(USER_TRANSACTIONS, {"userId": user_id})["userTransactions"])
    except PlatformApiError as refusal:
        return _words(refusal)


def assign_directly(cast: Any, who: str, task_id: str, assignee: str) -> str:
    """noteAssign as `who`, the operation behind "Add Assignee": "" when the platform did it, else its refusal."""
    try:
        cast.api_as(who).call(NOTE_ASSIGN, {"noteId": task_id, "userId": cast.user_id(assignee)})
    except PlatformApiError as refusal:
        return _words(refusal)
    return ""


def assignees_of(cast: Any, task_id: str) -> list[str]:
    """The names of a task's assignees, as the admin's platform has them now."""
    return sorted(a["name"] for a in cast.api_as("admin").call(TASK, {"taskId": task_id})["task"]["assignees"])


def manage_shift_directly(cast: Any, who: str, user_id: str, event_tag: str) -> str:
    """manageShift ("shift_start" / "shift_end") as `who`, the operation behind the profile's shift buttons:
    "done" when the platform did it, else its refusal's words."""
    try:
        cast.api_as(who).call(MANAGE_SHIFT, {"userId": user_id, "eventTag": event_tag})
    except PlatformApiError as refusal:
        return _words(refusal)
    return "done"

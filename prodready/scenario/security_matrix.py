"""Who may call what: one call per GraphQL operation, made as each persona and as someone not logged in,
and how each answer reads: allowed, refused, or neither (a server error, a request not understood).

Every call writes nothing, so the matrix runs on production too: an operation is asked with arguments
that pass the platform's permission check and fail right after it (an id nobody has, a blank name, a
plot owned by nobody, amounts that do not add up). A refused caller gets the platform's refusal
("Unauthorized", or currentUser's "Must be logged in to perform this action") before anything is looked
up; an allowed one gets the operation's own answer or its own error ("User not found", "Name can't be
blank"). The expected table is the feature's (features/security.feature); tests/test_security_matrix.py
checks it against the platform's own rules (permissions.yml, mutations.tsv, its resolvers' checks).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from prodready.target.api import PlatformApiError

NOBODY_ID = "00000000-0000-4000-8000-000000000000"  # an id of the platform's kind (a UUID) nobody has
ANONYMOUS = "someone not logged in"
CALLERS = (ANONYMOUS, "guard", "custodian", "client", "admin")
ALLOWED, REFUSED = "allowed", "refused"
# The platform's words for a caller its rules refuse (config/locales/en.yml errors.unauthorized, and
# Types::Queries::User#current_user).
REFUSALS = frozenset({"Unauthorized", "Must be logged in to perform this action"})


@dataclass(frozen=True)
class Asking:
    """What a call's arguments may need: the run's id (in made-up names) and the admin persona's id."""

    run_id: str
    admin_id: str


@dataclass(frozen=True)
class Probe:
    """One operation's call: its document and its arguments."""

    document: str
    variables: Callable[[Asking], dict[str, Any]]


def _nobody(*names: str) -> Callable[[Asking], dict[str, Any]]:
    return lambda _asking: dict.fromkeys(names, NOBODY_ID)


PROBES: dict[str, Probe] = {
    "PropertyCreate": Probe(
        """mutation PropertyCreate($parcelNumber: String!, $ownershipFields: JSON) {
  PropertyCreate(parcelNumber: $parcelNumber, ownershipFields: $ownershipFields) { landParcel { id } }
}""",  # the plot's owner must exist: the plot is not kept (the platform makes both in one transaction)
        lambda a: {"parcelNumber": f"NOBODY-{a.run_id}", "ownershipFields": [{"name": "Nobody", "userId": NOBODY_ID}]},
    ),
    "activityLogAdd": Probe(
        "mutation activityLogAdd($userId: ID!) { activityLogAdd(userId: $userId) { status } }", _nobody("userId")
    ),
    "adminResetPassword": Probe(
        "mutation adminResetPassword($userId: ID!) { adminResetPassword(userId: $userId) { username } }",
        _nobody("userId"),
    ),
    "categoryCreate": Probe(
        """mutation categoryCreate($formId: ID!) {
  categoryCreate(formId: $formId, fieldName: "Nobody", general: false, headerVisible: false, order: 1) {
    category { id }
  }
}""",
        _nobody("formId"),
    ),
    "entryRequestCreate": Probe(
        """mutation entryRequestCreate($name: String!) {
  entryRequestCreate(name: $name) { entryRequest { id } }
}""",  # a visitor without a name: nobody is recorded at the gate
        lambda _a: {"name": " "},
    ),
    "entryRequestGrant": Probe(
        "mutation entryRequestGrant($id: ID!) { entryRequestGrant(id: $id) { status } }", _nobody("id")
    ),
    "formCreate": Probe(
        """mutation formCreate($name: String!) {
  formCreate(name: $name, preview: false, isPublic: false, multipleSubmissionsAllowed: false,
             hasTermsAndConditions: false) { form { id } }
}""",  # a blank name: no form is made
        lambda _a: {"name": " "},
    ),
    "formPropertiesCreate": Probe(
        """mutation formPropertiesCreate($formId: ID!, $categoryId: ID!) {
  formPropertiesCreate(formId: $formId, categoryId: $categoryId, fieldName: "Nobody", fieldType: "text", order: "1") {
    formProperty { id }
  }
}""",
        _nobody("formId", "categoryId"),
    ),
    "formUpdate": Probe(
        'mutation formUpdate($id: ID!) { formUpdate(id: $id, name: "Nobody") { form { id } } }', _nobody("id")
    ),
    "formUserCreate": Probe(
        """mutation formUserCreate($formId: ID!, $userId: ID!, $propValues: JSON!) {
  formUserCreate(formId: $formId, userId: $userId, propValues: $propValues) { formUser { id } error }
}""",  # no answers, to a form nobody has, for someone else (nobody): nothing is submitted
        lambda _a: {"formId": NOBODY_ID, "userId": NOBODY_ID, "propValues": '{"user_form_properties": []}'},
    ),
    "invitationCreate": Probe(
        """mutation invitationCreate($visitationDate: String!, $guests: [JSON!], $userIds: [String!]) {
  invitationCreate(visitationDate: $visitationDate, guests: $guests, userIds: $userIds) { success }
}""",  # a guest without a name: nobody is invited (the platform makes guest and invitation in one transaction)
        lambda _a: {"visitationDate": "2030-01-01", "guests": [{"firstName": " ", "lastName": " "}], "userIds": []},
    ),
    "loginUsernamePassword": Probe(
        """mutation loginUsernamePassword($username: String!, $password: String!) {
  loginUsernamePassword(username: $username, password: $password) { authToken }
}""",
        lambda a: {"username": f"nobody-{a.run_id}", "password": "not-a-password"},
    ),
    "manageShift": Probe(
        """mutation manageShift($userId: ID!) {
  manageShift(userId: $userId, eventTag: "shift_start") { timeSheet { id } }
}""",
        _nobody("userId"),
    ),
    "noteAssign": Probe(
        """mutation noteAssign($noteId: ID!, $userId: ID!) {
  noteAssign(noteId: $noteId, userId: $userId) { assigneeNote }
}""",
        _nobody("noteId", "userId"),
    ),
    "noteCreate": Probe(
        """mutation noteCreate($body: String!, $category: String) {
  noteCreate(body: $body, category: $category) { note { id } }
}""",  # a task type the platform does not have: no task is made
        lambda a: {"body": f"Nobody's task {a.run_id}", "category": "not-a-task-type"},
    ),
    "paymentPlanCreate": Probe(
        """mutation paymentPlanCreate($userId: ID!, $landParcelId: ID!) {
  paymentPlanCreate(userId: $userId, landParcelId: $landParcelId, duration: 1, frequency: 1, installmentAmount: 1,
                    planType: "basic", renewable: false, startDate: "2030-01-01", status: 0, totalAmount: 1) {
    paymentPlan { id }
  }
}""",
        _nobody("userId", "landParcelId"),
    ),
    "transactionCreate": Probe(
        """mutation transactionCreate($userId: ID!, $planId: ID!) {
  transactionCreate(userId: $userId, amount: 2, source: "cash",
                    paymentsAttributes: [{paymentPlanId: $planId, amount: 1}]) { transaction { id } }
}""",  # an amount that is not the sum of its parts, for nobody: refused before anything is recorded
        _nobody("userId", "planId"),
    ),
    "transactionRevert": Probe(
        "mutation transactionRevert($id: ID!) { transactionRevert(id: $id) { transaction { id } } }", _nobody("id")
    ),
    "userCreate": Probe(
        """mutation userCreate($name: String!, $phoneNumber: String!, $userType: String!) {
  userCreate(name: $name, phoneNumber: $phoneNumber, userType: $userType) { user { id } }
}""",  # a blank name and a user type the platform does not have: nobody is added
        lambda _a: {"name": " ", "phoneNumber": " ", "userType": "not-a-user-type"},
    ),
    "userUpdate": Probe(
        """mutation userUpdate($id: ID!, $name: String!) {
  userUpdate(id: $id, name: $name) { user { id } }
}""",  # the admin's own record with a blank name: refused, nothing kept (the platform looks the person up first)
        lambda a: {"id": a.admin_id, "name": " "},
    ),
    "resetPasswordAfterLogin": Probe(
        """mutation resetPasswordAfterLogin($userId: ID!, $password: String!) {
  resetPasswordAfterLogin(userId: $userId, password: $password) { authToken }
}""",
        lambda _a: {"userId": NOBODY_ID, "password": "Nobody-1234!x"},
    ),
    "resetPassword": Probe(
        "mutation resetPassword($email: String!) { resetPassword(email: $email) { success } }",
        lambda a: {"email": f"nobody-{a.run_id}@example.invalid"},
    ),
    "loginEmail": Probe(
        "mutation loginEmail($email: String) { loginEmail(email: $email) { user { id } } }",
        lambda a: {"email": f"nobody-{a.run_id}@example.invalid"},
    ),
    "allEventLogs": Probe("query allEventLogs { allEventLogs(limit: 1) { id } }", lambda _a: {}),
    "communityUpdate": Probe(  # no picture: nothing changes (with no argument at all the platform answers 500)
        "mutation communityUpdate { communityUpdate(imageBlobId: null) { community { id } } }", lambda _a: {}
    ),
    "currentUser": Probe("query currentUser { currentUser { id } }", lambda _a: {}),
    "flaggedNotes": Probe("query flaggedNotes { flaggedNotes(limit: 1) { id } }", lambda _a: {}),
    "formUser": Probe(
        """query formUser($userId: ID!, $formUserId: ID!) {
  formUser(userId: $userId, formUserId: $formUserId) { id }
}""",
        _nobody("userId", "formUserId"),
    ),
    "formUserProperties": Probe(
        """query formUserProperties($userId: ID!, $formUserId: ID!) {
  formUserProperties(userId: $userId, formUserId: $formUserId) { value }
}""",
        _nobody("userId", "formUserId"),
    ),
    "scheduledRequests": Probe("query scheduledRequests { scheduledRequests(limit: 1) { id } }", lambda _a: {}),
    "task": Probe("query task($taskId: ID!) { task(taskId: $taskId) { id } }", _nobody("taskId")),
    "timeSheetLogs": Probe("query timeSheetLogs { timeSheetLogs(limit: 1) { id } }", lambda _a: {}),
    "userLastShift": Probe(
        "query userLastShift($userId: ID!) { userLastShift(userId: $userId) { id } }", _nobody("userId")
    ),
    "userSearch": Probe(
        "query userSearch($query: String) { userSearch(query: $query, limit: 1) { id } }",
        lambda a: {"query": f"nobody-{a.run_id}"},
    ),
    "userTimeSheetLogs": Probe(
        """query userTimeSheetLogs($userId: ID!, $dateTo: String!) {
  userTimeSheetLogs(userId: $userId, dateTo: $dateTo) { id }
}""",
        lambda _a: {"userId": NOBODY_ID, "dateTo": "2030-01-01"},
    ),
    "userTransactions": Probe(
        "query userTransactions($userId: ID!) { userTransactions(userId: $userId) { id } }", _nobody("userId")
    ),
    "paymentsList": Probe("query paymentsList { paymentsList(limit: 1) { id } }", lambda _a: {}),
    "paymentReceipt": Probe(
        "query paymentReceipt($userId: ID!, $id: ID!) { paymentReceipt(userId: $userId, id: $id) { id } }",
        _nobody("userId", "id"),
    ),
}


def verdict(error: PlatformApiError | None) -> str:
    """How an answer reads: allowed (data, or the operation's own error), refused (the platform's refusal),
    or what went wrong otherwise (a server error, a request the platform did not understand)."""
    if error is None:
        return ALLOWED
    if error.status >= 500 or not error.errors:
        return f"a failure ({error})"
    if any(not e.get("path") for e in error.errors):  # an error of the request itself, not of running it
        return f"not understood ({error})"
    words = str(error.errors[0].get("message", "")).removeprefix("GraphQL error: ")
    return REFUSED if words in REFUSALS else ALLOWED


def ask(cast: Any, caller: str, probe: Probe, variables: dict[str, Any]) -> str:
    """The verdict on one caller's call (someone not logged in: no token at all)."""
    token = None if caller == ANONYMOUS else cast.api_as(caller).token
    try:
        cast.api.execute(probe.document, variables, token=token)
    except PlatformApiError as error:
        return verdict(error)
    return verdict(None)


def who_may(cast: Any, run_id: str, operation: str) -> dict[str, str]:
    """Each caller's verdict on the operation's call."""
    probe = PROBES.get(operation)
    if probe is None:
        raise AssertionError(f"no call is written for {operation!r} (prodready/scenario/security_matrix.py)")
    variables = probe.variables(Asking(run_id, cast.user_id("admin")))
    return {caller: ask(cast, caller, probe, variables) for caller in CALLERS}


def differences(expected: dict[str, str], got: dict[str, str]) -> list[str]:
    """Each caller the platform treated otherwise than its rules say, in words."""
    return [f"{who}: expected {expected[who]}, got {got[who]}" for who in CALLERS if expected[who] != got[who]]

"""Gate access over GraphQL: scans, entry requests, observations, the logbook's events (allEventLogs).

The types EntryRequest and EventLog are in gate_types.py; invitations (invitationCreate, invitationUpdate,
myGuests, scheduledRequests) are in gate_invites.py. This module serves all three parts. Every resolver
calls the gate's own domain functions.
"""

from __future__ import annotations

from typing import Any

from ariadne import MutationType, QueryType
from graphql import GraphQLError

from .. import gate_store, invites
from ..gate_rules import GateError, check_entry
from ..people import find as find_person
from . import gate_invites
from .common import record, require, to_id
from .gate_types import TYPE_BINDABLES, TYPES_SDL

SDL = (
    TYPES_SDL
    + """
type AddPayload { status: String, eventLog: EventLog, user: User }
type EntryRequestCreatePayload { entryRequest: EntryRequest }
type EntryRequestDenyPayload { entryRequest: EntryRequest }
type EntryRequestGrantPayload { entryRequest: EntryRequest, status: String }
type EntryRequestNotePayload { event: EventLog }
extend type Query {
  allEventLogs(subject: [String], refId: ID, refType: String, offset: Int, limit: Int, name: String): [EventLog!]
  entryRequest(id: ID!): EntryRequest
}
extend type Mutation {
  activityLogAdd(userId: ID!, note: String, timestamp: String, digital: Boolean, subject: String): AddPayload
  entryRequestCreate(name: String!, email: String, nrc: String, phoneNumber: String, vehiclePlate: String,
                     reason: String, otherReason: String, concernFlag: Boolean, source: String,
                     visitationDate: String, startsAt: String, endsAt: String, companyName: String,
                     temperature: String, occursOn: [String!], visitEndDate: String, isGuest: Boolean,
                     guestId: ID): EntryRequestCreatePayload
  entryRequestGrant(id: ID!): EntryRequestGrantPayload
  entryRequestDeny(id: ID!): EntryRequestDenyPayload
  entryRequestNote(id: ID, eventLogId: ID, refType: String, note: String, attachedImages: JSON): EntryRequestNotePayload
}
"""
    + gate_invites.SDL
)
query_type, mutation = QueryType(), MutationType()
BINDABLES = [query_type, mutation, *TYPE_BINDABLES, *gate_invites.BINDABLES]


def _refuse(exc: Exception) -> GraphQLError:
    return GraphQLError(str(exc))


@query_type.field("allEventLogs")
def resolve_all_event_logs(
    _obj: Any,
    info: Any,
    subject: list[str] | None = None,
    refId: Any = None,
    refType: str | None = None,
    offset: int | None = None,
    limit: int | None = None,
    name: str | None = None,
) -> list[Any]:
    """The logbook's events, newest first (subjects user_entry, visitor_entry, observation_log)."""
    require(info, "entry_request.can_access_logbook")
    subjects = tuple(subject) if subject else gate_store.LOGBOOK_SUBJECTS
    ref = to_id(refId, "Event log") if refId is not None else None
    rows = gate_store.events(subjects, name=name or "", ref_id=ref, ref_type=refType, offset=offset or 0, limit=limit)
    return [record(row) for row in rows]


@query_type.field("entryRequest")
def resolve_entry_request(_obj: Any, info: Any, id: Any) -> Any:
    """One entry request."""
    require(info, "entry_request.can_access_logbook")
    return record(gate_store.find_request(to_id(id, "Entry request")))


@mutation.field("activityLogAdd")
def resolve_activity_log_add(
    _obj: Any, info: Any, userId: Any, timestamp: str | None = None, digital: bool | None = None, **_ignored: Any
) -> dict[str, Any]:
    """Log This Entry: the scanned person's entry ("success"), or "denied" for a deactivated person."""
    user = require(info, "activity_log.can_add_activity_log")
    person = find_person(to_id(userId, "User"))
    if person is None:
        raise GraphQLError("User not found")
    try:
        status, event_id = gate_store.log_scan(person, user["id"], timestamp, bool(digital))
    except GateError as exc:
        raise _refuse(exc) from None
    return {
        "status": status,
        "user": record(person),
        "eventLog": record(gate_store.find_event(event_id)) if event_id else None,
    }


@mutation.field("entryRequestCreate")
def resolve_entry_request_create(_obj: Any, info: Any, name: str, **fields: Any) -> dict[str, Any]:
    """A visitor at the gate, checked like the manual entry form (its required fields and limits)."""
    user = require(info, "entry_request.can_create_entry_request")
    # The platform's API needs only a name; the form's other required fields are the form's rule.
    values, errors = check_entry(
        {**{k: v for k, v in fields.items() if isinstance(v, str)}, "name": name}, required=("name",)
    )
    if errors:
        field, message = next(iter(errors.items()))
        raise GraphQLError(message or f"{field} is Required")
    return {"entryRequest": record(gate_store.find_request(gate_store.create_request(values, user["id"])))}


def _decide(info: Any, id: Any, granted: bool) -> Any:
    user = require(info, "entry_request.can_grant_entry" if granted else "entry_request.can_deny_entry")
    refusal = invites.grant_refusal(to_id(id, "Entry request")) if granted else None
    if refusal:
        raise GraphQLError(refusal)  # an invited guest is let in only while their invitation holds
    try:
        return record(gate_store.decide(to_id(id, "Entry request"), user["id"], granted))
    except GateError as exc:
        raise _refuse(exc) from None


@mutation.field("entryRequestGrant")
def resolve_entry_request_grant(_obj: Any, info: Any, id: Any) -> dict[str, Any]:
    """Let the visitor in: the logbook shows "Granted Access"."""
    return {"entryRequest": _decide(info, id, True), "status": "success"}


@mutation.field("entryRequestDeny")
def resolve_entry_request_deny(_obj: Any, info: Any, id: Any) -> dict[str, Any]:
    """Turn the visitor away: the logbook shows the denial."""
    return {"entryRequest": _decide(info, id, False)}


@mutation.field("entryRequestNote")
def resolve_entry_request_note(
    _obj: Any, info: Any, id: Any = None, note: str | None = None, **_ignored: Any
) -> dict[str, Any]:
    """An observation about an entry request (or a general one without an id)."""
    user = require(info, "entry_request.can_add_entry_request_note")
    try:
        event_id = gate_store.add_note(to_id(id, "Entry request") if id not in (None, "") else None, user["id"], note)
    except GateError as exc:
        raise _refuse(exc) from None
    return {"event": record(gate_store.find_event(event_id))}

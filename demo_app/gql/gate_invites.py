"""Registered guests over GraphQL: invitationCreate, invitationUpdate, myGuests, scheduledRequests."""

from __future__ import annotations

from typing import Any

from ariadne import MutationType, ObjectType, QueryType
from graphql import GraphQLError

from .. import clock, gate_store, invites
from ..gate_rules import GateError, plan_visit
from ..people import find as find_person
from .common import record, require, to_id

SDL = """
type Invite { id: ID!, status: String, host: User, guest: User, entryTime: EntryTime }
type InvitationCreatePayload { success: Boolean }
type InvitationUpdatePayload { success: Boolean }
extend type Query {
  myGuests(query: String): [Invite!]
  scheduledRequests(offset: Int, limit: Int, query: String): [EntryRequest!]
}
extend type Mutation {
  invitationCreate(visitationDate: String!, startsAt: String, endsAt: String, occursOn: [String!],
                   visitEndDate: String, userIds: [String!], guests: [JSON!]): InvitationCreatePayload
  invitationUpdate(inviteId: ID!, visitationDate: String, startsAt: String, endsAt: String, occursOn: [String!],
                   visitEndDate: String, status: String): InvitationUpdatePayload
}
"""
query_type, mutation, invite_type = QueryType(), MutationType(), ObjectType("Invite")
BINDABLES = [query_type, mutation, invite_type]


@invite_type.field("host")
def _host(row: Any, _info: Any) -> Any:
    return record(find_person(row["host_id"]))


@invite_type.field("guest")
def _guest(row: Any, _info: Any) -> Any:
    return record(find_person(row["guest_id"]))


@invite_type.field("entryTime")
def _entry_time(row: Any, _info: Any) -> dict[str, Any]:
    return entry_time(row)


def entry_time_of_request(request_id: Any) -> dict[str, Any] | None:
    """The EntryTime of the invitation an entry request belongs to (None for other requests)."""
    found = invites.of_request(request_id)
    return entry_time(found) if found is not None else None


def entry_time(row: Any) -> dict[str, Any]:
    """An invitation's visit as the platform's EntryTime: instants, the visit's first and last days (community
    dates, served as their midnights), weekday names."""
    visit = invites.visit_of(row)
    return {
        "visitationDate": clock.local(visit.starts_at).date(),
        "startsAt": visit.starts_at,
        "endsAt": visit.ends_at,
        "occursOn": list(visit.occurs_on),
        "visitEndDate": clock.local(visit.visit_end_date).date() if visit.visit_end_date else None,
    }


def _visit(visitationDate: Any, startsAt: Any, endsAt: Any, occursOn: Any, visitEndDate: Any) -> Any:
    return plan_visit(
        visitationDate, startsAt, endsAt, occursOn or [], visitEndDate, clock.community_tz(), clock.today_local()
    )


@query_type.field("myGuests")
def resolve_my_guests(_obj: Any, info: Any, query: str | None = None) -> list[Any]:
    """The caller's invitations, each with its validity now ("Valid" / "Invalid now" …)."""
    user = require(info, "entry_request.can_access_guest_list")
    return invites.my_guests(user["id"], query or "")


@query_type.field("scheduledRequests")
def resolve_scheduled(
    _obj: Any, info: Any, offset: int | None = None, limit: int | None = None, query: str | None = None
) -> list[Any]:
    """The entry requests of every active invitation (the Invitations page), most recently changed first."""
    require(info, "entry_request.can_view_entry_requests")
    cards = invites.scheduled(query or "", offset or 0, limit or 20)
    return [record(gate_store.find_request(c["entry_request_id"])) for c in cards]


@mutation.field("invitationCreate")
def resolve_invitation_create(
    _obj: Any,
    info: Any,
    visitationDate: str,
    startsAt: str | None = None,
    endsAt: str | None = None,
    occursOn: list[str] | None = None,
    visitEndDate: str | None = None,
    userIds: list[str] | None = None,
    guests: list[Any] | None = None,
) -> dict[str, Any]:
    """Invite guests for a visit in community time (new guests become visitors)."""
    user = require(info, "entry_request.can_invite_guest")
    try:
        visit = _visit(visitationDate, startsAt, endsAt, occursOn, visitEndDate)
        invites.invite(user["id"], visit, guests or [], userIds or [])
    except GateError as exc:
        raise GraphQLError(str(exc)) from None
    return {"success": True}


@mutation.field("invitationUpdate")
def resolve_invitation_update(
    _obj: Any, info: Any, inviteId: Any, status: str | None = None, **when: Any
) -> dict[str, Any]:
    """Change an invitation's visit, or cancel / re-activate it."""
    user = require(info, "entry_request.can_update_invitation")
    try:
        visit = None
        if any(when.get(key) is not None for key in ("visitationDate", "startsAt", "endsAt")):
            visit = _visit(
                when.get("visitationDate"),
                when.get("startsAt"),
                when.get("endsAt"),
                when.get("occursOn"),
                when.get("visitEndDate"),
            )
        invites.update(to_id(inviteId, "Invitation"), user, visit, status)
    except GateError as exc:
        raise GraphQLError(str(exc)) from None
    return {"success": True}

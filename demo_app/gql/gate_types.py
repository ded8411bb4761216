"""The gate's GraphQL types: EntryTime, EntryRequest (a visitor or guest at the gate) and EventLog (an entry or
observation in the logbook), with the field resolvers that read them from the gate's rows.

The queries, mutations and payloads are in gate.py; invitations (Invite) in gate_invites.py.
"""

from __future__ import annotations

from typing import Any

from ariadne import ObjectType

from .. import gate_store
from ..people import find as find_person
from . import gate_invites
from .common import record

TYPES_SDL = """
type EntryTime {
  visitationDate: ISO8601DateTime, startsAt: ISO8601DateTime, endsAt: ISO8601DateTime, occursOn: [String!],
  visitEndDate: ISO8601DateTime
}
type EntryRequest {
  id: ID!, name: String, email: String, nrc: String, phoneNumber: String, vehiclePlate: String,
  companyName: String, reason: String, otherReason: String, status: String,
  grantedState: Int, grantedAt: ISO8601DateTime, createdAt: ISO8601DateTime!, isGuest: Boolean,
  user: User!, grantor: User, guest: User, closestEntryTime: EntryTime
}
type EventLog {
  id: ID!, subject: String, refId: ID, refType: String, createdAt: ISO8601DateTime!, data: JSON,
  actingUser: User, entryRequest: EntryRequest
}
"""
request_type, event_type = ObjectType("EntryRequest"), ObjectType("EventLog")
TYPE_BINDABLES = [request_type, event_type]


@request_type.field("phoneNumber")
def _phone(row: Any, _info: Any) -> Any:
    return row["phone_number"]


@request_type.field("vehiclePlate")
def _vehicle(row: Any, _info: Any) -> Any:
    return row["vehicle_plate"]


@request_type.field("companyName")
def _company(row: Any, _info: Any) -> Any:
    return row["company_name"]


@request_type.field("otherReason")
def _other(row: Any, _info: Any) -> Any:
    return row["other_reason"]


@request_type.field("grantedState")
def _granted_state(row: Any, _info: Any) -> Any:
    return row["granted_state"]


@request_type.field("grantedAt")
def _granted_at(row: Any, _info: Any) -> Any:
    return row["granted_at"]


@request_type.field("createdAt")
def _request_created(row: Any, _info: Any) -> Any:
    return row["created_at"]


@request_type.field("isGuest")
def _is_guest(row: Any, _info: Any) -> bool:
    return row["source"] == "invitation"


@request_type.field("user")
def _request_user(row: Any, _info: Any) -> Any:
    return record(find_person(row["user_id"]))


@request_type.field("grantor")
def _grantor(row: Any, _info: Any) -> Any:
    return record(find_person(row["grantor_id"])) if row["grantor_id"] else None


@request_type.field("guest")
def _guest(row: Any, _info: Any) -> Any:
    return record(find_person(row["guest_id"])) if row["guest_id"] else None


@request_type.field("closestEntryTime")
def _closest(row: Any, _info: Any) -> Any:
    """The visit of the guest's invitation (null for a visitor recorded at the gate)."""
    return gate_invites.entry_time_of_request(row["id"])


@event_type.field("refId")
def _ref_id(row: Any, _info: Any) -> Any:
    return row["ref_id"]


@event_type.field("refType")
def _ref_type(row: Any, _info: Any) -> Any:
    return row["ref_type"]


@event_type.field("createdAt")
def _event_created(row: Any, _info: Any) -> Any:
    return row["created_at"]


@event_type.field("data")
def _event_data(row: Any, _info: Any) -> dict[str, Any]:
    """The platform's `data` JSON: ref_name, note, action, and for scans digital and timestamp."""
    data = {key: row[key] for key in ("ref_name", "note", "action") if row[key] is not None}
    if row["subject"] == "user_entry":
        data["digital"] = bool(row["digital"])
        data["timestamp"] = str(row["qr_timestamp"]) if row["qr_timestamp"] is not None else None
    return data


@event_type.field("actingUser")
def _acting(row: Any, _info: Any) -> Any:
    return record(find_person(row["acting_user_id"]))


@event_type.field("entryRequest")
def _event_request(row: Any, _info: Any) -> Any:
    if row["ref_type"] != "Logs::EntryRequest":
        return None
    return record(gate_store.find_request(row["ref_id"]))

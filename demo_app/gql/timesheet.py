"""Time card operations: manageShift, timeSheetLogs, userTimeSheetLogs, userLastShift (modules/TimeCard).

Names, arguments and result shapes are the platform's (mutations.tsv, TimeCard/graphql/*.js,
Types::TimeSheetType); times are the platform's ISO8601DateTime (community time with its offset).
"""

from __future__ import annotations

import re
from datetime import date, datetime, time, timedelta
from email.utils import parsedate_to_datetime
from typing import Any

from ariadne import MutationType, ObjectType, QueryType
from graphql import GraphQLError

from .. import clock, people, shifts
from ..access import can
from .common import UNAUTHORIZED, caller, record, require, to_id

SDL = """
type TimeSheet {
  id: ID!
  user: User!
  userId: ID!
  createdAt: ISO8601DateTime!
  startedAt: ISO8601DateTime
  endedAt: ISO8601DateTime
}
type ManageShiftPayload { timeSheet: TimeSheet }
extend type Query {
  timeSheetLogs(limit: Int, offset: Int): [TimeSheet!]
  userTimeSheetLogs(userId: ID!, limit: Int, offset: Int, dateFrom: String, dateTo: String!): [TimeSheet!]
  userLastShift(userId: ID!): TimeSheet
}
extend type Mutation {
  manageShift(userId: ID!, eventTag: String!): ManageShiftPayload
}
"""
query_type, mutation, time_sheet = QueryType(), MutationType(), ObjectType("TimeSheet")
BINDABLES = [query_type, mutation, time_sheet]
MAX_LIST = {"timeSheetLogs": 100, "userTimeSheetLogs": 300}
MAX_OFFSET = 1_000_000
MAX_DATE_TEXT = 64
ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}", re.ASCII)
# The query window's bounds: wide enough for any real time sheet, clear of the calendar's ends.
EARLIEST, LATEST = date(1900, 1, 1), date(9998, 12, 31)


@time_sheet.field("user")
def _user(shift: Any, _info: Any) -> Any:
    return record(people.find(shift["user_id"]))


@time_sheet.field("userId")
def _user_id(shift: Any, _info: Any) -> Any:
    return shift["user_id"]


@time_sheet.field("startedAt")
@time_sheet.field("createdAt")
def _started_at(shift: Any, _info: Any) -> Any:
    return shift["started_at"]


@time_sheet.field("endedAt")
def _ended_at(shift: Any, _info: Any) -> Any:
    return shift["ended_at"]


def _person_id(value: Any) -> int:
    """An ID argument naming a person: ASCII digits only (int() would also read "٥" as 5)."""
    if not str(value).strip().isascii():
        raise GraphQLError("User not found")
    return to_id(value, "User")


def _page(limit: int | None, offset: int | None, largest: int) -> tuple[int, int]:
    """A list's limit and offset kept within what the API serves."""
    return max(1, min(largest if limit is None else limit, largest)), max(0, min(offset or 0, MAX_OFFSET))


def parse_bound(text: str | None, name: str, *, end: bool) -> datetime:
    """A window bound: a community day (YYYY-MM-DD; an end day is included whole), an ISO date-time
    (without offset: community time) or the RFC 2822 form the platform's client sends (toUTCString)."""
    text = (text or "").strip()
    moment: datetime | None = None
    if len(text) <= MAX_DATE_TEXT and text.isascii():
        try:
            if ISO_DAY.fullmatch(text):
                day = date.fromisoformat(text)
                if EARLIEST <= day <= LATEST:
                    moment = clock.combine_local(day + timedelta(days=1) if end else day, time.min)
            elif re.fullmatch(r"\d{4}-\d{2}-\d{2}[T ][0-9:.]+([+-]\d{2}:?\d{2}|Z)?", text):
                moment = datetime.fromisoformat(text)
            elif text:
                moment = parsedate_to_datetime(text)
        except (TypeError, ValueError, IndexError, OverflowError):
            moment = None
    if moment is None or not EARLIEST <= moment.date() <= LATEST:
        raise GraphQLError(f"{name} is not a date: give YYYY-MM-DD or an ISO 8601 date and time")
    return moment if moment.tzinfo else moment.replace(tzinfo=clock.community_tz())


@query_type.field("timeSheetLogs")
def resolve_time_sheet_logs(_obj: Any, info: Any, limit: int | None = None, offset: int | None = None) -> list[Any]:
    """The Time Card: each worker's latest shift, the most recent first."""
    require(info, "timesheet.can_fetch_time_sheet_logs")
    return [record(r) for r in shifts.latest_per_worker(*_page(limit, offset, MAX_LIST["timeSheetLogs"]))]


@query_type.field("userTimeSheetLogs")
def resolve_user_time_sheet_logs(
    _obj: Any,
    info: Any,
    userId: str,
    dateTo: str,
    dateFrom: str | None = None,
    limit: int | None = None,
    offset: int | None = None,
) -> list[Any]:
    """A worker's shifts that started in [dateFrom, dateTo), newest first (dateFrom: the month's start).

    Admins and custodians may ask for anyone; everyone else for themselves only.
    """
    user = caller(info)
    if str(userId) != str(user["id"]) and not can("timesheet.can_fetch_user_time_sheet_logs", user):
        raise GraphQLError(UNAUTHORIZED)  # the platform's rule, checked before the person is looked up
    wanted = _person_id(userId)
    if wanted != user["id"] and not can("timesheet.can_access_all_timesheets", user):
        return []  # a guard asking about someone else: the platform answers with the guard's own, never theirs
    person = people.find(wanted)
    if person is None:
        raise GraphQLError("User not found")
    upper = parse_bound(dateTo, "dateTo", end=True)
    lower = (
        parse_bound(dateFrom, "dateFrom", end=False)
        if dateFrom
        else clock.combine_local(clock.today_local().replace(day=1), time.min)
    )
    rows = shifts.between(person["id"], lower, upper, *_page(limit, offset, MAX_LIST["userTimeSheetLogs"]))
    return [record(r) for r in rows]


@query_type.field("userLastShift")
def resolve_user_last_shift(_obj: Any, info: Any, userId: str) -> Any:
    """A worker's newest shift (the profile's shift buttons read whether it is still running)."""
    require(info, "timesheet.can_fetch_user_last_shift")
    person = people.find(_person_id(userId))
    if person is None:
        raise GraphQLError("User not found")
    return record(shifts.latest(person["id"]))


@mutation.field("manageShift")
def resolve_manage_shift(_obj: Any, info: Any, userId: str, eventTag: str) -> dict[str, Any] | None:
    """Start ("shift_start") or end ("shift_end") a worker's shift now. Ending when no shift is in
    progress ends nothing and answers null, as the platform does (its page says so before asking)."""
    user = require(info, "timesheet.can_manage_shift")
    try:
        shift = shifts.manage(people.find(_person_id(userId)), user["id"], eventTag)
    except shifts.NothingToEnd:
        return None
    except shifts.ShiftError as exc:
        raise GraphQLError(str(exc)) from None
    return {"timeSheet": record(shift)}

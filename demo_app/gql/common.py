"""What every area's resolvers share: who is calling, permission checks, argument checks."""

from __future__ import annotations

from typing import Any, TypeVar

from graphql import GraphQLError

from ..access import can

UNAUTHORIZED = "Unauthorized"
T = TypeVar("T")


def caller(info: Any) -> Any:
    """The logged-in person calling, or an Unauthorized error."""
    user = info.context.get("user")
    if user is None:
        raise GraphQLError(UNAUTHORIZED)
    return user


def require(info: Any, *rules: str) -> Any:
    """The caller, holding every rule ('module.permission' as in mutations.tsv); else Unauthorized."""
    user = caller(info)
    if not all(can(rule, user) for rule in rules):
        raise GraphQLError(UNAUTHORIZED)
    return user


def to_id(value: Any, what: str = "record") -> int:
    """An ID argument as a database id; a GraphQL error for anything that cannot be one."""
    text = str(value)
    if not (text.isascii() and text.isdigit()):  # int() would read "٥" as 5
        raise GraphQLError(f"{what} not found")
    number = int(text)
    if not 0 < number < 2**63:
        raise GraphQLError(f"{what} not found")
    return number


def record(row: Any) -> dict[str, Any] | None:
    """A database row as the mapping ariadne's default resolvers read (None stays None)."""
    return dict(row) if row is not None else None


def refuse(message: str) -> GraphQLError:
    """A refusal with the platform's message."""
    return GraphQLError(message)


def found(value: T | None, message: str) -> T:
    """A record the resolver must have (one this request has just written): an error `message` if missing."""
    if value is None:
        raise GraphQLError(message)
    return value

"""Logging in and people: loginUsernamePassword, currentUser, userCreate, adminResetPassword, …"""

from __future__ import annotations

from typing import Any

from ariadne import MutationType, ObjectType, QueryType
from graphql import GraphQLError

from .. import login_limits
from .. import people as store
from ..access import can
from ..auth import SETUP, bearer_token_of, token_for, user_for_token
from ..db import query
from .common import UNAUTHORIZED, caller, record, require, to_id

MUST_LOG_IN = "Must be logged in to perform this action"  # the platform's words for currentUser

SDL = """
type User {
  id: ID!
  name: String!
  username: String
  email: String
  phoneNumber: String
  userType: String
  state: String
  status: String
  hasResetPassword: Boolean!
  extRefId: String
}
type LoginUsernamePasswordPayload { authToken: String, user: User }
type LoginSwitchUserPayload { authToken: String }
type LoginPhoneStartPayload { user: User, errors: String! }
type LoginEmailPayload { user: User, errors: String! }
type AdminResetPasswordPayload { username: String, password: String }
type ResetPasswordPayload { success: Boolean }
type ResetPasswordAfterLoginPayload { authToken: String }
type CreatePayload { user: User }
type UpdatePayload { user: User }
extend type Query {
  currentUser: User
  user(id: ID!): User
  userSearch(query: String, limit: Int, offset: Int): [User!]
}
extend type Mutation {
  loginUsernamePassword(username: String!, password: String!): LoginUsernamePasswordPayload
  loginEmail(email: String): LoginEmailPayload
  loginPhoneStart(phoneNumber: String): LoginPhoneStartPayload
  loginSwitchUser(id: ID!): LoginSwitchUserPayload
  adminResetPassword(userId: ID!): AdminResetPasswordPayload
  resetPassword(email: String!): ResetPasswordPayload
  resetPasswordAfterLogin(password: String!, userId: ID!): ResetPasswordAfterLoginPayload
  userCreate(name: String!, email: String, phoneNumber: String!, address: String, userType: String!,
             state: String, requestReason: String, vehicle: String, avatarBlobId: String,
             documentBlobId: String, subStatus: String, secondaryInfo: JSON, extRefId: String): CreatePayload
  userUpdate(id: ID!, name: String!, email: String, phoneNumber: String, userType: String, state: String,
             status: String, subStatus: String, extRefId: String): UpdatePayload
}
"""
query_type, mutation, user_type = QueryType(), MutationType(), ObjectType("User")
BINDABLES = [query_type, mutation, user_type]
WRONG_LOGIN = "Wrong username or password"


@user_type.field("phoneNumber")
def _phone(person: Any, _info: Any) -> Any:
    return person["phone"]


@user_type.field("userType")
def _user_type(person: Any, _info: Any) -> Any:
    return person["role"]


@user_type.field("hasResetPassword")
def _has_reset(person: Any, _info: Any) -> bool:
    return bool(person["has_reset_password"])


@user_type.field("extRefId")
def _ext_ref(person: Any, _info: Any) -> Any:
    return person["ext_ref_id"]


@query_type.field("currentUser")
def resolve_current_user(_obj: Any, info: Any) -> Any:
    """The person the bearer token names; without a valid token, the platform's refusal."""
    user = info.context.get("user")
    if user is None:
        raise GraphQLError(MUST_LOG_IN)
    return record(user)


@query_type.field("user")
def resolve_user(_obj: Any, info: Any, id: str) -> Any:
    """One person, for staff who may look people up."""
    require(info, "user.can_view_guests")
    return record(store.find(to_id(id, "User")))


@query_type.field("userSearch")
def resolve_user_search(
    _obj: Any, info: Any, query: str | None = None, limit: int | None = None, offset: int | None = None
) -> list[Any]:
    """People whose name, email or phone contains the query: anyone logged in may search, as on the
    platform, but only staff who look people up find everyone; others find the admins and themselves
    (the platform's Users::User.allowed_users for a client)."""
    user = caller(info)
    like = f"%{(query or '').strip().lower()[:100]}%"
    limit = max(1, min(limit or 50, 100))
    offset = max(0, min(offset or 0, 10_000))
    everyone = can("user.can_view_guests", user)
    return [record(r) for r in _search(like, limit, offset, None if everyone else int(user["id"]))]


def _search(like: str, limit: int, offset: int, only_admins_and: int | None) -> Any:
    seen = "" if only_admins_and is None else " AND (role = 'admin' OR id = ?)"
    return query(
        "SELECT * FROM users WHERE (lower(name) LIKE ? OR lower(coalesce(email, '')) LIKE ?"
        f" OR coalesce(phone, '') LIKE ?){seen} ORDER BY name LIMIT ? OFFSET ?",
        (like, like, like, *(() if only_admins_and is None else (only_admins_and,)), limit, offset),
    )


@mutation.field("loginUsernamePassword")
def resolve_login(_obj: Any, info: Any, username: str, password: str) -> dict[str, Any]:
    """A token for the right username and password; one message for every wrong combination; wrong
    passwords limited per account and address. A person whose password an admin reset gets a token
    good only for setting their own (the Set Password screen)."""
    account, address = username.strip().lower(), _address(info)
    limit = login_limits.limits()
    refusal = limit.refusal(account, address)
    if refusal:
        raise GraphQLError(refusal)
    person = store.by_username(username.strip())
    if person is None or not store.password_ok(person, password) or person["status"] != "active":
        limit.failed(account, address)
        raise GraphQLError(WRONG_LOGIN)
    limit.succeeded(account)
    purpose = "" if person["has_reset_password"] else SETUP
    return {"authToken": token_for(person["id"], purpose), "user": record(person)}


def _address(info: Any) -> str:
    request = info.context.get("request")
    return str(getattr(request, "remote_addr", "") or "unknown")


@mutation.field("loginEmail")
def resolve_login_email(_obj: Any, _info: Any, email: str | None = None) -> dict[str, Any]:
    """A one-time login link by email (the reference app sends no mail). The answer is the same whether
    the address is known or not, and names nobody: an anonymous caller learns nothing about a person
    (the platform answers a known address with the person, an unknown one with an error)."""
    return {"user": None, "errors": ""}


@mutation.field("resetPassword")
def resolve_reset_password(_obj: Any, _info: Any, email: str) -> dict[str, Any]:
    """ "Reset password?" on the login screen, for someone who cannot log in: a link to set a new password
    would be e-mailed (the reference app sends no mail). Nothing changes until the person follows it, and the
    answer is the same for every address: nobody locks another person out or learns who has an account (the
    platform sets a new password and username at once, and says when an address is unknown)."""
    return {"success": True}


@mutation.field("loginPhoneStart")
def resolve_login_phone(_obj: Any, _info: Any, phoneNumber: str | None = None) -> dict[str, Any]:
    """The phone login needs an SMS gateway, which the reference app does not have."""
    raise GraphQLError("Phone login is not available on the reference app; use username and password")


@mutation.field("loginSwitchUser")
def resolve_switch_user(_obj: Any, info: Any, id: str) -> dict[str, Any]:
    """A guard switches to another guard of the post (guard home's select)."""
    user = caller(info)
    other = store.find(to_id(id, "User"))
    if (
        user["role"] not in ("security_guard", "security_supervisor")
        or other is None
        or other["role"] not in ("security_guard", "security_supervisor")
        or other["status"] != "active"
    ):
        raise GraphQLError("Unauthorized")
    return {"authToken": token_for(other["id"])}


@mutation.field("adminResetPassword")
def resolve_admin_reset(_obj: Any, info: Any, userId: str) -> dict[str, Any]:
    """A fresh password for a person; they must set their own at their next login."""
    require(info, "user.can_reset_user_password")
    try:
        username, password = store.reset_password(to_id(userId, "User"))
    except store.PersonError as exc:
        raise GraphQLError(str(exc)) from None
    return {"username": username, "password": password}


def may_set_password(info: Any, user_id: str) -> None:
    """Unauthorized unless the caller is the person themselves (the token of their login: a set-password
    one, or their own) or someone allowed to reset passwords (user.can_reset_user_password). Checked before
    anything about the person is looked up: a refused caller learns nothing, not even whether they exist."""
    caller_person = info.context.get("user")
    if caller_person is not None and can("user.can_reset_user_password", caller_person):
        return
    themselves = user_for_token(bearer_token_of(info.context.get("request")), SETUP) or caller_person
    if themselves is None or str(themselves["id"]) != str(user_id):
        raise GraphQLError(UNAUTHORIZED)


@mutation.field("resetPasswordAfterLogin")
def resolve_reset_after_login(_obj: Any, info: Any, password: str, userId: str) -> dict[str, Any]:
    """The person's own new password (Set Password screen); a token to go on with. Only that person may, or
    someone allowed to reset passwords: the platform lets anyone set anyone's password here."""
    may_set_password(info, userId)
    user_id = to_id(userId, "User")
    try:
        store.set_own_password(user_id, password)
    except store.PersonError as exc:
        raise GraphQLError(str(exc)) from None
    return {"authToken": token_for(user_id)}


@mutation.field("userCreate")
def resolve_user_create(
    _obj: Any,
    info: Any,
    name: str,
    phoneNumber: str,
    userType: str,
    email: str | None = None,
    state: str | None = None,
    extRefId: str | None = None,
    **_ignored: Any,
) -> dict[str, Any]:
    """A new person; any logged-in user may, but only admins choose type, state, phone and email."""
    user = caller(info)
    admin = user["role"] == "admin"
    try:
        new_id = store.create(
            name,
            userType if admin else "visitor",
            phone=phoneNumber if admin else None,
            email=email if admin else None,
            state=(state or "pending") if admin else "pending",
            ext_ref_id=extRefId,
        )
    except store.PersonError as exc:
        raise GraphQLError(str(exc)) from None
    return {"user": record(store.find(new_id))}


@mutation.field("userUpdate")
def resolve_user_update(
    _obj: Any, info: Any, id: str, name: str, status: str | None = None, state: str | None = None, **_ignored: Any
) -> dict[str, Any]:
    """Change a person's name, status (active / deactivated) and state (user.can_update_user_details)."""
    require(info, "user.can_update_user_details")
    user_id = to_id(id, "User")
    try:
        store.update(user_id, name, status=status, state=state)
    except store.PersonError as exc:
        raise GraphQLError(str(exc)) from None
    return {"user": record(store.find(user_id))}

"""The platform's own GraphQL API (`POST /graphql`, `Authorization: Bearer`), for logging in and data set-up.

The same calls prepare data on the reference app and on staging: the operations, arguments and
result shapes are the platform's (mutations.tsv, flows.md §11). Steps reach it through a persona's
session (`context.cast.api_as("admin")`), never with raw HTTP of their own.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import requests

LOGIN = """mutation loginUsernamePassword($username: String!, $password: String!) {
  loginUsernamePassword(username: $username, password: $password) { authToken user { id hasResetPassword } }
}"""
TIMEOUT_SECONDS = 20


class PlatformApiError(AssertionError):
    """The platform refused or failed a call; the message names the operation and the platform's words.

    `errors` holds the GraphQL errors as the platform sent them (an error with a `path` came from running
    the operation, one without from reading the request), `status` the HTTP status (0: no answer).
    """

    def __init__(self, message: str, errors: tuple[dict[str, Any], ...] = (), status: int = 0) -> None:
        super().__init__(message)
        self.errors, self.status = errors, status


@dataclass
class PlatformApi:
    """An HTTP client of one deployment's GraphQL endpoint."""

    base_url: str
    timeout: float = TIMEOUT_SECONDS
    http: requests.Session = field(default_factory=requests.Session, repr=False)

    def execute(self, document: str, variables: dict[str, Any] | None = None, *, token: str | None = None) -> Any:
        """Run one operation; its `data`, or PlatformApiError with the GraphQL errors."""
        operation = _operation_name(document)
        headers = {"Content-Type": "application/json"}
        if token:
            headers["Authorization"] = f"Bearer {token}"
        try:
            answer = self.http.post(
                f"{self.base_url.rstrip('/')}/graphql",
                json={"query": document, "variables": variables or {}},
                headers=headers,
                timeout=self.timeout,
                allow_redirects=False,
            )
        except requests.RequestException as exc:
            raise PlatformApiError(f"{operation}: the platform did not answer ({type(exc).__name__})") from None
        try:
            payload = answer.json()
        except ValueError:
            raise PlatformApiError(
                f"{operation}: HTTP {answer.status_code}, not a GraphQL answer", status=answer.status_code
            ) from None
        errors = payload.get("errors") if isinstance(payload, dict) else None
        if errors:
            messages = "; ".join(str(e.get("message", e)) for e in errors if isinstance(e, dict))
            raise PlatformApiError(
                f"{operation}: {messages.removeprefix('GraphQL error: ')}",
                tuple(e for e in errors if isinstance(e, dict)),
                answer.status_code,
            )
        if answer.status_code >= 400 or not isinstance(payload, dict) or "data" not in payload:
            raise PlatformApiError(f"{operation}: HTTP {answer.status_code}", status=answer.status_code)
        return payload["data"]

    def login(self, username: str, password: str) -> ApiSession:
        """A session from loginUsernamePassword (the token the platform's app keeps in localStorage)."""
        answer = self.execute(LOGIN, {"username": username, "password": password})["loginUsernamePassword"]
        user = answer.get("user") or {}
        if user.get("hasResetPassword") is False:
            raise PlatformApiError(f"{username} must set a new password before logging in (Set Password screen)")
        return ApiSession(self, answer["authToken"], str(user.get("id", "")))


@dataclass
class ApiSession:
    """The API as one logged-in person."""

    api: PlatformApi
    token: str = field(repr=False)
    user_id: str

    def call(self, document: str, variables: dict[str, Any] | None = None) -> Any:
        """Run one operation as this person."""
        return self.api.execute(document, variables, token=self.token)


def _operation_name(document: str) -> str:
    """The first field of an operation, for messages: 'transactionCreate'."""
    body = document.split("{", 1)[1] if "{" in document else document
    return body.strip().split("(", 1)[0].split("{", 1)[0].split()[0] if body.strip() else "GraphQL"

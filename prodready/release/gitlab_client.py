"""The one place a python-gitlab client is made, and where its failures become ReleaseErrors."""

from __future__ import annotations

import time
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from typing import Any

import gitlab
import requests
from gitlab.const import RETRYABLE_TRANSIENT_ERROR_CODES
from gitlab.v4.objects import Project

from prodready.release.errors import ConfigError, GitLabError, NotFoundError
from prodready.release.http import (
    DEADLINE_HINT,
    CrossOriginRedirect,
    Deadline,
    DeadlineExceeded,
    GuardedSession,
)
from prodready.release.settings import TOKEN_ENV, ReleaseSettings
from prodready.release.urls import masked, show_origin

PER_PAGE = 100  # GitLab's maximum page size: fewer round trips; pagination still follows Link.
# What python-gitlab retries when asked to: a dropped connection, a cut body, a timeout.
TRANSIENT_ERRORS = (
    requests.exceptions.ConnectionError,
    requests.exceptions.ChunkedEncodingError,
    requests.exceptions.Timeout,
)


class _Gitlab(gitlab.Gitlab):
    """python-gitlab's client whose retries (5xx, 429, timeouts) are ours, under the deadline.

    python-gitlab would sleep out any `Retry-After` and back off for as many retries as asked;
    here every wait goes through the Deadline, and the retry budget comes from the settings.
    """

    def __init__(self, *args: Any, max_retries: int, session: GuardedSession, **kwargs: Any) -> None:
        super().__init__(*args, session=session, **kwargs)
        self._prodready_max_retries = max_retries
        self._prodready_session = session

    def http_request(self, verb: str, path: str, *args: Any, **kwargs: Any) -> requests.Response:
        """One call to GitLab, retried on transient failures while the deadline allows."""
        deadline = self._prodready_session.deadline
        attempt = 0
        while True:
            deadline.check()
            try:
                # python-gitlab itself neither retries nor sleeps: this loop does both.
                return super().http_request(
                    verb,
                    path,
                    *args,
                    **{**kwargs, "retry_transient_errors": False, "obey_rate_limit": False, "max_retries": 0},
                )
            except TRANSIENT_ERRORS as exc:
                if deadline.expired():  # the timeout was the deadline's, not the setting's
                    raise DeadlineExceeded(deadline) from None
                if attempt >= self._prodready_max_retries:
                    raise
                wait = _backoff(attempt)
                reason = f"failed ({type(exc).__name__}), to be retried in {wait:.1f}s,"
            except gitlab.exceptions.GitlabHttpError as exc:
                if not _retryable(exc.response_code) or attempt >= self._prodready_max_retries:
                    raise
                wait, reason = _wait_asked(self._prodready_session.last_headers, attempt, exc.response_code or 0)
            deadline.sleep(wait, reason)
            attempt += 1


def _retryable(code: int | None) -> bool:
    """Rate limited, or a server error worth another try."""
    return code == 429 or code in RETRYABLE_TRANSIENT_ERROR_CODES


def _backoff(attempt: int) -> float:
    """python-gitlab's exponential back-off: 0.1 s, 0.2 s, 0.4 s…"""
    return 0.1 * 2.0**attempt


def _wait_asked(headers: Mapping[str, str] | None, attempt: int, code: int) -> tuple[float, str]:
    """The wait GitLab asks for (Retry-After, RateLimit-Reset), else the back-off."""
    headers = headers or {}
    retry_after = str(headers.get("Retry-After", "")).strip()
    reset = str(headers.get("RateLimit-Reset", "")).strip()
    if retry_after:
        seconds = _seconds_until(retry_after, attempt)
    elif reset.isdigit():
        seconds = int(reset) - time.time()
    else:
        wait = _backoff(attempt)
        return wait, f"answered HTTP {code}, to be retried in {wait:.1f}s,"
    return seconds, f"asked to wait {seconds:.0f}s before retrying (HTTP {code}),"


def _seconds_until(retry_after: str, attempt: int) -> float:
    """Retry-After in seconds: a number or an HTTP date; the back-off when it is neither."""
    try:
        return float(retry_after)
    except ValueError:
        pass
    try:
        return (parsedate_to_datetime(retry_after) - datetime.now(UTC)).total_seconds()
    except (TypeError, ValueError):
        return _backoff(attempt)


class Connection:
    """A connected GitLab project and the settings it was opened with."""

    def __init__(self, settings: ReleaseSettings, gl: gitlab.Gitlab, project: Project, deadline: Deadline) -> None:
        self.settings = settings
        self.gl = gl
        self.project = project
        self.deadline = deadline  # shared by every request of the command, Slack's included

    @property
    def default_ref(self) -> str:
        """The configured ref, else the project's default branch (none in an empty repository)."""
        ref = self.settings.ref or self.project.attributes.get("default_branch")
        if not ref:
            raise NotFoundError(
                f"project {self.settings.project} has no default branch (empty repository?): pass --ref"
            )
        return str(ref)

    def project_of(self, project_id: int) -> Project:
        """The (lazy) project an issue or merge request lives in; ours when it is ours."""
        if project_id == self.project.id:
            return self.project
        return self.gl.projects.get(project_id, lazy=True)

    def call(self, what: str, *, not_found: str | None = None) -> Any:
        """Shortcut for `gitlab_call` with this connection's settings."""
        return gitlab_call(self.settings, what, not_found=not_found)


def connect(settings: ReleaseSettings, deadline: Deadline | None = None) -> Connection:
    """Open the configured project (one GET: it proves URL, token and project at once).

    The deadline (default: `gitlab_deadline` from now) bounds every request of the connection.
    """
    if not settings.token:
        raise ConfigError(f"{TOKEN_ENV} is not set: export a GitLab access token with api scope")
    deadline = deadline or Deadline(settings.gitlab_deadline)
    session = GuardedSession(deadline, home=settings.gitlab_url)
    gl = _Gitlab(
        settings.gitlab_url,
        private_token=settings.token,
        timeout=settings.gitlab_timeout,
        max_retries=settings.gitlab_retries,
        session=session,
        # Pagination links from a GitLab behind a proxy may name another host: keep ours.
        keep_base_url=True,
    )
    with gitlab_call(
        settings,
        f"opening project {settings.project}",
        not_found=f"project {settings.project!r} not found on {masked(settings.gitlab_url)} (404)",
    ):
        project = gl.projects.get(settings.project)
        if not isinstance(project.id, int):
            raise GitLabError("malformed project answer from GitLab (no numeric id)")
    return Connection(settings, gl, project, session.deadline)


@contextmanager
def gitlab_call(settings: ReleaseSettings, what: str, *, not_found: str | None = None) -> Iterator[None]:
    """Turn every python-gitlab/requests failure inside the block into one clear ReleaseError.

    `what` says what was being done (never a secret). A 404 becomes NotFoundError(`not_found`)
    when the block looks up a thing the user named, else a GitLab error: fail closed either way.
    """
    host = show_origin(settings.gitlab_url)
    try:
        yield
    except gitlab.exceptions.GitlabAuthenticationError:
        raise GitLabError(f"GitLab at {host} rejected the token (401) while {what}: check {TOKEN_ENV}") from None
    except gitlab.exceptions.GitlabError as exc:
        code = exc.response_code
        if code is None:
            raise GitLabError(f"malformed answer from GitLab at {host} while {what}") from None
        if code == 404 and not_found:
            raise NotFoundError(not_found) from None
        if code == 403:
            raise GitLabError(
                f"GitLab at {host} denied access (403) while {what}: "
                f"the token lacks permission (api scope, Maintainer role)"
            ) from None
        detail = _short(exc.error_message)
        if settings.token:  # GitLab's text is quoted: it must never carry the token out
            detail = detail.replace(settings.token, "[redacted]")
        retried = f" after {settings.gitlab_retries} retries" if _retryable(code) else ""
        raise GitLabError(f"GitLab at {host} answered HTTP {code}{retried} while {what}: {detail}") from None
    except requests.exceptions.Timeout:
        raise GitLabError(
            f"GitLab at {host} did not answer within {settings.gitlab_timeout:g}s "
            f"({settings.gitlab_retries} retries) while {what}"
        ) from None
    except requests.exceptions.ConnectionError:
        raise GitLabError(f"cannot reach GitLab at {host} while {what}") from None
    except DeadlineExceeded as exc:
        raise GitLabError(_deadline_message(exc, host, what)) from None
    except CrossOriginRedirect as exc:
        raise GitLabError(
            f"GitLab at {host} redirected to {exc.target} while {what}: refused, the token goes "
            f"only to {host} (set gitlab_url to the address GitLab redirects to)"
        ) from None
    except requests.exceptions.RequestException as exc:
        raise GitLabError(f"request to GitLab at {host} failed while {what}: {type(exc).__name__}") from None
    except (KeyError, IndexError, TypeError, AttributeError, ValueError):
        # A payload without the fields GitLab documents: refuse rather than guess.
        raise GitLabError(f"malformed answer from GitLab at {host} while {what}") from None


def _deadline_message(exc: DeadlineExceeded, host: str, what: str) -> str:
    """Why the command stopped waiting, and the setting that decides how long it waits."""
    limit = f"the {exc.seconds:g}s deadline ({DEADLINE_HINT})"
    if exc.reason:  # e.g. "asked to wait 3600s before retrying (HTTP 429),"
        return f"GitLab at {host} {exc.reason} beyond {limit}, while {what}"
    return f"GitLab at {host} did not finish within {limit} while {what}"


def _short(message: Any) -> str:
    """The first 120 characters of GitLab's error message, on one line."""
    text = message.decode(errors="replace") if isinstance(message, bytes) else str(message)
    text = " ".join(text.split())
    return text[:120] or "no detail"


def json_object(answer: object) -> dict[str, Any]:
    """An answer that must be a JSON object (python-gitlab hands back the raw Response for any other body).

    Call it inside `gitlab_call`: its TypeError becomes the usual "malformed answer" GitLabError."""
    if not isinstance(answer, dict):
        raise TypeError(f"expected a JSON object from GitLab, got {type(answer).__name__}")
    return answer

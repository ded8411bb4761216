"""The one place a python-gitlab client is made, and where its failures become ReleaseErrors."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any
from urllib.parse import urlsplit

import gitlab
import requests
from gitlab.v4.objects import Project

from prodready.release.errors import ConfigError, GitLabError, NotFoundError
from prodready.release.settings import TOKEN_ENV, ReleaseSettings

PER_PAGE = 100  # GitLab's maximum page size: fewer round trips; pagination still follows Link.


class _Gitlab(gitlab.Gitlab):
    """python-gitlab's client with a configurable retry budget.

    `max_retries` is a per-request argument in python-gitlab (default 10, i.e. ~100 s of
    exponential back-off on a dead server); the budget belongs to the configuration instead.
    """

    def __init__(self, *args: Any, max_retries: int, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._prodready_max_retries = max_retries

    def http_request(self, *args: Any, **kwargs: Any) -> requests.Response:
        kwargs.setdefault("max_retries", self._prodready_max_retries)
        return super().http_request(*args, **kwargs)


class Connection:
    """A connected GitLab project and the settings it was opened with."""

    def __init__(self, settings: ReleaseSettings, gl: gitlab.Gitlab, project: Project) -> None:
        self.settings = settings
        self.gl = gl
        self.project = project

    @property
    def default_ref(self) -> str:
        """The configured ref, else the project's default branch (none in an empty repository)."""
        ref = self.settings.ref or self.project.attributes.get("default_branch")
        if not ref:
            raise NotFoundError(f"project {self.settings.project} has no default branch "
                                f"(empty repository?): pass --ref")
        return str(ref)

    def project_of(self, project_id: int) -> Project:
        """The (lazy) project an issue or merge request lives in; ours when it is ours."""
        if project_id == self.project.id:
            return self.project
        return self.gl.projects.get(project_id, lazy=True)

    def call(self, what: str, *, not_found: str | None = None) -> Any:
        """Shortcut for `gitlab_call` with this connection's settings."""
        return gitlab_call(self.settings, what, not_found=not_found)


def connect(settings: ReleaseSettings) -> Connection:
    """Open the configured project (one GET: it proves URL, token and project at once)."""
    if not settings.token:
        raise ConfigError(f"{TOKEN_ENV} is not set: export a GitLab access token with api scope")
    gl = _Gitlab(
        settings.gitlab_url,
        private_token=settings.token,
        timeout=settings.gitlab_timeout,
        retry_transient_errors=True,
        max_retries=settings.gitlab_retries,
        # Pagination links from a GitLab behind a proxy may name another host: keep ours.
        keep_base_url=True,
    )
    with gitlab_call(
        settings,
        f"opening project {settings.project}",
        not_found=f"project {settings.project!r} not found on {settings.gitlab_url} (404)",
    ):
        project = gl.projects.get(settings.project)
        if not isinstance(project.id, int):
            raise GitLabError("malformed project answer from GitLab (no numeric id)")
    return Connection(settings, gl, project)


@contextmanager
def gitlab_call(
    settings: ReleaseSettings, what: str, *, not_found: str | None = None
) -> Iterator[None]:
    """Turn every python-gitlab/requests failure inside the block into one clear ReleaseError.

    `what` says what was being done (never a secret). A 404 becomes NotFoundError(`not_found`)
    when the block looks up a thing the user named, else a GitLab error: fail closed either way.
    """
    host = _host(settings.gitlab_url)
    try:
        yield
    except gitlab.exceptions.GitlabAuthenticationError:
        raise GitLabError(
            f"GitLab at {host} rejected the token (401) while {what}: check {TOKEN_ENV}"
        ) from None
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
        retried = f" after {settings.gitlab_retries} retries" if code >= 500 else ""
        raise GitLabError(
            f"GitLab at {host} answered HTTP {code}{retried} while {what}: {detail}"
        ) from None
    except requests.exceptions.Timeout:
        raise GitLabError(
            f"GitLab at {host} did not answer within {settings.gitlab_timeout:g}s "
            f"({settings.gitlab_retries} retries) while {what}"
        ) from None
    except requests.exceptions.ConnectionError:
        raise GitLabError(f"cannot reach GitLab at {host} while {what}") from None
    except requests.exceptions.RequestException as exc:
        raise GitLabError(f"request to GitLab at {host} failed while {what}: {type(exc).__name__}") from None
    except (KeyError, IndexError, TypeError, AttributeError, ValueError):
        # A payload without the fields GitLab documents: refuse rather than guess.
        raise GitLabError(f"malformed answer from GitLab at {host} while {what}") from None


def _host(url: str) -> str:
    """scheme://host[:port] of a URL: enough to locate the server, nothing more."""
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc.rpartition('@')[2]}"


def _short(message: Any) -> str:
    """The first 120 characters of GitLab's error message, on one line."""
    text = message.decode(errors="replace") if isinstance(message, bytes) else str(message)
    text = " ".join(text.split())
    return text[:120] or "no detail"

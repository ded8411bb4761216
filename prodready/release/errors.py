"""Errors of the release operations, each carrying the CLI exit code it ends in.

They are prodready's expected failures (prodready.core.errors): `ReleaseError` is their base under
the name the release code and its callers use, and `ConfigError` the one configuration error.
"""

from __future__ import annotations

from prodready.core import exit_codes
from prodready.core.errors import ConfigError, ExpectedError

# Every expected failure of a release command (ConfigError included): `except ReleaseError` catches them all.
ReleaseError = ExpectedError

__all__ = ["ConfigError", "DeliveryError", "GitLabError", "NotFoundError", "ReleaseError", "UsageError"]


class UsageError(ConfigError):
    """A command line argparse refused (exit 2); the message never repeats a value typed."""

    one_line = True


class GitLabError(ReleaseError):
    """GitLab or network failure (exit 3): unreachable, 401/403, 5xx, timeout, malformed answer."""

    exit_code = exit_codes.GITLAB


class NotFoundError(ReleaseError):
    """The thing named was not found (exit 4): the project, the schedule, a ref, a deployment."""

    exit_code = exit_codes.NOT_FOUND


class DeliveryError(ReleaseError):
    """A message could not be delivered (exit 3): the Slack webhook failed."""

    exit_code = exit_codes.GITLAB

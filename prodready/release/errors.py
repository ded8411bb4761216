"""Errors of the release operations, each carrying the CLI exit code it ends in."""

from __future__ import annotations


class ReleaseError(Exception):
    """An expected failure: `str(e)` is one secret-free line, `exit_code` the CLI exit code."""

    exit_code: int = 3

    def __init__(self, message: str, *, exit_code: int | None = None) -> None:
        # One line, always: the CLI prints it as is and CI logs grep it.
        super().__init__(" ".join(message.split()))
        if exit_code is not None:
            self.exit_code = exit_code


class ConfigError(ReleaseError):
    """Usage or configuration error (exit 2): a missing variable, a bad value, a missing flag."""

    exit_code = 2


class UsageError(ConfigError):
    """A command line argparse refused (exit 2); the message never repeats a value typed."""


class GitLabError(ReleaseError):
    """GitLab or network failure (exit 3): unreachable, 401/403, 5xx, timeout, malformed answer."""

    exit_code = 3


class NotFoundError(ReleaseError):
    """The thing named was not found (exit 4): the project, the schedule, a ref, a deployment."""

    exit_code = 4


class DeliveryError(ReleaseError):
    """A message could not be delivered (exit 3): the Slack webhook failed."""

    exit_code = 3

"""Errors of the release operations, each carrying the CLI exit code it ends in."""

from __future__ import annotations

from prodready.core import exit_codes
from prodready.core.config import ConfigError as SettingsError


class ReleaseError(Exception):
    """An expected failure: `str(e)` is one secret-free line, `exit_code` the CLI exit code."""

    exit_code: int = exit_codes.GITLAB

    def __init__(self, message: str, *, exit_code: int | None = None) -> None:
        # One line, always: the CLI prints it as is and CI logs grep it.
        super().__init__(" ".join(message.split()))
        if exit_code is not None:
            self.exit_code = exit_code


class ConfigError(ReleaseError, SettingsError):
    """Usage or configuration error (exit 2): a missing variable, a bad value, a missing flag.

    Also prodready's one configuration error (core.config.ConfigError), so either catch finds it.
    """

    exit_code = exit_codes.CONFIG


class UsageError(ConfigError):
    """A command line argparse refused (exit 2); the message never repeats a value typed."""


class GitLabError(ReleaseError):
    """GitLab or network failure (exit 3): unreachable, 401/403, 5xx, timeout, malformed answer."""

    exit_code = exit_codes.GITLAB


class NotFoundError(ReleaseError):
    """The thing named was not found (exit 4): the project, the schedule, a ref, a deployment."""

    exit_code = exit_codes.NOT_FOUND


class DeliveryError(ReleaseError):
    """A message could not be delivered (exit 3): the Slack webhook failed."""

    exit_code = exit_codes.GITLAB

"""prodready's expected failures: each carries the exit code of the command it ends.

A failure prodready can explain is raised as one of these and ends its command with a message
and `exit_code`, never a traceback. The configuration error is the one `ConfigError` of the
whole tree (a run's settings and targets, the release's settings, a command line).
"""

from __future__ import annotations

from prodready.core import exit_codes


class ExpectedError(Exception):
    """An expected failure: `str(e)` is a secret-free message, `exit_code` the exit code.

    The message is one line (white space folded: the CLI prints it as is and CI logs grep it),
    unless the class keeps its lines (`one_line = False`).
    """

    exit_code: int = exit_codes.GITLAB
    one_line: bool = True

    def __init__(self, message: str, *, exit_code: int | None = None) -> None:
        super().__init__(" ".join(message.split()) if self.one_line else message)
        if exit_code is not None:
            self.exit_code = exit_code


class ConfigError(ExpectedError):
    """Configuration or usage a command cannot start with (exit 2); the message says what to change or set."""

    exit_code = exit_codes.CONFIG
    # A run's refusal lists the offending scenarios one a line; the CLI's die() folds it to one line.
    one_line = False

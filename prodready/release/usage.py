"""The argparse plumbing of `prodready`: help layout, and usage errors that never echo a value.

argparse repeats what it could not parse ("unrecognized arguments: --token glpat-…", "invalid
choice: 'glpat-…'"): a token typed on the command line would reach the terminal and CI logs.
"""

from __future__ import annotations

import argparse
import re
from collections.abc import Sequence
from typing import Any, NoReturn

from prodready.release.errors import UsageError

ENVIRONMENT_HELP = """\
environment variables:
  GITLAB_TOKEN              GitLab access token (api scope); read only from here, never printed
  GITLAB_URL                GitLab base URL (overrides [release] gitlab_url)
  PRODREADY_GITLAB_PROJECT  project path (group/app) or id (overrides [release] project)
  PRODREADY_CONFIG          config file (default ./prodready.toml)
  PRODREADY_GITLAB_TIMEOUT  seconds per GitLab or Slack request ([release] gitlab_timeout)
  PRODREADY_GITLAB_RETRIES  retries after 5xx/429/timeouts (overrides [release] gitlab_retries)
  PRODREADY_GITLAB_DEADLINE seconds for all GitLab and Slack requests of a command, retries and
                            waits included; then exit 3 ([release] gitlab_deadline; default 120)
  PRODREADY_SLACK_WEBHOOK   Slack incoming webhook for `remind` (else stdout); never printed

exit codes: 0 GO/done, 1 NO-GO/blocked, 2 usage or configuration error,
  3 GitLab or network error, 4 the thing named was not found
"""

TOKEN_HINT = "GitLab tokens are read only from the GITLAB_TOKEN environment variable"
# An option name worth repeating: lower-case words (`--bogus`), or one letter (`-x`).
_OPTION_NAME = re.compile(r"--[a-z]+(?:-[a-z]+)*|-[A-Za-z]")
_TOKEN_OPTION = re.compile(r"token|secret|passw", re.IGNORECASE)
# GitLab's token prefixes (glpat-, gldt-, glrt-…) and a token-length tail.
_TOKEN_VALUE = re.compile(r"gl[a-z]{1,8}-[A-Za-z0-9_-]{8,}")
# argparse templates that quote the value typed, and what is left of them.
_VALUE_TEMPLATES = [
    (re.compile(r"invalid choice: .* \(choose from ", re.DOTALL), "invalid choice (choose from "),
    (re.compile(r"invalid (\w+) value: .*", re.DOTALL), r"invalid \1 value"),
    (re.compile(r"ignored explicit argument .*", re.DOTALL), "takes no value"),
    (re.compile(r"ambiguous option: (-[^=\s]*)=.*? could match", re.DOTALL), r"ambiguous option: \1 could match"),
]
_SHORTEST_HIDDEN = 12  # longer typed values are cut from any message (no real token is shorter)


class Formatter(argparse.HelpFormatter):
    """Wraps one-line descriptions; keeps multi-line text (the environment epilog) as written."""

    def _fill_text(self, text: str, width: int, indent: str) -> str:
        if "\n" in text:
            return "".join(indent + line for line in text.splitlines(keepends=True))
        return super()._fill_text(text, width, indent)


class Parser(argparse.ArgumentParser):
    """argparse whose usage errors leave through die() like every other error, without values."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("formatter_class", Formatter)
        kwargs.setdefault("epilog", ENVIRONMENT_HELP)
        super().__init__(*args, **kwargs)

    def error(self, message: str) -> NoReturn:
        raise UsageError(f"{self.prog}: {without_values(message)} (see --help)")


def without_values(message: str) -> str:
    """argparse's message with the values the user typed left out; option names stay."""
    head, found, rest = message.partition("unrecognized arguments: ")
    if found:
        return head + _unrecognized(rest.split())
    for pattern, replacement in _VALUE_TEMPLATES:
        message = pattern.sub(replacement, message)
    return message


def usage_message(message: str, argv: Sequence[str]) -> str:
    """The final usage error: long typed values cut out, and where tokens come from, if apt."""
    for arg in argv:
        for piece in (arg, arg.partition("=")[2]):
            if len(piece) >= _SHORTEST_HIDDEN and not _OPTION_NAME.fullmatch(piece):
                message = message.replace(piece, "…")  # the net under without_values()
    if any(_looks_like_token(arg) for arg in argv):
        message = message.removesuffix(" (see --help)") + f"; {TOKEN_HINT} (see --help)"
    return message


def _unrecognized(args: list[str]) -> str:
    """`unrecognized arguments: --bogus, 2 values (not shown)`."""
    names = [name for arg in args if _OPTION_NAME.fullmatch(name := arg.partition("=")[0])]
    hidden = len(args) - len(names)
    shown = names + ([f"{hidden} value{'s' if hidden > 1 else ''} (not shown)"] if hidden else [])
    return "unrecognized arguments: " + ", ".join(shown)


def _looks_like_token(arg: str) -> bool:
    """An option named like a token (`--token`, `--private-token=…`) or a GitLab token itself."""
    named = arg.startswith("-") and _TOKEN_OPTION.search(arg.partition("=")[0])
    return bool(named or _TOKEN_VALUE.search(arg))

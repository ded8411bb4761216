"""The command-line options every release subcommand shares, and how they become a GitLab connection."""

from __future__ import annotations

import argparse
import json
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

from prodready.release.gitlab_client import Connection, connect
from prodready.release.settings import load_settings


def _common_options() -> argparse.ArgumentParser:
    """Options every subcommand takes, before or after its name.

    SUPPRESS defaults: a subparser does not overwrite a value given before the subcommand.
    """
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument(
        "--config",
        type=Path,
        default=argparse.SUPPRESS,
        metavar="PATH",
        help="config file (env PRODREADY_CONFIG; default ./prodready.toml)",
    )
    common.add_argument(
        "--gitlab-url",
        default=argparse.SUPPRESS,
        metavar="URL",
        help="GitLab base URL (env GITLAB_URL; [release] gitlab_url)",
    )
    common.add_argument(
        "--project",
        default=argparse.SUPPRESS,
        metavar="PATH_OR_ID",
        help="GitLab project, e.g. group/app (env PRODREADY_GITLAB_PROJECT)",
    )
    common.add_argument(
        "--environment",
        default=argparse.SUPPRESS,
        metavar="NAME",
        help="deployment environment ([release] environment; default production)",
    )
    common.add_argument(
        "--json", action="store_true", default=argparse.SUPPRESS, help="print JSON for machines instead of tables"
    )
    return common


COMMON = _common_options()
COMMON_DEFAULTS: dict[str, Any] = {
    "config": None,
    "gitlab_url": None,
    "project": None,
    "environment": None,
    "json": False,
}


def _range_options() -> argparse.ArgumentParser:
    """The release range: candidate ref and starting commit."""
    rng = argparse.ArgumentParser(add_help=False)
    rng.add_argument(
        "--ref",
        default=None,
        help="candidate branch, tag or sha ([release] deploy_ref; default: the project's default branch)",
    )
    rng.add_argument(
        "--from",
        dest="from_sha",
        default=None,
        metavar="SHA",
        help="the commit production runs now, where the release starts "
        "(default: the sha of the last successful deployment)",
    )
    return rng


RANGE = _range_options()


def connect_from(args: argparse.Namespace) -> Connection:
    """Settings from config + env + flags, then the GitLab project."""
    overrides = {
        "gitlab_url": args.gitlab_url,
        "project": args.project,
        "environment": args.environment,
        "ref": getattr(args, "ref", None),  # not every subcommand has a range
        "from_sha": getattr(args, "from_sha", None),
    }
    return connect(load_settings(args.config, overrides, os.environ))


def print_result(args: argparse.Namespace, data: Any, human: Callable[[Any], str]) -> None:
    """JSON with --json, else the human rendering."""
    if args.json:
        print(json.dumps(data, indent=2, sort_keys=False))
    else:
        print(human(data))

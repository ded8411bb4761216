"""The behave hook's entry: the gate as a dict, for `-D gate=warn|enforce` and the run's reports."""

from __future__ import annotations

import pathlib
from typing import Any

from prodready.release.gate import run_gate
from prodready.release.gitlab_client import connect
from prodready.release.settings import load_settings


def gate_for_run(config_path: pathlib.Path, *, environment: str | None = None) -> dict[str, Any]:
    """Run the gate with config + env (GITLAB_TOKEN, GITLAB_URL, PRODREADY_GITLAB_PROJECT); return the gate --json dict.

    Raises prodready.release.errors.ReleaseError (with `exit_code`) on configuration, GitLab
    and not-found failures; never returns a GO it could not establish.
    """
    path = pathlib.Path(config_path) if config_path else None  # None: PRODREADY_CONFIG or ./
    settings = load_settings(path, {"environment": environment})
    return run_gate(connect(settings)).to_dict()

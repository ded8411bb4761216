"""The `[release]` settings: prodready.toml, then environment variables, then CLI flags."""

from __future__ import annotations

import math
import os
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from croniter import croniter

from prodready.core.config import read_toml
from prodready.core.errors import ConfigError
from prodready.release.rules import Policy, check_policy
from prodready.release.urls import checked_base_url

TOKEN_ENV = "GITLAB_TOKEN"
SLACK_ENV = "PRODREADY_SLACK_WEBHOOK"
CONFIG_ENV = "PRODREADY_CONFIG"
DEFAULT_CONFIG = Path("prodready.toml")
DAY = 86400.0  # the most any timeout or deadline may be: beyond it, a typo (or an overflow)
# A token is printable ASCII without spaces: anything else cannot go into an HTTP header.
_TOKEN_CHARS = re.compile(r"[\x21-\x7e]+")

# Keys of [release] and their defaults; a key not listed here is a typo and refused.
DEFAULTS: dict[str, Any] = {
    "gitlab_url": "https://gitlab.com",
    "project": "",
    "environment": "production",
    "deploy_ref": "",
    "verified_label": "Staging::Verified",
    "signoff_rule": "label",
    "signoff_label": "Stakeholder::Signed-off",
    "signoff_emoji": "thumbsup",
    "stakeholders": [],
    "untracked_blocks": False,
    "schedule_description": "Push to production",
    "schedule_cron": "0 10 * * 1-4",
    "schedule_timezone": "Africa/Lusaka",
    "community_timezone": "Africa/Lusaka",
    "reminder_schedule_description": "Push to production reminder",
    "reminder_minutes_before": 30,
    "deploy_job": "production",
    "rollback_blocking_paths": ["db/migrate/**", "db/schema.rb", "db/structure.sql"],
    "gitlab_timeout": 30.0,
    "gitlab_retries": 5,
    "gitlab_deadline": 120.0,
}

# Environment variables that override a key (CLI flags override these in turn).
ENV_OVERRIDES = {
    "gitlab_url": "GITLAB_URL",
    "project": "PRODREADY_GITLAB_PROJECT",
    "gitlab_timeout": "PRODREADY_GITLAB_TIMEOUT",
    "gitlab_retries": "PRODREADY_GITLAB_RETRIES",
    "gitlab_deadline": "PRODREADY_GITLAB_DEADLINE",
}


@dataclass(frozen=True)
class ReleaseSettings:
    """Everything the release operations read; secrets are kept out of repr()."""

    gitlab_url: str
    project: str
    environment: str
    ref: str | None  # None: the project's default branch
    from_sha: str | None  # None: the sha of the last successful deployment
    verified_label: str
    signoff_rules: tuple[str, ...]
    signoff_label: str
    signoff_emoji: str
    stakeholders: tuple[str, ...]
    untracked_blocks: bool
    schedule_description: str
    schedule_cron: str
    schedule_timezone: str
    community_timezone: str
    reminder_schedule_description: str
    reminder_minutes_before: int
    deploy_job: str
    rollback_blocking_paths: tuple[str, ...]
    gitlab_timeout: float
    gitlab_retries: int
    gitlab_deadline: float  # seconds for all GitLab (and Slack) requests of one command
    token: str = field(default="", repr=False)
    slack_webhook: str = field(default="", repr=False)

    @property
    def policy(self) -> Policy:
        """The release rules' settings: what counts as verified and as signed off."""
        return Policy(
            verified_label=self.verified_label,
            signoff_rules=self.signoff_rules,
            signoff_label=self.signoff_label,
            signoff_emoji=self.signoff_emoji,
            stakeholders=self.stakeholders,
        )


def load_settings(
    config_path: Path | None = None,
    overrides: Mapping[str, Any] | None = None,
    environ: Mapping[str, str] | None = None,
) -> ReleaseSettings:
    """Read [release] from the config file, apply env and CLI overrides, validate."""
    env = os.environ if environ is None else environ
    values = dict(DEFAULTS)
    values.update(_read_release_table(config_path, env))
    for key, var in ENV_OVERRIDES.items():
        if env.get(var):
            values[key] = env[var]
    extra = {k: v for k, v in (overrides or {}).items() if v is not None}
    ref = extra.pop("ref", None) or values["deploy_ref"] or None
    from_sha = extra.pop("from_sha", None)
    values.update(extra)
    return _validated(values, ref=ref, from_sha=from_sha, env=env)


def _read_release_table(config_path: Path | None, env: Mapping[str, str]) -> dict[str, Any]:
    """The [release] table of the chosen file; an absent default file means built-in defaults."""
    explicit = config_path is not None or bool(env.get(CONFIG_ENV))
    path = config_path or Path(env.get(CONFIG_ENV) or DEFAULT_CONFIG)
    if not path.is_file():
        if explicit:
            raise ConfigError(f"config file {path} not found")
        return {}
    data = read_toml(path)
    table = data.get("release", {})
    if not isinstance(table, dict):
        raise ConfigError(f"{path}: [release] must be a table")
    unknown = sorted(set(table) - set(DEFAULTS))
    if unknown:
        raise ConfigError(f"{path}: unknown key(s) in [release]: {', '.join(unknown)}")
    return table


def _validated(
    values: dict[str, Any], *, ref: str | None, from_sha: str | None, env: Mapping[str, str]
) -> ReleaseSettings:
    """Check types and values; every message names the key to fix."""
    url = checked_base_url(_text(values, "gitlab_url"), "gitlab_url")
    project = str(values["project"]).strip()
    if not project:
        raise ConfigError("no GitLab project: set [release] project, PRODREADY_GITLAB_PROJECT or --project")
    rules = values["signoff_rule"]
    rules = (rules,) if isinstance(rules, str) else tuple(_text_list(values, "signoff_rule"))
    stakeholders = tuple(_text_list(values, "stakeholders"))
    check_policy(rules, stakeholders)
    cron = _text(values, "schedule_cron")
    if not croniter.is_valid(cron):
        raise ConfigError(f"schedule_cron {cron!r} is not a valid cron expression")
    for key in ("schedule_timezone", "community_timezone"):
        _zone(_text(values, key), key)
    if not isinstance(values["untracked_blocks"], bool):
        raise ConfigError("untracked_blocks must be true or false")
    return ReleaseSettings(
        gitlab_url=url,
        project=project,
        environment=_text(values, "environment"),
        ref=ref,
        from_sha=from_sha,
        verified_label=_text(values, "verified_label"),
        signoff_rules=rules,
        signoff_label=_text(values, "signoff_label"),
        signoff_emoji=_text(values, "signoff_emoji").strip(":"),
        stakeholders=stakeholders,
        untracked_blocks=values["untracked_blocks"],
        schedule_description=_text(values, "schedule_description"),
        schedule_cron=cron,
        schedule_timezone=values["schedule_timezone"],
        community_timezone=values["community_timezone"],
        reminder_schedule_description=_text(values, "reminder_schedule_description"),
        reminder_minutes_before=_number(values, "reminder_minutes_before", int, minimum=1, maximum=24 * 60),
        deploy_job=_text(values, "deploy_job"),
        rollback_blocking_paths=tuple(_text_list(values, "rollback_blocking_paths")),
        gitlab_timeout=_number(values, "gitlab_timeout", float, minimum=0.001, maximum=DAY),
        gitlab_retries=_number(values, "gitlab_retries", int, minimum=0, maximum=100),
        gitlab_deadline=_number(values, "gitlab_deadline", float, minimum=0.001, maximum=DAY),
        token=_token(env),
        slack_webhook=env.get(SLACK_ENV, "").strip(),
    )


def _text(values: Mapping[str, Any], key: str) -> str:
    """A non-empty string value."""
    value = values[key]
    if not isinstance(value, str) or not value.strip():
        raise ConfigError(f"[release] {key} must be a non-empty string")
    return value.strip()


def _text_list(values: Mapping[str, Any], key: str) -> list[str]:
    """A list of non-empty strings."""
    value = values[key]
    if not isinstance(value, list) or not all(isinstance(v, str) and v for v in value):
        raise ConfigError(f"[release] {key} must be a list of strings")
    return value


def _number(values: Mapping[str, Any], key: str, kind: type, *, minimum: float, maximum: float) -> Any:
    """A finite int or float (env values arrive as text) from `minimum` to `maximum`."""
    try:
        number = kind(values[key])
    except (TypeError, ValueError, OverflowError):
        raise ConfigError(f"{key} must be a number (got {values[key]!r})") from None
    # nan compares false with everything and inf overflows timers: both are refused here.
    if isinstance(values[key], bool) or not math.isfinite(number) or not (minimum <= number <= maximum):
        raise ConfigError(f"{key} must be a number from {minimum:g} to {maximum:g} (got {values[key]!r})")
    return number


def _token(env: Mapping[str, str]) -> str:
    """GITLAB_TOKEN without surrounding whitespace; refused (never shown) if it cannot be sent."""
    token = env.get(TOKEN_ENV, "").strip()
    if token and not _TOKEN_CHARS.fullmatch(token):
        raise ConfigError(
            f"{TOKEN_ENV} contains a space, a line break or a non-ASCII character: set it to the token alone"
        )
    return token


def _zone(name: str, key: str) -> ZoneInfo:
    """The IANA timezone `name`, or a configuration error naming the key."""
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        raise ConfigError(f"{key} {name!r} is not an IANA timezone (e.g. Africa/Lusaka)") from None

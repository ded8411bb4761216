"""Logins and tokens of a target, resolved from their references (env:VAR, op://…) and registered as secrets."""

from __future__ import annotations

import secrets as _random

from prodready.core.config import ConfigError, Credentials, Target
from prodready.core.secrets import REDACTOR, SecretError, is_reference, resolve


def resolve_credentials(target: Target) -> dict[str, Credentials]:
    """Every persona's login on the target; a missing one fails naming the variable to set.

    On the embedded target the passwords are random for this run (nothing to configure, nothing to
    leak) unless the target gives references (tests use that to plant known secrets).
    """
    creds: dict[str, Credentials] = {}
    missing: list[str] = []  # environment variables to set
    problems: list[str] = []  # anything else (1Password, a missing reference)
    for key, persona in target.personas.items():
        if not persona.logs_in:
            continue
        if target.embedded and not persona.password_ref:
            password = _random.token_urlsafe(18)
            username = persona.username
        elif not persona.password_ref:
            problems.append(
                f"persona '{key}' on target '{target.name}' has no password reference "
                f'(add password = "env:VAR" under [targets.{target.name}.personas.{key}])'
            )
            continue
        else:
            found: dict[str, str] = {}
            for field, ref in (("username", persona.username), ("password", persona.password_ref)):
                if not is_reference(ref):
                    found[field] = ref
                    continue
                try:
                    found[field] = resolve(ref, what=f"{field} of {key} on {target.name}", env_file=target.env_values)
                except SecretError as exc:
                    (missing.append(exc.variable) if exc.variable else problems.append(str(exc)))
            if len(found) < 2:
                continue
            username, password = found["username"], found["password"]
        REDACTOR.add(password)
        creds[key] = Credentials(username=username, password=password)
    if missing:
        where = f" (or start it so that {target.env_file} holds them)" if target.env_file else ""
        hint = f" ({target.setup_hint})" if target.setup_hint else ""
        problems.insert(
            0,
            f"target '{target.name}' needs its logins: set the environment variables "
            + ", ".join(missing)
            + where
            + hint,
        )
    if problems:
        raise ConfigError("; ".join(problems))
    return creds


def resolve_test_api_token(target: Target) -> str | None:
    """The test-only API's token: random for an embedded target that has the API, else None."""
    if not target.test_api:
        return None
    token = _random.token_urlsafe(24)
    REDACTOR.add(token)
    return token


def target_setting(target: Target, name: str) -> str | None:
    """A fact the target's scenarios use ([targets.X.settings]); references are resolved, secrets masked."""
    value = target.settings.get(name)
    if value is None:
        return None
    text = str(value)
    if is_reference(text):
        try:
            return resolve(text, what=f"setting {name} of target {target.name}", env_file=target.env_values)
        except SecretError as exc:
            raise ConfigError(str(exc)) from exc
    return text

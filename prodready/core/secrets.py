"""Secrets by reference (env:VAR, op://vault/item/field), and the registry of the run's secrets."""

from __future__ import annotations

import os
import shutil
import subprocess
import threading
from collections.abc import Mapping

MASK = "••••••"


class SecretError(Exception):
    """A referenced secret cannot be read; the message names what to set."""

    def __init__(self, message: str, variable: str | None = None) -> None:
        super().__init__(message)
        self.variable = variable  # the environment variable to set, for env: references


def is_reference(value: str) -> bool:
    """Whether a configured value is a reference rather than a literal."""
    return value.startswith(("env:", "op://"))


def resolve(ref: str, *, what: str, env_file: Mapping[str, str] | None = None) -> str:
    """Read a secret by reference; `what` says whose secret it is in the error message.

    `env:VAR` reads the environment first, then `env_file` (a target's env file, e.g. the platform
    kit's platform.env): what a person exports always wins over the file.
    """
    if ref.startswith("env:"):
        var = ref[4:]
        value = os.environ.get(var, "") or (env_file or {}).get(var, "")
        if not value:
            raise SecretError(f"{what}: set the environment variable {var}", variable=var)
        return value
    if ref.startswith("op://"):
        op = shutil.which("op")
        if op is None:
            raise SecretError(
                f"{what}: {ref} needs the 1Password CLI (`op`), which is not installed; "
                f"install it and sign in, or use an env:VAR reference in prodready.toml"
            )
        try:
            done = subprocess.run([op, "read", "--no-newline", ref], capture_output=True, text=True, timeout=30)
        except subprocess.TimeoutExpired as exc:
            raise SecretError(f"{what}: `op read {ref}` timed out (is 1Password signed in?)") from exc
        if done.returncode != 0 or not done.stdout:
            first = (done.stderr.strip().splitlines() or ["no value"])[0]
            raise SecretError(f"{what}: `op read {ref}` failed: {first}")
        return done.stdout
    raise SecretError(f"{what}: must be a reference (env:VAR or op://vault/item/field), never a literal")


class Redactor:
    """Remembers the run's secrets; prodready.core.masking masks them (and their encodings) in all output."""

    def __init__(self) -> None:
        self._secrets: set[str] = set()
        self._lock = threading.Lock()

    def add(self, secret: str | None) -> None:
        """Register a secret (short values are ignored: masking "a" would mangle every report)."""
        if secret and len(secret) >= 4:
            with self._lock:
                self._secrets.add(secret)

    @property
    def secrets(self) -> frozenset[str]:
        """The registered secrets."""
        return frozenset(self._secrets)


# One per process: every writer of output (evidence, reports, logs) masks through it.
REDACTOR = Redactor()

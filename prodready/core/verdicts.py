"""The two verdicts, defined once: the readiness report's and the release gate's."""

from __future__ import annotations

from collections.abc import Sized

GO, NO_GO = "GO", "NO-GO"


def verdict(blockers: Sized) -> str:
    """GO only when nothing blocks: any reason at all is a NO-GO (fail closed)."""
    return NO_GO if len(blockers) else GO

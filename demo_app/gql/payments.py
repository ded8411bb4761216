"""GraphQL operations of the payments area (filled in with the area's pages)."""
from __future__ import annotations

from typing import Any

SDL = ""
BINDABLES: list[Any] = []

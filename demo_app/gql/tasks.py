"""GraphQL operations of the tasks area (filled in with the area's pages)."""
from __future__ import annotations

from typing import Any

SDL = ""
BINDABLES: list[Any] = []

"""Test-only routes of the time sheet: shifts in the past, which no live deployment can make."""
from __future__ import annotations

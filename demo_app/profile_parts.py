"""What each area adds to a person's profile (Log This Entry, the shift buttons, plans, forms).

The providers are listed here, once: each takes the person shown, the tab and the scan details
of the address, and returns the part to render ({"template": …, **context}) or None.
"""

from __future__ import annotations

from typing import Any

from . import forms, gate, payments, timesheet

PROVIDERS = (gate.profile_part, timesheet.profile_part, payments.profile_part, forms.profile_part)


def parts_for(person: Any, tab: str, scan: dict[str, Any] | None) -> list[dict[str, Any]]:
    """The parts of every area the current user should see on this profile."""
    return [part for provider in PROVIDERS if (part := provider(person, tab, scan)) is not None]

"""The project's own start-up step for the platform run here: what a real community has and the kit's
lacks is added once, and a community the checklist cannot run on is refused with what to change."""

from __future__ import annotations

from typing import Any

import pytest

from prodready.target import platform_setup
from prodready.target.api import PlatformApiError


class FakeAdmin:
    """The platform's GraphQL as its admin, over a community held in memory."""

    def __init__(self, features: dict[str, Any], timezone: str = "Africa/Lusaka") -> None:
        self.community = {"id": "c1", "name": "DoubleGDP", "timezone": timezone, "features": features}
        self.updates: list[dict[str, Any]] = []

    def call(self, document: str, variables: dict[str, Any] | None = None) -> Any:
        if document.startswith("mutation communityUpdate"):
            self.updates.append(variables or {})
            self.community["features"] = (variables or {})["features"]
            return {"communityUpdate": {"community": {"id": "c1"}}}
        return {"currentUser": {"community": self.community}}


MODULES = {m: {"features": []} for m in ("LogBook", "Time Card", "Payments", "Forms", "Tasks")}


def test_the_default_module_the_kit_lacks_is_switched_on_once():
    admin = FakeAdmin(dict(MODULES))
    said = platform_setup.switch_on_default_modules(admin)  # type: ignore[arg-type]
    assert said and "MyForms" in said
    assert admin.updates[0]["features"]["MyForms"] == {"features": []} and "Tasks" in admin.updates[0]["features"]
    assert platform_setup.switch_on_default_modules(admin) is None and len(admin.updates) == 1  # type: ignore[arg-type]


def test_a_community_without_a_checklist_module_or_in_another_timezone_is_refused():
    with pytest.raises(PlatformApiError, match=r"switched off: \['Payments'\]"):
        platform_setup.check_community(FakeAdmin({k: v for k, v in MODULES.items() if k != "Payments"}))  # type: ignore[arg-type]
    with pytest.raises(PlatformApiError, match="timezone is None"):
        platform_setup.check_community(FakeAdmin(dict(MODULES), timezone=None))  # type: ignore[arg-type]
    assert platform_setup.check_community(FakeAdmin(dict(MODULES))) is None  # type: ignore[arg-type]

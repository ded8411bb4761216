"""The project's own start-up step for a platform run here (`make platform-up`), after the kit's.

The kit's community has the platform's roles, permissions and every module switched on, and the
suite's people. This step checks that every person of the platform target logs in through the
platform's own GraphQL, and adds, as the community's admin, what a real community has and the
kit's lacks (each addition is named in what it prints). Idempotent: a second run changes nothing.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from typing import Any

from prodready.core.config import ConfigError, load_project
from prodready.core.credentials import resolve_credentials
from prodready.core.masking import mask
from prodready.target.api import ApiSession, PlatformApi, PlatformApiError

COMMUNITY = "query { currentUser { community { id name timezone currency features } } }"

Step = Callable[[ApiSession], str | None]


def check_community(admin: ApiSession) -> str | None:
    """The community the suite expects: Africa/Lusaka and the modules of the production checklist."""
    community = admin.call(COMMUNITY)["currentUser"]["community"]
    features = community.get("features") or {}
    missing = [m for m in ("LogBook", "Time Card", "Payments", "Forms", "Tasks") if m not in features]
    if missing:
        raise PlatformApiError(f"the community {community['name']!r} has these modules switched off: {missing}")
    if community.get("timezone") != "Africa/Lusaka":
        raise PlatformApiError(
            f"the community's timezone is {community.get('timezone')!r}: the production page's scripts and "
            "the deploy schedule are in Africa/Lusaka (CAT); set it on the platform"
        )
    return None


# A module a community made at the pinned commit has switched on from the start (Community's defaults)
# and the kit's seeded community predates: the production checklist needs "MyForms" (a client's My
# Forms, where they fill in the community's forms). Other newer defaults (Processes, Task Lists, Leads,
# Scorecard, Lead Users, Amenity) are left as the kit has them: no checklist item needs them.
DEFAULT_MODULES = ("MyForms",)
COMMUNITY_UPDATE = (
    "mutation communityUpdate($features: JSON) { communityUpdate(features: $features) { community { id } } }"
)


def switch_on_default_modules(admin: ApiSession) -> str | None:
    """Switch on, through communityUpdate as the admin, the default modules the kit's community lacks."""
    features = dict(admin.call(COMMUNITY)["currentUser"]["community"].get("features") or {})
    missing = [m for m in DEFAULT_MODULES if m not in features]
    if not missing:
        return None
    features.update({m: {"features": []} for m in missing})
    admin.call(COMMUNITY_UPDATE, {"features": features})
    return "switched on the default modules the kit's community lacks: " + ", ".join(missing)


STEPS: list[Step] = [switch_on_default_modules, check_community]


def main(argv: list[str] | None = None) -> int:
    """Log every person in, then run each step as the admin; exit 2 on configuration, 3 on the platform."""
    try:
        target = load_project().target("platform")
        credentials = resolve_credentials(target)
    except ConfigError as exc:
        print(f"platform set-up: {exc}", file=sys.stderr)
        return 2
    api = PlatformApi(target.base_url or "")
    sessions: dict[str, Any] = {}
    try:
        for key, login in credentials.items():
            sessions[key] = api.login(login.username, login.password)
        for step in STEPS:
            said = step(sessions["admin"])
            if said:
                print(f"platform set-up: {mask(said)}", file=sys.stderr)
    except PlatformApiError as exc:
        print(f"platform set-up: {mask(str(exc))}", file=sys.stderr)
        return 3
    print(f"platform set-up: {len(sessions)} people log in; the community is ready", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""The community over GraphQL: communityUpdate, as the platform's set-up asks it (Community::CommunityUpdate).

The reference app's community is fixed by its configuration (name, timezone, every module on): an admin's
communityUpdate is answered as the platform answers it and changes nothing. The platform's rule
(`permitted?(admin: true, module: :community, permission: :can_update_community_details)`): an admin,
or a role holding that permission; anyone else is refused.
"""

from __future__ import annotations

from typing import Any

from ariadne import MutationType
from flask import current_app
from graphql import GraphQLError

from ..access import can
from .common import UNAUTHORIZED, caller

SDL = """
type Community { id: ID! name: String! timezone: String currency: String features: JSON }
type CommunityUpdatePayload { community: Community }
extend type Mutation {
  communityUpdate(bankingDetails: JSON, currency: String, emergencyCallNumber: String, features: JSON, gaId: String,
                  imageBlobId: String, language: String, leadMonthlyTargets: JSON, locale: String, logoUrl: String,
                  menuItems: JSON, name: String, securityManager: String, smsPhoneNumbers: [String],
                  socialLinks: JSON, subAdministratorId: String, supportEmail: JSON, supportNumber: JSON,
                  supportWhatsapp: JSON, tagline: String, templates: JSON, themeColors: JSON,
                  wpLink: String): CommunityUpdatePayload
}
"""
mutation = MutationType()
BINDABLES = [mutation]


@mutation.field("communityUpdate")
def resolve_community_update(_obj: Any, info: Any, **_settings: Any) -> dict[str, Any]:
    """The community's details, for an admin (the reference app's community does not change)."""
    user = caller(info)
    if user["role"] != "admin" and not can("community.can_update_community_details", user):
        raise GraphQLError(UNAUTHORIZED)
    config = current_app.config
    return {
        "community": {
            "id": "1",
            "name": config["COMMUNITY_NAME"],
            "timezone": config["COMMUNITY_TIMEZONE"],
            "currency": "zambian_kwacha",
            "features": None,
        }
    }

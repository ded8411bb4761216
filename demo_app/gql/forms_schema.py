"""The forms area's GraphQL schema (the platform's type and field names) and its rows as those types."""

from __future__ import annotations

from typing import Any, overload

from .. import form_store as store
from .. import people
from ..db import Record
from .common import record

SDL = """
type Form {
  id: ID!
  name: String!
  description: String!
  status: String!
  preview: Boolean
  isPublic: Boolean
  multipleSubmissionsAllowed: Boolean
  hasTermsAndConditions: Boolean
  expiresAt: ISO8601DateTime
  versionNumber: Int!
  roles: [String!]
  createdAt: ISO8601DateTime!
}
type FormProperties {
  id: ID!
  fieldName: String!
  fieldType: String!
  fieldValue: JSON
  required: Boolean
  adminUse: Boolean
  order: String
  shortDesc: String
  longDesc: String
}
type Category {
  id: ID!
  formId: ID!
  fieldName: String!
  description: String
  renderedText: String
  headerVisible: Boolean!
  general: Boolean!
  order: Int!
  displayCondition: JSON
  formProperties: [FormProperties!]
}
type FormUsers {
  id: ID!
  formId: ID!
  userId: ID!
  status: String
  createdAt: ISO8601DateTime!
  updatedAt: ISO8601DateTime!
  user: User!
  form: Form
}
type UserFormProperties {
  id: ID!
  value: String
  formProperty: FormProperties!
}
type FormEntries { formName: String, formUsers: [FormUsers!] }
type FormCreatePayload { form: Form }
type FormUpdatePayload { form: Form }
type CategoryCreatePayload { category: Category }
type FormPropertiesCreatePayload { formProperty: FormProperties }
type FormUserCreatePayload { formUser: FormUsers, error: String }
extend type Query {
  forms: [Form!]
  form(id: ID!): Form
  formCategories(formId: ID!): [Category!]
  formProperties(formId: ID): [FormProperties!]
  formEntries(formId: ID!, query: String, limit: Int, offset: Int): FormEntries
  submittedForms(userId: ID!): [FormUsers!]
  formUser(formUserId: ID!, userId: ID!): FormUsers
  formUserProperties(formUserId: ID!, userId: ID!): [UserFormProperties!]
}
extend type Mutation {
  formCreate(name: String!, expiresAt: String, description: String, preview: Boolean!, isPublic: Boolean!,
             multipleSubmissionsAllowed: Boolean!, hasTermsAndConditions: Boolean!, roles: [String]): FormCreatePayload
  formUpdate(id: ID!, name: String, status: String, description: String, expiresAt: String, preview: Boolean,
             isPublic: Boolean, multipleSubmissionsAllowed: Boolean, hasTermsAndConditions: Boolean,
             roles: [String]): FormUpdatePayload
  categoryCreate(formId: ID!, fieldName: String!, order: Int!, headerVisible: Boolean!, general: Boolean!,
                 description: String, renderedText: String, displayCondition: JSON): CategoryCreatePayload
  formPropertiesCreate(formId: ID!, categoryId: ID!, order: String!, fieldName: String!, fieldType: String!,
                       fieldValue: JSON, required: Boolean, adminUse: Boolean, shortDesc: String,
                       longDesc: String): FormPropertiesCreatePayload
  formUserCreate(formId: ID!, userId: ID!, propValues: JSON!, status: String,
                 hasAgreedToTerms: Boolean): FormUserCreatePayload
}
"""


@overload
def form_out(row: None) -> None: ...
@overload
def form_out(row: Record) -> dict[str, Any]: ...
def form_out(row: Record | None) -> dict[str, Any] | None:
    """A form as the platform's Form type."""
    if row is None:
        return None
    return {
        "id": row["id"],
        "name": row["name"],
        "description": row["description"],
        "status": row["status"],
        "preview": bool(row["preview"]),
        "isPublic": bool(row["is_public"]),
        "multipleSubmissionsAllowed": bool(row["multiple_submissions_allowed"]),
        "hasTermsAndConditions": bool(row["has_terms_and_conditions"]),
        "expiresAt": row["expires_at"],
        "versionNumber": row["version_number"],
        "roles": [],
        "createdAt": row["created_at"],
    }


def property_out(prop: dict[str, Any]) -> dict[str, Any]:
    """A property as the platform's FormProperties type."""
    return {
        "id": prop["id"],
        "fieldName": prop["field_name"],
        "fieldType": prop["field_type"],
        "fieldValue": [{"value": o, "label": o} for o in prop["options"]],
        "required": bool(prop["required"]),
        "adminUse": bool(prop["admin_use"]),
        "order": str(prop["order_no"]),
        "shortDesc": prop["short_desc"],
        "longDesc": prop["long_desc"],
    }


def category_out(category: dict[str, Any]) -> dict[str, Any]:
    """A category (with its properties) as the platform's Category type."""
    return {
        "id": category["id"],
        "formId": category["form_id"],
        "fieldName": category["field_name"],
        "description": category["description"],
        "renderedText": category["rendered_text"],
        "headerVisible": bool(category["header_visible"]),
        "general": bool(category["general"]),
        "order": category["order_no"],
        "displayCondition": None,
        "formProperties": [property_out(p) for p in category.get("properties", [])],
    }


def form_user_out(row: Any) -> dict[str, Any]:
    """A submission as the platform's FormUsers type."""
    return {
        "id": row["id"],
        "formId": row["form_id"],
        "userId": row["user_id"],
        "status": row["status"],
        "createdAt": row["created_at"],
        "updatedAt": row["updated_at"],
        "user": record(people.find(row["user_id"])),
        "form": form_out(store.get_form(row["form_id"])),
    }

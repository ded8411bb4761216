"""One receipt over GraphQL: paymentReceipt(userId, id), a plan payment of a person (Payments' receipt).

The platform's rule (Types::Queries::PlanPayment#payment_receipt, QueryType#verified_user): the person
themselves or an admin; asked about anyone else, the refusal comes before anything is looked up.
"""

from __future__ import annotations

from typing import Any

from ariadne import QueryType
from graphql import GraphQLError

from ..access import can
from ..db import query
from .common import UNAUTHORIZED, caller, to_id
from .payment_types import plan_payment_out

SDL = """
extend type Query {
  paymentReceipt(userId: ID!, id: ID!): PlanPayment
}
"""
query_type = QueryType()
BINDABLES = [query_type]


@query_type.field("paymentReceipt")
def resolve_payment_receipt(_obj: Any, info: Any, userId: str, id: str) -> dict[str, Any]:
    """A person's plan payment (one receipt), for that person or someone who sees every payment."""
    user = caller(info)
    if str(userId) != str(user["id"]) and not can("plan_payment.can_access_all_payments", user):
        raise GraphQLError(UNAUTHORIZED)
    row = query(
        "SELECT * FROM plan_payments WHERE id = ? AND user_id = ?",
        (to_id(id, "Payment"), to_id(userId, "User")),
        one=True,
    )
    if row is None:
        raise GraphQLError("Payment not found")
    return plan_payment_out(dict(row))

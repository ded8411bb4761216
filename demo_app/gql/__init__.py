"""The platform's GraphQL endpoint (`POST /graphql`, `Authorization: Bearer`), schema-first with ariadne.

Each area module of this package holds the part of the schema it serves (`SDL`, written from the
platform's type and field names, mutations.tsv) and its resolvers (`BINDABLES`); the resolvers call
the same domain functions as the pages, so data made through GraphQL is what the pages show.
"""

from __future__ import annotations

import logging
from typing import Any

from ariadne import MutationType, QueryType, ScalarType, graphql_sync, make_executable_schema
from flask import Blueprint, current_app, g, jsonify, request
from graphql import GraphQLError

from ..access import public
from . import community, forms, gate, limits, payments, people, receipts, scalars, tasks, timesheet
from .cache import OperationCache

bp = Blueprint("graphql", __name__)
# ariadne logs every error with its traceback; refusals are expected answers, and unexpected
# failures are logged once by _format_error.
QUIET = logging.getLogger("demo_app.graphql.ariadne")
QUIET.addHandler(logging.NullHandler())
QUIET.propagate = False
AREAS = (people, gate, timesheet, payments, receipts, forms, tasks, community)
MAX_BODY = 256 * 1024  # bytes: the largest GraphQL request served

BASE_SDL = """
scalar JSON
type Query { _root: Boolean }
type Mutation { _root: Boolean }
"""
json_scalar = ScalarType("JSON")


@json_scalar.value_parser
def _parse_json(value: Any) -> Any:
    return value


def build_schema() -> Any:
    """The executable schema of every area."""
    sdl = [BASE_SDL, scalars.SDL, *(area.SDL for area in AREAS if area.SDL.strip())]
    bindables: list[Any] = [json_scalar, scalars.iso_datetime, QueryType(), MutationType()]
    for area in AREAS:
        bindables.extend(area.BINDABLES)
    return make_executable_schema(sdl, *bindables)


def _format_error(error: GraphQLError, debug: bool = False) -> dict[str, Any]:
    """An error as the platform sends it: the message, never a traceback; unexpected ones logged."""
    original = getattr(error, "original_error", None)
    if original is not None and not isinstance(original, GraphQLError):
        logging.getLogger("demo_app.graphql").exception("resolver failed", exc_info=original)
        return {"message": "Internal server error", "path": error.path}
    formatted: dict[str, Any] = {"message": error.message}
    if error.path:
        formatted["path"] = error.path
    if error.locations:
        formatted["locations"] = [{"line": loc.line, "column": loc.column} for loc in error.locations]
    return formatted


@bp.post("/graphql")
@public
def endpoint():
    """Run one GraphQL operation for the bearer of the token (or nobody)."""
    if (request.content_length or 0) > MAX_BODY:
        return jsonify(errors=[{"message": "Request too large"}]), 413
    if limits.json_too_deep(request.get_data(cache=True)):
        return jsonify(errors=[{"message": f"Request nested too deeply (at most {limits.MAX_JSON_DEPTH} levels)"}]), 400
    data = request.get_json(silent=True)
    if not isinstance(data, dict) or not isinstance(data.get("query"), str):
        return jsonify(errors=[{"message": "Expected a JSON body with a query"}]), 400
    schema = current_app.extensions.get("graphql_schema")
    if schema is None:
        schema = current_app.extensions["graphql_schema"] = build_schema()
        current_app.extensions["graphql_operations"] = OperationCache()
    operations = current_app.extensions["graphql_operations"]
    _ok, result = graphql_sync(
        schema,
        data,
        query_parser=operations.parse,
        query_validator=operations.validate,
        context_value={"user": g.user, "request": request},
        error_formatter=_format_error,
        debug=False,
        # Introspection tells an attacker every operation and argument: only for a person exploring
        # the reference app by hand (`make demo`), never where it stands in for a live deployment.
        introspection=bool(current_app.config.get("GRAPHQL_INTROSPECTION")),
        validation_rules=[limits.CostLimit],
        logger=QUIET,
    )
    return jsonify(result), 200

"""The GraphQL the suite sends and the reference app serves, checked against the platform's own schema
(`../shared/platform/schema.graphql`, printed by the platform's server at the pinned commit).

- every operation the suite sends validates against the platform's schema (names, arguments, and the
  nullability of each variable: `[String]` where the server takes `[String!]` is refused there);
- every type, field and argument of the reference app's schema exists on the platform with the same
  type, and the reference app asks for every argument the platform requires.
Prints `platform schema: N/N suite operations valid; reference app: T types, F fields, A arguments as
on the platform`.
"""

from __future__ import annotations

import ast
from functools import lru_cache
from pathlib import Path
from typing import Any

import pytest
from graphql import (
    GraphQLInputObjectType,
    GraphQLInterfaceType,
    GraphQLNonNull,
    GraphQLObjectType,
    GraphQLSchema,
    GraphQLSyntaxError,
    Undefined,
    build_schema,
    parse,
    validate,
)

ROOT = Path(__file__).resolve().parent.parent
PLATFORM_SCHEMA = ROOT.parent / "shared" / "platform" / "schema.graphql"
SUITE = ("prodready", "steps", "pages", "bench", "scripts")
# Types the reference app needs that the platform spells differently or does not have (a reason each).
REFERENCE_ONLY_TYPES: dict[str, str] = {}

pytestmark = pytest.mark.skipif(
    not PLATFORM_SCHEMA.is_file(), reason=f"the platform's schema is not beside the project ({PLATFORM_SCHEMA})"
)


@lru_cache(maxsize=1)
def platform() -> GraphQLSchema:
    return build_schema(PLATFORM_SCHEMA.read_text(encoding="utf-8"))


@lru_cache(maxsize=1)
def reference() -> GraphQLSchema:
    from demo_app.gql import build_schema as reference_schema

    return reference_schema().graphql_schema if hasattr(reference_schema(), "graphql_schema") else reference_schema()


def suite_operations() -> list[tuple[str, str]]:
    """(where, document) for every GraphQL operation written in the suite's code."""
    found = []
    for package in SUITE:
        for path in sorted((ROOT / package).rglob("*.py")):
            for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
                if not (isinstance(node, ast.Constant) and isinstance(node.value, str)):
                    continue
                text = node.value.strip()
                if not text.startswith(("mutation ", "mutation{", "query ", "query{", "mutation(", "query(")):
                    continue
                try:
                    parse(text)
                except GraphQLSyntaxError:
                    continue  # a fragment of a document built elsewhere, not an operation
                found.append((f"{path.relative_to(ROOT)}:{node.lineno}", text))
    return found


def test_every_operation_the_suite_sends_is_valid_on_the_platform():
    operations = suite_operations()
    assert len(operations) >= 20, "the suite's GraphQL operations were not found"
    problems = []
    for where, document in operations:
        errors = validate(platform(), parse(document))
        problems += [f"{where}: {e.message}" for e in errors]
    print(
        f"\nplatform schema: {len(operations) - len({p.split(': ')[0] for p in problems})}/{len(operations)} "
        "suite operations valid"
    )
    assert not problems, "\n".join(problems)


def _named(kind: Any) -> Any:
    while hasattr(kind, "of_type"):
        kind = kind.of_type
    return kind


def _fields(kind: Any) -> dict[str, Any]:
    return (
        dict(kind.fields) if isinstance(kind, (GraphQLObjectType, GraphQLInterfaceType, GraphQLInputObjectType)) else {}
    )


def reference_differences() -> tuple[list[str], dict[str, int]]:
    """What the reference app serves that the platform does not serve the same way; and the counts."""
    ours, theirs = reference(), platform()
    problems: list[str] = []
    counts = {"types": 0, "fields": 0, "arguments": 0}
    for name, kind in sorted(ours.type_map.items()):
        if name.startswith("__") or name in REFERENCE_ONLY_TYPES or name in ("String", "Int", "Float", "Boolean", "ID"):
            continue
        if name in ("Query", "Mutation") and name == getattr(ours, name.lower() + "_type").name:
            platform_kind = getattr(theirs, name.lower() + "_type")
        else:
            platform_kind = theirs.type_map.get(name)
        if platform_kind is None:
            problems.append(f"type {name}: not on the platform")
            continue
        counts["types"] += 1
        their_fields = _fields(platform_kind)
        for field_name, field in _fields(kind).items():
            if field_name == "_root":
                continue
            other = their_fields.get(field_name)
            if other is None:
                problems.append(f"{name}.{field_name}: not on the platform")
                continue
            counts["fields"] += 1
            if str(field.type) != str(other.type):
                problems.append(f"{name}.{field_name}: {field.type} here, {other.type} on the platform")
            our_args, their_args = getattr(field, "args", {}) or {}, getattr(other, "args", {}) or {}
            for arg_name, arg in our_args.items():
                if arg_name not in their_args:
                    problems.append(f"{name}.{field_name}({arg_name}): no such argument on the platform")
                    continue
                counts["arguments"] += 1
                if str(arg.type) != str(their_args[arg_name].type):
                    problems.append(
                        f"{name}.{field_name}({arg_name}): {arg.type} here, {their_args[arg_name].type} on the platform"
                    )
            for arg_name, arg in their_args.items():
                if isinstance(arg.type, GraphQLNonNull) and arg.default_value is Undefined and arg_name not in our_args:
                    problems.append(f"{name}.{field_name}({arg_name}): required on the platform, missing here")
    return problems, counts


def test_the_reference_app_serves_the_platforms_types_fields_and_arguments():
    problems, counts = reference_differences()
    print(
        f"\nreference app: {counts['types']} types, {counts['fields']} fields, {counts['arguments']} arguments "
        "as on the platform"
    )
    assert not problems, f"{len(problems)} differences from the platform's schema:\n" + "\n".join(problems)

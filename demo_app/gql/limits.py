"""What a GraphQL request may cost before it is refused (issue 20): the JSON body's nesting, the
operation's depth and its cost, and introspection where the app stands in for a live deployment.

A request over a limit gets a 400 or a validation error naming the limit, never a 500 and never a
long computation: a 0.3 kB query nesting `subTasks { parentNote { subTasks … } }` 7 deep went
unanswered for 15 s before these rules.
"""

from __future__ import annotations

from typing import Any

from graphql import (
    FieldNode,
    FragmentDefinitionNode,
    FragmentSpreadNode,
    GraphQLError,
    InlineFragmentNode,
    OperationDefinitionNode,
    ValidationContext,
    ValidationRule,
    get_named_type,
    get_nullable_type,
    is_list_type,
)

MAX_JSON_DEPTH = 32  # nesting of the request's JSON body (variables included)
MAX_QUERY_DEPTH = 8  # fields within fields; the platform's own deepest operation is 6
MAX_QUERY_COST = 2000  # fields an operation may ask for, what a list field asks counted LIST_ITEMS times
LIST_ITEMS = 10


def json_too_deep(raw: bytes, limit: int = MAX_JSON_DEPTH) -> bool:
    """Whether a JSON text nests arrays and objects deeper than `limit` (read without parsing it: the
    parser itself is what a deep body breaks)."""
    depth, in_string, escaped = 0, False, False
    for byte in raw:
        if in_string:
            if escaped:
                escaped = False
            elif byte == 0x5C:  # backslash
                escaped = True
            elif byte == 0x22:  # quote
                in_string = False
        elif byte == 0x22:
            in_string = True
        elif byte in (0x5B, 0x7B):  # [ {
            depth += 1
            if depth > limit:
                return True
        elif byte in (0x5D, 0x7D):
            depth -= 1
    return False


def _fields(node: Any, parent: Any, schema: Any, fragments: dict[str, Any], seen: frozenset[str]) -> list[Any]:
    """(field, its type on the parent) under a node, fragments spread in place (a fragment spread inside
    itself counts once)."""
    found: list[Any] = []
    for selection in getattr(getattr(node, "selection_set", None), "selections", None) or []:
        if isinstance(selection, FieldNode):
            if selection.name.value.startswith("__"):
                continue  # introspection: bounded by the schema's size, and off unless explored by hand
            definition = getattr(parent, "fields", {}).get(selection.name.value)
            found.append((selection, definition.type if definition is not None else None))
        elif isinstance(selection, (InlineFragmentNode, FragmentSpreadNode)):
            name = selection.name.value if isinstance(selection, FragmentSpreadNode) else None
            if name is not None and (name not in fragments or name in seen):
                continue
            spread: Any = fragments[name] if name is not None else selection
            condition = spread.type_condition
            inner = schema.get_type(condition.name.value) if condition is not None else parent
            found.extend(_fields(spread, inner, schema, fragments, seen | ({name} if name else set())))
    return found


def measure(
    node: Any, parent: Any, schema: Any, fragments: dict[str, Any], seen: frozenset[str] = frozenset()
) -> tuple[int, int]:
    """(depth, cost) of a selection: each field costs 1, and what a list field asks for counts ten times
    (a list of ten items is assumed: the platform's pages ask for 10 to 50)."""
    depth, cost = 0, 0
    for field, kind in _fields(node, parent, schema, fragments, seen):
        named = get_named_type(kind) if kind is not None else None
        below_depth, below_cost = measure(field, named, schema, fragments, seen) if field.selection_set else (0, 0)
        depth = max(depth, 1 + below_depth)
        cost += 1 + (LIST_ITEMS if is_list_type(get_nullable_type(kind)) else 1) * below_cost
    return depth, cost


class CostLimit(ValidationRule):
    """Refuses an operation deeper than MAX_QUERY_DEPTH or costlier than MAX_QUERY_COST."""

    def __init__(self, context: ValidationContext) -> None:
        super().__init__(context)
        self.fragments = {
            d.name.value: d for d in context.document.definitions if isinstance(d, FragmentDefinitionNode)
        }

    def enter_operation_definition(self, node: OperationDefinitionNode, *_args: Any) -> None:
        schema = self.context.schema
        root = {"query": schema.query_type, "mutation": schema.mutation_type}.get(node.operation.value)
        depth, cost = measure(node, root, schema, self.fragments)
        if depth > MAX_QUERY_DEPTH:
            self.report_error(GraphQLError(f"Query is too deep: {depth} levels (at most {MAX_QUERY_DEPTH})", node))
        elif cost > MAX_QUERY_COST:
            self.report_error(GraphQLError(f"Query is too costly: {cost} (at most {MAX_QUERY_COST})", node))

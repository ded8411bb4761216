"""Property-based, over the reference app's GraphQL endpoint: random documents (any query or mutation of its
schema, random arguments as variables of their exact types, random selections of the answer's fields) sent
by each persona and by someone not logged in never give a server error, and never give data to a role the
permission matrix (features/security.feature, the platform's own rules) refuses.

The matrix's rules are about someone else's records: no random id names a persona, so every document is.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from behave.parser import parse_file
from graphql import GraphQLInputObjectType, GraphQLList, GraphQLNonNull, GraphQLObjectType, get_named_type
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from demo_app import create_app
from demo_app.gql import build_schema
from tests.conftest import PASSWORD, token_of

ROOT_FEATURE = "features/security.feature"
CALLERS = {None: "not logged in", "guard": "guard", "custodian": "custodian", "client": "client", "admin": "admin"}
SETTINGS = settings(max_examples=12, deadline=None, suppress_health_check=list(HealthCheck))
SCHEMA = build_schema()
TEXT = st.one_of(
    st.text(max_size=20),
    st.sampled_from(["", " ", "0", "1", "2", "3", "-1", "00000000-0000-4000-8000-000000000000", "٣", "2030-01-01"]),
    st.integers(min_value=-(2**40), max_value=2**40).map(str),
)
SCALARS: dict[str, Any] = {
    "String": TEXT,
    "ID": TEXT.filter(lambda t: not (t.isascii() and t.isdigit() and int(t) < 100)),  # never a persona's id
    "Int": st.integers(min_value=-(2**31), max_value=2**31 - 1),
    "Float": st.floats(allow_nan=False, allow_infinity=False, min_value=-1e12, max_value=1e12),
    "Boolean": st.booleans(),
    "JSON": st.one_of(TEXT, st.lists(st.dictionaries(st.text(max_size=8), TEXT, max_size=3), max_size=2)),
}


def matrix() -> dict[str, dict[str, str]]:
    """The matrix's verdicts: operation → caller column → allowed | refused."""
    feature = parse_file(str(Path(__file__).resolve().parents[2] / ROOT_FEATURE))
    outline = next(s for s in feature.scenarios if s.name == "Who may <what>: <operation>")
    return {
        row["operation"]: {column: row[column] for column in CALLERS.values()}
        for examples in outline.examples
        for row in examples.table.rows
    }


MATRIX = matrix()


@pytest.fixture(scope="module")
def people(tmp_path_factory):
    """One app; each persona's token (no random id names a persona: an adminResetPassword would end
    their session for the rest of the module)."""
    app = create_app(
        {
            "DATABASE": str(tmp_path_factory.mktemp("roles") / "app.sqlite"),
            "DEFAULT_PASSWORD": PASSWORD,
            "TESTING": True,
        }
    )
    return app, {key: token_of(app.test_client(), key) for key in CALLERS if key}


def value_of(draw: Any, kind: Any, depth: int = 0) -> Any:
    """A random value of a GraphQL input type (null sometimes where the type allows it)."""
    if not isinstance(kind, GraphQLNonNull) and draw(st.integers(0, 9)) == 0:
        return None
    kind = kind.of_type if isinstance(kind, GraphQLNonNull) else kind
    if isinstance(kind, GraphQLList):
        return [value_of(draw, kind.of_type, depth + 1) for _ in range(draw(st.integers(0, 2 if depth < 2 else 0)))]
    if isinstance(kind, GraphQLInputObjectType):
        return {
            name: value_of(draw, field.type, depth + 1)
            for name, field in kind.fields.items()
            if isinstance(field.type, GraphQLNonNull) or draw(st.booleans())
        }
    return draw(SCALARS.get(kind.name, TEXT))


def selection(draw: Any, kind: Any, depth: int = 0) -> str:
    """A random selection of an output type's fields (none for a scalar), objects two levels deep at most."""
    named = get_named_type(kind)
    if not isinstance(named, GraphQLObjectType):
        return ""
    usable = [
        n for n, f in named.fields.items() if not any(isinstance(a.type, GraphQLNonNull) for a in f.args.values())
    ]
    if depth >= 2:
        usable = [n for n in usable if not isinstance(get_named_type(named.fields[n].type), GraphQLObjectType)]
    chosen = draw(st.lists(st.sampled_from(usable), min_size=1, max_size=4, unique=True)) if usable else []
    parts = [f"{n} {selection(draw, named.fields[n].type, depth + 1)}".strip() for n in chosen] or ["__typename"]
    return "{ " + " ".join(parts) + " }"


OPERATIONS = sorted(
    [("query", n) for n in SCHEMA.query_type.fields if not n.startswith("_")]
    + [("mutation", n) for n in SCHEMA.mutation_type.fields if not n.startswith("_")]
)


@st.composite
def documents(draw: Any, root: str, name: str) -> tuple[str, str, dict[str, Any]]:
    """(operation name, document, variables) calling one field of the schema's Query or Mutation."""
    field = (SCHEMA.query_type if root == "query" else SCHEMA.mutation_type).fields[name]
    variables, declared, arguments = {}, [], []
    for arg_name, arg in field.args.items():
        if isinstance(arg.type, GraphQLNonNull) or draw(st.booleans()):
            declared.append(f"${arg_name}: {arg.type}")
            arguments.append(f"{arg_name}: ${arg_name}")
            variables[arg_name] = value_of(draw, arg.type)
    head = f"{root} fuzz({', '.join(declared)})" if declared else f"{root} fuzz"
    call = f"{name}({', '.join(arguments)})" if arguments else name
    return name, f"{head} {{ {call} {selection(draw, field.type)} }}", variables


@pytest.mark.parametrize(("root", "operation"), OPERATIONS, ids=[n for _r, n in OPERATIONS])
def test_no_document_fails_the_server_or_gives_a_refused_role_data(people, root, operation):
    @SETTINGS
    @given(doc=documents(root, operation), caller=st.sampled_from(list(CALLERS)))
    def check(doc: tuple[str, str, dict[str, Any]], caller: str | None) -> None:
        ask(people, doc, caller)

    check()


def ask(people: Any, doc: tuple[str, str, dict[str, Any]], caller: str | None) -> None:
    """One document as one caller: no server error; no data where the matrix refuses the caller."""
    app, tokens = people
    name, document, variables = doc
    headers = {"Authorization": f"Bearer {tokens[caller]}"} if caller else {}
    response = app.test_client().post("/graphql", json={"query": document, "variables": variables}, headers=headers)
    assert response.status_code < 500, (document, variables, response.get_data(as_text=True)[:300])
    answer = response.get_json()
    messages = [e.get("message", "") for e in answer.get("errors") or []]
    assert "Internal server error" not in messages, (document, variables, messages)
    if MATRIX.get(name, {}).get(CALLERS[caller]) == "refused":
        assert (answer.get("data") or {}).get(name) is None, f"{name} gave the {CALLERS[caller]} {answer['data']}"

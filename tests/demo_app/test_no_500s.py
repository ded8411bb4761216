"""Property-based: no input makes the reference app answer 500 (or a GraphQL "Internal server error").

Hypothesis drives every page address with odd ids and query values, every form the pages offer
with odd field values (CSRF token included, as a browser sends it), and every GraphQL mutation with
arguments of odd values of the right types. The app must answer with a page, a redirect, a 4xx
with a message, or GraphQL errors it means, never a crash.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser
from typing import Any
from urllib.parse import quote, urlencode

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from demo_app import create_app
from tests.conftest import PASSWORD, GraphQL, token_of

ROLES = ("admin", "guard", "custodian", "client")
SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=list(HealthCheck))
ODD_TEXT = st.one_of(
    st.text(max_size=40),
    st.sampled_from(
        [
            "0",
            "-1",
            "99999999999999999999999999",
            "1e309",
            "nan",
            "٣",
            "１２",
            "9999-12-31",
            "0001-01-01",
            "2026-02-30",
            "25:99",
            "' OR 1=1 --",
            "<script>x</script>",
            "../../etc/passwd",
            "%00",
            " ",
            "",
        ]
    ),
    st.integers(min_value=-(2**70), max_value=2**70).map(str),
    st.text(min_size=3000, max_size=5000),
)
# Every page address with a variable part, and the query names its pages read.
ROUTES = (
    "/user/{}",
    "/user/{}/{}",
    "/user/{}/{}/{}",
    "/id/{}",
    "/timesheet/{}",
    "/tasks/{}",
    "/form/{}",
    "/form/{}/private",
    "/form/{}/{}/entries",
    "/edit_form/{}",
    "/request/{}",
    "/login/{}",
)
PAGES = (
    "/search",
    "/logbook",
    "/logbook/invitations",
    "/logbook/guests",
    "/logbook/guests/invite",
    "/payments",
    "/timesheet",
    "/tasks",
    "/forms",
    "/myforms",
    "/mypayments",
    "/scan",
    "/request",
    "/guard_home",
    "/",
)
QUERY_NAMES = (
    "query",
    "tab",
    "subtab",
    "receipt",
    "transaction",
    "page",
    "offset",
    "from",
    "to",
    "search",
    "date",
    "filter",
    "taskId",
    "step",
    "status",
    "type",
    "next",
)


@pytest.fixture(scope="module")
def people(tmp_path_factory):
    """One app for the module, and a logged-in test client per role."""
    app = create_app(
        {
            "DATABASE": str(tmp_path_factory.mktemp("fuzz") / "app.sqlite"),
            "DEFAULT_PASSWORD": PASSWORD,
            "TESTING": True,
            "GRAPHQL_INTROSPECTION": True,  # the fuzzer reads the operations from the schema
        }
    )
    clients = {}
    for role in ROLES:
        client = app.test_client()
        client.set_cookie("dgdp_auth_token", token_of(client, role))
        clients[role] = client
    return app, clients


def _ok(response: Any, what: str) -> None:
    assert response.status_code < 500, f"{what} answered {response.status_code}"


@SETTINGS
@given(
    role=st.sampled_from(ROLES),
    route=st.sampled_from(ROUTES),
    parts=st.lists(ODD_TEXT, min_size=3, max_size=3),
    query=st.dictionaries(st.sampled_from(QUERY_NAMES), ODD_TEXT, max_size=4),
)
def test_no_address_crashes_a_page(people, role, route, parts, query):
    _app, clients = people
    path = route.format(*(quote(p, safe="") or "x" for p in parts))
    url = f"{path}?{urlencode(query)}" if query else path
    _ok(clients[role].get(url), f"GET {url[:120]} as {role}")


@SETTINGS
@given(
    role=st.sampled_from(ROLES),
    page=st.sampled_from(PAGES),
    query=st.dictionaries(st.sampled_from(QUERY_NAMES), ODD_TEXT, max_size=5),
)
def test_no_query_crashes_a_page(people, role, page, query):
    _app, clients = people
    url = f"{page}?{urlencode(query)}"
    _ok(clients[role].get(url), f"GET {url[:120]} as {role}")


class _Forms(HTMLParser):
    """The POST forms of a page: their action and field names (CSRF token value kept)."""

    def __init__(self) -> None:
        super().__init__()
        self.forms: list[dict[str, Any]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        if tag == "form" and (a.get("method") or "").lower() == "post":
            self.forms.append({"action": a.get("action") or "", "fields": {}, "csrf": ""})
        elif self.forms and tag in ("input", "textarea", "select") and a.get("name"):
            if a["name"] == "csrf_token":
                self.forms[-1]["csrf"] = a.get("value") or ""
            else:
                self.forms[-1]["fields"][a["name"]] = a.get("value") or ""


def forms_of(client: Any, page: str) -> list[dict[str, Any]]:
    parser = _Forms()
    parser.feed(client.get(page).get_data(as_text=True))
    return [f for f in parser.forms if f["csrf"]]


@SETTINGS
@given(
    role=st.sampled_from(ROLES),
    page=st.sampled_from(PAGES + ("/forms/create", "/user/1?tab=Plans", "/user/4?tab=Plans", "/user/5")),
    which=st.integers(min_value=0, max_value=9),
    values=st.lists(ODD_TEXT, min_size=12, max_size=12),
)
def test_no_form_value_crashes_a_form(people, role, page, which, values):
    _app, clients = people
    client = clients[role]
    forms = forms_of(client, page)
    if not forms:
        return
    form = forms[which % len(forms)]
    data = {name: values[i % len(values)] for i, name in enumerate(form["fields"])}
    action = form["action"] or page
    _ok(client.post(action, data={**data, "csrf_token": form["csrf"]}), f"POST {action} as {role} from {page}")


def _mutations(gql: GraphQL) -> list[dict[str, Any]]:
    schema = gql(
        "{ __schema { mutationType { fields { name args { name type { kind name ofType { kind name "
        "ofType { kind name ofType { kind name } } } } } } } } }"
    )
    return [f for f in schema["__schema"]["mutationType"]["fields"] if not f["name"].startswith("_")]


def _type_text(t: dict[str, Any]) -> str:
    if t["kind"] == "NON_NULL":
        return _type_text(t["ofType"]) + "!"
    if t["kind"] == "LIST":
        return f"[{_type_text(t['ofType'])}]"
    return t["name"]


def _named(t: dict[str, Any]) -> str:
    while t.get("ofType"):
        t = t["ofType"]
    return t["name"]


SCALARS = {
    "String": ODD_TEXT,
    "ID": ODD_TEXT,
    "Int": st.integers(min_value=-(2**31), max_value=2**31 - 1),
    "Float": st.floats(allow_nan=False, allow_infinity=False, min_value=-1e15, max_value=1e15),
    "Boolean": st.booleans(),
    "JSON": st.one_of(ODD_TEXT, st.dictionaries(st.text(max_size=8), ODD_TEXT, max_size=3)),
}


@pytest.fixture(scope="module")
def mutations(people):
    app, _clients = people
    client = app.test_client()
    return GraphQL(client, token_of(client, "admin")), _mutations(GraphQL(client, token_of(client, "admin")))


@SETTINGS
@given(data=st.data(), role=st.sampled_from(ROLES))
def test_no_argument_crashes_a_mutation(people, mutations, data, role):
    app, _clients = people
    _admin, fields = mutations
    field = data.draw(st.sampled_from(fields))
    variables, declared = {}, []
    for arg in field["args"]:
        name, kind = arg["name"], _named(arg["type"])
        strategy = SCALARS.get(kind)
        if strategy is None:  # an input object: leave optional ones out, give required ones an empty object
            if arg["type"]["kind"] == "NON_NULL":
                declared.append(f"${name}: {_type_text(arg['type'])}")
                variables[name] = [{}] if "[" in _type_text(arg["type"]) else {}
            continue
        if "[" in _type_text(arg["type"]):
            strategy = st.lists(strategy, max_size=3)
        declared.append(f"${name}: {_type_text(arg['type'])}")
        variables[name] = data.draw(strategy)
    arguments = ", ".join(f"{d.split(':')[0][1:]}: {d.split(':')[0]}" for d in declared)
    document = (
        f"mutation fuzz{'(' + ', '.join(declared) + ')' if declared else ''} "
        f"{{ {field['name']}{'(' + arguments + ')' if arguments else ''} {{ __typename }} }}"
    )
    client = app.test_client()
    answer = GraphQL(client, token_of(client, role)).raw(document, variables)
    messages = [e.get("message", "") for e in answer.get("errors") or []]
    assert not any(re.search(r"internal server error", m, re.I) for m in messages), (field["name"], variables, messages)

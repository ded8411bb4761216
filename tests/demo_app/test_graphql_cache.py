"""The GraphQL endpoint keeps parsed and validated operations; answers stay exactly what they were."""

from __future__ import annotations

import pytest
from graphql import GraphQLError, build_schema

from demo_app.gql.cache import OperationCache

SCHEMA = build_schema("type Query { hello: String, n: Int }")


def test_the_same_text_is_parsed_once_and_validated_once(monkeypatch):
    cache = OperationCache()
    first = cache.parse(None, {"query": "{ hello }"})
    assert cache.parse(None, {"query": "{ hello }"}) is first
    assert cache.validate(SCHEMA, first) == []
    monkeypatch.setattr("demo_app.gql.cache.validate", lambda *a, **k: pytest.fail("validated twice"))
    assert cache.validate(SCHEMA, first) == []


def test_an_invalid_operation_keeps_its_errors_and_a_syntax_error_is_raised_every_time():
    cache = OperationCache()
    wrong = cache.parse(None, {"query": "{ goodbye }"})
    errors = cache.validate(SCHEMA, wrong)
    assert [e.message for e in errors] == ["Cannot query field 'goodbye' on type 'Query'."]
    assert cache.validate(SCHEMA, wrong) == errors
    for _ in range(2):
        with pytest.raises(GraphQLError, match="Syntax Error"):
            cache.parse(None, {"query": "{ hello"})
    assert "{ hello" not in cache.documents


def test_the_cache_is_bounded_and_forgets_the_oldest_first():
    cache = OperationCache(limit=2)
    a = cache.parse(None, {"query": "{ hello }"})
    cache.validate(SCHEMA, a)
    cache.parse(None, {"query": "{ n }"})
    cache.parse(None, {"query": "{ hello n }"})
    assert list(cache.documents) == ["{ n }", "{ hello n }"]
    assert id(a) not in cache.errors


def test_the_endpoint_answers_the_same_twice(client):
    for _ in range(2):
        answer = client.post("/graphql", json={"query": "{ nobodyHere }"}).get_json()
        assert answer["errors"][0]["message"] == "Cannot query field 'nobodyHere' on type 'Query'."
    for _ in range(2):
        answer = client.post("/graphql", json={"query": "{ currentUser { id } }"}).get_json()
        assert answer["data"] == {"currentUser": None}
        assert [e["message"] for e in answer["errors"]] == ["Must be logged in to perform this action"]

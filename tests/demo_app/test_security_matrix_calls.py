"""The permission matrix's calls (prodready/scenario/security_matrix.py) write nothing: asked of the
reference app by every persona and by someone not logged in, each operation leaves every table as it was,
and no answer is a server error. So the matrix may run on production (@read_only)."""

from __future__ import annotations

import sqlite3

import pytest

from prodready.scenario.security_matrix import PROBES, Asking
from tests.conftest import GraphQL, token_of

CALLERS = (None, "guard", "custodian", "client", "admin")


def counts(path: str) -> dict[str, int]:
    """Every table's number of rows."""
    with sqlite3.connect(path) as db:
        tables = [r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
        return {t: db.execute(f'SELECT count(*) FROM "{t}"').fetchone()[0] for t in tables}


@pytest.fixture(scope="module")
def asked(tmp_path_factory):
    """One reference app, each persona's token, and the admin's id for the calls that need it."""
    from demo_app import create_app
    from tests.conftest import PASSWORD

    path = str(tmp_path_factory.mktemp("matrix") / "app.sqlite")
    app = create_app({"DATABASE": path, "DEFAULT_PASSWORD": PASSWORD, "TESTING": True})
    tokens = {key: token_of(app.test_client(), key) for key in CALLERS if key}
    admin_id = GraphQL(app.test_client(), tokens["admin"])("{ currentUser { id } }")["currentUser"]["id"]
    return app, path, tokens, Asking("4242", admin_id)


@pytest.mark.parametrize("operation", sorted(PROBES))
def test_every_call_of_the_matrix_writes_nothing_and_never_fails_the_server(asked, operation):
    app, path, tokens, asking = asked
    probe = PROBES[operation]
    before = counts(path)
    for caller in CALLERS:
        headers = {"Authorization": f"Bearer {tokens[caller]}"} if caller else {}
        answer = app.test_client().post(
            "/graphql", json={"query": probe.document, "variables": probe.variables(asking)}, headers=headers
        )
        assert answer.status_code == 200, (caller, answer.get_data(as_text=True)[:200])
        messages = [e["message"] for e in answer.get_json().get("errors") or []]
        assert "Internal server error" not in messages, (caller, messages)
    assert counts(path) == before, operation

"""Safe production runs: read-only refusal, missing credentials, and a scan of everything a run writes.

Each test runs behave in a subprocess with its own config (-D config=…) and reports folder, so the
project's reports/ is never touched. A fake chromedriver that leaves a marker file proves that
the refused runs never tried to start a browser.
"""

from __future__ import annotations

import html
import json
import os
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import quote_plus

import pytest

ROOT = Path(__file__).resolve().parent.parent
MASK = "••••••"
PERSONAS = """
[personas.guard]
role = "security_guard"
name = "A Guard"
username = "guard"

[personas.admin]
role = "admin"
name = "An Admin User"
username = "admin"

[personas.custodian]
role = "custodian"
name = "Mr Custodian"
username = "custodian"

[personas.client]
role = "client"
name = "Mary Client"
username = "client"

[personas.worker]
role = "security_guard"
name = "mama Guard"
username = "mama.guard"
logs_in = false
"""
LOGGING_IN = ("guard", "admin", "custodian", "client")
CONFIG = (
    PERSONAS
    + """
# The reference app, marked read-only as production is.
[targets.production]
embedded = true
read_only = true
gate = "off"

# The reference app with known secrets planted through env: references.
[targets.leaky]
embedded = true
gate = "off"
"""
    + "".join(
        f'\n[targets.leaky.personas.{p}]\npassword = "env:PRODREADY_SCAN_{p.upper()}_PASSWORD"\n' for p in LOGGING_IN
    )
    + """
[targets.unreachable]
base_url = "http://127.0.0.1:9"
"""
    + "".join(
        f'\n[targets.unreachable.personas.{p}]\npassword = "env:PRODREADY_SAFETY_UNSET_{p.upper()}_PASSWORD"\n'
        for p in LOGGING_IN
    )
)
SECRETS = {
    "PRODREADY_SCAN_ADMIN_PASSWORD": 'Adm1n "pw" & <é>+/x',  # quotes, markup, accents: every encoder has a go
    "PRODREADY_SCAN_GUARD_PASSWORD": "Gu4rd-secret-5521",
    "PRODREADY_SCAN_CUSTODIAN_PASSWORD": "Cust0dian-secret-8830",
    "PRODREADY_SCAN_CLIENT_PASSWORD": "Cli3nt-secret-1177",
}
FEATURE = """Feature: The suite keeps secrets out of everything it writes

  @checklist.application.overall @read_only
  Scenario: The admin looks somebody up
    Given the admin is logged in
    When the admin searches for "Mary"
    Then the search shows "Mary Client"

  @checklist.application.overall
  Scenario: The admin types their password where everyone can see it
    Given the admin is logged in
    When the admin types their own password into the search box and searches
    And the suite writes the secrets to its output, its log and the browser console
    Then the search box is empty
"""
STEPS = '''"""Steps of the secret scan: a search, and a scenario that leaks on purpose then fails."""
import logging
import os

from behave import then, when

from pages.people import SearchPage


@when('the {who:Persona} searches for "{term}"')
def step_search(context, who, term):
    page = context.cast.actor(who).open(SearchPage)
    page.search(term)
    context.notes["results"] = page.result_names()


@then('the search shows "{name}"')
def step_search_shows(context, name):
    assert name in context.notes["results"], context.notes["results"]


@when("the {who:Persona} types their own password into the search box and searches")
def step_type_password(context, who):
    actor = context.cast.actor(who)
    actor.open(SearchPage).search(actor.credentials.password)


@when("the suite writes the secrets to its output, its log and the browser console")
def step_leak(context):
    actor = context.cast.last_actor()
    token = context.cast.api_as(actor.persona.key).token  # the platform's auth token, also a secret
    with open(os.environ["PRODREADY_LEAK_FILE"], "w", encoding="utf-8") as out:
        out.write(token)
    secrets = " | ".join([actor.credentials.password, token])
    print("captured stdout:", secrets)
    logging.getLogger("leak").error("logged: %s", secrets)
    actor.session.driver.execute_script("console.error('console: ' + arguments[0])", secrets)


@then("the search box is empty")
def step_box_empty(context):
    page = context.cast.last_actor().on(SearchPage)
    value = page.find(SearchPage.MARKER).get_attribute("value")
    assert value == "", f"the search box still holds {value!r}"
'''


@pytest.fixture
def project(tmp_path):
    """A tiny behave project: the suite's environment.py and common steps, plus the scan's own steps."""
    proj = tmp_path / "proj"
    (proj / "steps").mkdir(parents=True)
    (proj / "features").mkdir()
    (proj / "environment.py").symlink_to(ROOT / "environment.py")
    (proj / "steps" / "common_steps.py").symlink_to(ROOT / "steps" / "common_steps.py")
    (proj / "steps" / "scan_steps.py").write_text(STEPS, encoding="utf-8")
    (proj / "features" / "secrets.feature").write_text(FEATURE, encoding="utf-8")
    (proj / "test.toml").write_text(CONFIG, encoding="utf-8")
    (proj / "behave.ini").write_text("[behave]\nrunner = prodready.run.behave_runner:Runner\n", encoding="utf-8")
    return proj


@pytest.fixture
def no_browser(tmp_path):
    """A chromedriver stand-in that records being started (and then fails)."""
    marker = tmp_path / "a-browser-was-started"
    fake = tmp_path / "fake-chromedriver"
    fake.write_text(f"#!/bin/sh\ntouch '{marker}'\nexit 1\n", encoding="utf-8")
    fake.chmod(0o755)
    return {"CHROMEDRIVER_PATH": str(fake)}, marker


def behave(
    args: list[str], cwd: Path, reports: Path, env: dict[str, str] | None = None, timeout: float = 180
) -> tuple[subprocess.CompletedProcess, float]:
    """Run behave like a user would, reports in `reports`; the result and the seconds it took."""
    environ = {k: v for k, v in os.environ.items() if not k.startswith("PRODREADY_")}
    environ.update(PYTHONPATH=str(ROOT), SE_OFFLINE="true", **(env or {}))
    started = time.monotonic()
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "behave",
            *args,
            "-D",
            f"reports={reports}",
            "--junit",
            "--junit-directory",
            str(reports / "junit"),
        ],
        cwd=cwd,
        env=environ,
        capture_output=True,
        text=True,
        timeout=timeout,
    )
    return done, time.monotonic() - started


# -- read-only targets -------------------------------------------------------------------------
def test_a_writing_scenario_on_a_read_only_target_is_refused_before_any_browser_starts(project, tmp_path, no_browser):
    env, marker = no_browser
    reports = tmp_path / "reports"
    done, seconds = behave(["-D", f"config={project / 'test.toml'}", "-D", "target=production"], project, reports, env)
    assert done.returncode == 2, done.stdout + done.stderr
    assert (
        "target 'production' is read-only: only @read_only scenarios may run there; refused 1:\n"
        "  features/secrets.feature:10  The admin types their password where everyone can see it"
    ) in done.stderr
    assert "The admin looks somebody up" not in done.stderr  # @read_only: allowed
    assert not marker.exists(), "a browser was started"
    assert "reference app serving" not in done.stderr and "chrome" not in done.stderr.lower()
    assert seconds < 20
    assert not (reports / "behave.json").exists()


def test_the_read_only_set_runs_on_a_read_only_target(project, tmp_path):
    reports = tmp_path / "reports"
    done, _ = behave(["-D", "config=test.toml", "-D", "target=production", "-t", "@read_only"], project, reports)
    assert done.returncode == 0, done.stdout + done.stderr
    report = json.loads((reports / "readiness.json").read_text(encoding="utf-8"))
    ran = [(s["name"], s["status"]) for s in report["scenarios"] if s["status"] != "not run"]
    assert ran == [("The admin looks somebody up", "passed")]
    assert report["run"]["read_only"] is True and report["run"]["target"] == "production"
    assert "prodready: readiness NO-GO" in done.stderr  # only one item checked: the others are named
    assert "prodready: not covered by this run: Gate Access: Manual Entry;" in done.stderr


# -- secrets -----------------------------------------------------------------------------------
def test_a_missing_credential_fails_before_the_run_naming_the_variable(project, tmp_path, no_browser):
    env, marker = no_browser
    done, _ = behave(["-D", "config=test.toml", "-D", "target=unreachable"], project, tmp_path / "reports", env)
    assert done.returncode == 2, done.stdout + done.stderr
    assert "target 'unreachable' needs its logins: set the environment variables " in done.stderr
    assert "PRODREADY_SAFETY_UNSET_ADMIN_PASSWORD" in done.stderr
    assert "PRODREADY_SAFETY_UNSET_GUARD_PASSWORD" in done.stderr
    assert not marker.exists()
    assert "reference app serving" not in done.stderr


def encodings(secret: str) -> set[str]:
    """How a secret may look once written: raw, JSON, XML/HTML escapes, the app's template, a URL."""
    amp = secret.replace("&", "&amp;")
    return {
        secret,
        json.dumps(secret)[1:-1],
        html.escape(secret, quote=False),
        html.escape(secret, quote=False).replace('"', "&quot;"),
        amp.replace('"', "&quot;"),
        html.escape(secret, quote=False).replace('"', "&#34;"),
        quote_plus(secret, safe=""),
    }


def test_no_secret_appears_in_anything_a_failing_run_writes(project, tmp_path):
    reports = tmp_path / "reports"
    extra = ["-D", "allure=true"] if _has_allure() else []
    leak_file = tmp_path / "leaked-token"
    done, _ = behave(
        ["-D", "config=test.toml", "-D", "target=leaky", *extra],
        project,
        reports,
        {**SECRETS, "PRODREADY_LEAK_FILE": str(leak_file)},
    )
    assert done.returncode == 1, done.stdout + done.stderr  # the leaking scenario fails on purpose
    # Evidence was written, and the failure's message went everywhere a message goes — masked.
    shots = list((reports / "artifacts").glob("*/admin/screenshot.png"))
    assert len(shots) == 1 and shots[0].stat().st_size > 1000
    evidence = json.loads((shots[0].parent.parent / "evidence.json").read_text(encoding="utf-8"))
    assert any(MASK in line for line in evidence[0]["console"])
    assert MASK in done.stdout  # behave's own output of the failed step
    for name in ("behave.json", "readiness.json", "readiness.html"):
        assert MASK in (reports / name).read_text(encoding="utf-8"), name
    assert any(MASK in p.read_text(encoding="utf-8") for p in (reports / "junit").glob("*.xml"))
    report = json.loads((reports / "readiness.json").read_text(encoding="utf-8"))
    assert report["verdict"] == "NO-GO" and report["counts"]["failed"] == 1
    written = [p for p in reports.rglob("*") if p.is_file()]
    if extra:
        assert any(p.parent.name == "allure-results" for p in written)
    leaks = []
    secrets = {**SECRETS, "the admin's auth token": leak_file.read_text(encoding="utf-8")}
    for variable, secret in secrets.items():
        for form in encodings(secret):
            leaks += [
                f"{variable} as {form!r} in {p.relative_to(reports)}"
                for p in written
                if form.encode() in p.read_bytes()
            ]
            leaks += [
                f"{variable} as {form!r} in {stream}"
                for stream, text in (("stdout", done.stdout), ("stderr", done.stderr))
                if form in text
            ]
    assert leaks == []


def _has_allure() -> bool:
    try:
        import allure_behave  # noqa: F401
    except ImportError:
        return False
    return True

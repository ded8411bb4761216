"""readiness.html as a stakeholder sees it: opened in headless Chromium, verdict and checklist visible.

PRODREADY_UPDATE_DOCS=1 also saves the picture the README shows (docs/readiness-report.png).
"""

from __future__ import annotations

import json
import os
import time
from pathlib import Path

import pytest
from report_fixtures import (
    covering_everything,
    feature,
    location_of,
    scenario,
    step,
    write_evidence,
    write_run,
)

from prodready.browser.drivers import BrowserSettings, BrowserUnavailable, start_driver
from prodready.core.artifacts import folder_name
from prodready.core.checklist import ITEMS
from prodready.reporting.report import build_reports

ROOT = Path(__file__).resolve().parent.parent
DOCS_PICTURE = ROOT / "docs" / "readiness-report.png"

# Scenario names as the suite's features word them, per checklist item (two runs' worth of a real suite).
NAMES = {
    "gate_access.manual_entry": [
        "Manual entry: the guard grants a visitor and adds an observation",
        "A visitor the guard denies is logged as denied",
    ],
    "gate_access.scan_entry": [
        "Scan entry with a phone: the guard scans the QR code on the admin's phone",
        "The scanner refuses a code that belongs to another site",
    ],
    "gate_access.registered_guests": ["Granting access to a registered guest whose visit is valid now"],
    "payments.dashboard": ["The admin sees the payments dashboard with its totals"],
    "payments.submit_payment": [
        "The admin records a cash payment for Mary Client",
        "A payment without an amount is refused",
    ],
    "forms.create_form": ["The admin creates a form with two fields"],
    "forms.submit_form": ["Mary Client submits the form and the admin sees her answers"],
    "timesheet.start_shift": ["The custodian starts mama Guard's shift"],
    "timesheet.end_shift": ["The custodian ends mama Guard's shift after the wait"],
    "timesheet.all_shifts": ["The custodian sees all workers' shifts of the month"],
    "tasks.dashboard": ["The admin sees the task dashboard's columns"],
    "tasks.assign_task": ["The admin assigns a task to the guard"],
    "application.overall": ["A guard cannot open an admin's page"],
}
FAILING = "The admin records a cash payment for Mary Client"
FLAKY = "The admin assigns a task to the guard"


def _features(failing: str | None) -> list[dict]:
    """One run's behave.json: every item covered by the names above, `failing` failed."""
    areas: dict[str, list] = {}
    line = 10
    for item in ITEMS:
        for name in NAMES[item.id]:
            line += 9
            steps = [
                step("the admin is logged in", duration=0.41),
                step("the admin opens the page", "passed", 0.62 + line / 1000, "When"),
            ]
            if name == failing:
                steps += [
                    step('the admin records a payment of "250.00" in cash', "passed", 0.9, "When"),
                    step(
                        'the receipt shows "K 250.00"',
                        "failed",
                        5.01,
                        "Then",
                        error="Assertion Failed: the receipt shows 'K 0.00', expected 'K 250.00'",
                    ),
                ]
            areas.setdefault(item.area, []).append(
                scenario(
                    name,
                    f"checklist.{item.id}",
                    status="failed" if name == failing else "passed",
                    line=line,
                    steps=steps,
                    file=f"features/{item.id.split('.')[0]}.feature",
                )
            )
    return [feature(area, elements, file=elements[0]["location"].rsplit(":", 1)[0]) for area, elements in areas.items()]


def _realistic_run(reports: Path) -> None:
    """A nightly run: everything covered, one failed payment (with evidence), one flaky task, 12 runs of history."""
    start = time.time() - 11 * 86_400 - 600  # the nightly runs of the last eleven days, then this one
    for n in range(11):  # earlier nightly runs: mostly GO, one bad night
        write_run(
            reports, _features(FAILING if n == 6 else None), started=start + n * 86_400, duration=61 + (n * 7) % 23
        )
        build_reports(reports)
    features = _features(FAILING)
    location = location_of(features, FAILING)
    folder = write_evidence(
        reports,
        folder_name(location, FAILING),
        {
            "admin": {
                "url": "http://127.0.0.1:41703/payments/new?user=4",
                "name": "An Admin User",
                "console": ["[error] http://127.0.0.1:41703/payments - Failed to load resource: 500"],
            },
            "client": {"url": "http://127.0.0.1:41703/my_payments", "name": "Mary Client", "colour": "#2e7d32"},
        },
    )
    write_run(
        reports,
        features,
        started=start + 11 * 86_400,
        duration=74.0,
        artifacts={location: str(folder)},
        base_url="http://127.0.0.1:41703",
        browser="chrome 156.0.8078.108",
        seed=306146,
        commit="a5ec67f",
        command="prodready run --workers 2 --retries 1",
    )
    flaky_one = next(el for f in features for el in f["elements"] if el["name"] == FLAKY)
    (reports / "flaky.json").write_text(
        json.dumps([{"location": flaky_one["location"], "name": FLAKY, "attempts": 2}]), encoding="utf-8"
    )


@pytest.fixture(scope="module")
def driver():
    try:
        browser = start_driver(BrowserSettings())
    except BrowserUnavailable as exc:
        pytest.skip(str(exc))
    browser.set_window_size(1280, 1000)
    yield browser
    browser.quit()


def _open(driver, reports: Path) -> None:
    driver.get((reports / "readiness.html").as_uri())


def test_a_stakeholder_sees_the_verdict_first_then_the_checklist_in_the_page_words(driver, tmp_path):
    _realistic_run(tmp_path)
    report = build_reports(tmp_path)
    assert report["verdict"] == "NO-GO" and report["counts"]["flaky"] == 1
    _open(driver, tmp_path)
    verdict = driver.find_element("id", "verdict")
    assert verdict.is_displayed()
    assert verdict.location["y"] < 40  # first thing on the page
    assert verdict.text.startswith("NO-GO\nNot ready: problems on demo, the reference app")
    assert "1 scenario failed: The admin records a cash payment for Mary Client" in verdict.text
    rows = driver.find_elements("css selector", "#checklist tr.item")
    assert [r.find_element("css selector", ".title").text for r in rows] == [i.title for i in ITEMS]
    assert all(r.is_displayed() for r in rows)
    areas = [a.text for a in driver.find_elements("css selector", "#checklist tr.area th")]
    assert areas == ["GATE ACCESS", "PAYMENTS", "FORMS", "TIMESHEET", "TASKS", "THE APPLICATION OVERALL"]
    statuses = {r.get_attribute("data-item"): r.find_element("css selector", ".pill").text for r in rows}
    assert statuses["payments.submit_payment"] == "✗ Failed"
    assert statuses["tasks.assign_task"] == "⚠ Flaky"
    assert statuses["gate_access.manual_entry"] == "✓ Passed"
    # The failure is open, with each person's screenshot decoded from the page itself.
    failed = driver.find_element("css selector", 'details.scenario[data-status="failed"]')
    assert failed.get_attribute("open") is not None
    images = failed.find_elements("css selector", ".actor img")
    assert len(images) == 2
    assert all(
        driver.execute_script("return arguments[0].complete && arguments[0].naturalWidth", i) == 320 for i in images
    )
    assert "Failed to load resource: 500" in failed.text
    trend = driver.find_element("css selector", "svg.trend")
    assert trend.size["height"] > 100 and len(trend.find_elements("css selector", "rect")) >= 12
    # Nothing was fetched from anywhere: the file stands alone.
    assert driver.execute_script("return performance.getEntriesByType('resource').length") == 0
    if os.environ.get("PRODREADY_UPDATE_DOCS") == "1":
        DOCS_PICTURE.parent.mkdir(exist_ok=True)
        height = driver.execute_script("return document.getElementById('scenarios').offsetTop") + 40
        driver.set_window_size(1280, height + 140)  # the window's frame; the page area gets `height`
        driver.save_screenshot(str(DOCS_PICTURE))
        driver.set_window_size(1280, 1000)


def test_a_go_report_says_so_in_green(driver, tmp_path):
    build_reports(write_run(tmp_path, covering_everything()))
    _open(driver, tmp_path)
    verdict = driver.find_element("id", "verdict")
    assert verdict.text.startswith("GO\nEvery must-work feature passed on demo, the reference app")
    colour = driver.execute_script("return getComputedStyle(arguments[0]).backgroundColor", verdict)
    assert colour == "rgb(46, 125, 50)"
    pills = driver.find_elements("css selector", "#checklist tr.item .pill")
    assert len(pills) == len(ITEMS) and {p.text for p in pills} == {"✓ Passed"}

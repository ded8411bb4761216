"""The known-defects ledger: on a target running the platform's code, a failure of a scenario tagged
with a documented defect is a known defect (still NO-GO), one that passes is flagged, an undocumented
failure stays a failure; on the reference app the tag changes nothing."""

from __future__ import annotations

from report_fixtures import covering_everything, write_run

from prodready.core import defects
from prodready.reporting.report import build_reports

LEDGER_TEXT = """# Platform defects

## Gate Access

### 1. A denied visitor is shown as "Granted Access" in the logbook

- **Id**: `gate.denied_shown_as_granted`
- **Severity**: high
- **What**: the chip says Granted Access.

### 2. Read in the source only, asserted by a test

- **What**: no id: a pytest test asserts it.

## Forms

1. **The confirmation disappears at once.** It reloads.
   - **Id**: `forms.confirmation_vanishes`
"""


def test_the_ledger_is_read_from_the_defects_page_with_titles_areas_and_severity():
    found = defects.parse(LEDGER_TEXT)
    assert set(found) == {"gate.denied_shown_as_granted", "forms.confirmation_vanishes"}
    gate = found["gate.denied_shown_as_granted"]
    assert (gate.title, gate.area, gate.severity) == (
        'A denied visitor is shown as "Granted Access" in the logbook',
        "Gate Access",
        "high",
    )
    forms = found["forms.confirmation_vanishes"]
    assert (forms.title, forms.area, forms.severity) == ("The confirmation disappears at once", "Forms", "")


def test_the_projects_defects_page_has_an_id_for_every_entry_it_lists():
    assert all(d.title and d.area for d in defects.ledger().values())


def _run(tmp_path, monkeypatch, statuses, extra_tags, **meta):
    monkeypatch.setattr(defects, "ledger", lambda path=None: defects.parse(LEDGER_TEXT))
    features = covering_everything(statuses)
    for f in features:
        for s in f["elements"]:
            s["tags"] += extra_tags.get(s["tags"][0].removeprefix("checklist."), [])
    return build_reports(write_run(tmp_path, features, **meta))


def test_a_documented_defect_is_a_known_defect_on_the_platform_and_still_no_go(tmp_path, monkeypatch):
    report = _run(
        tmp_path,
        monkeypatch,
        {"gate_access.manual_entry": "failed"},
        {"gate_access.manual_entry": ["defect.gate.denied_shown_as_granted"]},
        target="platform",
        embedded=False,
        known_defects=True,
    )
    assert report["verdict"] == "NO-GO"
    assert report["counts"]["failed"] == 0 and report["counts"]["known_defect"] == 1
    assert [r["kind"] for r in report["reasons"]] == ["known defects"]
    item = next(i for i in report["checklist"] if i["id"] == "gate_access.manual_entry")
    assert item["status"] == "known defect"
    [row] = report["ledger"]["defects"]
    assert (row["id"], row["severity"], row["state"]) == ("gate.denied_shown_as_granted", "high", "red, as documented")
    html = (tmp_path / "readiness.html").read_text()
    assert 'id="ledger"' in html and "Known platform defects" in html and "✗ Known defect" in html
    # The verdict's reason counts them and points at the ledger, which names each scenario under its defect.
    reason = html.split("<ul class=reasons>", 1)[1].split("</ul>", 1)[0]
    scenario = report["reasons"][0]["scenarios"][0]
    assert "1 scenario red for documented platform defects (the ledger below)" in reason and scenario not in reason


def test_an_undocumented_failure_is_a_failure_even_with_a_defect_tag(tmp_path, monkeypatch):
    report = _run(
        tmp_path,
        monkeypatch,
        {"gate_access.manual_entry": "failed", "payments.dashboard": "failed"},
        {"gate_access.manual_entry": ["defect.gate.no_such_entry"]},
        target="platform",
        embedded=False,
        known_defects=True,
    )
    assert report["counts"]["failed"] == 2 and report["counts"]["known_defect"] == 0
    assert report["ledger"]["undocumented_tags"] == ["features/gate_access.feature:10 @defect.gate.no_such_entry"]


def test_a_documented_defect_that_passes_is_flagged(tmp_path, monkeypatch):
    report = _run(
        tmp_path,
        monkeypatch,
        {},
        {"forms.submit_form": ["defect.forms.confirmation_vanishes"]},
        target="platform",
        embedded=False,
        known_defects=True,
    )
    assert report["verdict"] == "GO"
    [row] = report["ledger"]["defects"]
    assert row["state"] == "passed: fixed?"
    assert any("forms.confirmation_vanishes" in w and "fixed?" in w for w in report["warnings"])


def test_on_the_reference_app_a_defect_tag_changes_nothing(tmp_path, monkeypatch):
    report = _run(
        tmp_path,
        monkeypatch,
        {"gate_access.manual_entry": "failed"},
        {"gate_access.manual_entry": ["defect.gate.denied_shown_as_granted"]},
    )
    assert report["counts"]["failed"] == 1 and report["counts"]["known_defect"] == 0
    assert report["ledger"] == {"applies": False, "defects": [], "undocumented_tags": []}
    assert 'id="ledger"' not in (tmp_path / "readiness.html").read_text()


def test_the_runner_fails_on_a_known_defect_unless_told_to_allow_it_and_always_on_a_surprise(
    tmp_path, monkeypatch, capsys
):
    import time

    from prodready.run import runner

    monkeypatch.setattr(defects, "ledger", lambda path=None: defects.parse(LEDGER_TEXT))
    features = covering_everything({"gate_access.manual_entry": "failed"})
    features[0]["elements"][0]["tags"].append("defect.gate.denied_shown_as_granted")
    write_run(tmp_path, features, target="platform", embedded=False, known_defects=True)
    assert runner._finish(tmp_path, [], time.time()) == 1
    assert runner._finish(tmp_path, [], time.time(), allow_known=True) == 0
    assert "12 passed (0 flaky), 0 failed, 1 known platform defects (the ledger)" in capsys.readouterr().out
    features = covering_everything({"gate_access.manual_entry": "failed", "payments.dashboard": "failed"})
    features[0]["elements"][0]["tags"].append("defect.gate.denied_shown_as_granted")
    write_run(tmp_path, features, target="platform", embedded=False, known_defects=True)
    assert runner._finish(tmp_path, [], time.time(), allow_known=True) == 1

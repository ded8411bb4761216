"""The readiness report: readiness.json + readiness.html + history.json from one reports folder.

Inputs (the same for a serial run and a merged parallel one): behave.json, run-meta.json and,
when the runner retried scenarios, flaky.json. Rebuild by hand: `python -m prodready.reporting.report [DIR]`.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

from prodready.core import defects
from prodready.core.artifacts import FOLDER, INDEX, evidence_folder
from prodready.core.checklist import ITEMS
from prodready.core.config import ROOT
from prodready.core.masking import mask, mask_data, sweep
from prodready.core.verdicts import GO
from prodready.reporting import history, ledger, readiness, results
from prodready.reporting.report_html import render
from prodready.reporting.results import FAILED, FLAKY, KNOWN_DEFECT, NOT_COVERED, NOT_RUN, PASSED, Scenario, load_json

HISTORY_SIZE = 30


def build_reports(reports_dir: Path, *, history_size: int = HISTORY_SIZE) -> dict[str, Any]:
    """Write readiness.json, readiness.html and history.json; mask secrets in every text file there."""
    reports = Path(reports_dir)
    reports.mkdir(parents=True, exist_ok=True)
    features = load_json(reports / "behave.json", None)
    meta = load_json(reports / "run-meta.json", {})
    meta = meta if isinstance(meta, dict) else {}
    status = str(meta.get("status") or "missing")
    if status in readiness.ABORTED:
        features = []  # stopped before any scenario: a behave.json here is an older run's
    elif not isinstance(features, list):
        features, status = [], "missing"
    scenarios = results.scenarios_of(features, _flaky(reports, meta))
    documented = defects.ledger()
    known = ledger.apply(scenarios, documented, bool(meta.get("known_defects")))
    written = results.written_scenarios(meta.get("paths") or [str(ROOT / "features")])
    items = readiness.coverage(scenarios, written, bool(meta.get("read_only")))
    gate = meta.get("gate") if isinstance(meta.get("gate"), dict) else None
    problems = meta.get("shard_problems") if isinstance(meta.get("shard_problems"), list) else None
    verdict, reasons, warnings = readiness.verdict(scenarios, items, gate, status, problems)
    warnings += ledger.warnings(known)
    report = _document(reports, meta, status, scenarios, written, items, gate, verdict, reasons, warnings)
    report["ledger"] = {
        "applies": bool(meta.get("known_defects")),
        "defects": known,
        "undocumented_tags": ledger.undocumented_tags(scenarios, documented),
    }
    report = mask_data(report)
    runs = history.update(
        reports, mask_data(history.entry(verdict, scenarios, meta, report["coverage"]["missing"])), history_size
    )
    report["history"] = {"file": history.FILENAME, "runs": len(runs)}
    (reports / "readiness.json").write_text(mask(json.dumps(report, indent=2, ensure_ascii=False)), encoding="utf-8")
    (reports / "readiness.html").write_text(mask(render(report, runs, reports)), encoding="utf-8")
    sweep([reports])
    return report


def _flaky(reports: Path, meta: dict[str, Any]) -> list[dict[str, Any]]:
    """The parallel runner's flaky.json, when it belongs to this run (a serial run leaves an old one)."""
    path = reports / "flaky.json"
    flaky = load_json(path, [])
    if (
        not isinstance(flaky, list)
        or not path.is_file()
        or (meta.get("started") and path.stat().st_mtime < float(meta["started"]))
    ):
        return []
    return [f for f in flaky if isinstance(f, dict)]


def _document(
    reports: Path,
    meta: dict[str, Any],
    status: str,
    scenarios: list[Scenario],
    written: list[tuple[str, str, list[str]]],
    items: list[dict[str, Any]],
    gate: dict[str, Any] | None,
    verdict: str,
    reasons: list[dict[str, Any]],
    warnings: list[str],
) -> dict[str, Any]:
    """readiness.json's content."""
    ran = [s for s in scenarios if s.status != NOT_RUN]
    uncovered = [i["id"] for i in items if i["status"] == NOT_COVERED]
    in_run = {s.location.rsplit(":", 1)[0].rsplit("/", 1)[-1] for s in scenarios}
    files_not_run = sorted({w[0] for w in written} - in_run)
    not_selected = sum(1 for s in scenarios if s.status == NOT_RUN)
    started, finished = meta.get("started"), meta.get("finished")
    return {
        "verdict": verdict,
        "reasons": reasons,
        "warnings": warnings,
        "counts": {
            "ran": len(ran),
            PASSED: sum(s.status == PASSED for s in ran),
            FAILED: sum(s.status == FAILED for s in ran),
            FLAKY: sum(s.status == FLAKY for s in ran),
            "known_defect": sum(s.status == KNOWN_DEFECT for s in ran),
            "not_run": not_selected,
        },
        "coverage": {
            "total": len(ITEMS),
            "covered": len(ITEMS) - len(uncovered),
            "missing": len(uncovered),
            "not_covered": uncovered,
        },
        "subset": {
            "is_subset": bool(not_selected or files_not_run),
            "scenarios_not_selected": not_selected,
            "feature_files_not_run": files_not_run,
            "items_not_covered": uncovered,
        },
        "checklist": items,
        "gate": gate,
        "issues": results.issues_verified(scenarios),
        "scenarios": [_scenario(s, meta, reports) for s in scenarios],
        "run": {
            "status": status,
            "target": meta.get("target"),
            "base_url": meta.get("base_url"),
            "read_only": meta.get("read_only"),
            "embedded": meta.get("embedded"),
            "browser": meta.get("browser"),
            "seed": meta.get("seed"),
            "seeds": meta.get("seeds"),
            "workers": meta.get("workers"),
            "commit": meta.get("commit"),
            "platform_commit": meta.get("platform_commit") or None,
            "command": meta.get("command"),
            "started": history.iso(started),
            "finished": history.iso(finished),
            "duration": round(finished - started, 1) if started and finished else None,
        },
    }


def _scenario(s: Scenario, meta: dict[str, Any], reports: Path) -> dict[str, Any]:
    out: dict[str, Any] = {
        "key": s.key,
        "feature": s.feature,
        "name": s.name,
        "location": s.location,
        "tags": s.tags,
        "items": s.items,
        "status": s.status,
        "behave_status": s.raw_status,
        "duration": s.duration,
        "attempts": s.attempts,
        "steps": s.steps,
        "error": s.error,
    }
    if s.status in (FAILED, FLAKY, KNOWN_DEFECT):
        out["evidence"] = evidence(s.location, s.name, meta.get("artifacts") or {}, reports)
    undefined = [f"{st['keyword']} {st['name']}" for st in s.steps if st["status"] == "undefined"]
    if undefined:
        from prodready.authoring.suggest import advice_for

        out["suggestions"] = {line: [a.strip() for a in advice_for(line)] for line in undefined}
        out["error"] = out["error"] or "no step understands: " + "; ".join(undefined)
    return out


def evidence(location: str, name: str, artifacts: dict[str, str], reports: Path) -> list[dict[str, Any]]:
    """The failure evidence of a scenario, per person: URL, console (errors apart), screenshot path.

    `artifacts` is the run's map from a scenario's location to the folder its hook wrote.
    """
    candidates = [evidence_folder(reports, location, name)]
    if location in artifacts:  # a worker's folder, or where the merge put it
        candidates[:0] = [Path(artifacts[location]), reports / FOLDER / Path(artifacts[location]).name]
    folder = next((c for c in candidates if (c / INDEX).is_file()), None)
    if folder is None:
        return []
    found = []
    for actor in load_json(folder / INDEX, []):
        label = str(actor.get("actor", ""))
        console = [str(line) for line in actor.get("console") or []]
        item = {
            "actor": label,
            "name": actor.get("name"),
            "url": actor.get("url"),
            "console": console,
            "console_errors": [c for c in console if c.lower().startswith(("[error]", "[severe]"))],
            "error": actor.get("error"),
        }
        for key, stored in (("screenshot", "screenshot"), ("page_html", "html")):
            # evidence.json keeps each file's path relative to the artifacts folder it was written in
            path = folder.parent / str(actor.get(stored) or "")
            if actor.get(stored) and path.is_file():
                item[key] = str(path.relative_to(reports)) if path.is_relative_to(reports) else str(path)
        found.append(item)
    return found


def summary_lines(report: dict[str, Any], where: Path) -> list[str]:
    """What the run prints: the verdict and where the report is; the items a subset did not cover."""
    html = where.resolve() / "readiness.html"
    shown = html.relative_to(Path.cwd()) if html.is_relative_to(Path.cwd()) else html
    lines = [f"readiness {report['verdict']} → {shown}"]
    if report["coverage"]["not_covered"]:
        titles = [f"{i['area']}: {i['title']}" for i in report["checklist"] if i["status"] == NOT_COVERED]
        lines.append("not covered by this run: " + "; ".join(titles))
    return lines


def main(argv: list[str] | None = None) -> int:
    """Rebuild the reports of a finished run; exit 0 for GO, 1 for NO-GO."""
    args = sys.argv[1:] if argv is None else argv
    where = Path(args[0] if args else ROOT / "reports")
    if not (where / "run-meta.json").is_file() and not (where / "behave.json").is_file():
        print(f"prodready: no run in {where} (behave.json / run-meta.json missing)", file=sys.stderr)
        return 2
    report = build_reports(where)
    for line in summary_lines(report, where):
        print(f"prodready: {line}")
    return 0 if report["verdict"] == GO else 1


if __name__ == "__main__":
    raise SystemExit(main())

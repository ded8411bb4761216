"""Joining the results of several behave processes (workers, retries, shards) into one run."""

from __future__ import annotations

import json
import shutil
import sys
from pathlib import Path
from typing import Any

from prodready.core import artifacts
from prodready.reporting.results import FAILED_STATUSES as FAILED


def load(path: Path, default: Any) -> Any:
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return default


def merge(parts: list[Path], reports: Path, extra: dict[str, Any] | None = None) -> dict[str, Any]:
    """Merge workers' (or shards') behave.json, run-meta.json, junit/ and artifacts/ into `reports`."""
    features: list[Any] = []
    metas: list[dict[str, Any]] = []
    (reports / "junit").mkdir(parents=True, exist_ok=True)
    for n, part in enumerate(parts, start=1):
        features.extend(load(part / "behave.json", []))
        meta = load(part / "run-meta.json", None)
        if meta:
            metas.append(meta)
        for xml in (part / "junit").glob("*.xml"):
            # Several workers may run scenarios of one feature file: keep every worker's file.
            target = reports / "junit" / xml.name
            if target.exists():
                target = target.with_name(f"{xml.stem}-{n}{xml.suffix}")
            shutil.copy2(xml, target)
        for folder in (artifacts.FOLDER, "allure-results"):
            if (part / folder).is_dir():
                shutil.copytree(part / folder, reports / folder, dirs_exist_ok=True)
    (reports / "behave.json").write_text(json.dumps(features, indent=1), encoding="utf-8")
    merged: dict[str, Any] = dict(metas[0]) if metas else {"status": "no-worker-finished"}
    if metas:
        merged.update(
            selected=sum(m.get("selected", 0) for m in metas),
            started=min(m.get("started", 0) for m in metas),
            finished=max(m.get("finished", 0) for m in metas),
            artifacts={
                k: str(reports / artifacts.FOLDER / Path(v).name)
                for m in metas
                for k, v in (m.get("artifacts") or {}).items()
            },
            seeds=sorted({m["seed"] for m in metas if m.get("seed") is not None}),
            workers=len(metas),
            command=" ".join(["prodready run", *sys.argv[1:]]),
        )
    merged.update(extra or {})
    (reports / "run-meta.json").write_text(json.dumps(merged, indent=2), encoding="utf-8")
    return merged


def scenario_results(features: list[Any]) -> list[dict[str, Any]]:
    """(location, name, status, tags) of every scenario in a behave.json, outlines expanded."""
    found = []
    for feature in features:
        for element in feature.get("elements", []):
            if element.get("type") == "scenario" or element.get("keyword", "").startswith("Scenario"):
                found.append(
                    {
                        "location": element.get("location", ""),
                        "name": element.get("name", ""),
                        "status": element.get("status", "untested"),
                        "tags": list(element.get("tags", [])),
                    }
                )
    return found


def replace_results(features: list[Any], retried: list[Any]) -> None:
    """Put the retry's result of each retried scenario in place of the failed one."""
    latest = {
        el.get("location"): el
        for f in retried
        for el in f.get("elements", [])
        if el.get("status") == "passed" or el.get("status") in FAILED
    }
    for feature in features:
        if "elements" not in feature:
            continue
        feature["elements"] = [latest.get(el.get("location"), el) for el in feature["elements"]]
        if any(el.get("status") in FAILED for el in feature["elements"]):
            feature["status"] = "failed"
        elif feature["elements"]:
            feature["status"] = "passed"

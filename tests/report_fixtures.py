"""Hand-made behave.json / run-meta.json / evidence for the report tests (no browser, no behave run)."""

from __future__ import annotations

import io
import json
import time
from pathlib import Path
from typing import Any

from prodready.core.checklist import ITEMS


def step(
    name: str,
    status: str = "passed",
    duration: float = 0.25,
    keyword: str = "Given",
    error: str | list[str] | None = None,
) -> dict[str, Any]:
    """One step as behave's JSON formatter writes it (no result when it did not run)."""
    out: dict[str, Any] = {
        "keyword": keyword,
        "step_type": keyword.lower(),
        "name": name,
        "location": "features/x.feature:1",
    }
    if status not in ("skipped", "untested"):
        out["result"] = {"status": status, "duration": duration}
        if error:
            out["result"]["error_message"] = error
    return out


def scenario(
    name: str,
    *tags: str,
    status: str = "passed",
    line: int = 10,
    file: str = "features/x.feature",
    steps: list[dict[str, Any]] | None = None,
) -> dict[str, Any]:
    """A scenario element; its steps follow its status unless given."""
    if steps is None:
        step_status = "skipped" if status in ("skipped", "untested") else "passed"
        steps = [step("the guard is logged in", step_status, 0.5), step("the guard does it", step_status, 1.0, "When")]
        if status == "failed":
            steps.append(
                step("it worked", "failed", 0.2, "Then", error=["Assertion Failed: it did not", "second line"])
            )
    return {
        "type": "scenario",
        "keyword": "Scenario",
        "name": name,
        "tags": list(tags),
        "location": f"{file}:{line}",
        "steps": steps,
        "status": status,
    }


def feature(name: str, elements: list[dict[str, Any]], *tags: str, file: str = "features/x.feature") -> dict[str, Any]:
    statuses = {e["status"] for e in elements}
    return {
        "keyword": "Feature",
        "name": name,
        "tags": list(tags),
        "location": f"{file}:1",
        "status": "failed" if "failed" in statuses else "passed",
        "elements": elements,
    }


def covering_everything(status_of: dict[str, str] | None = None) -> list[dict[str, Any]]:
    """One feature per area, one scenario per checklist item (passed unless status_of says otherwise)."""
    status_of = status_of or {}
    areas: dict[str, list[dict[str, Any]]] = {}
    for n, item in enumerate(ITEMS):
        areas.setdefault(item.area, []).append(
            scenario(
                f"{item.title} works",
                f"checklist.{item.id}",
                status=status_of.get(item.id, "passed"),
                line=10 + n,
                file=f"features/{item.id.split('.')[0]}.feature",
            )
        )
    return [feature(area, elements, file=elements[0]["location"].rsplit(":", 1)[0]) for area, elements in areas.items()]


def location_of(features: list[dict[str, Any]], name: str) -> str:
    """The location of the scenario called `name` in a behave.json."""
    return next(el["location"] for f in features for el in f["elements"] if el["name"] == name)


def write_run(
    reports: Path,
    features: list[dict[str, Any]] | None,
    *,
    started: float | None = None,
    duration: float = 42.0,
    features_dir: Path | None = None,
    **meta: Any,
) -> Path:
    """A finished run's files in `reports` (behave.json omitted when features is None)."""
    reports.mkdir(parents=True, exist_ok=True)
    if features is not None:
        (reports / "behave.json").write_text(json.dumps(features), encoding="utf-8")
    started = started if started is not None else time.time() - duration
    base = {
        "status": "finished",
        "target": "demo",
        "base_url": "http://127.0.0.1:5000",
        "read_only": False,
        "embedded": True,
        "browser": "chrome 156.0",
        "seed": 4242,
        "commit": "abc1234",
        "selected": 0,
        "gate": None,
        "artifacts": {},
        "started": started,
        "finished": started + duration,
        "paths": [str(features_dir)] if features_dir else [str(reports / "no-features-here")],
        "command": "behave features",
    }
    base.update(meta)
    (reports / "run-meta.json").write_text(json.dumps(base), encoding="utf-8")
    return reports


def png(width: int = 320, height: int = 200, colour: str = "#c62828") -> bytes:
    """A small real PNG (a screenshot stand-in)."""
    from PIL import Image, ImageDraw

    image = Image.new("RGB", (width, height), "white")
    draw = ImageDraw.Draw(image)
    draw.rectangle([0, 0, width, 36], fill="#1d2330")
    draw.rectangle([20, 60, width - 20, 100], outline=colour, width=3)
    draw.text((28, 72), "Amount is required", fill=colour)
    out = io.BytesIO()
    image.save(out, format="PNG")
    return out.getvalue()


def write_evidence(reports: Path, folder_name: str, actors: dict[str, dict[str, Any]]) -> Path:
    """artifacts/<folder>/<actor>/{screenshot.png,url.txt,console.log} + evidence.json, as evidence.py writes."""
    folder = reports / "artifacts" / folder_name
    summary = []
    for label, spec in actors.items():
        out = folder / label
        out.mkdir(parents=True, exist_ok=True)
        (out / "screenshot.png").write_bytes(png(colour=spec.get("colour", "#c62828")))
        (out / "url.txt").write_text(spec["url"] + "\n", encoding="utf-8")
        (out / "page.html").write_text("<html><body>page</body></html>", encoding="utf-8")
        console = spec.get("console", [])
        (out / "console.log").write_text("\n".join(console), encoding="utf-8")
        summary.append(
            {
                "actor": label,
                "name": spec.get("name", label),
                "url": spec["url"],
                "screenshot": f"{folder_name}/{label}/screenshot.png",
                "html": f"{folder_name}/{label}/page.html",
                "console": console,
            }
        )
    (folder / "evidence.json").write_text(json.dumps(summary), encoding="utf-8")
    return folder

"""`prodready report merge`: the shards of a run, from several CI machines, as one readiness report.

The merged verdict is GO only when every shard of the same plan reported (and, as always, every
checklist item is covered and nothing failed): a missing or foreign shard is a NO-GO reason.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

from prodready.core.verdicts import GO
from prodready.reporting.report import build_reports, summary_lines
from prodready.reporting.results import load_json
from prodready.run.merging import merge


def shard_problems(metas: list[dict[str, Any] | None], folders: list[Path]) -> list[str]:
    """Why these results are not one whole run: shards missing, repeated, or of different plans."""
    problems = [
        f"{folder} holds no run (run-meta.json missing)"
        for folder, meta in zip(folders, metas, strict=False)
        if not meta
    ]
    found = [m.get("shard") for m in metas if m]
    shards = [s for s in found if isinstance(s, dict)]
    if not shards or len(shards) != len(found):
        return problems + ["the folders are not shards of one run (run each with --shard I/N)"]
    totals = {s.get("total") for s in shards}
    plans = {s.get("plan") for s in shards}
    if len(totals) > 1 or len(plans) > 1:
        problems.append(
            "the shards were planned differently (other selections or histories): "
            "run them from the same commit, arguments and history"
        )
    total = max(int(t or 0) for t in totals)
    seen = [int(s.get("index", 0)) for s in shards]
    missing = [i for i in range(1, total + 1) if i not in seen]
    if missing:
        problems.append(f"shard {', '.join(f'{i}/{total}' for i in missing)} did not report")
    repeated = sorted({i for i in seen if seen.count(i) > 1})
    if repeated:
        problems.append(f"shard {', '.join(f'{i}/{total}' for i in repeated)} reported more than once")
    return problems


def merge_shards(folders: list[Path], into: Path) -> dict[str, Any]:
    """Merge the shards' reports into `into` and build the readiness report; the report."""
    metas = [load_json(folder / "run-meta.json", None) for folder in folders]
    metas = [m if isinstance(m, dict) else None for m in metas]
    problems = shard_problems(metas, folders)
    into.mkdir(parents=True, exist_ok=True)
    for stale in ("behave.json", "run-meta.json", "flaky.json", "readiness.json", "readiness.html"):
        (into / stale).unlink(missing_ok=True)
    if (into / "junit").is_dir():
        shutil.rmtree(into / "junit")
    shards = [m.get("shard") for m in metas if m and isinstance(m.get("shard"), dict)]
    merge(
        [f for f, m in zip(folders, metas, strict=False) if m],
        into,
        {
            "shard_problems": problems,
            "shards": [{k: s.get(k) for k in ("index", "total", "plan")} for s in shards],
            "selected": sum(len(s.get("scenarios") or []) for s in shards) or None,
        },
    )
    flaky = [f for folder in folders for f in load_json(folder / "flaky.json", []) if isinstance(f, dict)]
    (into / "flaky.json").write_text(json.dumps(flaky, indent=2), encoding="utf-8")
    return build_reports(into)


def main(folders: list[Path], into: Path) -> int:
    """Merge and print the verdict; exit 0 for GO, 1 for NO-GO, 2 when there is nothing to merge."""
    if not folders:
        print("prodready report merge: give the shards' report folders", flush=True)
        return 2
    if into.resolve() in [f.resolve() for f in folders]:
        print("prodready report merge: --into must be a folder other than the shards'", flush=True)
        return 2
    report = merge_shards(folders, into)
    for line in summary_lines(report, into):
        print(f"prodready: {line}", flush=True)
    for reason in report.get("reasons", []):
        print(f"prodready:   {reason['text']}", flush=True)
    return 0 if report["verdict"] == GO else 1

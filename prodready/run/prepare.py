"""Before any hook runs: what the run will do, checked; the release gate; the run's metadata.

Everything here happens before a browser or the reference app starts. A run that may not go on
ends with RunRefused, which carries the exit code (2 configuration, 1 gate NO-GO, 3 gate unreadable).
"""

from __future__ import annotations

import json
import random
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from prodready.browser.sessions import SessionPool
from prodready.core import exit_codes
from prodready.core.config import ROOT, ConfigError, Credentials, RunSettings, Target
from prodready.core.masking import mask
from prodready.core.verdicts import GO, NO_GO
from prodready.reporting.report import build_reports, summary_lines
from prodready.run import preflight
from prodready.target.api import ApiSession, PlatformApi
from prodready.target.testonly import TestOnlyApi


class RunRefused(Exception):
    """The run stops before anything starts: one line to tell, and the exit code."""

    def __init__(self, code: int, message: str) -> None:
        super().__init__(message)
        self.code = code


def say(message: str) -> None:
    """One line of the run's own narration (never a secret)."""
    print(f"prodready: {mask(message)}", file=sys.stderr, flush=True)


def suite_commit() -> str:
    """The suite's git commit (or 'unknown' outside a checkout)."""
    try:
        done = subprocess.run(
            ["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True, timeout=5
        )
        return done.stdout.strip() or "unknown"
    except (OSError, subprocess.SubprocessError):
        return "unknown"


@dataclass
class Run:
    """Everything one behave process holds for the whole run."""

    settings: RunSettings
    target: Target
    credentials: dict[str, Credentials]
    reports: Path
    seed: int
    selected: int
    worker: bool = False
    base_url: str = ""
    pool: SessionPool | None = None
    app: Any = None
    api: PlatformApi | None = None
    test_api: TestOnlyApi | None = None
    faker: Any = None  # the run's Faker, seeded for each scenario
    api_sessions: dict[str, ApiSession] = field(default_factory=dict)
    run_id: str = ""
    refused: list[Any] = field(default_factory=list)
    browser: str = ""
    gate: dict[str, Any] | None = None
    started: float = field(default_factory=time.time)
    artifacts: dict[str, str] = field(default_factory=dict)
    camera_ok: bool = True  # the browser can be given the guard's camera (set when it starts)
    platform_commit: str = ""  # the platform's commit, where the target says (the platform target)


def prepare(userdata: Any, scenarios: list[Any]) -> Run:
    """Check the configuration, the selection and the gate; the Run, or RunRefused."""
    reports = Path(userdata.get("reports") or ROOT / "reports")
    try:
        settings, target, credentials = preflight.check_run(userdata, scenarios)
    except ConfigError as exc:
        for old in ("readiness.html", "readiness.json"):  # nobody may read an earlier run's GO as this one's
            (reports / old).unlink(missing_ok=True)
        raise RunRefused(exit_codes.CONFIG, str(exc)) from None
    seed = settings.seed if settings.seed is not None else random.SystemRandom().randrange(1, 10**6)
    refused = preflight.refused_on_target(scenarios, target)
    run = Run(
        settings=settings,
        target=target,
        credentials=credentials,
        reports=reports,
        seed=seed,
        selected=len(scenarios) - len(refused),
        worker=bool(userdata.get("worker")),
        run_id=f"{random.SystemRandom().randrange(10**4):04d}",
        refused=refused,
    )
    gate(run)
    return run


def gate(run: Run) -> None:
    """The release gate, when the run asks for it (-D gate=warn|enforce, or the target's default)."""
    mode = run.settings.gate or run.target.gate
    if mode == "off":
        return
    from prodready.release.errors import ReleaseError
    from prodready.release.hook import gate_for_run

    try:
        run.gate = gate_for_run(run.settings.config_path)
    except ReleaseError as exc:
        error = " ".join(str(exc).split())  # one line, whatever it said
        run.gate = {"verdict": NO_GO, "error": error, "issues": [], "untracked_merge_requests": []}
        if mode == "enforce":
            write_meta(run, status="gate-error")
            raise RunRefused(exc.exit_code, f"gate ({mode}): {error}") from None
        say(f"gate ({mode}): could not be checked: {error}")
        return
    lines = list(run.gate.get("reasons") or [])  # issues' problems and unreadable merge requests alike
    say(f"gate ({mode}): {run.gate['verdict']}" + ("".join(f"\n  {line}" for line in lines)))
    if mode == "enforce" and run.gate["verdict"] != GO:
        write_meta(run, status="gate-no-go")
        raise RunRefused(exit_codes.NO_GO, "gate says NO-GO: the run is aborted before any browser starts")


def write_meta(run: Run, status: str, paths: list[str] | None = None) -> None:
    """What the reports need beyond behave's JSON: target, browser, seed, commit, gate, evidence.

    A run stopped early (the gate) gets its NO-GO report here.
    """
    run.reports.mkdir(parents=True, exist_ok=True)
    meta = {
        "status": status,
        "target": run.target.name,
        "base_url": run.base_url or run.target.base_url,
        "read_only": run.target.read_only,
        "embedded": run.target.embedded,
        "known_defects": run.target.known_defects,
        "browser": run.browser,
        "seed": run.seed,
        "commit": suite_commit(),
        "platform_commit": run.platform_commit,
        "selected": run.selected,
        "gate": run.gate,
        "artifacts": run.artifacts,
        "started": run.started,
        "finished": time.time(),
        "paths": paths,
        "command": " ".join(["behave", *sys.argv[1:]]),
    }
    (run.reports / "run-meta.json").write_text(mask(json.dumps(meta, indent=2)), encoding="utf-8")
    if status != "finished":
        for line in summary_lines(build_reports(run.reports), run.reports):
            say(line)

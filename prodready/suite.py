"""The behave hooks' work: start and stop what a run needs, isolate scenarios, keep evidence.

environment.py stays thin and delegates here, so the hooks are testable and shared by every runner.
"""
from __future__ import annotations

import json
import os
import random
import subprocess
import sys
import time
import zlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from faker import Faker

from . import outputs, preflight
from .actors import Cast
from .platform_api import ApiSession, PlatformApi
from .preflight import NEEDS_CLOCK_TAG
from .testdata import ScenarioData
from .testonly import NoTestOnlyApi, TestOnlyApi
from .browser import BrowserSettings, BrowserUnavailable, browser_version
from .config import (ROOT, ConfigError, Credentials, RunSettings, Target, resolve_test_api_token)
from .evidence import capture, slug
from .masking import mask
from .report import build_reports, summary_lines
from .sessions import SessionPool

EXIT_CONFIG, EXIT_NO_GO = 2, 1


def say(message: str) -> None:
    """One line of the run's own narration (never a secret)."""
    print(f"prodready: {mask(message)}", file=sys.stderr, flush=True)


def stop_run(code: int, message: str) -> None:
    """End the run before any browser opens, with a distinct exit code.

    behave turns exceptions in before_all into a plain failure (exit 1); the contract needs 2 for
    configuration errors, so the process ends here. Nothing has been started yet.
    """
    say(message)
    sys.stdout.flush()
    os._exit(code)


def suite_commit() -> str:
    """The suite's git commit (or 'unknown' outside a checkout)."""
    try:
        done = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True,
                              text=True, timeout=5)
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
    base_url: str = ""
    pool: SessionPool | None = None
    app: Any = None
    api: PlatformApi | None = None
    test_api: TestOnlyApi | None = None
    api_sessions: dict[str, ApiSession] = field(default_factory=dict)
    run_id: str = ""
    refused: list[str] = field(default_factory=list)
    browser: str = ""
    gate: dict[str, Any] | None = None
    started: float = field(default_factory=time.time)
    artifacts: dict[str, str] = field(default_factory=dict)


def before_all(context: Any) -> None:
    """Validate everything, then start the app (embedded target) and the browser."""
    userdata = context.config.userdata
    reports = Path(userdata.get("reports") or ROOT / "reports")
    scenarios = preflight.selected_scenarios(context._runner)
    try:
        settings, target, credentials = preflight.check_run(userdata, scenarios)
    except ConfigError as exc:
        for old in ("readiness.html", "readiness.json"):  # nobody may read an earlier run's GO as this one's
            (reports / old).unlink(missing_ok=True)
        stop_run(EXIT_CONFIG, str(exc))
    seed = settings.seed if settings.seed is not None else random.SystemRandom().randrange(1, 10**6)
    refused = preflight.refused_on_target(scenarios, target)
    run = Run(settings=settings, target=target, credentials=credentials, reports=reports, seed=seed,
              selected=len(scenarios) - len(refused), run_id=f"{random.SystemRandom().randrange(10**4):04d}",
              refused=refused)
    context.run = run
    _gate(run)
    _add_json_output(context, reports)
    say(f"target {target.name}, {run.selected} scenarios selected, faker seed {seed} "
        f"(replay with -D seed={seed}), run id {run.run_id} (in the names of the data it makes)")
    if refused:
        if not userdata.get("worker"):  # the runner has told it once for all its workers
            say(f"refused on {target.name}, which has no test-only API (@{NEEDS_CLOCK_TAG}): {len(refused)} "
                "scenarios: " + "; ".join(preflight.where(s) for s in refused))
        for scenario in refused:
            scenario.skip(f"needs the reference app's clock (@{NEEDS_CLOCK_TAG}); target {target.name} has none")
    if not run.selected:
        say("no scenario matches the selection (check -t / -n / the feature paths)")
        return
    _start_target(run)
    _start_browser(run)


def _gate(run: Run) -> None:
    """The release gate, when the run asks for it (-D gate=warn|enforce, or the target's default)."""
    mode = run.settings.gate or run.target.gate
    if mode == "off":
        return
    from .release.errors import ReleaseError
    from .release.hook import gate_for_run

    try:
        run.gate = gate_for_run(run.settings.config_path)
    except ReleaseError as exc:
        run.gate = {"verdict": "NO-GO", "error": str(exc), "issues": [], "untracked_merge_requests": []}
        if mode == "enforce":
            _write_meta(run, status="gate-error")
            stop_run(exc.exit_code, f"gate ({mode}): {exc}")
        say(f"gate ({mode}): could not be checked: {exc}")
        return
    lines = list(run.gate.get("reasons") or [])  # issues' problems and unreadable merge requests alike
    say(f"gate ({mode}): {run.gate['verdict']}" + ("".join(f"\n  {line}" for line in lines)))
    if mode == "enforce" and run.gate["verdict"] != "GO":
        _write_meta(run, status="gate-no-go")
        stop_run(EXIT_NO_GO, "gate says NO-GO: the run is aborted before any browser starts")


def _add_json_output(context: Any, reports: Path) -> None:
    """behave.json for the reports (always), Allure results with -D allure=true; console output masked."""
    try:
        outputs.add_outputs(context._runner, reports, allure=context.run.settings.allure)
    except outputs.OutputError as exc:
        stop_run(EXIT_CONFIG, str(exc))


def _start_target(run: Run) -> None:
    """The embedded reference app, or the configured base URL; the platform's API on it."""
    token = resolve_test_api_token(run.target)
    if run.target.embedded:
        from .embedded import start

        run.app = start(run.target, run.credentials, token)
        run.base_url = run.app.base_url
        how = "with its test-only API" if token else "configured like a live deployment (no test-only API)"
        say(f"reference app serving at {run.base_url} (fresh database, {how})")
    else:
        run.base_url = run.target.base_url or ""
    run.api = PlatformApi(run.base_url)
    run.test_api = TestOnlyApi(run.base_url, token) if token else None


def _start_browser(run: Run) -> None:
    """One browser for the run; fail with install advice when there is none."""
    s = run.settings
    run.pool = SessionPool(BrowserSettings(browser=s.browser, headless=s.headless, remote_url=s.remote_url,
                                           headless_shell=s.headless_shell), isolation=s.isolation)
    try:
        driver = run.pool.start()
    except BrowserUnavailable as exc:
        if run.app is not None:
            run.app.stop()
        stop_run(EXIT_CONFIG, str(exc))
    run.browser = browser_version(driver)
    say(f"{run.browser}, {'headless' if s.headless else 'headed'}, one isolated {run.pool.mode[:-1]} per person")


def before_scenario(context: Any, scenario: Any) -> None:
    """A clean community and a fresh cast for every scenario; faker seeded for replay."""
    run: Run = context.run
    if run.test_api is not None:
        run.test_api.reset()
    context.cast = Cast(personas=dict(run.target.personas), credentials=run.credentials, pool=run.pool,
                        base_url=run.base_url, timeout=run.settings.timeout, api=run.api,
                        api_sessions=run.api_sessions)
    context.test_api = run.test_api if run.test_api is not None else NoTestOnlyApi()
    context.data = ScenarioData(run.run_id)
    context.target = run.target
    context.faker = Faker()
    context.faker.seed_instance(run.seed ^ zlib.crc32(scenario.name.encode()))
    context.notes = {}


def after_scenario(context: Any, scenario: Any) -> None:
    """Evidence of every person's browser when the scenario failed; then clean the sessions."""
    run: Run = context.run
    cast = getattr(context, "cast", None)
    if cast is None or run.pool is None:
        return
    if scenario.status.name in ("failed", "error") or getattr(scenario, "hook_failed", False):
        folder = run.reports / "artifacts" / slug(scenario.name)
        capture(folder, cast.actors.values(), run.pool)
        run.artifacts[scenario.name] = str(folder)
        say(f"evidence of the failure in {folder}")
    run.pool.release_all()


def after_all(context: Any) -> None:
    """Stop the browser and the app; write the run's metadata and the readiness report."""
    run: Run | None = getattr(context, "run", None)
    if run is None:
        return
    if run.pool is not None:
        run.pool.quit()
    if run.app is not None:
        run.app.stop()
    _write_meta(run, status="finished", paths=[str(Path(p).resolve()) for p in context.config.paths or []])
    report = outputs.finish(context._runner, run.reports)
    if context.config.userdata.get("worker"):
        return  # a worker of `prodready run`: the runner reports on the merged run
    for line in summary_lines(report, run.reports):
        # behave captures (and drops) what after_all prints to sys.stderr: the verdict goes to the real one.
        print(f"prodready: {mask(line)}", file=sys.__stderr__, flush=True)


def _write_meta(run: Run, status: str, paths: list[str] | None = None) -> None:
    """What the reports need beyond behave's JSON: target, browser, seed, commit, gate, evidence.

    A run stopped early (the gate) gets its NO-GO report here: after_all will not run.
    """
    run.reports.mkdir(parents=True, exist_ok=True)
    meta = {
        "status": status, "target": run.target.name, "base_url": run.base_url or run.target.base_url,
        "read_only": run.target.read_only, "embedded": run.target.embedded, "browser": run.browser, "seed": run.seed, "commit": suite_commit(),
        "selected": run.selected, "gate": run.gate, "artifacts": run.artifacts,
        "started": run.started, "finished": time.time(), "paths": paths,
        "command": " ".join(["behave", *sys.argv[1:]]),
    }
    (run.reports / "run-meta.json").write_text(mask(json.dumps(meta, indent=2)), encoding="utf-8")
    if status != "finished":
        for line in summary_lines(build_reports(run.reports), run.reports):
            say(line)

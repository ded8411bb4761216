"""make bench: the suite with 2 workers vs serially, CPU per scenario, one journey three ways, memory of three people.

Everything is measured in this one run, side by side, and printed as ratios; reports/bench.json
keeps every number. `--skip-suite` leaves out the two suite runs (a quick journey-only run).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import sys
import time
from typing import Any

from prodready.browser.actors import Cast
from prodready.browser.sessions import SessionPool
from prodready.core.config import ROOT, load_project
from prodready.core.credentials import resolve_credentials, resolve_test_api_token
from prodready.target import embedded
from prodready.target.api import PlatformApi
from prodready.target.testonly import TestOnlyApi

from . import playwright_journey, report
from .compare import Bench, Way, interleave, raw_driver
from .memory import isolation
from .suite import suite_pair
from .trace import cpu_per_journey, latency, profiled, traced


def say(line: str) -> None:
    """One line of the bench's output, at once."""
    print(line, flush=True)


def journeys(bench: Bench, rounds: int, trace_rounds: int, cpu_rounds: int, use_playwright: bool) -> dict[str, Any]:
    """The journey three ways (and the framework on a plain driver), interleaved; CPU per journey; traces."""
    driver = raw_driver(bench.binary)
    unavailable = playwright_journey.available() if use_playwright else "switched off (--no-playwright)"
    browser = None
    try:
        ways: list[Way] = [
            bench.framework(),
            bench.framework("native"),
            bench.framework_on(driver),
            bench.raw(driver),
        ]
        if unavailable is None:
            browser = playwright_journey.PlaywrightBrowser(bench.binary)
            ways.append(bench.playwright(browser))
        else:
            say(f"journey  Playwright unavailable: {unavailable}")
        say(f"journey  {rounds} rounds (+1 warm-up), the order rotating: " + ", ".join(w.name for w in ways))
        interleave(ways, bench.reset, rounds, say=say)
        result: dict[str, Any] = {
            "rounds": rounds,
            "ways": {w.name: w.summary() for w in ways},
            "playwright_unavailable": unavailable,
        }
        med = {name: way["median_s"] for name, way in result["ways"].items()}
        result["ratios"] = {
            "framework/raw": round(med["framework"] / med["raw Selenium"], 2),
            "framework/framework on a plain driver": round(med["framework"] / med["framework, plain driver"], 2),
            "framework on a plain driver/raw": round(med["framework, plain driver"] / med["raw Selenium"], 2),
            "framework with native clicks/raw": round(med["framework, native clicks"] / med["raw Selenium"], 2),
        }
        if "Playwright" in med:
            result["ratios"]["framework/Playwright"] = round(med["framework"] / med["Playwright"], 2)
            result["ratios"]["framework with native clicks/Playwright"] = round(
                med["framework, native clicks"] / med["Playwright"], 2
            )
            result["ratios"]["raw/Playwright"] = round(med["raw Selenium"] / med["Playwright"], 2)
        for line in report.journey_lines(result, rounds):
            say(line)
        say(f"cpu      {cpu_rounds} more journeys each way, CPU sampled …")
        result["cpu_per_journey_s"] = {w.name: cpu_per_journey(w, bench.reset, cpu_rounds) for w in ways}
        cpu = {name: sum(kinds.values()) for name, kinds in result["cpu_per_journey_s"].items()}
        result["cpu_ratios"] = {
            f"framework/{other}": round(cpu["framework"] / cpu[other], 2)
            for other in ("raw Selenium", "Playwright")
            if cpu.get(other)
        }
        for line in report.cpu_journey_lines(result["cpu_per_journey_s"]):
            say(line)
        if browser is not None:
            browser.close()
            browser = None
        say(f"where    tracing {trace_rounds} more journeys each way (WebDriver commands, polling, cProfile) …")
        trace: dict[str, Any] = {
            "journeys": trace_rounds,
            "framework": traced(bench.pool.start(), bench.framework(), bench.reset, trace_rounds),
            "raw Selenium": traced(driver, bench.raw(driver), bench.reset, trace_rounds),
            "profile": profiled(bench.framework(), bench.reset, trace_rounds),
        }
        session = bench.pool.acquire("desktop", label="latency")
        trace["latency_ms"] = latency(session.driver, driver, bench.base_url + "/login")
        bench.pool.release_all()
        result["trace"] = trace
        return result
    finally:
        if browser is not None:
            browser.close()
        driver.quit()


def main() -> None:
    """Run the benches, print the lines and ratios, write reports/bench.json."""
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=7, help="timed journeys each way (default 7)")
    parser.add_argument("--trace-rounds", type=int, default=3, help="extra journeys traced and profiled (default 3)")
    parser.add_argument(
        "--cpu-rounds", type=int, default=5, help="extra journeys each way with CPU sampled (default 5)"
    )
    parser.add_argument("--workers", type=int, default=2, help="workers of the parallel suite run (default 2)")
    parser.add_argument("--skip-suite", action="store_true", help="leave out the suite runs: journeys and memory only")
    parser.add_argument("--no-playwright", action="store_true", help="leave Playwright out of the journey")
    args = parser.parse_args()
    os.chdir(ROOT)
    began = time.perf_counter()
    target = load_project().target("demo")
    creds = resolve_credentials(target)
    token = resolve_test_api_token(target)
    if token is None:
        raise SystemExit("bench: the demo target has no test-only API; the journeys need its reset")
    app = embedded.start(target, creds, token)
    reset = TestOnlyApi(app.base_url, token).reset
    results: dict[str, Any] = {
        "machine": {
            "cores": os.cpu_count(),
            "load_1min_at_start": os.getloadavg()[0],
            "python": platform.python_version(),
        }
    }
    try:
        bench = Bench.start(target, creds, app.base_url, reset)
        try:
            results["browser"] = {
                "binary": bench.binary,
                "version": bench.pool.start().capabilities.get("browserVersion"),
                "framework_isolation": bench.pool.mode,
            }
            pw = playwright_journey.available()
            results["playwright"] = playwright_journey.version() if pw is None else f"unavailable: {pw}"
            say(
                f"bench    {bench.binary} {results['browser']['version']}; Playwright {results['playwright']}; "
                f"{os.cpu_count()} cores, load {os.getloadavg()[0]:.1f} at start"
            )
            results["journey"] = journeys(
                bench, args.rounds, args.trace_rounds, args.cpu_rounds, not args.no_playwright
            )
        finally:
            bench.pool.quit()
        for line in report.trace_lines(results["journey"]["trace"]):
            say(line)

        def cast_for(pool: SessionPool) -> Cast:
            return Cast(
                personas=dict(target.personas),
                credentials=creds,
                pool=pool,
                base_url=app.base_url,
                timeout=10,
                api=PlatformApi(app.base_url),
            )

        reset()
        results["people"] = isolation(cast_for)
        for line in report.people_lines(results["people"]):
            say(line)
    finally:
        app.stop()
    if not args.skip_suite:
        results["suite"] = suite_pair(args.workers, say)
        for line in report.suite_lines(results["suite"]):
            say(line)
    results["bench_seconds"] = round(time.perf_counter() - began, 1)
    results["machine"]["load_1min_at_end"] = os.getloadavg()[0]
    say("ratios   " + "; ".join(summary_ratios(results)))
    out = ROOT / "reports" / "bench.json"
    out.parent.mkdir(exist_ok=True)
    out.write_text(json.dumps(results, indent=2), encoding="utf-8")
    say(f"bench    done in {results['bench_seconds']:.0f} s; every number in {out.relative_to(ROOT)}")
    if "suite" in results and any(results["suite"][k]["exit_code"] != 0 for k in ("parallel", "serial")):
        sys.exit(1)  # the numbers stand, but a failing suite is not a fair benchmark: say so by the exit code


def summary_ratios(results: dict[str, Any]) -> list[str]:
    """The ratios of this run, in one line."""
    out = []
    if "suite" in results:
        suite = results["suite"]
        out.append(f"suite serial/{suite['parallel']['workers']} workers {suite['speedup_serial_over_parallel']:.2f}")
        out.append(
            f"CPU per scenario {suite['parallel']['cpu']['machine_cpu_per_scenario_s']:.2f} s "
            f"(chromium {100 * suite['parallel']['cpu']['tree_share'].get('chromium', 0):.0f}%)"
        )
    out.extend(f"journey {k} {v:.2f}" for k, v in results["journey"]["ratios"].items())
    out.extend(f"journey CPU {k} {v:.2f}" for k, v in results["journey"].get("cpu_ratios", {}).items())
    out.append(f"memory 3 browsers/3 contexts {results['people']['memory_ratio_sessions_over_contexts']:.2f}")
    return out


if __name__ == "__main__":
    main()

"""make bench: the ratios DESIGN.md asks for, measured side by side in one run.

1. a journey through the framework vs the same journey in raw Selenium (time);
2. people isolated as contexts of one browser vs one browser each (memory, start-up);
3. the suite serial vs parallel (--workers 2) (wall time).
"""
from __future__ import annotations

import argparse
import json
import os
import time
from pathlib import Path

from prodready import embedded, runner
from prodready.actors import Cast
from prodready.api import TestApi
from prodready.browser import BrowserSettings
from prodready.config import ROOT, load_project, resolve_credentials, resolve_test_api_token
from prodready.sessions import SessionPool

from .journey import compare


def _pss_kb(pid: int) -> int:
    """Proportional memory (shared pages split between sharers) of a process and its descendants."""
    parents: dict[int, int] = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
            parents[int(stat.parent.name)] = int(fields[1])
        except (OSError, IndexError, ValueError):
            continue
    family, grew = {pid}, True
    while grew:
        grew = False
        for child, parent in parents.items():
            if parent in family and child not in family:
                family.add(child)
                grew = True
    total = 0
    for member in family:
        try:
            rollup = Path(f"/proc/{member}/smaps_rollup").read_text()
            total += int(next(line.split()[1] for line in rollup.splitlines() if line.startswith("Pss:")))
        except (OSError, StopIteration):
            continue
    return total


def isolation(base_url: str, people: int = 3) -> dict:
    """Memory and start time for `people` isolated sessions, both ways."""
    out = {}
    for mode in ("contexts", "sessions"):
        started = time.perf_counter()
        pool = SessionPool(BrowserSettings(), isolation=mode)
        pool.start()
        sessions = [pool.acquire("desktop") for _ in range(people)]
        for s in sessions:
            s.driver.get(base_url + "/login")
        seconds = time.perf_counter() - started
        pids = {d.service.process.pid for d in pool._drivers}
        out[mode] = {"seconds": seconds, "pss_mb": sum(_pss_kb(p) for p in pids) / 1024}
        pool.quit()
    out["memory_ratio_sessions_over_contexts"] = out["sessions"]["pss_mb"] / out["contexts"]["pss_mb"]
    out["start_ratio_sessions_over_contexts"] = out["sessions"]["seconds"] / out["contexts"]["seconds"]
    return out


def suite(workers: int, selection: list[str]) -> dict:
    """Wall time of the suite with 1 and with `workers` processes."""
    times = {}
    for n in (1, workers):
        reports = ROOT / "reports" / "bench" / f"workers-{n}"
        started = time.perf_counter()
        code = runner.run([*selection, "-f", "progress"], workers=n, reports=reports)
        times[n] = time.perf_counter() - started
        if code != 0:
            raise SystemExit(f"bench: the suite failed with {n} worker(s); see {reports}")
    return {"serial_s": times[1], f"parallel_{workers}_s": times[workers], "speedup": times[1] / times[workers]}


def main() -> None:
    parser = argparse.ArgumentParser(prog="make bench", description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=7, help="journeys each way (default 7)")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--skip-suite", action="store_true", help="skip the serial vs parallel suite runs")
    args = parser.parse_args()
    os.chdir(ROOT)
    target = load_project().target("demo")
    creds = resolve_credentials(target)
    token = resolve_test_api_token(target)
    app = embedded.start(target, creds, token)
    api = TestApi(app.base_url, token, "demo")
    pool = SessionPool(BrowserSettings())
    pool.start()
    results: dict = {}
    try:
        def cast() -> Cast:
            return Cast(personas=dict(target.personas), credentials=creds, pool=pool, base_url=app.base_url,
                        timeout=10, login_mode="api", user_ids=api.reset())
        results["journey"] = compare(cast, api, app.base_url, creds["guard"], args.rounds)
        pool.quit()
        results["isolation"] = isolation(app.base_url)
    finally:
        pool.quit()
        app.stop()
    if not args.skip_suite:
        results["suite"] = suite(args.workers, [])
    j, iso = results["journey"], results["isolation"]
    print(f"journey  framework {j['framework_median_s']:.2f} s vs raw Selenium {j['raw_median_s']:.2f} s "
          f"(median of {args.rounds}): ratio {j['ratio']:.2f}")
    print(f"people   3 isolated people: one browser with contexts {iso['contexts']['pss_mb']:.0f} MB / "
          f"{iso['contexts']['seconds']:.2f} s, a browser each {iso['sessions']['pss_mb']:.0f} MB / "
          f"{iso['sessions']['seconds']:.2f} s: memory ratio {iso['memory_ratio_sessions_over_contexts']:.2f}, "
          f"start ratio {iso['start_ratio_sessions_over_contexts']:.2f}")
    if "suite" in results:
        s = results["suite"]
        print(f"suite    serial {s['serial_s']:.1f} s vs {args.workers} workers "
              f"{s[f'parallel_{args.workers}_s']:.1f} s: speed-up {s['speedup']:.2f}")
    out = ROOT / "reports" / "bench.json"
    out.parent.mkdir(exist_ok=True)
    out.write_text(json.dumps(results, indent=2))
    print(f"bench: results in {out.relative_to(ROOT)}")


if __name__ == "__main__":
    main()

"""The bench's printed lines: medians, phases, round trips, memory, suite and CPU, then the ratios."""

from __future__ import annotations

import os
from typing import Any

from .journey import PHASES

BUSY_CORES = 0.25  # other work on the machine before a suite run above which its wall time is suspect


def _ms(seconds: float) -> str:
    return f"{1000 * seconds:6.0f}"


def journey_lines(journeys: dict[str, Any], rounds: int) -> list[str]:
    """Each way's median and isolation, the ratios, and the phases side by side."""
    ways = journeys["ways"]
    names = list(ways)
    lines = [f"journey  median of {rounds}: " + " | ".join(f"{n} {ways[n]['median_s']:.2f} s" for n in names)]
    ratios = journeys["ratios"]
    lines.append(
        "         "
        + ", ".join(f"{k} {v:.2f}" for k, v in ratios.items())
        + "   (clean window between journeys: "
        + " / ".join(f"{1000 * ways[n]['isolation_median_s']:.0f} ms" for n in names)
        + ")"
    )
    if journeys.get("playwright_unavailable"):
        lines.append(f"         Playwright unavailable: {journeys['playwright_unavailable']}")
    width = max(len(n) for n in names) + 2
    lines.append("         phase (median ms) " + "".join(f"{n:>{width}}" for n in names))
    for phase in PHASES:
        lines.append(
            f"         {phase:<17} " + "".join(f"{_ms(ways[n]['phases_median_s'][phase]):>{width}}" for n in names)
        )
    return lines


def cpu_journey_lines(cpu: dict[str, dict[str, float]]) -> list[str]:
    """CPU-seconds per journey, each way, by kind of process."""
    return [
        f"cpu      per journey, {name:<24} {sum(kinds.values()):.2f} CPU-s: "
        + ", ".join(f"{kind} {seconds:.2f}" for kind, seconds in kinds.items())
        for name, kinds in cpu.items()
    ]


def trace_lines(trace: dict[str, Any]) -> list[str]:
    """Round trips, time inside WebDriver and polling, framework vs raw, per phase; the costliest functions."""
    fw, raw = trace["framework"], trace["raw Selenium"]
    lines = [
        f"where    per journey, traced over {trace['journeys']} more journeys each (not the timed ones):",
        "         phase              round trips   in WebDriver ms   polls (asleep ms)   framework's extra commands",
    ]
    total = {"fw": 0.0, "raw": 0.0, "fw_ms": 0.0, "raw_ms": 0.0}
    for phase in PHASES:
        a, b = fw[phase], raw[phase]
        extra = {k: v - b["commands"].get(k, 0) for k, v in a["commands"].items() if v - b["commands"].get(k, 0) >= 0.5}
        lines.append(
            f"         {phase:<17} {a['round_trips']:5.0f} vs {b['round_trips']:<4.0f} "
            f"{a['webdriver_ms']:7.0f} vs {b['webdriver_ms']:<6.0f}  "
            f"{a['sleeps']:4.1f} ({a['asleep_ms']:3.0f}) vs {b['sleeps']:3.1f} ({b['asleep_ms']:3.0f})   "
            + ", ".join(f"+{v:.0f} {k}" for k, v in sorted(extra.items(), key=lambda kv: -kv[1]))
        )
        total["fw"] += a["round_trips"]
        total["raw"] += b["round_trips"]
        total["fw_ms"] += a["webdriver_ms"]
        total["raw_ms"] += b["webdriver_ms"]
    lines.append(
        f"         {'whole journey':<17} {total['fw']:5.0f} vs {total['raw']:<4.0f} "
        f"{total['fw_ms']:7.0f} vs {total['raw_ms']:<6.0f}"
    )
    for label, data in (("framework", fw), ("raw", raw)):
        wall = sum(data[p]["wall_ms"] for p in PHASES)
        wd, asleep = sum(data[p]["webdriver_ms"] for p in PHASES), sum(data[p]["asleep_ms"] for p in PHASES)
        lines.append(
            f"         {label + ' journey:':<21}{wall:.0f} ms = {wd:.0f} in WebDriver + {asleep:.0f} asleep "
            f"polling + {wall - wd - asleep:.0f} in Python"
        )
    for label, data in (("framework", fw), ("raw", raw)):
        lines.append(
            f"         {label + ' commands:':<21}"
            + ", ".join(f"{k} {v['calls']:.0f}× {v['ms']:.0f} ms" for k, v in list(data["by_command"].items())[:6])
        )
    latency = trace.get("latency_ms") or {}
    if latency:
        lines.append(
            "         one navigation (get) in the suite's BiDi browser vs a plain driver: "
            f"{latency['bidi_get']:.0f} vs {latency['plain_get']:.0f} ms; find_element "
            f"{latency['bidi_find']:.1f} vs {latency['plain_find']:.1f} ms"
        )
    lines.append("         framework functions by cumulative time per journey (cProfile):")
    for row in trace["profile"][:8]:
        lines.append(f"           {row['cumulative_ms']:6.0f} ms  {row['calls']:4.0f}×  {row['function']}")
    return lines


def people_lines(people: dict[str, Any]) -> list[str]:
    """Memory and start-up of three isolated people, both ways."""
    c, s = people["contexts"], people["sessions"]
    return [
        f"people   {people['people']} isolated people, headless shell, each logged in on their home page:",
        (
            f"         one browser, BiDi contexts: {c['pss_mb']:.0f} MB PSS ({c['chromedriver_pss_mb']:.0f} of it "
            f"chromedriver), ready in {c['ready_s']:.2f} s"
        ),
        (
            f"         {s['browsers']} browsers:                 {s['pss_mb']:.0f} MB PSS "
            f"({s['chromedriver_pss_mb']:.0f} of it chromedriver), ready in {s['ready_s']:.2f} s"
        ),
        (
            f"         memory browsers/contexts {people['memory_ratio_sessions_over_contexts']:.2f}, "
            f"start-up {people['ready_ratio_sessions_over_contexts']:.2f}"
        ),
    ]


def suite_lines(suite: dict[str, Any]) -> list[str]:
    """Wall times, the speed-up, CPU per scenario and where it went."""
    p, s = suite["parallel"], suite["serial"]
    cpu_count = os.cpu_count()
    lines = [
        (
            f"suite    serial {s['wall_s']:.1f} s vs {p['workers']} workers {p['wall_s']:.1f} s: "
            f"speed-up {suite['speedup_serial_over_parallel']:.2f}  "
            f"({p['passed']}+{p['failed']} and {s['passed']}+{s['failed']} scenarios passed+failed)"
        )
    ]
    busy = [run for run in (p, s) if run["cpu"]["background_cores_before"] > BUSY_CORES]
    if busy:
        lines.append(
            f"         beware: other work kept {max(r['cpu']['background_cores_before'] for r in busy):.1f} cores busy "
            "before a run: its wall time is not comparable; CPU per scenario in our tree still is"
        )
    for run in (p, s):
        cpu = run["cpu"]
        shares = ", ".join(f"{k} {100 * v:.0f}%" for k, v in sorted(cpu["tree_share"].items(), key=lambda kv: -kv[1]))
        label = f"{run['workers']} worker{'s' if run['workers'] > 1 else ''}"
        lines.append(
            f"cpu      {label:<9} {cpu['machine_cpu_per_scenario_s']:.2f} CPU-s per scenario machine-wide "
            f"({cpu['machine_cpu_s']:.0f} CPU-s in {cpu['wall_s']:.0f} s, {cpu['machine_cores_busy']:.2f} of "
            f"{cpu_count} cores busy; {cpu['outside_our_run_cpu_s']:.0f} CPU-s of it not ours, "
            f"{cpu['background_cores_before']:.2f} cores busy just before)"
        )
        lines.append(
            f"         {'':<9} {cpu['tree_cpu_per_scenario_s']:.2f} CPU-s per scenario in our process tree "
            f"({cpu['tree_cpu_s']:.0f} CPU-s sampled, {cpu['reaped_children_cpu_s']:.0f} reaped): {shares}"
        )
    return lines

"""Memory of isolated people: one browser with a BiDi user context each, or a browser each.

Both ways use the suite's SessionPool and the headless shell; each person logs in (token planted,
as `Actor.log_in` does) and shows their home page before the browsers' PSS is read.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from prodready.browser.actors import Cast
from prodready.browser.drivers import BrowserSettings
from prodready.browser.sessions import SessionPool

PEOPLE = ("guard", "admin", "custodian")
SETTLE_SECONDS = 1.0  # let the pages finish their scripts before memory is read


def _children(parents: dict[int, int], root: int) -> set[int]:
    """A process and all its descendants."""
    family, grew = {root}, True
    while grew:
        before = len(family)
        family |= {child for child, parent in parents.items() if parent in family}
        grew = len(family) > before
    return family


def pss_kb(pid: int) -> dict[str, int]:
    """Proportional memory (shared pages split between sharers) of a process and its descendants, by command."""
    parents: dict[int, int] = {}
    names: dict[int, str] = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            raw = stat.read_text()
            parents[int(stat.parent.name)] = int(raw.rsplit(")", 1)[1].split()[1])
            names[int(stat.parent.name)] = raw[raw.index("(") + 1 : raw.rindex(")")]
        except (OSError, IndexError, ValueError):
            continue
    totals: dict[str, int] = {}
    for member in _children(parents, pid):
        try:
            rollup = Path(f"/proc/{member}/smaps_rollup").read_text()
            kb = int(next(line.split()[1] for line in rollup.splitlines() if line.startswith("Pss:")))
        except (OSError, StopIteration, ValueError):
            continue
        kind = "chromedriver" if names.get(member, "").startswith("chromedriver") else "chromium"
        totals[kind] = totals.get(kind, 0) + kb
    return totals


def _driver_pids(sessions: list[Any]) -> set[int]:
    """The chromedriver process of each session's browser (its browser is among its descendants)."""
    return {session.driver.service.process.pid for session in sessions}


def people_memory(
    mode: str, cast_for: Callable[[SessionPool], Cast], people: tuple[str, ...] = PEOPLE
) -> dict[str, Any]:
    """Start `people` isolated sessions in `mode` (contexts or sessions), log each in; PSS and start time."""
    started = time.perf_counter()
    pool = SessionPool(BrowserSettings(headless=True), isolation=mode)
    try:
        pool.start()
        cast = cast_for(pool)
        actors = [cast.actor(key) for key in people]
        for actor in actors:
            actor.log_in()
        seconds = time.perf_counter() - started
        time.sleep(SETTLE_SECONDS)
        by_kind: dict[str, int] = {}
        for pid in _driver_pids([actor.session for actor in actors]):
            for kind, kb in pss_kb(pid).items():
                by_kind[kind] = by_kind.get(kind, 0) + kb
        return {
            "mode": pool.mode,
            "browsers": len(_driver_pids([a.session for a in actors])),
            "ready_s": round(seconds, 2),
            "pss_mb": round(sum(by_kind.values()) / 1024, 1),
            "chromium_pss_mb": round(by_kind.get("chromium", 0) / 1024, 1),
            "chromedriver_pss_mb": round(by_kind.get("chromedriver", 0) / 1024, 1),
        }
    finally:
        pool.quit()


def isolation(cast_for: Callable[[SessionPool], Cast]) -> dict[str, Any]:
    """Three people both ways, side by side, and the ratios browsers/contexts."""
    contexts = people_memory("contexts", cast_for)
    sessions = people_memory("sessions", cast_for)
    return {
        "people": len(PEOPLE),
        "contexts": contexts,
        "sessions": sessions,
        "memory_ratio_sessions_over_contexts": round(sessions["pss_mb"] / contexts["pss_mb"], 2),
        "ready_ratio_sessions_over_contexts": round(sessions["ready_s"] / contexts["ready_s"], 2),
    }

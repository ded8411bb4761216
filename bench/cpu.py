"""CPU time of a run: machine-wide (/proc/stat) and per process of our process tree, by kind.

The tree sampler reads /proc/<pid>/stat (utime + stime) of every descendant of this process a few
times a second and keeps each process's last reading, so processes that exit between samples lose
at most one interval. Kinds: chromium (browser, renderers, GPU/utility), chromedriver, python
(behave workers, which also serve the embedded app), other.
"""

from __future__ import annotations

import os
import threading
import time
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Self

TICKS = os.sysconf("SC_CLK_TCK")
BUSY_FIELDS = (0, 1, 2, 5, 6, 7)  # user nice system (idle iowait) irq softirq steal of /proc/stat's "cpu" line


def machine_busy_seconds() -> float:
    """CPU-seconds every core has spent busy since boot (user, nice, system, irq, softirq, steal)."""
    values = Path("/proc/stat").read_text().splitlines()[0].split()[1:]
    return sum(int(values[i]) for i in BUSY_FIELDS if i < len(values)) / TICKS


def own_seconds() -> float:
    """CPU-seconds of this process itself (all its threads: the sampler, the runner's output copiers)."""
    times = os.times()
    return times.user + times.system


def reaped_seconds() -> float:
    """CPU-seconds of this process's children that have exited and been waited for (and theirs, likewise)."""
    times = os.times()
    return times.children_user + times.children_system


def background_cores(seconds: float = 3.0) -> float:
    """How many cores the machine keeps busy while we do nothing: others' work, before a measurement."""
    before = machine_busy_seconds()
    time.sleep(seconds)
    return (machine_busy_seconds() - before) / seconds


def kind_of(command: str) -> str:
    """A process's kind by its command name (/proc/<pid>/comm)."""
    if command.startswith("chromedriver"):
        return "chromedriver"
    if command.startswith(("chrom", "chrome")):
        return "chromium"
    if command.startswith("python"):
        return "python"
    return "other"


def _stat(pid: int) -> tuple[int, int, float, str] | None:
    """(parent, start time, CPU-seconds, command name) of a process, None when it is gone."""
    try:
        raw = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return None
    name = raw[raw.index("(") + 1 : raw.rindex(")")]
    fields = raw[raw.rindex(")") + 2 :].split()
    return int(fields[1]), int(fields[19]), (int(fields[11]) + int(fields[12])) / TICKS, name


@dataclass
class TreeSampler:
    """Samples the CPU time of this process's descendants until stopped."""

    interval: float = 0.2
    root: int = field(default_factory=os.getpid)
    seen: dict[tuple[int, int], tuple[str, float]] = field(default_factory=dict)  # (pid, start) -> (kind, seconds)
    baseline: dict[tuple[int, int], float] = field(default_factory=dict)
    peak_processes: int = 0
    _stop: threading.Event = field(default_factory=threading.Event)
    _thread: threading.Thread | None = None

    def sample(self) -> None:
        """One reading of every descendant (and of every process already known to be one)."""
        stats = {}
        for entry in os.scandir("/proc"):
            if entry.name.isdigit():
                found = _stat(int(entry.name))
                if found is not None:
                    stats[int(entry.name)] = found
        family, grew = {self.root}, True
        while grew:
            before = len(family)
            family |= {
                pid for pid, (parent, start, *_rest) in stats.items() if parent in family or (pid, start) in self.seen
            }
            grew = len(family) > before
        family.discard(self.root)
        for pid in family:
            if pid in stats:
                _parent, start, seconds, name = stats[pid]
                self.seen[(pid, start)] = (kind_of(name), seconds)
        self.peak_processes = max(self.peak_processes, len(family))

    def start(self) -> TreeSampler:
        """Take the baseline (processes already there count from now), then sample in the background."""
        self.sample()
        self.baseline = {key: seconds for key, (_kind, seconds) in self.seen.items()}
        self._thread = threading.Thread(target=self._loop, name="bench-cpu-sampler", daemon=True)
        self._thread.start()
        return self

    def _loop(self) -> None:
        while not self._stop.wait(self.interval):
            self.sample()

    def stop(self) -> dict[str, float]:
        """Stop sampling; CPU-seconds by kind since start."""
        self._stop.set()
        if self._thread is not None:
            self._thread.join()
        self.sample()
        by_kind: dict[str, float] = defaultdict(float)
        for key, (kind, seconds) in self.seen.items():
            by_kind[kind] += seconds - self.baseline.get(key, 0.0)
        return dict(by_kind)


@dataclass
class CpuMeter:
    """Machine-wide, tree-sampled and own CPU-seconds over one stretch of work."""

    sampler: TreeSampler = field(default_factory=TreeSampler)
    started: tuple[float, float, float, float] = (0.0, 0.0, 0.0, 0.0)
    background: float = 0.0

    def __enter__(self) -> Self:
        self.background = background_cores()
        self.sampler.start()
        self.started = (machine_busy_seconds(), own_seconds(), reaped_seconds(), time.perf_counter())
        return self

    def __exit__(self, *_exc: object) -> None:
        machine, own, reaped, wall = machine_busy_seconds(), own_seconds(), reaped_seconds(), time.perf_counter()
        self.by_kind = self.sampler.stop()
        self.machine_s = machine - self.started[0]
        self.own_s = own - self.started[1]
        self.reaped_s = reaped - self.started[2]
        self.wall_s = wall - self.started[3]

    def report(self, scenarios: int) -> dict[str, object]:
        """The totals, per scenario, and each kind's share of the sampled tree."""
        tree = sum(self.by_kind.values())
        each = max(scenarios, 1)
        return {
            "wall_s": round(self.wall_s, 2),
            "machine_cpu_s": round(self.machine_s, 2),
            "machine_cores_busy": round(self.machine_s / self.wall_s, 2) if self.wall_s else 0.0,
            "tree_cpu_s": round(tree, 2),
            "bench_process_cpu_s": round(self.own_s, 2),
            "reaped_children_cpu_s": round(self.reaped_s, 2),
            "outside_our_run_cpu_s": round(self.machine_s - tree - self.own_s, 2),
            "background_cores_before": round(self.background, 2),
            "machine_cpu_per_scenario_s": round(self.machine_s / each, 3),
            "tree_cpu_per_scenario_s": round(tree / each, 3),
            "tree_by_kind_s": {k: round(v, 2) for k, v in sorted(self.by_kind.items(), key=lambda kv: -kv[1])},
            "tree_share": {k: round(v / tree, 3) for k, v in self.by_kind.items()} if tree else {},
            "peak_processes": self.sampler.peak_processes,
            "scenarios": scenarios,
        }

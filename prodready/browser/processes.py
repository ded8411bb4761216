"""Stopping a browser that does not answer: its chromedriver and every process under it, killed."""

from __future__ import annotations

import os
import signal
import threading
from pathlib import Path
from typing import Any

from selenium.webdriver.remote.command import Command
from selenium.webdriver.remote.webdriver import WebDriver


def kill_browser(driver: WebDriver) -> None:
    """Kill a local browser's chromedriver and every process under it (the browser, its renderers); a
    remote session is asked to quit in the background (nothing else can reach it)."""
    service = getattr(driver, "service", None)
    process = getattr(service, "process", None)
    if process is None:
        threading.Thread(target=_ask_to_quit, args=(driver,), name="abort-remote", daemon=True).start()
        return
    for pid in [*descendants(process.pid), process.pid]:
        try:
            os.kill(pid, signal.SIGKILL)
        except OSError:
            pass
    try:
        process.wait(timeout=5)  # reaped: no zombie chromedriver
    except Exception:  # noqa: BLE001 - killed with SIGKILL: it is gone either way
        pass


def descendants(pid: int) -> list[int]:
    """Every process under `pid`, deepest first (from /proc: no extra dependency)."""
    children: dict[int, list[int]] = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
            children.setdefault(int(fields[1]), []).append(int(stat.parent.name))
        except (OSError, IndexError, ValueError):
            continue
    found: list[int] = []

    def walk(parent: int) -> None:
        for child in children.get(parent, []):
            walk(child)
            found.append(child)

    walk(pid)
    return found


def _ask_to_quit(driver: Any) -> None:
    try:
        driver.execute(Command.QUIT)
    except Exception:  # noqa: BLE001 - a remote that is gone may fail any way
        pass

"""Failure evidence: for every actor's browser, a screenshot, the page HTML, the console log and the URL."""

from __future__ import annotations

import json
import threading
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from selenium.common.exceptions import WebDriverException

from prodready.browser.sessions import SessionPool
from prodready.core.artifacts import INDEX
from prodready.core.masking import mask
from prodready.core.secrets import REDACTOR

# Before a screenshot, blank any field or text showing a secret (a password typed in a text field).
_HIDE_SECRETS_JS = """
const secrets = arguments[0];
for (const el of document.querySelectorAll('input, textarea')) {
  if (secrets.some(s => el.value && el.value.includes(s))) { el.value = '••••••'; }
}
const walker = document.createTreeWalker(document.body || document, NodeFilter.SHOW_TEXT);
while (walker.nextNode()) {
  const node = walker.currentNode;
  for (const s of secrets) { if (node.nodeValue.includes(s)) node.nodeValue = node.nodeValue.split(s).join('••••••'); }
}
"""


# A person's evidence has a bound: a browser that hangs (a blank page, a stuck renderer) gives what it
# gave by then, its session is thrown away, and the run goes on.
EVIDENCE_SECONDS = 20.0


def capture(
    folder: Path, actors: Iterable, pool: SessionPool, seconds: float = EVIDENCE_SECONDS
) -> list[dict[str, str]]:
    """Write each actor's evidence under folder/<actor>/; a summary per actor (paths are relative)."""
    folder.mkdir(parents=True, exist_ok=True)
    summary = []
    for actor in actors:
        out = folder / actor.label
        out.mkdir(exist_ok=True)
        item = {"actor": actor.label, "name": actor.name}
        worker = threading.Thread(target=_browser_evidence, args=(actor.session.driver, out, folder, item), daemon=True)
        worker.start()
        worker.join(seconds)
        if worker.is_alive():
            item["error"] = f"evidence incomplete: the browser did not answer within {seconds:g} s"
            actor.session.broken = True
        console = pool.console_of(actor.session) if not actor.session.broken else list(actor.session.console)
        lines = [f"[{e.level}] {mask(e.text)}" for e in console]
        (out / "console.log").write_text("\n".join(lines) + ("\n" if lines else ""), encoding="utf-8")
        item["console"] = lines
        summary.append(item)
    (folder / INDEX).write_text(json.dumps(summary, indent=2), encoding="utf-8")
    return summary


def _browser_evidence(driver: Any, out: Path, folder: Path, item: dict[str, str]) -> None:
    """URL, screenshot and HTML of one browser, each written as soon as it comes."""
    try:
        item["url"] = mask(driver.current_url)
        (out / "url.txt").write_text(item["url"] + "\n", encoding="utf-8")
        if REDACTOR.secrets:
            driver.execute_script(_HIDE_SECRETS_JS, sorted(REDACTOR.secrets))
        driver.save_screenshot(str(out / "screenshot.png"))
        item["screenshot"] = str((out / "screenshot.png").relative_to(folder.parent))
        (out / "page.html").write_text(mask(driver.page_source), encoding="utf-8")
        item["html"] = str((out / "page.html").relative_to(folder.parent))
    except WebDriverException as exc:
        item["error"] = f"evidence incomplete: {type(exc).__name__}"

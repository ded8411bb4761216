"""Mask the run's secrets in everything it writes: console streams, reports, a final sweep of files.

REDACTOR (prodready.core.secrets) knows the secrets; this module also masks the forms a secret takes
once a writer has encoded it (JSON and XML escapes, URL encoding, Python repr), because behave's
JSON, JUnit's XML and a typed-in search address would otherwise carry it past a plain replace.
"""

from __future__ import annotations

import html
import json
import re
from collections.abc import Iterable
from pathlib import Path
from typing import Any
from urllib.parse import quote, quote_plus

from prodready.core.secrets import MASK, REDACTOR

# Inline images are left alone: masking a short secret inside base64 would corrupt the picture.
_DATA_URI = re.compile(r"(data:[a-z]+/[a-z0-9.+-]+;base64,[A-Za-z0-9+/=]+)")
TEXT_SUFFIXES = {".json", ".xml", ".html", ".htm", ".txt", ".log", ".csv", ".md", ".svg", ".properties"}
_cache: tuple[frozenset[str], re.Pattern[str] | None] = (frozenset(), None)


def variants(secret: str) -> set[str]:
    """The secret as raw text and as the common writers encode it."""
    text = html.escape(secret, quote=False)  # & < > : XML and HTML text
    forms = {
        secret,
        json.dumps(secret)[1:-1],
        json.dumps(secret, ensure_ascii=False)[1:-1],  # JSON (behave.json, Allure)
        repr(secret)[1:-1],  # Python's repr, as assertion messages quote values
        text,
        html.escape(secret),
        text.replace('"', "&quot;"),  # XML attributes (ElementTree: JUnit)
        text.replace('"', "&#34;").replace("'", "&#39;"),  # Jinja / markupsafe (the app's pages)
        secret.replace("&", "&amp;").replace('"', "&quot;"),  # a browser's page source, attribute values
        quote(secret),
        quote(secret, safe=""),
        quote_plus(secret),
        quote_plus(secret, safe=""),
        quote_plus(secret, safe="*"),  # the last: how a browser encodes a form field into an address
    }
    return {f for f in forms if len(f) >= 4}


def _pattern() -> re.Pattern[str] | None:
    """One regex for every variant of every registered secret (rebuilt when secrets are added)."""
    global _cache
    secrets = REDACTOR.secrets
    if secrets != _cache[0]:
        forms = sorted({v for s in secrets for v in variants(s)}, key=len, reverse=True)
        _cache = (secrets, re.compile("|".join(re.escape(f) for f in forms)) if forms else None)
    return _cache[1]


def mask(text: str) -> str:
    """The text with every registered secret, in any of its encodings, replaced by the mask."""
    pattern = _pattern()
    if not pattern or not text:
        return text
    parts = _DATA_URI.split(text)
    # Odd indexes are the captured data: URIs.
    return "".join(part if i % 2 else pattern.sub(MASK, part) for i, part in enumerate(parts))


def mask_data(value: Any) -> Any:
    """A JSON-like value with every string masked (keys included)."""
    if isinstance(value, str):
        return mask(value)
    if isinstance(value, dict):
        return {mask(k) if isinstance(k, str) else k: mask_data(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [mask_data(v) for v in value]
    return value


def sweep(folders: Iterable[Path]) -> list[Path]:
    """Rewrite every text file under the folders with secrets masked; the files that changed."""
    if _pattern() is None:
        return []
    changed: list[Path] = []
    seen: set[Path] = set()
    for folder in folders:
        if not folder.is_dir():
            continue
        for path in sorted(folder.rglob("*")):
            if path in seen or not path.is_file() or path.suffix.lower() not in TEXT_SUFFIXES:
                continue
            seen.add(path)
            try:
                text = path.read_text(encoding="utf-8")
            except (OSError, UnicodeDecodeError):
                continue  # not a text file after all; screenshots are masked before they are taken
            masked = mask(text)
            if masked != text:
                path.write_text(masked, encoding="utf-8")
                changed.append(path)
    return changed


class MaskingStream:
    """A text stream that masks secrets on the way through (behave's console output)."""

    def __init__(self, stream: Any) -> None:
        self._stream = stream

    def write(self, text: str) -> int:
        self._stream.write(mask(text))
        return len(text)

    def writelines(self, lines: Iterable[str]) -> None:
        for line in lines:
            self.write(line)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._stream, name)


def mask_console(runner: Any) -> None:
    """Route behave's console formatters and sys.stdout/stderr through the mask.

    A failing step's message (or captured print) may quote a secret; formatters hold their stream
    from before the hooks run, so they are rewrapped here as well as sys.stdout and sys.stderr.
    """
    import sys

    def wrap(stream: Any) -> Any:
        return stream if stream is None or isinstance(stream, MaskingStream) else MaskingStream(stream)

    for formatter in getattr(runner, "formatters", []):
        opener = getattr(formatter, "stream_opener", None)
        if getattr(opener, "name", None) not in (None, "-") and getattr(opener, "should_close_stream", False):
            continue  # writes a file: the final sweep masks it
        if hasattr(formatter, "stream"):
            formatter.stream = wrap(formatter.stream)
            if opener is not None and getattr(opener, "stream", None) is not None:
                opener.stream = formatter.stream  # behave checks they are the same object on close
        printer = getattr(formatter, "printer", None)
        if printer is not None and hasattr(printer, "stream"):
            printer.stream = wrap(printer.stream)
    sys.stdout = wrap(sys.stdout)
    sys.stderr = wrap(sys.stderr)

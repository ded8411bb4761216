"""URLs of GitLab and Slack: checked once at configuration time, shown without their secrets."""

from __future__ import annotations

import re
from urllib.parse import SplitResult, urlsplit

from prodready.release.errors import ConfigError

DEFAULT_PORTS = {"http": 80, "https": 443}
# scheme://USERINFO@ up to the last @ before the path, as urllib reads it; works on a URL too
# broken to parse.
_USERINFO = re.compile(r"(?P<head>^[A-Za-z][A-Za-z0-9+.-]*://)(?P<info>[^/\s]*)@")


def masked(url: str) -> str:
    """The URL with its password (or a lone user part: a token, often) replaced by `***`."""

    def hide(match: re.Match[str]) -> str:
        user, colon, _ = match["info"].partition(":")
        return f"{match['head']}{user + colon if colon else ''}***@"

    return _USERINFO.sub(hide, url, count=1)


def origin(url: str) -> tuple[str, str, int]:
    """(scheme, host, port) with the default port filled in: what a redirect may not change."""
    parts = urlsplit(url)
    scheme = parts.scheme.lower()
    return scheme, (parts.hostname or "").lower(), parts.port or DEFAULT_PORTS.get(scheme, 0)


def show_origin(url: str) -> str:
    """scheme://host[:port] of a URL, never its user, password, path or query."""
    try:
        parts = urlsplit(url)
        return f"{parts.scheme}://{parts.netloc.rpartition('@')[2]}"
    except ValueError:
        return "an unparsable address"


def checked_base_url(url: str, name: str) -> str:
    """A usable http(s) base URL, else a ConfigError naming `name` and showing the URL masked."""
    shown = masked(url)
    if any(ch.isspace() or not ch.isprintable() for ch in url):
        raise ConfigError(f"{name} must not contain spaces or control characters (got {shown!r})")
    if not url.lower().startswith(("http://", "https://")):
        raise ConfigError(f"{name} must start with http:// or https:// (got {shown!r})")
    parts = _split(url, name, shown)
    if not parts.hostname:
        raise ConfigError(f"{name} has no host name (got {shown!r})")
    if parts.query or parts.fragment:
        raise ConfigError(f"{name} must be a base URL, without ?query or #fragment (got {shown!r})")
    return url.rstrip("/")


def checked_secret_url(url: str, name: str) -> str:
    """An http(s) URL that is itself a secret (a Slack webhook): errors never show any of it."""
    try:
        parts = urlsplit(url)
        parts.port  # noqa: B018 - raises on a bad port
    except ValueError:
        raise ConfigError(f"{name} is not a valid URL") from None
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise ConfigError(f"{name} is not an http(s) URL")
    if any(ch.isspace() or not ch.isprintable() for ch in url):
        raise ConfigError(f"{name} must not contain spaces or control characters")
    return url


def _split(url: str, name: str, shown: str) -> SplitResult:
    """urlsplit, with the port checked too (urllib only complains when `.port` is read)."""
    try:
        parts = urlsplit(url)
        parts.port  # noqa: B018 - raises ValueError for a non-numeric or out-of-range port
    except ValueError as exc:
        raise ConfigError(f"{name} is not a valid URL (got {shown!r}): {exc}") from None
    return parts

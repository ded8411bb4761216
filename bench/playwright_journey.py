"""The same journey in Playwright, driving the same chromium-headless-shell (nothing downloaded).

Playwright is a bench-only dependency (requirements-bench.txt); without it `available()` says why
and the bench prints that Playwright is unavailable instead of a number.
"""

from __future__ import annotations

from typing import Any

from prodready.browser.drivers import CHROMIUM_FLAGS, DESKTOP_SIZE

from .journey import FIELD_TESTIDS, NOTE, VISITOR, Mark, no_mark

TIMEOUT_MS = 10_000


def available() -> str | None:
    """None when Playwright can be imported; else the reason it cannot."""
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError as exc:
        return f"the pip package playwright is not installed ({exc})"
    return None


def version() -> str:
    """The installed playwright package's version."""
    from importlib.metadata import version as dist_version

    return dist_version("playwright")


class PlaywrightBrowser:
    """One Playwright-launched headless shell; a fresh context (its incognito window) per journey."""

    def __init__(self, binary: str) -> None:
        from playwright.sync_api import sync_playwright

        self._manager = sync_playwright()
        self._playwright = self._manager.start()
        args = [flag for flag in CHROMIUM_FLAGS if not flag.startswith("--headless")]
        self.browser = self._playwright.chromium.launch(executable_path=binary, headless=True, args=args)
        self.context: Any = None

    def new_page(self) -> Any:
        """A page in a new, isolated context."""
        self.context = self.browser.new_context(viewport={"width": DESKTOP_SIZE[0], "height": DESKTOP_SIZE[1]})
        self.context.set_default_timeout(TIMEOUT_MS)
        return self.context.new_page()

    def close_context(self) -> None:
        """Throw the journey's context away (cookies, storage, pages)."""
        if self.context is not None:
            self.context.close()
            self.context = None

    def close(self) -> None:
        """Close the browser and the Playwright driver."""
        self.close_context()
        self.browser.close()
        self._manager.__exit__(None, None, None)


def with_playwright(
    page: Any, base_url: str, username: str, password: str, guard_name: str, mark: Mark = no_mark
) -> None:
    """The journey in idiomatic Playwright: fill(), click(), auto-waiting locators."""
    from playwright.sync_api import expect

    mark("login")
    page.goto(base_url + "/login")
    page.fill('[data-testid="username-field"] input', username)
    page.fill('[data-testid="password_input"]', password)
    page.click('[data-testid="login-btn"]')
    page.wait_for_url(lambda url: "/login" not in url)
    page.locator('[data-testid="page_title"]').wait_for()
    mark("open form")
    page.goto(base_url + "/request")
    page.locator('[data-testid="entry_user_name"]').wait_for()
    mark("fill")
    for field, test_id in FIELD_TESTIDS.items():
        page.fill(f'[data-testid="{test_id}"]', VISITOR[field])
    page.click("#reason")
    page.click(f'ul[role="listbox"] li[role="option"][data-value="{VISITOR["reason"]}"]')
    mark("grant")
    page.click('[data-testid="entry_user_grant"]')
    note = page.locator('[data-testid="entry-dialog-field"]')
    note.wait_for()
    mark("note")
    note.fill(NOTE)
    mark("save")
    with page.expect_navigation():
        page.click('[data-testid="save_and_record_other"]')
    mark("logbook")
    page.goto(base_url + "/logbook")
    card = page.locator(".MuiCard-root").filter(has_text=VISITOR["name"]).filter(has_text=NOTE)
    expect(card.filter(has_text=guard_name)).to_be_visible(timeout=TIMEOUT_MS)
    mark("end")

"""What the platform shows instead of a page it refuses: its whole-page error for a refused query
(components/Error.jsx: "GraphQL error: Unauthorized" and a Home link) or its not-found page."""

from __future__ import annotations

from .base import BasePage
from .components import ErrorPage
from .locators import css


class QueryErrorPage(BasePage):
    """The whole-page error of a query the platform refused (no test id: its Home link's class)."""

    MARKER = css("a.error-link", "the error page's Home link")

    def withholds(self, page: BasePage) -> bool:
        """Wait until the app settles at this address on `page`, on this error or on the not-found page;
        whether `page` was withheld."""
        self.wait_until(
            lambda _d: page.is_current() or self.is_current() or self.is_shown(ErrorPage.MARKER),
            "the app showed neither the page nor a refusal",
            timeout=self.timeout * 2,
        )
        return not page.is_current()

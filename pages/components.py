"""Parts shared by many screens: the page frame, the side menu, the snackbar, the not-found pages.

The install banner ("add to home screen", fixed at the bottom of every page of the platform for its
first 10 s) is closed by BasePage.click when it covers what is to be pressed."""

from __future__ import annotations

from collections.abc import Callable, Iterator

from selenium.webdriver.common.by import By

from .base import BasePage, Locator, css, testid, ui


class PageFrame(BasePage):
    """shared/PageWrapper.jsx: the page title and the right panel of actions."""

    TITLE = testid("page_title", "the page title")
    LOADING = css(".MuiCircularProgress-indeterminate", "a loading spinner (MUI's CircularProgress)")

    def title(self) -> str:
        """The page's title (h4)."""
        return self.text_of(self.TITLE)

    def wait_title(self, title: str) -> None:
        """Wait until the page titled `title` is shown."""
        self.wait_until(
            lambda _d: self.is_shown(self.TITLE) and self.find(self.TITLE).text.strip() == title,
            f'the page titled "{title}" was not shown',
        )


class SideMenu(BasePage):
    """modules/Menu: the `drawer` button opens a drawer (a MUI temporary Drawer, in a portal) whose list,
    `sidenav-container`, holds the entries of the person's role. A group (an entry showing MUI's
    ExpandMore icon) opens its entries in the Collapse just after it; a group may hold a group (the
    admin's Community › Tasks › Tasks). Entries are list items, not links: a click routes in place.
    An entry is named by its path of labels: ("Access", "Logs")."""

    HAMBURGER = css('header [data-testid="drawer"]', "the menu button (a split screen's Drawer has the same test id)")
    NAV = testid("sidenav-container", "the side menu")
    LOGOUT = ui("Logout")
    GROUP_ICONS = ("ExpandMoreIcon", "ExpandLessIcon")  # MUI's icons' test ids: what marks a group

    def _entry(self, *path: str) -> Locator:
        xpath = '//*[@data-testid="sidenav-container"]/descendant::*[contains(@class, "MuiList-root")][1]'
        for depth, label in enumerate(path):
            if depth:
                xpath += (
                    '/following-sibling::*[1][contains(@class, "MuiCollapse-root")]'
                    '/descendant::*[contains(@class, "MuiList-root")][1]'
                )
            xpath += f'/*[contains(@class, "MuiListItem-root")][normalize-space()="{label}"]'
        return Locator(By.XPATH, xpath, f'the menu entry "{" › ".join(path)}"')

    def is_open(self) -> bool:
        """Whether the drawer is open, all the way in (not sliding in or out)."""
        return bool(self.driver.execute_script(DRAWER_STATE) == "open")

    def _open(self) -> None:
        def opened(_driver: object) -> bool:
            state = self.driver.execute_script(DRAWER_STATE)
            if state == "closed":  # also when a press was not taken (the app's screen was mounted anew)
                self.click(self.HAMBURGER)
            return bool(state == "open")

        self.wait_until(opened, f"{self.NAV} did not open")

    def _wait_still(self) -> None:
        """Wait until no group is opening or closing: the entries under it move while it does."""
        self.wait_until(lambda d: d.execute_script(MENU_STILL), f"{self.NAV} did not stop moving")

    def go(self, *labels: str) -> None:
        """Open the menu and follow entries by label: ("Access", "Logs") opens a group, then a page."""
        self._open()
        for depth in range(1, len(labels)):
            group, inside = self._entry(*labels[:depth]), self._entry(*labels[: depth + 1])
            # A click on a group while another is open closes that one and opens nothing (SideMenu.jsx's
            # routeTo): a second click opens it. A group left open by the last visit needs no click.
            for _ in range(2):
                self._wait_still()
                if self.is_shown(inside):
                    break
                self.click(group)
        self._wait_still()
        self.click(self._entry(*labels))
        # A page opened from the menu loads all it shows (the platform's task list, a hundred tasks in
        # development mode, took 7–9 s here): three times the usual wait.
        self.wait_until(lambda d: self._page_settled(d), "the page did not settle", timeout=self.timeout * 3)

    def log_out(self) -> None:
        """Logout: the platform forgets the token and shows the login screen."""
        self.go(self.LOGOUT)

    def entries(self) -> list[tuple[str, ...]]:
        """Every page the menu offers, in its order, by path: ("Dashboard",), ("Access", "Logs"), groups
        opened to read them."""
        self._open()
        return self._entries_under(())

    def _entries_under(self, path: tuple[str, ...]) -> list[tuple[str, ...]]:
        found: list[tuple[str, ...]] = []
        for label, is_group in self.driver.execute_script(ENTRIES_AT, list(path), list(self.GROUP_ICONS)) or []:
            here = (*path, label)
            if not is_group:
                found.append(here)
                continue
            self.wait_until(self._opening(here), f"{self._entry(*here)} did not open")
            found += self._entries_under(here)
        return found

    def _opening(self, path: tuple[str, ...]) -> Callable[[object], bool]:
        """A wait's condition: the group at `path` is open (clicked while closed and the menu still)."""

        def opened(_driver: object) -> bool:
            if not self.driver.execute_script(MENU_STILL):
                return False
            if self.driver.execute_script(ENTRIES_AT, list(path), list(self.GROUP_ICONS)) is not None:
                return True
            self.click(self._entry(*path))
            return False

        return opened

    def visit_each(self, skip: tuple[str, ...] = ("Logout",)) -> Iterator[tuple[str, str]]:
        """Open every page of the menu in turn, as a person does; yields ("Access › Logs", address) once
        routed there."""
        for path in self.entries():
            if path[-1] in skip:
                continue
            self.go(*path)
            yield " › ".join(path), self.url


# The drawer: "closed" (its modal hidden, as MUI hides a closed and exited Modal, or not there yet),
# "open" (its list shown, its paper slid all the way in; the list itself may be scrolled sideways inside
# the paper) or "moving" (sliding in or out: its backdrop still covers the menu button).
DRAWER_STATE = """
const nav = document.querySelector('[data-testid="sidenav-container"]');
const modal = nav ? nav.closest('.MuiModal-root') || nav : null;
if (!modal || !modal.getClientRects().length || getComputedStyle(modal).visibility === 'hidden') return 'closed';
if (!nav.getClientRects().length || getComputedStyle(nav).visibility === 'hidden') return 'moving';
return (nav.closest('.MuiDrawer-paper') || nav).getBoundingClientRect().left >= 0 ? 'open' : 'moving';
"""
# Whether every group of the menu is open or closed, none on its way (MUI's Collapse: entered or hidden;
# a closed group of the platform is not in the page at all).
MENU_STILL = """
const nav = document.querySelector('[data-testid="sidenav-container"]');
return !nav || Array.from(nav.querySelectorAll('.MuiCollapse-root'))
  .every(c => c.classList.contains('MuiCollapse-entered') || c.classList.contains('MuiCollapse-hidden'));
"""
# The entries at a path of the menu ([] the top), in order, as [label, is a group]; null while a group
# of the path is closed.
ENTRIES_AT = """
const [path, icons] = arguments;
const marks = icons.map(i => `[data-testid="${i}"]`).join(',');
const norm = e => e.textContent.replace(/\\s+/g, ' ').trim();
const items = list => Array.from(list ? list.children : []).filter(e => e.classList.contains('MuiListItem-root'));
const nav = document.querySelector('[data-testid="sidenav-container"]');
let list = nav ? nav.querySelector('.MuiList-root') : null;
for (const label of path) {
  const group = items(list).find(e => norm(e) === label);
  const open = group ? group.nextElementSibling : null;
  if (!open || !open.classList.contains('MuiCollapse-root') || !open.getClientRects().length) return null;
  list = open.querySelector('.MuiList-root');
}
return items(list).map(e => [norm(e), Boolean(e.querySelector(marks))]);
"""


class Snackbar(BasePage):
    """components/MessageAlert.jsx: the one top-centre message after an action (gone after 6 s)."""

    ALERT = testid("message-alert", "the message at the top of the screen")

    def message(self) -> str:
        """The message shown now (waits for it)."""
        return self.text_of(self.ALERT)

    def wait_message(self, text: str) -> None:
        """Wait until the snackbar says exactly `text`."""
        self.wait_until(lambda _d: text in self.texts_of(self.ALERT), f'the message "{text}" did not appear')

    def is_error(self) -> bool:
        """Whether the message shown is an error (red, filled error Alert)."""
        return "MuiAlert-filledError" in (
            self.find(css('[data-testid="message-alert"] [role="alert"]', "the alert")).get_attribute("class") or ""
        )


class ErrorPage(BasePage):
    """What the platform shows instead of a page: the catch-all route's "Sorry!! We couldn't find this
    page" (an address it does not have, or a module page the role's user type is not offered), or a
    module's 404 (shared/404.jsx: "404", "Oops. Looks like we can't find your page.") when the role lacks
    the module's permission."""

    NOT_FOUND = ui("Sorry!! We couldn't find this page")
    MARKER = Locator(
        By.XPATH,
        f'//h4[normalize-space()="{NOT_FOUND}"] | //*[@data-testid="404-offline-text"]',
        "the not-found message",
    )

    def headline(self) -> str:
        """Its message."""
        return self.text_of(self.MARKER)


class RefusedPage(BasePage):
    """shared/404.jsx: what a module's page shows a role without its permissions ("404", "Oops. Looks like we
    can't find your page.", "Go To Dashboard"), where an unknown address gets ErrorPage's message."""

    MARKER = testid("404-offline-text", "the refusal's message")

    def headline(self) -> str:
        """Its message."""
        return self.text_of(self.MARKER)

"""Parts shared by many screens: the page frame, the side menu, the snackbar, dialogs, the install bar."""

from __future__ import annotations

from collections.abc import Iterator

from selenium.webdriver.common.by import By

from .base import BasePage, Locator, css, element_id, testid, ui


class PageFrame(BasePage):
    """shared/PageWrapper.jsx: the page title and the right panel of actions."""

    TITLE = testid("page_title", "the page title")

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
    """modules/Menu: the hamburger opens the menu; groups open their sub-entries.

    The entries are in `sidenav-container` (SideMenu.jsx), which the platform renders inside a MUI
    Drawer: a portal at the end of <body>, outside `nav-container`.
    """

    HAMBURGER = css(".left-menu-collapsible", "the menu button")
    LOGOUT = (ui("My Account"), ui("Logout"))
    # The platform's Drawer is a portal at the end of <body> (kept mounted, hidden while closed): its
    # entries are in SideMenu.jsx's `sidenav-container`; the `nav-container` <nav> stays empty.
    NAV = testid("sidenav-container", "the side menu")
    # A group's entries slide open (MUI Collapse): a click before it has finished lands on another entry.
    OPENING = (
        'return document.querySelector(\'[data-testid="sidenav-container"] '
        ".MuiCollapse-root:not(.MuiCollapse-entered):not(.MuiCollapse-hidden)');"
    )
    # The drawer slides in (MUI Slide: a transform until it is in place).
    STILL = "const p = arguments[0].closest('.MuiDrawer-paper'); return !p || getComputedStyle(p).transform === 'none';"
    ENTRY_LINKS = css('[data-testid="nav-container"] a', "the menu's links")

    def _open(self) -> None:
        if not self.is_shown(self.NAV):
            self.click(self.HAMBURGER)
            self.wait_until(lambda d: d.execute_script(self.STILL, self.wait_for(self.NAV)), "the menu did not open")

    def _entry(self, label: str, after: Locator | None = None) -> Locator:
        """An entry by its label; `after` another entry: the first so labelled below it (a group's entry
        may bear the group's own label: Community › Tasks › Tasks)."""
        entry = f'*[contains(@class, "MuiListItem-root")][normalize-space()="{label}"]'
        if after is None:
            return Locator(By.XPATH, f'//*[@data-testid="sidenav-container"]//{entry}', f'the menu entry "{label}"')
        return Locator(By.XPATH, f"({after.value})[1]/following::{entry}", f'the menu entry "{label}" under {after}')

    def go(self, *labels: str) -> None:
        """Open the menu and follow entries by label: ("Access", "Logs") opens a group, then a page."""
        self._open()
        entry = None
        for label, inner in zip(labels, labels[1:], strict=False):
            entry = self._entry(label, after=entry)
            if not self.is_shown(self._entry(inner, after=entry)):  # a closed group (a click on an open one closes it)
                self.click(entry)
                self.wait_until(lambda d: not d.execute_script(self.OPENING), f'the menu group "{label}" did not open')
        self.click_and_load(self._entry(labels[-1], after=entry))

    def log_out(self) -> None:
        """My Account › Logout: the platform forgets the token and shows the login screen."""
        self.go(*self.LOGOUT)

    def links(self) -> dict[str, str]:
        """Every page the menu offers: {"Access › Logs": address} (groups opened to read them)."""
        found: dict[str, str] = {}
        for link in self.driver.execute_script(
            "return Array.from(document.querySelectorAll('[data-testid=\"nav-container\"] a')).map(a => {"
            " const group = a.closest('.sub-menu');"
            " const parent = group ? group.parentNode.querySelector('.menu-group').innerText.trim() : '';"
            " return [parent ? parent + ' › ' + a.innerText.trim() : a.innerText.trim(), a.href]; });"
        ):
            found[link[0]] = link[1]
        return found

    def visit_each(self, skip: tuple[str, ...] = ("/logout",)) -> Iterator[tuple[str, str]]:
        """Open every page of the menu in turn (by its address); yields (label, address) once loaded."""
        for label, href in self.links().items():
            if href.endswith(skip):
                continue
            self.driver.get(href)
            self.wait_until(
                lambda d: d.execute_script("return document.readyState") == "complete",
                f"the {label} page did not finish loading",
            )
            yield label, href


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


class InstallBanner(BasePage):
    """The platform's "add to home screen" bar fixed at the bottom of every page."""

    BAR = element_id("btnSection", "the install banner")
    CLOSE = element_id("closeBtn", "the banner's close link")

    def dismiss(self) -> None:
        """Close it, as the platform's own specs do before pressing buttons near the bottom."""
        if self.is_shown(self.BAR):
            self.click(self.CLOSE)
            self.wait_gone(self.BAR)


class ErrorPage(BasePage):
    """The platform's catch-all page for an address it does not have (or a role may not see)."""

    MARKER = Locator(By.XPATH, '//*[normalize-space()="Sorry!! We couldn\'t find this page"]', "the not-found message")

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

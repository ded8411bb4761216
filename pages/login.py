"""The login screen (components/AuthScreens/LoginScreen.jsx) and Set Password (PasswordSetup.jsx)."""

from __future__ import annotations

from urllib.parse import urlsplit

from selenium.webdriver.common.by import By

from .base import BasePage, Locator, testid
from .components import Snackbar


class LoginPage(BasePage):
    """One "Continue" button submits whichever way is filled in: here, username and password."""

    PATH = "/login"
    MARKER = testid("login-btn", "the Continue button")
    USERNAME = testid("username-field", "the Username field")
    PASSWORD = testid("password_input", "the Password field")
    CONTINUE = testid("login-btn", "the Continue button")

    def _submit(self, username: str, password: str) -> None:
        self.type_into(self.USERNAME, username)
        self.type_into(self.PASSWORD, password)
        self.click(self.CONTINUE)

    def log_in_as(self, username: str, password: str, expect_home: bool = True) -> None:
        """Log in; returns once the login screen has gone (to the user's home, or Set Password)."""
        self._submit(username, password)
        self.wait_until(
            lambda _d: (
                not self.path.startswith("/login")
                and self.driver.execute_script("return document.readyState === 'complete'")
            ),
            f"the login of {username} did not get past the login screen",
        )
        if expect_home:
            self.wait_for(testid("page_title", "the home page's title"))

    def open_leading_to(self, target: str) -> LoginPage:
        """Open the login screen by an address that names where to go after logging in (/login/:next)."""
        return self.open(f"{self.PATH}/{target}")

    def site(self) -> str:
        """The site (scheme, host and port) the browser is on now."""
        parts = urlsplit(self.url)
        return f"{parts.scheme}://{parts.netloc}"

    def log_in_expecting_error(self, username: str, password: str) -> str:
        """Try to log in with wrong details; the error message shown."""
        self._submit(username, password)
        return Snackbar(self.driver, self.base_url, self.timeout).message()


class SetPasswordPage(BasePage):
    """Set Password (PasswordSetup.jsx in CodeScreenWrapper.jsx): shown instead of the home page after an
    admin reset the person's password. Both fields are the shared PasswordInput, so both native inputs
    carry `password_input`: Password first, Confirm Password second. Continue is enabled once the new
    password passes every rule."""

    MARKER = Locator(
        By.XPATH, '//*[@data-testid="screen_title"][normalize-space()="Set Password"]', "the Set Password title"
    )
    TITLE = testid("screen_title", "the screen's title")
    PASSWORD = Locator(By.XPATH, '(//input[@data-testid="password_input"])[1]', "the Password field")
    CONFIRM = Locator(By.XPATH, '(//input[@data-testid="password_input"])[2]', "the Confirm Password field")
    SUBMIT = testid("submit_btn", "the Continue button")

    def title(self) -> str:
        """The screen's title."""
        return self.text_of(self.TITLE)

    def set_password(self, password: str) -> None:
        """Type the new password twice and continue; the platform logs the person in and goes home."""
        self.type_into(self.PASSWORD, password)
        self.type_into(self.CONFIRM, password)
        self.click(self.SUBMIT)
        self.wait_until(lambda _d: not self.path.startswith("/password_setup"), "the new password was not accepted")

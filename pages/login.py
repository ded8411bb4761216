"""The login screen and the not-found page."""
from __future__ import annotations

from .base import BasePage, css, testid


class LoginPage(BasePage):
    """Log in by email and password (as the production page's scripts do)."""

    PATH = "/login"
    MARKER = testid("login_form", "the login form")
    EMAIL = testid("login_email", "the email field")
    PASSWORD = testid("login_password", "the password field")
    SUBMIT = testid("login_btn", "the Log In button")
    ERROR = testid("login_error", "the login error")

    def _submit(self, email: str, password: str) -> None:
        self.type_into(self.EMAIL, email)
        self.type_into(self.PASSWORD, password)
        self.click_and_load(self.SUBMIT)

    def log_in_as(self, email: str, password: str) -> None:
        """Log in and wait for the login form to be gone."""
        self._submit(email, password)
        if self.is_current():
            raise AssertionError(f"login of {email} failed: {self.texts_of(self.ERROR)}")

    def log_in_expecting_error(self, email: str, password: str) -> str:
        """Log in with bad credentials; the error shown."""
        self._submit(email, password)
        return self.text_of(self.ERROR)


class NotFoundPage(BasePage):
    """What a role sees for a page it may not open (the platform's 404)."""

    MARKER = testid("not_found", "the not-found page")
    HEADLINE = css('[data-testid="not_found"] h1', "the not-found headline")

    def headline(self) -> str:
        """The message shown."""
        return self.text_of(self.HEADLINE)

"""People of the scripts acting through their own browser sessions (guard, admin, custodian, client)."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import TypeVar

from pages.base import BasePage
from pages.login import LoginPage

from .api import session_cookies
from .config import Credentials, Persona
from .sessions import DESKTOP, Session, SessionPool

P = TypeVar("P", bound=BasePage)


@dataclass
class Actor:
    """One person in a scenario, with their own browser session (window, cookies, console)."""

    persona: Persona
    credentials: Credentials | None
    session: Session
    base_url: str
    timeout: float
    login_mode: str
    device: str = DESKTOP
    user_id: int | None = None
    pool: SessionPool | None = None

    @property
    def name(self) -> str:
        """How the platform shows this person."""
        return self.persona.name

    @property
    def label(self) -> str:
        """Who and where, for evidence folders: 'guard', 'admin-phone'."""
        return self.persona.key if self.device == DESKTOP else f"{self.persona.key}-{self.device}"

    def console(self) -> list:
        """This person's browser console so far in the scenario."""
        return self.pool.console_of(self.session) if self.pool is not None else list(self.session.console)

    def page(self, page: type[P]) -> P:
        """A page object on this person's browser (not navigated)."""
        return page(self.session.driver, self.base_url, self.timeout)

    def open(self, page: type[P], path: str | None = None) -> P:
        """Navigate to a page and wait for it."""
        return self.page(page).open(path)

    def on(self, page: type[P]) -> P:
        """The page this person should be looking at now, once shown."""
        return self.page(page).wait_loaded()

    def _require_credentials(self) -> Credentials:
        if self.credentials is None:
            raise AssertionError(f"{self.persona.key} ({self.name}) does not log in on this target")
        return self.credentials

    def log_in(self) -> None:
        """Start logged in: by HTTP + session cookie when the target allows it (fast), else by the form."""
        creds = self._require_credentials()
        if self.login_mode != "api":
            self.log_in_through_form()
            return
        driver = self.session.driver
        driver.get(f"{self.base_url}/static/app.css")  # any cheap page of the site, to own its cookies
        for cookie in session_cookies(self.base_url, creds):
            driver.add_cookie(cookie)
        driver.get(f"{self.base_url}/")

    def log_in_through_form(self) -> None:
        """Log in the way a person does: the login form."""
        creds = self._require_credentials()
        self.open(LoginPage).log_in_as(creds.email, creds.password)


@dataclass
class Cast:
    """Everyone who takes part in the current scenario, created on first mention."""

    personas: dict[str, Persona]
    credentials: dict[str, Credentials]
    pool: SessionPool
    base_url: str
    timeout: float
    login_mode: str
    user_ids: dict[str, int] = field(default_factory=dict)
    actors: dict[tuple[str, str], Actor] = field(default_factory=dict)
    _last: tuple[str, str] | None = None

    def actor(self, key: str, device: str = DESKTOP) -> Actor:
        """The person `key` on `device` (each person-and-device is its own isolated browser)."""
        if key not in self.personas:
            raise AssertionError(f"no persona {key!r}; prodready.toml has {', '.join(self.personas)}")
        if (key, device) not in self.actors:
            session = self.pool.acquire(device, label=key)
            self.actors[(key, device)] = Actor(
                persona=self.personas[key], credentials=self.credentials.get(key), session=session,
                base_url=self.base_url, timeout=self.timeout, login_mode=self.login_mode, device=device,
                user_id=self.user_ids.get(key), pool=self.pool)
        self._last = (key, device)
        return self.actors[(key, device)]

    def last_actor(self) -> Actor:
        """Whoever acted last: the one looking at the screen a "Then" describes."""
        if self._last is None:
            raise AssertionError("nobody has acted in this scenario yet")
        return self.actors[self._last]

    def person(self, key: str) -> Persona:
        """A persona who may not have a browser (e.g. the worker whose shift is recorded)."""
        return self.personas[key]

    def user_id(self, key: str) -> int:
        """The platform's id of a persona (known after the scenario's reset)."""
        if key not in self.user_ids:
            raise AssertionError(f"the id of {key} is unknown on this target")
        return self.user_ids[key]

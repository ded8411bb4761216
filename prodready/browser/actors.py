"""People of the scripts acting through their own browser sessions (guard, admin, custodian, client)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TypeVar
from urllib.parse import urlsplit

from pages.base import BasePage
from pages.login import LoginPage
from prodready.browser.sessions import SessionPool
from prodready.browser.window import DESKTOP, Session
from prodready.core.config import Credentials, Persona
from prodready.core.secrets import REDACTOR
from prodready.target.api import ApiSession, PlatformApi

P = TypeVar("P", bound=BasePage)
TOKEN_KEY = "dgdp_auth_token"  # where the platform's app keeps its token (utils/apollo.js)
# A cheap address of the site to own its localStorage before the first real page (any path serves).
STORAGE_PATH = "/robots.txt"


@dataclass
class Actor:
    """One person in a scenario, with their own browser session (window, storage, console)."""

    persona: Persona
    credentials: Credentials | None
    session: Session
    base_url: str
    timeout: float
    cast: Cast
    device: str = DESKTOP
    pool: SessionPool | None = None
    home_pending: bool = False  # logged in, not yet on a page: the first page looked at is home

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
        """A page object on this person's browser, on the page shown now (home, just after logging in)."""
        if self.home_pending:
            self.home_pending = False
            self.session.driver.get(self.base_url + "/")
        return page(self.session.driver, self.base_url, self.timeout)

    def open(self, page: type[P], path: str | None = None) -> P:
        """Navigate to a page and wait for it."""
        self.home_pending = False
        return self.page(page).open(path)

    def visit(self, page: type[P], path: str | None = None) -> P:
        """Navigate to a page's address without expecting it to be shown (a role may be refused it)."""
        self.home_pending = False
        return self.page(page).visit(path)

    def on(self, page: type[P]) -> P:
        """The page this person should be looking at now, once shown."""
        return self.page(page).wait_loaded()

    def require_credentials(self) -> Credentials:
        """This person's login, or a clear failure for people who do not log in on this target."""
        if self.credentials is None:
            raise AssertionError(f"{self.persona.key} ({self.name}) does not log in on this target")
        return self.credentials

    def log_in(self) -> None:
        """Start logged in as the platform does it: its token in localStorage before the first page.

        The first page this person looks at is their home, unless a step opens another one first
        (no navigation is spent on a home page nobody looks at).
        """
        token = self.cast.api_as(self.persona.key).token
        if not self.session.plant_storage(origin_of(self.base_url), TOKEN_KEY, token):
            driver = self.session.driver  # no BiDi here: own the site's storage from a cheap page of it
            driver.get(self.base_url + STORAGE_PATH)
            driver.execute_script("window.localStorage.setItem(arguments[0], arguments[1]);", TOKEN_KEY, token)
        self.home_pending = True

    def log_in_through_form(self) -> None:
        """Log in the way a person does: the login screen's username, password and Continue."""
        creds = self.require_credentials()
        self.open(LoginPage).log_in_as(creds.username, creds.password)


@dataclass
class Cast:
    """Everyone who takes part in the current scenario, created on first mention."""

    personas: dict[str, Persona]
    credentials: dict[str, Credentials]
    pool: SessionPool
    base_url: str
    timeout: float
    api: PlatformApi
    api_sessions: dict[str, ApiSession] = field(default_factory=dict)  # kept for the run: one login each
    actors: dict[tuple[str, str], Actor] = field(default_factory=dict)
    _last: tuple[str, str] | None = None

    def actor(self, key: str, device: str = DESKTOP) -> Actor:
        """The person `key` on `device` (each person-and-device is its own isolated browser)."""
        if key not in self.personas:
            raise AssertionError(f"no persona {key!r}; prodready.toml has {', '.join(self.personas)}")
        if (key, device) not in self.actors:
            session = self.pool.acquire(device, label=key)
            self.actors[(key, device)] = Actor(
                persona=self.personas[key],
                credentials=self.credentials.get(key),
                session=session,
                base_url=self.base_url,
                timeout=self.timeout,
                cast=self,
                device=device,
                pool=self.pool,
            )
        self._last = (key, device)
        return self.actors[(key, device)]

    def last_actor(self) -> Actor:
        """Whoever acted last: the one looking at the screen a "Then" describes."""
        if self._last is None:
            raise AssertionError("nobody has acted in this scenario yet")
        return self.actors[self._last]

    def person(self, key: str) -> Persona:
        """A persona who may not have a browser (e.g. the worker whose shift is recorded)."""
        if key not in self.personas:
            raise AssertionError(f"no persona {key!r}; prodready.toml has {', '.join(self.personas)}")
        return self.personas[key]

    def add_person(self, persona: Persona, credentials: Credentials | None = None) -> None:
        """Someone the scenario brought to the platform (a new client), who may then act like any persona."""
        self.personas[persona.key] = persona
        if credentials is not None:
            self.credentials[persona.key] = credentials

    def api_as(self, key: str) -> ApiSession:
        """The platform's API as this persona (logged in once per run through loginUsernamePassword)."""
        if key not in self.api_sessions:
            creds = self.credentials.get(key)
            if creds is None:
                raise AssertionError(f"{key} does not log in on this target")
            session = self.api.login(creds.username, creds.password)
            REDACTOR.add(session.token)  # a token is a secret like a password: never in output or reports
            self.api_sessions[key] = session
        return self.api_sessions[key]

    def forget_login(self, key: str) -> None:
        """The person logged out: a platform that revokes tokens at logout (the reference app does; the
        platform at 39c2df94 does not) refuses their old token, so their next call logs in afresh."""
        self.api_sessions.pop(key, None)

    def user_id(self, key: str) -> str:
        """The platform's id of a persona: its own login says it, or a search by name as the admin."""
        if key in self.credentials:
            return self.api_as(key).user_id
        found = self.api_as("admin").call(USER_SEARCH, {"query": self.person(key).name})["userSearch"]
        exact = [u["id"] for u in found if u["name"] == self.person(key).name]
        if not exact:
            raise AssertionError(f"nobody named {self.person(key).name!r} on this target")
        return str(exact[0])


def origin_of(url: str) -> str:
    """scheme://host[:port] of an address, as location.origin gives it."""
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}"


USER_SEARCH = "query userSearch($query: String) { userSearch(query: $query, limit: 20) { id name } }"

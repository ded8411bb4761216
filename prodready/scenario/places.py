"""Where a step acts: a step that names a place goes there when the person is elsewhere, so two steps that
say the same thing do the same thing ("opens the Time Card card of their Dashboard" from any page, as
"opens the Time Card" does)."""

from __future__ import annotations

from typing import Any, TypeVar

from pages.base import BasePage
from pages.components import PageFrame
from pages.home import GuardHomePage, HomePage

P = TypeVar("P", bound=BasePage)
GUARD_ROLE = "security_guard"


def at(actor: Any, page: type[P]) -> P:
    """The page, shown: the one the person is on when it is that page, else opened by its address."""
    here = actor.page(page)
    if here.is_current() and (page.PATH != "/" or here.path.split("?")[0] in ("", "/")):
        return actor.on(page)
    return actor.open(page)


def home_of(actor: Any) -> type[GuardHomePage] | type[HomePage]:
    """A person's Dashboard: the guard's cards (GuardHome), everyone else's Home."""
    return GuardHomePage if actor.persona.role == GUARD_ROLE else HomePage


def open_home_card(actor: Any, card: str) -> None:
    """Open a card of the person's Dashboard, from wherever they are."""
    home = at(actor, home_of(actor))
    cards = home.cards()
    assert card in cards, f'their Dashboard has no card "{card}": its cards are {", ".join(cards)}'
    home.open_card(card)


def arrived_home(actor: Any, title: str) -> None:
    """The person has arrived on their Dashboard, titled `title` (waited for: the platform may go there a
    few seconds after a message)."""
    actor.page(PageFrame).wait_title(title)
    actor.on(home_of(actor))

"""A must-not asked of the server every way it takes it: the platform's GraphQL operation, and the screen's own
form posted directly where the target's screens post forms (pages/direct.py). Each way's answer is kept, so a
step can say the server refused them all, and which way let it through when one did."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from pages.direct import DirectRequests, FormRequest
from prodready.target.api import PlatformApiError

ACCEPTED_STATUSES = range(200, 400)  # done, or answered with the page that follows (a redirect)


@dataclass(frozen=True)
class Answer:
    """How the server answered one way of sending the request."""

    way: str
    refused: bool
    said: str


@dataclass
class Sent:
    """Every way a request was sent, and the answers."""

    answers: list[Answer] = field(default_factory=list)

    @property
    def refused(self) -> bool:
        """Whether the server refused it every way it was sent (and it was sent at least one way)."""
        return bool(self.answers) and all(a.refused for a in self.answers)

    def __str__(self) -> str:
        return "; ".join(f"{a.way}: {'refused' if a.refused else 'DONE'} ({a.said})" for a in self.answers)


def by_operation(sent: Sent, way: str, ask: Callable[[], Any]) -> Any:
    """Ask the platform's GraphQL operation (`ask` calls it as the scenario's person); its answer, None if refused."""
    try:
        answer = ask()
    except PlatformApiError as refusal:
        sent.answers.append(Answer(way, True, str(refusal).split(": ", 1)[-1]))
        return None
    sent.answers.append(Answer(way, False, str(answer)[:200]))
    return answer


def by_form(sent: Sent, actor: Any, request: FormRequest | None, way: str) -> None:
    """Post a screen's form from the actor's browser, when the target's screen has one (the reference app's
    screens post forms; the platform's send GraphQL, asked by `by_operation`)."""
    if request is None:
        return
    status = actor.page(DirectRequests).post(request)
    sent.answers.append(Answer(way, status not in ACCEPTED_STATUSES, f"HTTP {status}"))

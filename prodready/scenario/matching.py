"""How a line of a feature finds its step: case-insensitive, role words forgiven, values refused in one line,
old wordings understood last.

A value a step cannot take ("K5,00", "next Friday") is not an undefined step: the step is found and fails
with the value's refusal (an AssertionError: no traceback in any formatter). A step that takes the line
cleanly always wins over one that would refuse it, and a current wording over an old one, whatever order
the step modules registered them in.
"""

from __future__ import annotations

from typing import Any

from behave.matchers import Match, MatchWithError, ParseMatcher

from prodready.scenario.people_words import with_role_keys
from prodready.scenario.values import Refused


class RefusedMatch(MatchWithError):
    """The step the line means, with a value it cannot take: running it fails with the value's one line."""

    def __init__(self, func: Any, refusal: Refused) -> None:
        super().__init__(func, refusal)
        self.refusal = refusal

    def run(self, context: Any) -> None:
        raise self.refusal


def step_registry() -> Any:
    """The registry the step modules' @given/@when/@then fill and behave's runner reads.

    Not `behave.step_registry.registry`: behave's command line replaces that one with an empty registry
    (reset_runtime) after its runner and decorators have bound the first one.
    """
    from behave.runner import the_step_registry

    return the_step_registry


def takes_cleanly(matcher: Any, text: str) -> bool:
    """Whether a step takes the line with every value as written (no refusal)."""
    try:
        return matcher.check_match(text) is not None
    except Exception:  # a refusal, or any converter's error: not a clean match
        return False


def current_steps(step_type: str) -> list[Any]:
    """The steps a line of this kind may mean, old wordings left out."""
    registry = step_registry()
    found = list(registry.steps.get(step_type, []))
    if step_type != "step":
        found += registry.steps.get("step", [])
    return [m for m in found if not getattr(m, "OLD_WORDING", False)]


class ForgivingMatcher(ParseMatcher):
    """behave's parse matcher, case-insensitive; where a step is written for "the guard", also for "the security
    guard" (every alias of prodready.toml) when the words as written match nothing; a value it cannot take is
    refused in one line unless another step takes the line as written."""

    NAME = "forgiving"
    CASE_SENSITIVE = False

    def check_match(self, step_text: str) -> list[Any] | None:
        matched = super().check_match(step_text)
        if matched is None and (keyed := with_role_keys(step_text)) != step_text:
            return super().check_match(keyed)
        return matched

    def match(self, step_text: str) -> Match | None:
        try:
            arguments = self.check_match(step_text)
        except Refused as refusal:
            if any(takes_cleanly(m, step_text) for m in self.others(step_text)):
                return None
            return RefusedMatch(self.func, refusal)
        except Exception as error:
            return MatchWithError(self.func, error)
        return None if arguments is None else Match(self.func, arguments)

    def others(self, _step_text: str) -> list[Any]:
        """Every other step the line could mean (old wordings too: a clean old wording beats a refusal)."""
        registry = step_registry()
        kinds = {self.step_type, "step"} if self.step_type != "step" else {"given", "when", "then", "step"}
        return [m for kind in kinds for m in registry.steps.get(kind, []) if m is not self]


class OldWordingMatch(Match):
    """A line written in an old wording: the step runs with the words as written (to say what to write now)."""

    def run(self, context: Any) -> None:
        written = {a.name: a.original for a in self.arguments if a.name}
        values = {a.name: a.value for a in self.arguments if a.name}
        with context.use_with_user_mode():
            self.func(context, written, **values)


class OldWordingMatcher(ForgivingMatcher):
    """An old wording of a step (prodready.scenario.wording): it matches only lines no current step takes."""

    NAME = "old-wording"
    OLD_WORDING = True

    def match(self, step_text: str) -> Match | None:
        found = super().match(step_text)
        if found is None or any(takes_cleanly(m, step_text) for m in current_steps(self.step_type)):
            return None
        return found if isinstance(found, MatchWithError) else OldWordingMatch(self.func, found.arguments)

    def matches(self, step_text: str) -> bool:
        """Never in the way of a step registered after it (behave's check for a step defined twice)."""
        return False

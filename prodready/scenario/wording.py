"""Stable wording: a step keeps every wording it had. An old wording still runs the step and prints one line
naming the wording to write now; a wording whose meaning the platform no longer has is retired, and says so.

    @when("the admin takes note of the client's \"{label:Ui}\"")
    @reworded("the admin takes note of the current balance", label="Total Balance")
    def step_note_balance(context, label): ...

`reworded` goes between the step's own decorators and its function: the old wording runs the same
function, its own parameters plus the fixed ones (`label` here), after the parameters are converted
(`adapt`). The catalogue (docs/steps.md) lists the old wordings under their step; `make check-features`
names each line written the old way, and fails on a retired one.
"""

from __future__ import annotations

import functools
import re
import sys
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from prodready.scenario.values import Refused

KINDS = ("given", "when", "then")
PARAMETER = re.compile(r"\{(\w+)(?::\w+)?\}")


@dataclass(frozen=True)
class OldWording:
    """One old wording of a step: its kind, its pattern, the wording now, and why it changed."""

    kind: str
    pattern: str
    now: str
    fixed: tuple[tuple[str, Any], ...] = ()
    retired: str = ""  # why it can no longer run (then `now` is the nearest wording, or "")


OLD_WORDINGS: list[OldWording] = []
ANNOUNCED: set[str] = set()


def render(pattern: str, values: dict[str, str]) -> str:
    """A step pattern with its parameters written in (those not given stay {name})."""
    return PARAMETER.sub(lambda m: values.get(m.group(1), "{" + m.group(1) + "}"), pattern)


def _current_step(context: Any, pattern_words: str) -> Any:
    """The step of the scenario running now (its first step not run yet whose words are the old ones)."""
    scenario = getattr(context, "scenario", None)
    steps = list(getattr(scenario, "background_steps", []) or []) + list(getattr(scenario, "steps", []) or [])
    running = [s for s in steps if getattr(getattr(s, "status", None), "name", "") == "untested"]
    return next((s for s in running if s.name.lower().startswith(pattern_words)), running[0] if running else None)


def deprecation_line(old: OldWording, written: dict[str, str], keyword: str = "") -> str:
    """What an old wording says when it is used: the line as written, and the line to write now."""
    keyword = keyword or old.kind.title()
    return (
        f'"{keyword} {render(old.pattern, written)}" is an old wording, still understood: '
        f'write "{keyword} {render(old.now, written)}"'
    )


def announce(context: Any, old: OldWording, written: dict[str, str]) -> str:
    """Print, once per line of a feature, that an old wording ran and what to write now (not captured)."""
    step = _current_step(context, old.pattern.split("{")[0].lower())
    where = f"{step.location}: " if step is not None else ""
    line = f"prodready: {where}{deprecation_line(old, written, getattr(step, 'keyword', ''))}"
    if line not in ANNOUNCED:
        ANNOUNCED.add(line)
        print(line, file=sys.__stderr__, flush=True)
    return line


def _register(kind: str, pattern: str, func: Callable[..., Any]) -> None:
    from prodready.scenario.matching import OldWordingMatcher, step_registry

    registry = step_registry()
    matcher = OldWordingMatcher(func, pattern, kind)
    matcher.compile()
    registry.steps[kind].append(matcher)


def _kinds_and_patterns(func: Callable[..., Any]) -> list[tuple[str, str]]:
    from prodready.scenario.matching import step_registry

    registry = step_registry()
    return [(kind, m.pattern) for kind in KINDS for m in registry.steps[kind] if m.func is func]


def reworded(
    old: str,
    *,
    now: str | None = None,
    adapt: Callable[[dict[str, Any]], dict[str, Any]] | None = None,
    from_context: dict[str, Callable[[Any], Any]] | None = None,
    table: bool = True,
    **fixed: Any,
) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    """The step's old wording, still understood. Place it ABOVE the step's @given/@when/@then lines.

    `fixed` are parameters the old wording did not say (written into the wording now), `from_context` the
    same read from the scenario when it runs (the worker persona's name), `adapt` turns the old wording's
    values into the step's; `now` names the wording to write now (default: the step's first); `table=False`
    when the old wording took no table where the step does (`adapt` makes its rows).
    """

    def register(func: Callable[..., Any]) -> Callable[..., Any]:
        registered = _kinds_and_patterns(func)
        if not registered:
            raise TypeError(f"@reworded({old!r}) must be above the step's @given/@when/@then of {func.__name__}")
        kind = registered[0][0]
        wording = OldWording(kind, old, now or registered[0][1], tuple(fixed.items()))
        OLD_WORDINGS.append(wording)

        @functools.wraps(func)
        def old_wording(context: Any, written: dict[str, str], **values: Any) -> Any:
            found = {name: read(context) for name, read in (from_context or {}).items()}
            arguments = {**fixed, **found, **values}
            adapted = adapt(dict(arguments)) if adapt else arguments
            shown = {k: _written(v) for k, v in {**fixed, **found}.items()} | written
            shown |= {k: v for k, v in adapted.items() if isinstance(v, str) and v != arguments.get(k)}
            announce(context, wording, shown)
            return func(context, **adapted)

        old_wording.old_wording = wording  # type: ignore[attr-defined]
        if not table:
            old_wording.table_spec = None  # type: ignore[attr-defined]
        _register(kind, old, old_wording)
        return func

    return register


def _written(value: Any) -> str:
    """A parameter's value as the wording now writes it."""
    if isinstance(value, list | tuple):
        return ", ".join(map(str, value))
    return str(value)


def retire(kind: str, old: str, why: str, instead: str = "") -> OldWording:
    """A wording whose meaning the platform no longer has: it is understood, and fails saying why."""
    wording = OldWording(kind, old, instead, retired=why)
    OLD_WORDINGS.append(wording)

    def retired_wording(context: Any, written: dict[str, str], **_values: Any) -> None:
        raise Refused(retired_line(wording, written))

    retired_wording.__doc__ = f"Retired: {why}"
    retired_wording.old_wording = wording  # type: ignore[attr-defined]
    _register(kind, old, retired_wording)
    return wording


def retired_line(wording: OldWording, written: dict[str, str] | None = None) -> str:
    """What a retired wording says when it is used."""
    line = f'"{render(wording.pattern, written or {})}" is a retired wording: {wording.retired}'
    return line + (f'; write "{render(wording.now, written or {})}"' if wording.now else "")


def dropping(*names: str) -> Callable[[dict[str, Any]], dict[str, Any]]:
    """An `adapt` for an old wording that said what the step now takes from the scenario (whose plans…)."""
    return lambda arguments: {k: v for k, v in arguments.items() if k not in names}


def naming(key: str, parameter: str = "name") -> Callable[[dict[str, Any]], dict[str, Any]]:
    """An `adapt` for an old wording that named a persona ("An Admin User") where the step now says "the admin":
    the name must be that persona's."""
    from prodready.scenario.people_words import PERSONA_NAMES
    from prodready.scenario.values import name_key

    def adapt(arguments: dict[str, Any]) -> dict[str, Any]:
        name = arguments.pop(parameter)
        if {name_key(n): k for n, k in PERSONA_NAMES.items()}.get(name_key(name)) != key:
            raise Refused(f'"{name}" is not the {key}: this step is about the {key}')
        return arguments

    return adapt

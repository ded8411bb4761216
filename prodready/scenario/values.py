"""The values features write: one vocabulary for step texts and table cells alike (docs/steps.md, "Values").

Each type accepts the ways people write a value and refuses anything else with one line naming the
accepted forms (`Refused`: an AssertionError, so a run shows the step failed with that line and no
traceback, and `make check-features` shows the same line before any browser starts). Nothing is
guessed: 1,50 (one and a half, or a hundred and fifty?), 2:30 (at night or in the afternoon?), "next
Friday" on a Tuesday (this week's or next week's?) are refused, never read one way or the other.

Dates are read against the community's calendar (Africa/Lusaka), not the machine's: a `Day` is
resolved with `Day.on(today)`, today being the community's (prodready.scenario.clock).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from prodready.scenario import calendar_words as cal
from prodready.scenario.calendar_words import Day, Moment
from prodready.scenario.pages_by_name import PAGES
from prodready.scenario.people_words import PERSONA_NAMES, PERSONA_WORDS
from prodready.scenario.platform_words import (  # noqa: F401 (read from here by the steps and tests)
    ANONYMOUS,
    FIELD_TYPES,
    PAYMENT_KINDS,
    PLATFORM_LABELS,
    ROLES,
    TASK_TYPES,
    VERDICTS,
    PaymentKind,
)

__all__ = ["Day", "Moment", "Refused", "TYPES", "ValueType", "refuse"]


class Refused(AssertionError):
    """A value, a table or a wording a person wrote that the suite does not take: one line saying why."""


def refuse(text: str, what: str, accepted: str) -> Refused:
    """The one line: what was written, what it should be, how to write it."""
    return Refused(f'"{text}" is not {what}: write {accepted}')


def _key(text: str) -> str:
    """Words compared as people mean them: any case, any spacing, hyphens and underscores alike."""
    return re.sub(r"[^0-9a-z]+", "", text.casefold())


@dataclass(frozen=True)
class ValueType:
    """One type of value: how a step writes it ({x:Name}), what it accepts, and what it gives the step."""

    name: str
    what: str  # "an amount of money": the refusal says '"1,50" is not an amount of money'
    accepted: str  # the accepted forms, as the refusal and the catalogue name them
    convert: Callable[[str], Any]
    examples: tuple[str, ...]  # accepted (the catalogue and the tests)
    refused: tuple[str, ...] = ()  # refused (the catalogue and the tests)
    pattern: str = r"[^\"]+?"  # what a step text may hold here: wide, so a mistake is refused, not unmatched
    means: str = ""  # a sentence more for the catalogue

    def __call__(self, text: str) -> Any:
        """The value written (behave's type converter; the tables call it too)."""
        written = " ".join(text.replace("\u00a0", " ").split())
        try:
            return self.convert(written)
        except Refused:
            raise
        except cal.Ambiguous as both:
            raise Refused(str(both)) from None
        except (ValueError, KeyError, ArithmeticError):
            raise refuse(written, self.what, self.accepted) from None


# -- money ----------------------------------------------------------------------------------------------

_AMOUNT = r"(?:[0-9]{1,3}(?:,[0-9]{3})+|[0-9]+)(?:\.[0-9]{1,2})?"
_MONEY = re.compile(rf"(?P<sign>-)?(?:(?:K|ZMW) ?(?P<a>{_AMOUNT})|(?P<b>{_AMOUNT}) ?(?:kwacha|ZMW))", re.IGNORECASE)
MONEY_FORMS = "K500, K 500, K500.00, K2,000, K2000.50 or 500 kwacha"


def _money(text: str, signed: bool = False) -> Decimal:
    flat = re.sub(r"^-\s*", "-", re.sub(r"^K\s*-\s*", "-K", text)) if signed else text
    match = _MONEY.fullmatch(flat)
    if match is None or (match["sign"] and not signed) or (text[:1] in "kz" and match["a"]):
        raise ValueError(text)  # "k500" is refused: a small k reads as thousands
    amount = Decimal((match["a"] or match["b"]).replace(",", ""))
    return -amount if match["sign"] else amount


# -- small vocabularies ---------------------------------------------------------------------------------

YES, NO = ("yes", "y", "true", "✓", "✔", "✅"), ("no", "n", "false", "✗", "✘", "❌")
NUMBER_WORDS = (
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen "
    "seventeen eighteen nineteen twenty"
).split()


def _yes_no(text: str) -> bool:
    word = text.casefold()
    if word in YES or word in NO:
        return word in YES
    raise ValueError(text)


def _count(text: str) -> int:
    word = text.casefold()
    if re.fullmatch(r"[0-9]+", word):
        return int(word)
    if word in ("no", "none"):
        return 0
    return NUMBER_WORDS.index(word)


def name_key(name: str) -> str:
    """A person's name as compared: any case, any spacing ("mama  guard" is "mama Guard")."""
    return " ".join(name.casefold().split())


def choice(words: dict[str, Any], text: str) -> Any:
    """The value a word names among `words` ({label: value}), compared in any case and spacing."""
    by_key = {_key(label): value for label, value in words.items()}
    return by_key[_key(text)]


def one_of(words: Iterable[str], last: str = "or") -> str:
    """ "Text, Radio or Date": the accepted words, for a refusal."""
    labels = list(words)
    return ", ".join(labels[:-1]) + f" {last} " + labels[-1] if len(labels) > 1 else "".join(labels)


def _field_type(text: str) -> str:
    values = {v: v for v in FIELD_TYPES.values()}
    try:
        return choice(FIELD_TYPES, text)
    except KeyError:
        return choice(values, text)  # the platform's own value (multiline_text, datetime) too


def _persona(text: str) -> str:
    if text[:1] == '"' and text[-1:] == '"':  # a persona's name, quoted as older features did: "Mary Client"
        return choice(PERSONA_NAMES, text[1:-1])
    return choice(PERSONA_WORDS, re.sub(r"^(?:the|an?)\s+", "", text, flags=re.IGNORECASE))


def _caller(text: str) -> str | None:
    return None if _key(text) == _key(ANONYMOUS) else _persona(text)


def _people(text: str) -> list[str]:
    if _key(text) in ("nobody", "noone"):
        return []
    return [_persona(part.strip()) for part in re.split(r",|\band\b", text) if part.strip()]


def _words_pattern(words: Any) -> str:
    """A step-text pattern for a closed list of words: any case (the matcher's), any spacing."""
    return "|".join(r"\s+".join(map(re.escape, w.split())) for w in sorted(words, key=len, reverse=True))


def _words(text: str) -> list[str]:
    items = [" ".join(item.split()) for item in text.split(",")]
    if not all(items):
        raise ValueError(text)
    return items


# -- the vocabulary -------------------------------------------------------------------------------------


def _type(name: str, what: str, accepted: str, convert: Callable[[str], Any], **more: Any) -> ValueType:
    return ValueType(name, what, accepted, convert, **more)


TYPES: dict[str, ValueType] = {
    t.name: t
    for t in (
        _type(
            "Money",
            "an amount of money",
            MONEY_FORMS,
            _money,
            examples=("K500", "K 500", "K500.00", "K2,000", "K2000.50", "500 kwacha", "K6,000.00"),
            refused=("1,50", "K5,00", "K-5", "500", "K5.505", "k500"),
            means="kwacha, the community's currency; commas only between thousands, at most two decimals",
        ),
        _type(
            "SignedMoney",
            "an amount of money, below zero or not",
            "K500, -K50 or K-50",
            lambda text: _money(text, signed=True),
            examples=("K500", "-K50", "K-50", "-50 kwacha"),
            refused=("1,50", "minus 50"),
            means="only where a step asks for an amount below zero on purpose",
        ),
        _type(
            "Date",
            "a day",
            cal.DATE_FORMS,
            cal.parse_day,
            examples=cal.DATE_EXAMPLES,
            refused=cal.DATE_REFUSED,
            means="the community's calendar (Africa/Lusaka); " + cal.DATE_MEANS,
        ),
        _type(
            "Time",
            "a time of day",
            cal.TIME_FORMS,
            cal.parse_time,
            examples=("14:30", "09:30", "2:30 pm", "2pm", "noon", "midnight"),
            refused=("2:30", "14:30 pm", "12 pm", "25:00", "9.30"),
            means="community time; a 12-hour time says am or pm, 12 am and 12 pm are written noon or midnight",
        ),
        _type(
            "DateTime",
            "a day and a time",
            "a day, then a time: 2026-12-01 17:15, tomorrow at 2:30 pm, 14 December 2026 at 09:00",
            cal.parse_moment,
            examples=("2026-12-01 17:15", "tomorrow at 2:30 pm", "14 December 2026 at 09:00"),
            refused=("2026-12-01", "tomorrow at 2:30"),
        ),
        _type(
            "Duration",
            "a length of time",
            cal.DURATION_FORMS,
            cal.parse_duration,
            examples=("2 hrs", "2 hours", "1 hr", "2.5 hours", "45 minutes", "1 hour 30 minutes", "20 seconds"),
            refused=("2", "1,5 hours", "two hours"),
        ),
        _type(
            "Stamp",
            "a day and a time in a stated offset",
            cal.STAMP_FORMS,
            cal.parse_stamp,
            examples=("in 3 days at 21:59 UTC", "tomorrow at 00:30 +03:00"),
            refused=("in 3 days at 21:59", "tomorrow at 9 pm UTC"),
            means="only where a step sends a time as a client of the platform may, in an offset not the community's",
        ),
        _type(
            "NearMinute",
            "a minute counted from now",
            one_of(cal.NEAR_MINUTES),
            lambda text: choice({w: w for w in cal.NEAR_MINUTES}, text),
            examples=("an hour ago", "this minute", "The next minute"),
            refused=("two minutes ago", "now"),
            means="the minute the scenario runs in, kept inside today",
        ),
        _type(
            "Offset",
            "an offset times are sent with",
            one_of(cal.OFFSETS),
            lambda text: {k.casefold(): v for k, v in cal.OFFSETS.items()}[text.casefold()],
            examples=("+02:00", "UTC", "utc"),
            refused=("-02:00", "CAT"),
            pattern=r"\S+",
        ),
        _type(
            "YesNo",
            "yes or no",
            "yes, no, y, n, true, false, ✓ or ✗ (any case)",
            _yes_no,
            examples=("yes", "No", "Y", "true", "✓", "✗"),
            refused=("maybe", "x", "ok"),
            pattern=r"[^\s\"]+",
        ),
        _type(
            "Count",
            "a number of things",
            "a whole number in figures (4) or words (four)",
            _count,
            examples=("4", "four", "Twelve", "0"),
            refused=("-1", "2.5", "a few"),
            pattern=r"[\w.,-]+",
        ),
        _type(
            "Persona",
            "a person of the scripts",
            "the guard, the admin, the custodian, the client, the worker or another word for them (docs/steps.md)",
            _persona,
            examples=("guard", "Security  Guard", "the store custodian", "Administrator"),
            refused=("night guard",),
            pattern=_words_pattern(PERSONA_WORDS),
            means="any case and spacing; the table of people below lists every word",
        ),
        _type(
            "Person",
            "a person of the scripts",
            "the guard, the admin, the custodian, the client, the worker (any of the words for people), or a "
            'person\'s name in quotes: "Mary Client"',
            _persona,
            examples=("the custodian", "the Store Custodian", '"Mary Client"'),
            refused=("the night guard", '"Nobody Known"'),
            pattern=r".+?",
        ),
        _type(
            "People",
            "people of the scripts",
            'the custodian, the admin and the guard (any of the words for people, or names in quotes: "Mary Client"), '
            "or nobody",
            _people,
            examples=("the custodian and the admin", "the Store Custodian", "the guard, the admin and the client"),
            refused=("the custodian and the night guard",),
            pattern=r".+?",
        ),
        _type(
            "Role",
            "a role of the platform",
            one_of(ROLES),
            lambda text: choice(ROLES, text),
            examples=("admin", "Security Guard", "store custodian"),
            refused=("manager",),
            pattern=_words_pattern(ROLES),
        ),
        _type(
            "Caller",
            "someone asking the platform",
            f"{ANONYMOUS}, or a person of the scripts (the client, the guard…)",
            _caller,
            examples=(ANONYMOUS, "the client", "the Security Guard"),
            refused=("the night guard",),
            pattern=f"{re.escape(ANONYMOUS)}|the (?:{_words_pattern(PERSONA_WORDS)})",
        ),
        _type(
            "FieldType",
            "a field type of the form builder",
            one_of(FIELD_TYPES) + " (any case)",
            _field_type,
            examples=("Text", "text", "multiline text", "Date with Time", "DROPDOWN"),
            refused=("Number", "Email"),
        ),
        _type(
            "TaskType",
            "a task type",
            one_of(TASK_TYPES) + " (any case)",
            lambda text: choice(TASK_TYPES, text),
            examples=("To-Do", "to do", "todo", "Call", "emergency sos"),
            refused=("Chore",),
        ),
        _type(
            "PaymentKind",
            "a way to pay",
            one_of(PAYMENT_KINDS) + " (any case)",
            lambda text: choice(PAYMENT_KINDS, text),
            examples=("cash", "Mobile Money", "cheque", "bank transfer"),
            refused=("credit card",),
        ),
        _type(
            "Verdict",
            "the platform's answer",
            "allowed or refused",
            lambda text: choice({v: v for v in VERDICTS}, text),
            examples=("allowed", "Refused"),
            refused=("denied",),
            pattern=_words_pattern(VERDICTS),
        ),
        _type(
            "Weekday",
            "a day of the week",
            "Monday … Sunday, or Mon … Sun (any case)",
            lambda text: cal.WEEKDAYS[cal.weekday_number(text)].title(),
            examples=("Friday", "friday", "Fri"),
            refused=("Fryday",),
        ),
        _type(
            "PageName",
            "a page the scenarios name",
            one_of(PAGES),
            lambda text: choice({**{n.removeprefix("the "): n for n in PAGES}, **{n: n for n in PAGES}}, text),
            examples=("the logbook", "The Payments Dashboard", "manual entry"),
            refused=("the reports",),
        ),
        _type(
            "Words",
            "a list",
            "words separated by commas: Tools, Furniture",
            _words,
            examples=("Tools, Furniture", "Dog"),
            refused=("Tools,, Furniture",),
        ),
        _type(
            "Text",
            "text",
            "any words",
            lambda text: text,
            examples=("Grace Banda", "Arrived by taxi"),
        ),
    )
}

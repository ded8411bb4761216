"""The values features write (prodready/scenario/values.py): each type's accepted and refused forms, read the same
in a step and in a table cell; nothing guessed, nothing defaulted."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from decimal import Decimal
from types import SimpleNamespace
from zoneinfo import ZoneInfo

import pytest

from prodready.scenario import clock
from prodready.scenario.values import TYPES, PaymentKind, Refused

TUESDAY = date(2026, 12, 1)  # the community's today in these tests (a Tuesday)


def value(kind: str, text: str):
    return TYPES[kind](text)


def refusal(kind: str, text: str) -> str:
    with pytest.raises(Refused) as refused:
        TYPES[kind](text)
    return str(refused.value)


@pytest.mark.parametrize(
    ("text", "amount"),
    [
        ("K500", "500"),
        ("K 500", "500"),
        ("K500.00", "500.00"),
        ("K2,000", "2000"),
        ("K2000.50", "2000.50"),
        ("500 kwacha", "500"),
        ("500 Kwacha", "500"),
        ("K6,000.00", "6000.00"),
        ("K\u00a06,000.00", "6000.00"),  # as the platform shows it, a no-break space
        ("K1,234,567.5", "1234567.5"),
        ("ZMW 500", "500"),
        ("K0", "0"),
    ],
)
def test_money_as_people_write_it(text, amount):
    assert value("Money", text) == Decimal(amount)


@pytest.mark.parametrize("text", ["1,50", "K5,00", "K-5", "-K5", "500", "K5.505", "k500", "K 2 000", "K1,5", "$500"])
def test_money_that_could_be_misread_is_refused(text):
    assert refusal("Money", text) == (
        f'"{text}" is not an amount of money: write K500, K 500, K500.00, K2,000, K2000.50 or 500 kwacha'
    )


def test_an_amount_below_zero_only_where_a_step_asks_for_one():
    assert [value("SignedMoney", t) for t in ("-K50", "K-50", "- K50", "K500")] == [-50, -50, -50, 500]
    assert "below zero or not" in refusal("SignedMoney", "1,50")


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("today", TUESDAY),
        ("Tomorrow", date(2026, 12, 2)),
        ("yesterday", date(2026, 11, 30)),
        ("in 3 days", date(2026, 12, 4)),
        ("in 2 weeks", date(2026, 12, 15)),
        ("in a week", date(2026, 12, 8)),
        ("in two weeks", date(2026, 12, 15)),
        ("3 days ago", date(2026, 11, 28)),
        ("2 weeks from now", date(2026, 12, 15)),
        ("Monday", date(2026, 12, 7)),
        ("tuesday", date(2026, 12, 8)),  # a weekday alone is the coming one, never today
        ("Fri", date(2026, 12, 4)),
        ("next Monday", date(2026, 12, 7)),
        ("Friday next week", date(2026, 12, 11)),
        ("Friday this week", date(2026, 12, 4)),
        ("Monday last week", date(2026, 11, 23)),
        ("last Sunday", date(2026, 11, 29)),
        ("14 December", date(2026, 12, 14)),
        ("14 December 2026", date(2026, 12, 14)),
        ("14th Dec 2027", date(2027, 12, 14)),
        ("December 14, 2026", date(2026, 12, 14)),
        ("2026-12-14", date(2026, 12, 14)),
        ("on 20 November 2026", date(2026, 11, 20)),
    ],
)
def test_days_as_people_write_them_on_the_communitys_calendar(text, day):
    assert value("Date", text).on(TUESDAY) == day


@pytest.mark.parametrize(
    "text", ["14/12/2026", "12/14/2026", "31 November 2026", "someday", "in 3 months", "2026-13-01"]
)
def test_a_day_not_on_the_calendar_is_refused_naming_the_forms(text):
    assert refusal("Date", text).startswith(f'"{text}" is not a day: write today, tomorrow, yesterday, in 3 days')


def test_next_friday_means_two_days_and_is_refused_saying_both():
    assert refusal("Date", "next Friday") == (
        '"next Friday" may mean the coming Friday or the Friday of next week: write Friday (the coming one) '
        "or Friday next week"
    )
    assert "last week" in refusal("Date", "last Friday")


def test_relative_days_are_the_communitys_not_the_machines(monkeypatch):
    """At 00:30 in Lusaka it is still yesterday in UTC: "today" is the community's day."""
    lusaka = ZoneInfo("Africa/Lusaka")
    monkeypatch.setattr(clock, "community_now", lambda tz: datetime(2026, 12, 1, 0, 30, tzinfo=ZoneInfo(tz)))
    assert datetime(2026, 12, 1, 0, 30, tzinfo=lusaka).astimezone(ZoneInfo("UTC")).date() == date(2026, 11, 30)
    context = SimpleNamespace(notes={}, target=SimpleNamespace(timezone="Africa/Lusaka"))
    assert value("Date", "today").on(clock.scenario_today(context)) == TUESDAY
    context.notes["community_today"] = date(2026, 11, 27)  # the reference app's clock, set by the scenario
    assert value("Date", "yesterday").on(clock.scenario_today(context)) == date(2026, 11, 26)


@pytest.mark.parametrize(
    ("text", "clock_time"),
    [
        ("14:30", time(14, 30)),
        ("09:30", time(9, 30)),
        ("00:15", time(0, 15)),
        ("2:30 pm", time(14, 30)),
        ("2:30 PM", time(14, 30)),
        ("2pm", time(14, 0)),
        ("9 am", time(9, 0)),
        ("9:30 a.m.", time(9, 30)),
        ("noon", time(12, 0)),
        ("midnight", time(0, 0)),
    ],
)
def test_times_as_people_write_them(text, clock_time):
    assert value("Time", text) == clock_time


def test_a_time_that_may_be_morning_or_afternoon_is_refused_never_guessed():
    assert refusal("Time", "2:30") == (
        '"2:30" may be in the morning or the afternoon: write 02:30 or 2:30 am for the morning, 14:30 or 2:30 pm '
        "after noon"
    )
    assert refusal("Time", "12 pm").startswith('"12 pm" is noon to some and midnight to others')
    for text in ("14:30 pm", "25:00", "9.30", "13 pm", "half past two"):
        assert (
            refusal("Time", text)
            == f'"{text}" is not a time of day: write 14:30, 09:30, 2:30 pm, 2pm, noon or midnight'
        )


def test_a_day_and_a_time():
    assert value("DateTime", "2026-12-01 17:15").on(TUESDAY) == datetime(2026, 12, 1, 17, 15)
    assert value("DateTime", "tomorrow at 2:30 pm").on(TUESDAY) == datetime(2026, 12, 2, 14, 30)
    assert value("DateTime", "14 December 2026 at 09:00").on(TUESDAY) == datetime(2026, 12, 14, 9, 0)
    assert "is not a day and a time" in refusal("DateTime", "2026-12-01")
    assert "morning or the afternoon" in refusal("DateTime", "tomorrow at 2:30")


@pytest.mark.parametrize(
    ("text", "length"),
    [
        ("2 hrs", timedelta(hours=2)),
        ("2 hours", timedelta(hours=2)),
        ("1 hr", timedelta(hours=1)),
        ("2.5 hours", timedelta(hours=2.5)),
        ("45 minutes", timedelta(minutes=45)),
        ("1 hour 30 minutes", timedelta(minutes=90)),
        ("1 hour and 30 mins", timedelta(minutes=90)),
        ("20 seconds", timedelta(seconds=20)),
        ("an hour", timedelta(hours=1)),
    ],
)
def test_lengths_of_time(text, length):
    assert value("Duration", text) == length


@pytest.mark.parametrize("text", ["2", "1,5 hours", "two hours", "2 parsecs", "hours"])
def test_a_length_without_a_unit_or_with_a_comma_is_refused(text):
    assert refusal("Duration", text).startswith(f'"{text}" is not a length of time: write 2 hrs, 2 hours')


@pytest.mark.parametrize(
    ("text", "answer"),
    [("yes", True), ("Yes", True), ("YES", True), ("y", True), ("true", True), ("✓", True), ("✔", True)]
    + [("no", False), ("No", False), ("n", False), ("FALSE", False), ("✗", False), ("✘", False)],
)
def test_yes_and_no_in_any_case(text, answer):
    assert value("YesNo", text) is answer


@pytest.mark.parametrize("text", ["maybe", "x", "ok", "1", "yess"])
def test_anything_else_is_neither_yes_nor_no(text):
    assert refusal("YesNo", text) == f'"{text}" is not yes or no: write yes, no, y, n, true, false, ✓ or ✗ (any case)'


def test_counts_in_figures_or_words():
    assert [value("Count", t) for t in ("4", "four", "Twelve", "0", "none")] == [4, 4, 12, 0, 0]
    for text in ("-1", "2.5", "a few", "1,000"):
        assert (
            refusal("Count", text)
            == f'"{text}" is not a number of things: write a whole number in figures (4) or words (four)'
        )


def test_people_by_any_of_their_words_in_any_case_and_spacing():
    words = ("guard", "Security  Guard", "the store custodian", "Administrator")
    assert [value("Persona", w) for w in words] == ["guard", "guard", "custodian", "admin"]
    assert value("People", "the custodian and the administrator") == ["custodian", "admin"]
    assert value("People", "the Security Guard, the admin and the client") == ["guard", "admin", "client"]
    assert value("People", "nobody") == []
    assert value("Person", '"Mary Client"') == "client"  # a persona's name, as older features wrote it
    assert "is not a person of the scripts" in refusal("Persona", "night guard")
    assert "is not people of the scripts" in refusal("People", "the custodian and the night guard")


def test_roles_callers_and_verdicts():
    assert [value("Role", w) for w in ("admin", "Security Guard", "store custodian", "Administrator")] == [
        "admin",
        "guard",
        "custodian",
        "admin",
    ]
    assert value("Caller", "someone not logged in") is None and value("Caller", "the Client") == "client"
    assert value("Verdict", "Refused") == "refused"
    assert refusal("Role", "manager").startswith('"manager" is not a role of the platform: write admin, administrator')
    assert refusal("Verdict", "denied") == '"denied" is not the platform\'s answer: write allowed or refused'


def test_the_platforms_words_in_any_case_and_spacing():
    assert [value("FieldType", t) for t in ("text", "Text", "multiline text", "Multiline  Text", "DATE WITH TIME")] == [
        "text",
        "text",
        "multiline_text",
        "multiline_text",
        "datetime",
    ]
    assert value("FieldType", "multiline_text") == "multiline_text"  # the platform's own value too
    assert [value("TaskType", t) for t in ("To-Do", "to do", "todo", "emergency sos")] == [
        "to_do",
        "to_do",
        "to_do",
        "emergency",
    ]
    assert value("PaymentKind", "Mobile Money") == PaymentKind("mobile_money")
    assert value("Weekday", "fri") == "Friday"
    assert refusal("FieldType", "Number").startswith('"Number" is not a field type of the form builder: write Text,')
    assert refusal("PaymentKind", "credit card") == (
        '"credit card" is not a way to pay: write cash, mobile money, bank transfer, bank deposit, cheque or point '
        "of sale (any case)"
    )


def test_lists_of_words():
    assert value("Words", "Tools, Furniture") == ["Tools", "Furniture"]
    assert "is not a list" in refusal("Words", "Tools,, Furniture")


def test_every_type_accepts_its_examples_and_refuses_its_counter_examples_in_one_line():
    for kind in TYPES.values():
        for example in kind.examples:
            kind(example)
        for wrong in kind.refused:
            with pytest.raises(Refused) as refused:
                kind(wrong)
            assert "\n" not in str(refused.value) and str(refused.value).startswith(f'"{wrong}')


def test_a_moment_sent_in_a_stated_offset():
    assert value("Stamp", "in 3 days at 21:59 UTC").on(TUESDAY) == "2026-12-04T21:59:00+00:00"
    assert value("Stamp", "tomorrow at 00:30 +03:00").on(TUESDAY) == "2026-12-02T00:30:00+03:00"
    assert value("Stamp", "14 December 2026 at 09:00 utc").on(TUESDAY) == "2026-12-14T09:00:00+00:00"
    for text in ("in 3 days at 21:59", "tomorrow at 9 pm UTC", "in 3 days at 25:00 UTC"):
        assert refusal("Stamp", text).startswith(f'"{text}" is not a day and a time in a stated offset: write a day')
    assert "may mean the coming Friday" in refusal("Stamp", "next Friday at 10:00 UTC")


def test_minutes_from_now_offsets_and_pages_by_their_words():
    assert [value("NearMinute", w) for w in ("An hour ago", "this  minute", "the next minute")] == [
        "an hour ago",
        "this minute",
        "the next minute",
    ]
    assert refusal("NearMinute", "two minutes ago") == (
        '"two minutes ago" is not a minute counted from now: write an hour ago, a minute ago, this minute, '
        "the next minute or an hour from now"
    )
    assert [value("Offset", w) for w in ("+02:00", "UTC", "utc", "+01:00")] == ["+02:00", "Z", "Z", "+01:00"]
    assert refusal("Offset", "-02:00") == '"-02:00" is not an offset times are sent with: write +02:00, +01:00 or UTC'
    assert [value("PageName", w) for w in ("the logbook", "Logbook", "the Payments  Dashboard")] == [
        "the logbook",
        "the logbook",
        "the payments dashboard",
    ]
    assert refusal("PageName", "the reports").startswith('"the reports" is not a page the scenarios name: write the')

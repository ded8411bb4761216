"""Forms rules (pure): a form's details, categories, fields and answers; the contract preview."""

from __future__ import annotations

from datetime import UTC, datetime
from zoneinfo import ZoneInfo

import pytest

from demo_app import form_answer_rules as answer_rules
from demo_app import form_rules as rules

LUSAKA = ZoneInfo("Africa/Lusaka")
NOW = datetime(2026, 11, 30, 10, 0, tzinfo=UTC)


def prop(pid, name, kind, required=False, options=(), admin_use=False):
    return {
        "id": pid,
        "field_name": name,
        "field_type": kind,
        "required": int(required),
        "options": list(options),
        "admin_use": int(admin_use),
    }


PROPS = [
    prop(1, "Visitor Name", "text", True),
    prop(2, "Purpose", "multiline_text"),
    prop(3, "Visit Date", "date", True),
    prop(4, "Arrival", "time"),
    prop(5, "Departure", "datetime"),
    prop(6, "Gate", "dropdown", True, ["North", "South"]),
    prop(7, "Vehicle", "radio", False, ["Car", "Truck"]),
    prop(8, "Items", "checkbox", False, ["Tools", "Furniture"]),
    prop(9, "Stamp", "text", True, admin_use=True),
]
GOOD = {
    1: ["John Phiri"],
    2: ["Tools for the shed"],
    3: ["2026-12-01"],
    4: ["09:30"],
    5: ["2026-12-01T17:15"],
    6: ["South"],
    7: ["Truck"],
    8: ["Furniture", "Tools"],
}


def test_a_complete_answer_is_valid_and_normalised():
    values, errors = answer_rules.validate_answers(PROPS, GOOD, draft=False, admin=False)
    assert errors == {}
    assert values == {
        1: "John Phiri",
        2: "Tools for the shed",
        3: "2026-12-01",
        4: "09:30",
        5: "2026-12-01 17:15",
        6: "South",
        7: "Truck",
        8: ["Tools", "Furniture"],
    }


@pytest.mark.parametrize("pid, name", [(1, "Visitor Name"), (3, "Visit Date"), (6, "Gate")])
def test_empty_required_fields_say_the_platforms_words(pid, name):
    _values, errors = answer_rules.validate_answers(PROPS, {**GOOD, pid: ["  "]}, draft=False, admin=False)
    assert errors == {pid: f"{name} is Required"}
    assert answer_rules.summary(errors, PROPS) == "Required fields must be filled"


def test_a_draft_may_leave_required_fields_empty():
    values, errors = answer_rules.validate_answers(PROPS, {1: ["Mary"]}, draft=True, admin=False)
    assert (values, errors) == ({1: "Mary"}, {})


def test_fields_for_admins_are_neither_filled_nor_required_by_others():
    values, errors = answer_rules.validate_answers(PROPS, {**GOOD, 9: ["forged"]}, draft=False, admin=False)
    assert 9 not in values and 9 not in errors
    _values, errors = answer_rules.validate_answers(PROPS, GOOD, draft=False, admin=True)
    assert errors == {9: "Stamp is Required"}


@pytest.mark.parametrize(
    "pid, sent, message",
    [
        (3, "2026-02-30", "Enter a valid date"),
        (3, "9999-12-31", "Enter a valid date"),
        (3, "01/12/2026", "Enter a valid date"),
        (3, "２０２６-12-01", "Enter a valid date"),
        (4, "24:00", "Enter a valid time"),
        (4, "9:30", "Enter a valid time"),
        (5, "2026-12-01", "Enter a valid date and time"),
        (5, "2026-12-01T25:00", "Enter a valid date and time"),
        (6, "East", "Choose one of the options"),
        (7, "Bicycle", "Choose one of the options"),
        (1, "x" * 2001, "Visitor Name is too long (maximum is 2000 characters)"),
        (2, "x" * 10001, "Purpose is too long (maximum is 10000 characters)"),
    ],
)
def test_odd_answers_are_refused_with_a_message(pid, sent, message):
    _values, errors = answer_rules.validate_answers(PROPS, {**GOOD, pid: [sent]}, draft=False, admin=False)
    assert errors == {pid: message}
    assert answer_rules.summary(errors, PROPS) == "Check the highlighted fields"


def test_several_values_for_one_choice_and_unknown_checkbox_options_are_refused():
    _values, errors = answer_rules.validate_answers(
        PROPS, {**GOOD, 7: ["Car", "Truck"], 8: ["Tools", "Gold"]}, draft=False, admin=False
    )
    assert errors == {7: "Give one value", 8: "Choose among the options"}


@pytest.mark.parametrize(
    "raw, message",
    [
        ("", None),
        ("2026-12-24", None),
        ("2026-12-24T10:00", None),
        ("2026-12-24T08:00:00Z", None),
        ("2026-11-29T10:00", "Form Expiry Date must be in the future"),
        ("9999-12-31T23:59", "Form Expiry Date must be within 10 years"),
        ("tomorrow", "Form Expiry Date is not a valid date and time"),
    ],
)
def test_a_forms_expiry_is_empty_or_within_the_next_ten_years(raw, message):
    _moment, problem = rules.parse_expiry(raw, NOW, LUSAKA)
    assert problem == message


def test_an_expiry_without_a_zone_is_community_time():
    moment, _ = rules.parse_expiry("2026-12-24T10:00", NOW, LUSAKA)
    assert moment == datetime(2026, 12, 24, 8, 0, tzinfo=UTC)
    moment, _ = rules.parse_expiry("2026-12-24", NOW, LUSAKA)
    assert moment == datetime(2026, 12, 24, 21, 59, tzinfo=UTC)


@pytest.mark.parametrize(
    "data, key, message",
    [
        ({"name": " "}, "name", "Form Title is Required"),
        ({"name": "x" * 201}, "name", "Form Title is too long (maximum is 200 characters)"),
        (
            {"name": "Permit", "description": "x" * 2001},
            "description",
            "Form Description is too long (maximum is 2000 characters)",
        ),
    ],
)
def test_a_form_needs_a_title_of_sensible_length(data, key, message):
    _values, errors = rules.validate_form(data, NOW, LUSAKA)
    assert errors[key] == message


def test_a_partial_update_checks_only_what_it_changes():
    values, errors = rules.validate_form({"preview": True}, NOW, LUSAKA, partial=True)
    assert (values, errors) == ({"preview": True}, {})


@pytest.mark.parametrize(
    "data, key, message",
    [
        ({"field_name": "", "field_type": "text"}, "field_name", "Field Name is Required"),
        ({"field_name": "gate", "field_type": "text"}, "field_name", "This form already has a field with that name"),
        ({"field_name": "Colour", "field_type": "slider"}, "field_type", "Field Type is Required"),
        ({"field_name": "Colour", "field_type": "radio", "options": " \n "}, "options", "Option is Required"),
        (
            {"field_name": "Colour", "field_type": "radio", "options": [str(i) for i in range(51)]},
            "options",
            "A field takes at most 50 options",
        ),
        (
            {"field_name": "Photo", "field_type": "file_upload"},
            "field_type",
            "File Upload fields are not available on the reference app",
        ),
        (
            {"field_name": "Colour", "field_type": "text", "order": "１"},
            "order",
            "Order Number must be a whole number from 1 to 1000",
        ),
        (
            {"field_name": "Colour", "field_type": "text", "order": "99999999999999999999"},
            "order",
            "Order Number must be a whole number from 1 to 1000",
        ),
    ],
)
def test_a_field_needs_a_unique_name_a_type_and_options_for_choices(data, key, message):
    _values, errors = rules.validate_property(data, ["Gate"])
    assert errors[key] == message


def test_options_are_trimmed_and_deduplicated_and_dropped_for_other_types():
    values, _ = rules.validate_property(
        {
            "field_name": "Colour",
            "field_type": "dropdown",
            "options": ["Red", " red ", {"value": "Blue", "label": "Blue"}, ""],
        },
        [],
    )
    assert values["options"] == ["Red", "Blue"]
    values, _ = rules.validate_property({"field_name": "Note", "field_type": "text", "options": ["Red"]}, [])
    assert values["options"] == []


def test_a_category_needs_a_name():
    _values, errors = rules.validate_category({"field_name": "", "order": "0"})
    assert errors == {"field_name": "Name is Required", "order": "Order Number must be a whole number from 1 to 1000"}


def test_the_preview_puts_the_answers_in_place_of_the_hash_words():
    text = "Previewing: TextField Value: #textfield, Checkbox Value: #checkbox, #unknown stays"
    shown = answer_rules.render_preview(text, {"TextField": "12345", "Checkbox": ["Red"]})
    assert shown == "Previewing: TextField Value: 12345, Checkbox Value: Red, #unknown stays"


def test_every_platform_field_type_is_known_with_its_label():
    assert list(rules.FIELD_TYPES.values()) == [
        "Text",
        "Multiline Text",
        "Radio",
        "Checkbox",
        "Dropdown",
        "Date",
        "Time",
        "Date with Time",
        "File Upload",
        "Signature",
        "Payment",
        "Appointment",
    ]

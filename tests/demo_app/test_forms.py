"""Forms: building and publishing, who sees drafts, and which submissions are valid."""
from __future__ import annotations

import pytest

from demo_app.form_rules import REQUIRED_MESSAGE, summary, validate_field, validate_submission

FIELDS = [
    {"name": "Visitor Name", "type": "text", "required": True},
    {"name": "Visit Date", "type": "date", "required": True},
    {"name": "Gate", "type": "dropdown", "required": True, "options": ["North", "South"]},
    {"name": "Vehicle", "type": "radio", "required": True, "options": ["Car", "Truck"]},
    {"name": "Items", "type": "checkbox", "required": True, "options": ["Tools", "Furniture"]},
    {"name": "Notes", "type": "text", "required": False},
]
GOOD = {"Visitor Name": ["John Phiri"], "Visit Date": ["2026-12-01"], "Gate": ["South"], "Vehicle": ["Truck"],
        "Items": ["Furniture", "Tools"], "Notes": []}


def stored(fields=FIELDS) -> list[dict]:
    """The fields as the database holds them (ids, JSON options)."""
    import json

    return [{"id": i + 1, "name": f["name"], "field_type": f["type"], "required": int(f["required"]),
             "options": json.dumps(f.get("options", []))} for i, f in enumerate(fields)]


def check(answers: dict[str, list[str]]):
    """validate_submission with answers by field name; (values by name, errors by name)."""
    fields = stored()
    by_input = {f"field_{f['id']}": answers.get(f["name"], []) for f in fields}
    values, errors = validate_submission(fields, lambda name: by_input.get(name, []))
    names = {f["id"]: f["name"] for f in fields}
    return {names[k]: v for k, v in values.items()}, {names[k]: v for k, v in errors.items()}


# -- validity of a submission ----------------------------------------------------------------

def test_a_complete_submission_is_valid_and_checkbox_values_keep_the_forms_order():
    values, errors = check(GOOD)
    assert errors == {}
    assert values == {"Visitor Name": "John Phiri", "Visit Date": "2026-12-01", "Gate": "South",
                      "Vehicle": "Truck", "Items": ["Tools", "Furniture"]}


@pytest.mark.parametrize("field", ["Visitor Name", "Visit Date", "Gate", "Vehicle", "Items"])
def test_every_type_of_required_field_must_be_filled(field):
    _values, errors = check({**GOOD, field: []})
    assert errors == {field: "Required"}
    assert summary(errors) == REQUIRED_MESSAGE


def test_blank_text_counts_as_missing_and_optional_fields_may_stay_empty():
    _values, errors = check({**GOOD, "Visitor Name": ["   "], "Notes": [""]})
    assert errors == {"Visitor Name": "Required"}


@pytest.mark.parametrize("field, sent, message", [
    ("Gate", ["East"], "Choose one of the options"),
    ("Vehicle", ["Bicycle"], "Choose one of the options"),
    ("Vehicle", ["Car", "Truck"], "Give one value"),
    ("Items", ["Tools", "Gold"], "Choose among the options"),
    ("Visit Date", ["2026-02-30"], "Enter a valid date"),
    ("Visit Date", ["01/12/2026"], "Enter a valid date"),
    ("Visit Date", ["20261201"], "Enter a valid date"),
    ("Visitor Name", ["x" * 2001], "Keep it under 2000 characters"),
])
def test_values_outside_the_options_or_bad_dates_are_refused(field, sent, message):
    _values, errors = check({**GOOD, field: sent})
    assert errors == {field: message}
    assert summary(errors) == "Check the highlighted fields"


@pytest.mark.parametrize("data, field, message", [
    ({"name": "", "field_type": "text"}, "name", "Field name is required"),
    ({"name": "gate", "field_type": "text"}, "name", "This form already has a field with that name"),
    ({"name": "Colour", "field_type": "slider"}, "field_type", "Choose a field type"),
    ({"name": "Colour", "field_type": "radio", "options": " \n "}, "options", "Add at least one option"),
])
def test_a_field_needs_a_unique_name_a_type_and_options_for_choices(data, field, message):
    _values, errors = validate_field(data, ["Gate"])
    assert errors[field] == message


def test_options_are_trimmed_and_deduplicated_and_dropped_for_text_fields():
    values, _ = validate_field({"name": "Colour", "field_type": "dropdown", "options": "Red\n red \nBlue\n\n"}, [])
    assert values["options"] == ["Red", "Blue"]
    values, _ = validate_field({"name": "Note", "field_type": "text", "options": "Red"}, [])
    assert values["options"] == []


# -- through the app --------------------------------------------------------------------------

@pytest.fixture
def published_form(api):
    response = api("POST", "/forms", json={"title": "Gate Pass Request", "fields": FIELDS, "published": True})
    assert response.status_code == 201, response.get_json()
    return response.get_json()["id"]


def _form_data(answers: dict[str, list[str]]) -> dict:
    fields = {f["name"]: i + 1 for i, f in enumerate(FIELDS)}  # ids follow creation order on a fresh database
    return {f"field_{fields[name]}": values for name, values in answers.items()}


def test_an_admin_builds_a_form_field_by_field_and_publishes_it(as_role, api):
    admin = as_role("admin")
    assert "No Forms" in admin.text("/forms")
    response = admin.post("/forms/create", {"title": "Renovation Permit", "description": "Tell us about the works"})
    edit = response.location
    assert edit.startswith("/edit_form/")
    form_id = int(edit.rsplit("/", 1)[1])
    for data in ({"name": "Contractor", "field_type": "text", "required": "on"},
                 {"name": "Noise Level", "field_type": "radio", "options": "Low\nHigh"}):
        assert admin.post(f"{edit}/fields", data, form_page=edit).status_code == 302
    client = as_role("client")
    assert "Renovation Permit" not in client.text("/forms")  # still a draft
    assert client.get(f"/form/{form_id}/private").status_code == 404
    assert admin.post(f"{edit}/publish", {}, form_page=edit).status_code == 302
    assert "Renovation Permit" in client.text("/forms")
    page = client.text(f"/form/{form_id}/private")
    assert 'data-field-name="Contractor"' in page and 'value="High"' in page


def test_form_builder_refuses_bad_input_and_publishing_an_empty_form(as_role):
    admin = as_role("admin")
    response = admin.post("/forms/create", {"title": " ", "description": ""}, form_page="/forms/create")
    assert response.status_code == 400 and 'data-testid="title_error">Title is required<' in response.get_data(as_text=True)
    edit = admin.post("/forms/create", {"title": "Empty", "description": ""}).location
    response = admin.post(f"{edit}/fields", {"name": "Colour", "field_type": "dropdown", "options": ""}, form_page=edit)
    assert response.status_code == 400 and "Add at least one option" in response.get_data(as_text=True)
    response = admin.post(f"{edit}/publish", {}, form_page=edit)
    assert response.status_code == 400 and "Add at least one field before publishing" in response.get_data(as_text=True)


def test_a_client_submits_and_the_admin_reads_the_entry(published_form, as_role, api):
    client = as_role("client")
    path = f"/form/{published_form}/private"
    response = client.post(path, _form_data(GOOD))
    assert response.status_code == 302
    assert "Form submitted successfully" in client.text(response.location)
    [entry] = api("GET", f"/form_entries?form_id={published_form}").get_json()
    assert entry["submitted_by"] == "Mary Client"
    assert entry["values"] == {"Visitor Name": "John Phiri", "Visit Date": "2026-12-01", "Gate": "South",
                               "Vehicle": "Truck", "Items": "Tools, Furniture"}
    admin = as_role("admin")
    listing = admin.text(f"/form/{published_form}/entries")
    assert "Form Entries" in listing and 'data-testid="entry_submitted_by">Mary Client<' in listing
    page = admin.text(f"/form/{published_form}/entries/{entry['id']}")
    assert 'data-testid="entry_answer">Tools, Furniture<' in page


def test_missing_required_fields_say_required_and_save_nothing(published_form, as_role, api):
    response = as_role("client").post(f"/form/{published_form}/private",
                                      _form_data({"Notes": ["only this"]}))
    page = response.get_data(as_text=True)
    assert response.status_code == 400
    assert REQUIRED_MESSAGE in page
    assert page.count('data-testid="field_error">Required<') == 5
    assert 'value="only this"' in page  # what was typed is kept
    assert api("GET", "/form_entries").get_json() == []


def test_an_option_not_offered_is_refused_even_if_posted(published_form, as_role, api):
    response = as_role("client").post(f"/form/{published_form}/private",
                                      _form_data({**GOOD, "Gate": ["Back door"]}))
    assert response.status_code == 400 and "Choose one of the options" in response.get_data(as_text=True)
    assert api("GET", "/form_entries").get_json() == []


@pytest.mark.parametrize("role, path", [("client", "/forms/create"), ("client", "/form/1/entries"),
                                        ("client", "/edit_form/1"), ("guard", "/forms"), ("custodian", "/forms")])
def test_only_admins_manage_forms_and_guards_have_none(published_form, as_role, role, path):
    assert as_role(role).get(path).status_code == 404


def test_test_api_refuses_a_bad_field_without_creating_the_form(api, as_role):
    response = api("POST", "/forms", json={"title": "X", "fields": [{"name": "A", "type": "radio"}]})
    assert response.status_code == 400 and "Add at least one option" in response.get_json()["error"]
    assert "No Forms" in as_role("admin").text("/forms")

"""Forms pages: Manage Forms, Create a Form, the builder, Submit a Form, Form Entries, My Form; odd input."""

from __future__ import annotations

import json
import re

import pytest

from tests.demo_app.test_forms_graphql import build


@pytest.fixture
def admin(as_role):
    return as_role("admin")


@pytest.fixture
def client(as_role):
    return as_role("client")


def field(ids, name):
    return f"property_{ids[name]}"


def test_an_admin_creates_a_form_and_lands_on_the_list_with_the_platforms_message(admin):
    assert 'data-testid="no-form-available">No Forms<' in admin.text("/forms")
    response = admin.post(
        "/forms/create",
        {"title": "Renovation Permit", "description": "Works", "preview": "true", "limit_1_response": "true"},
    )
    assert (response.status_code, response.location) == (302, "/forms")
    page = admin.text("/forms")
    assert "Form Successfully created" in page and 'data-testid="form_name">Renovation Permit<' in page
    assert 'href="/edit_form/1"' in page and 'data-href="/form/1/Renovation%20Permit/entries"' in page


@pytest.mark.parametrize(
    "data, message",
    [
        ({"title": ""}, "Form Title is Required"),
        ({"title": "x" * 300}, "Form Title is too long (maximum is 200 characters)"),
        ({"title": "X", "description": "y" * 100_000}, "Form Description is too long (maximum is 2000 characters)"),
        ({"title": "X", "expires_at": "9999-12-31T23:59"}, "Form Expiry Date must be within 10 years"),
        ({"title": "X", "expires_at": "2026-02-30T10:00"}, "Form Expiry Date is not a valid date and time"),
    ],
)
def test_create_refuses_bad_details_with_a_message(admin, data, message):
    response = admin.post("/forms/create", data)
    assert response.status_code == 400 and message in response.get_data(as_text=True)


def test_a_700_kb_field_is_refused_as_too_large_not_a_crash(admin):
    response = admin.post("/forms/create", {"title": "x" * 700_000})
    assert response.status_code == 413 and "too large" in response.get_data(as_text=True)


def test_the_builder_adds_a_category_and_fields_then_publishes(admin, gql):
    form_id, _ = build(gql("admin"), publish=False)
    builder = f"/edit_form/{form_id}"
    response = admin.post(
        f"{builder}/categories",
        {"field_name": "Works", "rendered_text": "Hi", "order": "2", "header_visible": "true"},
        form_page=builder,
    )
    assert response.status_code == 302 and "Successfully created a category" in admin.text(builder)
    category_id = re.findall(r"\?category=(\d+)", admin.text(builder))[-1]  # the newest category
    response = admin.post(
        f"{builder}/properties",
        {
            "category_id": category_id,
            "field_name": "Noise",
            "field_type": "radio",
            "option": ["Low", "High", ""],
            "required": "true",
        },
        form_page=builder,
    )
    assert response.location == f"{builder}?category={category_id}"
    page = admin.text(response.location)
    assert "Successfully added a form field" in page and 'data-testid="radio_field_name">Noise *<' in page
    response = admin.post(f"{builder}/publish", {}, form_page=builder)
    assert "Successfully published the form" in admin.text(response.location)


@pytest.mark.parametrize(
    "data, message",
    [
        ({"field_name": "", "field_type": "text"}, "Field Name is Required"),
        ({"field_name": "Name", "field_type": "text"}, "This form already has a field with that name"),
        ({"field_name": "Colour", "field_type": "dropdown"}, "Option is Required"),
        (
            {"field_name": "Photo", "field_type": "file_upload"},
            "File Upload fields are not available on the reference app",
        ),
        ({"field_name": "x" * 101, "field_type": "text"}, "Field Name is too long (maximum is 100 characters)"),
    ],
)
def test_the_field_form_refuses_bad_fields_and_stays_open(admin, gql, data, message):
    form_id, _ = build(gql("admin"), publish=False)
    builder = f"/edit_form/{form_id}"
    response = admin.post(f"{builder}/properties", {"category_id": "1", **data}, form_page=builder)
    page = response.get_data(as_text=True)
    assert response.status_code == 400 and message in page and 'data-testid="form_property_submit"' in page


def test_a_category_without_a_name_is_refused_and_the_dialog_stays_open(admin, gql):
    form_id, _ = build(gql("admin"), publish=False)
    response = admin.post(f"/edit_form/{form_id}/categories", {"field_name": " "}, form_page=f"/edit_form/{form_id}")
    page = response.get_data(as_text=True)
    assert (
        response.status_code == 400
        and "Name is Required" in page
        and 'id="category-dialog" data-testid="dialog" data-portal>' in page
    )


def test_the_settings_tab_updates_the_form(admin, gql):
    form_id, _ = build(gql("admin"), publish=False)
    page = f"/edit_form/{form_id}?tab=form_settings"
    response = admin.post(f"/edit_form/{form_id}/settings", {"title": "Renamed", "preview": "true"}, form_page=page)
    assert "Form Successfully updated" in admin.text(response.location)
    assert "Renamed" in admin.text(f"/edit_form/{form_id}?tab=update_history")


def test_a_client_submits_then_finds_the_form_among_their_own(client, gql):
    form_id, ids = build(gql("admin"))
    path = f"/form/{form_id}/private"
    assert client.get(f"/form/{form_id}").location == path
    response = client.post(path, {field(ids, "Name"): "John", field(ids, "Gate"): "S", "action": "submit"})
    assert response.location == path + "?sent=1"
    page = client.text(response.location)
    assert "You have successfully submitted the form" in page and 'data-testid="Name-id" aria-label' in page
    assert 'window.location.assign("/")' in page  # then the dashboard, as the platform goes there
    mine = client.text("/myforms")
    assert 'data-testid="disc_title">Gate Pass<' in mine and "Submitted: " in mine


def test_empty_required_fields_say_so_and_nothing_is_saved(client, admin, gql):
    form_id, ids = build(gql("admin"))
    response = client.post(f"/form/{form_id}/private", {field(ids, "Gate"): "N", "action": "submit"})
    page = response.get_data(as_text=True)
    assert response.status_code == 400 and "Required fields must be filled" in page and "Name is Required" in page
    assert "No Form Entries Available" in admin.text(f"/form/{form_id}/Gate%20Pass/entries")


def test_a_draft_keeps_the_answers_for_the_person_only(client, admin, gql):
    form_id, ids = build(gql("admin"))
    path = f"/form/{form_id}/private"
    response = client.post(path, {field(ids, "Gate"): "S", "action": "draft"})
    page = client.text(response.location)
    assert "You have successfully saved the form as draft" in page and 'data-value="S" aria-selected="true"' in page
    entries = admin.text(f"/form/{form_id}/entries")  # listed with its status, as the platform lists drafts
    assert 'data-testid="status"><span class="MuiTypography-root">draft<' in entries
    assert 'data-testid="disc_title">Gate Pass<' in client.text("/myforms")


def test_a_form_with_a_preview_shows_the_contract_before_submitting(client, gql):
    admin = gql("admin")
    form_id, ids = build(admin, preview=True)
    response = client.post(f"/form/{form_id}/private", {field(ids, "Name"): "Ann", "action": "preview"})
    page = response.get_data(as_text=True)
    assert response.status_code == 200 and "Contract Preview" in page and "<p>Hi Ann</p>" in page
    assert 'data-testid="confirm_contract"' in page


def test_save_as_draft_on_a_form_with_a_preview_saves_a_draft_without_the_preview(client, admin, gql):
    form_id, ids = build(gql("admin"), preview=True)
    response = client.post(f"/form/{form_id}/private", {field(ids, "Gate"): "S", "action": "draft"})
    assert "You have successfully saved the form as draft" in client.text(response.location)
    assert 'data-testid="status"><span class="MuiTypography-root">draft<' in admin.text(f"/form/{form_id}/entries")


def test_a_field_for_a_category_of_another_form_is_refused_with_a_message(admin, gql):
    form_id, _ = build(gql("admin"), "One", publish=False)
    other, _ = build(gql("admin"), "Two", publish=False)
    response = admin.post(
        f"/edit_form/{other}/properties",
        {"category_id": "1", "field_name": "X", "field_type": "text"},
        form_page=f"/edit_form/{other}",
    )
    assert response.status_code == 400 and "Category not found" in response.get_data(as_text=True)
    assert form_id != other


@pytest.mark.parametrize("query", ["?page=-5&search=%00", "?page=99999999999999999999", "?search=" + "x" * 5000])
def test_odd_entries_parameters_are_harmless(admin, gql, query):
    form_id, _ = build(gql("admin"))
    assert admin.get(f"/form/{form_id}/entries{query}").status_code == 200


def test_a_draft_form_is_refused_to_clients_by_its_address(client, gql):
    form_id, _ = build(gql("admin"), publish=False)
    response = client.get(f"/form/{form_id}/private")
    assert response.status_code == 404 and "Something went wrong while accessing this form" in response.get_data(
        as_text=True
    )
    assert "Gate Pass" not in client.text("/myforms")


def test_the_entries_list_and_one_entry_show_the_answers(client, admin, gql):
    form_id, ids = build(gql("admin"))
    client.post(f"/form/{form_id}/private", {field(ids, "Name"): "John", "action": "submit"})
    page = admin.text(f"/form/{form_id}/Gate%20Pass/entries")
    assert "Date of Submitted" in page and 'data-testid="status"><span class="MuiTypography-root">pending<' in page
    link = re.search(r'data-href="(/user_form/\d+/\d+/[^"]+)"', page).group(1)
    entry = admin.text(link)
    assert 'value="John"' in entry and 'id="form_update_container"' in entry
    assert admin.get(re.sub(r"/user_form/\d+/", "/user_form/1/", link)).status_code == 404  # not that person's


def test_someone_elses_submission_is_not_shown_to_a_client(as_role, client, gql):
    admin = gql("admin")
    form_id, ids = build(admin)
    admin_id = admin("{ currentUser { id } }")["currentUser"]["id"]
    payload = json.dumps({"user_form_properties": [{"form_property_id": ids["Name"], "value": "A"}]})
    made = admin(
        "mutation($f: ID!, $u: ID!, $p: JSON!) { formUserCreate(formId: $f, userId: $u, propValues: $p)"
        " { formUser { id } } }",
        {"f": form_id, "u": admin_id, "p": payload},
    )
    submission = made["formUserCreate"]["formUser"]["id"]
    assert client.get(f"/user_form/{admin_id}/{submission}").status_code == 404


@pytest.mark.parametrize(
    "who, path",
    [
        ("client", "/forms"),
        ("client", "/forms/create"),
        ("client", "/edit_form/1"),
        ("client", "/form/1/entries"),
        ("guard", "/forms"),  # the guard's own forms (/myforms) are theirs, as on the platform (its menu)
        ("guard", "/form/1/private"),
    ],
)
def test_pages_are_withheld_from_roles_without_the_permission(as_role, who, path):
    assert as_role(who).get(path).status_code == 404


@pytest.mark.parametrize(
    "path",
    [
        "/edit_form/99999999999999999999999",
        "/edit_form/abc",
        "/form/-1/entries",
        "/form/1%00/private",
        "/form/99999999999999999999/private",
        "/user_form/1/x",
        "/form/１/private",
    ],
)
def test_odd_addresses_are_not_found_never_a_crash(admin, path):
    assert admin.get(path).status_code == 404


def test_odd_answers_and_missing_csrf_are_refused_not_crashes(client, gql):
    form_id, ids = build(gql("admin"))
    path = f"/form/{form_id}/private"
    response = client.post(path, {field(ids, "Name"): "x" * 3000, field(ids, "Gate"): "Nowhere", "action": "submit"})
    page = response.get_data(as_text=True)
    assert response.status_code == 400 and "Name is too long (maximum is 2000 characters)" in page
    assert client.client.post(path, data={field(ids, "Name"): "x"}).status_code == 400  # no CSRF token


def test_the_profiles_forms_tab_lists_the_persons_forms(client, admin, gql):
    form_id, ids = build(gql("admin"))
    client.post(f"/form/{form_id}/private", {field(ids, "Name"): "John", "action": "submit"})
    client_id = gql("client")("{ currentUser { id } }")["currentUser"]["id"]
    assert 'data-testid="disc_title">Gate Pass<' in admin.text(f"/user/{client_id}?tab=Forms")
    assert 'data-testid="disc_title">Gate Pass<' in client.text(f"/user/{client_id}?tab=Forms")

"""Forms over GraphQL: formCreate, formUpdate, categoryCreate, formPropertiesCreate, formUserCreate and the queries."""

from __future__ import annotations

import json

import pytest

FORM_CREATE = """mutation($name: String!, $expiresAt: String, $preview: Boolean!, $limit: Boolean!) {
  formCreate(name: $name, expiresAt: $expiresAt, description: "d", preview: $preview, isPublic: false,
             multipleSubmissionsAllowed: $limit, hasTermsAndConditions: false) { form { id name status preview } }
}"""
CATEGORY = """mutation($f: ID!, $n: String!) {
  categoryCreate(formId: $f, fieldName: $n, order: 1, headerVisible: true, general: false, renderedText: "Hi #name") {
    category { id fieldName renderedText headerVisible }
  }
}"""
PROPERTY = """mutation($f: ID!, $c: ID!, $n: String!, $t: String!, $r: Boolean, $v: JSON) {
  formPropertiesCreate(formId: $f, categoryId: $c, order: "1", fieldName: $n, fieldType: $t, required: $r,
                       fieldValue: $v) { formProperty { id fieldName fieldType fieldValue required } }
}"""
PUBLISH = 'mutation($f: ID!) { formUpdate(id: $f, status: "published") { form { id status } } }'
SUBMIT = """mutation($f: ID!, $u: ID!, $p: JSON!, $s: String) {
  formUserCreate(formId: $f, userId: $u, propValues: $p, status: $s) { formUser { id status user { name } } error }
}"""
FORMS = "{ forms { id name status } }"
SUBMITTED = "query($u: ID!) { submittedForms(userId: $u) { status form { name } } }"
ENTRIES = (
    "query($f: ID!) { formEntries(formId: $f) { formName formUsers { status form { versionNumber } user { name } } } }"
)
ME = "{ currentUser { id } }"


def build(admin, name="Gate Pass", publish=True, preview=False, limit=True):
    """A form with one category and two fields (Name required text, Gate dropdown); (form id, {field: id})."""
    form_id = admin(FORM_CREATE, {"name": name, "preview": preview, "limit": limit})["formCreate"]["form"]["id"]
    category = admin(CATEGORY, {"f": form_id, "n": "Main"})["categoryCreate"]["category"]["id"]
    ids = {}
    for field, kind, required, options in (("Name", "text", True, None), ("Gate", "dropdown", False, ["N", "S"])):
        made = admin(PROPERTY, {"f": form_id, "c": category, "n": field, "t": kind, "r": required, "v": options})
        ids[field] = made["formPropertiesCreate"]["formProperty"]["id"]
    if publish:
        admin(PUBLISH, {"f": form_id})
    return form_id, ids


def values(ids, **answers):
    return json.dumps({"user_form_properties": [{"form_property_id": ids[k], "value": v} for k, v in answers.items()]})


@pytest.fixture
def admin(gql):
    return gql("admin")


@pytest.fixture
def client(gql):
    return gql("client")


def test_an_admin_builds_and_publishes_a_form(admin):
    form_id, _ids = build(admin, publish=False)
    assert admin("query($f: ID!) { form(id: $f) { status } }", {"f": form_id})["form"]["status"] == "draft"
    cats = admin(
        "query($f: ID!) { formCategories(formId: $f) { fieldName formProperties { fieldName fieldValue } } }",
        {"f": form_id},
    )["formCategories"]
    assert cats == [
        {
            "fieldName": "Main",
            "formProperties": [
                {"fieldName": "Name", "fieldValue": []},
                {"fieldName": "Gate", "fieldValue": [{"value": "N", "label": "N"}, {"value": "S", "label": "S"}]},
            ],
        }
    ]
    assert admin(PUBLISH, {"f": form_id})["formUpdate"]["form"]["status"] == "published"


def test_a_client_sees_published_forms_only_and_not_drafts_by_id(admin, client):
    published, _ = build(admin, "Open Form")
    draft, _ = build(admin, "Draft Form", publish=False)
    assert [f["name"] for f in client(FORMS)["forms"]] == ["Open Form"]
    assert {f["name"] for f in admin(FORMS)["forms"]} == {"Open Form", "Draft Form"}
    assert client.error("query($f: ID!) { form(id: $f) { id } }", {"f": draft}) == "Form not found"
    assert client("query($f: ID!) { form(id: $f) { id } }", {"f": published})["form"]["id"] == published


def test_a_client_submits_and_the_admin_reads_the_entry(admin, client):
    form_id, ids = build(admin)
    me = client(ME)["currentUser"]["id"]
    made = client(SUBMIT, {"f": form_id, "u": me, "p": values(ids, Name="John", Gate="S")})["formUserCreate"]
    assert made["error"] is None and made["formUser"]["status"] == "pending"
    entries = admin(ENTRIES, {"f": form_id})["formEntries"]
    assert entries == {
        "formName": "Gate Pass",
        "formUsers": [{"status": "pending", "form": {"versionNumber": 1}, "user": {"name": "Mary Client"}}],
    }


def test_a_draft_is_an_entry_in_draft_and_becomes_the_submission(admin, client):
    form_id, ids = build(admin)
    me = client(ME)["currentUser"]["id"]
    draft = client(SUBMIT, {"f": form_id, "u": me, "p": values(ids, Gate="N"), "s": "draft"})["formUserCreate"]
    assert draft["formUser"]["status"] == "draft"
    assert [e["status"] for e in admin(ENTRIES, {"f": form_id})["formEntries"]["formUsers"]] == ["draft"]
    assert [s["status"] for s in client(SUBMITTED, {"u": me})["submittedForms"]] == ["draft"]
    done = client(SUBMIT, {"f": form_id, "u": me, "p": values(ids, Name="John")})["formUserCreate"]["formUser"]
    assert done["id"] == draft["formUser"]["id"] and done["status"] == "pending"


def test_someone_elses_submissions_only_for_those_who_read_entries_and_never_their_drafts(admin, client, gql):
    form_id, ids = build(admin)
    me = client(ME)["currentUser"]["id"]
    client(SUBMIT, {"f": form_id, "u": me, "p": values(ids, Gate="N"), "s": "draft"})
    assert admin(SUBMITTED, {"u": me})["submittedForms"] == []
    client(SUBMIT, {"f": form_id, "u": me, "p": values(ids, Name="John")})
    assert admin(SUBMITTED, {"u": me})["submittedForms"] == [{"status": "pending", "form": {"name": "Gate Pass"}}]
    admin_id = admin(ME)["currentUser"]["id"]
    assert client.error(SUBMITTED, {"u": admin_id}) == "Unauthorized"
    assert client.error(SUBMITTED, {"u": "99999999"}) == "Unauthorized"
    assert admin.error(SUBMITTED, {"u": "99999999"}) == "User not found"
    assert gql(None).error(SUBMITTED, {"u": me}) == "Unauthorized"


def test_required_fields_and_bad_values_come_back_as_the_payloads_error(admin, client):
    form_id, ids = build(admin)
    me = client(ME)["currentUser"]["id"]
    missing = client(SUBMIT, {"f": form_id, "u": me, "p": values(ids, Gate="S")})["formUserCreate"]
    assert missing == {"formUser": None, "error": "Required fields must be filled"}
    odd = client(SUBMIT, {"f": form_id, "u": me, "p": values(ids, Name="J", Gate="West")})["formUserCreate"]
    assert odd == {"formUser": None, "error": "Check the highlighted fields"}
    for bad in ("{not json", json.dumps({"user_form_properties": [{"value": "x"}]}), json.dumps([1])):
        assert client(SUBMIT, {"f": form_id, "u": me, "p": bad})["formUserCreate"]["formUser"] is None


def test_the_platforms_checkbox_and_radio_value_objects_are_understood(admin, client):
    form_id = admin(FORM_CREATE, {"name": "Kinds", "preview": False, "limit": True})["formCreate"]["form"]["id"]
    category = admin(CATEGORY, {"f": form_id, "n": "Main"})["categoryCreate"]["category"]["id"]
    box = admin(PROPERTY, {"f": form_id, "c": category, "n": "Box", "t": "checkbox", "r": True, "v": ["A", "B"]})
    radio = admin(PROPERTY, {"f": form_id, "c": category, "n": "Pick", "t": "radio", "r": True, "v": ["X", "Y"]})
    admin(PUBLISH, {"f": form_id})
    me = client(ME)["currentUser"]["id"]
    sent = {
        "user_form_properties": [
            {"form_property_id": box["formPropertiesCreate"]["formProperty"]["id"], "value": {"A": True, "B": False}},
            {
                "form_property_id": radio["formPropertiesCreate"]["formProperty"]["id"],
                "value": {"checked": "Y", "label": "Pick"},
            },
        ]
    }
    assert client(SUBMIT, {"f": form_id, "u": me, "p": sent})["formUserCreate"]["error"] is None


def test_limit_to_one_response_refuses_a_second_submission(admin, client):
    form_id, ids = build(admin, limit=False)
    me = client(ME)["currentUser"]["id"]
    client(SUBMIT, {"f": form_id, "u": me, "p": values(ids, Name="A")})
    again = client(SUBMIT, {"f": form_id, "u": me, "p": values(ids, Name="B")})["formUserCreate"]
    assert again == {"formUser": None, "error": "You have already submitted this form"}


@pytest.mark.parametrize(
    "who, document, variables",
    [
        ("client", FORM_CREATE, {"name": "X", "preview": False, "limit": True}),
        ("guard", FORMS, {}),
        ("client", PUBLISH, {"f": "1"}),
        ("client", CATEGORY, {"f": "1", "n": "X"}),
        ("client", PROPERTY, {"f": "1", "c": "1", "n": "X", "t": "text"}),
        ("guard", SUBMIT, {"f": "1", "u": "1", "p": "{}"}),
        ("client", ENTRIES, {"f": "1"}),
        (None, FORMS, {}),
    ],
)
def test_each_operation_refuses_people_without_its_permission(gql, who, document, variables):
    assert gql(who).error(document, variables) == "Unauthorized"


def test_a_client_cannot_submit_for_someone_else(admin, client):
    form_id, ids = build(admin)
    admin_id = admin(ME)["currentUser"]["id"]
    assert client.error(SUBMIT, {"f": form_id, "u": admin_id, "p": values(ids, Name="X")}) == "Unauthorized"


@pytest.mark.parametrize("form_id", ["0", "-1", "abc", "9" * 30, "１"])
def test_odd_ids_are_not_found_never_a_crash(admin, form_id):
    assert admin.error("query($f: ID!) { form(id: $f) { id } }", {"f": form_id}) == "Form not found"
    assert admin.error(PUBLISH, {"f": form_id}) == "Form not found"


@pytest.mark.parametrize(
    "variables, message",
    [
        ({"name": " ", "preview": False, "limit": True}, "Form Title is Required"),
        ({"name": "x" * 5000, "preview": False, "limit": True}, "Form Title is too long (maximum is 200 characters)"),
        (
            {"name": "X", "expiresAt": "9999-12-31", "preview": False, "limit": True},
            "Form Expiry Date must be within 10 years",
        ),
        (
            {"name": "X", "expiresAt": "yesterday", "preview": False, "limit": True},
            "Form Expiry Date is not a valid date and time",
        ),
    ],
)
def test_form_create_refuses_bad_details(admin, variables, message):
    assert admin.error(FORM_CREATE, variables) == message


def test_builder_mutations_refuse_bad_arguments(admin):
    form_id, _ = build(admin, publish=False)
    assert admin.error(PROPERTY, {"f": form_id, "c": "999", "n": "X", "t": "text"}) == "Category not found"
    category = admin(CATEGORY, {"f": form_id, "n": "Other"})["categoryCreate"]["category"]["id"]
    assert (
        admin.error(PROPERTY, {"f": form_id, "c": category, "n": "name", "t": "text"})
        == "This form already has a field with that name"
    )
    assert (
        admin.error(PROPERTY, {"f": form_id, "c": category, "n": "Sig", "t": "signature"})
        == "Signature fields are not available on the reference app"
    )
    assert (
        admin.error(PROPERTY, {"f": form_id, "c": category, "n": "Y", "t": "text", "v": "{oops"})
        == "fieldValue is not valid JSON"
    )
    assert (
        admin.error('mutation($f: ID!) { formUpdate(id: $f, status: "archived") { form { id } } }', {"f": form_id})
        == "Invalid status archived"
    )
    empty = admin(FORM_CREATE, {"name": "Empty", "preview": False, "limit": True})["formCreate"]["form"]["id"]
    assert admin.error(PUBLISH, {"f": empty}) == "Add a field to the form before publishing it"


def test_wrong_argument_types_are_graphql_errors(gql):
    answer = gql("admin").raw("mutation { formCreate(name: 5) { form { id } } }")
    assert answer["errors"]

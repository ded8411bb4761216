"""Reference app: scans, manual entry, observations, the scanner's host check."""
from __future__ import annotations

VISITOR = {"name": "Test Manual User", "phone": "+260971234567", "nrc": "123456/10/1",
           "vehicle": "ABZ 1234", "reason": "client"}


def entries(api):
    return api("GET", "/entries").get_json()


def test_digital_scan_is_logged_with_its_timestamp(as_role, api):
    guard = as_role("guard")
    page = guard.text("/user/2/1618332435960/dg")
    assert "Digital Scan" in page and "Log This Entry" in page
    response = guard.post("/user/2/log_entry", {"tm": "1618332435960", "dg": "dg"}, form_page="/user/2/1618332435960/dg")
    assert response.status_code == 302
    [entry] = entries(api)
    assert (entry["kind"], entry["status"], entry["visitor_name"], entry["qr_timestamp_ms"]) == \
        ("digital_scan", "granted", "An Admin User", 1618332435960)
    # Shown in community time (Lusaka is UTC+2): 2021-04-13 16:47:15 UTC → 18:47.
    assert "2021-04-13 18:47" in as_role("admin").text("/logbook")


def test_scan_without_dg_is_a_print_scan(as_role, api):
    guard = as_role("guard")
    guard.post("/user/2/log_entry", {"tm": "1618332435960"}, form_page="/user/2/1618332435960")
    assert entries(api)[0]["kind"] == "print_scan"


def test_a_deactivated_person_is_logged_as_denied(as_role, api):
    user = api("POST", "/users", json={"name": "Gone Person", "role": "visitor", "status": "deactivated"}).get_json()
    guard = as_role("guard")
    guard.post(f"/user/{user['id']}/log_entry", {}, form_page=f"/user/{user['id']}")
    assert entries(api)[0]["status"] == "denied"


def test_only_guards_may_log_an_entry(as_role):
    admin = as_role("admin")
    assert "Log This Entry" not in admin.text("/user/1")
    assert admin.post("/user/1/log_entry", {}, form_page="/logbook").status_code == 404


def test_manual_grant_then_observation_is_in_the_logbook(as_role, api):
    guard = as_role("guard")
    response = guard.post("/request", {**VISITOR, "action": "grant"})
    assert response.status_code == 302 and "/observation" in response.location
    guard.post(response.location, {"note": "Observation example", "next": "record_other"})
    [entry] = entries(api)
    assert (entry["kind"], entry["status"], entry["observations"]) == ("manual", "granted", ["Observation example"])


def test_close_and_go_to_dashboard_does_not_save_the_note(as_role, api):
    guard = as_role("guard")
    response = guard.post("/request", {**VISITOR, "action": "grant"})
    guard.post(response.location, {"note": "not saved", "next": "dashboard"})
    assert entries(api)[0]["observations"] == []


def test_manual_deny_is_logged_as_denied(as_role, api):
    as_role("guard").post("/request", {**VISITOR, "action": "deny"})
    assert entries(api)[0]["status"] == "denied"


def test_each_missing_required_field_is_named_and_nothing_is_saved(as_role, api):
    guard = as_role("guard")
    labels = {"name": "Full Name", "phone": "Phone Number", "nrc": "NRC/ID", "vehicle": "Vehicle Plate Number",
              "reason": "Reason for visit"}
    for field, label in labels.items():
        data = {**VISITOR, field: "", "action": "grant"}
        response = guard.post("/request", data)
        assert response.status_code == 400
        assert f"{label} is Required" in response.get_data(as_text=True)
    assert entries(api) == []


def test_bad_temperature_and_email_are_refused(as_role, api):
    response = as_role("guard").post("/request", {**VISITOR, "temperature": "hot", "email": "x", "action": "grant"})
    text = response.get_data(as_text=True)
    assert "Temperature must be a number" in text and "Enter a valid email" in text
    assert entries(api) == []


def test_other_reason_needs_a_description(as_role):
    response = as_role("guard").post("/request", {**VISITOR, "reason": "other", "action": "grant"})
    assert "Describe the reason for the visit" in response.get_data(as_text=True)


def test_logbook_lists_newest_first(as_role, api):
    guard = as_role("guard")
    for name in ("First Visitor", "Second Visitor"):
        guard.post("/request", {**VISITOR, "name": name, "action": "grant"})
    assert [e["visitor_name"] for e in entries(api)] == ["Second Visitor", "First Visitor"]
    page = guard.text("/logbook")
    assert page.index("Second Visitor") < page.index("First Visitor")


def test_id_card_qr_encodes_this_site_and_the_person(as_role):
    import base64
    import re

    from prodready.qr import decode

    page = as_role("admin").text("/id/2")
    png = base64.b64decode(re.search(r'src="data:image/png;base64,([^"]+)"', page).group(1))
    assert re.fullmatch(r"http://localhost/user/2/\d{13}/dg", decode(png))


def test_scanner_refuses_codes_of_another_site(as_role):
    guard = as_role("guard")
    response = guard.get("/scan?code=https://elsewhere.example/user/2/1618332435960/dg")
    assert response.status_code == 400 and "Invalid QRCode Data" in response.get_data(as_text=True)
    assert guard.get("/scan?code=http://localhost/tasks").status_code == 400


def test_scanner_opens_the_profile_of_a_valid_code(as_role):
    response = as_role("guard").get("/scan?code=http://localhost/user/2/1618332435960/dg")
    assert response.status_code == 302 and response.location == "/user/2/1618332435960/dg"


def test_unknown_person_and_bad_timestamp_are_not_found(as_role):
    guard = as_role("guard")
    assert guard.get("/user/999").status_code == 404
    assert guard.get("/user/2/notanumber/dg").status_code == 404

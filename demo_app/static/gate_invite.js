/* Guest invitation (GuestInviteForm.jsx, InviteeForm.jsx, GuestTime.jsx): find people or add new
   guests (Person / Company), pick the visiting weekdays; "Repeats Until" shows once a day is picked. */
(function () {
  "use strict";
  var SEARCH = "query userSearch($query: String) { userSearch(query: $query, limit: 10) { id name } }";

  function el(tag, attrs, text) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) { node.setAttribute(k, attrs[k]); });
    if (text) { node.textContent = text; }
    return node;
  }

  function invitee(label, fields) {
    var row = el("div", {"class": "invitee"});
    row.appendChild(el("span", {"class": "MuiTypography-root invitee-name"}, label));
    Object.keys(fields).forEach(function (name) { row.appendChild(el("input", {type: "hidden", name: name, value: fields[name]})); });
    var remove = el("button", {type: "button", "class": "MuiButton-root MuiButton-outlined remove-guest", "data-testid": "add_remove_guest_btn"}, "Remove");
    row.appendChild(remove);
    document.querySelector(".invitees").appendChild(row);
  }

  document.addEventListener("click", function (event) {
    var day = event.target.closest('[data-testid="week_days"]');
    if (day) {
      var box = day.querySelector("input"), on = !box.checked;
      box.checked = on;
      day.setAttribute("aria-pressed", on ? "true" : "false");
      var block = day.closest(".guest-time");
      block.querySelector(".repeats-until").hidden = !block.querySelector('input[name="occursOn"]:checked');
      return;
    }
    var mode = event.target.closest("[data-guest-mode]");
    if (mode) {
      var form = mode.closest(".invitee-form"), company = mode.getAttribute("data-guest-mode") === "company";
      form.setAttribute("data-mode", company ? "company" : "person");
      form.querySelector(".person-fields").hidden = company;
      form.querySelector(".company-fields").hidden = !company;
      return;
    }
    if (event.target.closest(".add-guest")) {
      var entry = event.target.closest(".invitee-form"), isCompany = entry.getAttribute("data-mode") === "company";
      var first = entry.querySelector('[data-testid="guest_entry_first_name"]');
      var last = entry.querySelector('[data-testid="guest_entry_last_name"]');
      var comp = entry.querySelector('[data-testid="company_name"]');
      var phone = entry.querySelector('[data-testid="guest_entry_phone_number"]');
      var name = isCompany ? comp.value.trim() : (first.value.trim() + " " + last.value.trim()).trim();
      if (!name) { window.showSnackbar("Guest Name or Company Name is required", "error"); return; }
      invitee(name, {guestFirstName: isCompany ? "" : first.value.trim(), guestLastName: isCompany ? "" : last.value.trim(),
                     guestCompanyName: isCompany ? name : "", guestPhoneNumber: phone.value.trim()});
      [first, last, comp, phone].forEach(function (f) { f.value = ""; });
      return;
    }
    if (event.target.closest(".remove-guest")) { event.target.closest(".invitee").remove(); return; }
    var pick = event.target.closest('[data-testid="invite_guest_btn"]');
    if (pick) {
      invitee(pick.getAttribute("data-name"), {userIds: pick.getAttribute("data-user-id")});
      pick.disabled = true;
    }
  });

  var search = document.querySelector('.guest-search [data-testid="search"]');
  if (!search) { return; }
  search.addEventListener("keydown", function (event) {
    if (event.key !== "Enter") { return; }
    event.preventDefault();
    var results = document.querySelector(".guest-search-results");
    var missing = document.querySelector('[data-testid="user_not_found_add_new"]');
    window.graphql(SEARCH, {query: search.value.trim()}).then(function (data) {
      results.textContent = "";
      var found = (data.userSearch || []);
      missing.hidden = found.length > 0;
      document.querySelector(".invitee-form").hidden = found.length > 0;  // InviteeForm: only for a new guest
      found.forEach(function (user) {
        var card = el("div", {"class": "MuiCard-root guest-search-card"});
        card.appendChild(el("div", {"class": "MuiGrid-root", "data-testid": "guest_name"}, user.name));
        card.appendChild(el("button", {type: "button", "class": "MuiButton-root MuiButton-contained", "data-testid": "invite_guest_btn",
                                       "data-user-id": user.id, "data-name": user.name}, "Invite"));
        results.appendChild(card);
      });
    }).catch(function (e) { window.showSnackbar(e.message, "error"); });
  });
})();

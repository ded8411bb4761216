/* Manual entry (RequestUpdate.jsx): the phone field is red while empty; "Other" asks for the reason;
   the observation dialog's buttons say "Skip" while the note is empty and "Save" once it has text. */
(function () {
  "use strict";
  var phone = document.querySelector('[data-testid="entry_user_phone"]');
  if (phone) {
    phone.addEventListener("input", function () {
      var empty = !phone.value.trim();
      phone.classList.toggle("invalid-number", empty);
      phone.parentNode.querySelector(".flag-dropdown").classList.toggle("invalid-number", empty);
    });
  }
  var reason = document.querySelector('[data-testid="entry_user_visit"]');
  var other = document.querySelector(".other-reason");
  if (reason && other) {
    reason.addEventListener("change", function () { other.hidden = reason.value !== "other"; });
  }
  Array.prototype.forEach.call(document.querySelectorAll(".observation-form"), function (form) {
    var note = form.querySelector("textarea[name=note]");
    var buttons = form.querySelectorAll("[data-action-label]");
    note.addEventListener("input", function () {
      var action = note.value.trim() ? "Save" : "Skip";
      Array.prototype.forEach.call(buttons, function (b) { b.textContent = action + " " + b.getAttribute("data-action-label"); });
    });
  });
})();

/* The shift buttons of a worker's profile (modules/TimeCard/Components/ShiftButtons.jsx): Start Shift
   and End Shift call manageShift through GraphQL with the page's token; the page is not reloaded and
   no snackbar follows a success. While a call is on its way the buttons' row is aria-busy, and the
   buttons show the shift's state the server confirmed. */
(function () {
  "use strict";
  var root = document.querySelector("[data-shift-buttons]");
  if (!root) { return; }
  var start = root.querySelector(".start-shift-btn");
  var end = root.querySelector(".end-shift-btn");
  var message = root.querySelector(".shift-message");
  var userId = root.getAttribute("data-user-id");
  var inProgress = root.getAttribute("data-in-progress") === "true";
  var MANAGE_SHIFT = "mutation manageShift($userId: ID!, $eventTag: String!) {" +
    " manageShift(userId: $userId, eventTag: $eventTag) { timeSheet { id startedAt endedAt } } }";

  function show() {
    start.disabled = inProgress;
    start.classList.toggle("Mui-disabled", inProgress);
    if (inProgress) { start.setAttribute("tabindex", "-1"); } else { start.removeAttribute("tabindex"); }
    start.textContent = root.getAttribute(inProgress ? "data-label-progress" : "data-label-start");
    root.setAttribute("data-in-progress", inProgress ? "true" : "false");
  }

  function say(text) {
    message.textContent = text;
    message.hidden = !text;
  }

  function manageShift(eventTag) {
    root.setAttribute("aria-busy", "true");
    return window.graphql(MANAGE_SHIFT, {userId: userId, eventTag: eventTag})
      .then(function (data) {
        var sheet = data && data.manageShift && data.manageShift.timeSheet;
        inProgress = Boolean(sheet && !sheet.endedAt);
      })
      .catch(function (error) {
        // A refusal: the server's state decides what the buttons show (a shift started elsewhere
        // is in progress; one ended elsewhere is not).
        say(error.message);
        inProgress = eventTag === "shift_start";
      })
      .then(function () {
        show();
        root.removeAttribute("aria-busy");
      });
  }

  start.addEventListener("click", function () {
    if (inProgress) { return; }
    say("");
    manageShift("shift_start");
  });
  end.addEventListener("click", function () {
    if (!inProgress) {
      say(root.getAttribute("data-end-error"));  // checked in the page, as the platform does
      return;
    }
    say("");
    manageShift("shift_end");
  });
})();

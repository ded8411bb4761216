/* Log This Entry (UserInformation.jsx): activityLogAdd for the person shown, with the scanned
   code's timestamp and whether it was the digital ID; then home, as the platform does (no message).
   A refusal is shown in the error snackbar and nothing else happens. */
(function () {
  "use strict";
  var part = document.getElementById("gate-log-entry");
  if (!part) { return; }
  var button = document.getElementById("log-entry");
  var MUTATION = "mutation activityLogAdd($userId: ID!, $timestamp: String, $digital: Boolean) {" +
    " activityLogAdd(userId: $userId, timestamp: $timestamp, digital: $digital) { status user { id } } }";
  button.addEventListener("click", function () {
    button.disabled = true;
    var stamp = part.getAttribute("data-timestamp");
    window.graphql(MUTATION, {
      userId: part.getAttribute("data-user-id"),
      timestamp: stamp === "" ? null : stamp,
      digital: part.getAttribute("data-digital") === "true"
    }).then(function () {
      window.location.assign("/");
    }).catch(function (e) {
      button.disabled = false;
      window.showSnackbar(e.message, "error");
    });
  });
})();

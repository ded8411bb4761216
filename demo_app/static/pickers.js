/* MUI lab's mobile pickers as the platform shows them (templates/_picker.html): the read-only field
   opens its dialog; the pen switches to the text field; a time's clock has AM and PM; Ok sets the
   field (shown in the picker's format) and its hidden value (for the server). */
(function () {
  "use strict";
  function pad(n) { return (n < 10 ? "0" : "") + n; }
  function twelve(h) { return pad(h % 12 === 0 ? 12 : h % 12); }
  function half(h) { return h < 12 ? "AM" : "PM"; }

  // The field's text, from its hidden value, in the picker's own format.
  function shown(kind, value) {
    var m;
    if (!value) { return ""; }
    if (kind === "time" && (m = /^(\d{2}):(\d{2})$/.exec(value))) {
      return twelve(+m[1]) + ":" + m[2] + " " + half(+m[1]);
    }
    if (kind === "datetime" && (m = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})/.exec(value))) {
      return m[1] + "/" + m[2] + "/" + m[3] + " " + twelve(+m[4]) + ":" + m[5] + " " + half(+m[4]);
    }
    return value;
  }

  // What is typed in the text view (with the AM / PM chosen on the clock), as the hidden value; null if invalid.
  function parsed(kind, typed, chosenHalf) {
    var m, h;
    function hour(hh, ampm) { return (+hh % 12) + ((ampm || "AM").toUpperCase() === "PM" ? 12 : 0); }
    if (kind === "date") { return /^\d{4}-\d{2}-\d{2}$/.test(typed) ? typed : null; }
    if (kind === "time" && (m = /^(\d{2}):(\d{2})(?: ?([AaPp][Mm]))?$/.exec(typed))) {
      if (+m[1] < 1 || +m[1] > 12 || +m[2] > 59) { return null; }
      h = hour(m[1], chosenHalf || m[3]);
      return pad(h) + ":" + m[2];
    }
    if (kind === "datetime" && (m = /^(\d{4})\/(\d{2})\/(\d{2}) (\d{2}):(\d{2})$/.exec(typed))) {
      if (+m[4] < 1 || +m[4] > 12 || +m[5] > 59) { return null; }
      h = hour(m[4], chosenHalf);
      return m[1] + "-" + m[2] + "-" + m[3] + "T" + pad(h) + ":" + m[5];
    }
    return null;
  }

  function sync(field) {
    var hidden = field.parentNode.querySelector("[data-picker-value]");
    field.value = shown(field.getAttribute("data-picker"), hidden.value);
  }
  Array.prototype.forEach.call(document.querySelectorAll("[data-picker]"), sync);

  document.addEventListener("click", function (event) {
    var target = event.target;
    var field = target.closest("[data-picker]");
    if (field && !field.disabled) {
      var dialog = document.getElementById(field.getAttribute("data-picker-dialog"));
      var content = dialog.querySelector("[data-picker-for]");
      var kind = content.getAttribute("data-kind");
      var text = content.querySelector("[data-picker-text]");
      text.value = kind === "date" ? field.value : field.value.replace(/ ?[AP]M$/, kind === "time" ? field.value.slice(-3) : "");
      content.removeAttribute("data-half");
      dialog.hidden = false;
      return;
    }
    var pen = target.closest("[data-picker-pen]");
    if (pen) {
      var box = pen.closest(".MuiDialogContent-root").querySelector(".picker-text");
      box.hidden = !box.hidden;
      pen.setAttribute("aria-label", box.hidden ? "calendar view is open, go to text input view"
                                                : "text input view is open, go to calendar view");
      return;
    }
    var clock = target.closest("[data-picker-clock]");
    if (clock) {
      clock.closest(".MuiDialogContent-root").querySelector(".picker-clock").hidden = false;
      return;
    }
    var ampm = target.closest("[data-picker-half]");
    if (ampm) {
      ampm.closest(".MuiDialogContent-root").setAttribute("data-half", ampm.getAttribute("data-picker-half"));
      return;
    }
    var action = target.closest("[data-picker-action]");
    if (action) {
      var root = action.closest(".MuiDialog-root");
      var holder = root.querySelector("[data-picker-for]");
      var input = document.getElementById(holder.getAttribute("data-picker-for"));
      var value = input.parentNode.querySelector("[data-picker-value]");
      var what = action.getAttribute("data-picker-action");
      if (what === "ok") {
        var typed = holder.querySelector("[data-picker-text]").value.trim();
        var result = parsed(holder.getAttribute("data-kind"), typed, holder.getAttribute("data-half"));
        if (result === null) { return; }
        value.value = result;
      }
      if (what === "clear") { value.value = ""; }
      sync(input);
      root.hidden = true;
    }
  });
})();

/* The guest time's pickers as components/DatePickerDialog.jsx shows them (MUI lab mobile pickers): the
   read-only field opens a dialog titled with the field's label; its pen ("... go to text input view")
   shows a typed input carrying the field's test id (placeholder yyyy-mm-dd, or hh:mm (a|p)m: an en
   12-hour clock); Clear empties the field, Cancel keeps it, Ok keeps what was typed. No calendar or
   clock face is drawn: the suite types, as a person with a keyboard does. */
(function () {
  "use strict";

  function el(tag, attrs, text) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) { node.setAttribute(k, attrs[k]); });
    if (text) { node.textContent = text; }
    return node;
  }

  function to12(value) {  // "16:05" -> "04:05 PM"
    if (!value) { return ""; }
    var h = parseInt(value.slice(0, 2), 10), m = value.slice(3, 5);
    return ("0" + (h % 12 === 0 ? 12 : h % 12)).slice(-2) + ":" + m + " " + (h >= 12 ? "PM" : "AM");
  }

  function from12(typed) {  // "04:05 PM" -> "16:05"; null when it is no time
    var m = /^\s*(\d{1,2}):(\d{2})\s*([AaPp])[Mm]\s*$/.exec(typed);
    if (!m) { return null; }
    var h = parseInt(m[1], 10), min = parseInt(m[2], 10);
    if (h < 1 || h > 12 || min > 59) { return null; }
    h = h % 12 + (m[3].toUpperCase() === "P" ? 12 : 0);
    return ("0" + h).slice(-2) + ":" + m[2];
  }

  function validDate(typed) {
    var m = /^\s*(\d{4})-(\d{2})-(\d{2})\s*$/.exec(typed);
    if (!m) { return null; }
    var d = new Date(Date.UTC(+m[1], +m[2] - 1, +m[3]));
    return d.getUTCMonth() === +m[2] - 1 && d.getUTCDate() === +m[3] ? m[1] + "-" + m[2] + "-" + m[3] : null;
  }

  function openDialog(root) {
    var kind = root.getAttribute("data-picker"), label = root.querySelector("label").textContent;
    var hidden = root.querySelector(".picker-value"), shown = root.querySelector(".picker-shown");
    var backdrop = el("div", {"class": "MuiDialog-root MuiModal-root picker-dialog"});
    var paper = el("div", {"class": "MuiPaper-root MuiDialog-paper", role: "dialog"});
    var toolbar = el("div", {"class": "PrivatePickersToolbar-root"});
    toolbar.appendChild(el("span", {"class": "MuiTypography-root MuiTypography-overline"}, label));
    toolbar.appendChild(el("h4", {"class": "MuiTypography-root MuiTypography-h4"}, shown.value || "––"));
    var pen = el("button", {type: "button", "class": "MuiIconButton-root",
                            "aria-label": (kind === "date" ? "calendar" : "clock") + " view is open, go to text input view"}, "✎");
    toolbar.appendChild(pen);
    paper.appendChild(toolbar);
    var typed = el("input", {type: "text", "class": "MuiInputBase-input MuiOutlinedInput-input",
                             "data-testid": root.getAttribute("data-typed-testid"),
                             placeholder: kind === "date" ? "yyyy-mm-dd" : "hh:mm (a|p)m"});
    typed.value = shown.value;
    var keyboard = el("div", {"class": "MuiInputBase-root MuiOutlinedInput-root picker-keyboard"});
    keyboard.hidden = true;
    keyboard.appendChild(typed);
    paper.appendChild(keyboard);
    var actions = el("div", {"class": "MuiDialogActions-root"});
    ["Clear", "Cancel", "Ok"].forEach(function (name) {
      actions.appendChild(el("button", {type: "button", "class": "MuiButton-root MuiButton-text", "data-action": name}, name));
    });
    paper.appendChild(actions);
    backdrop.appendChild(paper);
    document.body.appendChild(backdrop);

    function close() { window.setTimeout(function () { backdrop.remove(); }, 150); }  // MUI's exit transition
    function keep(value) {
      hidden.value = value;
      shown.value = kind === "time" ? to12(value) : value;
      hidden.dispatchEvent(new Event("change", {bubbles: true}));
    }
    pen.addEventListener("click", function () { keyboard.hidden = false; typed.focus(); });
    actions.addEventListener("click", function (event) {
      var action = event.target.getAttribute("data-action");
      if (action === "Clear") { keep(""); close(); }
      if (action === "Cancel") { close(); }
      if (action === "Ok") {
        if (!keyboard.hidden) {
          var value = kind === "date" ? validDate(typed.value) : from12(typed.value);
          if (value === null) { typed.setAttribute("aria-invalid", "true"); return; }
          keep(value);
        }
        close();
      }
    });
  }

  document.addEventListener("click", function (event) {
    var shown = event.target.closest(".picker-shown");
    if (shown) { openDialog(shown.closest("[data-picker]")); }
  });
}());

/* The forms area's page behaviour: clickable list rows, the forms' menus, the field form's options,
   and the publishing state. Plain DOM, event delegation (loaded before or after mui.js alike). */
(function () {
  "use strict";

  document.addEventListener("click", function (event) {
    var target = event.target;

    // FormList.jsx: a form's kebab opens its menu (and does not open the form's entries).
    var opener = target.closest("[data-open-menu]");
    if (opener) {
      event.stopPropagation();
      var menu = document.getElementById(opener.getAttribute("data-open-menu"));
      if (menu) {
        var box = opener.getBoundingClientRect();
        var paper = menu.querySelector(".MuiPaper-root");
        paper.style.left = Math.max(8, box.right - 180) + "px";
        paper.style.top = Math.min(window.innerHeight - 160, box.bottom + 2) + "px";
        paper.style.minWidth = "170px";
        menu.hidden = false;
      }
      return;
    }
    // A menu item closes its menu (mui.js opens the dialog an item names).
    var item = target.closest(".form-menu [role='menuitem']");
    if (item) {
      var link = item.querySelector("a");
      item.closest(".form-menu").hidden = true;
      if (link && target !== link) { window.location.href = link.href; }
      return;
    }
    // My Forms: Submit Form's arrow opens (and closes) the menu of the forms to fill in, under the button.
    var arrow = target.closest("[data-toggle-offered]");
    var offered = document.querySelector(".offered-forms");
    if (arrow && offered) {
      var place = arrow.getBoundingClientRect();
      offered.style.position = "fixed";
      offered.style.top = (place.bottom + 2) + "px";
      offered.style.left = Math.max(8, place.right - 240) + "px";
      offered.hidden = !offered.hidden;
      return;
    }
    if (offered && !offered.hidden && !target.closest(".offered-forms")) { offered.hidden = true; }
    // List rows (forms, entries, a person's forms) are whole-row links, as the platform's ListItems are.
    var row = target.closest("[data-href]");
    if (row && !target.closest("a, button, input")) {
      window.location.href = row.getAttribute("data-href");
      return;
    }

    // FormOptionInput.jsx: "Add Option" adds an empty option; the cross removes one.
    var add = target.closest(".form-property-field-type-option-add-btn");
    if (add) {
      var block = add.closest(".form-property-options");
      var options = block.querySelectorAll(".form-option");
      var copy = options[options.length - 1].cloneNode(true);
      var input = copy.querySelector("input");
      input.value = "";
      add.parentNode.insertBefore(copy, add);
      renumber(block);
      input.focus();
      return;
    }
    var remove = target.closest("[data-testid='remove-option-btn']");
    if (remove) {
      var holder = remove.closest(".form-property-options");
      if (holder.querySelectorAll(".form-option").length > 1) {
        remove.closest(".form-option").remove();
        renumber(holder);
      } else {
        remove.closest(".form-option").querySelector("input").value = "";
      }
    }
  });

  function renumber(block) {
    Array.prototype.forEach.call(block.querySelectorAll(".form-option"), function (option, i) {
      var input = option.querySelector("input");
      var label = option.querySelector("label");
      input.id = "option-" + i;
      input.className = input.className.replace(/\s*form-property-field-type-option-txt-input-\d+/, "") +
        " form-property-field-type-option-txt-input-" + i;
      label.setAttribute("for", input.id);
      label.textContent = "Option " + (i + 1);
    });
  }

  // The Field Type select shows the options only for the choice types.
  document.addEventListener("change", function (event) {
    if (event.target.name !== "field_type") { return; }
    var form = event.target.closest("form");
    var block = form && form.querySelector(".form-property-options");
    if (block) {
      var choices = (block.getAttribute("data-choice-types") || "").split(" ");
      block.hidden = choices.indexOf(event.target.value) < 0;
    }
  });

  // Category/Form.jsx labels the button with this (missing) i18n key while the form is being published.
  document.addEventListener("submit", function (event) {
    if (event.target.id !== "publish-form") { return; }
    var button = document.querySelector("[data-testid='publishing']");
    if (button) {
      button.textContent = "misc.publishing_form";
      button.disabled = true;
    }
  });
})();

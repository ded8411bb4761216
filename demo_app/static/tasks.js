/* The task screens' behaviour: the quick-filter popper, each task's menu, sub-tasks shown under
   their task, the search box, the assignee search (Autocomplete) and the comment button. */
(function () {
  "use strict";
  // Who may be picked as an assignee (CustomAutoComplete / TaskInfoTop allowedAssignees).
  var ASSIGNEE_TYPES = ["admin", "custodian", "security_guard", "contractor", "site_worker", "consultant",
                        "developer", "lead"];
  var SEARCH = "query userSearch($query: String) { userSearch(query: $query, limit: 50) { id name userType } }";

  function placeBelow(anchor, paper) {
    var box = anchor.getBoundingClientRect();
    paper.style.position = "fixed";
    paper.style.top = Math.min(window.innerHeight - 80, box.bottom + 2) + "px";
    paper.style.left = Math.max(8, Math.min(window.innerWidth - 240, box.left)) + "px";
  }

  var popper = document.getElementById("task-quick-search-popper");
  function closePopper() { if (popper) { popper.hidden = true; } }

  document.addEventListener("click", function (event) {
    var target = event.target;
    var quick = target.closest("[data-quick-search]");
    if (quick && popper) {
      var opening = popper.hidden;
      popper.hidden = !opening;
      if (opening) { placeBelow(quick, popper); }
      return;
    }
    if (popper && !popper.hidden && !target.closest("#task-quick-search-popper")) { closePopper(); }

    var kebab = target.closest("[data-task-menu]");
    if (kebab) {
      var menu = document.querySelector('[data-menu-of="' + kebab.getAttribute("data-task-menu") + '"]');
      if (menu) { menu.hidden = false; placeBelow(kebab, menu.querySelector(".MuiPaper-root")); }
      return;
    }
    var subTask = target.closest("[data-parent-id]");
    if (subTask) {  // "Add Sub Task": the same form, for a task under this one (mui.js opens the dialog)
      var parent = document.querySelector("[data-parent-input]");
      if (parent) { parent.value = subTask.getAttribute("data-parent-id"); }
      var owner = subTask.closest(".MuiPopover-root");
      if (owner) { owner.hidden = true; }
      return;
    }
    if (target.closest("[data-new-task]")) {
      var input = document.querySelector("[data-parent-input]");
      if (input) { input.value = ""; }
      return;
    }
    var toggle = target.closest("[data-toggle-subtasks]");
    if (toggle) {
      var list = document.getElementById(toggle.getAttribute("data-toggle-subtasks"));
      if (list) {
        list.hidden = !list.hidden;
        toggle.setAttribute("aria-expanded", list.hidden ? "false" : "true");
      }
      return;
    }
    if (target.closest("[data-toggle-search]")) {
      var form = document.querySelector("[data-search-form]");
      if (form) { form.hidden = !form.hidden; if (!form.hidden) { form.querySelector("input[type=search]").focus(); } }
      return;
    }
    var chip = target.closest("[data-toggle-picker]");
    if (chip) {
      var assign = document.getElementById(chip.getAttribute("data-toggle-picker"));
      if (assign) {
        assign.hidden = !assign.hidden;
        chip.querySelector(".MuiChip-label").textContent =
          chip.getAttribute(assign.hidden ? "data-closed-label" : "data-open-label");
        if (!assign.hidden) { assign.querySelector("input[role=combobox]").focus(); }
      }
      return;
    }
    var remove = target.closest(".MuiAutocomplete-tag .MuiChip-deleteIcon");
    if (remove) { remove.closest(".MuiAutocomplete-tag").remove(); }
  });

  // The assignee search: type a name, pick a person from the list under the field.
  function picker(root) {
    var input = root.querySelector("input[role=combobox]");
    var popup = root.querySelector(".MuiAutocomplete-popper");
    var listbox = root.querySelector("[role=listbox]");
    var multiple = root.getAttribute("data-multiple") === "true";
    var timer = null, asked = 0;

    function chosen() {
      return Array.prototype.map.call(root.querySelectorAll("input[name=assignees]"), function (i) { return i.value; });
    }
    function show(people) {
      listbox.innerHTML = "";
      var taken = chosen();
      people.filter(function (p) { return ASSIGNEE_TYPES.indexOf(p.userType) >= 0 && taken.indexOf(String(p.id)) < 0; })
        .slice(0, 10).forEach(function (person) {
          var li = document.createElement("li");
          li.setAttribute("role", "option");
          li.className = "MuiAutocomplete-option";
          li.setAttribute("data-value", person.id);
          var name = document.createElement("span");
          name.className = "MuiTypography-root MuiTypography-body1 user-auto-name";
          name.textContent = person.name;
          var kind = document.createElement("span");
          kind.className = "MuiTypography-root MuiTypography-caption muted";
          kind.textContent = person.userType;
          li.appendChild(name);
          li.appendChild(kind);
          listbox.appendChild(li);
        });
      popup.hidden = !listbox.children.length;
      input.setAttribute("aria-expanded", popup.hidden ? "false" : "true");
    }
    function search() {
      var mine = ++asked;
      window.graphql(SEARCH, {query: input.value}).then(function (data) {
        if (mine === asked) { show(data.userSearch || []); }
      }).catch(function () { show([]); });
    }
    input.addEventListener("input", function () { clearTimeout(timer); timer = setTimeout(search, 150); });
    input.addEventListener("focus", search);
    input.addEventListener("keydown", function (event) { if (event.key === "Enter") { event.preventDefault(); } });
    listbox.addEventListener("mousedown", function (event) { event.preventDefault(); });  // keep the focus
    listbox.addEventListener("click", function (event) {
      var option = event.target.closest("[role=option]");
      if (!option) { return; }
      var id = option.getAttribute("data-value");
      var name = option.querySelector(".user-auto-name").textContent;
      clearTimeout(timer);
      asked += 1;  // a search still on its way must not open the list again
      popup.hidden = true;
      input.value = "";
      if (!multiple) {
        var form = root.closest("form");
        form.querySelector("[data-picked-user]").value = id;
        form.submit();
        return;
      }
      var tag = document.createElement("div");
      tag.className = "MuiChip-root MuiChip-filled MuiAutocomplete-tag";
      tag.setAttribute("data-user-id", id);
      var label = document.createElement("span");
      label.className = "MuiChip-label";
      label.textContent = name;
      var del = document.createElement("button");
      del.type = "button";
      del.className = "MuiChip-deleteIcon";
      del.setAttribute("aria-label", "Remove " + name);
      del.textContent = "\u2715";
      var hidden = document.createElement("input");
      hidden.type = "hidden";
      hidden.name = "assignees";
      hidden.value = id;
      tag.appendChild(label);
      tag.appendChild(del);
      tag.appendChild(hidden);
      input.parentNode.insertBefore(tag, input);
    });
    input.addEventListener("blur", function () { setTimeout(function () { popup.hidden = true; }, 150); });
  }
  Array.prototype.forEach.call(document.querySelectorAll("[data-assignee-picker]"), picker);

  // The comment button is enabled once something is typed (CommentTextField.jsx).
  Array.prototype.forEach.call(document.querySelectorAll(".comment-box"), function (form) {
    var box = form.querySelector("textarea");
    var button = form.querySelector("[data-testid=comment_btn]");
    function sync() {
      var empty = !box.value.trim().length;
      button.disabled = empty;
      button.classList.toggle("Mui-disabled", empty);
    }
    box.addEventListener("input", sync);
    sync();
  });

  // While the task is being created the button says so (and cannot be pressed twice).
  var taskForm = document.getElementById("task-form");
  if (taskForm) {
    taskForm.addEventListener("submit", function () {
      var submit = taskForm.querySelector("[data-busy-label]");
      submit.textContent = submit.getAttribute("data-busy-label");
      setTimeout(function () { submit.disabled = true; }, 0);
    });
  }
})();

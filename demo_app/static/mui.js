/* The reference app's small stand-in for MUI's behaviour: portals, select popups, dialogs, the
   snackbar, the side menu and the install banner. Plain DOM, no framework, loaded on every page. */
(function () {
  "use strict";
  var body = document.body;

  // Portals: MUI renders popups, dialogs and the snackbar at the end of <body>.
  Array.prototype.forEach.call(document.querySelectorAll("[data-portal]"), function (el) { body.appendChild(el); });

  // The snackbar (components/MessageAlert.jsx): top-centre, hides itself after 6 s.
  function armSnackbar(el) {
    var ms = parseInt(el.getAttribute("data-autohide") || "6000", 10);
    setTimeout(function () { if (el.parentNode) { el.parentNode.removeChild(el); } }, ms);
  }
  Array.prototype.forEach.call(document.querySelectorAll('[data-testid="message-alert"]'), armSnackbar);
  window.showSnackbar = function (message, kind) {
    Array.prototype.forEach.call(document.querySelectorAll('[data-testid="message-alert"]'), function (old) { old.remove(); });
    var root = document.createElement("div");
    root.className = "MuiSnackbar-root MuiSnackbar-anchorOriginTopCenter";
    root.setAttribute("data-testid", "message-alert");
    root.setAttribute("role", "presentation");
    var alert = document.createElement("div");
    alert.setAttribute("role", "alert");
    alert.className = "MuiPaper-root MuiAlert-root MuiAlert-filled" + (kind === "error" ? "Error" : "Success");
    var text = document.createElement("div");
    text.className = "MuiAlert-message";
    text.textContent = message;
    alert.appendChild(text);
    root.appendChild(alert);
    body.appendChild(root);
    armSnackbar(root);
  };

  // Select: div[role=button] opens its listbox; an option sets the hidden input and the shown text.
  function closePopups() {
    Array.prototype.forEach.call(document.querySelectorAll(".MuiPopover-root:not([hidden])"), function (p) { p.hidden = true; });
  }
  document.addEventListener("click", function (event) {
    var target = event.target;
    var opener = target.closest('[aria-haspopup="listbox"][data-listbox]');
    if (opener) {
      closePopups();
      var menu = document.getElementById(opener.getAttribute("data-listbox"));
      if (menu) {
        var box = opener.getBoundingClientRect();
        var paper = menu.querySelector(".MuiPaper-root");
        paper.style.left = Math.max(8, box.left) + "px";
        paper.style.minWidth = box.width + "px";
        menu.hidden = false;
        // Below the box when it fits, else as low as the screen allows (MUI keeps popovers on screen).
        paper.style.top = Math.max(8, Math.min(box.bottom + 2, window.innerHeight - paper.offsetHeight - 8)) + "px";
        menu._opener = opener;
        opener.setAttribute("aria-expanded", "true");
      }
      return;
    }
    var option = target.closest('li[role="option"]');
    if (option) {
      var popup = option.closest(".MuiPopover-root");
      if (popup && popup._opener) {
        var owner = popup._opener;
        var input = owner.parentNode.querySelector("input.MuiSelect-nativeInput");
        input.value = option.getAttribute("data-value");
        owner.textContent = option.textContent;
        Array.prototype.forEach.call(popup.querySelectorAll('li[role="option"]'), function (li) {
          var on = li === option;
          li.setAttribute("aria-selected", on ? "true" : "false");
          li.classList.toggle("Mui-selected", on);
        });
        popup.hidden = true;
        owner.setAttribute("aria-expanded", "false");
        input.dispatchEvent(new Event("change", {bubbles: true}));
      }
      return;
    }
    if (target.closest("[data-close-popup]")) { closePopups(); return; }

    // Dialogs: [data-open-dialog=id] opens, [data-close-dialog] closes the dialog around it.
    var openDialog = target.closest("[data-open-dialog]");
    if (openDialog) {
      var dialog = document.getElementById(openDialog.getAttribute("data-open-dialog"));
      if (dialog) { dialog.hidden = false; }
      return;
    }
    var closeDialog = target.closest("[data-close-dialog]");
    if (closeDialog) {
      var open = closeDialog.closest(".MuiDialog-root");
      if (open) { open.hidden = true; }
      return;
    }

    // The side menu (modules/Menu): the drawer button opens it, the backdrop closes it, an entry goes to
    // its page; a group opens its entries, with the platform's own rule (SideMenu.jsx routeTo): a click
    // on a group while another is open closes that one and opens nothing.
    if (target.closest('header [data-testid="drawer"]')) { setDrawer(true); return; }
    if (target.closest(".side-drawer .MuiBackdrop-root")) { setDrawer(false); return; }
    var entry = target.closest(".side-drawer .MuiListItem-root");
    if (entry) {
      if (entry.hasAttribute("data-menu-group")) { openGroup(entry); return; }
      setDrawer(false);
      if (entry.hasAttribute("data-logout")) { drawer.querySelector(".logout-form").submit(); return; }
      window.location.href = entry.getAttribute("data-href");
    }
  });

  var drawer = document.querySelector(".side-drawer");
  var menuState = {parent: null, parentOpen: false, name: null, open: false};
  function setDrawer(open) {
    if (!drawer) { return; }
    drawer.hidden = !open;
    var button = document.querySelector('header [data-testid="drawer"] svg');
    if (button) { button.setAttribute("data-testid", open ? "DoubleArrowOutlinedIcon" : "MenuIcon"); }
  }
  function groupOf(entry) {
    var list = entry.parentNode.closest(".MuiCollapse-root");
    return list ? list.previousElementSibling : null;
  }
  function openGroup(entry) {
    var parent = groupOf(entry);
    if (!parent) {  // a group of the menu's top: it flips whether *a* group is open
      menuState = {parent: entry, parentOpen: !menuState.parentOpen, name: entry, open: false};
    } else {  // a group inside a group
      menuState = {parent: parent, parentOpen: true, name: entry, open: menuState.parentOpen && !menuState.open};
    }
    Array.prototype.forEach.call(drawer.querySelectorAll("[data-menu-group]"), function (group) {
      var shown = groupOf(group) ? (menuState.name === group && menuState.open)
                                 : (menuState.parent === group && menuState.parentOpen);
      var collapse = group.nextElementSibling;
      collapse.hidden = !shown;
      collapse.classList.toggle("MuiCollapse-entered", shown);
      collapse.classList.toggle("MuiCollapse-hidden", !shown);
    });
  }

  // The "add to home screen" bar: closed by its link, gone by itself after 10 s.
  var bar = document.getElementById("btnSection");
  if (bar) {
    document.getElementById("closeBtn").addEventListener("click", function () { bar.style.display = "none"; });
    setTimeout(function () { bar.style.display = "none"; }, 10000);
  }

  // One GraphQL call with the page's token, as the platform's Apollo client makes it.
  window.graphql = function (query, variables, asToken) {
    var headers = {"Content-Type": "application/json"};
    var token = asToken || null;
    try { token = token || window.localStorage.getItem("dgdp_auth_token"); } catch (e) {}
    if (token) { headers.Authorization = "Bearer " + token; }
    return fetch("/graphql", {method: "POST", headers: headers, body: JSON.stringify({query: query, variables: variables || {}})})
      .then(function (r) { return r.json(); })
      .then(function (answer) {
        if (answer.errors && answer.errors.length) {
          throw new Error(answer.errors[0].message.replace(/^GraphQL error: /, ""));
        }
        return answer.data;
      });
  };
})();

/* The payments screens' behaviour: the pay dialog's steps and the checks the platform's PaymentModal
   makes in the browser (the server checks everything again), plan rows, row menus, the receipt links. */
(function () {
  "use strict";

  function money(value) {
    // The platform's formatMoney (Intl en-ZM, ZMW in Chromium): "K", a no-break space, the amount.
    var sign = value < 0 ? "-" : "";
    var parts = Math.abs(value).toFixed(2).split(".");
    return sign + "K\u00a0" + parts[0].replace(/\B(?=(\d{3})+(?!\d))/g, ",") + "." + parts[1];
  }

  var GENERAL_FUND_HINT = "The additional amount {{amount}} will be allocated to the general fund";

  function show(el, on) { if (el) { el.hidden = !on; } }
  function each(root, selector, fn) { Array.prototype.forEach.call(root.querySelectorAll(selector), fn); }

  // -- the pay dialog (PaymentModal.jsx) ------------------------------------------------------------
  var form = document.querySelector(".payment-form");
  if (form) {
    var source = form.querySelector('input[name="source"]');
    var manual = form.querySelector('input[name="manual"]');
    var submit = form.querySelector(".pay-submit");
    var cancel = form.querySelector(".pay-cancel");
    var title = form.querySelector('[data-testid="customDialog"]');
    var typeHelper = source.closest(".MuiFormControl-root").querySelector(".MuiFormHelperText-root");

    var amounts = function () {
      return Array.prototype.map.call(form.querySelectorAll(".plot-card"), function (card) {
        var input = card.querySelector(".transaction-amount-input input");
        var value = parseFloat(input.value);
        return {card: card, input: input, value: isNaN(value) ? 0 : value,
                remaining: parseFloat(card.getAttribute("data-remaining")) || 0};
      });
    };
    var total = function () {
      return amounts().reduce(function (sum, a) { return sum + a.value; }, 0);
    };
    var refresh = function () {
      var isCheque = source.value === "cheque/cashier_cheque";
      each(form, ".cheque-only", function (el) { show(el, isCheque); });
      each(form, ".manual-only", function (el) { show(el, manual.checked); });
      amounts().forEach(function (a) {
        var hint = a.card.querySelector(".general-fund-hint");
        var extra = Math.round((a.value - a.remaining) * 100) / 100;
        hint.textContent = GENERAL_FUND_HINT.replace("{{amount}}", money(extra));
        show(hint, extra > 0);
      });
      form.querySelector(".total-amount").textContent = money(total());
    };
    var setStep = function (step) {
      form.setAttribute("data-step", step);
      each(form, ".pay-form-step", function (el) { show(el, step === "form"); });
      show(form.querySelector(".pay-confirm-step"), step === "confirm");
      title.textContent = title.getAttribute("data-title-" + step);
      submit.textContent = submit.getAttribute("data-label-" + step);
      cancel.textContent = cancel.getAttribute("data-label-" + step);
    };
    var fillConfirm = function () {
      var confirm = form.querySelector(".pay-confirm-step");
      confirm.querySelector('[data-testid="amount"] b').textContent = money(total());
      confirm.querySelector('[data-testid="type"] b').textContent = " " + source.value;
      [["transactionNumber", "transaction_number"], ["bankName", "bank_name"], ["chequeNumber", "cheque_number"]]
        .forEach(function (pair) {
          var line = confirm.querySelector('[data-testid="' + pair[0] + '"]');
          var value = form.querySelector('[name="' + pair[1] + '"]').value.trim();
          line.textContent = "";
          if (value && !line.closest(".cheque-only")) {
            line.appendChild(document.createTextNode(line.getAttribute("data-label")));
            var bold = document.createElement("b");
            bold.textContent = " " + value;
            line.appendChild(bold);
          }
        });
    };
    var problems = function () {
      // The platform's own checks before its confirm step (PaymentModal.jsx confirm()).
      var missingType = !source.value, noAmount = total() === 0;
      typeHelper.textContent = missingType ? "TransactionType is required" : " ";
      typeHelper.classList.toggle("Mui-error", missingType);
      each(form, ".amount-error", function (el) { show(el, noAmount); });
      if (missingType || noAmount) { return true; }
      if (manual.checked) {
        var blankReceipt = amounts().some(function (a) {
          return a.value && !a.card.querySelector('input[name^="receipt_"]').value.trim();
        });
        if (blankReceipt) { window.showSnackbar("Receipt Number cannot be blank", "error"); return true; }
        if (amounts().some(function (a) { return !a.input.value.trim(); })) {
          window.showSnackbar("Amount cannot be blank", "error");
          return true;
        }
      }
      return false;
    };

    form.addEventListener("input", refresh);
    form.addEventListener("change", refresh);
    submit.addEventListener("click", function () {
      if (form.getAttribute("data-step") === "confirm") {
        submit.disabled = true;
        cancel.disabled = true;
        submit.textContent = submit.getAttribute("data-label-busy");
        form.submit();
        return;
      }
      if (!problems()) {
        fillConfirm();
        setStep("confirm");
      }
    });
    cancel.addEventListener("click", function () {
      if (form.getAttribute("data-step") === "confirm") { setStep("form"); return; }
      form.closest(".MuiDialog-root").hidden = true;
    });
    form.addEventListener("submit", function (event) {
      // Enter in a field must not skip the confirm step.
      if (form.getAttribute("data-step") !== "confirm") { event.preventDefault(); }
    });
    refresh();
  }

  // -- plans, row menus, the receipt links ----------------------------------------------------------
  document.addEventListener("click", function (event) {
    var target = event.target;
    var menuButton = target.closest("[data-menu]");
    if (menuButton) {
      event.stopPropagation();
      var menu = document.getElementById(menuButton.getAttribute("data-menu"));
      var box = menuButton.getBoundingClientRect();
      var paper = menu.querySelector(".MuiPaper-root");
      paper.style.left = Math.max(8, box.left - 120) + "px";
      paper.style.top = (box.bottom + 2) + "px";
      menu.hidden = false;
      return;
    }
    var item = target.closest('.MuiPopover-root [role="menuitem"]');
    if (item) { item.closest(".MuiPopover-root").hidden = true; }
    var summary = target.closest("[data-toggle-details]");
    if (summary) {
      var details = document.getElementById(summary.getAttribute("data-toggle-details"));
      details.hidden = !details.hidden;
      summary.setAttribute("aria-expanded", details.hidden ? "false" : "true");
    }
    var link = target.closest("[data-href]");
    if (link) { window.location.assign(link.getAttribute("data-href")); }
    var forget = target.closest("[data-forget-param]");
    if (forget && window.history.replaceState) {
      var url = new URL(window.location.href);
      url.searchParams.delete(forget.getAttribute("data-forget-param"));
      window.history.replaceState(null, "", url.pathname + url.search);
    }
  }, true);

  // The Transactions sub-tab's filter: all transactions, or those that paid towards one plan.
  var filter = document.querySelector('input[data-testid="transaction-filter"]');
  if (filter) {
    filter.addEventListener("change", function () {
      each(document, ".transaction-row", function (row) {
        var plans = (row.getAttribute("data-plans") || "").split(" ");
        show(row, filter.value === "all" || plans.indexOf(filter.value) >= 0);
      });
    });
  }
})();

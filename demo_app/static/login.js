/* The login and Set Password screens: loginUsernamePassword / loginEmail / resetPasswordAfterLogin,
   then the token goes to localStorage (dgdp_auth_token) as the platform's app keeps it. */
(function () {
  "use strict";
  var KEY = "dgdp_auth_token";

  function keep(token, next) {
    window.localStorage.setItem(KEY, token);
    document.cookie = KEY + "=" + encodeURIComponent(token) + "; path=/; SameSite=Lax";
    window.location.replace(next || "/");
  }

  var button = document.querySelector('[data-testid="login-btn"]');
  if (button) {
    var screen = document.querySelector(".login-screen");
    var fields = {
      phone: document.getElementById("phone-login"),
      email: document.getElementById("email-login"),
      username: document.getElementById("username-field"),
      password: document.getElementById("outlined-adornment-password")
    };
    var refresh = function () {
      var any = Object.keys(fields).some(function (k) { return fields[k].value.trim() !== ""; });
      button.disabled = !any;
      button.classList.toggle("Mui-disabled", !any);
    };
    Object.keys(fields).forEach(function (k) { fields[k].addEventListener("input", refresh); });
    document.querySelector('[data-testid="toggle_password"]').addEventListener("click", function () {
      fields.password.type = fields.password.type === "password" ? "text" : "password";
    });
    button.addEventListener("click", function () {
      if (fields.email.value.trim()) {
        window.graphql("mutation loginEmail($email: String) { loginEmail(email: $email) { errors } }",
                       {email: fields.email.value.trim()})
          .then(function () { button.textContent = "Check your email to continue with Login'"; })
          .catch(function (e) { window.showSnackbar(e.message, "error"); });
        return;
      }
      if (fields.phone.value.trim()) {
        window.graphql("mutation loginPhoneStart($phoneNumber: String) { loginPhoneStart(phoneNumber: $phoneNumber) { user { id } } }",
                       {phoneNumber: fields.phone.value.trim()})
          .then(function (d) { window.location.assign("/code/" + d.loginPhoneStart.user.id); })
          .catch(function (e) { window.showSnackbar(e.message, "error"); });
        return;
      }
      button.disabled = true;
      window.graphql("mutation loginUsernamePassword($username: String!, $password: String!) {" +
                     " loginUsernamePassword(username: $username, password: $password) { authToken user { id hasResetPassword } } }",
                     {username: fields.username.value.trim(), password: fields.password.value})
        .then(function (d) {
          var answer = d.loginUsernamePassword;
          if (answer.user.hasResetPassword === false) {
            // The token of this login is good only for setting a password: kept for this tab's next page.
            window.sessionStorage.setItem("dgdp_setup_token", answer.authToken);
            window.location.assign("/password_setup/" + answer.user.id);
          } else {
            keep(answer.authToken, screen.getAttribute("data-next"));
          }
        })
        .catch(function (e) { button.disabled = false; window.showSnackbar(e.message, "error"); });
    });
  }

  var setButton = document.querySelector('.login-screen [data-testid="submit_btn"]');
  if (setButton) {
    var userId = document.querySelector(".login-screen").getAttribute("data-user-id");
    var inputs = document.querySelectorAll('input[data-testid="password_input"]');
    // utils/helpers.js passwordChecks: 10 characters, a special one, a digit, a lower and an upper case
    // letter, no spaces, and both the same.
    var verified = function () {
      var password = inputs[0].value;
      return password.length >= 10 && /[-+_!@#$%^&*.,?]/.test(password) && /\d/.test(password) &&
        /[a-z]/.test(password) && /[A-Z]/.test(password) && !/\s/.test(password) && password === inputs[1].value;
    };
    var refreshSet = function () {
      setButton.disabled = !verified();
      setButton.classList.toggle("Mui-disabled", setButton.disabled);
    };
    Array.prototype.forEach.call(inputs, function (input) { input.addEventListener("input", refreshSet); });
    Array.prototype.forEach.call(document.querySelectorAll('[data-testid="toggle_password"]'), function (toggle, i) {
      toggle.addEventListener("click", function () { inputs[i].type = inputs[i].type === "password" ? "text" : "password"; });
    });
    setButton.addEventListener("click", function () {
      if (!verified()) { return; }
      setButton.disabled = true;
      window.graphql("mutation resetPasswordAfterLogin($password: String!, $userId: ID!) {" +
                     " resetPasswordAfterLogin(password: $password, userId: $userId) { authToken } }",
                     {password: inputs[0].value, userId: userId}, window.sessionStorage.getItem("dgdp_setup_token"))
        .then(function (d) {
          window.sessionStorage.removeItem("dgdp_setup_token");
          keep(d.resetPasswordAfterLogin.authToken, "/");
        })
        .catch(function (e) { refreshSet(); window.showSnackbar(e.message, "error"); });
    });
  }
})();

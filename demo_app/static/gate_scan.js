/* The guard's scanner (containers/Scan.jsx): the rear camera's frames are read for a QR code.
   The platform decodes in the browser; this app sends frames to /scan/decode (zxing-cpp). A code is
   read as the browser reads an address (new URL): only an http(s) address of this page's host (the ID
   card's code names the host without a port) whose path is a person's profile, /user/<id>[/<tm>[/<dg>]],
   is opened, on this site; anything else is refused, as the platform refuses a code of another host.
   The platform opens the code as written: a "javascript://<host>/%0A…" code runs as a script there. */
(function () {
  "use strict";
  var root = document.getElementById("scanner");
  if (!root) { return; }
  var hidden = root.querySelector('[data-testid="qr_wrapper"]');
  var preview = root.querySelector(".qr-preview");
  var canvas = document.getElementById("scan-frame");
  var error = document.getElementById("scan-error");
  var torch = root.querySelector('input[name="torch"]');
  var track = null, busy = false, done = false;
  var INTERVAL_MS = 200, WIDTH = 640;

  function showError(text) { error.textContent = text; error.hidden = !text; }

  var PROFILE = /^\/user\/[^\/]+(\/[^\/]+){0,2}$/;

  function profileOf(data) {
    // The code as the browser reads it; null unless it is a profile address of this page's host.
    var code;
    try { code = new URL(String(data)); } catch (e) { return null; }
    if ((code.protocol !== "http:" && code.protocol !== "https:") || code.hostname !== window.location.hostname ||
        code.username || code.password || !PROFILE.test(code.pathname)) { return null; }
    var here = new URL(code.pathname + code.search, window.location.origin);
    return here.origin === window.location.origin ? here : null;
  }

  function open(data) {
    var target = profileOf(data);
    if (!target) { showError("Invalid QRCode Data"); return; }
    done = true;
    if (track) { track.stop(); }
    root.hidden = true;
    document.getElementById("scan-decoding").hidden = false;
    window.location.assign(target.href);
  }

  function read() {
    if (done || busy || preview.readyState < 2 || !preview.videoWidth) { return; }
    busy = true;
    var scale = Math.min(1, WIDTH / preview.videoWidth);
    canvas.width = Math.round(preview.videoWidth * scale);
    canvas.height = Math.round(preview.videoHeight * scale);
    canvas.getContext("2d").drawImage(preview, 0, 0, canvas.width, canvas.height);
    canvas.toBlob(function (blob) {
      fetch(root.getAttribute("data-decode-url"), {
        method: "POST", body: blob, credentials: "same-origin",
        headers: {"Content-Type": "image/jpeg", "X-CSRFToken": root.getAttribute("data-csrf")}
      }).then(function (r) { return r.json(); })
        .then(function (answer) { if (answer && answer.text) { open(answer.text); } })
        .catch(function () { /* a lost frame: the next one is read */ })
        .then(function () { busy = false; });
    }, "image/jpeg", 0.9);
  }

  function applyTorch() {
    if (!track) { return; }
    var caps = track.getCapabilities ? track.getCapabilities() : {};
    if (caps.torch) {
      track.applyConstraints({advanced: [{torch: torch.checked}]}).catch(function (e) { showError(String(e)); });
    } else {
      showError(torch.checked ? "This browser does not support native flashlight" : "");
    }
  }

  if (!navigator.mediaDevices || !navigator.mediaDevices.getUserMedia) {
    showError("This browser does not support camera API");
    return;
  }
  navigator.mediaDevices.getUserMedia({video: {facingMode: "environment"}}).then(function (stream) {
    hidden.srcObject = stream;
    preview.srcObject = stream;
    track = stream.getVideoTracks()[0];
    preview.play().catch(function () {});
    window.setInterval(read, INTERVAL_MS);
  }).catch(function (e) { showError(String(e && e.name ? e.name + ": " + e.message : e)); });
  torch.addEventListener("change", applyTorch);
})();

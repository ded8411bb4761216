/* The guard's scanner (containers/Scan.jsx): the rear camera's frames are read for a QR code.
   The platform decodes in the browser; this app sends frames to /scan/decode (zxing-cpp). A code
   whose host is not this page's host is refused, as the platform refuses it; a good one opens its
   address on this site (the platform navigates to the code as written, see docs/parity). */
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

  function open(data) {
    // The platform's check: the third "/"-segment must be this page's hostname (no port).
    if (String(data).split("/")[2] !== window.location.hostname) {
      showError("Invalid QRCode Data");
      return;
    }
    var target;
    try { target = new URL(data); } catch (e) { showError("Invalid QRCode Data"); return; }
    done = true;
    if (track) { track.stop(); }
    root.hidden = true;
    document.getElementById("scan-decoding").hidden = false;
    window.location.assign(target.pathname + target.search + target.hash);
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

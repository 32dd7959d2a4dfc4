// Check-in at the venue: camera scanning (BarcodeDetector) and a queue of scans kept on the phone
// while the network is down. Without this script the page still works through its forms.
(function () {
  "use strict";

  var root = document.getElementById("checkin");
  if (!root) { return; }
  var form = document.getElementById("checkin-code-form");
  var result = document.getElementById("checkin-result");
  var queueNote = document.getElementById("checkin-queue");
  var csrf = form.querySelector("input[name=csrfmiddlewaretoken]").value;
  var queueName = root.dataset.queueName;
  var sending = false;

  function newKey() {
    if (window.crypto && crypto.randomUUID) { return crypto.randomUUID(); }
    var bytes = crypto.getRandomValues(new Uint8Array(16));
    bytes[6] = (bytes[6] & 0x0f) | 0x40;
    bytes[8] = (bytes[8] & 0x3f) | 0x80;
    var hex = Array.prototype.map.call(bytes, function (b) { return (b + 0x100).toString(16).slice(1); }).join("");
    return [hex.slice(0, 8), hex.slice(8, 12), hex.slice(12, 16), hex.slice(16, 20), hex.slice(20)].join("-");
  }

  function readQueue() {
    try { return JSON.parse(localStorage.getItem(queueName) || "[]"); } catch (error) { return []; }
  }

  function writeQueue(queue) {
    localStorage.setItem(queueName, JSON.stringify(queue));
    queueNote.hidden = queue.length === 0;
    queueNote.textContent = root.dataset.msgWaiting + " " + queue.length;
  }

  function say(text) {
    var p = document.createElement("p");
    p.className = "checkin-result checkin-result--warn";
    p.textContent = text;
    result.replaceChildren(p);
  }

  function post(scan) {
    return fetch(root.dataset.scanUrl, {
      method: "POST",
      credentials: "same-origin",
      headers: { "Content-Type": "application/json", "X-CSRFToken": csrf },
      body: JSON.stringify(scan)
    });
  }

  function show(response) {
    return response.json().then(function (data) {
      if (data.html) {
        // The server's own escaped fragment (the same partial as the page without script).
        result.innerHTML = data.html;
      } else {
        say(data.message || root.dataset.msgError);
      }
    });
  }

  function enqueue(scan) {
    var queue = readQueue();
    queue.push(scan);
    writeQueue(queue);
    say(root.dataset.msgQueued);
  }

  // Scans made offline, oldest first; each keeps its key, so one resent after a lost answer is
  // recognised by the server instead of being counted again.
  function flush() {
    if (sending || !navigator.onLine) { return; }
    var queue = readQueue();
    if (!queue.length) { return; }
    sending = true;
    post(queue[0]).then(function (response) {
      // Answered (recorded, already, refused): it leaves the queue either way.
      writeQueue(readQueue().filter(function (scan) { return scan.key !== queue[0].key; }));
      sending = false;
      if (readQueue().length) { flush(); } else { say(root.dataset.msgSent); }
      return response;
    }, function () {
      sending = false;
    });
  }

  function submit(code) {
    code = (code || "").trim();
    if (!code) { return; }
    var scan = { code: code, key: newKey(), at: new Date().toISOString() };
    if (!navigator.onLine) { enqueue(scan); return; }
    post(scan).then(show, function () { enqueue(scan); });
  }

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    var input = form.querySelector("input[name=code]");
    submit(input.value);
    input.value = "";
    input.focus();
  });

  window.addEventListener("online", flush);
  writeQueue(readQueue());
  flush();

  // The camera, where the browser can read QR codes itself.
  if (!("BarcodeDetector" in window) || !navigator.mediaDevices) { return; }
  var camera = document.getElementById("checkin-camera");
  var video = document.getElementById("checkin-video");
  var lastCode = "";
  var lastAt = 0;
  camera.hidden = false;
  document.getElementById("checkin-camera-start").addEventListener("click", function (event) {
    var button = event.currentTarget;
    var detector = new window.BarcodeDetector({ formats: ["qr_code"] });
    navigator.mediaDevices.getUserMedia({ video: { facingMode: "environment" }, audio: false }).then(function (stream) {
      button.hidden = true;
      video.hidden = false;
      video.srcObject = stream;
      return video.play().then(function () {
        function tick() {
          detector.detect(video).then(function (codes) {
            var now = Date.now();
            // The same code stays in front of the camera for a while: read it once.
            if (codes.length && (codes[0].rawValue !== lastCode || now - lastAt > 5000)) {
              lastCode = codes[0].rawValue;
              lastAt = now;
              submit(lastCode);
            }
          }).catch(function () {}).then(function () { window.requestAnimationFrame(tick); });
        }
        tick();
      });
    }).catch(function () {
      say(root.dataset.msgCameraError);
    });
  });
})();

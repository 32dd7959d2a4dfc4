// The photo viewer: the arrow keys follow the page's previous/next links.
(function () {
  "use strict";
  document.addEventListener("keydown", function (event) {
    if (event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) {
      return;
    }
    var target = event.target;
    if (target && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName))) {
      return;
    }
    var rel = { ArrowLeft: "prev", ArrowRight: "next" }[event.key];
    var link = rel && document.querySelector(".prev-next a[rel=" + rel + "]");
    if (link) {
      event.preventDefault();
      link.click();
    }
  });
  // Tells a test (and anyone curious) that the keys work now: the script is deferred.
  document.documentElement.dataset.photoViewer = "ready";
})();

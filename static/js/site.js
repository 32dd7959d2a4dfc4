// Small enhancements; every page works without them.
(function () {
  "use strict";

  // Keep the visitor on the same item (#recommendation-12) when switching languages: the
  // switcher's links carry the path and query string, the browser never sends the fragment.
  var keepHash = document.querySelectorAll("a[data-keep-hash]");
  function copyHash() {
    keepHash.forEach(function (link) { link.hash = window.location.hash; });
  }
  copyHash();
  window.addEventListener("hashchange", copyHash);

  // "#" links next to numbered items copy the item's address as well as following it.
  document.querySelectorAll("a[data-copy-link]").forEach(function (link) {
    link.addEventListener("click", function () {
      if (navigator.clipboard && window.isSecureContext) {
        navigator.clipboard.writeText(link.href).then(function () {
          link.classList.add("is-copied");
          window.setTimeout(function () { link.classList.remove("is-copied"); }, 1500);
        });
      }
    });
  });
})();

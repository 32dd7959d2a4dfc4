// Small enhancements; every page works without them.
(function () {
  "use strict";

  // Keep the visitor on the same item (#recommendation-12) when switching languages.
  document.querySelectorAll("form[data-keep-hash]").forEach(function (form) {
    form.addEventListener("submit", function () {
      var next = form.querySelector("input[name=next]");
      if (next && window.location.hash) {
        next.value = next.value.split("#")[0] + window.location.hash;
      }
    });
  });

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

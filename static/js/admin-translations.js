// The admin's language tabs (modeltranslation's, built on page load): a tab whose language lacks a
// text that is required or that another language already has gets a mark, with the reason in
// its title and for screen readers. Marks follow what staff type. No inline script (CSP).
(function () {
  "use strict";

  function isEmpty(field) {
    // The rich text editor leaves "<p></p>" in an emptied body.
    return field.value.replace(/<[^>]*>/g, "").replace(/&nbsp;/g, " ").trim() === "";
  }

  function groups() {
    const byName = new Map();
    document.querySelectorAll("[data-translation-of][data-language]").forEach(function (field) {
      const suffix = "_" + field.dataset.language.replace("-", "_");
      const key = field.name.endsWith(suffix) ? field.name.slice(0, -suffix.length) : field.name;
      if (!byName.has(key)) byName.set(key, []);
      byName.get(key).push(field);
    });
    return byName;
  }

  function tabOf(field) {
    const link = document.querySelector('a[href="#tab_' + CSS.escape(field.id) + '"]');
    return link ? link.closest("li") : null;
  }

  function mark(tab, field, missing) {
    tab.classList.toggle("translation-missing", missing);
    const link = tab.querySelector("a");
    let note = link.querySelector(".translation-missing__note");
    if (missing && !note) {
      note = document.createElement("span");
      note.className = "translation-missing__note";
      note.textContent = field.dataset.missingText;
      link.appendChild(note);
    } else if (!missing && note) {
      note.remove();
    }
    if (!link.dataset.baseTitle) link.dataset.baseTitle = link.title || "";
    link.title = missing ? link.dataset.baseTitle + ": " + field.dataset.missingText : link.dataset.baseTitle;
  }

  function update() {
    groups().forEach(function (fields) {
      const written = fields.filter(function (field) { return !isEmpty(field); });
      const required = fields.some(function (field) { return "translationRequired" in field.dataset; });
      fields.forEach(function (field) {
        const tab = tabOf(field);
        if (tab) mark(tab, field, isEmpty(field) && (written.length > 0 || required));
      });
    });
  }

  // Whole panels (every field of a language) are marked per tab; a change anywhere may change them.
  let pending = false;
  function schedule() {
    if (pending) return;
    pending = true;
    window.requestAnimationFrame(function () {
      pending = false;
      update();
    });
  }

  window.addEventListener("load", function () {
    update();
    document.addEventListener("input", schedule);
    document.addEventListener("change", schedule);
    document.addEventListener("focusout", schedule);
  });
})();

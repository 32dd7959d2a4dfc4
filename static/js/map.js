// Draws the venue map where a page has <div data-map>. Without scripts or tiles, the page
// still shows the address and a plain link to the map.
(function () {
  "use strict";
  // Without a network (or on a copy saved on the phone) the tiles cannot load: the plan drawn
  // from coordinates above the map (forum/venue_plan.py) stands in for it.
  if (typeof L === "undefined" || !navigator.onLine || document.documentElement.hasAttribute("data-saved-copy")) {
    return;
  }
  // Leaflet looks for its default marker next to its own files by their plain names, which the
  // hashed static names of production do not have: the page gives the icon's real URLs.
  function markerIcon(element) {
    return L.icon(
      Object.assign({}, L.Icon.Default.prototype.options, {
        iconUrl: element.dataset.icon,
        iconRetinaUrl: element.dataset.icon2x,
        shadowUrl: element.dataset.iconShadow,
      }),
    );
  }
  // Leaflet reads strings as HTML; text from the page (staff content) is escaped or given as a
  // text node, never parsed.
  function escaped(text) {
    var holder = document.createElement("span");
    holder.textContent = text || "";
    return holder.innerHTML;
  }
  document.querySelectorAll("[data-map]").forEach(function (element) {
    var lat = parseFloat(element.dataset.lat);
    var lng = parseFloat(element.dataset.lng);
    if (isNaN(lat) || isNaN(lng)) {
      return;
    }
    element.hidden = false;
    var map = L.map(element, { scrollWheelZoom: false }).setView([lat, lng], 16);
    L.tileLayer(element.dataset.tiles, {
      maxZoom: 19,
      attribution: escaped(element.dataset.attribution),
    }).addTo(map);
    L.marker([lat, lng], { alt: element.dataset.label, icon: markerIcon(element) })
      .addTo(map)
      .bindPopup(document.createTextNode(element.dataset.label));
  });
})();

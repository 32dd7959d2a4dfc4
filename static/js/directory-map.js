// Draws the associations of the directory page on a map where it has <div data-directory-map>.
// Without scripts or tiles, the page still lists every association by country.
(function () {
  "use strict";
  if (typeof L === "undefined") {
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
  // Leaflet reads strings as HTML: text is escaped or given as a text node, never parsed.
  function escaped(text) {
    var holder = document.createElement("span");
    holder.textContent = text || "";
    return holder.innerHTML;
  }
  document.querySelectorAll("[data-directory-map]").forEach(function (element) {
    var source = document.getElementById(element.dataset.points);
    var points = source ? JSON.parse(source.textContent) : [];
    if (!points.length) {
      return;
    }
    element.hidden = false;
    var map = L.map(element, { scrollWheelZoom: false });
    L.tileLayer(element.dataset.tiles, {
      maxZoom: 19,
      attribution: escaped(element.dataset.attribution),
    }).addTo(map);
    var bounds = [];
    var icon = markerIcon(element);
    points.forEach(function (point) {
      // bindPopup with a text node: names are never parsed as HTML.
      L.marker([point.lat, point.lng], { alt: point.name, icon: icon })
        .addTo(map)
        .bindPopup(document.createTextNode(point.name));
      bounds.push([point.lat, point.lng]);
    });
    if (bounds.length === 1) {
      map.setView(bounds[0], 10);
    } else {
      map.fitBounds(bounds, { padding: [20, 20] });
    }
  });
})();

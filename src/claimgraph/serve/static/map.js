// World map of mentioned places: the bundled world-atlas outline (TopoJSON, decoded by the
// bundled topojson-client) drawn as SVG paths in an equirectangular projection, and one dot
// per geocoded place from /api/places. Place names come from articles: textContent only.
(function () {
  "use strict";
  var SVG = "http://www.w3.org/2000/svg";
  var W = 960, H = 480;
  var svg = document.getElementById("map-svg");
  var label = document.getElementById("map-label");
  var list = document.getElementById("place-list");

  function project(lon, lat) { return [(lon + 180) / 360 * W, (90 - lat) / 180 * H]; }

  // A ring crossing the antimeridian (Chukotka, Fiji) is unwrapped into continuous
  // longitudes, drawn, and drawn again shifted by 360 degrees: the SVG viewport clips each copy
  // at the map's edge, so no stray band crosses the map.
  function unwrap(ring) {
    var out = [], offset = 0, prev = null;
    ring.forEach(function (pt) {
      if (prev !== null) {
        var step = pt[0] + offset - prev;
        if (step > 180) offset -= 360;
        else if (step < -180) offset += 360;
      }
      prev = pt[0] + offset;
      out.push([prev, pt[1]]);
    });
    return out;
  }

  function ringD(ring, shift) {
    return ring.map(function (pt, i) {
      var xy = project(pt[0] + shift, pt[1]);
      return (i ? "L" : "M") + xy[0].toFixed(1) + "," + xy[1].toFixed(1);
    }).join("") + "Z";
  }

  function ringPath(ring) {
    var lons = unwrap(ring), d = ringD(lons, 0);
    var min = Math.min.apply(null, lons.map(function (p) { return p[0]; }));
    var max = Math.max.apply(null, lons.map(function (p) { return p[0]; }));
    if (max > 180) d += ringD(lons, -360);
    if (min < -180) d += ringD(lons, 360);
    return d;
  }

  function geometryPath(geom) {
    if (!geom) return "";
    var polys = geom.type === "Polygon" ? [geom.coordinates] :
      geom.type === "MultiPolygon" ? geom.coordinates : [];
    return polys.map(function (poly) { return poly.map(ringPath).join(""); }).join("");
  }

  function drawLand(world) {
    var countries = topojson.feature(world, world.objects.countries);
    var g = document.createElementNS(SVG, "g");
    countries.features.forEach(function (f) {
      var path = document.createElementNS(SVG, "path");
      path.setAttribute("class", "land");
      path.setAttribute("d", geometryPath(f.geometry));
      var title = document.createElementNS(SVG, "title");
      title.textContent = (f.properties && f.properties.name) || "";
      path.appendChild(title);
      g.appendChild(path);
    });
    svg.appendChild(g);
  }

  function drawPlaces(places) {
    var g = document.createElementNS(SVG, "g");
    places.forEach(function (p) {
      if (typeof p.lat !== "number" || typeof p.lon !== "number") return;
      var xy = project(p.lon, p.lat);
      var dot = document.createElementNS(SVG, "circle");
      dot.setAttribute("class", "dot");
      dot.setAttribute("cx", xy[0].toFixed(1));
      dot.setAttribute("cy", xy[1].toFixed(1));
      dot.setAttribute("r", (3 + 2.5 * Math.sqrt(p.mentions)).toFixed(1));
      dot.setAttribute("data-name", p.name);
      var title = document.createElementNS(SVG, "title");
      title.textContent = p.name + " \u2014 " + p.mentions + " mention(s) in " + p.documents + " article(s)";
      dot.appendChild(title);
      dot.addEventListener("mouseenter", function () {
        label.textContent = title.textContent;
        label.hidden = false;
      });
      g.appendChild(dot);
      var li = document.createElement("li");
      li.textContent = p.name + (p.country ? " (" + p.country + ")" : "") + " \u00b7 " + p.mentions;
      list.appendChild(li);
    });
    svg.appendChild(g);
  }

  function json(url) {
    return fetch(url).then(function (r) { return r.json(); });
  }

  json("/static/vendor/countries-110m.json").then(function (world) {
    drawLand(world);
    return json("/api/places?limit=500");
  }).then(function (envelope) {
    if (envelope.ok) drawPlaces(envelope.data);
    svg.setAttribute("data-ready", "1");
  });
})();

// Annotated article: hovering (or focusing) a highlighted piece of text lists every
// annotation covering it. Article text is untrusted: everything is written with textContent.
(function () {
  "use strict";
  var blob = document.getElementById("annotations");
  var panel = document.getElementById("details");
  if (!blob || !panel) return;
  var annotations = JSON.parse(blob.textContent);
  var active = null;

  function el(tag, cls, text) {
    var node = document.createElement(tag);
    if (cls) node.className = cls;
    if (text !== undefined && text !== null) node.textContent = String(text);
    return node;
  }

  function show(seg) {
    if (active) active.classList.remove("active");
    active = seg;
    seg.classList.add("active");
    panel.replaceChildren();
    seg.getAttribute("data-ann").split(" ").forEach(function (i) {
      var a = annotations[Number(i)];
      if (!a) return;
      var box = el("div", "ann k-" + a.kind);
      box.appendChild(el("h3", null, a.label));
      box.appendChild(el("div", "quote", "\u201c" + a.text + "\u201d"));
      var dl = el("dl");
      Object.keys(a.details).forEach(function (key) {
        dl.appendChild(el("dt", null, key));
        dl.appendChild(el("dd", null, a.details[key]));
      });
      box.appendChild(dl);
      panel.appendChild(box);
    });
    panel.hidden = false;
  }

  document.querySelectorAll("#article-text .seg").forEach(function (seg) {
    seg.tabIndex = 0;
    seg.addEventListener("mouseenter", function () { show(seg); });
    seg.addEventListener("focus", function () { show(seg); });
  });
})();

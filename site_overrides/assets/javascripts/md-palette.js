/* Material's inline palette restore (see partials/javascripts/palette.html) */
(function () {
  var p;
  try {
    p = __md_get("__palette");
  } catch (e) {
    return;
  }
  if (!p || !p.color) return;
  if (p.color.media === "(prefers-color-scheme)") {
    var light = matchMedia("(prefers-color-scheme: light)").matches;
    var input = document.querySelector("[data-md-color-media='(prefers-color-scheme: " + (light ? "light" : "dark") + ")']");
    ["media", "scheme", "primary", "accent"].forEach(function (k) {
      p.color[k] = input.getAttribute("data-md-color-" + k);
    });
  }
  Object.keys(p.color).forEach(function (k) {
    document.body.setAttribute("data-md-color-" + k, p.color[k]);
  });
})();

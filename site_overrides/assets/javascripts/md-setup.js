/* Material's inline start-up code (see partials/javascripts/base.html) */
(function (w) {
  w.__md_scope = new URL(document.currentScript.getAttribute("data-scope"), location);
  w.__md_hash = function (s) {
    return [].reduce.call(
      s,
      function (h, c) {
        return (h << 5) - h + c.charCodeAt(0);
      },
      0
    );
  };
  w.__md_get = function (k, s, t) {
    s = s || localStorage;
    t = t || w.__md_scope;
    return JSON.parse(s.getItem(t.pathname + "." + k));
  };
  w.__md_set = function (k, v, s, t) {
    s = s || localStorage;
    t = t || w.__md_scope;
    try {
      s.setItem(t.pathname + "." + k, JSON.stringify(v));
    } catch (e) {}
  };
  document.addEventListener("DOMContentLoaded", function () {
    var t = document.getElementById(location.hash.slice(1));
    if (t && t.name) t.checked = t.name.indexOf("__tabbed_") === 0;
  });
})(window);

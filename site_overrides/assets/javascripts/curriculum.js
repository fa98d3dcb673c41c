/* Starts the curriculum's small JS modules on every page, including pages swapped in by
   instant navigation. Each module registers itself in window.curriculumModules. */
(function () {
  "use strict";
  var registry = (window.curriculumModules = window.curriculumModules || {});
  function start() {
    var nodes = document.querySelectorAll("[data-module]");
    for (var i = 0; i < nodes.length; i++) {
      var node = nodes[i];
      var name = node.getAttribute("data-module");
      var mod = registry[name];
      if (!mod || node.hasAttribute("data-" + name + "-init")) continue;
      node.setAttribute("data-" + name + "-init", "");
      try {
        mod(node);
      } catch (err) {
        if (window.console) console.warn("curriculum: module " + name + " failed", err);
      }
    }
  }
  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(start);
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();

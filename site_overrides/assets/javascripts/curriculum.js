/* Starts the curriculum's small JS modules on every page, including pages swapped in by
   instant navigation. Each module registers itself in window.curriculumModules: a name
   runs once for each [data-module="name"] element; a name starting with "*" runs once per
   page on the whole document (e.g. marks in the navigation). */
(function () {
  "use strict";
  var registry = (window.curriculumModules = window.curriculumModules || {});
  function run(name, node) {
    try {
      registry[name](node);
    } catch (err) {
      if (window.console) console.warn("curriculum: module " + name + " failed", err);
    }
  }
  function start() {
    for (var name in registry) if (name.charAt(0) === "*") run(name, document);
    var nodes = document.querySelectorAll("[data-module]");
    for (var i = 0; i < nodes.length; i++) {
      var node = nodes[i];
      var name = node.getAttribute("data-module");
      var mod = registry[name];
      if (!mod || node.hasAttribute("data-" + name + "-init")) continue;
      node.setAttribute("data-" + name + "-init", "");
      run(name, node);
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

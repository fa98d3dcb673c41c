/* The component registry. Each component registers once:
     curriculum.component("quiz", function (root, config) { ... });
   and starts once per root ([data-module="quiz"], marked data-quiz-init), with config
   parsed from the root's one data-config attribute (JSON the renderer writes). Components
   start on load and again after each instant navigation (Material's document$). A page may
   load two bundles (instant navigation from a trainee page to a supervisor page): the first
   defines the registry, the second only adds its components and strings. */
(function (w) {
  "use strict";
  if (w.curriculum) return;
  var components = {};
  var strings = {};

  function format(text, vars) {
    return text.replace(/\{(\w+)\}/g, function (whole, name) {
      return vars && name in vars ? String(vars[name]) : whole;
    });
  }

  function configOf(root) {
    var text = root.getAttribute("data-config");
    if (!text) return {};
    try {
      return JSON.parse(text);
    } catch (err) {
      return {};
    }
  }

  function startAll(doc) {
    Object.keys(components).forEach(function (name) {
      var entry = components[name];
      [].forEach.call(doc.querySelectorAll(entry.selector), function (root) {
        var mark = "data-" + name + "-init";
        if (root.hasAttribute(mark)) return;
        root.setAttribute(mark, "");
        try {
          entry.start(root, configOf(root));
        } catch (err) {
          if (w.console) w.console.warn("curriculum: component " + name + " failed", err);
        }
      });
    });
  }

  w.curriculum = {
    /* selector: where the component starts; by default [data-module="<name>"]. */
    component: function (name, start, selector) {
      components[name] = { start: start, selector: selector || '[data-module="' + name + '"]' };
    },
    addStrings: function (more) {
      Object.keys(more).forEach(function (key) {
        strings[key] = more[key];
      });
    },
    /* A UI string from the catalogue, with {name} placeholders filled. */
    t: function (key, vars) {
      return key in strings ? format(strings[key], vars) : key;
    },
    start: function () {
      startAll(document);
    },
  };

  function boot() {
    if (w.document$ && typeof w.document$.subscribe === "function") {
      w.document$.subscribe(function () {
        startAll(document);
      });
    } else {
      startAll(document);
    }
  }
  if (typeof document === "undefined") return;
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", boot);
  else boot();
})(typeof window !== "undefined" ? window : globalThis);

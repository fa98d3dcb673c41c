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

  /* The plural category of n in the page's language (CLDR rules, by Intl.PluralRules). */
  function pluralOf(n) {
    var lang = (typeof document !== "undefined" && document.documentElement.lang) || "en";
    try {
      return new Intl.PluralRules(lang).select(n);
    } catch (err) {
      return n === 1 ? "one" : "other";
    }
  }

  /* The end of the brace group that opens at text[start]. */
  function closing(text, start) {
    var depth = 0;
    for (var i = start; i < text.length; i++) {
      if (text.charAt(i) === "{") depth++;
      else if (text.charAt(i) === "}" && --depth === 0) return i;
    }
    return -1;
  }

  /* "one {# item} other {# items}" -> the branch for n ("=0" exact matches first). */
  function branch(spec, n) {
    var options = {};
    var rest = spec;
    var open = rest.indexOf("{");
    while (open !== -1) {
      var end = closing(rest, open);
      if (end === -1) break;
      options[rest.slice(0, open).trim()] = rest.slice(open + 1, end);
      rest = rest.slice(end + 1);
      open = rest.indexOf("{");
    }
    var chosen = options["=" + n];
    if (chosen === undefined) chosen = options[pluralOf(n)];
    return chosen === undefined ? options.other || "" : chosen;
  }

  /* {name} placeholders, and {n, plural, one {...} other {...}} with # as the number. */
  function format(text, vars) {
    var out = "";
    var i = 0;
    while (i < text.length) {
      var end = text.charAt(i) === "{" ? closing(text, i) : -1;
      if (end === -1) {
        out += text.charAt(i);
        i += 1;
        continue;
      }
      var body = text.slice(i + 1, end);
      var plural = /^\s*(\w+)\s*,\s*plural\s*,([\s\S]*)$/.exec(body);
      if (plural && vars && plural[1] in vars) {
        var n = vars[plural[1]];
        out += format(branch(plural[2], n).replace(/#/g, String(n)), vars);
      } else if (/^\w+$/.test(body) && vars && body in vars) {
        out += String(vars[body]);
      } else {
        out += text.slice(i, end + 1);
      }
      i = end + 1;
    }
    return out;
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
    /* A UI string from the catalogue, with {name} placeholders and plurals filled. */
    t: function (key, vars) {
      return key in strings ? format(strings[key], vars) : key;
    },
    start: function () {
      startAll(document);
    },
    format: format,
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

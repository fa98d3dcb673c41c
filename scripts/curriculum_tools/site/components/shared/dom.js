/* DOM helpers every component uses: a node builder, polite announcements and the one error
   summary (the one confirmation dialog is in dialog.js, loaded where it is used). Text is
   only ever set as textContent. */
(function (curriculum) {
  "use strict";
  if (curriculum.dom) return;
  var count = 0;

  /* A new element under parent (when given), with text and attributes. */
  function node(tag, parent, text, attrs) {
    var el = document.createElement(tag);
    if (text != null) el.textContent = text;
    Object.keys(attrs || {}).forEach(function (name) {
      el.setAttribute(name, attrs[name]);
    });
    if (parent) parent.appendChild(el);
    return el;
  }

  /* Set a live region's text only when it changes, so it is announced once. */
  function say(el, text) {
    if (el.textContent !== text) el.textContent = text;
  }

  function uid(prefix) {
    count += 1;
    return prefix + "-" + count + "-" + Math.random().toString(36).slice(2, 7);
  }

  /* Scroll the field's legend (or label) into view and focus the field. */
  function goTo(field) {
    var group = field.closest("fieldset");
    var legend = group && group.querySelector("legend");
    (legend || field).scrollIntoView({ block: "start" });
    field.focus({ preventScroll: true });
  }

  /* The error summary: box gets a heading and one link per problem ({text, field}); a link
     scrolls to the field's legend and focuses the field. Empty problems hide the box. */
  function errorSummary(box, title, problems) {
    box.textContent = "";
    box.hidden = !problems.length;
    if (!problems.length) return;
    node("h3", box, title);
    var list = node("ul", box);
    problems.forEach(function (problem) {
      var item = node("li", list);
      if (!problem.field) return say(item, problem.text);
      var link = node("a", item, problem.text, { href: "#" + (problem.field.id || problem.field.closest("[id]").id) });
      link.addEventListener("click", function (ev) {
        ev.preventDefault();
        ev.stopPropagation(); // not to instant navigation, which would move focus later
        goTo(problem.field);
      });
    });
    box.focus();
  }

  /* A part of this page's code kept out of its bundle (the bundle's script tag names its
     address): loaded once; then(), when given, called once it has run. */
  var scripts = {};
  function script(src, then) {
    var entry = scripts[src];
    if (!entry) {
      entry = scripts[src] = { done: false, waiting: [] };
      node("script", document.body, null, { src: src }).addEventListener("load", function () {
        entry.done = true;
        entry.waiting.splice(0).forEach(function (f) {
          f();
        });
      });
    }
    if (!then) return;
    if (entry.done) then();
    else entry.waiting.push(then);
  }

  /* Code for root kept out of the bundle, at src: returns load(). A press of a button in
     root, or a submit, made before the code has run (here() false) is held, loads it, and is
     made again once ready() has run. */
  function later(root, src, here, ready) {
    var held = null;
    function load() {
      script(src, function () {
        if (ready) ready();
        var again = held;
        held = null;
        if (again && again.isConnected) {
          if (again.tagName === "FORM") again.requestSubmit();
          else again.click();
        }
      });
    }
    function hold(event) {
      var target = event.type === "submit" ? event.target : event.target.closest && event.target.closest("button");
      if (here() || !target) return;
      event.preventDefault();
      event.stopImmediatePropagation();
      held = target;
      load();
    }
    root.addEventListener("click", hold, true);
    root.addEventListener("submit", hold, true);
    return load;
  }

  /* The confirmation dialog (dialog.js, the address in the bundle's data-dialog): loaded on
     first use, then asked; dialog.js replaces this. */
  var bundle = typeof document !== "undefined" && document.currentScript;
  var dialog = bundle && bundle.dataset.dialog;
  function confirm() {
    var args = arguments;
    if (!dialog) return;
    script(dialog, function () {
      if (curriculum.dom.confirm !== confirm) curriculum.dom.confirm.apply(null, args);
    });
  }

  curriculum.dom = {
    node: node,
    say: say,
    uid: uid,
    goTo: goTo,
    errorSummary: errorSummary,
    script: script,
    later: later,
    confirm: confirm,
  };
})(window.curriculum);

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

  curriculum.dom = { node: node, say: say, uid: uid, goTo: goTo, errorSummary: errorSummary };
})(window.curriculum);

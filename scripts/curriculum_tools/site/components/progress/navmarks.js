/* navmarks: a mark on completed modules in the navigation of every trainee page. Reads the
   quizzes' saved state (store kind "quiz"); a module is found in the navigation by its id,
   the last part of its address, so the marks survive the site moving to another path.
   Once a quiz has been saved, it loads spaced review's schedule (review/schedule.js, the
   address in its script's data-schedule), which shows how many questions are due. */
(function (curriculum) {
  "use strict";
  var t = curriculum.t;
  var schedule; // the schedule's address, from this script's data-schedule

  function passedAttempt(state) {
    var attempts = state && Array.isArray(state.attempts) ? state.attempts : [];
    return attempts
      .filter(function (a) {
        return a && a.passed;
      })
      .pop();
  }

  /* The module id a navigation link points to: the last part of its path, without
     index.html or .html ("../grief/gl-models/" and "grief/gl-models.html" -> "gl-models"). */
  function moduleOfPath(pathname) {
    var parts = pathname
      .replace(/\/index\.html$/, "/")
      .replace(/\.html$/, "")
      .split("/")
      .filter(Boolean);
    return parts.length ? decodeURIComponent(parts[parts.length - 1]) : "";
  }

  /* The module ids with a passed quiz, from the stored states (module id -> true). */
  function completed(states) {
    var done = {};
    states.forEach(function (state) {
      if (state && typeof state.module === "string" && passedAttempt(state)) done[state.module] = true;
    });
    return done;
  }

  function markNav(doc) {
    var store = curriculum.store;
    var ids = store.ids("quiz");
    var done = completed(
      ids.map(function (id) {
        return store.read("quiz", id).value;
      })
    );
    if (ids[0] && schedule && !curriculum.review) {
      curriculum.dom.script(schedule); // it starts itself
    }
    [].forEach.call(doc.querySelectorAll(".md-nav__link[href]"), function (a) {
      if (!done[moduleOfPath(a.pathname)] || a.querySelector(".cq-done")) return;
      curriculum.dom.node("span", a, t("progress.completed"), { class: "cq-done" });
    });
  }

  curriculum.progress = { passedAttempt: passedAttempt, moduleOfPath: moduleOfPath, completed: completed, markNav: markNav };
  if (typeof document === "undefined") return;
  var script = document.currentScript;
  schedule = script && script.dataset.schedule;

  curriculum.component(
    "navmarks",
    function () {
      markNav(document);
    },
    ".md-nav--primary"
  );
})(window.curriculum);

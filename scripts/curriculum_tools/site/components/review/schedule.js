/* schedule: spaced review's Leitner schedule, derived from every answer on record: the
   quizzes' attempts (store kind "quiz": each attempt keeps its points per question) and the
   Review page's answers (store kind "review": {answers: [{key, points, at}]}, key
   "<quiz id>/<question id>", at in ms). A question answered wrong or partly right goes to
   box 1; a right answer at or after its due time moves it up one box; a right answer in the
   last box retires it; a right answer before it is due changes nothing. Box n's days are how
   long until the question is due again. Shows how many questions are due on the
   navigation's link to the Review page and in every [data-review-due]. Loaded by the Review
   page and My progress, and by navmarks.js on other pages once a quiz has been saved. */
(function (curriculum) {
  "use strict";
  var DAYS = [1, 3, 7, 16, 35];
  var DAY = 864e5;

  /* The item after one answer of points (0..1) at time at: {box, due}, or null when the
     question is not (or no longer) to be reviewed. */
  function next(item, points, at) {
    if (points < 1) return { box: 1, due: at + DAYS[0] * DAY };
    if (!item || at < item.due) return item || null;
    if (item.box >= DAYS.length) return null;
    return { box: item.box + 1, due: at + DAYS[item.box] * DAY };
  }

  function isPoints(p) {
    return typeof p === "number" && p >= 0 && p <= 1;
  }

  /* Every answer on record, oldest first, {list: [{key, points, at}], dropped}: from the
     quizzes' attempts (quizStates: {quiz id: stored state}) and the Review page's answers
     (review: its stored state). Attempts without points (saved before review existed) are
     skipped; malformed attempts and answers are left out and counted in dropped. */
  function answersOf(quizStates, review) {
    var list = [];
    var dropped = 0;
    Object.keys(quizStates).forEach(function (quiz) {
      var state = quizStates[quiz];
      var attempts = state && Array.isArray(state.attempts) ? state.attempts : [];
      attempts.forEach(function (a) {
        if (!a || typeof a !== "object" || a.points == null) return;
        var at = Date.parse(a.date);
        var points = a.points;
        var ok =
          isFinite(at) &&
          typeof points === "object" &&
          Object.keys(points).every(function (q) {
            return isPoints(points[q]);
          });
        if (!ok) return dropped++;
        Object.keys(points).forEach(function (q) {
          list.push({ key: quiz + "/" + q, points: points[q], at: at });
        });
      });
    });
    var answers = review && Array.isArray(review.answers) ? review.answers : review == null ? [] : null;
    if (!answers) dropped++;
    (answers || []).forEach(function (a) {
      if (a && typeof a.key === "string" && a.key.indexOf("/") > 0 && isPoints(a.points) && typeof a.at === "number" && isFinite(a.at)) list.push(a);
      else dropped++;
    });
    list.sort(function (a, b) {
      return a.at - b.at;
    });
    return { list: list, dropped: dropped };
  }

  /* The schedule from answers, oldest first: {key: {box, due}}. */
  function schedule(list) {
    var items = {};
    list.forEach(function (a) {
      var item = next(items[a.key], a.points, a.at);
      if (item) items[a.key] = item;
      else delete items[a.key];
    });
    return items;
  }

  /* The keys due at now (due <= now), the longest overdue first. */
  function dueKeys(items, now) {
    return Object.keys(items)
      .filter(function (key) {
        return items[key].due <= now;
      })
      .sort(function (a, b) {
        return items[a].due - items[b].due;
      });
  }

  /* What this browser holds: {quizStates, review, notice} (notice: the review store's). */
  function load() {
    var store = curriculum.store;
    var quizStates = {};
    store.ids("quiz").forEach(function (id) {
      quizStates[id] = store.read("quiz", id).value;
    });
    var read = store.read("review");
    return { quizStates: quizStates, review: read.value, notice: read.notice };
  }

  /* The count of due questions on the navigation's links to the Review page and in every
     [data-review-due]. */
  function showDue(doc) {
    var held = load();
    var n = dueKeys(schedule(answersOf(held.quizStates, held.review).list), Date.now()).length;
    var t = curriculum.t;
    [].forEach.call(doc.querySelectorAll(".md-nav__link[href]"), function (a) {
      // the Review page's own link, not the links to its sections (its table of contents)
      if (a.hash || curriculum.progress.moduleOfPath(a.pathname) !== "review") return;
      var badge = a.querySelector(".cq-due") || curriculum.dom.node("span", a, null, { class: "cq-due" });
      badge.hidden = !n;
      badge.textContent = t("review.navDue", { n: n });
    });
    [].forEach.call(doc.querySelectorAll("[data-review-due]"), function (el) {
      el.textContent = t(n ? "review.due" : "review.noneDue", { n: n });
    });
  }

  var first = !curriculum.review; // the bundle runs again after each instant navigation
  curriculum.review = { DAYS: DAYS, DAY: DAY, next: next, answersOf: answersOf, schedule: schedule, dueKeys: dueKeys, load: load, showDue: showDue };
  if (typeof document === "undefined") return;
  if (first) {
    document.addEventListener("curriculum:quiz-checked", function () {
      showDue(document);
    });
  }
  curriculum.component(
    "reviewdue",
    function () {
      showDue(document);
    },
    ".md-nav--primary"
  );
  if (document.readyState !== "loading") curriculum.start(); // loaded by navmarks.js after the page
})(window.curriculum);

/* quiz: the component: check, score, give feedback, save answers and attempts in this browser. Enhances
   the HTML quiz/render.py writes (a fieldset per question); config (data-config): id,
   module, passMark, exam, partial, shuffle and key (question id -> {type, correct}).
   Ordering items are rendered in authored order and shuffled here only, once per attempt.
   Storage: store kind "quiz", {answers, orders, checked, attempts, module}; each attempt
   {date, score, total, percent, passed, points} (points per question: spaced review). */
(function (curriculum) {
  "use strict";
  var t = curriculum.t;
  var Q = curriculum.quiz; // questions.js and layout.js
  Q.interactive = true; // layout.js: the code is here
  if (typeof document === "undefined") return;
  var dom = curriculum.dom;
  var store = curriculum.store;

  function all(root, selector) {
    return [].slice.call(root.querySelectorAll(selector));
  }

  curriculum.component("quiz", function (root, config) {
    var key = config.key;
    var form = root.querySelector("form");
    var result = root.querySelector(".cq-quiz__result");
    var summary = root.querySelector(".cq-error-summary");
    var retry = root.querySelector(".cq-retry");
    var byId = {};
    var types = {};
    all(root, "fieldset.cq-question").forEach(function (fs) {
      var q = fs.getAttribute("data-question-id");
      byId[q] = fs;
      types[q] = fs.getAttribute("data-type");
    });
    var loaded = store.read("quiz", config.id);
    var state = Q.cleanState(loaded.value, types);
    var notices = [loaded.notice, state.dropped ? t("quiz.dropped", { n: state.dropped }) : ""].filter(Boolean);
    delete state.dropped;
    if (notices.length) form.before(dom.node("p", null, notices.join(" "), { class: "cq-notice", role: "status" }));

    function save() {
      state.module = config.module;
      if (!store.write("quiz", config.id, state)) result.textContent = t("quiz.notSaved");
    }
    /* Ordering items (and options, when the quiz shuffles) in a new order for an attempt. */
    function layout(fresh) {
      Object.keys(byId).forEach(function (q) {
        var list = byId[q].querySelector(".cq-order, .cq-options");
        if (!list) return;
        var attr = list.classList.contains("cq-order") ? "data-item-id" : "data-option-id";
        if (fresh || !state.orders[q]) {
          if (attr === "data-option-id" && !config.shuffle) return;
          var ids = Q.idsOf(list, attr);
          // laid out before this code arrived (layout.js): keep the order the trainee sees
          state.orders[q] = !fresh && laidOut ? ids : Q.shuffled(ids, attr === "data-item-id" ? key[q].correct : null);
        }
        Q.reorder(list, state.orders[q], attr);
      });
    }
    function lock(locked) {
      all(form, "input, select, .cq-order button").forEach(function (el) {
        el.disabled = locked;
      });
      retry.hidden = !locked;
      form.querySelector(".cq-check").hidden = locked;
    }
    function evaluate(record) {
      var outcome = Q.scoreQuiz(key, state.answers, config.partial, config.passMark);
      Object.keys(byId).forEach(function (q) {
        Q.reveal(byId[q], key[q], state.answers[q], outcome.points[q] || 0);
      });
      if (record) {
        state.attempts.push({
          date: new Date().toISOString(),
          score: outcome.score,
          total: outcome.total,
          percent: outcome.percent,
          passed: outcome.passed,
          points: outcome.points,
        });
        state.checked = true;
      }
      var best = state.attempts.reduce(function (b, a) {
        return a.percent > b ? a.percent : b;
      }, 0);
      var n = state.attempts.length;
      result.textContent =
        t(outcome.passed ? "quiz.passed" : "quiz.notPassed", { score: outcome.score, total: outcome.total, percent: outcome.percent, pass: config.passMark }) +
        " " +
        t(n > 1 ? "quiz.attemptBest" : "quiz.attempt", { n: n, best: best });
      result.setAttribute("data-passed", outcome.passed);
      lock(true);
      return outcome;
    }
    function update(target) {
      var fs = target.closest("fieldset.cq-question");
      if (!fs) return;
      var q = fs.getAttribute("data-question-id");
      var shown = Q.shownIn(fs);
      var value = Q.answerOf(types[q], shown);
      if (value == null) delete state.answers[q];
      else state.answers[q] = value;
      if (types[q] === "ordering") state.orders[q] = shown.order;
      save();
    }
    function again() {
      var kept = {};
      Object.keys(byId).forEach(function (q) {
        if (types[q] === "reflection" && state.answers[q]) kept[q] = state.answers[q];
      });
      state.answers = kept;
      state.checked = false;
      form.reset();
      Object.keys(byId).forEach(function (q) {
        Q.conceal(byId[q]);
      });
      Object.keys(kept).forEach(function (q) {
        Q.restore(byId[q], kept[q]);
      });
      layout(true);
      lock(false);
      summary.hidden = true;
      result.textContent = t("quiz.cleared");
      save();
      var first = form.querySelector("input, select, textarea");
      if (first) first.focus();
    }

    var laidOut = root.hasAttribute("data-laid-out");
    layout(false);
    Object.keys(state.answers).forEach(function (q) {
      Q.restore(byId[q], state.answers[q]);
    });
    // answers chosen before this code arrived (layout.js loads it on the first press)
    Object.keys(byId).forEach(function (q) {
      var value = state.answers[q] == null ? Q.answerOf(types[q], Q.shownIn(byId[q])) : null;
      if (value != null) state.answers[q] = value;
    });
    if (state.checked) evaluate(false);
    save();

    root.addEventListener("change", function (ev) {
      update(ev.target);
    });
    root.addEventListener("input", function (ev) {
      if (ev.target.tagName === "TEXTAREA") update(ev.target);
    });
    root.addEventListener("click", function (ev) {
      var button = ev.target.closest("button");
      if (!button) return;
      if (button.classList.contains("cq-hint__toggle")) {
        var hint = button.parentNode.querySelector(".cq-hint__text");
        var open = hint.hidden;
        hint.hidden = !open;
        button.setAttribute("aria-expanded", String(open));
        button.textContent = t(open ? "quiz.hideHint" : "quiz.showHint");
      } else if (button.closest(".cq-order__buttons")) {
        Q.move(button, update);
      } else if (button === retry) {
        again();
      }
    });
    form.addEventListener("submit", function (ev) {
      ev.preventDefault();
      if (config.exam) {
        var missing = Q.unanswered(key, state.answers).map(function (q) {
          var fs = byId[q];
          return {
            text: fs.querySelector(".cq-question__number").textContent.replace(/\.$/, ""),
            field: fs.querySelector("input, select, textarea, button"),
          };
        });
        dom.errorSummary(summary, t("quiz.answerEvery"), missing);
        if (missing.length) return;
      }
      var outcome = evaluate(true);
      save();
      if (curriculum.progress) curriculum.progress.markNav(document);
      root.dispatchEvent(new CustomEvent("curriculum:quiz-checked", { bubbles: true, detail: Q.checkedDetail(config, outcome) }));
      result.focus();
    });
  });
})(window.curriculum);

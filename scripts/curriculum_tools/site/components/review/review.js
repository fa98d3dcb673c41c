/* review: the Review page. The build renders every scored question of every quiz, each in
   a <template>, with the quiz's own renderer (review/render.py); this puts into the page
   the ones due now by the schedule (schedule.js, derived from the quizzes' attempts and
   this page's answers), checks each answer with the quiz's own scoring and feedback
   (curriculum.quiz), and saves it (store kind "review"). config (data-config): {quizzes:
   {quiz id: {partial, passMark, key}}}. Nothing leaves the browser. */
(function (curriculum) {
  "use strict";
  var t = curriculum.t;
  var R = curriculum.review;

  /* Whether a quiz state's last checked attempt has no points (saved before review existed). */
  function lacksPoints(saved) {
    var attempts = saved && Array.isArray(saved.attempts) ? saved.attempts : [];
    var last = attempts[attempts.length - 1];
    return !!saved && saved.checked === true && !!last && typeof last === "object" && last.points == null;
  }

  /* Quiz states whose last checked attempt has no points get them from the saved answers
     and the answer key, as the quiz scored them (the quiz's questions.js does the scoring). */
  function withPoints(quizStates, quizzes) {
    var out = {};
    Object.keys(quizStates).forEach(function (id) {
      var saved = quizStates[id];
      var quiz = quizzes[id];
      out[id] = saved;
      if (!quiz || !lacksPoints(saved)) return;
      var attempts = saved.attempts;
      var last = attempts[attempts.length - 1];
      var types = {};
      Object.keys(quiz.key).forEach(function (q) {
        types[q] = quiz.key[q].type;
      });
      var answers = curriculum.quiz.cleanState(saved, types).answers;
      var points = curriculum.quiz.scoreQuiz(quiz.key, answers, quiz.partial, quiz.passMark).points;
      out[id] = Object.assign({}, saved, { attempts: attempts.slice(0, -1).concat([Object.assign({}, last, { points: points })]) });
    });
    return out;
  }

  /* The schedule without the questions the page does not have: {items, gone}. */
  function known(items, keys) {
    var out = {};
    var gone = 0;
    Object.keys(items).forEach(function (key) {
      if (keys[key]) out[key] = items[key];
      else gone++;
    });
    return { items: out, gone: gone };
  }

  /* What the page says after an answer: a catalogue key and its values. */
  function outcome(points, item, now) {
    if (!item) return { key: "review.learned", vars: {} };
    var result = points === 1 ? "right" : points > 0 ? "partial" : "wrong";
    return { key: "review.outcome." + result, vars: { box: item.box, days: Math.round((item.due - now) / R.DAY), date: day(item.due) } };
  }

  function day(ms) {
    return new Date(ms).toLocaleDateString(undefined, { day: "numeric", month: "short", year: "numeric" });
  }

  curriculum.reviewPage = { withPoints: withPoints, known: known, outcome: outcome };
  if (typeof document === "undefined") return;
  var dom = curriculum.dom;
  var store = curriculum.store;
  var quiz = curriculum.quiz; // order.js here; questions.js (checking, scoring) loads on first use
  var script = document.currentScript;
  var address = script && script.dataset.questions; // questions.js: checking and scoring

  function all(root, selector) {
    return [].slice.call(root.querySelectorAll(selector));
  }

  curriculum.component("review", function (root, config) {
    var loaded = R.load();
    if (!quiz.scoreQuiz && address && Object.values(loaded.quizStates).some(lacksPoints)) {
      return curriculum.dom.script(address, function () {
        start(root, config, loaded);
      });
    }
    start(root, config, loaded);
  });

  function start(root, config, held) {
    var quizzes = config.quizzes || {};
    var summary = root.querySelector(".cq-review__summary");
    var templates = {}; // question key -> its <template>
    all(root, "template").forEach(function (template) {
      templates[template.getAttribute("data-key")] = template;
    });
    var review = held.review && Array.isArray(held.review.answers) ? held.review : { answers: [] };
    var items;

    /* The schedule from everything on record: {items, dropped, gone}. */
    function current() {
      var answers = R.answersOf(withPoints(held.quizStates, quizzes), held.review);
      var kept = known(R.schedule(answers.list), templates);
      return { items: kept.items, dropped: answers.dropped, gone: kept.gone };
    }
    function describe(now) {
      var due = R.dueKeys(items, now).length;
      var later = Object.keys(items)
        .map(function (key) {
          return items[key].due;
        })
        .filter(function (due) {
          return due > now;
        })
        .sort(function (a, b) {
          return a - b;
        });
      var text = t(due ? "review.summary" : "review.summaryNone", { n: due });
      if (later.length) text += " " + t("review.later", { n: later.length, date: day(later[0]) });
      dom.say(summary, text);
      R.showDue(document);
    }

    var now = Date.now();
    var first = current();
    items = first.items;
    var notices = [held.notice];
    if (first.dropped) notices.push(t("review.dropped", { n: first.dropped }));
    if (first.gone) notices.push(t("review.gone", { n: first.gone }));
    notices = notices.filter(Boolean);
    if (notices.length) summary.before(dom.node("p", null, notices.join(" "), { class: "cq-notice", role: "status" }));

    R.dueKeys(items, now).forEach(function (key) {
      var template = templates[key];
      var el = template.content.firstElementChild; // its article (render.py), moved into the page
      var fs = el.querySelector("fieldset");
      var list = fs.querySelector(".cq-order");
      if (list) {
        var entry = quizzes[el.getAttribute("data-quiz")].key[fs.getAttribute("data-question-id")];
        quiz.reorder(list, quiz.shuffled(quiz.idsOf(list, "data-item-id"), entry.correct), "data-item-id"); // order.js
      }
      template.parentNode.appendChild(el); // the longest overdue first
      template.parentNode.hidden = false; // its track's section
    });
    describe(now);
    if (!quiz.answerOf && address) {
      dom.later(root, address, function () {
        return !!quiz.answerOf;
      });
    }

    root.addEventListener("click", function (ev) {
      var button = ev.target.closest("button");
      if (!button) return;
      if (button.classList.contains("cq-hint__toggle")) {
        var hint = button.parentNode.querySelector(".cq-hint__text");
        hint.hidden = !hint.hidden;
        button.setAttribute("aria-expanded", String(!hint.hidden));
        button.textContent = t(hint.hidden ? "quiz.showHint" : "quiz.hideHint");
      } else if (button.closest(".cq-order__buttons")) quiz.move(button, function () {});
    });
    root.addEventListener("submit", function (ev) {
      ev.preventDefault();
      var el = ev.target.closest(".cq-review__item");
      var key = el.getAttribute("data-key");
      var fs = el.querySelector("fieldset");
      var settings = quizzes[el.getAttribute("data-quiz")];
      var entry = settings.key[fs.getAttribute("data-question-id")];
      var said = el.querySelector(".cq-review__outcome");
      var value = quiz.answerOf(entry.type, quiz.shownIn(fs));
      if (value == null) {
        said.textContent = t("review.answerFirst");
        return said.focus();
      }
      var points = quiz.score(entry, value, settings.partial);
      quiz.reveal(fs, entry, value, points);
      all(el, "input, select, button").forEach(function (input) {
        input.disabled = true;
      });
      var at = Date.now();
      review.answers.push({ key: key, points: points, at: at });
      var saved = store.write("review", "", review);
      held.review = review;
      items = current().items;
      var said2 = outcome(points, items[key], at);
      said.textContent = t(said2.key, said2.vars) + (saved ? "" : " " + t("review.notSaved"));
      describe(at);
      said.focus();
    });
  }
})(window.curriculum);

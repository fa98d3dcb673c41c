/* quiz questions: the logic of checking, scoring and keeping a quiz's answers, and the
   views of its questions (what a question shows, restore, reveal, conceal, move), shared by
   the quiz (quiz.js) and the Review page (review.js). Pure functions first: node unit tests
   load them without a DOM. Shuffling and reordering are in order.js, which loads first. */
(function (curriculum) {
  "use strict";
  var t = curriculum.t;
  var quiz = (curriculum.quiz = curriculum.quiz || {});

  function all(root, selector) {
    return [].slice.call(root.querySelectorAll(selector));
  }
  function round(n) {
    return Math.round(n * 100) / 100;
  }
  function isText(x) {
    return typeof x === "string";
  }
  function isTextList(x) {
    return Array.isArray(x) && x.every(isText);
  }

  /* The answer from what the form shows ({checked, order, moved, pairs, text}); null when
     unanswered. */
  function answerOf(type, shown) {
    if (type === "ordering") return shown.moved ? shown.order : null;
    if (type === "matching") {
      var any = Object.keys(shown.pairs).some(function (k) {
        return shown.pairs[k];
      });
      return any ? shown.pairs : null;
    }
    if (type === "reflection") return shown.text.trim() ? shown.text : null;
    if (!shown.checked.length) return null;
    return type === "multiple_choice" ? shown.checked : shown.checked[0];
  }

  /* Whether a stored answer has the shape its question type needs. */
  function validAnswer(type, value) {
    if (type === "multiple_choice" || type === "ordering") return isTextList(value);
    if (type === "matching") {
      return (
        !!value &&
        typeof value === "object" &&
        !Array.isArray(value) &&
        Object.keys(value).every(function (k) {
          return isText(value[k]);
        })
      );
    }
    return isText(value);
  }

  /* One question's points: 0..1, with partial credit where the quiz allows it. */
  function score(entry, value, partial) {
    if (value == null) return 0;
    var correct = entry.correct;
    var right;
    if (entry.type === "true_false") return String(correct) === value ? 1 : 0;
    if (entry.type === "single_choice") return correct.indexOf(value) >= 0 ? 1 : 0;
    if (entry.type === "multiple_choice") {
      right = value.filter(function (v) {
        return correct.indexOf(v) >= 0;
      }).length;
      var wrong = value.length - right;
      if (right === correct.length && !wrong) return 1;
      return partial ? Math.max(0, (right - wrong) / correct.length) : 0;
    }
    if (entry.type === "ordering") {
      right = correct.filter(function (id, i) {
        return value[i] === id;
      }).length;
      return right === correct.length ? 1 : partial ? right / correct.length : 0;
    }
    if (entry.type === "matching") {
      var keys = Object.keys(correct);
      right = keys.filter(function (k) {
        return value[k] === correct[k];
      }).length;
      return right === keys.length ? 1 : partial ? right / keys.length : 0;
    }
    return 0;
  }

  /* The result of one attempt: points per scored question, total, percent, passed. */
  function scoreQuiz(key, answers, partial, passMark) {
    var ids = Object.keys(key);
    var points = {};
    var total = 0;
    ids.forEach(function (q) {
      points[q] = score(key[q], answers[q], partial);
      total += points[q];
    });
    total = round(total);
    var percent = ids.length ? Math.round((total / ids.length) * 100) : 100;
    return { points: points, score: total, total: ids.length, percent: percent, passed: percent >= passMark };
  }

  /* What a check tells listeners (LMS runtimes, review): the event
     "curriculum:quiz-checked" bubbles from the quiz root with this detail. raw counts
     points (partial credit included), max the scored questions, scaled is raw / max. */
  function checkedDetail(config, outcome) {
    return {
      quizId: config.id,
      moduleId: config.module,
      raw: outcome.score,
      max: outcome.total,
      scaled: outcome.total ? round(outcome.score / outcome.total) : 1,
      percent: outcome.percent,
      passMark: config.passMark,
      passed: outcome.passed,
      points: outcome.points,
    };
  }

  /* Questions an exam still needs: unanswered, or a matching question with a pair left open. */
  function unanswered(key, answers) {
    return Object.keys(key).filter(function (q) {
      var v = answers[q];
      if (v == null) return true;
      return (
        key[q].type === "matching" &&
        Object.keys(key[q].correct).some(function (k) {
          return !v[k];
        })
      );
    });
  }

  /* Stored state, kept field by field: answers of the wrong shape, orders of unknown
     questions and broken attempts are dropped; dropped says how many answers went. */
  function cleanState(value, types) {
    var state = value && typeof value === "object" && !Array.isArray(value) ? value : {};
    var out = { answers: {}, orders: {}, checked: state.checked === true, attempts: [], dropped: 0 };
    var answers = state.answers && typeof state.answers === "object" ? state.answers : {};
    Object.keys(answers).forEach(function (q) {
      if (!types[q]) return; // a question that no longer exists
      if (validAnswer(types[q], answers[q])) out.answers[q] = answers[q];
      else out.dropped++;
    });
    var orders = state.orders && typeof state.orders === "object" ? state.orders : {};
    Object.keys(orders).forEach(function (q) {
      if (types[q] && isTextList(orders[q])) out.orders[q] = orders[q];
    });
    out.attempts = (Array.isArray(state.attempts) ? state.attempts : []).filter(function (a) {
      return a && typeof a === "object" && typeof a.percent === "number" && typeof a.passed === "boolean";
    });
    return out;
  }

  Object.assign(quiz, {
    answerOf: answerOf,
    validAnswer: validAnswer,
    score: score,
    scoreQuiz: scoreQuiz,
    unanswered: unanswered,
    cleanState: cleanState,
    checkedDetail: checkedDetail,
    /* the question views (function declarations below, hoisted) */
    shownIn: shownIn,
    restore: restore,
    reveal: reveal,
    conceal: conceal,
    move: move,
  });
  if (typeof document === "undefined") return;
  var dom = curriculum.dom;

  function shownIn(fs) {
    var pairs = {};
    all(fs, "[data-pair-id]").forEach(function (row) {
      pairs[row.getAttribute("data-pair-id")] = row.querySelector("select").value;
    });
    var text = fs.querySelector("textarea");
    return {
      checked: all(fs, "input:checked").map(function (i) {
        return i.value;
      }),
      order: all(fs, "[data-item-id]").map(function (li) {
        return li.getAttribute("data-item-id");
      }),
      moved: fs.hasAttribute("data-moved"),
      pairs: pairs,
      text: text ? text.value : "",
    };
  }

  function restore(fs, value) {
    var type = fs.getAttribute("data-type");
    if (type === "matching") {
      all(fs, "[data-pair-id]").forEach(function (row) {
        var select = row.querySelector("select");
        var v = value[row.getAttribute("data-pair-id")];
        if (v && select.querySelector('option[value="' + CSS.escape(v) + '"]')) select.value = v;
      });
    } else if (type === "reflection") {
      fs.querySelector("textarea").value = value;
    } else if (type === "ordering") {
      fs.setAttribute("data-moved", "");
    } else {
      all(fs, "input").forEach(function (input) {
        input.checked = [].concat(value).indexOf(input.value) >= 0;
      });
    }
  }

  function mark(el, text, right) {
    var strong = el.querySelector(".cq-mark") || document.createElement("strong");
    strong.className = "cq-mark " + (right ? "cq-right" : "cq-wrong");
    strong.textContent = text + " ";
    if (!strong.parentNode) el.insertBefore(strong, el.firstChild);
  }

  /* Show what was right, the feedback of chosen options and the explanation. */
  function reveal(fs, entry, value, points) {
    fs.classList.add("cq-checked");
    all(fs, ".cq-explanation").forEach(function (e) {
      e.hidden = false;
    });
    if (!entry) return; // reflection
    if (entry.type === "matching") {
      all(fs, "[data-pair-id]").forEach(function (row) {
        var want = entry.correct[row.getAttribute("data-pair-id")];
        var select = row.querySelector("select");
        var ok = select.value === want;
        var note = row.querySelector(".cq-feedback") || dom.node("p", row, null, { class: "cq-feedback" });
        var right = select.querySelector('option[value="' + CSS.escape(want) + '"]');
        note.textContent = ok ? "" : t("quiz.rightMatch", { match: right.textContent });
        mark(note, t(ok ? "quiz.right" : "quiz.notRight"), ok);
      });
    } else if (entry.type === "ordering") {
      all(fs, "[data-item-id]").forEach(function (li, i) {
        var at = entry.correct.indexOf(li.getAttribute("data-item-id"));
        mark(li, at === i ? t("quiz.inPlace") : t("quiz.belongsAt", { n: at + 1 }), at === i);
      });
    } else {
      all(fs, ".cq-option").forEach(function (option) {
        var input = option.querySelector("input");
        var feedback = option.querySelector(".cq-feedback");
        var ok = feedback.getAttribute("data-correct") === "true";
        if (!input.checked && !ok) return;
        feedback.hidden = false;
        mark(feedback, t(input.checked ? (ok ? "quiz.yourRight" : "quiz.yourWrong") : "quiz.theRight"), ok);
      });
    }
    var result = value == null ? "unanswered" : points === 1 ? "right" : points > 0 ? "partial" : "wrong";
    fs.querySelector(".cq-question__status").textContent = t("quiz.status." + result, { points: round(points) });
    fs.setAttribute("data-result", result);
  }

  function conceal(fs) {
    fs.classList.remove("cq-checked");
    fs.removeAttribute("data-result");
    fs.removeAttribute("data-moved");
    all(fs, ".cq-explanation, .cq-feedback[data-correct]").forEach(function (e) {
      e.hidden = true;
    });
    all(fs, ".cq-mark, .cq-match .cq-feedback").forEach(function (e) {
      e.remove();
    });
    var status = fs.querySelector(".cq-question__status");
    if (status) status.textContent = "";
  }

  /* Move an ordering item up or down (its button says which), announce it, then moved(li). */
  function move(button, moved) {
    var li = button.closest("li");
    var list = li.parentNode;
    var up = button.classList.contains("cq-order__up");
    var fs = li.closest("fieldset");
    var live = fs.querySelector(".cq-order__live");
    var items = all(list, "li");
    var at = items.indexOf(li);
    var to = up ? at - 1 : at + 1;
    var text = li.querySelector(".cq-order__text").textContent;
    if (to < 0 || to >= items.length) {
      live.textContent = t(up ? "quiz.alreadyFirst" : "quiz.alreadyLast", { item: text });
      return;
    }
    list.insertBefore(li, up ? items[to] : items[to].nextSibling);
    button.focus();
    fs.setAttribute("data-moved", "");
    live.textContent = t("quiz.moved", { item: text, n: to + 1, of: items.length });
    moved(li);
  }
})(window.curriculum);

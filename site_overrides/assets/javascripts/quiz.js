/* Quizzes: check, score, give feedback, save answers and attempts in this browser.
   Enhances the HTML the build renders (fieldset per question, answer key in a JSON block).
   Storage: key "quiz:<id>", version 1, {answers, orders, checked, attempts, page}. */
(function () {
  "use strict";
  var VERSION = 1;
  var mods = (window.curriculumModules = window.curriculumModules || {});
  var store = window.curriculumStore;
  var all = function (root, sel) { return [].slice.call(root.querySelectorAll(sel)); };

  function shuffle(list) {
    for (var i = list.length - 1; i > 0; i--) {
      var j = Math.floor(Math.random() * (i + 1)), t = list[i];
      list[i] = list[j];
      list[j] = t;
    }
    return list;
  }
  function round(n) { return Math.round(n * 100) / 100; }

  /* Read the trainee's answer to one question from the form; null when unanswered. */
  function answerOf(fs) {
    var type = fs.getAttribute("data-type");
    if (type === "ordering") return fs.hasAttribute("data-moved") ? all(fs, "[data-item-id]").map(function (li) { return li.getAttribute("data-item-id"); }) : null;
    if (type === "matching") {
      var pairs = {}, any = false;
      all(fs, "select").forEach(function (s) {
        pairs[s.closest("[data-pair-id]").getAttribute("data-pair-id")] = s.value;
        if (s.value) any = true;
      });
      return any ? pairs : null;
    }
    if (type === "reflection") { var t = fs.querySelector("textarea").value; return t.trim() ? t : null; }
    var ids = all(fs, "input:checked").map(function (i) { return i.value; });
    if (!ids.length) return null;
    return type === "multiple_choice" ? ids : ids[0];
  }

  /* Put a saved answer back into the form. */
  function restore(fs, value) {
    var type = fs.getAttribute("data-type");
    if (type === "matching") {
      all(fs, "select").forEach(function (s) {
        var v = value[s.closest("[data-pair-id]").getAttribute("data-pair-id")];
        if (v && s.querySelector('option[value="' + CSS.escape(v) + '"]')) s.value = v;
      });
    } else if (type === "reflection") {
      fs.querySelector("textarea").value = String(value);
    } else if (type === "ordering") {
      fs.setAttribute("data-moved", "");
    } else {
      all(fs, "input").forEach(function (i) { i.checked = [].concat(value).indexOf(i.value) >= 0; });
    }
  }

  /* Score one question: 0..1, with partial credit where the quiz allows it. */
  function score(entry, value, partial) {
    if (value == null) return 0;
    var c = entry.correct, n, right;
    if (entry.type === "true_false") return String(c) === value ? 1 : 0;
    if (entry.type === "single_choice") return c.indexOf(value) >= 0 ? 1 : 0;
    if (entry.type === "multiple_choice") {
      right = value.filter(function (v) { return c.indexOf(v) >= 0; }).length;
      var wrong = value.length - right;
      if (right === c.length && !wrong) return 1;
      return partial ? Math.max(0, (right - wrong) / c.length) : 0;
    }
    if (entry.type === "ordering") {
      right = c.filter(function (id, i) { return value[i] === id; }).length;
      return right === c.length ? 1 : partial ? right / c.length : 0;
    }
    if (entry.type === "matching") {
      n = Object.keys(c);
      right = n.filter(function (k) { return value[k] === c[k]; }).length;
      return right === n.length ? 1 : partial ? right / n.length : 0;
    }
    return 0;
  }

  function mark(el, text, cls) {
    var s = el.querySelector(".cq-mark") || document.createElement("strong");
    s.className = "cq-mark " + cls;
    s.textContent = text + " ";
    if (!s.parentNode) el.insertBefore(s, el.firstChild);
  }

  /* Show what was right, the feedback of chosen options and the explanation. */
  function reveal(fs, entry, value, points) {
    var type = entry.type;
    fs.classList.add("cq-checked");
    all(fs, ".cq-explanation").forEach(function (e) { e.hidden = false; });
    if (type === "reflection") return;
    if (type === "matching") {
      all(fs, "[data-pair-id]").forEach(function (row) {
        var s = row.querySelector("select"), ok = s.value === entry.correct[row.getAttribute("data-pair-id")];
        var right = s.querySelector('option[value="' + CSS.escape(entry.correct[row.getAttribute("data-pair-id")]) + '"]');
        var note = row.querySelector(".cq-feedback") || row.appendChild(document.createElement("p"));
        note.className = "cq-feedback";
        note.textContent = ok ? "" : "The right match: " + right.textContent;
        mark(note, ok ? "Right." : "Not right.", ok ? "cq-right" : "cq-wrong");
      });
    } else if (type === "ordering") {
      all(fs, "[data-item-id]").forEach(function (li, i) {
        var at = entry.correct.indexOf(li.getAttribute("data-item-id"));
        mark(li, at === i ? "In place." : "Belongs at " + (at + 1) + ".", at === i ? "cq-right" : "cq-wrong");
      });
    } else {
      all(fs, ".cq-option").forEach(function (opt) {
        var input = opt.querySelector("input"), fb = opt.querySelector(".cq-feedback");
        var ok = fb.getAttribute("data-correct") === "true";
        if (!input.checked && !ok) return;
        fb.hidden = false;
        mark(fb, input.checked ? (ok ? "Your answer: right." : "Your answer: not right.") : "The right answer.", ok ? "cq-right" : "cq-wrong");
      });
    }
    var status = fs.querySelector(".cq-question__status");
    if (status) status.textContent = value == null ? "Not answered: 0 of 1 point." : points === 1 ? "Correct: 1 of 1 point." : points > 0 ? "Partly correct: " + round(points) + " of 1 point." : "Not correct: 0 of 1 point.";
    fs.setAttribute("data-result", value == null ? "unanswered" : points === 1 ? "right" : points > 0 ? "partial" : "wrong");
  }

  function conceal(fs) {
    fs.classList.remove("cq-checked");
    fs.removeAttribute("data-result");
    all(fs, ".cq-explanation, .cq-feedback[data-correct]").forEach(function (e) { e.hidden = true; });
    all(fs, ".cq-mark, .cq-match .cq-feedback").forEach(function (e) { e.parentNode.removeChild(e); });
    var status = fs.querySelector(".cq-question__status");
    if (status) status.textContent = "";
  }

  function reorder(container, ids, attr) {
    ids.forEach(function (id) {
      var el = container.querySelector("[" + attr + '="' + CSS.escape(id) + '"]');
      if (el) container.appendChild(el);
    });
  }

  mods.quiz = function (root) {
    var key = JSON.parse(root.getAttribute("data-key"));
    var id = root.getAttribute("data-quiz-id");
    var exam = root.getAttribute("data-mode") === "exam";
    var partial = root.getAttribute("data-partial") === "true";
    var shuffled = root.getAttribute("data-shuffle") === "true";
    var pass = Number(root.getAttribute("data-pass-mark"));
    var form = root.querySelector("form");
    var result = root.querySelector(".cq-quiz__result");
    var summary = root.querySelector(".cq-error-summary");
    var retry = root.querySelector(".cq-retry");
    var fieldsets = all(root, "fieldset.cq-question").filter(function (fs) { return key[fs.getAttribute("data-question-id")] || fs.getAttribute("data-type") === "reflection"; });
    var scored = fieldsets.filter(function (fs) { return fs.getAttribute("data-type") !== "reflection"; });
    var loaded = store.read("quiz:" + id, VERSION);
    var state = loaded.value && typeof loaded.value === "object" ? loaded.value : {};
    var known = {};
    fieldsets.forEach(function (fs) { known[fs.getAttribute("data-question-id")] = fs; });
    ["answers", "orders"].forEach(function (k) {
      var kept = {}, v = state[k] && typeof state[k] === "object" ? state[k] : {};
      Object.keys(v).forEach(function (q) { if (known[q]) kept[q] = v[q]; }); // questions that no longer exist are dropped
      state[k] = kept;
    });
    state.attempts = Array.isArray(state.attempts) ? state.attempts : [];
    if (loaded.notice) {
      var notice = document.createElement("p");
      notice.className = "cq-notice";
      notice.setAttribute("role", "status");
      notice.textContent = loaded.notice;
      root.insertBefore(notice, form);
    }

    function save() {
      state.page = location.pathname;
      if (!store.write("quiz:" + id, VERSION, state)) result.textContent = "Your answers could not be saved in this browser.";
    }
    function orderOf(fs) {
      return all(fs, "[data-item-id]").map(function (li) { return li.getAttribute("data-item-id"); });
    }
    function layout(fresh) {
      fieldsets.forEach(function (fs) {
        var q = fs.getAttribute("data-question-id"), list = fs.querySelector(".cq-order, .cq-options");
        if (!list) return;
        var attr = list.classList.contains("cq-order") ? "data-item-id" : "data-option-id";
        if (fresh && (attr === "data-item-id" || shuffled)) {
          var ids = all(list, "[" + attr + "]").map(function (el) { return el.getAttribute(attr); });
          var correct = (key[q] || {}).correct;
          do shuffle(ids); while (attr === "data-item-id" && ids.length > 1 && ids.join() === correct.join());
          state.orders[q] = ids;
        }
        if (state.orders[q]) reorder(list, state.orders[q], attr);
      });
    }
    function lock(locked) {
      all(form, "input, select, textarea, .cq-order button").forEach(function (el) {
        if (el.tagName !== "TEXTAREA") el.disabled = locked;
      });
      retry.hidden = !locked;
      form.querySelector(".cq-check").hidden = locked;
    }
    function evaluate(record) {
      var total = 0;
      fieldsets.forEach(function (fs) {
        var q = fs.getAttribute("data-question-id"), value = state.answers[q];
        var points = key[q] ? score(key[q], value, partial) : 0;
        total += points;
        reveal(fs, key[q] || { type: "reflection" }, value, points);
      });
      total = round(total);
      var percent = scored.length ? Math.round((total / scored.length) * 100) : 100;
      var passed = percent >= pass;
      if (record) {
        state.attempts.push({ date: new Date().toISOString(), score: total, total: scored.length, percent: percent, passed: passed });
        state.checked = true;
      }
      var best = state.attempts.reduce(function (b, a) { return a.percent > b ? a.percent : b; }, 0);
      result.textContent = total + " of " + scored.length + " (" + percent + "%), " + (passed ? "passed" : "not yet passed: the pass mark is " + pass + "%") + ". " +
        "Attempt " + state.attempts.length + (state.attempts.length > 1 ? "; your best is " + best + "%." : ".");
      result.setAttribute("data-passed", passed);
      lock(true);
    }

    layout(!state.orders || !Object.keys(state.orders).length || fieldsets.some(function (fs) { return fs.querySelector(".cq-order") && !state.orders[fs.getAttribute("data-question-id")]; }));
    Object.keys(state.answers).forEach(function (q) { restore(known[q], state.answers[q]); });
    if (state.checked) evaluate(false);
    save();

    summary.addEventListener("click", function (ev) {
      var a = ev.target.closest("a");
      if (!a) return;
      ev.preventDefault();
      ev.stopPropagation(); // or instant navigation jumps to the fragment later and takes focus away
      var fs = document.getElementById(decodeURIComponent(a.hash.slice(1)));
      fs.scrollIntoView();
      (fs.querySelector("input, select, textarea, button") || fs).focus();
    });
    root.addEventListener("change", function (ev) { update(ev.target); });
    root.addEventListener("input", function (ev) { if (ev.target.tagName === "TEXTAREA") update(ev.target); });
    function update(target) {
      var fs = target.closest && target.closest("fieldset.cq-question");
      if (!fs) return;
      var value = answerOf(fs), q = fs.getAttribute("data-question-id");
      if (value == null) delete state.answers[q]; else state.answers[q] = value;
      if (fs.getAttribute("data-type") === "ordering") state.orders[q] = orderOf(fs);
      save();
    }

    root.addEventListener("click", function (ev) {
      var btn = ev.target.closest("button");
      if (!btn || !root.contains(btn)) return;
      if (btn.classList.contains("cq-hint__toggle")) {
        var hint = document.getElementById(btn.getAttribute("aria-controls")), open = hint.hidden;
        hint.hidden = !open;
        btn.setAttribute("aria-expanded", String(open));
        btn.textContent = open ? "Hide hint" : "Show hint";
      } else if (btn.classList.contains("cq-order__up") || btn.classList.contains("cq-order__down")) {
        var li = btn.closest("li"), list = li.parentNode, up = btn.classList.contains("cq-order__up");
        var fs = li.closest("fieldset"), live = fs.querySelector(".cq-order__live"), items = all(list, "li");
        var at = items.indexOf(li), to = up ? at - 1 : at + 1, text = li.querySelector(".cq-order__text").textContent;
        if (to < 0 || to >= items.length) {
          live.textContent = "“" + text + "” is already " + (up ? "first." : "last.");
          return;
        }
        list.insertBefore(li, up ? items[to] : items[to].nextSibling);
        btn.focus();
        fs.setAttribute("data-moved", "");
        live.textContent = "“" + text + "” moved to position " + (to + 1) + " of " + items.length + ".";
        update(li);
      } else if (btn === retry) {
        var kept = {};
        fieldsets.forEach(function (fs) {
          var q = fs.getAttribute("data-question-id");
          if (fs.getAttribute("data-type") === "reflection" && state.answers[q]) kept[q] = state.answers[q];
        });
        state.answers = kept;
        state.checked = false;
        form.reset();
        Object.keys(kept).forEach(function (q) { restore(known[q], kept[q]); });
        fieldsets.forEach(function (fs) { conceal(fs); fs.removeAttribute("data-moved"); });
        layout(true);
        lock(false);
        summary.hidden = true;
        result.textContent = "Answers cleared for a new attempt.";
        save();
        var first = form.querySelector("input, select, textarea");
        if (first) first.focus();
      }
    });

    form.addEventListener("submit", function (ev) {
      ev.preventDefault();
      if (exam) {
        var missing = scored.filter(function (fs) {
          var q = fs.getAttribute("data-question-id"), v = state.answers[q];
          return v == null || (key[q].type === "matching" && Object.keys(key[q].correct).some(function (k) { return !v[k]; }));
        });
        if (missing.length) {
          summary.textContent = "";
          var h = summary.appendChild(document.createElement("h3"));
          h.textContent = "Answer every question before you submit. Not yet answered:";
          var ul = summary.appendChild(document.createElement("ul"));
          missing.forEach(function (fs) {
            var a = ul.appendChild(document.createElement("li")).appendChild(document.createElement("a"));
            a.href = "#" + fs.id;
            a.textContent = fs.querySelector(".cq-question__number").textContent.replace(/\.$/, "");
          });
          summary.hidden = false;
          summary.focus();
          return;
        }
        summary.hidden = true;
      }
      evaluate(true);
      save();
      if (mods["*nav"]) mods["*nav"](document);
      result.focus();
    });
  };
})();

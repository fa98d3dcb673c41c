/* transfer: "Take my progress with me". Exports every quiz's saved state (store kind "quiz")
   as one versioned JSON file (schemas/progress-export.schema.json) and imports such a file
   in another browser by merging, never by overwriting: attempts are united (the best one is
   always kept), answers fill only what is empty here, and every difference is listed.
   Works from file://: the file is read with a file input and saved through a Blob link;
   nothing is fetched. config (data-config): site, quizzes (quiz id -> {module, title,
   reflections: [question ids]}), maxBytes. */
(function (curriculum) {
  "use strict";
  var t = curriculum.t;
  var FORMAT = "curriculum-progress";
  var VERSION = 1;
  var MAX_BYTES = 5 * 1024 * 1024; // a real file is a few kilobytes; anything near this is not ours
  var ID = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,199}$/; // quiz and question ids: never __proto__ and friends
  var QUIZ_KEYS = ["answers", "attempts", "best", "checked", "module", "orders"];
  var ATTEMPT_KEYS = ["date", "passed", "percent", "points", "score", "total"]; // points: per question, 0..1 (spaced review)

  function has(obj, k) {
    return Object.prototype.hasOwnProperty.call(obj, k);
  }
  function isObject(x) {
    return !!x && typeof x === "object" && !Array.isArray(x);
  }
  function isText(x) {
    return typeof x === "string";
  }
  function isTextList(x) {
    return Array.isArray(x) && x.every(isText);
  }
  function isNumber(x) {
    return typeof x === "number" && isFinite(x);
  }

  /* JSON with every object's keys sorted, two-space indented, one final newline: the same
     data always gives the same bytes. */
  function canonical(value) {
    return JSON.stringify(sortKeys(value), null, 2) + "\n";
  }
  function sortKeys(value) {
    if (Array.isArray(value)) return value.map(sortKeys);
    if (!isObject(value)) return value;
    var out = {};
    Object.keys(value)
      .sort()
      .forEach(function (k) {
        if (value[k] !== undefined) out[k] = sortKeys(value[k]);
      });
    return out;
  }

  function cleanAttempt(a) {
    var out = {};
    ATTEMPT_KEYS.forEach(function (k) {
      if (a[k] !== undefined) out[k] = a[k];
    });
    return out;
  }

  /* Attempts of two histories, each once (same fields = same attempt), oldest first. */
  function uniteAttempts(a, b) {
    var seen = Object.create(null);
    var out = [];
    a.concat(b).forEach(function (attempt) {
      var clean = cleanAttempt(attempt);
      var k = canonical(clean);
      if (seen[k]) return;
      seen[k] = true;
      out.push({ key: k, attempt: clean });
    });
    out.sort(function (x, y) {
      var dx = String(x.attempt.date || "");
      var dy = String(y.attempt.date || "");
      if (dx !== dy) return dx < dy ? -1 : 1;
      return x.key < y.key ? -1 : x.key > y.key ? 1 : 0;
    });
    return out.map(function (x) {
      return x.attempt;
    });
  }

  /* The best attempt: highest percent, then the earliest; null without attempts. */
  function bestOf(attempts) {
    return attempts.reduce(function (best, a) {
      return !best || a.percent > best.percent ? a : best;
    }, null);
  }

  function pick(obj, keep) {
    var out = {};
    Object.keys(obj || {}).forEach(function (k) {
      if (keep(k)) out[k] = obj[k];
    });
    return out;
  }

  /* One quiz's stored state as the file holds it; reflections only when asked for. */
  function exportQuiz(state, reflections, withReflections) {
    var skip = Object.create(null);
    (reflections || []).forEach(function (q) {
      skip[q] = !withReflections;
    });
    var attempts = uniteAttempts(Array.isArray(state.attempts) ? state.attempts.filter(strictAttempt) : [], []);
    var out = {
      answers: pick(isObject(state.answers) ? state.answers : {}, function (q) {
        return !skip[q] && ID.test(q) && validAnswer(state.answers[q]);
      }),
      orders: pick(isObject(state.orders) ? state.orders : {}, function (q) {
        return ID.test(q) && isTextList(state.orders[q]);
      }),
      checked: state.checked === true,
      attempts: attempts,
      best: bestOf(attempts),
    };
    if (isText(state.module)) out.module = state.module;
    return out;
  }

  /* The whole file: states is quiz id -> stored state (unreadable ones left out). */
  function makeExport(site, states, quizzes, withReflections) {
    var out = { format: FORMAT, version: VERSION, site: site, quizzes: {} };
    Object.keys(states).forEach(function (id) {
      if (!ID.test(id) || !isObject(states[id])) return;
      var info = has(quizzes, id) ? quizzes[id] : {};
      out.quizzes[id] = exportQuiz(states[id], info.reflections, withReflections);
    });
    return canonical(out);
  }

  function validAnswer(v) {
    if (isText(v) || isTextList(v)) return true;
    return (
      isObject(v) &&
      Object.keys(v).every(function (k) {
        return ID.test(k) && isText(v[k]);
      })
    );
  }
  function validAttempt(a) {
    return isObject(a) && isNumber(a.percent) && typeof a.passed === "boolean";
  }
  function validPoints(p) {
    return (
      isObject(p) &&
      Object.keys(p).every(function (q) {
        return isNumber(p[q]) && p[q] >= 0 && p[q] <= 1;
      })
    );
  }
  function strictAttempt(a) {
    return (
      validAttempt(a) &&
      isText(a.date) &&
      isNumber(a.score) &&
      isNumber(a.total) &&
      (a.points === undefined || validPoints(a.points)) &&
      Object.keys(a).every(function (k) {
        return ATTEMPT_KEYS.indexOf(k) >= 0;
      })
    );
  }
  function validQuiz(q) {
    if (!isObject(q)) return false;
    if (
      !Object.keys(q).every(function (k) {
        return QUIZ_KEYS.indexOf(k) >= 0;
      })
    )
      return false;
    if (!isObject(q.answers) || !isObject(q.orders) || typeof q.checked !== "boolean" || !Array.isArray(q.attempts)) return false;
    if (q.module !== undefined && !isText(q.module)) return false;
    if (!(q.best === null || strictAttempt(q.best))) return false;
    return (
      Object.keys(q.answers).every(function (k) {
        return ID.test(k) && validAnswer(q.answers[k]);
      }) &&
      Object.keys(q.orders).every(function (k) {
        return ID.test(k) && isTextList(q.orders[k]);
      }) &&
      q.attempts.every(strictAttempt)
    );
  }

  /* A file's text, checked: {ok: true, data} or {ok: false, reason, vars}. reason is a
     strings key (transfer.refused.*); nothing here touches storage. */
  function readExport(text, site) {
    var data;
    try {
      data = JSON.parse(text);
    } catch (err) {
      return { ok: false, reason: "transfer.refused.json" };
    }
    if (!isObject(data) || data.format !== FORMAT) return { ok: false, reason: "transfer.refused.format" };
    if (typeof data.version !== "number" || data.version % 1 !== 0 || data.version < 1) return { ok: false, reason: "transfer.refused.broken" };
    if (data.version > VERSION) return { ok: false, reason: "transfer.refused.newer", vars: { version: data.version, ours: VERSION } };
    if (!isText(data.site)) return { ok: false, reason: "transfer.refused.broken" };
    if (data.site !== site) return { ok: false, reason: "transfer.refused.site", vars: { site: data.site.slice(0, 200) } };
    var keys = Object.keys(data);
    var known = ["format", "quizzes", "site", "version"];
    if (
      !isObject(data.quizzes) ||
      keys.some(function (k) {
        return known.indexOf(k) < 0;
      })
    )
      return { ok: false, reason: "transfer.refused.broken" };
    var ids = Object.keys(data.quizzes);
    for (var i = 0; i < ids.length; i++) {
      if (!ID.test(ids[i]) || !validQuiz(data.quizzes[ids[i]])) return { ok: false, reason: "transfer.refused.quiz", vars: { quiz: ids[i].slice(0, 200) } };
    }
    return { ok: true, data: data };
  }

  function sameJSON(a, b) {
    return canonical(a) === canonical(b);
  }

  /* One quiz: the state in this browser (or null) merged with the file's. Returns
     {state, changed, conflicts: [{kind, question?}]}. Nothing of `local` is ever dropped:
     attempts are united; the current answers of the file are taken only where this browser
     has none; a reflection only where this browser has none for that question. */
  function mergeQuiz(local, incoming, reflections) {
    var isReflection = Object.create(null);
    (reflections || []).forEach(function (q) {
      isReflection[q] = true;
    });
    var here = isObject(local) ? local : {};
    var hereAnswers = isObject(here.answers) ? here.answers : {};
    var hereOrders = isObject(here.orders) ? here.orders : {};
    var conflicts = [];
    var scored = function (answers) {
      return pick(answers, function (q) {
        return !isReflection[q];
      });
    };
    var mine = scored(hereAnswers);
    var theirs = scored(incoming.answers);
    var answers = {};
    var orders;
    var checked;
    var takeTheirs = !Object.keys(mine).length && here.checked !== true; // nothing current here
    if (takeTheirs) {
      answers = theirs;
      orders = Object.assign({}, hereOrders, incoming.orders);
      checked = incoming.checked;
    } else {
      answers = mine;
      orders = Object.assign({}, incoming.orders, hereOrders);
      checked = here.checked === true;
      if (Object.keys(theirs).length && !sameJSON(mine, theirs)) conflicts.push({ kind: "answers" });
    }
    Object.keys(hereAnswers)
      .concat(Object.keys(incoming.answers))
      .forEach(function (q) {
        if (!isReflection[q] || has(answers, q)) return;
        var a = hereAnswers[q];
        var b = incoming.answers[q];
        answers[q] = a !== undefined ? a : b;
        if (a !== undefined && b !== undefined && !sameJSON(a, b)) conflicts.push({ kind: "reflection", question: q });
      });
    var state = {
      answers: answers,
      orders: orders,
      checked: checked,
      attempts: uniteAttempts(Array.isArray(here.attempts) ? here.attempts.filter(validAttempt) : [], incoming.attempts),
      module: isText(here.module) ? here.module : incoming.module,
    };
    if (state.module === undefined) delete state.module;
    return { state: state, changed: !sameJSON(state, here), conflicts: conflicts };
  }

  /* A checked file merged into this browser's states. read(id) -> {value, notice} as
     store.read gives; returns {writes: {id: state}, conflicts: [{quiz, kind, question?}],
     skipped: [quiz ids not on this site], added: number of attempts new here}. */
  function mergeExport(data, read, quizzes) {
    var out = { writes: {}, conflicts: [], skipped: [], unreadable: [], added: 0 };
    Object.keys(data.quizzes)
      .sort()
      .forEach(function (id) {
        if (!has(quizzes, id)) return out.skipped.push(id);
        var got = read(id);
        if (got.notice) return out.unreadable.push(id); // damaged data here is left for the quiz to report, not replaced
        var before = got.value && Array.isArray(got.value.attempts) ? uniteAttempts(got.value.attempts.filter(validAttempt), []).length : 0;
        var merged = mergeQuiz(got.value, data.quizzes[id], quizzes[id].reflections);
        merged.conflicts.forEach(function (c) {
          out.conflicts.push(Object.assign({ quiz: id }, c));
        });
        out.added += merged.state.attempts.length - before;
        if (merged.changed || got.value === null) out.writes[id] = merged.state;
      });
    return out;
  }

  curriculum.transfer = {
    FORMAT: FORMAT,
    VERSION: VERSION,
    MAX_BYTES: MAX_BYTES,
    canonical: canonical,
    uniteAttempts: uniteAttempts,
    bestOf: bestOf,
    makeExport: makeExport,
    readExport: readExport,
    mergeQuiz: mergeQuiz,
    mergeExport: mergeExport,
  };
  if (typeof document === "undefined") return;
  var dom = curriculum.dom;
  var store = curriculum.store;

  curriculum.component("transfer", function (root, config) {
    var quizzes = config.quizzes || {};
    var limit = config.maxBytes || MAX_BYTES;
    var withReflections = root.querySelector("input[name=reflections]");
    var exportButton = root.querySelector(".cq-transfer__export");
    var file = root.querySelector("input[type=file]");
    var importButton = root.querySelector(".cq-transfer__import");
    var status = root.querySelector(".cq-transfer__status");
    var problem = root.querySelector(".cq-transfer__problem");
    var report = root.querySelector(".cq-transfer__report");
    root.hidden = false;
    if (!store.available) {
      exportButton.disabled = importButton.disabled = file.disabled = true;
      status.textContent = t("transfer.noStorage");
    }

    function titleOf(id) {
      return has(quizzes, id) && quizzes[id].title ? quizzes[id].title : id;
    }
    function refuse(key, vars) {
      status.textContent = "";
      report.textContent = "";
      problem.hidden = false;
      problem.textContent = t(key, vars) + " " + t("transfer.nothingChanged");
      problem.focus();
    }

    exportButton.addEventListener("click", function () {
      var states = {};
      var unreadable = [];
      store.ids("quiz").forEach(function (id) {
        var got = store.read("quiz", id);
        if (got.value) states[id] = got.value;
        else if (got.notice) unreadable.push(titleOf(id));
      });
      var text = makeExport(config.site, states, quizzes, withReflections.checked);
      var link = dom.node("a", null, null, { href: URL.createObjectURL(new Blob([text], { type: "application/json" })), download: "progress.json" });
      root.appendChild(link);
      link.click();
      link.remove();
      setTimeout(function () {
        URL.revokeObjectURL(link.href);
      }, 60000);
      problem.hidden = true;
      report.textContent = "";
      var n = Object.keys(states).length;
      status.textContent = [t(withReflections.checked ? "transfer.exportedWith" : "transfer.exported", { n: n })]
        .concat(unreadable.length ? [t("transfer.exportUnreadable", { quizzes: unreadable.join(", ") })] : [])
        .join(" ");
    });

    importButton.addEventListener("click", function () {
      var chosen = file.files && file.files[0];
      if (!chosen) return refuse("transfer.refused.none");
      if (chosen.size > limit) return refuse("transfer.refused.size", { mb: Math.round(limit / 1048576) });
      var reader = new FileReader();
      reader.addEventListener("error", function () {
        refuse("transfer.refused.read");
      });
      reader.addEventListener("load", function () {
        var checked = readExport(String(reader.result), config.site);
        if (!checked.ok) return refuse(checked.reason, checked.vars);
        var merged = mergeExport(
          checked.data,
          function (id) {
            return store.read("quiz", id);
          },
          quizzes
        );
        var failed = Object.keys(merged.writes).filter(function (id) {
          return !store.write("quiz", id, merged.writes[id]);
        });
        problem.hidden = true;
        report.textContent = "";
        var lines = merged.conflicts.map(function (c) {
          return c.kind === "answers"
            ? t("transfer.conflict.answers", { quiz: titleOf(c.quiz) })
            : t("transfer.conflict.reflection", { quiz: titleOf(c.quiz) });
        });
        merged.unreadable.forEach(function (id) {
          lines.push(t("transfer.unreadable", { quiz: titleOf(id) }));
        });
        failed.forEach(function (id) {
          lines.push(t("transfer.notSaved", { quiz: titleOf(id) }));
        });
        if (merged.skipped.length) lines.push(t("transfer.skipped", { n: merged.skipped.length }));
        if (lines.length) {
          dom.node("h3", report, t("transfer.reportTitle"));
          var list = dom.node("ul", report);
          lines.forEach(function (line) {
            dom.node("li", list, line);
          });
        }
        status.textContent = t("transfer.imported", { n: Object.keys(merged.writes).length - failed.length, attempts: merged.added, conflicts: lines.length });
        file.value = "";
        document.dispatchEvent(new CustomEvent("curriculum:progress-changed"));
        if (curriculum.progress && curriculum.progress.markNav) curriculum.progress.markNav(document);
        status.focus();
      });
      reader.readAsText(chosen);
    });
  });
  if (document.readyState !== "loading") curriculum.start(); // loaded by progress.js on the first Export or Import
})(window.curriculum);

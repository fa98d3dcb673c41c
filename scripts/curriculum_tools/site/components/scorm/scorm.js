/* scorm: the SCO runtime of the LMS packages (curriculum package --format scorm12|scorm2004).
   It loads only in package builds, on module pages (one SCO per module), and starts before
   the quiz. config (data-config, scorm/render.py): version ("1.2" or "2004"), module, quiz
   (its id, or null) and book: the quiz's questions, [id, type, ids(, matches)], which
   suspend_data encodes answers against (encodeState; render.py holds the same encoding to
   measure the worst case at package time).
   With an LMS API (API for 1.2, API_1484_11 for 2004, found through window.parent and
   window.opener) it initialises once, marks the module incomplete at launch, sets score and
   status after every check and commits at once, keeps the quiz state in suspend_data (the
   LMS's copy wins over this browser's; reflections stay in this browser only) and exits on
   pagehide. It never reads cmi.core.lesson_mode. Without an API it does nothing: the page
   works as the offline site does.
   A SCO is its module page and the module's scenario pages (config pages; scenario: the
   scenario on this page, scenarios: the module's). A link between two of them keeps the
   session: the leaving page commits instead of finishing, and the next page, whose
   initialise the LMS refuses as already done, joins the running session (its launch data
   names this module). Any other page change ends the session, so a page reached that way
   records nothing. Reaching a scenario's ending (the scenario's curriculum:scenario-ended
   event) completes the module's attempt: 2004 completion_status completed (success_status
   stays the quiz's), 1.2 lesson_status completed unless the quiz has set passed or failed;
   committed at once. */
(function (curriculum) {
  "use strict";
  var ALPHABET = "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";
  var EMPTY = "~"; // a matching prompt left unpaired
  var FORMAT = "1";
  var MAX_ATTEMPTS = 20; // attempts kept in suspend_data (the most recent)

  var VERSIONS = {
    1.2: {
      api: "API",
      init: "LMSInitialize",
      get: "LMSGetValue",
      set: "LMSSetValue",
      commit: "LMSCommit",
      finish: "LMSFinish",
      error: "LMSGetLastError",
      suspend: "cmi.suspend_data",
      launch: "cmi.launch_data",
    },
    2004: {
      api: "API_1484_11",
      init: "Initialize",
      get: "GetValue",
      set: "SetValue",
      commit: "Commit",
      finish: "Terminate",
      error: "GetLastError",
      suspend: "cmi.suspend_data",
      launch: "cmi.launch_data",
    },
  };

  /* The LMS's API object: this window, then its parents, then the opener and its parents. */
  function findAPI(win, name) {
    function climb(w) {
      for (var i = 0; w && i < 20; i++) {
        try {
          if (w[name]) return w[name];
        } catch (err) {
          /* another origin: look further up */
        }
        if (w.parent === w) break;
        w = w.parent;
      }
      return null;
    }
    var found = climb(win);
    if (!found) {
      try {
        found = climb(win.opener);
      } catch (err) {
        found = null;
      }
    }
    return found || null;
  }

  function indexes(ids, values) {
    var out = "";
    for (var i = 0; i < values.length; i++) {
      var at = ids.indexOf(values[i]);
      if (at < 0 || at >= ALPHABET.length) return null;
      out += ALPHABET.charAt(at);
    }
    return out;
  }
  function pick(ids, chars) {
    var out = [];
    for (var i = 0; i < chars.length; i++) {
      var at = ALPHABET.indexOf(chars.charAt(i));
      if (at < 0 || at >= ids.length) return null;
      out.push(ids[at]);
    }
    return out;
  }

  function encodeAnswer(entry, value) {
    if (value == null) return "";
    if (entry[1] === "matching") {
      var token = entry[2]
        .map(function (pair) {
          var at = entry[3].indexOf(value[pair]);
          return at < 0 || at >= ALPHABET.length ? EMPTY : ALPHABET.charAt(at);
        })
        .join("");
      return token.split(EMPTY).join("") ? token : "";
    }
    return indexes(entry[2], [].concat(value)) || "";
  }

  function decodeAnswer(entry, token) {
    if (!token) return null;
    if (entry[1] === "matching") {
      var pairs = {};
      entry[2].forEach(function (pair, i) {
        var at = ALPHABET.indexOf(token.charAt(i));
        pairs[pair] = at >= 0 && at < entry[3].length ? entry[3][at] : "";
      });
      return pairs;
    }
    var list = pick(entry[2], token);
    if (!list || !list.length) return null;
    return entry[1] === "multiple_choice" || entry[1] === "ordering" ? list : list[0];
  }

  /* The quiz state ({answers, orders, checked, attempts}, store kind "quiz") as a short
     string: "1|checked|answers|orders|attempts", answers and orders one token per question
     of the book (a character per option, item or pair), attempts as percent + p or f. */
  function encodeState(book, state) {
    var answers = [];
    var orders = [];
    book.forEach(function (entry) {
      answers.push(encodeAnswer(entry, (state.answers || {})[entry[0]]));
      var order = (state.orders || {})[entry[0]];
      orders.push(order && entry[1] !== "matching" ? indexes(entry[2], order) || "" : "");
    });
    var attempts = (state.attempts || [])
      .slice(-MAX_ATTEMPTS)
      .map(function (a) {
        return Math.round(a.percent) + (a.passed ? "p" : "f");
      })
      .join("");
    return [FORMAT, state.checked ? "1" : "0", answers.join("."), orders.join("."), attempts].join("|");
  }

  /* The state back from encodeState's string; null when it is not one (for this book). */
  function decodeState(book, text) {
    var parts = typeof text === "string" ? text.split("|") : [];
    if (parts.length !== 5 || parts[0] !== FORMAT) return null;
    var answers = parts[2].split(".");
    var orders = parts[3].split(".");
    if (answers.length !== book.length || orders.length !== book.length) return null;
    var state = { answers: {}, orders: {}, checked: parts[1] === "1", attempts: [] };
    book.forEach(function (entry, i) {
      var value = decodeAnswer(entry, answers[i]);
      if (value != null) state.answers[entry[0]] = value;
      var order = entry[1] === "matching" ? null : pick(entry[2], orders[i]);
      if (order && order.length) state.orders[entry[0]] = order;
    });
    parts[4].replace(/(\d+)([pf])/g, function (whole, percent, flag) {
      state.attempts.push({ percent: Number(percent), passed: flag === "p" });
      return whole;
    });
    return state;
  }

  /* The LMS's state with this browser's reflections (which the LMS never gets). */
  function merged(lms, local, book) {
    var scored = {};
    book.forEach(function (entry) {
      scored[entry[0]] = true;
    });
    var state = lms || { answers: {}, orders: {}, checked: false, attempts: [] };
    var answers = local && local.answers && typeof local.answers === "object" ? local.answers : {};
    Object.keys(answers).forEach(function (q) {
      if (!scored[q] && typeof answers[q] === "string") state.answers[q] = answers[q];
    });
    return state;
  }

  function two(n) {
    return (n < 10 ? "0" : "") + n;
  }
  /* Session time: 1.2 CMITimespan HHHH:MM:SS.SS; 2004 an ISO 8601 duration (PT1H2M3.4S). */
  function sessionTime(version, ms) {
    var cs = Math.max(0, Math.round(ms / 10));
    var h = Math.floor(cs / 360000);
    var m = Math.floor((cs % 360000) / 6000);
    var s = (cs % 6000) / 100;
    if (version === "1.2") {
      var whole = Math.floor(s);
      var frac = cs % 100;
      return (h > 9999 ? "9999" : two(h)) + ":" + two(m) + ":" + two(whole) + "." + two(frac);
    }
    return "PT" + h + "H" + m + "M" + s + "S";
  }

  /* What to set after a check (detail: the quiz's curriculum:quiz-checked event). */
  function checkedValues(version, detail) {
    var raw = String(detail.percent);
    if (version === "1.2") {
      return [
        ["cmi.core.score.min", "0"],
        ["cmi.core.score.max", "100"],
        ["cmi.core.score.raw", raw],
        ["cmi.core.lesson_status", detail.passed ? "passed" : "failed"],
      ];
    }
    return [
      ["cmi.score.min", "0"],
      ["cmi.score.max", "100"],
      ["cmi.score.raw", raw],
      ["cmi.score.scaled", String(detail.scaled)],
      ["cmi.completion_status", "completed"],
      ["cmi.success_status", detail.passed ? "passed" : "failed"],
    ];
  }

  /* What to set at launch, given the status the LMS holds: a module with a quiz or a
     scenario is incomplete until its first check or ending; one without either is
     completed by being opened. */
  function launchValues(version, status, hasQuiz, hasScenario) {
    var fresh = !status || status === "not attempted" || status === "unknown" || status === "browsed";
    if (!fresh) return [];
    var value = hasQuiz || hasScenario ? "incomplete" : "completed";
    return [[version === "1.2" ? "cmi.core.lesson_status" : "cmi.completion_status", value]];
  }

  /* What to set when a scenario of the module reaches an ending, given the status the LMS
     holds (1.2 lesson_status, 2004 completion_status): the attempt is completed; in 1.2 a
     quiz's passed or failed is never overwritten. */
  function endedValues(version, status) {
    if (version === "1.2") {
      return status === "passed" || status === "failed" || status === "completed" ? [] : [["cmi.core.lesson_status", "completed"]];
    }
    return status === "completed" ? [] : [["cmi.completion_status", "completed"]];
  }

  var sameSco = curriculum.unit.samePage; // shared/unit.js

  /* What to set on exit: the session time, and suspend unless the module is finished. */
  function exitValues(version, finished, ms) {
    if (version === "1.2") {
      return [
        ["cmi.core.session_time", sessionTime(version, ms)],
        ["cmi.core.exit", finished ? "" : "suspend"],
      ];
    }
    return [
      ["cmi.session_time", sessionTime(version, ms)],
      ["cmi.exit", finished ? "normal" : "suspend"],
    ];
  }

  curriculum.scorm = {
    findAPI: findAPI,
    encodeState: encodeState,
    decodeState: decodeState,
    merged: merged,
    sessionTime: sessionTime,
    checkedValues: checkedValues,
    launchValues: launchValues,
    endedValues: endedValues,
    sameSco: sameSco,
    exitValues: exitValues,
  };
  if (typeof document === "undefined") return;

  curriculum.component("scorm", function (root, config) {
    var v = VERSIONS[config.version];
    var api = v && findAPI(window, v.api);
    if (!api) return; // opened directly: the offline site
    var pages = config.pages || [];
    var scenarios = config.scenarios || [];
    var joined = String(api[v.init]("")) !== "true";
    var launch = String(api[v.get](v.launch) || "");
    if (joined) {
      // refused: a session already runs; join it only if it is this SCO's (sameSco)
      if (String(api[v.error]()) !== "0" || (launch && launch !== config.module)) return;
    } else if (launch && launch !== config.module) {
      api[v.finish](""); // this page was reached from another module's SCO: not ours to record
      return;
    }
    var kept = joined ? curriculum.store.read("scorm", config.module).value : null;
    var started = kept && typeof kept.started === "number" && kept.started <= Date.now() ? kept.started : Date.now();
    curriculum.store.remove("scorm", config.module);
    var open = true;
    var timer = null;
    var stayUntil = 0; // a link to another page of this SCO was followed until then
    var book = config.book || [];
    var status = config.version === "1.2" ? "cmi.core.lesson_status" : "cmi.success_status";
    var completion = config.version === "1.2" ? status : "cmi.completion_status";
    var finished = (!config.quiz && !scenarios.length) || String(api[v.get](status)) === "passed";

    function set(pairs) {
      pairs.forEach(function (pair) {
        api[v.set](pair[0], pair[1]);
      });
    }
    function commit() {
      if (timer) window.clearTimeout(timer);
      timer = null;
      if (open) api[v.commit]("");
    }

    set(launchValues(config.version, String(api[v.get](completion)), !!config.quiz, scenarios.length > 0));
    commit();

    if (config.quiz && !config.scenario) {
      var stored = decodeState(book, String(api[v.get](v.suspend) || ""));
      curriculum.store.provide("quiz", {
        read: function (id, local) {
          return id === config.quiz ? merged(stored, local, book) : undefined;
        },
        write: function (id, data) {
          if (id !== config.quiz || !open) return false;
          api[v.set](v.suspend, encodeState(book, data));
          if (!timer) timer = window.setTimeout(commit, 3000); // answers reach the LMS soon, not only on exit
          return true;
        },
      });
      root.ownerDocument.addEventListener("curriculum:quiz-checked", function (ev) {
        var detail = ev.detail || {};
        if (!open || detail.quizId !== config.quiz) return;
        set(checkedValues(config.version, detail));
        finished = !!detail.passed;
        commit();
      });
    }

    root.ownerDocument.addEventListener("curriculum:scenario-ended", function (ev) {
      var detail = ev.detail || {};
      if (!open || detail.moduleId !== config.module || scenarios.indexOf(detail.scenarioId) < 0) return;
      set(endedValues(config.version, String(api[v.get](completion))));
      if (!config.quiz) finished = true;
      commit();
    });

    // Last in the click's path (window), so a link a component handled itself is left alone.
    window.addEventListener("click", function (ev) {
      var link = ev.target && ev.target.closest ? ev.target.closest("a[href]") : null;
      if (!link || ev.defaultPrevented || ev.button !== 0 || ev.ctrlKey || ev.metaKey || ev.shiftKey || ev.altKey) return;
      if ((link.target && link.target !== "_self") || link.hasAttribute("download")) return;
      stayUntil = sameSco(pages, link.href, window.location.href) ? Date.now() + 10000 : 0;
    });

    window.addEventListener("pagehide", function () {
      if (!open) return;
      if (Date.now() < stayUntil) {
        // on to another page of this SCO: it joins this session
        curriculum.store.write("scorm", config.module, { started: started });
        commit();
        open = false;
        return;
      }
      set(exitValues(config.version, finished, Date.now() - started));
      if (timer) window.clearTimeout(timer);
      open = false;
      api[v.finish]("");
    });
  });
})(window.curriculum);

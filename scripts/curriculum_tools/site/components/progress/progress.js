/* progress: the "My progress" page: the status of each module's quiz, read from the
   quizzes' saved state (store kind "quiz"), the endings reached in each scenario (store kind
   "scenario"), and a reset. Uses navmarks.js's helpers. "Take my progress with me"
   (transfer.js) is not in the page's bundle: its box shows at once, and its code (the address
   in this script's data-transfer) loads when the trainee first presses Export or Import, or
   at once if the browser cannot store (the box then says so). */
(function (curriculum) {
  "use strict";
  var t = curriculum.t;
  var passedAttempt = curriculum.progress.passedAttempt;

  /* What the progress page says of one quiz's state: {status, text}. */
  function statusOf(state) {
    var win = passedAttempt(state);
    if (win) return { status: "passed", text: t("progress.passed", { score: win.score, total: win.total, percent: win.percent, date: day(win.date) }) };
    var attempts = state && Array.isArray(state.attempts) ? state.attempts : [];
    var answers = state && state.answers && typeof state.answers === "object" ? Object.keys(state.answers).length : 0;
    var last = attempts[attempts.length - 1];
    if (last) return { status: "in-progress", text: t("progress.lastAttempt", { percent: last.percent, date: day(last.date) }) };
    if (answers) return { status: "in-progress", text: t("progress.answered", { n: answers }) };
    return { status: "not-started", text: t("progress.notStarted") };
  }

  function day(iso) {
    var d = new Date(iso);
    return isNaN(d) ? "" : d.toLocaleDateString(undefined, { day: "numeric", month: "short", year: "numeric" });
  }

  /* What the progress page says of one scenario's saved state: {status, text}; total: its
     number of endings. Only distinct ending ids count, never more than there are. */
  function scenarioStatusOf(state, total) {
    var reached = state && Array.isArray(state.reached) ? state.reached : [];
    var n = Math.min(
      total,
      reached.filter(function (id, i) {
        return typeof id === "string" && reached.indexOf(id) === i;
      }).length
    );
    if (!n) return { status: "not-started", text: t("progress.scenarioNone") };
    return { status: n === total ? "passed" : "in-progress", text: t("progress.scenarioReached", { n: n, total: total }) };
  }

  curriculum.progress.statusOf = statusOf;
  curriculum.progress.scenarioStatusOf = scenarioStatusOf;
  if (typeof document === "undefined") return;
  var dom = curriculum.dom;
  var store = curriculum.store;
  var script = document.currentScript;
  var transfer = script && script.dataset.transfer; // transfer.js's address, beside the bundle

  curriculum.component("progress", function (root) {
    var rows = [].slice.call(root.querySelectorAll("a[data-quiz-id]"));
    var scenarios = [].slice.call(root.querySelectorAll("a[data-scenario-id]"));
    var live = dom.node("p", null, null, { class: "cq-progress__summary", role: "status" });
    root.prepend(live);
    var reset = dom.node("button", root, t("progress.reset"), { type: "button", class: "md-button" });

    function render() {
      var passed = 0;
      var notices = [];
      rows.forEach(function (a) {
        var id = a.getAttribute("data-quiz-id");
        var cell = root.querySelector('[data-status-for="' + CSS.escape(a.getAttribute("data-module-id")) + '"]');
        var read = id ? store.read("quiz", id) : { value: null };
        if (read.notice) notices.push(a.textContent + ": " + read.notice);
        var status = statusOf(read.value);
        if (status.status === "passed") passed++;
        cell.textContent = status.text;
        cell.setAttribute("data-status", status.status);
      });
      scenarios.forEach(function (a) {
        var cell = root.querySelector('[data-status-for="' + CSS.escape(a.getAttribute("data-scenario-id")) + '"]');
        var read = store.read("scenario", a.getAttribute("data-scenario-id"));
        if (read.notice) notices.push(a.textContent + ": " + read.notice);
        var status = scenarioStatusOf(read.value, Number(a.getAttribute("data-endings")) || 0);
        cell.textContent = status.text;
        cell.setAttribute("data-status", status.status);
      });
      live.textContent = [t("progress.summary", { passed: passed, total: rows.length })].concat(notices).join(" ");
    }
    reset.addEventListener("click", function () {
      dom.confirm(
        root,
        t("progress.confirm"),
        t("progress.confirmYes"),
        function () {
          ["quiz", "scenario"].forEach(function (kind) {
            store.ids(kind).forEach(function (id) {
              store.remove(kind, id);
            });
          });
          render();
          live.textContent = t("progress.deleted") + " " + live.textContent;
        },
        reset
      );
    });
    document.addEventListener("curriculum:progress-changed", function () {
      if (root.isConnected) render(); // an import (transfer.js) changed the saved states
    });
    render();
  });

  /* Export and Import: the first press loads transfer.js, which starts on the box, then
     the press is made again for it. */
  curriculum.component(
    "transferload",
    function (root) {
      if (curriculum.transfer || !transfer) return; // in the bundle after all, or nowhere to load it from
      var load = dom.later(root, transfer, function () {
        return !!curriculum.transfer;
      });
      root.hidden = false;
      if (!store.available) load();
    },
    '[data-module="transfer"]'
  );
})(window.curriculum);

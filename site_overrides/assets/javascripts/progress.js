/* Progress across the curriculum, read from the quizzes' saved state ("quiz:<id>", v1):
   the "My progress" page (status per module, reset) and a mark on completed modules in the
   navigation of every page. */
(function () {
  "use strict";
  var mods = (window.curriculumModules = window.curriculumModules || {});
  var store = window.curriculumStore;

  function quizState(id) {
    var r = store.read("quiz:" + id, 1);
    return { state: r.value && typeof r.value === "object" ? r.value : null, notice: r.notice };
  }
  function passedAttempt(state) {
    var attempts = state && Array.isArray(state.attempts) ? state.attempts : [];
    return attempts.filter(function (a) { return a && a.passed; }).pop();
  }
  function day(iso) {
    var d = new Date(iso);
    return isNaN(d) ? "" : d.toLocaleDateString(undefined, { day: "numeric", month: "short", year: "numeric" });
  }

  mods.progress = function (root) {
    var rows = [].slice.call(root.querySelectorAll("a[data-quiz-id]"));
    var live = document.createElement("p");
    live.className = "cq-progress__summary";
    live.setAttribute("role", "status");
    var reset = document.createElement("button");
    reset.type = "button";
    reset.className = "md-button";
    reset.textContent = "Reset my progress";
    var confirm = document.createElement("div");
    confirm.className = "cq-confirm";
    confirm.hidden = true;
    confirm.innerHTML = '<p>Delete every saved answer, score and attempt in this browser? This cannot be undone.</p><button type="button" class="md-button md-button--primary">Yes, delete my progress</button> <button type="button" class="md-button">Cancel</button>';
    root.insertBefore(live, root.firstChild);
    root.appendChild(reset);
    root.appendChild(confirm);

    function render() {
      var passed = 0, notices = [];
      rows.forEach(function (a) {
        var id = a.getAttribute("data-quiz-id");
        var status = root.querySelector('[data-status-for="' + a.getAttribute("data-module-id") + '"]');
        var r = id ? quizState(id) : { state: null }, s = r.state, win = passedAttempt(s), text = "Not started";
        if (r.notice) notices.push(a.textContent + ": " + r.notice);
        if (win) {
          passed++;
          text = "Passed: " + win.score + " of " + win.total + " (" + win.percent + "%) on " + day(win.date);
        } else if (s && ((s.attempts && s.attempts.length) || Object.keys(s.answers || {}).length)) {
          var last = (s.attempts || []).slice(-1)[0];
          text = last ? "In progress: last attempt " + last.percent + "% on " + day(last.date) : "In progress: " + Object.keys(s.answers).length + " answered";
        }
        status.textContent = text;
        status.setAttribute("data-status", win ? "passed" : text === "Not started" ? "not-started" : "in-progress");
      });
      live.textContent = "You have passed " + passed + " of " + rows.length + " module quizzes." + (notices.length ? " " + notices.join(" ") : "");
    }
    reset.addEventListener("click", function () {
      confirm.hidden = false;
      confirm.querySelector("button").focus();
    });
    confirm.addEventListener("click", function (ev) {
      var btn = ev.target.closest("button");
      if (!btn) return;
      if (btn === confirm.querySelector("button")) {
        store.keys("quiz:").forEach(store.remove);
        render();
        live.textContent = "Your progress has been deleted. " + live.textContent;
      }
      confirm.hidden = true;
      reset.focus();
    });
    render();
  };

  /* Mark completed modules in the navigation: quizzes remember the page they live on. */
  mods["*nav"] = function () {
    var done = {};
    store.keys("quiz:").forEach(function (k) {
      var s = quizState(k.slice(5)).state;
      if (s && s.page && passedAttempt(s)) done[s.page] = true;
    });
    [].forEach.call(document.querySelectorAll(".md-nav__link[href]"), function (a) {
      if (!done[a.pathname] || a.querySelector(".cq-done")) return;
      var m = document.createElement("span");
      m.className = "cq-done";
      m.textContent = " (completed)";
      a.appendChild(m);
    });
  };
})();

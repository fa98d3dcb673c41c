/* quiz, before its code. A module page's bundle has only this part of the quiz: it lays the
   quiz out for an attempt at once (ordering items, and options when the quiz shuffles, in a
   new order: in authored order an ordering question would show its answer), and loads the
   quiz's code (questions.js and quiz.js: the address in the bundle's data-quiz) when the quiz
   comes near the screen, takes focus or a press, or has saved answers to show. A press of one
   of its buttons or a submit made before the code arrives is held and made again for it.
   Where the bundle has the quiz's code (an LMS package), this does nothing. */
(function (curriculum) {
  "use strict";
  var quiz = (curriculum.quiz = curriculum.quiz || {});

  /* A shuffled copy; for ordering, never the answer itself (when it can differ). */
  function shuffled(ids, answer, random) {
    var list = ids.slice();
    random = random || Math.random;
    for (var tries = 0; tries < 20; tries++) {
      for (var i = list.length - 1; i > 0; i--) {
        var j = Math.floor(random() * (i + 1));
        var swap = list[i];
        list[i] = list[j];
        list[j] = swap;
      }
      if (!answer || list.length < 2 || list.join("\n") !== answer.join("\n")) return list;
    }
    return list.slice(1).concat(list.slice(0, 1));
  }

  quiz.shuffled = shuffled;

  /* The ids in a list's order, and the list put in the order of ids. */
  function idsOf(list, attr) {
    return [].map.call(list.querySelectorAll("[" + attr + "]"), function (el) {
      return el.getAttribute(attr);
    });
  }
  function reorder(list, ids, attr) {
    ids.forEach(function (id) {
      var el = list.querySelector("[" + attr + '="' + CSS.escape(id) + '"]');
      if (el) list.appendChild(el);
    });
  }
  quiz.idsOf = idsOf;
  quiz.reorder = reorder;
  if (typeof document === "undefined") return;
  var script = document.currentScript;
  var address = script && script.dataset.quiz; // questions.js and quiz.js, beside the bundle
  var loading = null;

  function load() {
    if (loading) return;
    loading = curriculum.dom.node("script", document.body, null, { src: address }); // it registers the quiz
    loading.addEventListener("load", function () {
      curriculum.start();
      document.dispatchEvent(new CustomEvent("curriculum:quiz-loaded"));
    });
  }

  /* Saved orders where they fit the list, else a new one. */
  function layOut(root, config, saved) {
    var orders = (saved && saved.orders) || {};
    [].forEach.call(root.querySelectorAll("fieldset.cq-question"), function (fs) {
      var q = fs.getAttribute("data-question-id");
      var list = fs.querySelector(".cq-order, .cq-options");
      if (!list) return;
      var attr = list.classList.contains("cq-order") ? "data-item-id" : "data-option-id";
      if (attr === "data-option-id" && !config.shuffle) return;
      var ids = idsOf(list, attr);
      var kept = orders[q];
      var fits = Array.isArray(kept) && kept.length === ids.length && kept.slice().sort().join("\n") === ids.slice().sort().join("\n");
      reorder(list, fits ? kept : shuffled(ids, attr === "data-item-id" && config.key[q] ? config.key[q].correct : null), attr);
    });
    root.setAttribute("data-laid-out", "");
  }

  curriculum.component(
    "quizstart",
    function (root, config) {
      if (quiz.interactive || !address) return; // the quiz's code is in this bundle, or nowhere to load it from
      var saved = curriculum.store.read("quiz", config.id).value;
      layOut(root, config, saved);
      var held = null;
      function hold(event) {
        if (quiz.interactive) return;
        var target = event.type === "submit" ? event.target : event.target.closest && event.target.closest("button");
        if (!target) return;
        event.preventDefault();
        event.stopImmediatePropagation();
        held = target;
        load();
      }
      root.addEventListener("click", hold, true);
      root.addEventListener("submit", hold, true);
      root.addEventListener("focusin", load);
      root.addEventListener("pointerdown", load);
      document.addEventListener("curriculum:quiz-loaded", function again() {
        document.removeEventListener("curriculum:quiz-loaded", again);
        if (!held || !root.isConnected) return;
        if (held.tagName === "FORM") held.requestSubmit();
        else held.click();
      });
      var answered = saved && (saved.checked || (saved.answers && Object.keys(saved.answers).length));
      if (answered || typeof IntersectionObserver === "undefined") return load();
      var seen = new IntersectionObserver(
        function (entries) {
          if (
            !entries.some(function (e) {
              return e.isIntersecting;
            })
          )
            return;
          seen.disconnect();
          load();
        },
        { rootMargin: "200px" }
      );
      seen.observe(root);
    },
    '[data-module="quiz"]'
  );
})(window.curriculum);

/* quiz, before its code. A module page's bundle has only this part of the quiz: it lays the
   quiz out for an attempt at once (ordering items, and options when the quiz shuffles, in a
   new order: in authored order an ordering question would show its answer), and loads the
   quiz's code (questions.js and quiz.js: the address in the bundle's data-quiz) when the quiz
   takes focus or a pointer press, or has saved answers (or a notice about them) to show. A press of one of its
   buttons, or a submit, made before the code arrives is held and made again for it.
   Where the bundle has the quiz's code (an LMS package), this does nothing. */
(function (curriculum) {
  "use strict";
  var quiz = (curriculum.quiz = curriculum.quiz || {});

  var shuffled = quiz.shuffled; // order.js
  var idsOf = quiz.idsOf;
  var reorder = quiz.reorder;
  if (typeof document === "undefined") return;
  var script = document.currentScript;
  var address = script && script.dataset.quiz; // questions.js and quiz.js, beside the bundle

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
      var fits = Array.isArray(kept) && kept.slice().sort().join("\n") === ids.slice().sort().join("\n");
      reorder(list, fits ? kept : shuffled(ids, attr === "data-item-id" && config.key[q] ? config.key[q].correct : null), attr);
    });
    root.setAttribute("data-laid-out", "");
  }

  curriculum.component(
    "quizstart",
    function (root, config) {
      if (quiz.interactive || !address) return; // the quiz's code is in this bundle, or nowhere to load it from
      var read = curriculum.store.read("quiz", config.id);
      var saved = read.value;
      layOut(root, config, saved);
      var load = curriculum.dom.later(
        root,
        address,
        function () {
          return quiz.interactive;
        },
        curriculum.start
      );
      root.addEventListener("focusin", load);
      root.addEventListener("pointerdown", load);
      // answers to show, or a notice about what is stored: the quiz's code says it at once
      if (read.notice || (saved && (saved.checked || (saved.answers && Object.keys(saved.answers).length)))) load();
    },
    '[data-module="quiz"]'
  );
})(window.curriculum);

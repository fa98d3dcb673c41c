/* order: the order of a question's items or options for an attempt, shared by the quiz
   (layout.js, quiz.js) and the Review page: a shuffle that never deals an ordering
   question's answer, and a list's ids read and put in order. */
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
})(window.curriculum);

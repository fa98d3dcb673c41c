/* scenario: a branching role-play, played one moment at a time. Enhances the HTML
   scenario/render.py writes (a section per moment with a heading id "node-<id>", its choices
   as links with feedback, a section per ending with a heading id "ending-<id>"), which
   works alone as linked sections and prints as an outline of every branch.

   config (data-config): {id, module, start, nodes: {node id: [[choice id, next id], ...]},
   endings: {ending id: rating}}: the graph only; every text comes from the page.

   The player shows the situation and the current moment; choosing moves to what follows,
   shows the feedback on that choice, moves focus to the new heading and announces it
   politely. Back undoes the last choice, Restart starts again; an ending shows its outcome
   and debrief with the path taken. The path is saved in this browser (store kind
   "scenario": {steps: [[node id, choice id], ...], reached: [ending id, ...]}) and resumes
   after a reload; stored steps that no longer fit the scenario are dropped with a notice.

   Event: on reaching an ending, the root dispatches a bubbling CustomEvent
   "curriculum:scenario-ended" with detail {scenarioId, moduleId, endingId, rating}
   (rating: "safe" | "partly_safe" | "unsafe"). An LMS runtime listens for it on the
   document (completion when an ending is reached); it is dispatched once per arrival,
   never when a saved ending is shown again after a reload. */
(function (curriculum) {
  "use strict";
  var t = curriculum.t;

  function isText(x) {
    return typeof x === "string";
  }

  /* "node", "ending" or null: what an id names in the scenario. */
  function kindOf(config, id) {
    if (Object.prototype.hasOwnProperty.call(config.nodes, id)) return "node";
    if (Object.prototype.hasOwnProperty.call(config.endings, id)) return "ending";
    return null;
  }

  /* Where a choice of a node leads, or null when the node has no such choice. */
  function nextOf(config, nodeId, choiceId) {
    var choices = kindOf(config, nodeId) === "node" ? config.nodes[nodeId] : [];
    for (var i = 0; i < choices.length; i++) if (choices[i][0] === choiceId) return choices[i][1];
    return null;
  }

  /* Follow steps ([node id, choice id] pairs) from the start: {steps (those that fit),
     current (node or ending id), ended, dropped (how many did not fit)}. A step fits when
     it is taken at the node the path is at, with one of its choices, before any ending. */
  function replay(config, steps) {
    var current = config.start;
    var kept = [];
    var list = Array.isArray(steps) ? steps : [];
    for (var i = 0; i < list.length; i++) {
      var step = list[i];
      var next = Array.isArray(step) && step.length === 2 && step[0] === current && isText(step[1]) ? nextOf(config, current, step[1]) : null;
      if (next === null || kindOf(config, next) === null) break;
      kept.push([step[0], step[1]]);
      current = next;
      if (kindOf(config, current) === "ending") {
        i += 1;
        break;
      }
    }
    return { steps: kept, current: current, ended: kindOf(config, current) === "ending", dropped: list.length - kept.length };
  }

  /* A stored value made usable: {state: {steps, reached}, dropped}. Anything that is not a
     scenario state of this scenario starts afresh. */
  function cleanState(config, value) {
    var raw = value && typeof value === "object" && !Array.isArray(value) ? value : {};
    var played = replay(config, raw.steps);
    var reached = (Array.isArray(raw.reached) ? raw.reached : []).filter(function (id, i, all) {
      return isText(id) && kindOf(config, id) === "ending" && all.indexOf(id) === i;
    });
    return { state: { steps: played.steps, reached: reached }, dropped: played.dropped };
  }

  /* The state after choosing choiceId where the path is now (unchanged when it does not fit). */
  function choose(config, state, choiceId) {
    var at = replay(config, state.steps);
    if (at.ended || nextOf(config, at.current, choiceId) === null) return state;
    var steps = at.steps.concat([[at.current, choiceId]]);
    var after = replay(config, steps);
    var reached = state.reached.slice();
    if (after.ended && reached.indexOf(after.current) < 0) reached.push(after.current);
    return { steps: steps, reached: reached };
  }

  function back(state) {
    return { steps: state.steps.slice(0, -1), reached: state.reached.slice() };
  }

  function restart(state) {
    return { steps: [], reached: state.reached.slice() };
  }

  /* The detail of the curriculum:scenario-ended event. */
  function endedDetail(config, endingId) {
    return { scenarioId: config.id, moduleId: config.module, endingId: endingId, rating: config.endings[endingId] };
  }

  curriculum.scenario = {
    kindOf: kindOf,
    nextOf: nextOf,
    replay: replay,
    cleanState: cleanState,
    choose: choose,
    back: back,
    restart: restart,
    endedDetail: endedDetail,
  };
  if (typeof document === "undefined") return; // node --test: the pure functions only

  var S = curriculum.scenario;
  var dom = curriculum.dom;

  function headingOf(root, kind, id) {
    return root.querySelector('[id="' + (kind === "node" ? "node-" : "ending-") + id + '"]');
  }
  /* A heading's text without its permalink. */
  function titleOf(heading) {
    var copy = heading.cloneNode(true);
    [].forEach.call(copy.querySelectorAll(".headerlink"), function (a) {
      a.remove();
    });
    return copy.textContent.trim();
  }
  /* The content of an element as new nodes (its text and inline markup, already sanitised
     by the build), for the player's own buttons and boxes; plain: links become their text
     (nothing interactive inside a button). */
  function cloneInto(target, source, plain) {
    [].forEach.call(source.childNodes, function (child) {
      var copy = child.cloneNode(true);
      if (plain && copy.nodeType === 1) {
        [].forEach.call(copy.tagName === "A" ? [copy] : copy.querySelectorAll("a"), function (a) {
          var text = document.createTextNode(a.textContent);
          if (a === copy) copy = text;
          else a.replaceWith(text);
        });
      }
      target.appendChild(copy);
    });
    return target;
  }

  curriculum.component("scenario", function (root, config) {
    if (!config || !config.nodes || !config.endings || kindOf(config, config.start) !== "node") return;
    var sections = {};
    var choiceEls = {}; // node id -> {choice id: {link, feedback}}
    var ok = Object.keys(config.nodes)
      .map(function (id) {
        return ["node", id];
      })
      .concat(
        Object.keys(config.endings).map(function (id) {
          return ["ending", id];
        })
      )
      .every(function (pair) {
        var heading = headingOf(root, pair[0], pair[1]);
        var section = heading && heading.closest("section");
        if (!section) return false;
        heading.setAttribute("tabindex", "-1");
        sections[pair[1]] = { kind: pair[0], section: section, heading: heading };
        if (pair[0] === "node") {
          var items = section.querySelectorAll(".cq-branching__choice");
          var choices = config.nodes[pair[1]];
          if (items.length !== choices.length) return false;
          choiceEls[pair[1]] = {};
          choices.forEach(function (choice, i) {
            var link = items[i].querySelector(".cq-branching__link");
            var feedback = items[i].querySelector(".cq-branching__feedback");
            var button = dom.node("button", items[i], null, { type: "button", class: "md-button cq-branching__choose" });
            cloneInto(button, link, true);
            button.setAttribute("data-choice", choice[0]);
            choiceEls[pair[1]][choice[0]] = { link: link, feedback: feedback, button: button };
          });
        }
        return true;
      });
    if (!ok) return; // the page does not match its config: leave the linked sections as they are

    var saved = curriculum.store.read("scenario", config.id);
    var clean = S.cleanState(config, saved.value);
    var state = clean.state;
    var notice = saved.notice || (clean.dropped ? t("scenario.dropped", { n: clean.dropped }) : "");

    root.classList.add("cq-branching--player");
    var situation = root.querySelector("#situation");
    var bar = dom.node("div", null, null, { class: "cq-branching__bar" });
    var where = dom.node("p", bar, null, { class: "cq-branching__where" });
    var backButton = dom.node("button", bar, t("scenario.back"), { type: "button", class: "md-button cq-branching__back" });
    var restartButton = dom.node("button", bar, t("scenario.restart"), { type: "button", class: "md-button cq-branching__restart" });
    var live = dom.node("p", bar, null, { class: "visually-hidden", "aria-live": "polite" });
    var noticeEl = dom.node("p", bar, notice, { class: "cq-notice" });
    noticeEl.hidden = !notice;
    var howto = root.querySelector(".cq-branching__howto");
    (howto || situation).insertAdjacentElement("afterend", bar);
    var chosen = dom.node("div", null, null, { class: "cq-branching__chosen" });
    var path = dom.node("div", null, null, { class: "cq-branching__path" });

    function save() {
      if (!curriculum.store.write("scenario", config.id, state)) {
        noticeEl.textContent = t("scenario.notSaved");
        noticeEl.hidden = false;
      }
    }

    function choiceText(nodeId, choiceId) {
      return choiceEls[nodeId][choiceId].link.textContent.trim();
    }

    function showChosen(at) {
      chosen.textContent = "";
      var last = state.steps[state.steps.length - 1];
      if (!last) {
        chosen.remove();
        return;
      }
      var parts = choiceEls[last[0]][last[1]];
      var said = dom.node("p", chosen, null);
      dom.node("strong", said, t("scenario.youChose") + " ");
      cloneInto(said, parts.link);
      var feedback = dom.node("div", chosen, null, { class: "cq-branching__said" });
      [].forEach.call(parts.feedback.children, function (child) {
        if (child.tagName !== "SUMMARY") feedback.appendChild(child.cloneNode(true));
      });
      sections[at].heading.insertAdjacentElement("afterend", chosen);
    }

    function showPath(at) {
      path.textContent = "";
      if (kindOf(config, at) !== "ending") {
        path.remove();
        return;
      }
      dom.node("h4", path, t("scenario.yourPath"));
      var list = dom.node("ol", path);
      state.steps.forEach(function (step) {
        dom.node("li", list, t("scenario.step", { moment: titleOf(sections[step[0]].heading), choice: choiceText(step[0], step[1]) }));
      });
      var rating = t("scenario.rating." + config.endings[at]);
      dom.node("p", path, t("scenario.ended", { ending: titleOf(sections[at].heading), rating: rating }), { class: "cq-branching__end" });
      var again = dom.node("button", path, t("scenario.playAgain"), { type: "button", class: "md-button md-button--primary cq-branching__replay" });
      again.addEventListener("click", function () {
        go(S.restart(state), "restart");
      });
      sections[at].section.appendChild(path);
    }

    function render() {
      var at = S.replay(config, state.steps);
      Object.keys(sections).forEach(function (id) {
        sections[id].section.hidden = id !== at.current;
      });
      showChosen(at.current);
      showPath(at.current);
      backButton.disabled = !state.steps.length;
      restartButton.disabled = !state.steps.length;
      where.textContent = at.ended ? t("scenario.whereEnded", { n: state.steps.length }) : t("scenario.where", { n: state.steps.length + 1 });
      return at;
    }

    /* Move to a new state: save, show, focus the new heading and announce it. */
    function go(next, why) {
      var before = S.replay(config, state.steps);
      state = next;
      save();
      var at = render();
      var heading = sections[at.current].heading;
      heading.scrollIntoView({ block: "start" });
      heading.focus({ preventScroll: true });
      var title = titleOf(heading);
      var text = at.ended
        ? t("scenario.nowEnding", { title: title, rating: t("scenario.rating." + config.endings[at.current]) })
        : t(why === "restart" ? "scenario.nowRestart" : why === "back" ? "scenario.nowBack" : "scenario.now", { title: title });
      dom.say(live, text);
      if (at.ended && !before.ended && why === "choose") {
        root.dispatchEvent(new CustomEvent("curriculum:scenario-ended", { bubbles: true, detail: S.endedDetail(config, at.current) }));
      }
    }

    render();
    save();

    root.addEventListener("click", function (ev) {
      var button = ev.target.closest("button");
      if (!button || !root.contains(button)) return;
      if (button.classList.contains("cq-branching__choose")) {
        var next = S.choose(config, state, button.getAttribute("data-choice"));
        if (next !== state) go(next, "choose");
      } else if (button === backButton && state.steps.length) {
        go(S.back(state), "back");
      } else if (button === restartButton && state.steps.length) {
        go(S.restart(state), "restart");
      }
    });
  });
})(window.curriculum);

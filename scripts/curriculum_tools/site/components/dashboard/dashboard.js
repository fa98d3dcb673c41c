/* dashboard: the records in this browser, and per trainee the latest rating of each
   competency by the rule `curriculum report` uses (records.latestRating), filtered by
   trainee and checklist; and each trainee's progress against the assessment plan
   (records.progress, plan.js). config (data-config): levels, checklists, competencies,
   requirements, order, schema. The sign-off rules (schema.js, rating.js, plan.js: the
   signoff bundle) load as it starts when the browser holds any record; an empty dashboard
   needs none of them. */
(function (curriculum) {
  "use strict";
  var t = curriculum.t;
  var dom = curriculum.dom;
  var R = curriculum.records;

  /* Trainees by name (grouped as the report groups them: case and spacing ignored), each with
     the name first written and their records. */
  function byTrainee(records) {
    var groups = {};
    records
      .slice()
      .sort(function (a, b) {
        return a.date < b.date ? -1 : a.date > b.date ? 1 : Date.parse(a.updated) - Date.parse(b.updated);
      })
      .forEach(function (r) {
        var key = R.traineeKey(r.trainee);
        if (!key) return;
        (groups[key] = groups[key] || { name: r.trainee.split(/\s+/).filter(Boolean).join(" "), records: [] }).records.push(r);
      });
    return Object.keys(groups)
      .sort()
      .map(function (k) {
        return groups[k];
      });
  }

  curriculum.dashboard = { byTrainee: byTrainee };
  if (typeof document === "undefined") return;
  var script = document.currentScript;
  var rules = script && script.dataset.signoff; // the sign-off rules' address

  curriculum.component("dashboard", function (root, config) {
    var who = root.querySelector(".cd-trainee");
    var which = root.querySelector(".cd-checklist");
    var body = root.querySelector(".cd-records tbody");
    var head = root.querySelector(".cd-matrix tr");
    var grid = root.querySelector(".cd-matrix tbody");
    var status = root.querySelector(".cr-status");
    var plan = root.querySelector(".cd-plan");
    root.querySelector(".cd-ui").hidden = false;

    function row(tbody, cells) {
      var tr = dom.node("tr", tbody);
      cells.forEach(function (text, i) {
        if (i) dom.node("td", tr, text);
        else dom.node("th", tr, text, { scope: "row" });
      });
      return tr;
    }
    function render() {
      var db = R.load();
      var all = R.list(db);
      if (all.length && !R.progress && rules) return dom.script(rules, render);
      var complete = all.filter(function (r) {
        return !R.problems(R.canon(r), config.schema).length;
      });
      var groups = byTrainee(all);
      var chosen = groups.some(function (g) {
        return g.name === who.value;
      })
        ? who.value
        : "";
      who.length = 1;
      groups.forEach(function (g) {
        dom.node("option", who, g.name).value = g.name;
      });
      who.value = chosen;
      var c = which.value;
      var shown = all
        .filter(function (r) {
          return (!chosen || R.traineeKey(r.trainee) === R.traineeKey(chosen)) && (!c || r.checklist.id === c);
        })
        .sort(function (a, b) {
          return (a.date || "") + a.updated < (b.date || "") + b.updated ? 1 : -1;
        });
      root.querySelector(".cd-empty").hidden = !!shown.length;
      [body, grid].forEach(function (b) {
        b.closest(".cd-scroll").hidden = !shown.length;
        b.textContent = "";
      });
      shown.forEach(function (r) {
        var s = r.signed_off;
        var def = config.checklists[r.checklist.id];
        var observer = r.observer.name + (r.observer.role ? " (" + r.observer.role + ")" : "");
        var signed = s ? t("dashboard.signedBy", { by: s.by, date: s.date }) : r.pending_sign_off ? t("dashboard.pending") : t("dashboard.no");
        row(body, [r.trainee || t("records.noTrainee"), def ? def.title : r.checklist.id, r.date || t("records.noDate"), observer, signed]);
      });
      while (head.cells.length > 1) head.lastChild.remove();
      var people = groups.filter(function (g) {
        return shown.some(function (r) {
          return R.traineeKey(r.trainee) === R.traineeKey(g.name);
        });
      });
      people.forEach(function (g) {
        dom.node("th", head, g.name, { scope: "col" });
      });
      config.competencies.forEach(function (comp) {
        var items = c ? config.checklists[c].items : null;
        if (
          items &&
          !Object.keys(items).some(function (i) {
            return items[i].competencies.indexOf(comp[0]) >= 0;
          })
        )
          return;
        var cells = people.map(function (g) {
          var mine = complete.filter(function (r) {
            return R.traineeKey(r.trainee) === R.traineeKey(g.name) && (!c || r.checklist.id === c);
          });
          return R.latestRating(mine, comp[0], config) || t("dashboard.notRated");
        });
        var tr = row(grid, [comp[0] + " "].concat(cells));
        dom.node("span", tr.firstChild, comp[1], { class: "cd-statement" });
      });
      if (plan && R.progress) showPlan(complete, chosen);
      else if (plan) plan.closest(".cd-scroll").hidden = true;
      dom.say(status, db.notice || "");
    }
    /* Each trainee's progress against the plan: status, each target in words with a bar
       (decorative: the words say it all), and the entrustment level reached. */
    function showPlan(records, chosen) {
      var cohort = R.progress(records, config).trainees.filter(function (p) {
        return !chosen || R.traineeKey(p.trainee) === R.traineeKey(chosen);
      });
      var planHead = plan.querySelector("tr");
      var planBody = plan.querySelector("tbody");
      while (planHead.cells.length > 1) planHead.lastChild.remove();
      planBody.textContent = "";
      plan.closest(".cd-scroll").hidden = !cohort.length;
      var levels = {};
      config.levels.forEach(function (l) {
        levels[l[0]] = l[1];
      });
      cohort.forEach(function (p) {
        dom.node("th", planHead, p.trainee, { scope: "col" });
      });
      config.order.forEach(function (competency, i) {
        var tr = dom.node("tr", planBody);
        dom.node("th", tr, competency, { scope: "row" });
        cohort.forEach(function (p) {
          var c = p.competencies[i];
          var td = dom.node("td", tr);
          dom.node("strong", td, t("dashboard.status." + c.status));
          var ul = dom.node("ul", td);
          c.targets.forEach(function (target) {
            var words = [t("dashboard.target." + target.target, target)];
            if (target.met) words.push(t("dashboard.met"));
            if (target.missing && target.missing.length) words.push(t("dashboard.missing", { items: target.missing.join(", ") }));
            var li = dom.node("li", ul, words.join(" "));
            var bar = dom.node("span", li, null, { class: "cd-bar", "aria-hidden": "true" });
            dom.node("span", bar).style.width = Math.round(Math.min(1, target.need ? target.have / target.need : 1) * 100) + "%";
          });
          if (c.level_reached) dom.node("li", ul, t("dashboard.reached", { level: levels[c.level_reached] }));
        });
      });
    }
    who.addEventListener("change", render);
    which.addEventListener("change", render);
    root.querySelector("[data-act]").addEventListener("click", function () {
      R.exchange(function (x) {
        dom.say(status, x.exportAll(config.schema));
      });
    });
    render();
  });
})(window.curriculum);

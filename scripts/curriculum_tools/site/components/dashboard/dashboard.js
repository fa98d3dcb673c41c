/* dashboard: the records in this browser, and per trainee the latest rating of each
   competency by the rule `curriculum report` uses (records.latestRating), filtered by
   trainee and checklist. config (data-config): levels, checklists, competencies,
   requirements, schema. */
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

  curriculum.component("dashboard", function (root, config) {
    var who = root.querySelector(".cd-trainee");
    var which = root.querySelector(".cd-checklist");
    var body = root.querySelector(".cd-records tbody");
    var head = root.querySelector(".cd-matrix tr");
    var grid = root.querySelector(".cd-matrix tbody");
    var status = root.querySelector(".cr-status");
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
      dom.say(status, db.notice || "");
    }
    who.addEventListener("change", render);
    which.addEventListener("change", render);
    root.querySelector("[data-act]").addEventListener("click", function () {
      dom.say(status, R.exportAll(config.schema));
    });
    render();
  });
})(window.curriculum);

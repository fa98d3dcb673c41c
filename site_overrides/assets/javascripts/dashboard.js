/* dashboard: the records in this browser and each trainee's latest rating per competency,
   filtered by trainee and checklist. Uses recorder.js's helpers. */
(function () {
  "use strict";
  (window.curriculumModules = window.curriculumModules || {}).dashboard = function (root) {
    var R = window.curriculumRecords, node = R.node, cat = R.catalogue(root), lv = {};
    var $ = function (s) { return root.querySelector(s); }, who = $("#cd-trainee"), which = $("#cd-checklist");
    var body = $(".cd-records tbody"), head = $(".cd-matrix tr"), grid = $(".cd-matrix tbody");
    cat.scale.forEach(function (l) { if (l[2]) lv[l[0]] = l; });
    $(".cd-ui").hidden = false;
    function row(tbody, cells) {
      var tr = node("tr", tbody);
      cells.forEach(function (t, i) { if (!i) node("th", tr, t).scope = "row"; else node("td", tr, t); });
    }
    /* The lowest level given to the competency in the latest record that rates it. */
    function latest(recs, comp) {
      for (var i = 0, best; i < recs.length; i++) {
        recs[i].ratings.forEach(function (x) {
          var l = lv[x.rating], d = cat.checklists[recs[i].checklist.id];
          if (l && d && (d.items[x.item] || []).indexOf(comp) >= 0 && !(best && best[2] <= l[2])) best = l;
        });
        if (best) return best[1] + " (" + best[2] + "), " + recs[i].date;
      }
      return "Not rated";
    }
    function render() {
      var db = R.load(), recs = R.all(db), c = which.value, t;
      var names = recs.map(function (r) { return r.trainee; }).filter(function (n, i, a) { return n && a.indexOf(n) === i; }).sort();
      t = names.indexOf(who.value) < 0 ? "" : who.value;
      who.length = 1;
      names.forEach(function (n) { node("option", who, n).value = n; });
      who.value = t;
      recs = recs.filter(function (r) { return (!t || r.trainee === t) && (!c || r.checklist.id === c); })
        .sort(function (a, b) { return a.date + a.updated < b.date + b.updated ? 1 : -1; });
      $(".cd-empty").hidden = !!recs.length;
      [body, grid].forEach(function (b) { b.parentNode.parentNode.hidden = !recs.length; b.textContent = ""; });
      recs.forEach(function (r) {
        var s = r.signed_off, d = cat.checklists[r.checklist.id];
        row(body, [r.trainee || "No trainee yet", d ? d.title : r.checklist.id, r.date || "No date",
          r.observer.name + (r.observer.role ? " (" + r.observer.role + ")" : ""), s ? "Yes, by " + s.by + " on " + s.date : "No"]);
      });
      while (head.cells.length > 1) head.lastChild.remove();
      var people = names.filter(function (n) { return recs.some(function (r) { return r.trainee === n; }); });
      people.forEach(function (n) { node("th", head, n).scope = "col"; });
      cat.competencies.forEach(function (comp) {
        var items = c ? cat.checklists[c].items : {};
        if (c && !Object.keys(items).some(function (i) { return items[i].indexOf(comp[0]) >= 0; })) return;
        row(grid, [comp[0] + " "].concat(people.map(function (n) { return latest(recs.filter(function (r) { return r.trainee === n; }), comp[0]); })));
        node("span", grid.lastChild.firstChild, comp[1]).className = "cd-statement";
      });
      R.say($(".cr-status"), db.notice || "");
    }
    who.onchange = which.onchange = render;
    $("[data-act]").onclick = function () { R.say($(".cr-status"), R.exportAll(cat)); };
    render();
  };
})();

/* dashboard module: every record in this browser, and each trainee's latest rating per
   competency, filtered by trainee and checklist. Uses recorder.js's shared helpers. */
(function () {
  "use strict";
  (window.curriculumModules = window.curriculumModules || {}).dashboard = function (root) {
    var R = window.curriculumRecords, node = R.node, cat = R.catalogue(root), levels = {};
    var $ = function (s) { return root.querySelector(s); };
    var who = $("#cd-trainee"), which = $("#cd-checklist"), status = $(".cr-status"), empty = $(".cd-empty");
    var body = $(".cd-records tbody"), head = $(".cd-matrix thead tr"), grid = $(".cd-matrix tbody");
    cat.scale.forEach(function (l) { if (l[2] != null) levels[l[0]] = l; });
    $(".cd-ui").hidden = false;

    function latestFirst(a, b) { return a.date !== b.date ? (a.date < b.date ? 1 : -1) : a.updated < b.updated ? 1 : -1; }
    function cell(row, tag, text) { var c = node(tag, row, text); if (tag === "th") c.scope = "row"; return c; }
    /* The lowest level rated for a competency in the latest record that rates it at all. */
    function latest(records, comp) {
      for (var i = 0; i < records.length; i++) {
        var r = records[i], def = cat.checklists[r.checklist.id], best = null;
        r.ratings.forEach(function (x) {
          var l = levels[x.rating];
          if (l && def && (def.items[x.item] || []).indexOf(comp) >= 0 && (!best || l[2] < best[2])) best = l;
        });
        if (best) return best[1] + " (" + best[2] + "), " + r.date;
      }
      return "Not rated";
    }
    function render() {
      var db = R.load(), all = R.all(db), t = who.value, c = which.value;
      var names = all.map(function (r) { return r.trainee; }).filter(function (n, i, a) { return n && a.indexOf(n) === i; }).sort();
      who.length = 1;
      names.forEach(function (n) { node("option", who, n).value = n; });
      who.value = names.indexOf(t) >= 0 ? t : "";
      t = who.value;
      var rows = all.filter(function (r) { return (!t || r.trainee === t) && (!c || r.checklist.id === c); }).sort(latestFirst);
      empty.hidden = !!rows.length;
      [body, grid].forEach(function (b) { b.closest(".cd-scroll").hidden = !rows.length; b.textContent = ""; });
      rows.forEach(function (r) {
        var tr = node("tr", body), s = r.signed_off, def = cat.checklists[r.checklist.id];
        cell(tr, "th", r.trainee || "No trainee yet");
        cell(tr, "td", def ? def.title : r.checklist.id);
        cell(tr, "td", r.date || "No date");
        cell(tr, "td", r.observer.name + (r.observer.role ? " (" + r.observer.role + ")" : ""));
        cell(tr, "td", s ? "Yes, by " + s.by + " on " + s.date : "No");
      });
      while (head.children.length > 1) head.lastChild.remove();
      var people = t ? [t] : names.filter(function (n) { return rows.some(function (r) { return r.trainee === n; }); });
      people.forEach(function (n) { node("th", head, n).scope = "col"; });
      cat.competencies.forEach(function (comp) {
        if (c && !Object.keys(cat.checklists[c].items).some(function (i) { return cat.checklists[c].items[i].indexOf(comp[0]) >= 0; })) return;
        var tr = node("tr", grid), th = cell(tr, "th", comp[0] + " ");
        node("span", th, comp[1]).className = "cd-statement";
        people.forEach(function (n) { cell(tr, "td", latest(rows.filter(function (r) { return r.trainee === n; }), comp[0])); });
      });
      if (db.notice) R.say(status, db.notice);
    }
    who.onchange = which.onchange = render;
    $("[data-act=exportall]").onclick = function () { R.say(status, R.exportAll(cat)); };
    render();
  };
})();

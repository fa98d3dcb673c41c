/* rating: the latest rating per competency, by the rule of signoff/evaluate.py (the
   dashboard; tests/fixtures/parity/ hold the two together). */
(function (curriculum) {
  "use strict";
  var R = curriculum.records;
  if (R.latestRating) return;

  /* The rule of signoff/evaluate.py (_level and _assess), for one trainee's records and one
     competency: the latest counted record (by date, then updated) that rates it, as
     "Label, date", or "" when none does. framework: {levels, checklists: {id: {version,
     items: {item: {competencies, required}}}}, requirements: {competency: {checklists,
     signedOffOnly, countOlderVersions}} or null (no sign-off rules: every record counts)}. */
  function latestRating(records, competency, framework) {
    var levels = {};
    framework.levels.forEach(function (l) {
      levels[l[0]] = { label: l[1], level: l[2] };
    });
    var req = (framework.requirements && framework.requirements[competency]) || { checklists: null, signedOffOnly: false, countOlderVersions: true };
    var sorted = records.slice().sort(function (a, b) {
      return a.date < b.date ? -1 : a.date > b.date ? 1 : Date.parse(a.updated) - Date.parse(b.updated);
    });
    var latest = "";
    sorted.forEach(function (r) {
      var checklist = framework.checklists[r.checklist.id];
      if (!checklist) return;
      if (req.checklists && req.checklists.indexOf(r.checklist.id) < 0) return;
      if (req.signedOffOnly && !r.signed_off) return;
      if (!req.countOlderVersions && r.checklist.version < checklist.version) return;
      var level = levelOf(r, checklist, competency, levels);
      if (level != null) latest = labelOf(levels, level) + ", " + r.date;
    });
    return latest;
  }
  function labelOf(levels, number) {
    var found = "";
    Object.keys(levels).forEach(function (id) {
      if (levels[id].level === number) found = levels[id].label;
    });
    return found;
  }
  /* A record's level for a competency: the lowest of the required items that observe it (all
     must be rated with a number), else the highest numbered rating of any item that does. */
  function levelOf(record, checklist, competency, levels) {
    var rated = {};
    (record.ratings || []).forEach(function (x) {
      if (x.item in checklist.items) rated[x.item] = levels[x.rating];
    });
    var items = Object.keys(checklist.items).filter(function (id) {
      return checklist.items[id].competencies.indexOf(competency) >= 0;
    });
    var required = items.filter(function (id) {
      return checklist.items[id].required;
    });
    var pool = required.length ? required : items;
    var numbers = [];
    for (var i = 0; i < pool.length; i++) {
      var level = rated[pool[i]] && rated[pool[i]].level;
      if (level != null) numbers.push(level);
      else if (required.length) return null;
    }
    if (!numbers.length) return null;
    return required.length ? Math.min.apply(null, numbers) : Math.max.apply(null, numbers);
  }

  /* The trainee a record belongs to, as signoff/evaluate.py groups them. */
  function traineeKey(name) {
    return String(name || "")
      .split(/\s+/)
      .filter(Boolean)
      .join(" ")
      .toLowerCase();
  }

  R.latestRating = latestRating;
  R.traineeKey = traineeKey;
})(window.curriculum);

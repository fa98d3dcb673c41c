/* plan: assessment-plan progress in the browser, by the rules of signoff/evaluate.py (_assess),
   signoff/progress.py (targets) and signoff/certification.py (level_reached); the fixtures in
   tests/fixtures/parity/progress/ hold the two sides to the same JSON. Entrustment levels are
   ordinal: a competency's level is the highest level whose requirement is met, never an
   average. config: signoff_config() of dashboard/render.py (levels, checklists, requirements,
   order). */
(function (curriculum) {
  "use strict";
  var R = curriculum.records;
  var SIGNED_OFF = "signed off";
  var NOT_YET = "not yet";
  var NO_EVIDENCE = "no evidence";

  function words(text) {
    return String(text || "")
      .split(/\s+/)
      .filter(Boolean)
      .join(" ");
  }
  function fold(text) {
    return words(text).toLowerCase();
  }
  function byDate(a, b) {
    if (a.date !== b.date) return a.date < b.date ? -1 : 1;
    return a.updated < b.updated ? -1 : a.updated > b.updated ? 1 : 0;
  }
  function levelsOf(config) {
    var levels = {};
    config.levels.forEach(function (l) {
      levels[l[0]] = { id: l[0], label: l[1], level: l[2] };
    });
    return levels;
  }
  function ratingsOf(record, checklist) {
    var out = {};
    (record.ratings || []).forEach(function (x) {
      if (x.item in checklist.items) out[x.item] = x.rating;
    });
    return out;
  }
  function observes(checklist, competency) {
    return Object.keys(checklist.items).some(function (id) {
      return checklist.items[id].competencies.indexOf(competency) >= 0;
    });
  }
  /* A record's number for a competency (signoff/evaluate.py _level): the lowest of the required
     items that observe it, all rated with a number; else the highest number of any item. */
  function levelOf(record, checklist, competency, levels) {
    var ratings = ratingsOf(record, checklist);
    var items = Object.keys(checklist.items).filter(function (id) {
      return checklist.items[id].competencies.indexOf(competency) >= 0;
    });
    var required = items.filter(function (id) {
      return checklist.items[id].required;
    });
    var numbers = [];
    var pool = required.length ? required : items;
    for (var i = 0; i < pool.length; i++) {
      var lv = levels[ratings[pool[i]]];
      if (lv && lv.level != null) numbers.push(lv.level);
      else if (required.length) return null;
    }
    if (!numbers.length) return null;
    return required.length ? Math.min.apply(null, numbers) : Math.max.apply(null, numbers);
  }
  function isOlder(record, checklist) {
    return record.checklist.version < checklist.version;
  }
  function labelOf(levels, number) {
    var found = "";
    Object.keys(levels).forEach(function (id) {
      if (levels[id].level === number) found = levels[id].label;
    });
    return found;
  }
  function distinct(list, key) {
    var seen = {};
    return list.filter(function (x) {
      var k = key(x);
      if (k in seen) return false;
      seen[k] = true;
      return true;
    });
  }

  /* One trainee's records (sorted by date, then updated) against one competency's
     requirement: {status, sessions, observers, latest, contexts}. */
  function assess(records, competency, req, config, levels) {
    var minimum = levels[req.minRating].level;
    var rated = [];
    records.forEach(function (r) {
      var checklist = config.checklists[r.checklist.id];
      if (!checklist || !observes(checklist, competency)) return;
      if (req.checklists && req.checklists.indexOf(r.checklist.id) < 0) return;
      rated.push({ record: r, level: levelOf(r, checklist, competency, levels), older: isOlder(r, checklist) });
    });
    if (
      !rated.some(function (x) {
        return x.level != null;
      })
    ) {
      return { status: NO_EVIDENCE, sessions: 0, observers: 0, latest: "" };
    }
    var counted = rated.filter(function (x) {
      if (x.level == null) return true;
      if (req.signedOffOnly && !x.record.signed_off) return false;
      return !(!req.countOlderVersions && x.older);
    });
    var meeting = counted.filter(function (x) {
      return x.level != null && x.level >= minimum;
    });
    var sessions = distinct(meeting, function (x) {
      return x.record.date;
    }).length;
    var observers = distinct(meeting, function (x) {
      return fold(x.record.observer.name);
    }).length;
    var contexts = distinct(
      meeting.filter(function (x) {
        return words(x.record.context);
      }),
      function (x) {
        return fold(x.record.context);
      }
    ).length;
    var withLevel = counted.filter(function (x) {
      return x.level != null;
    });
    var last = withLevel[withLevel.length - 1];
    var latest = last ? labelOf(levels, last.level) + ", " + last.record.date : "";
    var enough = !req.minContexts || contexts >= req.minContexts;
    var met = sessions >= req.minSessions && observers >= req.minObservers && enough;
    return { status: met ? SIGNED_OFF : NOT_YET, sessions: sessions, observers: observers, latest: latest };
  }

  /* The targets of the plan (signoff/progress.py targets): sessions, observers, required
     items (when any), contexts (when required), each {target, have, need, met}. */
  function targets(records, competency, req, config, levels, judged) {
    var minimum = levels[req.minRating].level;
    var counted = records.filter(function (r) {
      var checklist = config.checklists[r.checklist.id];
      if (!checklist || !observes(checklist, competency)) return false;
      if (req.checklists && req.checklists.indexOf(r.checklist.id) < 0) return false;
      if (req.signedOffOnly && !r.signed_off) return false;
      return !(!req.countOlderVersions && isOlder(r, checklist));
    });
    var out = [
      { target: "sessions", have: judged.sessions, need: req.minSessions },
      { target: "observers", have: judged.observers, need: req.minObservers },
    ];
    var required = [];
    Object.keys(config.checklists)
      .sort()
      .forEach(function (cid) {
        if (req.checklists && req.checklists.indexOf(cid) < 0) return;
        var items = config.checklists[cid].items;
        Object.keys(items).forEach(function (item) {
          if (items[item].required && items[item].competencies.indexOf(competency) >= 0) required.push(cid + "/" + item);
        });
      });
    if (required.length) {
      var seen = {};
      counted.forEach(function (r) {
        var ratings = ratingsOf(r, config.checklists[r.checklist.id]);
        Object.keys(ratings).forEach(function (item) {
          var lv = levels[ratings[item]];
          if (lv && lv.level != null && lv.level >= minimum) seen[r.checklist.id + "/" + item] = true;
        });
      });
      var missing = required.filter(function (k) {
        return !seen[k];
      });
      out.push({ target: "required items", have: required.length - missing.length, need: required.length, missing: missing });
    }
    if (req.minContexts) {
      var meeting = counted.filter(function (r) {
        var lv = levelOf(r, config.checklists[r.checklist.id], competency, levels);
        return lv != null && lv >= minimum && words(r.context);
      });
      var contexts = distinct(meeting, function (r) {
        return fold(r.context);
      }).length;
      out.push({ target: "contexts", have: contexts, need: req.minContexts });
    }
    out.forEach(function (x) {
      x.met = x.have >= x.need;
    });
    return out;
  }

  /* The highest numbered level at which a signed-off requirement is still met. */
  function levelReached(records, competency, req, config, levels) {
    var numbered = config.levels
      .filter(function (l) {
        return l[2] != null;
      })
      .sort(function (a, b) {
        return b[2] - a[2];
      });
    var minimum = levels[req.minRating];
    for (var i = 0; i < numbered.length; i++) {
      if (numbered[i][2] < minimum.level) break;
      var stricter = Object.assign({}, req, { minRating: numbered[i][0] });
      if (assess(records, competency, stricter, config, levels).status === SIGNED_OFF) return numbered[i][0];
    }
    return minimum.id;
  }

  /* The cohort's progress, as signoff/progress.py evaluate_progress gives it
     ("assessment-progress/1"): trainees by name, competencies in framework order. */
  function progress(records, config) {
    var levels = levelsOf(config);
    var groups = {};
    records
      .slice()
      .sort(byDate)
      .forEach(function (r) {
        var key = fold(r.trainee);
        if (!key) return;
        (groups[key] = groups[key] || { name: words(r.trainee), records: [] }).records.push(r);
      });
    var trainees = Object.keys(groups)
      .sort()
      .map(function (key) {
        var group = groups[key];
        return {
          trainee: group.name,
          competencies: config.order.map(function (competency) {
            var req = config.requirements[competency];
            var judged = assess(group.records, competency, req, config, levels);
            return {
              competency: competency,
              status: judged.status,
              level_reached: judged.status === SIGNED_OFF ? levelReached(group.records, competency, req, config, levels) : null,
              latest: judged.latest || null,
              targets: targets(group.records, competency, req, config, levels, judged),
            };
          }),
        };
      });
    return { format: "assessment-progress/1", trainees: trainees };
  }

  R.progress = progress;
})(window.curriculum);

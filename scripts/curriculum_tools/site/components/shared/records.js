/* records: supervisor records, shared by the recorder and the dashboard. Pure functions:
   signOffProblems, canon, cleanDb; checking a record against the record schema is
   schema.js, and export and import are exchange.js (both loaded where they are used).
   Storage: store kind "records". */
(function (curriculum) {
  "use strict";
  if (curriculum.records && curriculum.records.canon) return;
  var t = curriculum.t;
  var RECORD = "supervisor-record/1";
  var BUNDLE = "supervisor-records/1";

  function kind(x) {
    return Array.isArray(x) ? "array" : x === null ? "null" : Number.isInteger(x) ? "integer" : typeof x;
  }

  /* The export form: the schema's key order, every optional text present, so that
     export -> import -> export gives the same bytes. */
  function canon(r) {
    var o = r.observer || {};
    var s = r.signed_off;
    return {
      format: RECORD,
      id: r.id,
      checklist: { id: r.checklist.id, version: r.checklist.version },
      trainee: r.trainee || "",
      observer: { name: o.name || "", role: o.role || "" },
      date: r.date || "",
      context: r.context || "",
      ratings: (r.ratings || []).map(function (x) {
        var y = { item: x.item, rating: x.rating };
        if (x.comment) y.comment = x.comment;
        return y;
      }),
      strengths: r.strengths || "",
      next_steps: r.next_steps || "",
      evidence_url: r.evidence_url || "",
      signed_off: s ? { by: s.by, date: s.date } : null,
      created: r.created,
      updated: r.updated,
    };
  }

  /* Required items not yet rated with a numbered level (framework.levels: [id, label,
     level]; a level without a number, such as "Not observed", does not count). */
  function signOffProblems(ratings, checklist, levels) {
    var numbered = {};
    levels.forEach(function (l) {
      if (l[2] != null) numbered[l[0]] = true;
    });
    return checklist.required.filter(function (item) {
      return !numbered[ratings[item]];
    });
  }

  var TEXT = ["format", "trainee", "date", "context", "strengths", "next_steps", "evidence_url", "created", "updated"];
  function isSign(s) {
    return kind(s) === "object" && typeof s.by === "string" && typeof s.date === "string";
  }
  function isRating(x) {
    return kind(x) === "object" && typeof x.item === "string" && typeof x.rating === "string" && (x.comment == null || typeof x.comment === "string");
  }
  /* The stored records, kept field by field: a field of the wrong shape is dropped (and
     counted), a record without a checklist is dropped whole. Sound data is kept as stored. */
  function cleanDb(value) {
    var v = kind(value) === "object" ? value : {};
    var recs = kind(v.records) === "object" ? v.records : {};
    var out = { records: {}, current: {}, dropped: 0 };
    Object.keys(recs).forEach(function (id) {
      var r = recs[id];
      if (kind(r) !== "object" || kind(r.checklist) !== "object" || typeof r.checklist.id !== "string" || !Number.isInteger(r.checklist.version)) {
        out.dropped++;
        return;
      }
      function drop(name, fallback) {
        out.dropped++;
        if (fallback === undefined) delete r[name];
        else r[name] = fallback;
      }
      r.id = id;
      TEXT.forEach(function (name) {
        if (name in r && typeof r[name] !== "string") drop(name);
      });
      if (kind(r.observer) !== "object") drop("observer", { name: "", role: "" });
      ["name", "role"].forEach(function (name) {
        if (typeof r.observer[name] !== "string") {
          out.dropped += name in r.observer ? 1 : 0;
          r.observer[name] = "";
        }
      });
      if (!Array.isArray(r.ratings)) drop("ratings", []);
      var sound = r.ratings.filter(isRating);
      if (sound.length < r.ratings.length) {
        out.dropped += r.ratings.length - sound.length;
        r.ratings = sound;
      }
      if (r.signed_off != null && !isSign(r.signed_off)) drop("signed_off", null);
      if (r.pending_sign_off != null && !isSign(r.pending_sign_off)) drop("pending_sign_off");
      if (!("signed_off" in r)) r.signed_off = null;
      out.records[id] = r;
    });
    var current = kind(v.current) === "object" ? v.current : {};
    Object.keys(current).forEach(function (cid) {
      if (typeof current[cid] === "string" && out.records[current[cid]]) out.current[cid] = current[cid];
    });
    return out;
  }

  curriculum.records = Object.assign(curriculum.records || {}, {
    RECORD: RECORD,
    BUNDLE: BUNDLE,
    canon: canon,
    signOffProblems: signOffProblems,
    cleanDb: cleanDb,
  });
  if (typeof document === "undefined") return;
  var store = curriculum.store;
  var script = document.currentScript;
  var address = script && script.dataset.exchange; // schema.js and exchange.js, beside the bundle

  /* Export and import (exchange.js, with the record schema's checks): loaded on first use;
     then(exchange) once they are here. */
  curriculum.records.exchange = function (then) {
    if (curriculum.exchange || !address) return then(curriculum.exchange);
    curriculum.dom.script(address, function () {
      then(curriculum.exchange);
    });
  };

  curriculum.records.load = function () {
    var got = store.read("records");
    var db = cleanDb(got.value);
    db.notice = [got.notice, db.dropped ? t("records.dropped", { n: db.dropped }) : ""].filter(Boolean).join(" ");
    return db;
  };
  curriculum.records.save = function (db) {
    return store.write("records", "", { records: db.records, current: db.current });
  };
  curriculum.records.list = function (db) {
    return Object.keys(db.records).map(function (k) {
      return db.records[k];
    });
  };
  curriculum.records.describe = function (r) {
    return (r.trainee || t("records.noTrainee")) + ", " + (r.date || t("records.noDate"));
  };
})(window.curriculum);

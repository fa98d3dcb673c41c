/* records: supervisor records, shared by the recorder and the dashboard. Pure functions:
   - validate(schema, value): the record schema the build emits (schemas/record.schema.json
     tightened with this site's ids and the CLI's cross-checks), checked by a small engine
     that implements exactly the KEYWORDS below; any other keyword is an error, never skipped;
   - signOffProblems, canon, cleanDb. Storage: store kind "records". */
(function (curriculum) {
  "use strict";
  if (curriculum.records) return;
  var t = curriculum.t;
  var RECORD = "supervisor-record/1";
  var BUNDLE = "supervisor-records/1";
  var STAMP = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?([Zz]|[+-]\d\d:\d\d)$/;
  var ANNOTATIONS = ["$schema", "$id", "title", "description", "examples", "default", "$defs"];

  function kind(x) {
    return Array.isArray(x) ? "array" : x === null ? "null" : Number.isInteger(x) ? "integer" : typeof x;
  }
  function isDate(s) {
    return /^\d{4}-\d\d-\d\d$/.test(s) && !isNaN(Date.parse(s)) && new Date(s).toISOString().slice(0, 10) === s;
  }
  function equal(a, b) {
    return JSON.stringify(a) === JSON.stringify(b);
  }

  /* Each keyword: function (value of the keyword, instance, context) -> problems are added
     with ctx.bad(message[, path]). ctx.check(subschema, instance, path) validates deeper. */
  var KEYWORDS = {
    $ref: function (ref, x, ctx) {
      ctx.check(ctx.resolve(ref), x, ctx.path);
    },
    if: function (cond, x, ctx, s) {
      var branch = ctx.passes(cond, x) ? s.then : s.else;
      if (branch) ctx.check(branch, x, ctx.path);
    },
    then: function () {},
    else: function () {},
    allOf: function (list, x, ctx) {
      list.forEach(function (sub) {
        ctx.check(sub, x, ctx.path);
      });
    },
    type: function (types, x, ctx) {
      var k = kind(x);
      types = [].concat(types);
      if (types.indexOf(k) < 0 && !(k === "integer" && types.indexOf("number") >= 0)) ctx.stop(t("records.type", { type: types.join(t("records.or")) }));
    },
    const: function (want, x, ctx) {
      if (!equal(x, want)) ctx.bad(t("records.const", { value: want }));
    },
    enum: function (list, x, ctx) {
      if (
        !list.some(function (v) {
          return equal(v, x);
        })
      )
        ctx.bad(x === "" ? t("records.empty") : t("records.unknown", { value: x }));
    },
    minLength: function (n, x, ctx) {
      if (typeof x === "string" && x.trim().length < n) ctx.bad(t("records.empty"));
    },
    maxLength: function (n, x, ctx) {
      if (typeof x === "string" && x.length > n) ctx.bad(t("records.tooLong", { n: n }));
    },
    pattern: function (re, x, ctx) {
      if (typeof x === "string" && !new RegExp(re, "u").test(x)) ctx.bad(t("records.pattern"));
    },
    format: function (name, x, ctx) {
      if (typeof x !== "string") return;
      var ok = name === "date" ? isDate(x) : name === "date-time" ? STAMP.test(x) && !isNaN(Date.parse(x)) : false;
      if (!ok) ctx.bad(t("records.format." + name));
    },
    minimum: function (n, x, ctx) {
      if (typeof x === "number" && x < n) ctx.bad(t("records.minimum", { n: n }));
    },
    maximum: function (n, x, ctx) {
      if (typeof x === "number" && x > n) ctx.bad(t("records.maximum", { n: n }));
    },
    required: function (names, x, ctx) {
      if (kind(x) !== "object") return;
      names.forEach(function (p) {
        if (!(p in x)) ctx.bad(t("records.missing"), ctx.path.concat(p));
      });
    },
    properties: function (props, x, ctx) {
      if (kind(x) !== "object") return;
      Object.keys(props).forEach(function (p) {
        if (p in x) ctx.check(props[p], x[p], ctx.path.concat(p));
      });
    },
    additionalProperties: function (allowed, x, ctx, s) {
      if (kind(x) !== "object" || allowed !== false) return;
      Object.keys(x).forEach(function (p) {
        if (!s.properties || !(p in s.properties)) ctx.bad(t("records.extra"), ctx.path.concat(p));
      });
    },
    items: function (sub, x, ctx) {
      if (!Array.isArray(x)) return;
      x.forEach(function (y, i) {
        ctx.check(sub, y, ctx.path.concat(i));
      });
    },
    contains: function (sub, x, ctx, s) {
      if (!Array.isArray(x)) return;
      var at = [];
      x.forEach(function (y, i) {
        if (ctx.passes(sub, y)) at.push(i);
      });
      var min = "minContains" in s ? s.minContains : 1;
      if (at.length < min) ctx.bad(t("records.containsMin", { n: min }));
      if ("maxContains" in s && at.length > s.maxContains) ctx.bad(t("records.repeats"), ctx.path.concat(at[s.maxContains]));
    },
    minContains: function () {},
    maxContains: function () {},
  };
  var ORDER = ["$ref", "if", "allOf", "type"]; // type first among the rest: a wrong type stops the rest

  /* Problems of x against schema: [{path: [...], message}]. Throws on an unknown keyword. */
  function validate(schema, x) {
    var out = [];
    function resolve(ref) {
      var name = ref.replace(/^#\/\$defs\//, "");
      if (!schema.$defs || !schema.$defs[name]) throw new Error("unsupported $ref " + ref);
      return schema.$defs[name];
    }
    function run(s, value, path, sink) {
      var stopped = false;
      var ctx = {
        path: path,
        resolve: resolve,
        bad: function (message, at) {
          sink.push({ path: at || path, message: message });
        },
        stop: function (message) {
          ctx.bad(message);
          stopped = true;
        },
        check: function (sub, y, at) {
          run(sub, y, at, sink);
        },
        passes: function (sub, y) {
          var trial = [];
          run(sub, y, path, trial);
          return !trial.length;
        },
      };
      var names = Object.keys(s).filter(function (k) {
        if (ANNOTATIONS.indexOf(k) >= 0) return false;
        if (!(k in KEYWORDS)) throw new Error("record schema keyword not implemented: " + k);
        return true;
      });
      names.sort(function (a, b) {
        var i = ORDER.indexOf(a),
          j = ORDER.indexOf(b);
        return (i < 0 ? 9 : i) - (j < 0 ? 9 : j);
      });
      for (var n = 0; n < names.length && !stopped; n++) KEYWORDS[names[n]](s[names[n]], value, ctx, s);
    }
    run(schema, x, [], out);
    return out;
  }

  /* Problems as [{path: "ratings.0.item", text: "ratings › #1 › item ... "}]. */
  function problems(x, schema) {
    return validate(schema, x).map(function (p) {
      var where = p.path
        .map(function (q) {
          return typeof q === "number" ? "#" + (q + 1) : q.replace("_", " ");
        })
        .join(" › ");
      return { path: p.path.join("."), text: (where || t("records.theFile")) + " " + p.message };
    });
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

  curriculum.records = {
    RECORD: RECORD,
    BUNDLE: BUNDLE,
    KEYWORDS: Object.keys(KEYWORDS),
    validate: validate,
    problems: problems,
    canon: canon,
    signOffProblems: signOffProblems,
    cleanDb: cleanDb,
  };
  if (typeof document === "undefined") return;
  var store = curriculum.store;

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
  curriculum.records.download = function (name, data) {
    var url = URL.createObjectURL(new Blob([JSON.stringify(data, null, 2) + "\n"], { type: "application/json" }));
    var a = curriculum.dom.node("a", null, null, { href: url, download: name });
    a.click(); // a detached link: instant navigation never sees the click
    setTimeout(function () {
      URL.revokeObjectURL(url);
    }, 5e3);
  };
  /* Export every complete record in this browser; returns what to tell the person. */
  curriculum.records.exportAll = function (schema) {
    var R = curriculum.records;
    var db = R.load();
    var ok = R.list(db)
      .map(canon)
      .filter(function (r) {
        return !problems(r, schema).length;
      });
    ok.sort(function (a, b) {
      return a.created + a.id < b.created + b.id ? -1 : 1;
    });
    if (ok.length) R.download("records-" + new Date().toISOString().slice(0, 10) + ".json", { format: BUNDLE, records: ok });
    var skipped = Object.keys(db.records).length - ok.length;
    return t("records.exported", { n: ok.length }) + (skipped ? " " + t("records.skipped", { n: skipped }) : "");
  };
})(window.curriculum);

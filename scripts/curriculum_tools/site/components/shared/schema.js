/* schema: the record schema the build emits (schemas/record.schema.json tightened with this
   site's ids and the CLI's cross-checks), checked by a small engine that implements exactly
   the KEYWORDS below; any other keyword is an error, never skipped (tests/test_parity.py
   fails on a keyword the build emits that this engine lacks). validate(schema, value) and
   problems(value, schema) join curriculum.records. Loaded where records are checked: the
   dashboard, and a checklist page's export and import (exchange.js). */
(function (curriculum) {
  "use strict";
  var R = (curriculum.records = curriculum.records || {});
  if (R.validate) return;
  var t = curriculum.t;
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

  R.KEYWORDS = Object.keys(KEYWORDS);
  R.validate = validate;
  R.problems = problems;
})(window.curriculum);

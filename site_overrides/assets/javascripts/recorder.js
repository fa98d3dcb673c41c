/* recorder: a checklist page's paper form, enhanced. Records live in curriculumStore
   ("records", v1) and leave the browser only when exported. Record text is only ever set
   as textContent or value. Records are checked against record.schema.json, which the build
   embeds with this site's checklist, item and rating ids as enums. */
(function () {
  "use strict";
  var ONE = "supervisor-record/1", store = window.curriculumStore;
  var STAMP = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)$/;

  function node(tag, parent, text) { var n = parent.appendChild(document.createElement(tag)); if (text != null) n.textContent = text; return n; }
  function kind(x) { return Array.isArray(x) ? "array" : x === null ? "null" : Number.isInteger(x) ? "integer" : typeof x; }
  function isDate(s) { return /^\d{4}-\d\d-\d\d$/.test(s) && !isNaN(Date.parse(s)) && new Date(s).toISOString().slice(0, 10) == s; }
  function all(db) { return Object.keys(db.records).map(function (k) { return db.records[k]; }); }
  function desc(r) { return (r.trainee || "no trainee yet") + ", " + (r.date || "no date"); }
  function say(el, msg) { if (el.textContent !== msg) el.textContent = msg; }

  /* The JSON Schema keywords record.schema.json uses; problems as [path, message]. */
  function validate(s, x, root, path, out) {
    function bad(msg, at) { out.push([at || path, msg]); }
    if (s.$ref) s = root.$defs[s.$ref.split("/").pop()];
    if (s.if) validate((validate(s.if, x, root, path, []).length ? s.else : s.then) || {}, x, root, path, out);
    (s.allOf || []).forEach(function (t) { validate(t, x, root, path, out); });
    var t = [].concat(s.type || []), k = kind(x);
    if (t.length && t.indexOf(k) < 0 && !(k == "integer" && t.indexOf("number") >= 0)) return bad("must be " + t.join(" or "));
    if ("const" in s && x !== s.const) bad("must be “" + s.const + "”");
    if (s.enum && s.enum.indexOf(x) < 0) bad(x === "" ? "is empty" : "“" + x + "” is not known on this site");
    if (k == "string") {
      if (x.trim().length < (s.minLength || 0)) bad("is empty");
      if (x.length > s.maxLength) bad("is longer than " + s.maxLength + " characters");
      if ((s.pattern && !RegExp(s.pattern).test(x)) || (s.format && !(s.format == "date" ? isDate(x) : STAMP.test(x) && !isNaN(Date.parse(x)))))
        bad(s.format ? "is not a valid " + s.format.replace("-", " and ") : "has characters that are not allowed");
    }
    if (x < s.minimum) bad("must be at least " + s.minimum);
    if (k == "object") {
      (s.required || []).forEach(function (p) { if (!(p in x)) bad("is missing", path.concat(p)); });
      Object.keys(x).forEach(function (p) {
        if (s.properties && s.properties[p]) validate(s.properties[p], x[p], root, path.concat(p), out);
        else if (s.additionalProperties === false) bad("is not a field of a record", path.concat(p));
      });
    }
    if (k == "array" && s.items) x.forEach(function (y, i) { validate(s.items, y, root, path.concat(i), out); });
    return out;
  }
  function problems(x, schema) {
    return validate(schema, x, schema, [], []).map(function (p) {
      return [p[0].join("."), (p[0].map(function (q) { return +q === q ? "#" + (q + 1) : q.replace("_", " "); }).join(" › ") || "the file") + " " + p[1]];
    });
  }

  function load() {
    var got = store.read("records", 1), v = got.value || {}, recs = kind(v.records) == "object" ? v.records : {};
    Object.keys(recs).forEach(function (k) { var r = recs[k]; if (!r || !r.checklist || !r.observer || !Array.isArray(r.ratings)) delete recs[k]; });
    return { records: recs, current: kind(v.current) == "object" ? v.current : {}, notice: got.notice };
  }
  function save(db) { return store.write("records", 1, { records: db.records, current: db.current }); }

  /* The export form: the schema's key order, every optional text present, so that
     export -> import -> export gives the same bytes. */
  function canon(r) {
    var o = r.observer, s = r.signed_off;
    return {
      format: ONE, id: r.id, checklist: { id: r.checklist.id, version: r.checklist.version }, trainee: r.trainee,
      observer: { name: o.name, role: o.role || "" }, date: r.date, context: r.context || "",
      ratings: r.ratings.map(function (x) { var y = { item: x.item, rating: x.rating }; if (x.comment) y.comment = x.comment; return y; }),
      strengths: r.strengths || "", next_steps: r.next_steps || "", evidence_url: r.evidence_url || "",
      signed_off: s ? { by: s.by, date: s.date } : null, created: r.created, updated: r.updated
    };
  }
  function download(name, data) {
    var a = document.createElement("a"), url = URL.createObjectURL(new Blob([JSON.stringify(data, null, 2) + "\n"], { type: "application/json" }));
    a.href = url;
    a.download = name;
    a.click(); // a detached link: instant navigation never sees the click
    setTimeout(function () { URL.revokeObjectURL(url); }, 5e3);
  }
  function exportAll(cat) {
    var ok = all(load()).map(canon).filter(function (r) { return !problems(r, cat.schema).length; });
    ok.sort(function (a, b) { return a.created + a.id < b.created + b.id ? -1 : 1; });
    if (ok.length) download("records-" + new Date().toISOString().slice(0, 10) + ".json", { format: "supervisor-records/1", records: ok });
    var skipped = Object.keys(load().records).length - ok.length;
    return "Exported " + ok.length + " record(s)." + (skipped ? " " + skipped + " unfinished record(s) left out: open them to complete them." : "");
  }
  function catalogue(root) { return JSON.parse(root.querySelector(".cr-data").getAttribute("data-json")); }

  window.curriculumRecords = { load: load, all: all, desc: desc, say: say, node: node, exportAll: exportAll, catalogue: catalogue };

  (window.curriculumModules = window.curriculumModules || {}).recorder = function (root) {
    var cat = catalogue(root), cid = cat.checklist, def = cat.checklists[cid], items = Object.keys(def.items);
    var $ = function (s) { return root.querySelector(s); };
    var form = $(".cr-form"), el = form.elements, ul = $(".cr-list"), status = $(".cr-status"), errors = $(".cr-errors"), dialog = $(".cr-dialog");
    var fields = [].filter.call(el, function (e) { return /^[a-z_.]+$/.test(e.name) && e.type != "checkbox"; });
    $(".cr-tools").hidden = false;

    function current(db) { return db.records[db.current[cid]]; }
    function fromForm(r) {
      fields.forEach(function (e) { var p = e.name.split("."); if (p[1]) (r[p[0]] = r[p[0]] || {})[p[1]] = e.value; else r[p[0]] = e.value; });
      if (!el.signed.checked) r.signed_off = null;
      r.checklist = { id: cid, version: def.version };
      r.ratings = [];
      items.forEach(function (id) {
        var rating = el["r:" + id].value, comment = el["c:" + id].value;
        if (rating || comment) r.ratings.push({ item: id, rating: rating, comment: comment });
      });
    }
    function toForm(r) {
      form.reset();
      if (!r) return;
      fields.forEach(function (e) { e.value = e.name.split(".").reduce(function (o, k) { return o && o[k]; }, r) || ""; });
      r.ratings.forEach(function (x) { if (el["c:" + x.item]) { el["r:" + x.item].value = x.rating; el["c:" + x.item].value = x.comment || ""; } });
      el.signed.checked = !!r.signed_off;
    }
    function summary(title, list) {
      errors.textContent = "";
      errors.hidden = !list.length;
      if (!list.length) return;
      node("h3", errors, title);
      var box = node("ul", errors);
      list.forEach(function (p) {
        var li = node("li", box), target = el[p[0]];
        if (target && !target.tagName) target = target[0];
        if (!target) return say(li, p[1]);
        var a = node("a", li, p[1]);
        a.href = "#" + target.id;
        a.onclick = function (e) { e.preventDefault(); e.stopPropagation(); target.focus(); }; // not to instant navigation, which would move focus later
      });
      errors.focus();
    }
    function stored(db, msg) {
      say(status, save(db) ? msg : "Not saved: this browser is not keeping data.");
      ul.textContent = "";
      var mine = all(db).filter(function (r) { return r.checklist.id === cid; }).sort(function (a, b) { return a.updated < b.updated ? 1 : -1; });
      if (!mine.length) node("li", ul, "No records for this checklist yet. Type in the form below: it is saved as you go.");
      mine.forEach(function (r) {
        var li = node("li", ul), open = db.current[cid] === r.id;
        node(open ? "strong" : "span", li, desc(r) + (r.observer.name ? ", observed by " + r.observer.name : "") + (open ? " (open below)" : ""));
        ["Open", "Duplicate", "Delete"].forEach(function (label) {
          var b = node("button", li, label);
          b.type = "button";
          b.className = "md-button cr-small";
          b.setAttribute("aria-label", label + " the record for " + desc(r));
          b.onclick = function () { act(label, r); };
        });
      });
    }
    function open(db, r, msg) {
      if (r) db.current[cid] = r.id;
      else delete db.current[cid];
      toForm(r);
      summary("", []);
      if (r && r.checklist.version !== def.version) msg += " It was made against version " + r.checklist.version + " of this checklist; the form is version " + def.version + ", and a change saves it as version " + def.version + ".";
      stored(db, msg);
      el.trainee.focus();
    }
    function act(what, r) {
      var db = load(), now = new Date().toISOString();
      if (what == "Open") return open(db, r, "Opened the record for " + desc(r) + ".");
      if (what == "Duplicate") {
        var copy = JSON.parse(JSON.stringify(r));
        copy.id = uuid();
        copy.created = copy.updated = now;
        copy.signed_off = null;
        db.records[copy.id] = copy;
        return open(db, copy, "Copied the record for " + desc(r) + " (without its sign-off). You are editing the copy.");
      }
      say($("#cr-dialog-t"), "Delete the record for " + desc(r) + "? This cannot be undone.");
      dialog.returnValue = "";
      dialog.onclose = function () {
        if (dialog.returnValue != "yes") return;
        db = load();
        delete db.records[r.id];
        if (db.current[cid] === r.id) { delete db.current[cid]; toForm(null); }
        stored(db, "Deleted the record for " + desc(r) + ".");
        $("#cr-tools-h").focus();
      };
      dialog.showModal();
    }
    function uuid() { return window.crypto && crypto.randomUUID ? crypto.randomUUID() : Date.now().toString(36) + "-" + Math.random().toString(36).slice(2, 12); }

    form.onsubmit = function (e) { e.preventDefault(); };
    form.addEventListener("input", function (e) {
      var db = load(), r = current(db), now = new Date().toISOString(), signing = e.target === el.signed && el.signed.checked, missing = [];
      if (signing) {
        el["signed_off.by"].value = el["signed_off.by"].value || el["observer.name"].value;
        el["signed_off.date"].value = el["signed_off.date"].value || new Date(Date.now() - new Date().getTimezoneOffset() * 6e4).toISOString().slice(0, 10);
        missing = def.required.filter(function (id) { return /^(|not-observed)$/.test(el["r:" + id].value); }).map(function (id) {
          return ["r:" + id, "Rate required item “" + $("[data-item='" + id + "'] legend").textContent + "” (not as “Not observed”) before signing off"];
        });
        el.signed.checked = !missing.length;
        summary("Not signed off yet", missing);
      }
      if (!r) { r = { format: ONE, id: uuid(), created: now }; db.records[r.id] = r; db.current[cid] = r.id; }
      fromForm(r);
      r.updated = now;
      stored(db, "Saved in this browser at " + new Date().toLocaleTimeString([], { hour: "2-digit", minute: "2-digit" }) + ".");
    });
    root.addEventListener("click", function (e) {
      var what = e.target.getAttribute("data-act"), r = current(load());
      if (what == "new") open(load(), null, "New blank record: it is saved as soon as you type.");
      if (what == "exportall") say(status, exportAll(cat));
      if (what != "export") return;
      if (!r) return say(status, "Nothing to export yet: fill in the form first.");
      var list = problems(canon(r), cat.schema);
      summary("Complete the record before exporting it", list);
      if (list.length) return;
      download("record-" + (r.trainee.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "") || "trainee") + "-" + r.date + ".json", canon(r));
      say(status, "Exported the record for " + desc(r) + ".");
    });
    $("#cr-import").onchange = function (e) {
      var input = e.target;
      Promise.all([].map.call(input.files, function (f) {
        return f.text().then(function (t) { return [f.name, t]; });
      })).then(function (files) {
        var db = load(), bad = [], notes = [], added = 0;
        files.forEach(function (f) {
          var data;
          try { data = JSON.parse(f[1]); } catch (err) { return bad.push(["", f[0] + " is not valid JSON (" + err.message + ")."]); }
          var list = problems(data, cat.schema);
          if (list.length) return list.forEach(function (p) { bad.push(["", f[0] + ": " + p[1] + "."]); });
          (data.records || [data]).forEach(function (r) {
            r = canon(r);
            var old = db.records[r.id], same = old && JSON.stringify(canon(old)) === JSON.stringify(r), newer = !old || Date.parse(r.updated) > Date.parse(old.updated);
            if (newer) { db.records[r.id] = r; added++; }
            if (old) notes.push(same ? "The record for " + desc(r) + " is already here." : newer ? "Replaced the record for " + desc(old) + " with the newer copy in " + f[0] + "." : "Kept the record for " + desc(old) + ": it is newer than the copy in " + f[0] + ".");
          });
        });
        toForm(current(db));
        stored(db, ["Imported " + added + " record(s)."].concat(notes).join(" "));
        if (bad.length) bad.push(["", "Files with problems were not imported; the records already in this browser are unchanged."]);
        summary("Some files could not be imported", bad);
        input.value = "";
      });
    };

    var db = load();
    toForm(current(db));
    stored(db, db.notice || "");
  };
})();

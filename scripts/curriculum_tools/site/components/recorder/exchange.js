/* exchange: records out of and into this browser, as files: export the open record (once
   the schema finds nothing missing), export every complete record, import files of either
   kind (the newer copy of a record wins). Loaded on first use by the recorder (and the
   dashboard's Export), after schema.js. A view is what the recorder lends it: {config, el,
   status, errors, current(db), toForm(record), stored(db, message)}. */
(function (curriculum) {
  "use strict";
  if (curriculum.exchange) return;
  var t = curriculum.t;
  var dom = curriculum.dom;
  var R = curriculum.records;

  function fileName(r) {
    var who = (r.trainee || "")
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-|-$/g, "");
    return "record-" + (who || "trainee") + "-" + r.date + ".json";
  }

  function download(name, data) {
    var url = URL.createObjectURL(new Blob([JSON.stringify(data, null, 2) + "\n"], { type: "application/json" }));
    var a = dom.node("a", null, null, { href: url, download: name });
    a.click(); // a detached link: instant navigation never sees the click
    setTimeout(function () {
      URL.revokeObjectURL(url);
    }, 5e3);
  }

  /* Export every complete record in this browser; returns what to tell the person. */
  function exportAll(schema) {
    var db = R.load();
    var ok = R.list(db)
      .map(R.canon)
      .filter(function (r) {
        return !R.problems(r, schema).length;
      });
    ok.sort(function (a, b) {
      return a.created + a.id < b.created + b.id ? -1 : 1;
    });
    if (ok.length) download("records-" + new Date().toISOString().slice(0, 10) + ".json", { format: R.BUNDLE, records: ok });
    var skipped = Object.keys(db.records).length - ok.length;
    return t("records.exported", { n: ok.length }) + (skipped ? " " + t("records.skipped", { n: skipped }) : "");
  }

  /* The open record as a file, or the error summary of what it still lacks. */
  function exportOne(view) {
    var el = view.el;
    var r = view.current(R.load());
    if (!r) return dom.say(view.status, t("recorder.nothing"));
    var found = R.problems(R.canon(r), view.config.schema).map(function (p) {
      var target =
        el[
          p.path.replace(/^ratings\.(\d+)\..*/, function (whole, i) {
            return "r:" + r.ratings[i].item;
          })
        ];
      return { text: p.text, field: target && !target.tagName ? target[0] : target };
    });
    dom.errorSummary(view.errors, t("recorder.completeFirst"), found);
    if (found.length) return;
    download(fileName(r), R.canon(r));
    dom.say(view.status, t("recorder.exportedOne", { record: R.describe(r) }));
  }

  /* The files chosen in input: each checked whole against the schema before any is kept. */
  function importFiles(view, input) {
    Promise.all(
      [].map.call(input.files, function (f) {
        return f.text().then(function (text) {
          return [f.name, text];
        });
      })
    ).then(function (files) {
      var db = R.load();
      var bad = [];
      var notes = [];
      var added = 0;
      files.forEach(function (f) {
        var data;
        try {
          data = JSON.parse(f[1]);
        } catch (err) {
          return bad.push({ text: t("recorder.notJson", { file: f[0], error: err.message }) });
        }
        var found = R.problems(data, view.config.schema);
        if (found.length) {
          return found.forEach(function (p) {
            bad.push({ text: f[0] + ": " + p.text + "." });
          });
        }
        (data.records || [data]).forEach(function (r) {
          r = R.canon(r);
          var old = db.records[r.id];
          var same = old && JSON.stringify(R.canon(old)) === JSON.stringify(r);
          var newer = !old || Date.parse(r.updated) > Date.parse(old.updated);
          if (newer) {
            db.records[r.id] = r;
            added++;
          }
          if (old) notes.push(t(same ? "recorder.already" : newer ? "recorder.replaced" : "recorder.kept", { record: R.describe(old), file: f[0] }));
        });
      });
      view.toForm(view.current(db));
      view.stored(db, [t("recorder.imported", { n: added })].concat(notes).join(" "));
      if (bad.length) bad.push({ text: t("recorder.unchanged") });
      dom.errorSummary(view.errors, t("recorder.importProblems"), bad);
      input.value = "";
    });
  }

  curriculum.exchange = { exportAll: exportAll, exportOne: exportOne, importFiles: importFiles, fileName: fileName };
})(window.curriculum);

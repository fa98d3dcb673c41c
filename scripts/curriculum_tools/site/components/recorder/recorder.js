/* recorder: a checklist page's paper form, enhanced. Records live in this browser (store kind
   "records") and leave it only when exported. Every field is saved as typed, on every
   change; "Signed off by" and its date are kept even while the box is not ticked (a pending
   sign-off, said so on the page, never exported as signed). Record text is only ever set
   as textContent or value. config (data-config): checklist, version, required, levels,
   schema (the tightened record schema the build emits). */
(function (curriculum) {
  "use strict";
  var t = curriculum.t;
  var dom = curriculum.dom;
  var R = curriculum.records;

  function uuid() {
    return window.crypto && crypto.randomUUID ? crypto.randomUUID() : Date.now().toString(36) + "-" + Math.random().toString(36).slice(2, 12);
  }
  function today() {
    return new Date(Date.now() - new Date().getTimezoneOffset() * 6e4).toISOString().slice(0, 10);
  }

  curriculum.component("recorder", function (root, config) {
    var cid = config.checklist;
    var form = root.querySelector(".cr-form");
    var el = form.elements;
    var list = root.querySelector(".cr-list");
    var status = root.querySelector(".cr-status");
    var errors = root.querySelector(".cr-errors");
    var pending = root.querySelector(".cr-pending");
    var heading = root.querySelector(".cr-tools h2");
    var items = [].map.call(root.querySelectorAll("[data-item]"), function (fs) {
      return fs.getAttribute("data-item");
    });
    var fields = [].filter.call(el, function (e) {
      return /^[a-z_.]+$/.test(e.name) && e.type !== "checkbox";
    });
    var unnumbered = config.levels
      .filter(function (l) {
        return l[2] == null;
      })
      .map(function (l) {
        return l[1];
      })
      .join(t("records.or"));
    root.querySelector(".cr-tools").hidden = false;

    function current(db) {
      return db.records[db.current[cid]];
    }
    function fromForm(r) {
      var sign = { by: "", date: "" };
      fields.forEach(function (e) {
        var path = e.name.split(".");
        if (path[0] === "signed_off") sign[path[1]] = e.value;
        else if (path[1]) (r[path[0]] = r[path[0]] || {})[path[1]] = e.value;
        else r[path[0]] = e.value;
      });
      r.signed_off = el.signed.checked ? sign : null;
      if (el.signed.checked || (!sign.by && !sign.date)) delete r.pending_sign_off;
      else r.pending_sign_off = sign;
      r.checklist = { id: cid, version: config.version };
      r.ratings = [];
      items.forEach(function (id) {
        var rating = el["r:" + id].value;
        var comment = el["c:" + id].value;
        if (rating || comment) r.ratings.push({ item: id, rating: rating, comment: comment });
      });
    }
    function toForm(r) {
      form.reset();
      if (r) {
        var sign = r.signed_off || r.pending_sign_off || {};
        fields.forEach(function (e) {
          var path = e.name.split(".");
          var value = path[0] === "signed_off" ? sign[path[1]] : path[1] ? (r[path[0]] || {})[path[1]] : r[path[0]];
          e.value = value || "";
        });
        r.ratings.forEach(function (x) {
          if (!el["c:" + x.item]) return;
          el["r:" + x.item].value = x.rating;
          el["c:" + x.item].value = x.comment || "";
        });
        el.signed.checked = !!r.signed_off;
      }
      showPending(r);
    }
    function showPending(r) {
      pending.hidden = !(r && r.pending_sign_off);
      if (!pending.hidden) dom.say(pending, t("recorder.pending"));
    }
    function stored(db, message) {
      dom.say(status, R.save(db) ? message : t("recorder.notSaved"));
      list.textContent = "";
      var mine = R.list(db)
        .filter(function (r) {
          return r.checklist.id === cid;
        })
        .sort(function (a, b) {
          return (a.updated || "") < (b.updated || "") ? 1 : -1;
        });
      if (!mine.length) dom.node("li", list, t("recorder.none"));
      mine.forEach(function (r) {
        var li = dom.node("li", list);
        var open = db.current[cid] === r.id;
        var text = R.describe(r) + (r.observer.name ? t("recorder.observedBy", { name: r.observer.name }) : "") + (open ? t("recorder.openBelow") : "");
        dom.node(open ? "strong" : "span", li, text);
        ["open", "duplicate", "delete"].forEach(function (act) {
          var label = t("recorder." + act);
          dom
            .node("button", li, label, {
              type: "button",
              class: "md-button cr-small",
              "aria-label": t("recorder.actOn", { act: label, record: R.describe(r) }),
            })
            .addEventListener("click", function () {
              actOn(act, r);
            });
        });
      });
    }
    function open(db, r, message) {
      if (r) db.current[cid] = r.id;
      else delete db.current[cid];
      toForm(r);
      dom.errorSummary(errors, "", []);
      if (r && r.checklist.version !== config.version) message += " " + t("recorder.otherVersion", { version: r.checklist.version, current: config.version });
      stored(db, message);
      el.trainee.focus();
    }
    function actOn(act, r) {
      var db = R.load();
      if (act === "open") return open(db, r, t("recorder.opened", { record: R.describe(r) }));
      if (act === "duplicate") {
        var copy = JSON.parse(JSON.stringify(r));
        copy.id = uuid();
        copy.created = copy.updated = new Date().toISOString();
        copy.signed_off = null;
        delete copy.pending_sign_off;
        db.records[copy.id] = copy;
        return open(db, copy, t("recorder.copied", { record: R.describe(r) }));
      }
      dom.confirm(
        root,
        t("recorder.confirmDelete", { record: R.describe(r) }),
        t("recorder.delete"),
        function () {
          db = R.load();
          delete db.records[r.id];
          if (db.current[cid] === r.id) {
            delete db.current[cid];
            toForm(null);
          }
          stored(db, t("recorder.deleted", { record: R.describe(r) }));
        },
        heading
      );
    }
    function signing() {
      el["signed_off.by"].value = el["signed_off.by"].value || el["observer.name"].value;
      el["signed_off.date"].value = el["signed_off.date"].value || today();
      var values = {};
      items.forEach(function (id) {
        values[id] = el["r:" + id].value;
      });
      var missing = R.signOffProblems(values, config, config.levels).map(function (id) {
        var group = root.querySelector('[data-item="' + CSS.escape(id) + '"]');
        return {
          text: t("recorder.rateRequired", { item: group.querySelector("legend").textContent, unnumbered: unnumbered }),
          field: group.querySelector("input"),
        };
      });
      el.signed.checked = !missing.length;
      dom.errorSummary(errors, t("recorder.notSignedYet"), missing);
    }

    form.addEventListener("submit", function (ev) {
      ev.preventDefault();
    });
    form.addEventListener("input", function (ev) {
      var db = R.load();
      var r = current(db);
      var now = new Date().toISOString();
      if (ev.target === el.signed && el.signed.checked) signing();
      if (!r) {
        r = { format: R.RECORD, id: uuid(), created: now };
        db.records[r.id] = r;
        db.current[cid] = r.id;
      }
      fromForm(r);
      r.updated = now;
      showPending(r);
      stored(db, t("recorder.saved", { time: new Date().toLocaleTimeString([], { hour: "2-digit", minute: "2-digit" }) }));
    });
    root.addEventListener("click", function (ev) {
      var act = ev.target.getAttribute("data-act");
      if (act === "new") open(R.load(), null, t("recorder.blank"));
      if (act === "exportall" || act === "export") {
        R.exchange(function (x) {
          if (act === "exportall") dom.say(status, x.exportAll(config.schema));
          else x.exportOne(view);
        });
      }
    });
    root.querySelector(".cr-import").addEventListener("change", function (ev) {
      var input = ev.target;
      R.exchange(function (x) {
        x.importFiles(view, input);
      });
    });
    /* What exchange.js needs of this form: export checks and names the open record, import
       adds records and shows the open one again. */
    var view = {
      config: config,
      el: el,
      status: status,
      errors: errors,
      current: current,
      toForm: toForm,
      stored: stored,
    };

    var db = R.load();
    toForm(current(db));
    stored(db, db.notice || "");
  });
})(window.curriculum);

/* Guarded, versioned browser storage. Every key and version is defined here, once.
   read(kind, id) returns {value, notice}: value is null when nothing usable is stored;
   notice says why stored data was ignored. Nothing here throws: private windows, full
   quotas and blocked storage degrade to "not saved". */
(function (curriculum) {
  "use strict";
  if (curriculum.store) return;
  var t = curriculum.t;
  var PREFIX = "sgc:";
  var KINDS = {
    quiz: { key: "quiz:", version: 1 }, // quiz:<quiz id> -> {answers, orders, checked, attempts, module}
    review: { key: "review", version: 1 }, // {answers: [{key: "<quiz id>/<question id>", points, at}]} (review/schedule.js)
    records: { key: "records", version: 1 }, // {records: {id: record}, current: {checklist id: record id}}
  };
  function backend() {
    try {
      var s = window.localStorage;
      s.setItem(PREFIX + "probe", "1");
      s.removeItem(PREFIX + "probe");
      return s;
    } catch (err) {
      return null;
    }
  }
  var store = typeof window !== "undefined" ? backend() : null;
  function keyOf(kind, id) {
    return PREFIX + KINDS[kind].key + (id || "");
  }

  /* The stored envelope {v, data}, checked: {value, notice}. */
  function unwrap(raw, version) {
    if (raw === null) return { value: null, notice: null };
    var parsed;
    try {
      parsed = JSON.parse(raw);
    } catch (err) {
      return { value: null, notice: t("store.damaged") };
    }
    if (!parsed || typeof parsed !== "object" || parsed.v !== version || !("data" in parsed)) {
      return { value: null, notice: t("store.version") };
    }
    return { value: parsed.data, notice: null };
  }

  curriculum.store = {
    available: !!store,
    unwrap: unwrap,
    read: function (kind, id) {
      if (!store) return { value: null, notice: t("store.blocked") };
      try {
        return unwrap(store.getItem(keyOf(kind, id)), KINDS[kind].version);
      } catch (err) {
        return { value: null, notice: t("store.unreadable") };
      }
    },
    write: function (kind, id, data) {
      try {
        store.setItem(keyOf(kind, id), JSON.stringify({ v: KINDS[kind].version, data: data }));
        return true;
      } catch (err) {
        return false;
      }
    },
    remove: function (kind, id) {
      try {
        store.removeItem(keyOf(kind, id));
      } catch (err) {
        /* nothing to remove */
      }
    },
    /* The ids stored under a kind (quiz ids). */
    ids: function (kind) {
      var out = [];
      var start = keyOf(kind);
      try {
        for (var i = 0; i < store.length; i++) {
          var k = store.key(i);
          if (k && k.indexOf(start) === 0) out.push(k.slice(start.length));
        }
      } catch (err) {
        /* none readable */
      }
      return out;
    },
  };
})(window.curriculum);

/* Guarded, versioned browser storage. Every key and version is defined here, once.
   read(kind, id) returns {value, notice}: value is null when nothing usable is stored;
   notice says why stored data was ignored. Nothing here throws: private windows, full
   quotas and blocked storage degrade to "not saved".
   A provider (an LMS runtime: components/scorm) may hold a kind too: provide(kind,
   {read(id, local), write(id, data)}). Its read gets what this browser holds and returns
   the value to use, or undefined to leave it; every write goes to both. */
(function (curriculum) {
  "use strict";
  if (curriculum.store) return;
  var t = curriculum.t;
  var PREFIX = "sgc:";
  var KINDS = {
    quiz: { key: "quiz:", version: 1 }, // quiz:<quiz id> -> {answers, orders, checked, attempts, module}
    review: { key: "review", version: 1 }, // {answers: [{key: "<quiz id>/<question id>", points, at}]} (review/schedule.js)
    records: { key: "records", version: 1 }, // {records: {id: record}, current: {checklist id: record id}}
    scenario: { key: "scenario:", version: 1 }, // scenario:<scenario id> -> {steps: [[node id, choice id]], reached: [ending id]}
    scorm: { key: "scorm:", version: 1 }, // scorm:<module id> -> {started: ms}: a SCO session's start, while the trainee moves between its pages
    cmi5: { key: "cmi5:", version: 1 }, // cmi5:<registration> <activity id> -> {queue: [xAPI statement], passed, completed}
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
  var providers = {};
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

  function readLocal(kind, id) {
    if (!store) return { value: null, notice: t("store.blocked") };
    try {
      return unwrap(store.getItem(keyOf(kind, id)), KINDS[kind].version);
    } catch (err) {
      return { value: null, notice: t("store.unreadable") };
    }
  }

  curriculum.store = {
    available: !!store,
    unwrap: unwrap,
    read: function (kind, id) {
      var local = readLocal(kind, id);
      var provider = providers[kind];
      var value = provider ? provider.read(id, local.value) : undefined;
      return value === undefined ? local : { value: value, notice: null };
    },
    write: function (kind, id, data) {
      var provider = providers[kind];
      var sent = provider ? provider.write(id, data) : false;
      try {
        store.setItem(keyOf(kind, id), JSON.stringify({ v: KINDS[kind].version, data: data }));
        return true;
      } catch (err) {
        return sent;
      }
    },
    provide: function (kind, provider) {
      if (KINDS[kind]) providers[kind] = provider;
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

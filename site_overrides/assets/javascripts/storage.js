/* Guarded, versioned browser storage shared by the curriculum's modules.
   window.curriculumStore.read(key, version) returns {value, notice}: value is null when
   nothing usable is stored; notice explains data that was ignored (corrupt, old, foreign).
   Nothing here ever throws: private windows, full quotas and blocked storage all degrade
   to "not saved" with a notice. */
(function () {
  "use strict";
  var PREFIX = "sgc:";
  function backend() {
    try {
      var s = window.localStorage;
      var probe = PREFIX + "probe";
      s.setItem(probe, "1");
      s.removeItem(probe);
      return s;
    } catch (e) {
      return null;
    }
  }
  var store = backend();
  window.curriculumStore = {
    available: !!store,
    read: function (key, version) {
      if (!store) return { value: null, notice: "This browser is not keeping data (storage is blocked), so nothing will be saved." };
      var raw;
      try { raw = store.getItem(PREFIX + key); } catch (e) { return { value: null, notice: "Saved data could not be read." }; }
      if (raw === null) return { value: null, notice: null };
      var parsed;
      try { parsed = JSON.parse(raw); } catch (e) { return { value: null, notice: "Saved data was damaged and has been ignored." }; }
      if (!parsed || typeof parsed !== "object" || parsed.v !== version || !("data" in parsed)) {
        return { value: null, notice: "Saved data from another version of this site has been ignored." };
      }
      return { value: parsed.data, notice: null };
    },
    write: function (key, version, data) {
      if (!store) return false;
      try {
        store.setItem(PREFIX + key, JSON.stringify({ v: version, data: data }));
        return true;
      } catch (e) {
        return false;
      }
    },
    remove: function (key) {
      if (!store) return;
      try { store.removeItem(PREFIX + key); } catch (e) { /* ignore */ }
    },
    keys: function (prefix) {
      var out = [];
      if (!store) return out;
      try {
        for (var i = 0; i < store.length; i++) {
          var k = store.key(i);
          if (k && k.indexOf(PREFIX + prefix) === 0) out.push(k.slice(PREFIX.length));
        }
      } catch (e) { /* ignore */ }
      return out;
    }
  };
})();

"use strict";
const test = require("node:test");
const assert = require("node:assert/strict");
const fs = require("node:fs");
const path = require("node:path");
const { curriculum, FIXTURES } = require("./load.js");

const T = curriculum.transfer;
const SITE = "Test site";
const DIR = path.join(FIXTURES, "progress-export");
const QUIZZES = {
  "gl-models-quiz": { module: "gl-models", title: "Models of grief", reflections: ["my-loss"] },
  "visited-quiz": { module: "visited", title: "Visited", reflections: [] },
};
const empty = () => ({ value: null, notice: null });
const attempt = (date, percent, passed) => ({ date, percent, passed, score: percent / 20, total: 5 });

function fixtures(kind) {
  return fs
    .readdirSync(path.join(DIR, kind))
    .sort()
    .map((name) => [name, fs.readFileSync(path.join(DIR, kind, name), "utf8")]);
}

/* Apply a merge to a map of states, as the page does with the store. */
function importInto(states, text, site = SITE) {
  const checked = T.readExport(text, site);
  assert.ok(checked.ok, JSON.stringify(checked));
  const merged = T.mergeExport(checked.data, (id) => ({ value: id in states ? states[id] : null, notice: null }), QUIZZES);
  Object.assign(states, merged.writes);
  return merged;
}

test("every valid fixture is read; every invalid one is refused with a reason (the JSON Schema agrees: tests/test_transfer.py)", () => {
  for (const [name, text] of fixtures("valid")) assert.equal(T.readExport(text, SITE).ok, true, name);
  for (const [name, text] of fixtures("invalid")) {
    const got = T.readExport(text, SITE);
    assert.equal(got.ok, false, name);
    assert.match(got.reason, /^transfer\.refused\./, name);
  }
});

test("refusals name why: not JSON, another site, a newer format", () => {
  assert.equal(T.readExport("{not json", SITE).reason, "transfer.refused.json");
  assert.equal(T.readExport("", SITE).reason, "transfer.refused.json");
  const other = T.readExport(JSON.stringify({ format: T.FORMAT, version: 1, site: "<img src=x onerror=alert(1)>", quizzes: {} }), SITE);
  assert.deepEqual([other.reason, other.vars.site], ["transfer.refused.site", "<img src=x onerror=alert(1)>"]);
  const newer = T.readExport(JSON.stringify({ format: T.FORMAT, version: 7, site: SITE, quizzes: {} }), SITE);
  assert.deepEqual([newer.reason, newer.vars], ["transfer.refused.newer", { version: 7, ours: 1 }]);
  assert.equal(T.readExport(JSON.stringify({ format: "supervisor-records/1" }), SITE).reason, "transfer.refused.format");
});

test("export, import in an empty browser, export: the same bytes", () => {
  const [, text] = fixtures("valid")[0];
  const states = {};
  importInto(states, text);
  const again = T.makeExport(SITE, states, QUIZZES, true);
  assert.equal(again, T.canonical(JSON.parse(text)));
  const third = {};
  importInto(third, again);
  assert.equal(T.makeExport(SITE, third, QUIZZES, true), again);
  // importing a browser's own file changes nothing
  const merged = importInto(third, again);
  assert.deepEqual([Object.keys(merged.writes), merged.conflicts, merged.added], [[], [], 0]);
});

test("canonical JSON sorts keys at every depth and ends in one newline", () => {
  assert.equal(
    T.canonical({ b: 1, a: { d: [{ z: 1, y: 2 }], c: null } }),
    '{\n  "a": {\n    "c": null,\n    "d": [\n      {\n        "y": 2,\n        "z": 1\n      }\n    ]\n  },\n  "b": 1\n}\n'
  );
});

test("reflections leave the browser only when asked for", () => {
  const states = {
    "gl-models-quiz": { answers: { "dual-process": "a", "my-loss": "My father, last spring" }, orders: {}, checked: false, attempts: [], module: "gl-models" },
  };
  assert.doesNotMatch(T.makeExport(SITE, states, QUIZZES, false), /my-loss|father/);
  assert.match(T.makeExport(SITE, states, QUIZZES, true), /My father, last spring/);
});

test("merging unites attempt histories without duplicates, keeps the best and lists conflicts", () => {
  const here = {
    answers: { "dual-process": "mine", "my-loss": "written here" },
    orders: { "dual-process": ["a", "b"] },
    checked: false,
    attempts: [attempt("2026-11-01T09:00:00Z", 40, false), attempt("2026-11-03T09:00:00Z", 60, false)],
    module: "gl-models",
  };
  const file = {
    answers: { "dual-process": "theirs", "my-loss": "written there" },
    orders: { "dual-process": ["b", "a"] },
    checked: true,
    attempts: [attempt("2026-11-01T09:00:00Z", 40, false), attempt("2026-11-02T09:00:00Z", 100, true)],
    best: attempt("2026-11-02T09:00:00Z", 100, true),
    module: "gl-models",
  };
  const merged = T.mergeQuiz(here, file, ["my-loss"]);
  assert.deepEqual(
    merged.state.attempts.map((a) => a.date),
    ["2026-11-01T09:00:00Z", "2026-11-02T09:00:00Z", "2026-11-03T09:00:00Z"]
  );
  assert.equal(T.bestOf(merged.state.attempts).percent, 100);
  assert.deepEqual(merged.state.answers, here.answers, "nothing here is overwritten");
  assert.deepEqual(merged.state.orders, here.orders);
  assert.equal(merged.state.checked, false);
  assert.deepEqual(merged.conflicts, [{ kind: "answers" }, { kind: "reflection", question: "my-loss" }]);
  assert.equal(merged.changed, true);
});

test("the file's answers fill a quiz with no current answers here; a missing reflection is added", () => {
  const here = { answers: { "my-loss": "kept" }, orders: { x: ["1", "2"] }, checked: false, attempts: [attempt("2026-11-01T09:00:00Z", 20, false)] };
  const file = { answers: { "dual-process": "theirs" }, orders: { "dual-process": ["b"] }, checked: true, attempts: [], best: null, module: "gl-models" };
  const merged = T.mergeQuiz(here, file, ["my-loss"]);
  assert.deepEqual(merged.state.answers, { "dual-process": "theirs", "my-loss": "kept" });
  assert.deepEqual(merged.state.orders, { x: ["1", "2"], "dual-process": ["b"] });
  assert.equal(merged.state.checked, true);
  assert.equal(merged.state.module, "gl-models");
  assert.deepEqual(merged.conflicts, []);
  const other = T.mergeQuiz(
    { answers: {}, orders: {}, checked: false, attempts: [] },
    { answers: { "my-loss": "from the file" }, orders: {}, checked: false, attempts: [], best: null },
    ["my-loss"]
  );
  assert.deepEqual(other.state.answers, { "my-loss": "from the file" });
});

test("a whole import: unknown quizzes skipped, damaged data here left alone, attempts counted", () => {
  const text = T.canonical({
    format: T.FORMAT,
    version: 1,
    site: SITE,
    quizzes: {
      "gl-models-quiz": { answers: {}, orders: {}, checked: false, attempts: [attempt("2026-11-02T09:00:00Z", 100, true)], best: null },
      "visited-quiz": { answers: {}, orders: {}, checked: false, attempts: [attempt("2026-11-02T09:00:00Z", 80, true)], best: null },
      "gone-quiz": { answers: {}, orders: {}, checked: false, attempts: [], best: null },
      constructor: { answers: {}, orders: {}, checked: false, attempts: [], best: null },
    },
  });
  const data = T.readExport(text, SITE).data;
  const read = (id) => (id === "visited-quiz" ? { value: null, notice: "damaged" } : empty());
  const merged = T.mergeExport(data, read, QUIZZES);
  assert.deepEqual(Object.keys(merged.writes), ["gl-models-quiz"]);
  assert.deepEqual(merged.skipped, ["constructor", "gone-quiz"]);
  assert.deepEqual(merged.unreadable, ["visited-quiz"]);
  assert.equal(merged.added, 1);
});

test("the schema file's version and format are the script's", () => {
  const schema = JSON.parse(fs.readFileSync(path.join(__dirname, "..", "..", "schemas", "progress-export.schema.json"), "utf8"));
  assert.equal(schema.properties.format.const, T.FORMAT);
  assert.equal(schema.properties.version.const, T.VERSION);
});

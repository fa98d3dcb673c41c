"use strict";
const test = require("node:test");
const assert = require("node:assert/strict");
const { curriculum } = require("./load.js");

const S = curriculum.scorm;
const book = [
  ["single", "single_choice", ["a", "b", "c"]],
  ["multi", "multiple_choice", ["a", "b", "c", "d"]],
  ["tf", "true_false", ["true", "false"]],
  ["order", "ordering", ["one", "two", "three"]],
  ["match", "matching", ["p1", "p2"], ["p1", "p2", "distractor-1"]],
];
const state = {
  answers: { single: "b", multi: ["d", "a"], tf: "false", order: ["three", "one", "two"], match: { p1: "distractor-1", p2: "" } },
  orders: { order: ["three", "one", "two"], multi: ["b", "a", "d", "c"] },
  checked: true,
  attempts: [
    { date: "2026-01-01T00:00:00Z", score: 2, total: 5, percent: 40, passed: false },
    { date: "2026-01-02T00:00:00Z", score: 5, total: 5, percent: 100, passed: true },
  ],
};

test("quiz state encodes compactly and decodes to the same answers, orders, check and attempts", () => {
  const text = S.encodeState(book, state);
  assert.equal(text, "1|1|1.30.1.201.2~|.1032..201.|40f100p");
  const back = S.decodeState(book, text);
  assert.deepEqual(back.answers, state.answers);
  assert.deepEqual(back.orders, state.orders);
  assert.equal(back.checked, true);
  assert.deepEqual(
    back.attempts,
    state.attempts.map((a) => ({ percent: a.percent, passed: a.passed }))
  );
});

test("an empty state, another book's string and garbage decode safely", () => {
  const empty = S.encodeState(book, { answers: {}, orders: {}, checked: false, attempts: [] });
  assert.equal(empty, "1|0|....|....|");
  assert.deepEqual(S.decodeState(book, empty), { answers: {}, orders: {}, checked: false, attempts: [] });
  assert.equal(S.decodeState(book, ""), null);
  assert.equal(S.decodeState(book, "1|0|..|..|"), null);
  assert.equal(S.decodeState(book, "{not ours}"), null);
  assert.equal(S.decodeState(book.slice(0, 1), "1|0|z|z|").answers.single, undefined); // out of range
});

test("the most recent attempts only; unknown option ids are not stored", () => {
  const many = { answers: { single: "gone" }, orders: {}, checked: false, attempts: Array(30).fill({ percent: 50, passed: false }) };
  const text = S.encodeState(book, many);
  assert.equal(text.split("|")[4], "50f".repeat(20));
  assert.equal(text.split("|")[2], "....");
});

test("the LMS's state keeps this browser's reflections, never its scored answers", () => {
  const local = { answers: { single: "a", thoughts: "my own words" } };
  const lms = S.decodeState(book, "1|0|2....|....|");
  assert.deepEqual(S.merged(lms, local, book).answers, { single: "c", thoughts: "my own words" });
  assert.deepEqual(S.merged(null, local, book).answers, { thoughts: "my own words" });
});

test("session time in each version's format", () => {
  assert.equal(S.sessionTime("1.2", 0), "00:00:00.00");
  assert.equal(S.sessionTime("1.2", 3723450), "01:02:03.45");
  assert.equal(S.sessionTime("1.2", 100 * 3600 * 1000), "100:00:00.00");
  assert.equal(S.sessionTime("2004", 3723450), "PT1H2M3.45S");
  assert.equal(S.sessionTime("2004", 0), "PT0H0M0S");
});

test("a check sets score and status; 2004 completion and success separately", () => {
  const passed = { percent: 82, scaled: 0.82, passed: true };
  assert.deepEqual(S.checkedValues("1.2", passed), [
    ["cmi.core.score.min", "0"],
    ["cmi.core.score.max", "100"],
    ["cmi.core.score.raw", "82"],
    ["cmi.core.lesson_status", "passed"],
  ]);
  const failed = S.checkedValues("2004", { percent: 6, scaled: 0.06, passed: false });
  assert.deepEqual(Object.fromEntries(failed), {
    "cmi.score.min": "0",
    "cmi.score.max": "100",
    "cmi.score.raw": "6",
    "cmi.score.scaled": "0.06",
    "cmi.completion_status": "completed",
    "cmi.success_status": "failed",
  });
});

test("launch marks a quiz module incomplete and a module without one completed, once", () => {
  assert.deepEqual(S.launchValues("1.2", "not attempted", true), [["cmi.core.lesson_status", "incomplete"]]);
  assert.deepEqual(S.launchValues("1.2", "failed", true), []);
  assert.deepEqual(S.launchValues("2004", "unknown", true), [["cmi.completion_status", "incomplete"]]);
  assert.deepEqual(S.launchValues("2004", "not attempted", false), [["cmi.completion_status", "completed"]]);
  assert.deepEqual(S.launchValues("2004", "completed", true), []);
});

test("exit suspends an unfinished module, ends a finished one", () => {
  assert.deepEqual(S.exitValues("1.2", false, 1000)[1], ["cmi.core.exit", "suspend"]);
  assert.deepEqual(S.exitValues("1.2", true, 1000)[1], ["cmi.core.exit", ""]);
  assert.deepEqual(S.exitValues("2004", false, 1000), [
    ["cmi.session_time", "PT0H0M1S"],
    ["cmi.exit", "suspend"],
  ]);
  assert.deepEqual(S.exitValues("2004", true, 1000)[1], ["cmi.exit", "normal"]);
});

test("the API is found in a parent or in the opener's parents, past another origin", () => {
  const api = { LMSInitialize() {} };
  const top = { API: api };
  top.parent = top;
  const locked = {
    get API() {
      throw new Error("SecurityError");
    },
    parent: top,
  };
  const frame = { parent: locked };
  assert.equal(S.findAPI(frame, "API"), api);
  const popup = { parent: null, opener: { parent: top } };
  popup.parent = popup;
  assert.equal(S.findAPI(popup, "API"), api);
  const alone = {};
  alone.parent = alone;
  assert.equal(S.findAPI(alone, "API_1484_11"), null);
});

test("a provider supplies and receives one store kind; other ids stay with the browser", () => {
  const store = curriculum.store;
  const sent = [];
  store.provide("quiz", {
    read: (id, local) => (id === "q1" ? { answers: { a: "x" }, local: local } : undefined),
    write: (id, data) => {
      sent.push([id, data]);
      return true;
    },
  });
  try {
    assert.deepEqual(store.read("quiz", "q1").value, { answers: { a: "x" }, local: null });
    assert.equal(store.read("quiz", "q2").value, null); // no browser storage in node
    assert.equal(store.write("quiz", "q1", { answers: {} }), true);
    assert.deepEqual(sent, [["q1", { answers: {} }]]);
    store.provide("nonsense", { read: () => 1, write: () => true });
    assert.equal(store.read("records").value, null);
  } finally {
    store.provide("quiz", { read: () => undefined, write: () => false });
  }
});

test("a module with a scenario but no quiz is incomplete until an ending", () => {
  assert.deepEqual(S.launchValues("1.2", "not attempted", false, true), [["cmi.core.lesson_status", "incomplete"]]);
  assert.deepEqual(S.launchValues("2004", "unknown", false, true), [["cmi.completion_status", "incomplete"]]);
});

test("a scenario's ending completes the attempt and never overwrites a quiz result in 1.2", () => {
  assert.deepEqual(S.endedValues("1.2", "incomplete"), [["cmi.core.lesson_status", "completed"]]);
  assert.deepEqual(S.endedValues("1.2", "not attempted"), [["cmi.core.lesson_status", "completed"]]);
  assert.deepEqual(S.endedValues("1.2", "passed"), []);
  assert.deepEqual(S.endedValues("1.2", "failed"), []);
  assert.deepEqual(S.endedValues("1.2", "completed"), []);
  assert.deepEqual(S.endedValues("2004", "incomplete"), [["cmi.completion_status", "completed"]]);
  assert.deepEqual(S.endedValues("2004", "completed"), []);
});

test("sameSco: a link to another page of the same SCO, nothing else", () => {
  const pages = ["practice/pp-critical-incidents.html", "scenarios/sc-a.html"];
  const here = "http://127.0.0.1:8000/scorm12/practice/pp-critical-incidents.html";
  assert.equal(S.sameSco(pages, "../scenarios/sc-a.html", here), true);
  assert.equal(S.sameSco(pages, "../scenarios/sc-a.html#node-x", here), true);
  assert.equal(S.sameSco(pages, "http://127.0.0.1:8000/scorm12/scenarios/sc-a.html", here), true);
  assert.equal(S.sameSco(pages, "../scenarios/sc-b.html", here), false);
  assert.equal(S.sameSco(pages, "../practice/other.html", here), false);
  assert.equal(S.sameSco(pages, "#references", here), false); // this page
  assert.equal(S.sameSco(pages, "http://example.org/scorm12/scenarios/sc-a.html", here), false);
  assert.equal(S.sameSco(pages, "../practice/pp-critical-incidents.html", "http://127.0.0.1:8000/scorm12/scenarios/sc-a.html"), true);
  assert.equal(S.sameSco(pages, "../scenarios/sc-a.html", "http://127.0.0.1:8000/scorm12/glossary.html"), false);
  assert.equal(S.sameSco(pages, "scenarios/sc-a.html", "file:///pkg/index.html"), false);
  assert.equal(S.sameSco(pages, "../scenarios/sc-a.html", "file:///pkg/practice/pp-critical-incidents.html"), true);
});

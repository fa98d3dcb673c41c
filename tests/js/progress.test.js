"use strict";
const test = require("node:test");
const assert = require("node:assert/strict");
const { curriculum } = require("./load.js");

const P = curriculum.progress;
const passed = {
  attempts: [
    { percent: 40, passed: false },
    { score: 6, total: 6, percent: 100, passed: true, date: "2026-11-20T10:00:00Z" },
  ],
};

test("a navigation link's module id is the last part of its path, wherever the site lives", () => {
  for (const path of ["/grief/gl-models/", "/some/other/base/grief/gl-models/", "/grief/gl-models/index.html", "/x/grief/gl-models.html", "grief/gl-models"])
    assert.equal(P.moduleOfPath(path), "gl-models", path);
  assert.equal(P.moduleOfPath("/"), "");
});

test("completed modules are keyed by module id, not by a stored page address", () => {
  const done = P.completed([
    { ...passed, module: "gl-models", page: "/where/the/site/used/to/be/grief/gl-models/" },
    { attempts: [{ percent: 10, passed: false }], module: "other" },
    null,
    "junk",
  ]);
  assert.deepEqual(done, { "gl-models": true });
});

test("the progress page's status of a quiz", () => {
  assert.equal(P.statusOf(null).status, "not-started");
  assert.equal(P.statusOf({ answers: { q: "a" }, attempts: [] }).text, "In progress: 1 answered");
  assert.equal(P.statusOf(passed).status, "passed");
  assert.match(P.statusOf(passed).text, /^Passed: 6 of 6 \(100%\) on /);
  assert.match(P.statusOf({ attempts: [{ percent: 40, passed: false, date: "2026-11-20T10:00:00Z" }] }).text, /^In progress: last attempt 40% on /);
});

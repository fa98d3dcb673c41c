/* Assessment-plan progress: the same fixtures as tests/test_progress.py runs through
   `curriculum report` (signoff/progress.py), here through dashboard/plan.js with the
   framework the build hands the dashboard (each case's framework.json, which
   test_progress.py holds to signoff_config()). */
"use strict";
const test = require("node:test");
const assert = require("node:assert/strict");
const fs = require("node:fs");
const path = require("node:path");
const { curriculum, fixture, FIXTURES } = require("./load.js");

const CASES = path.join(FIXTURES, "parity", "progress");

for (const name of fs.readdirSync(CASES).filter((n) => fs.statSync(path.join(CASES, n)).isDirectory())) {
  test(`assessment-plan progress: ${name}`, () => {
    const { records } = fixture("parity", "progress", name, "input.json");
    const config = fixture("parity", "progress", name, "framework.json");
    assert.deepEqual(curriculum.records.progress(records, config), fixture("parity", "progress", name, "expected.json"));
  });
}

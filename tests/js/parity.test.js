/* The latest rating per competency: the same fixtures as tests/test_parity.py runs through
   signoff/evaluate.py, here through records.latestRating, as the dashboard groups trainees. */
"use strict";
const test = require("node:test");
const assert = require("node:assert/strict");
const fs = require("node:fs");
const path = require("node:path");
const { curriculum, fixture, FIXTURES } = require("./load.js");

const framework = fixture("parity", "framework.json").signoff;
const competencies = ["demo-listen", "demo-link"];

for (const name of fs.readdirSync(path.join(FIXTURES, "parity", "latest-rating")).sort()) {
  const { about, records, expected } = fixture("parity", "latest-rating", name);
  test(`latest rating: ${name} (${about})`, () => {
    const got = {};
    for (const group of curriculum.dashboard.byTrainee(records)) {
      got[group.name] = {};
      for (const c of competencies) got[group.name][c] = curriculum.records.latestRating(group.records, c, framework);
    }
    assert.deepEqual(got, expected);
  });
}

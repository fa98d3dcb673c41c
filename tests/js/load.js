/* Loads the browser components' classic scripts into node, as a page would (no DOM: each
   file defines its pure functions and stops before touching the document). */
"use strict";
const fs = require("node:fs");
const path = require("node:path");

const COMPONENTS = path.join(__dirname, "..", "..", "scripts", "curriculum_tools", "site", "components");
const FIXTURES = path.join(__dirname, "..", "fixtures");

globalThis.window = globalThis;
for (const file of ["shared/start.js", "shared/store.js", "shared/dom.js", "shared/dialog.js"]) require(path.join(COMPONENTS, file));
const catalogue = JSON.parse(fs.readFileSync(path.join(COMPONENTS, "shared", "strings.en.json"), "utf8"));
for (const section of Object.values(catalogue)) globalThis.curriculum.addStrings(section);
for (const file of [
  "shared/records.js",
  "shared/schema.js",
  "shared/rating.js",
  "shared/unit.js",
  "scorm/scorm.js",
  "cmi5/cmi5.js",
  "quiz/order.js",
  "quiz/layout.js",
  "quiz/questions.js",
  "quiz/quiz.js",
  "progress/navmarks.js",
  "progress/progress.js",
  "progress/transfer.js",
  "review/schedule.js",
  "review/review.js",
  "recorder/exchange.js",
  "dashboard/plan.js",
  "dashboard/dashboard.js",
  "scenario/scenario.js",
])
  require(path.join(COMPONENTS, file));

function fixture(...parts) {
  return JSON.parse(fs.readFileSync(path.join(FIXTURES, ...parts), "utf8"));
}

module.exports = { curriculum: globalThis.curriculum, fixture, FIXTURES, COMPONENTS };

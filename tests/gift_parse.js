// Parse GIFT files with gift-pegjs (the reference GIFT grammar, from the npm registry) and
// print what it read as JSON: [{file, questions}] or {file, error, line, column}.
"use strict";
const fs = require("fs");
const path = require("path");
const { parse } = require(path.join(__dirname, "..", "node_modules", "gift-pegjs"));

const out = [];
for (const file of process.argv.slice(2)) {
  try {
    out.push({ file, questions: parse(fs.readFileSync(file, "utf8")) });
  } catch (e) {
    out.push({ file, error: e.message, line: e.location && e.location.start.line, column: e.location && e.location.start.column });
  }
}
process.stdout.write(JSON.stringify(out));

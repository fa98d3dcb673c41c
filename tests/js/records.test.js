"use strict";
const test = require("node:test");
const assert = require("node:assert/strict");
const { curriculum, fixture } = require("./load.js");

const R = curriculum.records;
const framework = fixture("parity", "framework.json");
const levels = framework.signoff.levels;

test("the engine refuses a keyword it does not implement, never skips it", () => {
  assert.throws(() => R.validate({ type: "object", propertyNames: { maxLength: 3 } }, {}), /keyword not implemented: propertyNames/);
  assert.throws(() => R.validate({ properties: { a: { uniqueItems: true } } }, { a: [] }), /uniqueItems/);
});

test("every record of the parity fixtures: valid exactly when the CLI says so (tests/test_parity.py)", () => {
  for (const entry of fixture("parity", "records.json")) {
    const found = R.problems(entry.record, framework.schema);
    assert.equal(found.length === 0, entry.valid, entry.about + ": " + JSON.stringify(found));
  }
});

test("problems read as the person's words, at the field", () => {
  const [record] = fixture("parity", "records.json")
    .filter((e) => e.about.startsWith("checklist version 99"))
    .map((e) => e.record);
  assert.deepEqual(
    R.problems(record, framework.schema).map((p) => p.text),
    ["checklist › version must be at most 2: no later version exists on this site"]
  );
});

test("sign-off needs every required item rated with a numbered level, whatever the unnumbered level's id", () => {
  const checklist = { required: ["listens"] };
  assert.deepEqual(R.signOffProblems({ listens: "unseen" }, checklist, levels), ["listens"]);
  assert.deepEqual(R.signOffProblems({ listens: "" }, checklist, levels), ["listens"]);
  assert.deepEqual(R.signOffProblems({}, checklist, levels), ["listens"]);
  assert.deepEqual(R.signOffProblems({ listens: "direct" }, checklist, levels), []);
});

test("canon gives the export form: the schema's key order and every optional text", () => {
  const r = R.canon({
    id: "x1234567",
    checklist: { id: "c", version: 1 },
    trainee: "T",
    observer: { name: "O" },
    date: "2026-01-01",
    ratings: [{ item: "i", rating: "r", comment: "" }],
    pending_sign_off: { by: "O", date: "2026-01-01" },
    created: "c",
    updated: "u",
  });
  assert.deepEqual(Object.keys(r), [
    "format",
    "id",
    "checklist",
    "trainee",
    "observer",
    "date",
    "context",
    "ratings",
    "strengths",
    "next_steps",
    "evidence_url",
    "signed_off",
    "created",
    "updated",
  ]);
  assert.deepEqual(r.ratings, [{ item: "i", rating: "r" }]);
  assert.equal(r.signed_off, null); // a pending sign-off is never exported as signed
});

test("stored records of the wrong shape are dropped field by field, the rest kept as stored", () => {
  const good = {
    id: "a",
    checklist: { id: "c", version: 1 },
    trainee: "Kept",
    observer: { name: "O", role: "" },
    ratings: [{ item: "i", rating: "r" }],
    signed_off: null,
  };
  const db = R.cleanDb({
    records: {
      a: good,
      b: {
        checklist: { id: "c", version: 1 },
        trainee: 5,
        observer: "x",
        ratings: [{ item: 1 }, { item: "i", rating: "r" }],
        signed_off: "yes",
        pending_sign_off: { by: "P", date: "2026-01-01" },
      },
      c: { checklist: null },
      d: "junk",
    },
    current: { c: "a", other: "missing" },
  });
  assert.deepEqual(Object.keys(db.records), ["a", "b"]);
  assert.deepEqual(db.records.a, good);
  const b = db.records.b;
  assert.equal("trainee" in b, false);
  assert.deepEqual(b.observer, { name: "", role: "" });
  assert.deepEqual(b.ratings, [{ item: "i", rating: "r" }]);
  assert.equal(b.signed_off, null);
  assert.deepEqual(b.pending_sign_off, { by: "P", date: "2026-01-01" });
  assert.equal(db.dropped, 6);
  assert.deepEqual(db.current, { c: "a" });
  assert.deepEqual(R.cleanDb(null).records, {});
});

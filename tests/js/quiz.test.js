"use strict";
const test = require("node:test");
const assert = require("node:assert/strict");
const { curriculum } = require("./load.js");

const Q = curriculum.quiz;
const key = {
  single: { type: "single_choice", correct: ["a"] },
  multi: { type: "multiple_choice", correct: ["a", "b"] },
  tf: { type: "true_false", correct: false },
  order: { type: "ordering", correct: ["one", "two", "three"] },
  match: { type: "matching", correct: { p1: "p1", p2: "p2" } },
};

test("each question type scores 1 when right and 0 when unanswered", () => {
  const right = { single: "a", multi: ["b", "a"], tf: "false", order: ["one", "two", "three"], match: { p1: "p1", p2: "p2" } };
  for (const q of Object.keys(key)) {
    assert.equal(Q.score(key[q], right[q], false), 1, q);
    assert.equal(Q.score(key[q], null, true), 0, q);
  }
});

test("partial credit only where the quiz allows it; a wrong choice costs a right one", () => {
  assert.equal(Q.score(key.multi, ["a"], true), 0.5);
  assert.equal(Q.score(key.multi, ["a"], false), 0);
  assert.equal(Q.score(key.multi, ["a", "c"], true), 0);
  assert.equal(Q.score(key.order, ["one", "three", "two"], true), 1 / 3);
  assert.equal(Q.score(key.match, { p1: "p1", p2: "distractor-1" }, true), 0.5);
});

test("scoreQuiz totals, rounds and compares with the pass mark", () => {
  const result = Q.scoreQuiz(key, { single: "a", multi: ["a"], tf: "true" }, true, 70);
  assert.deepEqual([result.score, result.total, result.percent, result.passed], [1.5, 5, 30, false]);
  assert.equal(Q.scoreQuiz(key, { single: "a", multi: ["a", "b"], tf: "false", order: ["one", "two", "three"] }, false, 70).percent, 80);
});

test("answerOf reads what the form shows; nothing chosen is no answer", () => {
  const blank = { checked: [], order: ["b", "a"], moved: false, pairs: { p1: "", p2: "" }, text: "  " };
  for (const type of ["single_choice", "multiple_choice", "true_false", "ordering", "matching", "reflection"])
    assert.equal(Q.answerOf(type, blank), null, type);
  assert.equal(Q.answerOf("single_choice", { ...blank, checked: ["b"] }), "b");
  assert.deepEqual(Q.answerOf("multiple_choice", { ...blank, checked: ["a", "c"] }), ["a", "c"]);
  assert.deepEqual(Q.answerOf("ordering", { ...blank, moved: true }), ["b", "a"]);
  assert.deepEqual(Q.answerOf("matching", { ...blank, pairs: { p1: "p2", p2: "" } }), { p1: "p2", p2: "" });
  assert.equal(Q.answerOf("reflection", { ...blank, text: "Noted." }), "Noted.");
});

test("exam mode: a matching question with a pair left open is unanswered", () => {
  assert.deepEqual(Q.unanswered(key, { single: "a", multi: ["a"], tf: "true", order: ["one"], match: { p1: "p1", p2: "" } }), ["match"]);
});

test("a stored answer of the wrong shape is dropped, the rest kept (issue 12: null for matching)", () => {
  const types = { single: "single_choice", match: "matching", order: "ordering", reflect: "reflection" };
  const state = Q.cleanState(
    {
      answers: { single: "a", match: null, order: "one", reflect: "kept", gone: "x" },
      orders: { order: ["two", "one"], match: 5 },
      attempts: [null, { percent: 50, passed: false }],
      checked: true,
    },
    types
  );
  assert.deepEqual(state.answers, { single: "a", reflect: "kept" });
  assert.equal(state.dropped, 2);
  assert.deepEqual(state.orders, { order: ["two", "one"] });
  assert.equal(state.attempts.length, 1);
  assert.equal(state.checked, true);
  for (const junk of [null, "text", [], 7]) assert.deepEqual(Q.cleanState(junk, types).answers, {});
});

test("ordering items are shuffled, never into the answer itself", () => {
  let seed = 1;
  const random = () => ((seed = (seed * 16807) % 2147483647) - 1) / 2147483646;
  for (let i = 0; i < 200; i++) {
    const got = Q.shuffled(["one", "two"], ["one", "two"], random);
    assert.deepEqual(got, ["two", "one"]);
    const three = Q.shuffled(["one", "two", "three"], ["one", "two", "three"], random);
    assert.notDeepEqual(three, ["one", "two", "three"]);
    assert.deepEqual([...three].sort(), ["one", "three", "two"]);
  }
  assert.deepEqual(
    Q.shuffled(["a", "b", "c"], ["a", "b", "c"], () => 0.999),
    ["b", "c", "a"]
  ); // a random source stuck on the answer
});

test("the checked event's detail carries raw points, the maximum and the scaled score", () => {
  const outcome = Q.scoreQuiz(key, { single: "a", multi: ["a"], tf: "true" }, true, 60);
  const detail = Q.checkedDetail({ id: "q1", module: "m1", passMark: 60 }, outcome);
  assert.equal(detail.raw, 1.5);
  assert.equal(detail.max, 5);
  assert.equal(detail.scaled, 0.3);
  assert.equal(detail.passed, false);
  assert.equal(detail.quizId, "q1");
  assert.equal(detail.moduleId, "m1");
});

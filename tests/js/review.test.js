"use strict";
/* Spaced review's Leitner schedule (review/schedule.js) and the Review page's pure helpers
   (review/review.js), with an injected clock: every time is a number of ms passed in. */
const test = require("node:test");
const assert = require("node:assert/strict");
const { curriculum } = require("./load.js");

const R = curriculum.review;
const P = curriculum.reviewPage;
const DAY = 864e5;
const T0 = Date.parse("2026-03-02T09:00:00Z");
const K = "q1/a";

function answers(...list) {
  return list.map(([points, day]) => ({ key: K, points, at: T0 + day * DAY }));
}

test("the boxes are 1, 3, 7, 16 and 35 days", () => {
  assert.deepEqual(R.DAYS, [1, 3, 7, 16, 35]);
});

test("a wrong or partly right answer goes to box 1, due a day later", () => {
  assert.deepEqual(R.next(undefined, 0, T0), { box: 1, due: T0 + DAY });
  assert.deepEqual(R.next(undefined, 0.5, T0), { box: 1, due: T0 + DAY });
  assert.deepEqual(R.next({ box: 4, due: T0 }, 0.5, T0), { box: 1, due: T0 + DAY });
  assert.deepEqual(R.next({ box: 3, due: T0 + 5 * DAY }, 0, T0), { box: 1, due: T0 + DAY });
});

test("a right answer first time is not scheduled; right when due moves up one box", () => {
  assert.equal(R.next(undefined, 1, T0), null);
  assert.deepEqual(R.next({ box: 1, due: T0 }, 1, T0), { box: 2, due: T0 + 3 * DAY });
  assert.deepEqual(R.next({ box: 2, due: T0 }, 1, T0 + DAY), { box: 3, due: T0 + 8 * DAY });
  assert.deepEqual(R.next({ box: 4, due: T0 }, 1, T0), { box: 5, due: T0 + 35 * DAY });
});

test("a right answer before it is due changes nothing; right in the last box retires it", () => {
  const item = { box: 2, due: T0 + DAY };
  assert.equal(R.next(item, 1, T0), item);
  assert.equal(R.next({ box: 5, due: T0 }, 1, T0), null);
});

test("the schedule follows every answer in time order, wherever it was given", () => {
  // wrong, then right on each due day: boxes 1 -> 2 -> 3 -> 4 -> 5 -> retired
  const steps = answers([0, 0], [1, 1], [1, 4], [1, 11], [1, 27]);
  assert.deepEqual(R.schedule(steps), { [K]: { box: 5, due: T0 + 62 * DAY } });
  assert.deepEqual(R.schedule(steps.concat(answers([1, 62]))), {});
  // right too early (a day after box 2 began) does not move it
  assert.deepEqual(R.schedule(answers([0, 0], [1, 1], [1, 2])), { [K]: { box: 2, due: T0 + 4 * DAY } });
  // wrong in box 3: back to box 1, due the next day instead of after 7 days
  assert.deepEqual(R.schedule(answers([0, 0], [1, 1], [1, 4], [0, 5])), { [K]: { box: 1, due: T0 + 6 * DAY } });
});

test("due questions at an injected now, the longest overdue first", () => {
  const items = { "q/a": { box: 1, due: T0 + 2 * DAY }, "q/b": { box: 2, due: T0 }, "q/c": { box: 1, due: T0 + 5 * DAY } };
  assert.deepEqual(R.dueKeys(items, T0 - 1), []);
  assert.deepEqual(R.dueKeys(items, T0), ["q/b"]);
  assert.deepEqual(R.dueKeys(items, T0 + 3 * DAY), ["q/b", "q/a"]);
});

test("answers come from the quizzes' attempts and the Review page, oldest first", () => {
  const quizStates = {
    q1: { attempts: [{ date: "2026-03-02T09:00:00Z", percent: 50, passed: false, points: { a: 0, b: 1 } }] },
    q2: { attempts: [{ date: "2026-03-01T09:00:00Z", percent: 0, passed: false }] }, // saved before review: no points
  };
  const review = { answers: [{ key: "q1/a", points: 1, at: T0 + DAY }] };
  const got = R.answersOf(quizStates, review);
  assert.equal(got.dropped, 0);
  assert.deepEqual(got.list, [
    { key: "q1/a", points: 0, at: T0 },
    { key: "q1/b", points: 1, at: T0 },
    { key: "q1/a", points: 1, at: T0 + DAY },
  ]);
});

test("malformed attempts and answers are left out and counted", () => {
  const quizStates = {
    q1: { attempts: [{ date: "yesterday", points: { a: 0 } }, { date: "2026-03-02T09:00:00Z", points: { a: 2 } }, null, "x"] },
    q2: null,
    q3: "junk",
  };
  const review = {
    answers: [
      { key: "nokey", points: 0, at: T0 },
      { key: "q/a", points: "0", at: T0 },
      { key: "q/a", points: 0, at: T0 },
    ],
  };
  const got = R.answersOf(quizStates, review);
  assert.equal(got.dropped, 4);
  assert.deepEqual(got.list, [{ key: "q/a", points: 0, at: T0 }]);
  assert.equal(R.answersOf({}, "junk").dropped, 1);
  assert.equal(R.answersOf({}, null).dropped, 0);
});

test("a quiz checked before review existed gets its last attempt's points from its answers", () => {
  const quizzes = { q1: { partial: false, passMark: 80, key: { a: { type: "single_choice", correct: ["x"] }, b: { type: "true_false", correct: true } } } };
  const saved = { checked: true, answers: { a: "y", b: "true" }, attempts: [{ date: "2026-03-02T09:00:00Z", percent: 50, passed: false }] };
  const out = P.withPoints({ q1: saved, q2: saved, q3: null }, quizzes);
  assert.deepEqual(out.q1.attempts[0].points, { a: 0, b: 1 });
  assert.equal(saved.attempts[0].points, undefined, "the stored state is not changed");
  assert.equal(out.q2, saved, "a quiz the page does not have is left as it is");
  assert.deepEqual(P.withPoints({ q1: { ...saved, checked: false } }, quizzes).q1.attempts[0].points, undefined);
});

test("questions the page does not have are left out and counted", () => {
  const got = P.known({ "q/a": { box: 1, due: T0 }, "gone/b": { box: 1, due: T0 } }, { "q/a": {} });
  assert.deepEqual(got, { items: { "q/a": { box: 1, due: T0 } }, gone: 1 });
});

test("what the page says after an answer", () => {
  assert.deepEqual(P.outcome(1, null, T0), { key: "review.learned", vars: {} });
  const right = P.outcome(1, { box: 2, due: T0 + 3 * DAY }, T0);
  assert.equal(right.key, "review.outcome.right");
  assert.equal(right.vars.days, 3);
  assert.equal(P.outcome(0.5, { box: 1, due: T0 + DAY }, T0).key, "review.outcome.partial");
  assert.equal(P.outcome(0, { box: 1, due: T0 + DAY }, T0).key, "review.outcome.wrong");
});

"use strict";
const test = require("node:test");
const assert = require("node:assert/strict");
const { curriculum, fixture } = require("./load.js");

const S = curriculum.scenario;
// The graph of the example scenario (components/scenario/examples/sc-demo.yml) as the
// renderer writes it into data-config (tests/test_scenario_model.py keeps the two equal).
const config = fixture("parity", "scenario-config.json");

test("replay follows the steps from the start to a node or an ending", () => {
  assert.deepEqual(S.replay(config, []), { steps: [], current: "arrival", ended: false, dropped: 0 });
  const r = S.replay(config, [
    ["arrival", "welcome"],
    ["sam-speaks", "link"],
  ]);
  assert.equal(r.current, "group-holds");
  assert.equal(r.ended, true);
  assert.equal(r.dropped, 0);
});

test("a loop back to an earlier node is a path like any other", () => {
  const r = S.replay(config, [
    ["arrival", "welcome"],
    ["sam-speaks", "start-again"],
    ["arrival", "welcome"],
  ]);
  assert.equal(r.current, "sam-speaks");
  assert.equal(r.steps.length, 3);
});

test("steps that do not fit are dropped from the first that does not", () => {
  const cases = [
    [[["sam-speaks", "link"]], 0], // not taken where the path is
    [[["arrival", "nope"]], 0], // no such choice
    [[["arrival", "welcome"], "junk", ["sam-speaks", "link"]], 1],
    [
      [
        ["arrival", "ignore"],
        ["arrival", "welcome"],
      ],
      1,
    ], // nothing after an ending
    [[["arrival", "welcome", "extra"]], 0],
    [[[1, 2]], 0],
  ];
  for (const [steps, kept] of cases) {
    const r = S.replay(config, steps);
    assert.equal(r.steps.length, kept, JSON.stringify(steps));
    assert.equal(r.dropped, steps.length - kept);
  }
  assert.equal(S.replay(config, "not a list").current, "arrival");
});

test("cleanState takes only what fits this scenario, and never throws on junk", () => {
  for (const junk of [null, undefined, 3, "x", [], { steps: {} }, { steps: [null], reached: "group-holds" }]) {
    const { state } = S.cleanState(config, junk);
    assert.deepEqual(state, { steps: [], reached: [] }, JSON.stringify(junk));
  }
  const { state, dropped } = S.cleanState(config, {
    steps: [
      ["arrival", "welcome"],
      ["sam-speaks", "gone"],
    ],
    reached: ["group-holds", "group-holds", "arrival", "old-ending", 7],
  });
  assert.deepEqual(state, { steps: [["arrival", "welcome"]], reached: ["group-holds"] });
  assert.equal(dropped, 1);
});

test("choose moves on and records each ending reached once; back and restart keep endings", () => {
  let state = { steps: [], reached: [] };
  state = S.choose(config, state, "ignore");
  assert.deepEqual(state.reached, ["sam-leaves"]);
  assert.equal(S.choose(config, state, "welcome"), state, "no choice after an ending");
  state = S.restart(state);
  assert.deepEqual(state, { steps: [], reached: ["sam-leaves"] });
  state = S.choose(config, state, "welcome");
  assert.equal(S.choose(config, state, "ignore"), state, "a choice of another node does nothing");
  state = S.choose(config, state, "advise");
  assert.deepEqual(state.reached, ["sam-leaves", "advice-lands-badly"]);
  state = S.back(state);
  assert.equal(S.replay(config, state.steps).current, "sam-speaks");
  state = S.choose(config, state, "advise");
  assert.deepEqual(state.reached, ["sam-leaves", "advice-lands-badly"]);
});

test("the ended event's detail names scenario, module, ending and rating", () => {
  assert.deepEqual(S.endedDetail(config, "group-holds"), {
    scenarioId: "sc-demo",
    moduleId: "demo-module",
    endingId: "group-holds",
    rating: "safe",
  });
});

test("ids that are Object properties are not nodes", () => {
  assert.equal(S.kindOf(config, "constructor"), null);
  assert.equal(S.nextOf(config, "toString", "x"), null);
});

test("the progress page counts distinct endings reached, never more than there are", () => {
  const status = curriculum.progress.scenarioStatusOf;
  assert.deepEqual(status(null, 3), { status: "not-started", text: "None yet" });
  assert.deepEqual(status({ reached: ["a", "a", 7] }, 3), { status: "in-progress", text: "1 of 3 endings reached" });
  assert.equal(status({ reached: ["a", "b", "c", "d"] }, 3).status, "passed");
  assert.equal(status({ reached: "a" }, 3).status, "not-started");
});

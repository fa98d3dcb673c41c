"use strict";
const test = require("node:test");
const assert = require("node:assert/strict");
const { curriculum } = require("./load.js");

const C = curriculum.cmi5;
const CMI5 = "https://w3id.org/xapi/cmi5/context/categories/cmi5";
const MOVEON = "https://w3id.org/xapi/cmi5/context/categories/moveon";
const MASTERY = "https://w3id.org/xapi/cmi5/context/extensions/masteryscore";
const SESSION = "https://w3id.org/xapi/cmi5/context/extensions/sessionid";
const actor = { objectType: "Agent", account: { homePage: "https://lms.example.org", name: "t-1" } };
const registration = "760e3480-ba55-4991-94b0-01820dbd23a2";

function search(over) {
  const params = new URLSearchParams({
    endpoint: "https://lrs.example.org/xapi",
    fetch: "https://lms.example.org/fetch?k=1",
    actor: JSON.stringify(actor),
    registration: registration,
    activityId: "https://lms.example.org/activity/1",
    ...over,
  });
  return "?" + params.toString();
}

test("launch parameters are read in any order, the endpoint gets its trailing slash", () => {
  const launch = C.launchParams(search({}));
  assert.equal(launch.endpoint, "https://lrs.example.org/xapi/");
  assert.deepEqual(launch.actor, actor);
  assert.equal(launch.registration, registration);
});

test("a page not launched by an LMS, or launched with bad parameters, is not an AU session", () => {
  assert.equal(C.launchParams(""), null);
  assert.equal(C.launchParams(search({ actor: "{not json" })), null);
  assert.equal(C.launchParams(search({ registration: "not-a-uuid" })), null);
  assert.equal(C.launchParams(search({ endpoint: "javascript:alert(1)" })), null);
  assert.equal(C.launchParams(search({ fetch: "data:text/plain,x" })), null);
  const missing = new URLSearchParams(search({}));
  missing.delete("fetch");
  assert.equal(C.launchParams("?" + missing.toString()), null);
});

test("statement ids are version 4 UUIDs", () => {
  const id = C.uuidFrom(new Uint8Array(16).fill(255));
  assert.match(id, /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  assert.equal(C.uuidFrom(new Uint8Array(16)), "00000000-0000-4000-8000-000000000000");
});

test("durations are ISO 8601", () => {
  assert.equal(C.duration(0), "PT0S");
  assert.equal(C.duration(1234), "PT1.23S");
  assert.equal(C.duration(61000), "PT1M1S");
  assert.equal(C.duration(3723450), "PT1H2M3.45S");
});

test("the context keeps the LMS's template and adds the cmi5 categories without overwriting", () => {
  const template = { extensions: { [SESSION]: "s-1" }, contextActivities: { grouping: [{ id: "urn:au" }], category: [{ id: "urn:lms-cat" }] } };
  const defined = C.contextFor(template, registration, { defined: true, moveOn: true, masteryScore: 0.7 });
  assert.equal(defined.registration, registration);
  assert.deepEqual(
    defined.contextActivities.category.map((a) => a.id),
    ["urn:lms-cat", CMI5, MOVEON]
  );
  assert.deepEqual(defined.contextActivities.grouping, [{ id: "urn:au" }]);
  assert.equal(defined.extensions[SESSION], "s-1");
  assert.equal(defined.extensions[MASTERY], 0.7);
  assert.equal(template.contextActivities.category.length, 1, "the template itself is not changed");
  const allowed = C.contextFor({ extensions: { [SESSION]: "s-1" } }, registration, { defined: false });
  assert.equal(allowed.contextActivities, undefined);
  assert.equal(allowed.extensions[SESSION], "s-1");
});

test("score: scaled always, raw min max only for whole points", () => {
  assert.deepEqual(C.scoreOf({ raw: 4, max: 5, scaled: 0.8 }), { scaled: 0.8, raw: 4, min: 0, max: 5 });
  assert.deepEqual(C.scoreOf({ raw: 3.5, max: 5, scaled: 0.7 }), { scaled: 0.7 });
});

test("passed or failed by the LMS's masteryScore when there is one, else by the quiz", () => {
  assert.deepEqual(C.judge({ scaled: 0.7, passed: false }, 0.7), { passed: true, byMastery: true });
  assert.deepEqual(C.judge({ scaled: 0.69, passed: true }, 0.7), { passed: false, byMastery: true });
  assert.deepEqual(C.judge({ scaled: 0.5, passed: true }, undefined), { passed: true, byMastery: false });
});

const fresh = { normal: true, judged: false, passed: false, completed: false };
const failing = { raw: 1, max: 6, scaled: 0.17, passed: false };
const passing = { raw: 6, max: 6, scaled: 1, passed: true };
const data = { masteryScore: 0.7 };
const kinds = (plan) => plan.send.map((s) => (s.defined ? "" : "allowed ") + s.verb);

test("the first check of a registration: passed or failed, then completed once", () => {
  const plan = C.planCheck(fresh, failing, data, 1000);
  assert.deepEqual(kinds(plan), ["failed", "completed"]);
  assert.equal(plan.send[0].masteryScore, 0.7);
  assert.equal(plan.send[0].result.success, false);
  assert.equal(plan.send[1].result.completion, true);
  assert.deepEqual(plan.state, { normal: true, judged: true, passed: false, completed: true });
});

test("a second check in the session is a cmi5 allowed statement; a new session may judge again", () => {
  const first = C.planCheck(fresh, failing, data, 1000);
  const second = C.planCheck(first.state, passing, data, 2000);
  assert.deepEqual(kinds(second), ["allowed passed"]);
  assert.equal(second.send[0].masteryScore, null);
  const nextSession = C.planCheck({ ...second.state, judged: false }, passing, data, 500);
  assert.deepEqual(kinds(nextSession), ["passed"]);
  assert.equal(nextSession.state.passed, true);
});

test("after a pass in the registration, nothing is judged again as cmi5 defined", () => {
  const after = C.planCheck({ normal: true, judged: false, passed: true, completed: true }, failing, data, 1000);
  assert.deepEqual(kinds(after), ["allowed failed"]);
});

test("Browse and Review launches send no judgement", () => {
  assert.deepEqual(C.planCheck({ ...fresh, normal: false }, passing, data, 1000).send, []);
});

test("the outbox drops a statement only when the LRS took it (or can never take it)", () => {
  const queue = [{ id: "a" }, { id: "b" }];
  assert.deepEqual(C.afterSend(queue, 200).queue, [{ id: "b" }]);
  assert.deepEqual(C.afterSend(queue, 204).queue, [{ id: "b" }]);
  assert.deepEqual(C.afterSend(queue, 0), { queue: queue, retry: true, stop: false });
  assert.deepEqual(C.afterSend(queue, 502), { queue: queue, retry: true, stop: false });
  assert.deepEqual(C.afterSend(queue, 401), { queue: queue, retry: false, stop: true });
});

test("a statement carries the launch's actor and activity, its id and timestamp fixed when made", () => {
  const launch = C.launchParams(search({}));
  const s = C.makeStatement(launch, { extensions: { [SESSION]: "s-1" } }, "initialized", { defined: true });
  assert.equal(s.verb.id, "http://adlnet.gov/expapi/verbs/initialized");
  assert.equal(s.object.id, launch.activityId);
  assert.deepEqual(s.actor, actor);
  assert.match(s.id, /^[0-9a-f-]{36}$/);
  assert.ok(!Number.isNaN(Date.parse(s.timestamp)));
  assert.equal(s.result, undefined);
});

test("a registration's earlier pass or completion is read from cmi5 defined statements of the activity only", () => {
  const of = (verb, category, object) => ({
    verb: { id: "http://adlnet.gov/expapi/verbs/" + verb },
    object: { id: object || "urn:act" },
    context: { contextActivities: category ? { category: [{ id: CMI5 }] } : {} },
  });
  assert.deepEqual(C.priorOf([of("passed", true), of("completed", true)], "urn:act"), { passed: true, completed: true });
  assert.deepEqual(C.priorOf([of("passed", false), of("completed", true, "urn:other")], "urn:act"), { passed: false, completed: false });
  assert.deepEqual(C.priorOf([], "urn:act"), { passed: false, completed: false });
});

test("sameAu judges links as the SCO runtime's sameSco does", () => {
  const pages = ["demo/demo-module.html", "scenarios/sc-demo.html"];
  const cases = [
    ["../scenarios/sc-demo.html", "http://127.0.0.1:9/pkg/demo/demo-module.html"],
    ["../scenarios/sc-other.html", "http://127.0.0.1:9/pkg/demo/demo-module.html"],
    ["#references", "http://127.0.0.1:9/pkg/demo/demo-module.html"],
    ["../demo/demo-module.html?x=1", "http://127.0.0.1:9/pkg/scenarios/sc-demo.html"],
    ["https://lms.example.org/pkg/scenarios/sc-demo.html", "http://127.0.0.1:9/pkg/demo/demo-module.html"],
    ["scenarios/sc-demo.html", "http://127.0.0.1:9/pkg/index.html"],
  ];
  const got = cases.map(([href, here]) => C.sameAu(pages, href, here));
  assert.deepEqual(got, [true, false, false, true, false, false]);
  assert.deepEqual(
    got,
    cases.map(([href, here]) => curriculum.scorm.sameSco(pages, href, here))
  );
});

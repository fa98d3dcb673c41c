/* cmi5: the Assignable Unit runtime of a cmi5 package (loaded only in `curriculum package
   --format cmi5` builds). On a module page launched by an LMS (cmi5 launch parameters in
   the address: endpoint, fetch, actor, registration, activityId) it
     1. POSTs once to the fetch URL for the session's auth token (it holds no credentials of
        its own: the token is the LMS's, kept in memory only),
     2. reads LMS.LaunchData (State API) and cmi5LearnerPreferences (Agent Profile API),
     3. sends initialized; on a page without a quiz, completed;
     4. after each check of the module's quiz (the quiz's bubbling curriculum:quiz-checked
        event): passed or failed with the score (scaled, raw, min, max), judged by the launch
        data's masteryScore, and completed once,
     5. terminated when the trainee presses Finish or leaves the page (pagehide),
     6. on reaching an ending of one of the module's scenarios (the scenario's bubbling
        curriculum:scenario-ended event): completed, once per registration (cmi5 9.3.3: the
        AU's content has been experienced); passed still comes only from the quiz, so a
        moveOn of CompletedAndPassed still needs it.
   An AU is its module page and the module's scenario pages (config pages). A link between
   two of them hands the session on instead of ending it (the cmi5 best practice of keeping
   the once-per-session fetch token across page loads): the link gets this page's launch
   parameters, the leaving page puts the token, the launch data and the session's state
   beside the outbox (store kind "cmi5") for at most HANDOVER_MS, and the next page takes
   them out at once and goes on without a second initialized. Any other page change ends
   the session (terminated).
   cmi5 rules kept (cmi5 spec, Quartz, 9.3 and 9.5): one passed or failed "cmi5 defined"
   statement per session, one passed and one completed per registration, no failed after a
   passed; later checks are sent as "cmi5 allowed" statements (no cmi5 category). Browse and
   Review launches send only initialized and terminated.
   Every statement gets its id when it is made and goes into the outbox (store kind "cmi5",
   per registration and AU) before it is sent; the outbox is sent in order, and a statement
   leaves it only when the LRS has accepted it. Unreachable LRS: kept, retried with back-off
   and when the browser comes back online; the same ids are sent again, so an LRS that did
   store a statement before its answer was lost stores nothing twice. */
(function (curriculum) {
  "use strict";
  var t = curriculum.t;

  var XAPI_VERSION = "1.0.3";
  var CMI5 = "https://w3id.org/xapi/cmi5/context/categories/cmi5";
  var MOVEON = "https://w3id.org/xapi/cmi5/context/categories/moveon";
  var MASTERY = "https://w3id.org/xapi/cmi5/context/extensions/masteryscore";
  var VERBS = {
    initialized: "http://adlnet.gov/expapi/verbs/initialized",
    completed: "http://adlnet.gov/expapi/verbs/completed",
    passed: "http://adlnet.gov/expapi/verbs/passed",
    failed: "http://adlnet.gov/expapi/verbs/failed",
    terminated: "http://adlnet.gov/expapi/verbs/terminated",
  };
  var HANDOVER_MS = 30000;
  var UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[1-5][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i;

  /* The five launch parameters, checked; null when this page was not launched by an LMS. */
  function launchParams(search) {
    var params = new URLSearchParams(search || "");
    var out = {};
    var names = ["endpoint", "fetch", "actor", "registration", "activityId"];
    for (var i = 0; i < names.length; i++) {
      var value = params.get(names[i]);
      if (!value) return null;
      out[names[i]] = value;
    }
    try {
      out.actor = JSON.parse(out.actor);
    } catch (err) {
      return null;
    }
    if (!out.actor || typeof out.actor !== "object" || !UUID.test(out.registration)) return null;
    if (!isHttp(out.endpoint) || !isHttp(out.fetch)) return null;
    if (out.endpoint.charAt(out.endpoint.length - 1) !== "/") out.endpoint += "/";
    return out;
  }

  function isHttp(url) {
    try {
      var parsed = new URL(url, typeof location !== "undefined" ? location.href : undefined);
      return parsed.protocol === "https:" || parsed.protocol === "http:";
    } catch (err) {
      return false;
    }
  }

  /* A version 4 UUID from 16 random bytes. */
  function uuidFrom(bytes) {
    var b = Array.prototype.slice.call(bytes, 0, 16);
    b[6] = (b[6] & 0x0f) | 0x40;
    b[8] = (b[8] & 0x3f) | 0x80;
    var hex = b.map(function (x) {
      return (x + 0x100).toString(16).slice(1);
    });
    return [hex.slice(0, 4), hex.slice(4, 6), hex.slice(6, 8), hex.slice(8, 10), hex.slice(10, 16)]
      .map(function (part) {
        return part.join("");
      })
      .join("-");
  }

  function newId() {
    var bytes = new Uint8Array(16);
    globalThis.crypto.getRandomValues(bytes);
    return uuidFrom(bytes);
  }

  /* ISO 8601 duration of ms milliseconds, to the hundredth of a second. */
  function duration(ms) {
    var centis = Math.max(0, Math.round(ms / 10));
    var hours = Math.floor(centis / 360000);
    var minutes = Math.floor((centis % 360000) / 6000);
    var seconds = (centis % 6000) / 100;
    return "PT" + (hours ? hours + "H" : "") + (minutes ? minutes + "M" : "") + seconds + "S";
  }

  function copy(value) {
    return value === undefined ? undefined : JSON.parse(JSON.stringify(value));
  }

  /* The context: the LMS's contextTemplate (never overwritten), the registration, and for
     cmi5 defined statements the cmi5 category, the moveOn category (a result with success
     or completion) and the masteryScore extension (a judgement based on it). */
  function contextFor(template, registration, opts) {
    var context = copy(template) || {};
    context.registration = registration;
    var activities = (context.contextActivities = context.contextActivities || {});
    var category = activities.category ? [].concat(activities.category) : [];
    function addCategory(id) {
      if (
        !category.some(function (a) {
          return a && a.id === id;
        })
      )
        category.push({ id: id, objectType: "Activity" });
    }
    if (opts.defined) addCategory(CMI5);
    if (opts.defined && opts.moveOn) addCategory(MOVEON);
    if (category.length) activities.category = category;
    if (!Object.keys(activities).length) delete context.contextActivities;
    if (opts.masteryScore != null) {
      context.extensions = context.extensions || {};
      if (!(MASTERY in context.extensions)) context.extensions[MASTERY] = opts.masteryScore;
    }
    return context;
  }

  /* One statement, complete with its id and timestamp (fixed here, never changed). */
  function makeStatement(launch, template, verb, opts) {
    opts = opts || {};
    var statement = {
      id: opts.id || newId(),
      actor: launch.actor,
      verb: { id: VERBS[verb], display: { "en-US": verb } },
      object: { id: launch.activityId, objectType: "Activity" },
      context: contextFor(template, launch.registration, opts),
      timestamp: opts.timestamp || new Date().toISOString(),
    };
    if (opts.result) statement.result = opts.result;
    return statement;
  }

  /* cmi5 score of a check: scaled always; raw, min and max when raw is a whole number (cmi5
     9.5.1: raw is an integer; partial credit can give halves). */
  function scoreOf(detail) {
    var score = { scaled: Math.max(0, Math.min(1, detail.scaled)) };
    if (Number.isInteger(detail.raw) && Number.isInteger(detail.max)) {
      score.raw = detail.raw;
      score.min = 0;
      score.max = detail.max;
    }
    return score;
  }

  /* Passed or failed: by the LMS's masteryScore when the launch data has one, else by the
     quiz's own pass mark. */
  function judge(detail, masteryScore) {
    if (typeof masteryScore === "number") return { passed: detail.scaled >= masteryScore, byMastery: true };
    return { passed: detail.passed === true, byMastery: false };
  }

  /* What one check sends, by the cmi5 ordering rules. state: {normal, judged (this session),
     passed, completed (this registration)}; returns [{verb, defined, moveOn, result,
     masteryScore}] and the state after. */
  function planCheck(state, detail, launchData, elapsedMs) {
    var next = { normal: state.normal, judged: state.judged, passed: state.passed, completed: state.completed };
    if (!state.normal) return { send: [], state: next };
    var mastery = launchData && typeof launchData.masteryScore === "number" ? launchData.masteryScore : null;
    var verdict = judge(detail, mastery);
    var verb = verdict.passed ? "passed" : "failed";
    var result = { score: scoreOf(detail), success: verdict.passed, duration: duration(elapsedMs) };
    var defined = !state.judged && !state.passed;
    var send = [{ verb: verb, defined: defined, moveOn: defined, result: result, masteryScore: verdict.byMastery && defined ? mastery : null }];
    if (defined) next.judged = true;
    if (defined && verdict.passed) next.passed = true;
    if (!state.completed) {
      send.push({ verb: "completed", defined: true, moveOn: true, result: { completion: true, duration: duration(elapsedMs) } });
      next.completed = true;
    }
    return { send: send, state: next };
  }

  /* The outbox after the LRS answered `status` for its first statement: {queue, retry}. */
  function afterSend(queue, status) {
    if ((status >= 200 && status < 300) || status === 409 || status === 400) return { queue: queue.slice(1), retry: false, stop: false };
    if (status === 401 || status === 403) return { queue: queue, retry: false, stop: true };
    return { queue: queue, retry: true, stop: false }; // 0 (network), 5xx, anything else: later
  }

  /* {passed, completed}: whether these statements hold a cmi5 defined pass or completion of
     the activity. */
  function priorOf(statements, activityId) {
    var held = { passed: false, completed: false };
    statements.forEach(function (st) {
      if (!st || !st.verb || !st.object || st.object.id !== activityId) return;
      var category = ((st.context || {}).contextActivities || {}).category || [];
      var defined = [].concat(category).some(function (a) {
        return a && a.id === CMI5;
      });
      if (defined && st.verb.id === VERBS.passed) held.passed = true;
      if (defined && st.verb.id === VERBS.completed) held.completed = true;
    });
    return held;
  }

  var sameAu = curriculum.unit.samePage; // shared/unit.js

  function outboxKey(launch) {
    return launch.registration + " " + launch.activityId;
  }

  curriculum.cmi5 = {
    launchParams: launchParams,
    uuidFrom: uuidFrom,
    duration: duration,
    contextFor: contextFor,
    makeStatement: makeStatement,
    scoreOf: scoreOf,
    judge: judge,
    planCheck: planCheck,
    afterSend: afterSend,
    priorOf: priorOf,
    sameAu: sameAu,
    VERBS: VERBS,
  };
  if (typeof document === "undefined") return;
  var store = curriculum.store;

  curriculum.component("cmi5", function (root, config) {
    var launch = launchParams(window.location.search);
    if (!launch) return; // not launched by an LMS: the ordinary page
    root.hidden = false;
    var status = root.querySelector(".cq-au__status");
    var finish = root.querySelector(".cq-au__finish");
    var key = outboxKey(launch);
    var saved = store.read("cmi5", key).value || {};
    var handed = saved.handover && typeof saved.handover === "object" ? saved.handover : null;
    if (handed && !(typeof handed.at === "number" && Math.abs(Date.now() - handed.at) < HANDOVER_MS && handed.fetch === launch.fetch)) handed = null;
    var box = {
      queue: Array.isArray(saved.queue) ? saved.queue : [],
      passed: saved.passed === true,
      completed: saved.completed === true,
    };
    var token = null;
    var launchData = null;
    var session = { normal: false, judged: false, started: Date.now(), ended: false };
    var sending = false;
    var delay = 1000;
    var timer = null;
    var leaving = false;
    var resultSent = false;
    var handOn = 0; // a link to another page of this AU was followed until then

    function say(key, vars) {
      status.textContent = t(key, vars);
    }
    function persist() {
      store.write("cmi5", key, { queue: box.queue, passed: box.passed, completed: box.completed });
    }
    persist(); // the hand-over, if any, is taken out now
    function headers(json) {
      var h = { Authorization: "Basic " + token, "X-Experience-API-Version": XAPI_VERSION };
      if (json) h["Content-Type"] = "application/json";
      return h;
    }
    function agentQuery(extra) {
      var q = new URLSearchParams(extra);
      q.set("agent", JSON.stringify(launch.actor));
      return q.toString();
    }

    function enqueue(verb, opts) {
      box.queue.push(makeStatement(launch, launchData.contextTemplate, verb, opts));
      persist();
    }

    function schedule() {
      if (timer || leaving) return;
      timer = setTimeout(function () {
        timer = null;
        flush();
      }, delay);
      delay = Math.min(delay * 2, 30000);
    }

    /* Send the outbox in order, one statement at a time. */
    function flush() {
      if (sending || !token || !box.queue.length) return;
      sending = true;
      var statement = box.queue[0];
      fetch(launch.endpoint + "statements", {
        method: "POST",
        headers: headers(true),
        body: JSON.stringify(statement),
        keepalive: leaving,
        credentials: "omit",
      })
        .then(
          function (response) {
            return response.status;
          },
          function () {
            return 0;
          }
        )
        .then(function (code) {
          sending = false;
          var still = box.queue[0] && box.queue[0].id === statement.id;
          var next = afterSend(box.queue, code);
          if (still && next.queue.length < box.queue.length) {
            box.queue = next.queue;
            persist();
            if (statement.verb.id === VERBS.passed || statement.verb.id === VERBS.failed) resultSent = true;
          }
          if (next.stop) return say("cmi5.refused");
          if (next.retry) {
            say("cmi5.kept", { n: box.queue.length });
            return schedule();
          }
          delay = 1000;
          if (box.queue.length) return flush();
          say(session.ended ? "cmi5.finished" : resultSent ? "cmi5.sent" : session.normal ? "cmi5.connected" : "cmi5.browse");
        });
    }

    function terminate() {
      if (session.ended || !launchData) return;
      session.ended = true;
      enqueue("terminated", { defined: true, result: { duration: duration(Date.now() - session.started) } });
      finish.disabled = true;
      if (!leaving || box.queue.length === 1) flush();
    }

    document.addEventListener("curriculum:quiz-checked", function (event) {
      var detail = event.detail || {};
      if (!launchData || session.ended || detail.moduleId !== config.module) return;
      var plan = planCheck(
        { normal: session.normal, judged: session.judged, passed: box.passed, completed: box.completed },
        detail,
        launchData,
        Date.now() - session.started
      );
      session.judged = plan.state.judged;
      box.passed = plan.state.passed;
      box.completed = plan.state.completed;
      plan.send.forEach(function (s) {
        enqueue(s.verb, s);
      });
      flush();
    });

    finish.addEventListener("click", function () {
      terminate();
      var back = launchData && launchData.returnURL;
      if (back && isHttp(back)) {
        var go = function () {
          window.location.assign(new URL(back, window.location.href).href);
        };
        var waited = 0;
        var wait = setInterval(function () {
          waited += 100;
          if (!box.queue.length || waited >= 3000) {
            clearInterval(wait);
            go();
          }
        }, 100);
      }
    });
    document.addEventListener("curriculum:scenario-ended", function (event) {
      var detail = event.detail || {};
      if (!launchData || session.ended || !session.normal || box.completed) return;
      if (detail.moduleId !== config.module || (config.scenarios || []).indexOf(detail.scenarioId) < 0) return;
      box.completed = true;
      enqueue("completed", { defined: true, moveOn: true, result: { completion: true, duration: duration(Date.now() - session.started) } });
      flush();
    });

    // Last in the click's path (window), so a link a component handled itself is left alone.
    window.addEventListener("click", function (event) {
      var link = event.target && event.target.closest ? event.target.closest("a[href]") : null;
      if (!link || event.defaultPrevented || event.button !== 0 || event.ctrlKey || event.metaKey || event.shiftKey || event.altKey) return;
      if ((link.target && link.target !== "_self") || link.hasAttribute("download") || !launchData || session.ended) return;
      handOn = 0;
      if (sameAu(config.pages || [], link.href, window.location.href)) {
        var to = new URL(link.href, window.location.href);
        to.search = window.location.search; // the next page's launch parameters
        link.href = to.href;
        handOn = Date.now() + 10000;
      }
    });

    window.addEventListener("pagehide", function () {
      leaving = true;
      if (Date.now() < handOn && token && launchData) {
        session.ended = true; // on this page; the next one goes on
        store.write("cmi5", key, {
          queue: box.queue,
          passed: box.passed,
          completed: box.completed,
          handover: { at: Date.now(), fetch: launch.fetch, token: token, launchData: launchData, judged: session.judged, started: session.started },
        });
        return;
      }
      terminate();
      // The page is going: whatever is still in the outbox goes in one request the browser
      // finishes on its own (keepalive). The outbox keeps it until an answer is seen, so the
      // next launch sends it again if need be; the ids make a second copy harmless.
      if (token && box.queue.length > 1) {
        fetch(launch.endpoint + "statements", {
          method: "POST",
          headers: headers(true),
          body: JSON.stringify(box.queue),
          keepalive: true,
          credentials: "omit",
        }).catch(function () {});
      }
    });
    window.addEventListener("online", function () {
      delay = 1000;
      flush();
    });

    if (handed && handed.launchData && typeof handed.token === "string") {
      token = handed.token;
      launchData = handed.launchData;
      session.normal = (launchData.launchMode || "Normal") === "Normal";
      session.judged = handed.judged === true;
      session.started = typeof handed.started === "number" ? handed.started : session.started;
      say(session.normal ? "cmi5.connected" : "cmi5.browse");
      flush();
      return;
    }
    say("cmi5.connecting");
    fetch(launch.fetch, { method: "POST", credentials: "omit" })
      .then(function (response) {
        return response.json();
      })
      .then(function (body) {
        if (!body || typeof body["auth-token"] !== "string") throw new Error("no token");
        token = body["auth-token"];
        var state = agentQuery({ stateId: "LMS.LaunchData", activityId: launch.activityId, registration: launch.registration });
        return fetch(launch.endpoint + "activities/state?" + state, { headers: headers(false), credentials: "omit" });
      })
      .then(function (response) {
        if (!response.ok) throw new Error("no launch data");
        return response.json();
      })
      .then(function (data) {
        if (!data || typeof data !== "object" || !data.contextTemplate || typeof data.contextTemplate !== "object") throw new Error("bad launch data");
        launchData = data;
        session.normal = (data.launchMode || "Normal") === "Normal";
        return priorJudgements().then(start);
      })
      .catch(function () {
        say("cmi5.launchFailed");
        finish.disabled = true;
      });

    /* What this registration already holds in the LRS (a pass, a completion), so a launch
       from another browser does not send them twice (cmi5 9.3); unreadable: what this
       browser remembers stands. The query names only the agent and the registration (a
       filter every LRS has; Ralph's file-system backend matches no verb or activity
       filter) and the statements are picked here. */
    function priorJudgements() {
      var q = agentQuery({ registration: launch.registration, limit: "500" });
      return fetch(launch.endpoint + "statements?" + q, { headers: headers(false), credentials: "omit" })
        .then(function (response) {
          return response.ok ? response.json() : null;
        })
        .then(function (body) {
          var held = priorOf((body && body.statements) || [], launch.activityId);
          if (held.passed) box.passed = true;
          if (held.completed) box.completed = true;
        })
        .catch(function () {});
    }

    function start() {
      // cmi5 11.0: the AU reads the learner's preferences at start (this site has one language).
      fetch(launch.endpoint + "agents/profile?" + agentQuery({ profileId: "cmi5LearnerPreferences" }), {
        headers: headers(false),
        credentials: "omit",
      }).catch(function () {});
      enqueue("initialized", { defined: true });
      if (session.normal && !config.quiz && !box.completed) {
        box.completed = true;
        enqueue("completed", { defined: true, moveOn: true, result: { completion: true, duration: duration(Date.now() - session.started) } });
      }
      say(session.normal ? "cmi5.connected" : "cmi5.browse");
      flush();
    }
  });
})(window.curriculum);

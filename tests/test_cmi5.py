"""cmi5 packages against a real LRS: `curriculum package --format cmi5` of the minimal tree,
unpacked and served on 127.0.0.1 (the content's origin); a small LMS on another origin (the
harness below: launch page, fetch URL, LMS.LaunchData in its State API, and its statements
resource forwarding to Ralph with the LMS's own credentials, which the AU never sees);
Ralph (tests/lrs.py) storing and validating every statement. A trainee takes the quiz by
keyboard inside the LMS's frame.

Ralph serves only the statements resource (no State or Agent Profile API), so the harness
holds LMS.LaunchData and answers cmi5LearnerPreferences itself, as an LMS does. The cmi5
checks on the stored statements (categories, moveOn, masteryScore, session id, order) are
this file's reading of the cmi5 spec (Quartz, sections 9 and 10); the xAPI validity of each
statement is Ralph's own model's (lrs.validate_statements) and Ralph's statements resource's,
which refuses what it cannot take."""

from __future__ import annotations

import http.server
import json
import re
import secrets
import shutil
import threading
import urllib.parse
import uuid
import zipfile
from datetime import UTC, datetime
from xml.etree import ElementTree as ET

import pytest
from playwright.sync_api import Page, expect

import axecheck
from conftest import SiteServer, free_port, write_site_config
from helpers import BASE, link_node_tools, run_cli
from lrs import validate_statements

NS = {"c": "https://w3id.org/xapi/profiles/cmi5/v1/CourseStructure.xsd"}
CMI5 = "https://w3id.org/xapi/cmi5/context/categories/cmi5"
MOVEON = "https://w3id.org/xapi/cmi5/context/categories/moveon"
SESSION = "https://w3id.org/xapi/cmi5/context/extensions/sessionid"
MASTERY = "https://w3id.org/xapi/cmi5/context/extensions/masteryscore"
VERB = "http://adlnet.gov/expapi/verbs/"
ACTOR = {"objectType": "Agent", "account": {"homePage": "https://lms.example.org", "name": "trainee-42"}}
SCORED = 6  # the minimal quiz's scored questions


# -- the package ---------------------------------------------------------------------------


@pytest.fixture(scope="module")
def lms_port():
    return free_port()


@pytest.fixture(scope="module")
def package(tmp_path_factory, lms_port):
    """The minimal tree packaged for cmi5 with the LMS's origin in connect-src, unpacked and
    served (.url, .dir, .zip)."""
    base = tmp_path_factory.mktemp("cmi5")
    root = base / "content"
    shutil.copytree(BASE, root)
    write_site_config(root, "mkdocs-offline.yml")
    link_node_tools(root)
    out = base / "course.zip"
    done = run_cli(
        "package",
        "--root",
        str(root),
        "--format",
        "cmi5",
        "--out",
        str(out),
        "--lrs-origin",
        f"http://127.0.0.1:{lms_port}",
    )
    assert done.returncode == 0, done.stderr
    assert "1 AU(s) in 1 block(s)" in done.stdout
    unpacked = base / "unpacked"
    with zipfile.ZipFile(out) as zf:
        zf.extractall(unpacked)
    server = SiteServer(unpacked, free_port())
    server.dir, server.zip = unpacked, out
    yield server
    server.close()


# -- the LMS -------------------------------------------------------------------------------


class LMS:
    """The LMS side of cmi5 for one AU origin: imports cmi5.xml, launches AUs (a launched
    statement, LMS.LaunchData, a one-time fetch URL, a session token) and forwards the AU's
    statements to the LRS with its own credentials."""

    def __init__(self, port: int, content_url: str, course_xml: bytes):
        self.port = port
        self.url = f"http://127.0.0.1:{port}/"
        self.content_url = content_url
        self.content_origin = content_url.rstrip("/")
        self.aus = {au.get("id"): au for au in ET.fromstring(course_xml).iter(f"{{{NS['c']}}}au")}
        self.lrs = None  # the Ralph to forward to
        self.launches: dict[str, dict] = {}  # page key -> launch
        self.tokens: dict[str, dict] = {}  # auth token -> launch
        self.fetches: dict[str, dict] = {}  # fetch key -> launch
        self.seen: list[dict] = []  # every request: method, path, authorization
        self.lose_next_answer = False  # store in the LRS, then answer the AU 502
        lms = self

        class Handler(http.server.BaseHTTPRequestHandler):
            def log_message(self, *args):
                pass

            def do_OPTIONS(self):  # CORS preflight from the content origin
                self.send_response(204)
                self._cors()
                self.end_headers()

            def do_GET(self):
                lms.handle(self, "GET")

            def do_POST(self):
                lms.handle(self, "POST")

            def do_PUT(self):
                lms.handle(self, "PUT")

            def _cors(self):
                self.send_header("Access-Control-Allow-Origin", lms.content_origin)
                self.send_header("Access-Control-Allow-Methods", "GET, POST, PUT, OPTIONS")
                self.send_header(
                    "Access-Control-Allow-Headers", "Authorization, Content-Type, X-Experience-API-Version"
                )
                self.send_header("Access-Control-Max-Age", "600")

        self.Handler = Handler
        self.httpd = http.server.ThreadingHTTPServer(("127.0.0.1", port), Handler)
        threading.Thread(target=self.httpd.serve_forever, daemon=True).start()

    def close(self):
        self.httpd.shutdown()
        self.httpd.server_close()

    # -- launching -------------------------------------------------------------------------
    def launch(self, au_id: str, registration: str, mode: str = "Normal", return_url: str | None = None) -> dict:
        au = self.aus[au_id]
        launch = {
            "key": secrets.token_hex(8),
            "fetch_key": secrets.token_hex(8),
            "token": secrets.token_urlsafe(24),
            "session": str(uuid.uuid4()),
            "registration": registration,
            "au": au_id,
            "activity": "https://lms.example.org/activity/"
            + au_id.rsplit("/", 1)[-1],  # the LMS's own id, not the publisher's
            "fetched": 0,
        }
        data = {
            "contextTemplate": {
                "contextActivities": {"grouping": [{"id": au_id, "objectType": "Activity"}]},
                "extensions": {SESSION: launch["session"]},
            },
            "launchMode": mode,
            "moveOn": au.get("moveOn"),
            "entitlementKey": {"courseStructure": ""},
        }
        if au.get("masteryScore"):
            data["masteryScore"] = float(au.get("masteryScore"))
        if return_url:
            data["returnURL"] = return_url
        launch["data"] = data
        self.launches[launch["key"]] = self.tokens[launch["token"]] = self.fetches[launch["fetch_key"]] = launch
        if self.lrs is not None:  # cmi5 9.3.1: the LMS records "launched" before launching
            context = json.loads(json.dumps(data["contextTemplate"]))
            context["registration"] = registration
            context["contextActivities"]["category"] = [{"id": CMI5, "objectType": "Activity"}]
            context["extensions"]["https://w3id.org/xapi/cmi5/context/extensions/launchmode"] = mode
            context["extensions"]["https://w3id.org/xapi/cmi5/context/extensions/moveon"] = data["moveOn"]
            status, body = self.lrs.post(
                {
                    "id": str(uuid.uuid4()),
                    "actor": ACTOR,
                    "verb": {"id": VERB + "launched", "display": {"en-US": "launched"}},
                    "object": {"id": launch["activity"], "objectType": "Activity"},
                    "context": context,
                    "timestamp": datetime.now(UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z"),
                }
            )
            assert status == 200, body
        url = self.content_url + au.find("c:url", NS).text.strip()
        query = {
            "endpoint": self.url + "xapi/",
            "fetch": f"{self.url}fetch?k={launch['fetch_key']}",
            "actor": json.dumps(ACTOR),
            "registration": registration,
            "activityId": launch["activity"],
        }
        launch["au_url"] = url + "?" + urllib.parse.urlencode(query)
        launch["page"] = f"{self.url}launch/{launch['key']}"
        return launch

    # -- serving ---------------------------------------------------------------------------
    def handle(self, h, method: str):
        parsed = urllib.parse.urlsplit(h.path)
        query = dict(urllib.parse.parse_qsl(parsed.query))
        auth = h.headers.get("Authorization", "")
        length = int(h.headers.get("Content-Length") or 0)
        body = h.rfile.read(length) if length else b""
        self.seen.append(
            {"method": method, "path": parsed.path, "authorization": auth, "origin": h.headers.get("Origin")}
        )
        launch = self.tokens.get(auth[6:]) if auth.startswith("Basic ") else None

        def reply(status: int, payload=None, content_type="application/json"):
            data = (
                payload if isinstance(payload, bytes) else json.dumps(payload).encode() if payload is not None else b""
            )
            h.send_response(status)
            h._cors()
            if data:
                h.send_header("Content-Type", content_type)
                h.send_header("Content-Length", str(len(data)))
            h.end_headers()
            h.wfile.write(data)

        if parsed.path.startswith("/launch/") and method == "GET":
            page = self.launches.get(parsed.path.rsplit("/", 1)[-1])
            if page is None:
                return reply(404, {"error": "no such launch"})
            html = (
                '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Test LMS</title></head><body>'
                f'<h1>Test LMS</h1><iframe title="Course content" src="{page["au_url"].replace("&", "&amp;")}" '
                'style="width:100%;height:90vh"></iframe></body></html>'
            )
            return reply(200, html.encode(), "text/html; charset=utf-8")
        if parsed.path == "/fetch" and method == "POST":
            found = self.fetches.get(query.get("k", ""))
            if found is None:
                return reply(200, {"error-code": "2", "error-text": "Unknown fetch URL."})
            found["fetched"] += 1
            if found["fetched"] > 1:
                return reply(
                    200, {"error-code": "1", "error-text": "The authorization token has already been returned."}
                )
            return reply(200, {"auth-token": found["token"]})
        if not parsed.path.startswith("/xapi/"):
            return reply(404, {"error": "not found"})
        if launch is None:
            return reply(401, {"error": "no valid token"})
        resource = parsed.path[len("/xapi/") :]
        if resource == "activities/state" and method == "GET":
            agent = json.loads(query.get("agent", "null"))
            if (query.get("stateId"), query.get("activityId"), query.get("registration"), agent) != (
                "LMS.LaunchData",
                launch["activity"],
                launch["registration"],
                ACTOR,
            ):
                return reply(404, {"error": "no such state document"})
            return reply(200, launch["data"])
        if resource == "agents/profile" and method == "GET":
            return reply(404, {"error": "no learner preferences"})
        if resource == "statements" and method in ("POST", "PUT", "GET"):
            if self.lrs is None or not self.lrs.running:
                return reply(502, {"error": "the LRS cannot be reached"})
            path = "statements" + ("?" + parsed.query if parsed.query else "")
            try:
                status, _, answer = self.lrs.request(
                    method, path, body or None, {"Content-Type": "application/json"} if body else {}
                )
            except OSError:  # Ralph still starting
                return reply(502, {"error": "the LRS cannot be reached"})
            if method == "POST" and self.lose_next_answer and status in (200, 204):
                self.lose_next_answer = False
                return reply(502, {"error": "answer lost on the way back"})
            return reply(status, answer or None)
        return reply(404, {"error": "not found"})


@pytest.fixture
def lms(package, lms_port, ralph):
    harness = LMS(lms_port, package.url, (package.dir / "cmi5.xml").read_bytes())
    harness.lrs = ralph
    yield harness
    harness.close()


# -- the trainee ---------------------------------------------------------------------------


def press_on(locator, key="Space"):
    locator.focus()
    locator.page.keyboard.press(key)


def put_in_order(frame, wanted):
    fs = frame.locator('fieldset[data-question-id="q-order"]')
    for target, text in enumerate(wanted):
        for _ in range(len(wanted)):
            texts = fs.locator(".cq-order__text").all_inner_texts()
            at = texts.index(text)
            if at == target:
                break
            press_on(fs.locator("li").nth(at).get_by_role("button", name="Move up"), "Enter")


def choose_match(frame, page, label, wanted):
    select = frame.get_by_label(label, exact=True)
    select.focus()
    for _ in range(6):
        if select.evaluate("s => s.options[s.selectedIndex].text") == wanted:
            return
        page.keyboard.press("ArrowDown")
    raise AssertionError(f"could not choose {wanted} for {label}")


def answer_all_right(frame, page):
    press_on(frame.get_by_label("The first", exact=True))
    press_on(frame.get_by_label("First thing", exact=True))
    press_on(frame.get_by_label("Second thing", exact=True))
    press_on(frame.locator('fieldset[data-question-id="q-tf"]').get_by_label("False", exact=True))
    put_in_order(frame, ["One", "Two", "Three"])
    choose_match(frame, page, "Cat", "Meow")
    choose_match(frame, page, "Dog", "Woof")
    press_on(frame.get_by_label("Listen", exact=True))


def check(frame):
    press_on(frame.get_by_role("button", name="Check answers"), "Enter")


def status(frame):
    return frame.locator(".cq-au__status")


def open_launch(page: Page, launch, ready: str = "^Connected"):
    page.goto(launch["page"])
    frame = page.frame_locator('iframe[title="Course content"]')
    expect(status(frame)).to_have_text(re.compile(ready), timeout=15000)
    return frame


def stored(lrs, registration):
    """The registration's statements in timestamp order (the order cmi5 rules are about)."""
    return sorted(lrs.statements(registration=registration), key=lambda s: (s["timestamp"], s["stored"]))


def wait_for(condition, page, seconds=15):
    for _ in range(int(seconds * 5)):
        if condition():
            return
        page.wait_for_timeout(200)
    assert condition()


def outbox(frame):
    """The AU's outbox in the browser's storage (store kind cmi5): the statements not yet accepted."""
    entries = json.loads(
        frame.locator("body").evaluate(
            "() => JSON.stringify(Object.entries(localStorage).filter(([k]) => k.startsWith('sgc:cmi5:')))"
        )
    )
    assert len(entries) <= 1
    return json.loads(entries[0][1])["data"]["queue"] if entries else []


def verbs(statements):
    return [s["verb"]["id"].rsplit("/", 1)[-1] for s in statements]


def categories(statement):
    return {a["id"] for a in statement.get("context", {}).get("contextActivities", {}).get("category", [])}


def assert_cmi5_defined(statement, launch):
    """cmi5 9.2, 9.4, 9.6, 10: what every cmi5 defined statement from the AU carries."""
    assert statement["actor"] == ACTOR
    assert statement["object"]["id"] == launch["activity"]
    context = statement["context"]
    assert context["registration"] == launch["registration"]
    assert context["extensions"][SESSION] == launch["session"]
    assert {"id": launch["au"], "objectType": "Activity"} in context["contextActivities"]["grouping"]
    assert CMI5 in categories(statement)
    assert uuid.UUID(statement["id"]).version == 4


# -- tests ---------------------------------------------------------------------------------


def test_cmi5_xml_has_one_au_per_module_with_move_on_and_mastery_from_the_quiz(package):
    """No registry ships the cmi5 XSD (see the closing note), so the structure is read here
    by the spec's section 13: order of elements, required attributes, the AU's page exists."""
    root = ET.fromstring((package.dir / "cmi5.xml").read_bytes())
    assert root.tag == f"{{{NS['c']}}}courseStructure"
    assert [child.tag.split("}")[1] for child in root] == ["course", "block"]
    course = root.find("c:course", NS)
    assert [c.tag.split("}")[1] for c in course] == ["title", "description"]
    block = root.find("c:block", NS)
    assert block.get("id").endswith("/track/demo")
    assert [c.tag.split("}")[1] for c in block] == ["title", "description", "au"]
    au = block.find("c:au", NS)
    assert [c.tag.split("}")[1] for c in au] == ["title", "description", "url"]
    assert au.get("id").endswith("/module/demo-module")
    assert (au.get("moveOn"), au.get("masteryScore"), au.get("launchMethod")) == (
        "CompletedAndPassed",
        "0.7",
        "AnyWindow",
    )
    assert (package.dir / au.find("c:url", NS).text).is_file()
    for langstring in root.iter(f"{{{NS['c']}}}langstring"):
        assert langstring.get("lang") == "en" and langstring.text.strip()


def test_trainee_passes_by_keyboard_and_the_lrs_holds_the_cmi5_statements(page, package, lms, ralph):
    au_id = next(iter(lms.aus))
    registration = str(uuid.uuid4())
    launch = lms.launch(au_id, registration)
    frame = open_launch(page, launch)
    answer_all_right(frame, page)
    check(frame)
    expect(status(frame)).to_have_text(re.compile("recorded by your learning system"), timeout=15000)
    press_on(frame.get_by_role("button", name="Finish this module"), "Enter")
    expect(status(frame)).to_have_text(re.compile("^Finished"), timeout=15000)

    statements = stored(ralph, registration)
    assert verbs(statements) == ["launched", "initialized", "passed", "completed", "terminated"]
    assert validate_statements(statements) == []
    _, initialized, passed, completed, terminated = statements
    for statement in (initialized, passed, completed, terminated):
        assert_cmi5_defined(statement, launch)
    assert passed["result"]["score"] == {"scaled": 1.0, "raw": SCORED, "min": 0, "max": SCORED}
    assert passed["result"]["success"] is True
    assert passed["context"]["extensions"][MASTERY] == 0.7
    assert MOVEON in categories(passed) and MOVEON in categories(completed)
    assert completed["result"]["completion"] is True and "score" not in completed["result"]
    assert MOVEON not in categories(initialized) | categories(terminated)
    assert "result" not in initialized
    for statement in (passed, completed, terminated):  # cmi5 9.5.4.1
        assert re.fullmatch(r"PT(\d+H)?(\d+M)?[\d.]+S", statement["result"]["duration"])
    # the AU used only the LMS's session token, fetched once; Ralph's credentials never left the LMS
    au_calls = [r for r in lms.seen if r["origin"] == package.url.rstrip("/") and r["method"] != "OPTIONS"]
    assert [r["path"] for r in au_calls].count("/fetch") == 1
    assert {r["authorization"] for r in au_calls if r["path"].startswith("/xapi/")} == {"Basic " + launch["token"]}
    assert ralph.password not in package.zip.read_bytes().decode("latin-1")


def test_a_failed_check_then_a_pass_keep_the_cmi5_session_rules(page, lms, ralph):
    """cmi5 9.3: one passed or failed cmi5 defined statement per session; the second check of
    the session is sent as a cmi5 allowed statement (no cmi5 category); completed once."""
    registration = str(uuid.uuid4())
    launch = lms.launch(next(iter(lms.aus)), registration)
    frame = open_launch(page, launch)
    press_on(frame.get_by_label("The first", exact=True))
    check(frame)
    expect(status(frame)).to_have_text(re.compile("recorded"), timeout=15000)
    press_on(frame.get_by_role("button", name="Try again"), "Enter")
    answer_all_right(frame, page)
    check(frame)
    expect(frame.locator(".cq-quiz__result")).to_contain_text("passed")
    press_on(frame.get_by_role("button", name="Finish this module"), "Enter")
    expect(status(frame)).to_have_text(re.compile("^Finished"), timeout=15000)

    statements = stored(ralph, registration)
    assert verbs(statements) == ["launched", "initialized", "failed", "completed", "passed", "terminated"]
    assert validate_statements(statements) == []
    failed, allowed_pass = statements[2], statements[4]
    assert failed["result"]["success"] is False
    assert failed["result"]["score"] == {"scaled": round(1 / SCORED, 2), "raw": 1, "min": 0, "max": SCORED}
    assert failed["result"]["score"]["scaled"] < failed["context"]["extensions"][MASTERY]
    assert CMI5 in categories(failed) and MOVEON in categories(failed)
    assert categories(allowed_pass) == set()  # cmi5 allowed: the context template, no cmi5 category
    assert allowed_pass["context"]["extensions"][SESSION] == launch["session"]
    assert allowed_pass["result"]["score"]["scaled"] == 1.0 and allowed_pass["result"]["success"] is True
    defined = [s for s in statements if CMI5 in categories(s)]
    assert sum(verbs([s]) in (["passed"], ["failed"]) for s in defined) == 1


def test_lrs_stopped_mid_quiz_the_result_arrives_after_restart_exactly_once(page, lms, ralph):
    registration = str(uuid.uuid4())
    launch = lms.launch(next(iter(lms.aus)), registration)
    frame = open_launch(page, launch)
    wait_for(lambda: verbs(stored(ralph, registration)) == ["launched", "initialized"], page)
    ralph.stop()
    answer_all_right(frame, page)
    check(frame)
    expect(status(frame)).to_have_text(re.compile(r"cannot be reached.* 2 records are kept"), timeout=15000)
    kept = outbox(frame)
    assert [s["verb"]["display"]["en-US"] for s in kept] == ["passed", "completed"]
    queued_ids = [s["id"] for s in kept]
    ralph.start()
    expect(status(frame)).to_have_text(re.compile("recorded by your learning system"), timeout=60000)
    # a second check whose first answer is lost after the LRS stored it: sent again, stored once
    lms.lose_next_answer = True
    press_on(frame.get_by_role("button", name="Try again"), "Enter")
    answer_all_right(frame, page)
    check(frame)
    wait_for(lambda: lms.lose_next_answer is False and outbox(frame) == [], page, 60)
    press_on(frame.get_by_role("button", name="Finish this module"), "Enter")
    expect(status(frame)).to_have_text(re.compile("^Finished"), timeout=15000)

    statements = stored(ralph, registration)
    assert verbs(statements) == ["launched", "initialized", "passed", "completed", "passed", "terminated"]
    assert [s["id"] for s in statements[2:4]] == queued_ids  # the ids fixed when the statements were made
    assert len({s["id"] for s in statements}) == len(statements)
    assert validate_statements(statements) == []
    posts = [r for r in lms.seen if r["path"] == "/xapi/statements" and r["method"] == "POST"]
    assert len(posts) > len(statements) - 1  # some were sent more than once, and stored once


def test_browse_launch_sends_only_initialized_and_terminated(page, lms, ralph):
    registration = str(uuid.uuid4())
    launch = lms.launch(next(iter(lms.aus)), registration, mode="Browse")
    page.goto(launch["page"])
    frame = page.frame_locator('iframe[title="Course content"]')
    expect(status(frame)).to_have_text(re.compile("^Opened for browsing"), timeout=15000)
    answer_all_right(frame, page)
    check(frame)
    press_on(frame.get_by_role("button", name="Finish this module"), "Enter")
    expect(status(frame)).to_have_text(re.compile("^Finished"), timeout=15000)
    statements = stored(ralph, registration)
    assert verbs(statements) == ["launched", "initialized", "terminated"]


def test_leaving_the_page_terminates_the_session(page, lms, ralph):
    registration = str(uuid.uuid4())
    launch = lms.launch(next(iter(lms.aus)), registration)
    open_launch(page, launch)
    wait_for(lambda: verbs(stored(ralph, registration)) == ["launched", "initialized"], page)
    page.goto("about:blank")  # the LMS page, and the AU's frame with it, go away (pagehide)
    wait_for(lambda: verbs(stored(ralph, registration))[-1:] == ["terminated"], page)
    assert verbs(stored(ralph, registration)) == ["launched", "initialized", "terminated"]


def test_closed_while_the_lrs_is_down_the_next_launch_sends_the_kept_statements_once(page, lms, ralph):
    registration = str(uuid.uuid4())
    au = next(iter(lms.aus))
    first = lms.launch(au, registration)
    frame = open_launch(page, first)
    wait_for(lambda: verbs(stored(ralph, registration)) == ["launched", "initialized"], page)
    ralph.stop()
    answer_all_right(frame, page)
    check(frame)
    expect(status(frame)).to_have_text(re.compile("cannot be reached"), timeout=15000)
    page.goto("about:blank")  # gone with passed, completed and terminated unsent
    ralph.start()
    second = lms.launch(au, registration)
    frame = open_launch(
        page, second, "^(Connected|Your latest result has been recorded)"
    )  # the kept result may go first
    wait_for(lambda: outbox(frame) == [], page, 30)
    press_on(frame.get_by_role("button", name="Finish this module"), "Enter")
    expect(status(frame)).to_have_text(re.compile("^Finished"), timeout=15000)

    statements = stored(ralph, registration)
    assert len({s["id"] for s in statements}) == len(statements)
    assert validate_statements(statements) == []
    by_session = {}
    for statement in statements:
        by_session.setdefault(statement["context"]["extensions"][SESSION], []).append(statement)
    assert verbs(by_session[first["session"]]) == ["launched", "initialized", "passed", "completed", "terminated"]
    assert verbs(by_session[second["session"]]) == ["launched", "initialized", "terminated"]


def test_a_launch_from_another_browser_does_not_pass_or_complete_the_registration_twice(page, lms, ralph):
    """cmi5 9.3: one passed and one completed per registration. The second browser has no
    memory of the first; the AU reads the registration's statements from the LRS at start."""
    registration = str(uuid.uuid4())
    au = next(iter(lms.aus))
    frame = open_launch(page, lms.launch(au, registration))
    answer_all_right(frame, page)
    check(frame)
    press_on(frame.get_by_role("button", name="Finish this module"), "Enter")
    expect(status(frame)).to_have_text(re.compile("^Finished"), timeout=15000)
    other = page.context.browser.new_context()
    try:
        second_page = other.new_page()
        second = lms.launch(au, registration)
        frame = open_launch(second_page, second)
        answer_all_right(frame, second_page)
        check(frame)
        press_on(frame.get_by_role("button", name="Finish this module"), "Enter")
        expect(status(frame)).to_have_text(re.compile("^Finished"), timeout=15000)
    finally:
        other.close()
    later = [s for s in stored(ralph, registration) if s["context"]["extensions"][SESSION] == second["session"]]
    assert verbs(later) == ["launched", "initialized", "passed", "terminated"]
    assert categories(later[2]) == set()  # cmi5 allowed: the registration's pass is already recorded
    assert validate_statements(later) == []


def test_an_lms_origin_outside_connect_src_is_blocked_by_the_csp(page, package, ralph):
    """The package's CSP allows connect-src 'self' and the --lrs-origin it was built with;
    an LMS elsewhere gets no request at all from the AU."""
    other = LMS(free_port(), package.url, (package.dir / "cmi5.xml").read_bytes())
    other.lrs = ralph
    try:
        registration = str(uuid.uuid4())
        launch = other.launch(next(iter(other.aus)), registration)
        page.goto(launch["page"])
        frame = page.frame_locator('iframe[title="Course content"]')
        expect(status(frame)).to_have_text(re.compile("^This launch cannot be used"), timeout=15000)
        assert [r["path"] for r in other.seen if r["path"].startswith(("/fetch", "/xapi"))] == []
        assert verbs(stored(ralph, registration)) == ["launched"]
    finally:
        other.close()


def test_opened_without_an_lms_the_au_stays_hidden_and_sends_nothing(page, package, watch):
    page.goto(package.url + "demo/demo-module.html")
    expect(page.locator(".cq-au")).to_be_hidden()
    answer_all_right(page, page)
    check(page)
    expect(page.locator(".cq-quiz__result")).to_contain_text("passed")
    assert watch.off_origin(package.url.rstrip("/")) == []
    assert watch.errors == []


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_launched_au_page_has_no_axe_violations(page, lms, ralph, scheme):
    """The AU page in its own window (a redirect launch), connected and after a check:
    every axe rule but the AAA ones, as tests/test_accessibility.py runs them."""
    launch = lms.launch(next(iter(lms.aus)), str(uuid.uuid4()))
    page.emulate_media(color_scheme=scheme)
    page.goto(launch["au_url"])
    expect(status(page)).to_have_text(re.compile("^Connected"), timeout=15000)
    assert axecheck.violations(page) == []
    press_on(page.get_by_label("The first", exact=True))
    check(page)
    expect(status(page)).to_have_text(re.compile("recorded"), timeout=15000)
    assert axecheck.violations(page) == []


def test_a_package_of_some_tracks_keeps_the_text_of_links_to_the_modules_it_leaves_out():
    from curriculum_tools.site.plugin import unlink_left_out

    text = "See [critical incidents](practice/pp-critical-incidents.md#steps) and [grief](grief/gr-one.md)."
    assert (
        unlink_left_out(text, "index.md", ["practice/pp-critical-incidents.md"])
        == "See critical incidents and [grief](grief/gr-one.md)."
    )
    assert unlink_left_out("[x](../practice/a.md)", "grief/b.md", ["practice/a.md"]) == "x"
    assert unlink_left_out(text, "index.md", []) == text


def test_bad_package_options_are_refused_and_nothing_is_written(tmp_path):
    out = tmp_path / "course.zip"
    for args, message in (
        (["--lrs-origin", "https://lms.example.org/xapi"], "not an origin"),
        (["--lrs-origin", "javascript:alert(1)"], "not an origin"),
        (["--course-iri", "not an iri"], "not an absolute IRI"),
        (["--track", "no-such-track"], "no track 'no-such-track'"),
    ):
        done = run_cli("package", "--root", str(BASE), "--format", "cmi5", "--out", str(out), *args)
        assert done.returncode == 1 and message in done.stderr and "Traceback" not in done.stderr, (args, done.stderr)
        assert not out.exists()
    done = run_cli(
        "package",
        "--root",
        str(BASE),
        "--format",
        "scorm12",
        "--out",
        str(out),
        "--lrs-origin",
        "https://lms.example.org",
    )
    assert done.returncode == 1 and "for --format cmi5" in done.stderr


def test_a_scenario_played_inside_the_au_sends_completed_once(page, package, lms, ralph):
    """By keyboard: the module page's link to its scenario inside the AU's frame, the scenario
    to an ending. The session is handed on (one fetch, one initialized, the token gone from
    storage once the scenario page has it), the ending sends completed once, the quiz's
    passed is still owed (moveOn CompletedAndPassed), and Finish on the scenario page
    terminates the session."""
    seen = {"errors": [], "requests": []}
    page.on(
        "console",
        lambda m: (
            seen["errors"].append(m.text)
            if m.type == "error" and not m.text.startswith("Failed to load resource")
            else None
        ),
    )
    page.on("pageerror", lambda e: seen["errors"].append(str(e)))
    # (no cmi5LearnerPreferences document for this learner: 404, as cmi5 11.0 allows)
    page.on(
        "response",
        lambda r: (
            seen["errors"].append(f"{r.status} {r.url}")
            if r.status >= 400 and "/agents/profile?" not in r.url
            else None
        ),
    )
    page.context.on("request", lambda r: seen["requests"].append(r.url))
    registration = str(uuid.uuid4())
    launch = lms.launch(next(iter(lms.aus)), registration)
    frame = open_launch(page, launch)
    wait_for(lambda: verbs(stored(ralph, registration)) == ["launched", "initialized"], page)
    press_on(frame.locator('a[href*="scenarios/sc-demo.html"]').first, "Enter")
    expect(status(frame)).to_have_text(re.compile("^Connected"), timeout=15000)
    expect(frame.locator('[data-module="scenario"] .cq-branching__choose').first).to_be_visible()
    assert "handover" not in frame.locator("body").evaluate("() => JSON.stringify(Object.entries(localStorage))")
    for choice in ("Welcome Sam warmly", "Thank Sam and ask"):
        press_on(frame.locator(".cq-branching__choose", has_text=choice), "Enter")
    wait_for(lambda: verbs(stored(ralph, registration)) == ["launched", "initialized", "completed"], page)
    press_on(frame.get_by_role("button", name="Play again from the start"), "Enter")
    for choice in ("Welcome Sam warmly", "Thank Sam and ask"):  # a second ending: nothing more
        press_on(frame.locator(".cq-branching__choose", has_text=choice), "Enter")
    press_on(frame.get_by_role("button", name="Finish this module"), "Enter")
    expect(status(frame)).to_have_text(re.compile("^Finished"), timeout=15000)

    statements = stored(ralph, registration)
    assert verbs(statements) == ["launched", "initialized", "completed", "terminated"]
    assert validate_statements(statements) == []
    completed = statements[2]
    assert_cmi5_defined(completed, launch)
    assert MOVEON in categories(completed) and completed["result"]["completion"] is True
    assert statements[1]["context"]["extensions"][SESSION] == statements[3]["context"]["extensions"][SESSION]
    au_calls = [r for r in lms.seen if r["origin"] == package.url.rstrip("/") and r["method"] != "OPTIONS"]
    assert [r["path"] for r in au_calls].count("/fetch") == 1
    assert not seen["errors"], seen["errors"]  # CSP violations among them
    lms_origin = launch["page"].split("/", 3)[:3]
    assert not [
        u for u in seen["requests"] if not u.startswith((package.url, "/".join(lms_origin), "about:", "data:", "blob:"))
    ]

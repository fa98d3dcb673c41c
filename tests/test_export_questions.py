"""curriculum export-questions: QTI 3.0, Moodle XML and GIFT, each read by a consumer that is
not ours (a QTI player in Chromium and a second QTI reader; a Moodle XML parser; the GIFT
reference grammar), for every question of every repository quiz."""

from __future__ import annotations

import html
import json
import re
import shutil
import subprocess
import zipfile
from fractions import Fraction
from pathlib import Path

import pytest

from conftest import SiteServer, free_port
from curriculum_tools.load.loader import load
from curriculum_tools.site.components.quiz.render import display_order, match_choices
from helpers import FIXTURES, REPO, make_tree, run_cli

NODE_MODULES = REPO / "node_modules"
SPECIAL = FIXTURES / "export" / "special-characters"


def text_of(html_text: str) -> str:
    """Visible text of an HTML fragment, whitespace collapsed."""
    spaced = re.sub(r"</p>|<br\s*/?>|</h\d>", " ", html_text)
    return " ".join(html.unescape(re.sub(r"<[^>]+>", "", spaced)).split())


def md_text(markdown: str) -> str:
    """What a reader sees of our inline Markdown: marks gone, whitespace collapsed."""
    t = re.sub(r"\[([^\]]+)\]\((?:https?://[^)\s]+|#[A-Za-z0-9_-]+)\)", r"\1", markdown)
    t = re.sub(r"\*\*(.+?)\*\*", r"\1", t)
    t = re.sub(r"(?<![\w*])\*(?!\s)(.+?)(?<!\s)\*(?![\w*])", r"\1", t)
    t = re.sub(r"`([^`]+)`", r"\1", t)
    return " ".join(t.split())


def squash(text: str) -> str:
    return " ".join(text.replace(" ,", ",").replace(" .", ".").split())


@pytest.fixture(scope="module")
def repo_quizzes():
    loaded = load(REPO)
    assert not loaded.result.errors
    return {q.id: q for q in loaded.curriculum.quizzes}


def export_unchecked(tmp_path: Path, fmt: str, name: str, root: Path) -> tuple[Path, str]:
    """The exporters on content the validator would refuse (hostile markup, which the
    unsafe-html rule stops before any export): defence in depth, called in-process."""
    from curriculum_tools.cli.commands.export_questions import FORMATS
    from curriculum_tools.export import common, gift, moodle_xml, qti

    selection = common.select(load(root).curriculum, None, None)
    summary = common.Summary(FORMATS[fmt])
    writer = {"qti3": qti, "moodle-xml": moodle_xml, "gift": gift}[fmt]
    out = tmp_path / name
    common.write_atomic(out, writer.export(selection, summary))
    return out, summary.text(out)


def export(tmp_path: Path, fmt: str, name: str, *extra: str, root: Path = REPO) -> tuple[Path, str]:
    out = tmp_path / name
    result = run_cli("export-questions", "--root", str(root), "--format", fmt, "--out", str(out), *extra)
    assert result.returncode == 0, result.stderr
    return out, result.stdout


# ---------------------------------------------------------------------------------------
# QTI 3.0


@pytest.fixture(scope="module")
def qti_package(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("qti")
    out, stdout = export(tmp, "qti3", "bank.zip")
    folder = tmp / "package"
    with zipfile.ZipFile(out) as zf:
        zf.extractall(folder)
    return out, folder, stdout


def test_qti_summary_counts_every_question(qti_package, repo_quizzes):
    _, _, stdout = qti_package
    questions = [q for quiz in repo_quizzes.values() for q in quiz.all_questions()]
    for qtype in ("single_choice", "multiple_choice", "true_false", "ordering", "matching", "reflection"):
        n = sum(1 for q in questions if q.type == qtype)
        assert f"  {qtype}: {n}" in stdout
    assert "left out: none" in stdout


def test_qti_package_is_deterministic(qti_package, tmp_path):
    out, _, _ = qti_package
    again, _ = export(tmp_path, "qti3", "again.zip")
    assert again.read_bytes() == out.read_bytes()


def _player_page(page, folder: Path):
    """Serve the package beside the player harness on 127.0.0.1 and open the harness."""
    shutil.copyfile(NODE_MODULES / "@citolab" / "qti-components" / "cdn" / "index.js", folder / "qti-components.js")
    shutil.copyfile(REPO / "tests" / "qti_player" / "harness.html", folder / "harness.html")
    port = free_port()
    server = SiteServer(folder, port)
    page.goto(server.url + "harness.html")
    page.wait_for_function("window.harnessReady === true")
    return server


def _cases(quiz, q):
    """(name, how, value, expected score) per question: keyed, wrong, partly right."""
    partial = quiz.partial_credit
    if q.type in ("single_choice", "true_false"):
        if q.type == "true_false":
            right, wrong = ("true", "false") if q.answer else ("false", "true")
        else:
            right = next(o.id for o in q.options if o.correct)
            wrong = next(o.id for o in q.options if not o.correct)
        return [("keyed", "click", [right], 1), ("wrong", "click", [wrong], 0)]
    if q.type == "multiple_choice":
        correct = [o.id for o in q.options if o.correct]
        wrong = [o.id for o in q.options if not o.correct]
        cases = [("keyed", "click", correct, 1), ("wrong", "click", wrong, 0)]
        # all the right ones and one wrong: (right - wrong) / correct on the site
        cases.append(
            ("partial", "click", correct + wrong[:1], Fraction(len(correct) - 1, len(correct)) if partial else 0)
        )
        if len(correct) > 1:
            cases.append(
                ("partial-missing", "click", correct[1:], Fraction(len(correct) - 1, len(correct)) if partial else 0)
            )
        return cases
    if q.type == "ordering":
        key = [i for i, _ in q.items]
        n = len(key)
        rotated = key[1:] + key[:1]  # no item in its place
        swapped = key[:-2] + [key[-1], key[-2]]  # all but the last two in place
        return [
            ("keyed", "set", key, 1),
            ("wrong", "set", rotated, 0),
            ("partial", "set", swapped, Fraction(n - 2, n) if partial else 0),
        ]
    if q.type == "matching":
        ids = [p for p, _, _ in q.pairs]
        n = len(ids)
        pair = lambda src, tgt: f"{quiz.id and ''}P.{src} M.{tgt}"  # noqa: E731
        keyed = [pair(p, p) for p in ids]
        rotated = [pair(p, ids[(i + 1) % n]) for i, p in enumerate(ids)]
        swapped = [pair(ids[0], ids[1]), pair(ids[1], ids[0])] + [pair(p, p) for p in ids[2:]]
        return [
            ("keyed", "set", keyed, 1),
            ("wrong", "set", rotated, 0),
            ("partial", "set", swapped, Fraction(n - 2, n) if partial else 0),
        ]
    return []


def fixture_package(tmp_path_factory, case: str):
    tmp = tmp_path_factory.mktemp(case)
    root = make_tree(tmp, FIXTURES / "export" / case)
    out, _ = (
        export_unchecked(tmp, "qti3", "bank.zip", root)
        if case == "special-characters"
        else export(tmp, "qti3", "bank.zip", root=root)
    )
    folder = tmp / "package"
    with zipfile.ZipFile(out) as zf:
        zf.extractall(folder)
    return folder, {q.id: q for q in load(root).curriculum.quizzes}


@pytest.mark.browser
@pytest.mark.parametrize("which", ["repository", "no-partial-credit", "special-characters"])
def test_qti_player_scores_every_item_as_the_site(which, qti_package, repo_quizzes, tmp_path_factory, page):
    """@citolab/qti-components renders each item and scores keyed, wrong and partly right
    answers; the scores and the feedback shown match the model and quiz.js's rules (for every
    repository quiz, an all-or-nothing quiz, and text full of reserved characters and markup)."""
    if which == "repository":
        folder = qti_package[1]
    else:
        folder, repo_quizzes = fixture_package(tmp_path_factory, which)
    dialogs: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))  # an author's alert() must never run
    server = _player_page(page, folder)
    failures: list[str] = []
    checked = 0
    try:
        for quiz in repo_quizzes.values():
            for question in quiz.questions:
                vignette = question.vignette if question.type == "scenario" else None
                for q in question.questions if question.type == "scenario" else [question]:
                    url = f"items/{quiz.id}/{q.id}.xml"
                    where = f"{quiz.id}/{q.id}"
                    ident, shown_text = page.evaluate("async url => [await loadItem(url), itemText()]", url)
                    if ident != f"{quiz.id}.{q.id}":
                        failures.append(f"{where}: identifier {ident}")
                    if md_text(q.prompt)[:60] not in squash(shown_text):
                        failures.append(f"{where}: prompt not rendered")
                    if q.type == "reflection":
                        page.evaluate("v => setResponse(v)", "My reflection.")
                        result = page.evaluate("score()")
                        if result["score"] is not None:
                            failures.append(f"{where}: a reflection is scored ({result['score']})")
                        if q.guidance and not any(f["identifier"] == "EXPLANATION" for f in result["shown"]):
                            failures.append(f"{where}: guidance not shown")
                        checked += 1
                        continue
                    cases = _cases(quiz, q)
                    results = page.evaluate(
                        "([url, cases]) => runCases(url, cases)", [url, [[how, value] for _, how, value, _ in cases]]
                    )
                    for (name, _, value, expected), result in zip(cases, results, strict=True):
                        if not result["took"]:
                            failures.append(f"{where} {name}: the player did not take the clicks {value}")
                        got = result["score"]
                        # the player keeps three decimals of a float outcome (2/3 -> 0.667)
                        if got is None or abs(float(got) - float(expected)) > 0.0005:
                            failures.append(
                                f"{where} {name} {value}: player scored {got}, the site gives {float(expected)} (response {result['response']})"
                            )
                        if result["maxscore"] not in (1, "1", 1.0):
                            failures.append(f"{where}: MAXSCORE {result['maxscore']}")
                        shown = {(f["outcome"], f["identifier"]): f["text"] for f in result["shown"]}
                        if md_text(q.explanation)[:50] not in squash(shown.get(("EXPLAIN", "EXPLANATION"), "")):
                            failures.append(f"{where} {name}: explanation not shown")
                        if q.type in ("single_choice", "multiple_choice", "true_false"):
                            if q.type == "true_false":
                                feedback = {"true": q.feedback_true, "false": q.feedback_false}
                            else:
                                feedback = {o.id: o.feedback for o in q.options}
                            got_fb = {k[1] for k in shown if k[0] == "FEEDBACK"}
                            if got_fb != set(value):
                                failures.append(f"{where} {name}: feedback shown for {sorted(got_fb)}, chosen {value}")
                            for oid in value:
                                if md_text(feedback[oid])[:50] not in squash(shown.get(("FEEDBACK", oid), "")):
                                    failures.append(f"{where} {name}: feedback text of {oid} differs")
                    checked += 1
                    if vignette is not None:
                        stimulus = page.evaluate(
                            "async url => { await loadItem(url); await waitStimulus(); return stimulusText(); }", url
                        )
                        if md_text(vignette)[:40] not in squash(stimulus):
                            failures.append(f"{where}: the player does not show the case vignette")
    finally:
        server.close()
    assert not failures, "\n".join(failures[:40])
    assert dialogs == []
    assert checked == sum(len(quiz.all_questions()) for quiz in repo_quizzes.values())


def test_qti_second_reader_downgrades_the_package(qti_package, repo_quizzes, tmp_path):
    """citolab-qti-convert (PyPI) reads the QTI 3 package and converts every item, test and
    stimulus to QTI 2.1; the interactions, keys and stimuli come through."""
    from lxml import etree
    from qti_convert import downgrade_package

    out, _, _ = qti_package
    result = downgrade_package(str(out), str(tmp_path / "qti21.zip"))
    # QTI 2.1 has no shared stimuli: the converter inlines each vignette into its questions
    # (and drops the data-stimulus-idref placeholder); nothing else may be lost.
    expected = {"stimulus-inlined", "data-attributes-removed"}
    assert {w.code for w in result.warnings} <= expected, [
        f"{w.code}: {w.message}" for w in result.warnings if w.code not in expected
    ][:10]
    scenario_items = {
        f"items/{quiz.id}/{sub.id}.xml"
        for quiz in repo_quizzes.values()
        for q in quiz.questions
        if q.type == "scenario"
        for sub in q.questions
    }
    assert {w.file for w in result.warnings} <= scenario_items
    files = result.files
    ns = {"q": "http://www.imsglobal.org/xsd/imsqti_v2p1"}
    seen = 0
    for quiz in repo_quizzes.values():
        for question in quiz.questions:
            for q in question.questions if question.type == "scenario" else [question]:
                doc = etree.fromstring(
                    files[f"items/{quiz.id}/{q.id}.xml"].encode()
                    if isinstance(files[f"items/{quiz.id}/{q.id}.xml"], str)
                    else files[f"items/{quiz.id}/{q.id}.xml"]
                )
                assert etree.QName(doc).localname == "assessmentItem"
                interaction = {
                    "single_choice": "choiceInteraction",
                    "multiple_choice": "choiceInteraction",
                    "true_false": "choiceInteraction",
                    "ordering": "orderInteraction",
                    "matching": "matchInteraction",
                    "reflection": "extendedTextInteraction",
                }[q.type]
                assert doc.find(f".//q:{interaction}", ns) is not None, (quiz.id, q.id)
                values = [v.text for v in doc.findall(".//q:responseDeclaration/q:correctResponse/q:value", ns)]
                if q.type in ("single_choice", "multiple_choice"):
                    assert values == [o.id for o in q.options if o.correct]
                elif q.type == "true_false":
                    assert values == [str(q.answer).lower()]
                elif q.type == "ordering":
                    assert values == [i for i, _ in q.items]
                elif q.type == "matching":
                    assert values == [f"P.{p} M.{p}" for p, _, _ in q.pairs]
                if question.type == "scenario":
                    # the shared vignette is inlined into each of its questions for QTI 2.1
                    assert md_text(question.vignette)[:40] in squash(text_of(etree.tostring(doc, encoding="unicode")))
                seen += 1
        test = etree.fromstring(
            files[f"tests/{quiz.id}.xml"].encode()
            if isinstance(files[f"tests/{quiz.id}.xml"], str)
            else files[f"tests/{quiz.id}.xml"]
        )
        assert etree.QName(test).localname == "assessmentTest"
        assert len(test.findall(".//q:assessmentItemRef", ns)) == len(quiz.all_questions())
        pass_mark = [d for d in test.findall("q:outcomeDeclaration", ns) if d.get("identifier") == "PASS_MARK"][0]
        assert pass_mark.find(".//q:value", ns).text == str(quiz.pass_mark)
    assert seen == sum(len(quiz.all_questions()) for quiz in repo_quizzes.values())


def test_qti_display_order_is_the_sites(qti_package, repo_quizzes):
    _, folder, _ = qti_package
    for quiz in repo_quizzes.values():
        for q in quiz.all_questions():
            xml = (folder / "items" / quiz.id / f"{q.id}.xml").read_text()
            if q.type == "ordering":
                shown = re.findall(r'<qti-simple-choice identifier="([^"]+)"', xml)
                assert shown == [i for i, _ in display_order(quiz, q)]
                assert shown != [i for i, _ in q.items]
            if q.type == "matching":
                targets = re.findall(r'identifier="((?:M|D)\.[^"]+)" match-max', xml)
                assert len(targets) == len(match_choices(quiz, q))


# ---------------------------------------------------------------------------------------
# Moodle XML

MOODLE_GRADES = {
    Fraction(g)
    for g in (
        "100",
        "90",
        "83.33333",
        "80",
        "75",
        "70",
        "66.66667",
        "60",
        "50",
        "40",
        "33.33333",
        "30",
        "25",
        "20",
        "16.66667",
        "14.28571",
        "12.5",
        "11.11111",
        "10",
        "5",
        "0",
    )
}


def _moodle_grade_ok(fraction: str) -> bool:
    return abs(Fraction(fraction)) in MOODLE_GRADES


@pytest.fixture(scope="module")
def moodle_file(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("moodle")
    return export(tmp, "moodle-xml", "bank.xml")


def test_moodle_parser_reads_every_choice_question(moodle_file, repo_quizzes):
    """moodle-xml-parser (PyPI) reads the file; every multichoice question has the model's
    options, Moodle-valid fractions that score as the site does, and per-option feedback."""
    from moodle_xml_parser.parser import parse_file

    out, _ = moodle_file
    parsed = parse_file(str(out))
    from curriculum_tools.export.common import select

    in_file_order = [quiz for _, quiz in select(load(REPO).curriculum, None, None).items]  # by track, then module
    expected = [
        (quiz, q)
        for quiz in in_file_order
        for q in quiz.all_questions()
        if q.type in ("single_choice", "multiple_choice")
    ]
    assert len(parsed["multichoice"]) == len(expected)
    for (_quiz, q), got in zip(expected, parsed["multichoice"], strict=True):
        assert got.name.split(":", 1)[0] == q.id
        assert got.single == (q.type == "single_choice"), q.id
        assert [text_of(o.answer) for o in got.options] == [md_text(o.text) for o in q.options], q.id
        assert [text_of(o.feedback or "") for o in got.options] == [md_text(o.feedback) for o in q.options], q.id
        assert text_of(got.general_feedback) == md_text(q.explanation), q.id
        assert md_text(q.prompt) in text_of(got.text_pre_parse), q.id
        for option in got.options:
            assert (
                _moodle_grade_ok(str(option.score_fraction))
                or abs(
                    Fraction(str(option.score_fraction)) * 100000 - round(Fraction(str(option.score_fraction)) * 100000)
                )
                == 0
            )
        fractions = [Fraction(str(o.score_fraction)) / 100 for o in got.options]
        correct = [o.correct for o in q.options]
        if q.type == "single_choice":
            assert fractions == [1 if c else 0 for c in correct], q.id
        else:
            assert abs(sum(f for f in fractions if f > 0) - 1) < Fraction(1, 10000), q.id
            # Moodle: sum of the chosen fractions, floored at 0 = the site's partial credit
            n = sum(correct)
            for pick in (
                [i for i, c in enumerate(correct) if c] + [correct.index(False)],
                [i for i, c in enumerate(correct) if c][1:],
            ):
                moodle = max(Fraction(0), sum(fractions[i] for i in pick))
                right = sum(1 for i in pick if correct[i])
                site = max(Fraction(0), Fraction(right - (len(pick) - right), n))
                assert abs(moodle - site) < Fraction(1, 10000), (q.id, pick)


def test_moodle_file_structure_for_the_other_types(moodle_file, repo_quizzes):
    """The types moodle-xml-parser does not read (truefalse, matching, essay, description,
    ordering, category), checked in the file itself against Moodle's import format."""
    from xml.etree import ElementTree as ET

    out, stdout = moodle_file
    root = ET.parse(out).getroot()
    questions = root.findall("question")
    for question in questions:
        for answer in question.findall("answer"):
            if question.get("type") != "ordering":
                assert _moodle_grade_ok(answer.get("fraction")), (
                    question.findtext("name/text"),
                    answer.get("fraction"),
                )
    by_id = {q.findtext("idnumber"): q for q in questions if q.findtext("idnumber")}
    categories = [q.findtext("category/text") for q in questions if q.get("type") == "category"]
    assert len(categories) == len(repo_quizzes)
    for quiz in repo_quizzes.values():
        for question in quiz.questions:
            if question.type == "scenario":
                node = by_id[f"{quiz.id}.{question.id}"]
                assert node.get("type") == "description"
                assert md_text(question.vignette)[:60] in text_of(node.findtext("questiontext/text"))
                # the vignette comes right before its first question
                index = questions.index(node)
                assert questions[index + 1].findtext("idnumber") == f"{quiz.id}.{question.questions[0].id}"
            for q in question.questions if question.type == "scenario" else [question]:
                node = by_id[f"{quiz.id}.{q.id}"]
                if q.type == "true_false":
                    assert node.get("type") == "truefalse"
                    answers = {a.findtext("text"): a for a in node.findall("answer")}
                    assert answers[str(q.answer).lower()].get("fraction") == "100"
                    assert answers[str(not q.answer).lower()].get("fraction") == "0"
                    assert text_of(answers["true"].findtext("feedback/text")) == md_text(q.feedback_true)
                    assert text_of(answers["false"].findtext("feedback/text")) == md_text(q.feedback_false)
                elif q.type == "matching":
                    assert node.get("type") == "matching"
                    subs = [
                        (text_of(s.findtext("text") or ""), s.findtext("answer/text"))
                        for s in node.findall("subquestion")
                    ]
                    assert subs == [(md_text(p), m) for _, p, m in q.pairs] + [("", d) for d in q.distractors]
                elif q.type == "ordering":
                    assert node.get("type") == "ordering"
                    assert node.findtext("gradingtype") == (
                        "ABSOLUTE_POSITION" if quiz.partial_credit else "ALL_OR_NOTHING"
                    )
                    assert [text_of(a.findtext("text")) for a in node.findall("answer")] == [
                        md_text(t) for _, t in q.items
                    ]
                elif q.type == "reflection":
                    assert node.get("type") == "essay"
                    assert node.findtext("defaultgrade") == "0"
                    assert md_text(q.guidance)[:60] in text_of(node.findtext("graderinfo/text"))
                if q.type != "reflection":
                    assert text_of(node.findtext("generalfeedback/text")) == md_text(q.explanation)
    assert "ordering question type" in stdout


# ---------------------------------------------------------------------------------------
# GIFT


def gift_parse(*files: Path) -> list[dict]:
    result = subprocess.run(
        ["node", str(REPO / "tests" / "gift_parse.js"), *map(str, files)], capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def _pegjs_plain(text: str) -> str:
    """gift-pegjs leaves Moodle's escape placeholders in a matching answer: decode them."""
    for code, ch in (
        ("&&092;", "\\"),
        ("&&058;", ":"),
        ("&&035;", "#"),
        ("&&061;", "="),
        ("&&123;", "{"),
        ("&&125;", "}"),
        ("&&126;", "~"),
    ):
        text = text.replace(code, ch)
    return text


def check_gift(parsed: list[dict], quizzes: dict, stdout: str) -> int:
    questions = [q for q in parsed if q["type"] != "Category"]
    by_title = {}
    for q in questions:
        by_title.setdefault(q["title"], []).append(q)
    seen = 0
    for quiz in quizzes.values():
        for question in quiz.questions:
            if question.type == "scenario":
                desc = [g for g in by_title[question.id] if g["type"] == "Description"]
                assert desc and md_text(question.vignette) in text_of(desc[0]["stem"]["text"])
            for q in question.questions if question.type == "scenario" else [question]:
                if q.type == "ordering":
                    assert f"{quiz.id}/{q.id}: ordering: GIFT has no ordering question type" in stdout
                    assert q.id not in by_title
                    continue
                [got] = by_title[q.id]
                seen += 1
                assert md_text(q.prompt) in text_of(got["stem"]["text"]), q.id
                if q.type != "reflection":
                    assert text_of(got["globalFeedback"]["text"]) == md_text(q.explanation), q.id
                if q.type in ("single_choice", "multiple_choice"):
                    assert got["type"] == "MC"
                    assert [text_of(c["text"]["text"]) for c in got["choices"]] == [md_text(o.text) for o in q.options]
                    assert [text_of(c["feedback"]["text"]) for c in got["choices"]] == [
                        md_text(o.feedback) for o in q.options
                    ]
                    if q.type == "single_choice":
                        assert [c["isCorrect"] for c in got["choices"]] == [o.correct for o in q.options]
                    else:
                        n = sum(o.correct for o in q.options)
                        weights = [Fraction(str(c["weight"])) for c in got["choices"]]
                        assert all(abs(w) in MOODLE_GRADES for w in weights)
                        expected = [Fraction(100 if o.correct else -100, n) for o in q.options]
                        assert all(abs(w - e) < Fraction(1, 10000) for w, e in zip(weights, expected)), q.id
                elif q.type == "true_false":
                    assert got["type"] == "TF" and got["isTrue"] is q.answer
                    # Moodle: first feedback for a wrong answer, second for the right one
                    wrong, right = got["trueFeedback"]["text"], got["falseFeedback"]["text"]
                    chosen_true = right if q.answer else wrong
                    chosen_false = wrong if q.answer else right
                    assert text_of(chosen_true) == md_text(q.feedback_true) and text_of(chosen_false) == md_text(
                        q.feedback_false
                    )
                elif q.type == "matching":
                    assert got["type"] == "Matching"
                    pairs = [
                        (text_of(p["subquestion"]["text"]), _pegjs_plain(p["subanswer"])) for p in got["matchPairs"]
                    ]
                    assert pairs == [(md_text(p), m) for _, p, m in q.pairs] + [("", d) for d in q.distractors]
                elif q.type == "reflection":
                    assert got["type"] == "Essay"
                    if q.guidance:
                        assert md_text(q.guidance) in text_of(got["globalFeedback"]["text"])
    return seen


def test_gift_every_track_parses_with_the_reference_grammar(tmp_path, repo_quizzes):
    loaded = load(REPO)
    files, outputs = [], {}
    for track in loaded.curriculum.tracks:
        out, stdout = export(tmp_path, "gift", f"{track.id}.gift.txt", "--track", track.id)
        files.append(out)
        outputs[str(out)] = (track, stdout)
    total = 0
    for result in gift_parse(*files):
        assert "error" not in result, result
        track, stdout = outputs[result["file"]]
        quizzes = {m.quiz_id: repo_quizzes[m.quiz_id] for m in loaded.curriculum.modules_in(track.id) if m.quiz_id}
        total += check_gift(result["questions"], quizzes, stdout)
        categories = [q["title"] for q in result["questions"] if q["type"] == "Category"]
        assert len(categories) == len(quizzes)
    assert total == sum(1 for quiz in repo_quizzes.values() for q in quiz.all_questions() if q.type != "ordering")


@pytest.fixture(scope="module")
def special_tree(tmp_path_factory):
    return make_tree(tmp_path_factory.mktemp("special"), SPECIAL)


def test_gift_escapes_reserved_characters(special_tree, tmp_path):
    out, stdout = export_unchecked(tmp_path, "gift", "special.gift", special_tree)
    [result] = gift_parse(out)
    assert "error" not in result, result
    quizzes = {q.id: q for q in load(special_tree).curriculum.quizzes}
    assert check_gift(result["questions"], quizzes, stdout) == 6
    text = out.read_text()
    assert "\\~a, \\=b, \\#c, \\{d\\}" in text
    assert "C\\:\\\\path" in text


def test_special_characters_survive_every_format_and_no_markup_passes(special_tree, tmp_path):
    """Text with ~ = # { } : and \\ comes through as text; an author's <script>, handlers and
    javascript: links never become markup in any format."""
    from moodle_xml_parser.parser import parse_file

    xml_out, _ = export_unchecked(tmp_path, "moodle-xml", "special.xml", special_tree)
    parsed = {q.name.split(":", 1)[0]: q for q in parse_file(str(xml_out))["multichoice"]}
    assert text_of(parsed["q-single"].options[0].answer) == "The first ~ one = #1 {really}: yes"
    assert text_of(parsed["q-single"].options[2].answer) == "Back\\slash and -> arrow"
    qti_out, _ = export_unchecked(tmp_path, "qti3", "special.zip", special_tree)
    gift_out, _ = export_unchecked(tmp_path, "gift", "special.gift", special_tree)
    with zipfile.ZipFile(qti_out) as zf:
        qti_text = "\n".join(zf.read(n).decode() for n in zf.namelist())
    from xml.etree import ElementTree as ET

    # the HTML Moodle stores is the text of each <text> element (moodle-xml-parser unescapes
    # it once more for display, so read the file itself for this)
    moodle_html = "\n".join(t.text or "" for t in ET.parse(xml_out).getroot().iter("text"))
    for name, body in (("qti", qti_text), ("moodle", moodle_html), ("gift", gift_out.read_text())):
        low = body.lower()
        assert "<script" not in low and "<img" not in low, name
        assert not re.search(r"<[^>]+\son\w+\s*=", low), name
        assert 'href="javascript' not in low and 'href\\="javascript' not in low, name
        assert "example.org/guide" in body, name  # a real https link stays a link


def test_exports_are_deterministic_and_fail_cleanly(tmp_path):
    for fmt in ("moodle-xml", "gift"):
        a, _ = export(tmp_path, fmt, f"a.{fmt}")
        b, _ = export(tmp_path, fmt, f"b.{fmt}")
        assert a.read_bytes() == b.read_bytes()
    target = tmp_path / "kept.xml"
    target.write_text("old")
    for args, message in (
        (["--quiz", "no-such-quiz"], "unknown quiz id 'no-such-quiz'"),
        (["--track", "no-such-track"], "unknown track id 'no-such-track'"),
    ):
        result = run_cli("export-questions", "--root", str(REPO), "--format", "moodle-xml", "--out", str(target), *args)
        assert result.returncode == 1 and message in result.stderr and "Traceback" not in result.stderr
        assert len(result.stderr.strip().splitlines()) == 1
        assert target.read_text() == "old"
    result = run_cli(
        "export-questions", "--root", str(REPO), "--format", "gift", "--out", str(tmp_path / "missing" / "x.gift")
    )
    assert result.returncode == 1 and "does not exist" in result.stderr and "Traceback" not in result.stderr
    blocker = tmp_path / "a-file"
    blocker.write_text("x")
    for out in (blocker / "x.gift", tmp_path):  # under a file; an existing folder
        result = run_cli("export-questions", "--root", str(REPO), "--format", "gift", "--out", str(out))
        assert result.returncode == 1 and "Traceback" not in result.stderr, result.stderr
        assert len(result.stderr.strip().splitlines()) == 1
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".") and p.name.endswith(".tmp")]


def test_all_or_nothing_quizzes(tmp_path):
    """partial_credit: false: QTI scores all or nothing (no mapping, no partial sums); Moodle
    XML and GIFT cannot score multiple choice or matching that way and say so per question."""
    root = make_tree(tmp_path, FIXTURES / "export" / "no-partial-credit")
    qti_out, _ = export(tmp_path, "qti3", "bank.zip", root=root)
    with zipfile.ZipFile(qti_out) as zf:
        for name in zf.namelist():
            if name.startswith("items/"):
                xml = zf.read(name).decode()
                assert "qti-mapping" not in xml and "IN_PLACE" not in xml, name
    _, stdout = export(tmp_path, "moodle-xml", "bank.xml", root=root)
    assert "demo-module-quiz/q-multi: multiple_choice: all-or-nothing" in stdout
    assert "demo-module-quiz/q-match: matching: all-or-nothing" in stdout
    assert "<gradingtype>ALL_OR_NOTHING</gradingtype>" in (tmp_path / "bank.xml").read_text()
    _, stdout = export(tmp_path, "gift", "bank.gift", root=root)
    assert "left out: 3 question(s)" in stdout  # multiple choice, matching, ordering

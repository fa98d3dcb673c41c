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
from helpers import FIXTURES, REPO, make_tree, run_cli

from curriculum_tools.build.quiz_html import display_order, match_choices
from curriculum_tools.loader import load

NODE_MODULES = REPO / "node_modules"
SPECIAL = FIXTURES / "export" / "special-characters"


def text_of(html_text: str) -> str:
    """Visible text of an HTML fragment, whitespace collapsed."""
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", html_text)).split())


def md_text(markdown: str) -> str:
    """What a reader sees of our inline Markdown: marks gone, whitespace collapsed."""
    t = re.sub(r"\[([^\]]+)\]\([^)]+\)", r"\1", markdown)
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
        cases.append(("partial", "click", correct + wrong[:1], Fraction(len(correct) - 1, len(correct)) if partial else 0))
        if len(correct) > 1:
            cases.append(("partial-missing", "click", correct[1:], Fraction(len(correct) - 1, len(correct)) if partial else 0))
        return cases
    if q.type == "ordering":
        key = [i for i, _ in q.items]
        n = len(key)
        rotated = key[1:] + key[:1]  # no item in its place
        swapped = key[:-2] + [key[-1], key[-2]]  # all but the last two in place
        return [("keyed", "set", key, 1), ("wrong", "set", rotated, 0), ("partial", "set", swapped, Fraction(n - 2, n) if partial else 0)]
    if q.type == "matching":
        ids = [p for p, _, _ in q.pairs]
        n = len(ids)
        pair = lambda src, tgt: f"{quiz.id and ''}P.{src} M.{tgt}"  # noqa: E731
        keyed = [pair(p, p) for p in ids]
        rotated = [pair(p, ids[(i + 1) % n]) for i, p in enumerate(ids)]
        swapped = [pair(ids[0], ids[1]), pair(ids[1], ids[0])] + [pair(p, p) for p in ids[2:]]
        return [("keyed", "set", keyed, 1), ("wrong", "set", rotated, 0), ("partial", "set", swapped, Fraction(n - 2, n) if partial else 0)]
    return []


@pytest.mark.browser
def test_qti_player_scores_every_item_as_the_site(qti_package, repo_quizzes, page):
    """@citolab/qti-components renders each item and scores keyed, wrong and partly right
    answers; the scores and the feedback shown match the model and quiz.js's rules."""
    _, folder, _ = qti_package
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
                    ident = page.evaluate("url => loadItem(url)", url)
                    if ident != f"{quiz.id}.{q.id}":
                        failures.append(f"{where}: identifier {ident}")
                    shown_text = page.evaluate("itemText()")
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
                    for name, how, value, expected in _cases(quiz, q):
                        page.evaluate("url => loadItem(url)", url)
                        if how == "click":
                            page.evaluate("ids => choose(ids)", value)
                        else:
                            page.evaluate("v => setResponse(v)", value)
                        result = page.evaluate("score()")
                        got = result["score"]
                        # the player keeps three decimals of a float outcome (2/3 -> 0.667)
                        if got is None or abs(float(got) - float(expected)) > 0.0005:
                            failures.append(f"{where} {name} {value}: player scored {got}, the site gives {float(expected)} (response {result['response']})")
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
                        page.evaluate("url => loadItem(url)", url)
                        page.wait_for_timeout(50)
                        if md_text(vignette)[:40] not in squash(page.evaluate("stimulusText()")):
                            failures.append(f"{where}: the player does not show the case vignette")
    finally:
        server.close()
    assert not failures, "\n".join(failures[:40])
    assert checked == sum(len(quiz.all_questions()) for quiz in repo_quizzes.values())


def test_qti_second_reader_downgrades_the_package(qti_package, repo_quizzes, tmp_path):
    """citolab-qti-convert (PyPI) reads the QTI 3 package and converts every item, test and
    stimulus to QTI 2.1; the interactions, keys and stimuli come through."""
    from qti_convert import downgrade_package
    from lxml import etree

    out, _, _ = qti_package
    result = downgrade_package(str(out), str(tmp_path / "qti21.zip"))
    # QTI 2.1 has no shared stimuli: the converter inlines each vignette into its questions
    # (and drops the data-stimulus-idref placeholder); nothing else may be lost.
    expected = {"stimulus-inlined", "data-attributes-removed"}
    assert {w.code for w in result.warnings} <= expected, [f"{w.code}: {w.message}" for w in result.warnings if w.code not in expected][:10]
    scenario_items = {f"items/{quiz.id}/{sub.id}.xml" for quiz in repo_quizzes.values() for q in quiz.questions if q.type == "scenario" for sub in q.questions}
    assert {w.file for w in result.warnings} <= scenario_items
    files = result.files
    ns = {"q": "http://www.imsglobal.org/xsd/imsqti_v2p1"}
    seen = 0
    for quiz in repo_quizzes.values():
        for question in quiz.questions:
            for q in question.questions if question.type == "scenario" else [question]:
                doc = etree.fromstring(files[f"items/{quiz.id}/{q.id}.xml"].encode() if isinstance(files[f"items/{quiz.id}/{q.id}.xml"], str) else files[f"items/{quiz.id}/{q.id}.xml"])
                assert etree.QName(doc).localname == "assessmentItem"
                interaction = {
                    "single_choice": "choiceInteraction", "multiple_choice": "choiceInteraction", "true_false": "choiceInteraction",
                    "ordering": "orderInteraction", "matching": "matchInteraction", "reflection": "extendedTextInteraction",
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
        test = etree.fromstring(files[f"tests/{quiz.id}.xml"].encode() if isinstance(files[f"tests/{quiz.id}.xml"], str) else files[f"tests/{quiz.id}.xml"])
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

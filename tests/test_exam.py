"""curriculum exam: the paper holds no answer, the key matches the model (in the paper's own
letters), a seed gives the same paper, bad input fails cleanly, and both pages read well in
Chromium (axe, print)."""

from __future__ import annotations

import html
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

import axecheck
from curriculum_tools.load.loader import load
from helpers import REPO, run_cli, run_cli_subprocess

SCORED = ("single_choice", "multiple_choice", "true_false", "ordering", "matching")


def text_of(fragment: str) -> str:
    spaced = re.sub(r"</(p|li|td|th|h\d)>", " ", fragment)
    return " ".join(html.unescape(re.sub(r"<[^>]+>", "", spaced)).split())


def md_text(markdown: str) -> str:
    t = re.sub(r"\[([^\]]+)\]\((?:https?://[^)\s]+|#[A-Za-z0-9_-]+)\)", r"\1", markdown)
    t = re.sub(r"\*\*(.+?)\*\*", r"\1", t)
    t = re.sub(r"(?<![\w*])\*(?!\s)(.+?)(?<!\s)\*(?![\w*])", r"\1", t)
    t = re.sub(r"`([^`]+)`", r"\1", t)
    return " ".join(t.split())


class Sections(HTMLParser):
    """Each <section class="question"> of a page: its number, and the text of its parts."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.sections: list[dict] = []
        self.depth = 0
        self.current: dict | None = None
        self.capture: str | None = None
        self.cell = 0

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "section" and a.get("class") == "question":
            self.current = {"text": [], "letters": [], "items": [], "answer": "", "rows": []}
            self.sections.append(self.current)
            self.depth = 1
            return
        if self.current is None:
            return
        if tag == "section":
            self.depth += 1
        if tag == "li":
            self.capture = "li"
            self.current["items"].append("")
        if tag == "p" and a.get("class") == "key-answer":
            self.capture = "answer"
        if tag == "tr":
            self.current["rows"].append([])
        if tag in ("td",):
            self.current["rows"][-1].append("")
            self.capture = "td"

    def handle_endtag(self, tag):
        if self.current is None:
            return
        if tag == "section":
            self.depth -= 1
            if self.depth == 0:
                self.current = None
            return
        if tag in ("li", "p", "td"):
            self.capture = None

    def handle_data(self, data):
        if self.current is None:
            return
        self.current["text"].append(data)
        if self.capture == "li":
            self.current["items"][-1] += data
        elif self.capture == "answer":
            self.current["answer"] += data
        elif self.capture == "td":
            self.current["rows"][-1][-1] += data


def sections(path: Path) -> list[dict]:
    parser = Sections()
    parser.feed(path.read_text())
    for s in parser.sections:
        s["text"] = " ".join("".join(s["text"]).split())
        s["items"] = [" ".join(i.split()) for i in s["items"]]
        s["rows"] = [[" ".join(c.split()) for c in row] for row in s["rows"]]
    return parser.sections


@pytest.fixture(scope="module")
def curriculum():
    return load(REPO).curriculum


def write_exam(tmp_path: Path, name: str, *args: str):
    out = tmp_path / name
    result = run_cli("exam", "--root", str(REPO), *args, "--out", str(out))
    assert result.returncode == 0, result.stderr
    return out, result.stdout


@pytest.fixture(scope="module")
def track_exam(tmp_path_factory, curriculum):
    """A full paper for every track."""
    tmp = tmp_path_factory.mktemp("exam")
    return {t.id: write_exam(tmp, t.id, "--track", t.id) for t in curriculum.tracks}


def quizzes_of(curriculum, track_id):
    return [curriculum.quiz(m.quiz_id) for m in curriculum.modules_in(track_id) if m.quiz_id]


def test_the_paper_holds_no_answer(track_exam, curriculum):
    for track_id, (out, _) in track_exam.items():
        paper = (out / "exam-paper.html").read_text()
        text = text_of(paper)
        assert "Answer:" not in text and "Explanation" not in text and "Points to consider" not in text
        assert "data-correct" not in paper and 'class="key-answer' not in paper
        assert "<script" not in paper.lower()
        for quiz in quizzes_of(curriculum, track_id):
            for q in quiz.all_questions():
                secrets = [q.explanation, q.guidance, q.hint, q.feedback_true, q.feedback_false] + [
                    o.feedback for o in q.options
                ]
                for secret in filter(None, secrets):
                    secret = md_text(secret)
                    if len(secret) > 25:  # short ones ("Yes.") say nothing on their own
                        assert secret not in text, (quiz.id, q.id, secret[:60])
                assert md_text(q.prompt)[:80] in text, (quiz.id, q.id)


def test_the_key_matches_the_model_in_the_papers_letters(track_exam, curriculum):
    checked = 0
    for track_id, (out, _) in track_exam.items():
        paper = sections(out / "exam-paper.html")
        key = sections(out / "marking-key.html")
        questions = [q for quiz in quizzes_of(curriculum, track_id) for q in quiz.all_questions()]
        assert len(paper) == len(key) == len(questions)
        for q, p, k in zip(questions, paper, key):
            assert md_text(q.prompt)[:60] in p["text"] and md_text(q.prompt)[:60] in k["text"]
            letters = {}
            for item in p["items"]:
                m = re.match(r"([A-Z]+)\.\s*(.*)", item)
                letters[m.group(1)] = m.group(2).strip()
            if q.type in ("single_choice", "multiple_choice", "true_false"):
                given = re.findall(r"([A-Z]) \(", k["answer"])
                texts = {letters[g] for g in given}
                if q.type == "true_false":
                    assert texts == {"True" if q.answer else "False"}
                else:
                    assert texts == {md_text(o.text) for o in q.options if o.correct}, q.id
            elif q.type == "ordering":
                order = k["answer"].replace("Answer:", "").split()
                assert [letters[letter] for letter in order] == [md_text(t) for _, t in q.items], q.id
            elif q.type == "matching":
                rows = [r for r in k["rows"] if r]
                assert len(rows) == len(q.pairs)
                for (_, prompt, match), (cell_prompt, cell_answer) in zip(q.pairs, rows):
                    assert md_text(prompt) in cell_prompt
                    letter = cell_answer.split()[0]
                    assert letters[letter] == match, q.id
            if q.type in SCORED:
                assert md_text(q.explanation) in k["text"], q.id
            elif q.guidance:
                assert md_text(q.guidance)[:60] in k["text"]
            checked += 1
    assert checked == sum(len(q.all_questions()) for q in curriculum.quizzes)


def test_a_seed_gives_the_same_paper(tmp_path):
    a, out_a = write_exam(tmp_path, "a", "--track", "grief", "--count", "10", "--seed", "42")
    b, _ = write_exam(tmp_path, "b", "--track", "grief", "--count", "10", "--seed", "42")
    c, _ = write_exam(tmp_path, "c", "--track", "grief", "--count", "10", "--seed", "43")
    for name in ("exam-paper.html", "marking-key.html"):
        assert (a / name).read_bytes() == (b / name).read_bytes()
    assert (a / "exam-paper.html").read_bytes() != (c / "exam-paper.html").read_bytes()
    assert len(sections(a / "exam-paper.html")) == 10
    assert "--seed 42" in out_a
    assert all("not scored" not in s["text"] for s in sections(a / "exam-paper.html"))
    _, out_random = write_exam(tmp_path, "d", "--track", "grief", "--count", "3")
    assert re.search(r"--seed \d+", out_random)  # a random seed is printed, so the paper can be made again


@pytest.mark.parametrize(
    "args, message",
    [
        (["--quiz", "no-such-quiz"], "unknown quiz id 'no-such-quiz'"),
        (["--track", "no-such-track"], "unknown track id 'no-such-track'"),
        (["--track", "grief", "--count", "9999"], "only"),
        (["--track", "grief", "--seed", "3"], "--seed only applies with --count"),
        ([], "give --quiz ID"),
    ],
)
def test_bad_input_fails_in_one_line(tmp_path, args, message):
    out = tmp_path / "paper"
    result = run_cli("exam", "--root", str(REPO), *args, "--out", str(out))
    assert result.returncode == 1
    assert message in result.stderr and "Traceback" not in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    assert not out.exists()


def test_never_written_into_the_site(tmp_path):
    result = run_cli("exam", "--root", str(REPO), "--track", "grief", "--out", str(REPO / "curriculum" / "exam"))
    assert result.returncode == 1 and "published" in result.stderr
    assert not (REPO / "curriculum" / "exam").exists()
    blocker = tmp_path / "file"
    blocker.write_text("x")
    result = run_cli("exam", "--root", str(REPO), "--track", "grief", "--out", str(blocker))
    assert result.returncode == 1 and "not a folder" in result.stderr


@pytest.mark.browser
def test_paper_and_key_pass_axe_and_print(track_exam, browser, tmp_path):

    context = browser.new_context(bypass_csp=True)  # axe is injected; the pages allow no script
    page = context.new_page()
    requests = []
    page.on("request", lambda r: requests.append(r.url))
    out, _ = track_exam["grief"]
    try:
        for name in ("exam-paper.html", "marking-key.html"):
            page.goto((out / name).as_uri())
            assert axecheck.violations(page) == [], name
            page.emulate_media(media="print")
            width = page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
            assert width, f"{name} is wider than the page when printed"
            pdf = page.pdf(format="A4")
            assert pdf.startswith(b"%PDF")
            page.emulate_media(media="screen")
    finally:
        context.close()
    assert all(u.startswith("file://") for u in requests), requests


@pytest.mark.browser
def test_pdf_option_prints_both(tmp_path):
    # in a child process: Playwright's sync API cannot start inside the one pytest-playwright runs
    out = tmp_path / "pdf"
    result = run_cli_subprocess(
        "exam",
        "--root",
        str(REPO),
        "--quiz",
        "gl-models-of-grief-quiz",
        "--count",
        "3",
        "--seed",
        "1",
        "--pdf",
        "--out",
        str(out),
    )
    assert result.returncode == 0, result.stderr
    stdout = result.stdout
    for name in ("exam-paper.pdf", "marking-key.pdf"):
        data = (out / name).read_bytes()
        assert data.startswith(b"%PDF") and len(data) > 2000
    assert "exam-paper.pdf" in stdout

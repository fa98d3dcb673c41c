"""What every question-bank exporter shares: choosing quizzes, safe rich text, the scoring
the site uses (quiz.js) expressed as weights, Moodle's fixed list of fractions, the summary
of what was exported and left out, and atomic writes."""

from __future__ import annotations

import io
import os
import re
import tempfile
import zipfile
from collections import Counter
from dataclasses import dataclass, field
from fractions import Fraction
from html.parser import HTMLParser
from pathlib import Path
from xml.etree import ElementTree as ET

import nh3

from curriculum_tools.core.model import Curriculum, Question, Quiz, Track
from curriculum_tools.site.inline import inline, paragraphs

# The types a quiz file can hold, in the order summaries list them.
TYPES = ["single_choice", "multiple_choice", "true_false", "ordering", "matching", "reflection", "scenario"]


class ExportError(Exception):
    """Bad input for an export: the message is one line for the user."""


# -- choosing what to export -----------------------------------------------------------


@dataclass
class Selection:
    """Quizzes in curriculum order, each with the track it belongs to."""

    items: list[tuple[Track | None, Quiz]]


def select(curriculum: Curriculum, quiz_ids: list[str] | None, track_ids: list[str] | None) -> Selection:
    """The quizzes named by --quiz and --track (every quiz when neither is given), in track
    and module order, each once. Unknown ids raise ExportError."""
    tracks = {t.id: t for t in curriculum.tracks}
    by_module = {q.module_id: q for q in curriculum.quizzes}
    ordered: list[tuple[Track | None, Quiz]] = []
    for track in curriculum.tracks:
        for module in curriculum.modules_in(track.id):
            quiz = curriculum.quiz(module.quiz_id) if module.quiz_id else by_module.get(module.id)
            if quiz is not None and all(quiz is not q for _, q in ordered):
                ordered.append((track, quiz))
    for quiz in sorted(curriculum.quizzes, key=lambda q: q.id):  # a quiz whose module has no track
        if all(quiz is not q for _, q in ordered):
            ordered.append((None, quiz))
    if not quiz_ids and not track_ids:
        return Selection(ordered)
    known_quizzes = {q.id for _, q in ordered}
    for quiz_id in quiz_ids or []:
        if quiz_id not in known_quizzes:
            raise ExportError(
                f"unknown quiz id {quiz_id!r}; `curriculum stats` lists the modules, and each quiz file is quizzes/<id>.yml"
            )
    for track_id in track_ids or []:
        if track_id not in tracks:
            raise ExportError(f"unknown track id {track_id!r}; known tracks: {', '.join(sorted(tracks)) or 'none'}")
    wanted_quizzes = set(quiz_ids or [])
    wanted_tracks = set(track_ids or [])
    return Selection(
        [(t, q) for t, q in ordered if q.id in wanted_quizzes or (t is not None and t.id in wanted_tracks)]
    )


# -- rich text -------------------------------------------------------------------------

ALLOWED_TAGS = {"p", "strong", "em", "code", "a", "br"}
_ANCHOR = re.compile(r'<a href="#[^"]*">(.*?)</a>')


def _sanitise(html_text: str) -> str:
    # inline() escapes the author's text and only ever adds the tags above; nh3 is the second
    # wall: no script, no handler, no javascript: (or any non-http) URL can pass it.
    return nh3.clean(
        html_text,
        tags=ALLOWED_TAGS,
        attributes={"a": {"href"}},
        url_schemes={"http", "https"},
        link_rel="noopener noreferrer",
        strip_comments=True,
    )


def rich(text: str | None) -> str:
    """Inline Markdown as safe HTML, as the site renders it. Links to a section of the module
    page (#anchor) mean nothing outside the site: their text stays, the link goes."""
    if not text:
        return ""
    return _sanitise(_ANCHOR.sub(r"\1", inline(text)))


def rich_paragraphs(text: str | None) -> str:
    if not text:
        return ""
    return _sanitise(_ANCHOR.sub(r"\1", paragraphs(text)))


def plain(text: str | None) -> str:
    """Text with Markdown marks and markup taken off, whitespace collapsed (for titles,
    Moodle's match answers, which are plain text)."""
    if not text:
        return ""
    parser = _TextOnly()
    parser.feed(rich(text))
    parser.close()
    return " ".join("".join(parser.parts).split())


class _TextOnly(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []

    def handle_data(self, data):
        self.parts.append(data)


class _ToElements(HTMLParser):
    """Safe HTML (as rich() gives) into ElementTree children of a parent element."""

    def __init__(self, parent: ET.Element, namespace: str = ""):
        super().__init__(convert_charrefs=True)
        self.stack = [parent]
        self.ns = namespace
        self.last: ET.Element | None = None

    def handle_starttag(self, tag, attrs):
        el = ET.SubElement(self.stack[-1], f"{self.ns}{tag}", {k: v or "" for k, v in attrs})
        if tag != "br":
            self.stack.append(el)

    def handle_startendtag(self, tag, attrs):
        ET.SubElement(self.stack[-1], f"{self.ns}{tag}", {k: v or "" for k, v in attrs})

    def handle_endtag(self, tag):
        if len(self.stack) > 1 and self.stack[-1].tag == f"{self.ns}{tag}":
            self.stack.pop()

    def handle_data(self, data):
        parent = self.stack[-1]
        if len(parent):
            parent[-1].tail = (parent[-1].tail or "") + data
        else:
            parent.text = (parent.text or "") + data


def append_html(parent: ET.Element, html_text: str, namespace: str = "") -> ET.Element:
    """Append safe HTML to an element as real child elements (so XML formats stay well formed)."""
    parser = _ToElements(parent, namespace)
    parser.feed(html_text)
    parser.close()
    return parent


# -- scoring as the site does it ------------------------------------------------------


def choice_weights(question: Question, partial: bool) -> dict[str, Fraction] | None:
    """Per-option weights whose sum over a selection, floored at 0, is the site's score for
    a multiple-choice question with partial credit: (right - wrong) / number correct.
    None when the quiz gives no partial credit (all or nothing)."""
    if not partial:
        return None
    correct = sum(1 for o in question.options if o.correct)
    return {o.id: Fraction(1 if o.correct else -1, correct) for o in question.options}


def site_score(question: Question, answer, partial: bool) -> Fraction:
    """quiz.js score(), in exact arithmetic: the reference every exporter's test compares with.
    answer: option id (single/true_false as 'true'/'false'), list of ids, ordered list, or
    {pair_id: chosen value} for matching; None when unanswered."""
    if answer is None:
        return Fraction(0)
    t = question.type
    if t == "true_false":
        return Fraction(1 if str(question.answer).lower() == answer else 0)
    if t == "single_choice":
        return Fraction(1 if answer in [o.id for o in question.options if o.correct] else 0)
    if t == "multiple_choice":
        correct = [o.id for o in question.options if o.correct]
        right = sum(1 for v in answer if v in correct)
        wrong = len(answer) - right
        if right == len(correct) and not wrong:
            return Fraction(1)
        return max(Fraction(0), Fraction(right - wrong, len(correct))) if partial else Fraction(0)
    if t == "ordering":
        key = [i for i, _ in question.items]
        right = sum(1 for i, item in enumerate(key) if i < len(answer) and answer[i] == item)
        return Fraction(1) if right == len(key) else (Fraction(right, len(key)) if partial else Fraction(0))
    if t == "matching":
        keys = [p for p, _, _ in question.pairs]
        right = sum(1 for k in keys if answer.get(k) == k)
        return Fraction(1) if right == len(keys) else (Fraction(right, len(keys)) if partial else Fraction(0))
    return Fraction(0)


# Moodle accepts only these grades for an answer (question_bank::fraction_options_full()),
# and their negatives for penalties.
MOODLE_FRACTIONS = [
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
]


def moodle_percent(value: Fraction) -> str | None:
    """The Moodle percentage for an exact weight (-1..1), or None when Moodle has none within
    its rounding (Moodle compares with a tolerance of 0.00001 of a whole mark)."""
    sign = "-" if value < 0 else ""
    magnitude = abs(value) * 100
    for text in MOODLE_FRACTIONS:
        if abs(Fraction(text) - magnitude) <= Fraction(1, 1000):
            return f"{sign}{text}" if text != "0" else "0"
    return None


# -- summary ---------------------------------------------------------------------------


@dataclass
class Summary:
    fmt: str
    exported: Counter = field(default_factory=Counter)
    left_out: list[tuple[str, str, str]] = field(default_factory=list)  # (quiz id, question id, why)
    notes: list[str] = field(default_factory=list)
    quizzes: int = 0

    def add(self, question: Question) -> None:
        self.exported[question.type] += 1

    def leave_out(self, quiz: Quiz, question: Question, why: str) -> None:
        self.left_out.append((quiz.id, question.id, f"{question.type}: {why}"))

    def text(self, out: Path) -> str:
        total = sum(n for t, n in self.exported.items() if t != "scenario")
        lines = [f"{self.fmt}: {total} question(s) from {self.quizzes} quiz(zes) written to {out}"]
        for t in TYPES:
            if self.exported[t] and t != "scenario":
                lines.append(f"  {t}: {self.exported[t]}")
        if self.exported["scenario"]:
            lines.append(f"  case vignettes (scenario): {self.exported['scenario']}, each before its questions")
        if self.left_out:
            lines.append(f"left out: {len(self.left_out)} question(s)")
            lines += [f"  {quiz_id}/{qid}: {why}" for quiz_id, qid, why in self.left_out]
        else:
            lines.append("left out: none")
        lines += [f"note: {n}" for n in self.notes]
        return "\n".join(lines)


# -- writing ---------------------------------------------------------------------------


def check_target(out: Path) -> None:
    parent = out.resolve().parent
    if out.is_dir():
        raise ExportError(f"{out}: is a folder; give a file name")
    if parent.exists() and not parent.is_dir():
        raise ExportError(f"{out}: {parent} is not a folder")
    if not parent.is_dir():
        raise ExportError(f"{out}: the folder {parent} does not exist")
    if not os.access(parent, os.W_OK):
        raise ExportError(f"{out}: cannot write in {parent} (permission denied)")


def write_atomic(out: Path, data: bytes) -> None:
    """Write to a temporary file beside the target, then rename: never half a file."""
    check_target(out)
    fd, tmp = tempfile.mkstemp(prefix=f".{out.name}.", suffix=".tmp", dir=out.resolve().parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        os.chmod(tmp, 0o644)
        os.replace(tmp, out)
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise


def deterministic_zip(files: dict[str, bytes]) -> bytes:
    """A zip whose bytes depend only on the files: sorted names, fixed dates and modes."""
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        for name in sorted(files, key=lambda n: (n != "imsmanifest.xml", n)):
            info = zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0))
            info.external_attr = 0o644 << 16
            info.compress_type = zipfile.ZIP_DEFLATED
            info.create_system = 3
            zf.writestr(info, files[name], compresslevel=9)
    return buf.getvalue()


_INLINE = {"p", "strong", "em", "code", "a", "br", "span", "div", "li", "h2", "h3", "td", "th", "dd", "dt"}


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def indent(el: ET.Element, level: int = 0) -> None:
    """Indent elements that hold only elements; leave text and mixed content exactly as is."""
    children = list(el)
    if (
        not children
        or _local(el.tag) in _INLINE
        or (el.text and el.text.strip())
        or any(c.tail and c.tail.strip() for c in children)
    ):
        return
    pad = "\n" + "  " * (level + 1)
    el.text = pad
    for child in children:
        indent(child, level + 1)
        child.tail = pad
    children[-1].tail = "\n" + "  " * level


def xml_bytes(root: ET.Element) -> bytes:
    indent(root)
    return (
        b'<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="utf-8", xml_declaration=False) + b"\n"
    )

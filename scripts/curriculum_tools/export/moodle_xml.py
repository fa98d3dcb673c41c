"""Quizzes as Moodle XML: a category per track and per quiz; multichoice (single and
multiple, Moodle's fixed fractions), truefalse, matching, essay for reflections, a
description for each scenario's vignette before its questions, and ordering as the
`ordering` question type (core since Moodle 4.4, before that the widely used plugin)."""

from __future__ import annotations

from xml.etree import ElementTree as ET

from curriculum_tools.core.model import Question, Quiz, Track
from curriculum_tools.export.common import (
    Selection,
    Summary,
    choice_weights,
    moodle_percent,
    plain,
    rich,
    rich_paragraphs,
    xml_bytes,
)

ROOT_CATEGORY = "Support group facilitator curriculum"


def _text(parent: ET.Element, tag: str, value: str, fmt: str | None = "html") -> ET.Element:
    node = ET.SubElement(parent, tag, {"format": fmt} if fmt else {})
    ET.SubElement(node, "text").text = value
    return node


def _sub(parent: ET.Element, tag: str, value: str) -> ET.Element:
    node = ET.SubElement(parent, tag)
    node.text = value
    return node


def _category(root: ET.Element, path: str) -> None:
    q = ET.SubElement(root, "question", {"type": "category"})
    _text(q, "category", f"$course$/top/{path}", None)
    _text(q, "info", "")


def _question(root: ET.Element, qtype: str, quiz: Quiz, q: Question, prompt_html: str, grade: str = "1") -> ET.Element:
    node = ET.SubElement(root, "question", {"type": qtype})
    _text(node, "name", f"{q.id}: {plain(q.prompt or q.title or '')[:80]}", None)
    _text(node, "questiontext", prompt_html)
    _text(node, "generalfeedback", rich(q.explanation) and f"<p>{rich(q.explanation)}</p>")
    _sub(node, "defaultgrade", grade)
    _sub(node, "penalty", "0")
    _sub(node, "hidden", "0")
    _sub(node, "idnumber", f"{quiz.id}.{q.id}")
    return node


def _prompt(q: Question) -> str:
    out = f"<p>{rich(q.prompt)}</p>"
    if q.hint:
        out += f"<p><em>Hint:</em> {rich(q.hint)}</p>"
    return out


def _combined(node: ET.Element) -> None:
    for tag in ("correctfeedback", "partiallycorrectfeedback", "incorrectfeedback"):
        _text(node, tag, "")


def _answer(node: ET.Element, fraction: str, text_html: str, feedback_html: str, fmt: str = "html") -> None:
    a = ET.SubElement(node, "answer", {"fraction": fraction, "format": fmt})
    ET.SubElement(a, "text").text = text_html
    _text(a, "feedback", feedback_html)


def _choice(root, quiz: Quiz, q: Question, summary: Summary) -> bool:
    single = q.type == "single_choice"
    fractions: dict[str, str] = {}
    if single:
        fractions = {o.id: "100" if o.correct else "0" for o in q.options}
    else:
        weights = choice_weights(q, quiz.partial_credit)
        if weights is None:
            summary.leave_out(
                quiz,
                q,
                "all-or-nothing multiple choice (partial_credit: false) cannot be scored that way by Moodle's multichoice",
            )
            return False
        for oid, w in weights.items():
            percent = moodle_percent(w)
            if percent is None:
                summary.leave_out(quiz, q, f"{float(w) * 100:.4g}% per option is not one of the grades Moodle accepts")
                return False
            fractions[oid] = percent
    node = _question(root, "multichoice", quiz, q, _prompt(q))
    _sub(node, "single", "true" if single else "false")
    _sub(node, "shuffleanswers", "true" if quiz.shuffle else "false")
    _sub(node, "answernumbering", "abc")
    _sub(node, "showstandardinstruction", "1")
    _combined(node)
    for o in q.options:
        _answer(node, fractions[o.id], rich(o.text), rich(o.feedback))
    return True


def _true_false(root, quiz: Quiz, q: Question, summary: Summary) -> bool:
    node = _question(root, "truefalse", quiz, q, _prompt(q))
    _answer(node, "100" if q.answer else "0", "true", rich(q.feedback_true), "moodle_auto_format")
    _answer(node, "0" if q.answer else "100", "false", rich(q.feedback_false), "moodle_auto_format")
    return True


def _matching(root, quiz: Quiz, q: Question, summary: Summary) -> bool:
    if not quiz.partial_credit:
        summary.leave_out(
            quiz,
            q,
            "all-or-nothing matching (partial_credit: false): Moodle's matching always gives a share per right pair",
        )
        return False
    node = _question(root, "matching", quiz, q, _prompt(q))
    _sub(node, "shuffleanswers", "true")
    _combined(node)
    for _pair_id, prompt, match in q.pairs:
        sub = _text(node, "subquestion", rich(prompt))
        answer = ET.SubElement(sub, "answer")
        ET.SubElement(answer, "text").text = plain(match)
    for distractor in q.distractors:  # a subquestion with no text is an extra answer in Moodle
        sub = _text(node, "subquestion", "")
        answer = ET.SubElement(sub, "answer")
        ET.SubElement(answer, "text").text = plain(distractor)
    return True


def _ordering(root, quiz: Quiz, q: Question, summary: Summary) -> bool:
    node = _question(root, "ordering", quiz, q, _prompt(q))
    _sub(node, "layouttype", "VERTICAL")
    _sub(node, "selecttype", "ALL")
    _sub(node, "selectcount", str(len(q.items)))  # all items, as Moodle's own export writes it
    # ABSOLUTE_POSITION: the share of items in their right place, as the site scores it
    _sub(node, "gradingtype", "ABSOLUTE_POSITION" if quiz.partial_credit else "ALL_OR_NOTHING")
    _sub(node, "showgrading", "SHOW")
    _sub(node, "numberingstyle", "none")
    _combined(node)
    # the key is the order of the answers (fraction = position); Moodle shuffles them for display
    for position, (_item_id, text) in enumerate(q.items, 1):
        _answer(node, f"{position}.0000000", rich(text), "")
    return True


def _reflection(root, quiz: Quiz, q: Question, summary: Summary) -> bool:
    node = ET.SubElement(root, "question", {"type": "essay"})
    _text(node, "name", f"{q.id}: {plain(q.prompt)[:80]}", None)
    _text(node, "questiontext", _prompt(q))
    _text(node, "generalfeedback", rich_paragraphs(q.guidance))
    _sub(node, "defaultgrade", "0")  # reflections are never scored on the site
    _sub(node, "penalty", "0")
    _sub(node, "hidden", "0")
    _sub(node, "idnumber", f"{quiz.id}.{q.id}")
    _sub(node, "responseformat", "editor")
    _sub(node, "responserequired", "0")
    _sub(node, "responsefieldlines", "10")
    _sub(node, "attachments", "0")
    _sub(node, "attachmentsrequired", "0")
    _text(node, "graderinfo", rich_paragraphs(q.guidance))
    _text(node, "responsetemplate", "")
    return True


def _vignette(root, quiz: Quiz, scenario: Question) -> None:
    node = ET.SubElement(root, "question", {"type": "description"})
    _text(node, "name", f"{scenario.id}: Case: {plain(scenario.title)[:80]}", None)
    _text(node, "questiontext", f"<h3>Case: {rich(scenario.title)}</h3>{rich_paragraphs(scenario.vignette)}")
    _text(node, "generalfeedback", "")
    _sub(node, "defaultgrade", "0")
    _sub(node, "penalty", "0")
    _sub(node, "hidden", "0")
    _sub(node, "idnumber", f"{quiz.id}.{scenario.id}")


WRITERS = {
    "single_choice": _choice,
    "multiple_choice": _choice,
    "true_false": _true_false,
    "matching": _matching,
    "ordering": _ordering,
    "reflection": _reflection,
}


def category_path(track: Track | None, quiz: Quiz) -> str:
    track_title = plain(track.title) if track else "Other quizzes"
    return "/".join(part.replace("/", "//") for part in (ROOT_CATEGORY, track_title, plain(quiz.title)))


def export(selection: Selection, summary: Summary) -> bytes:
    root = ET.Element("quiz")
    ordering = 0
    for track, quiz in selection.items:
        summary.quizzes += 1
        _category(root, category_path(track, quiz))
        for question in quiz.questions:
            if question.type == "scenario":
                _vignette(root, quiz, question)
                summary.add(question)
            for q in question.questions if question.type == "scenario" else [question]:
                if WRITERS[q.type](root, quiz, q, summary):
                    summary.add(q)
                    ordering += q.type == "ordering"
    if ordering:
        summary.notes.append(
            f"{ordering} ordering question(s) use Moodle's ordering question type (qtype_ordering): "
            "in Moodle 4.4 and later it is standard; earlier Moodle sites need the Ordering plugin installed before import"
        )
    if any(t == "scenario" for t in summary.exported):
        summary.notes.append("each scenario's vignette is a description item placed before its questions")
    return xml_bytes(root)

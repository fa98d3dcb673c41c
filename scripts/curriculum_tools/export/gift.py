"""Quizzes as GIFT (Moodle's text import format): $CATEGORY per track and quiz, multiple
choice with Moodle's weights, true/false, matching, essay for reflections, a description for
each scenario's vignette. GIFT has no ordering question: those are left out, each named."""

from __future__ import annotations

from curriculum_tools.core.model import Question, Quiz
from curriculum_tools.export.common import (
    Selection,
    Summary,
    choice_weights,
    moodle_percent,
    plain,
    rich,
    rich_paragraphs,
)
from curriculum_tools.export.moodle_xml import category_path

_RESERVED = {"\\": "\\\\", "~": "\\~", "=": "\\=", "#": "\\#", "{": "\\{", "}": "\\}", ":": "\\:"}


def escape(text: str) -> str:
    """GIFT-escape text (as Moodle's own exporter does): \\ ~ = # { } : get a backslash;
    line breaks become spaces (HTML does not need them)."""
    out = "".join(_RESERVED.get(ch, ch) for ch in text)
    return " ".join(out.split())


def _html(text_html: str) -> str:
    return escape(text_html)


def _head(quiz: Quiz, q: Question, prompt_html: str) -> str:
    return f"// {quiz.id}.{q.id}\n::{escape(q.id)}::[html]{_html(prompt_html)}"


def _prompt(q: Question) -> str:
    out = f"<p>{rich(q.prompt)}</p>"
    if q.hint:
        out += f"<p><em>Hint:</em> {rich(q.hint)}</p>"
    return out


def _general(q: Question) -> str:
    return f"\n\t####{_html('<p>' + rich(q.explanation) + '</p>')}" if q.explanation else ""


def _choice(quiz: Quiz, q: Question, summary: Summary) -> str | None:
    lines = []
    if q.type == "single_choice":
        for o in q.options:
            lines.append(f"\t{'=' if o.correct else '~'}{_html(rich(o.text))}#{_html(rich(o.feedback))}")
    else:
        weights = choice_weights(q, quiz.partial_credit)
        if weights is None:
            summary.leave_out(
                quiz, q, "all-or-nothing multiple choice (partial_credit: false) cannot be expressed in GIFT"
            )
            return None
        for o in q.options:
            percent = moodle_percent(weights[o.id])
            if percent is None:
                summary.leave_out(
                    quiz, q, f"{float(weights[o.id]) * 100:.4g}% per option is not one of the weights Moodle accepts"
                )
                return None
            lines.append(f"\t~%{percent}%{_html(rich(o.text))}#{_html(rich(o.feedback))}")
    return _head(quiz, q, _prompt(q)) + " {\n" + "\n".join(lines) + _general(q) + "\n}"


def _true_false(quiz: Quiz, q: Question, summary: Summary) -> str:
    # Moodle reads {TRUE#feedback for a wrong answer#feedback for the right answer}
    right, wrong = (q.feedback_true, q.feedback_false) if q.answer else (q.feedback_false, q.feedback_true)
    return (
        f"{_head(quiz, q, _prompt(q))} {{{'TRUE' if q.answer else 'FALSE'}"
        f"#{_html(rich(wrong))}#{_html(rich(right))}{_general(q)}\n}}"
    )


def _matching(quiz: Quiz, q: Question, summary: Summary) -> str | None:
    if not quiz.partial_credit:
        summary.leave_out(
            quiz,
            q,
            "all-or-nothing matching (partial_credit: false): Moodle's matching always gives a share per right pair",
        )
        return None
    lines = [f"\t={_html(rich(prompt))} -> {escape(plain(match))}" for _, prompt, match in q.pairs]
    # an answer with no item is an extra (wrong) answer in Moodle's matching
    lines += [f"\t= -> {escape(plain(d))}" for d in q.distractors]
    return _head(quiz, q, _prompt(q)) + " {\n" + "\n".join(lines) + _general(q) + "\n}"


def _reflection(quiz: Quiz, q: Question, summary: Summary) -> str:
    general = f"####{_html(rich_paragraphs(q.guidance))}" if q.guidance else ""
    return f"{_head(quiz, q, _prompt(q))} {{{general}}}"


def _ordering(quiz: Quiz, q: Question, summary: Summary) -> None:
    summary.leave_out(quiz, q, "GIFT has no ordering question type (use --format moodle-xml or qti3 for it)")
    return


WRITERS = {
    "single_choice": _choice,
    "multiple_choice": _choice,
    "true_false": _true_false,
    "matching": _matching,
    "ordering": _ordering,
    "reflection": _reflection,
}


def export(selection: Selection, summary: Summary) -> bytes:
    blocks = ["// Question bank exported by `curriculum export-questions --format gift`. Import into Moodle as GIFT."]
    for track, quiz in selection.items:
        summary.quizzes += 1
        blocks.append(f"$CATEGORY: $course$/top/{category_path(track, quiz)}")
        for question in quiz.questions:
            if question.type == "scenario":
                vignette = f"<h3>Case: {rich(question.title)}</h3>{rich_paragraphs(question.vignette)}"
                blocks.append(
                    f"// {quiz.id}.{question.id} (case vignette)\n::{escape(question.id)}::[html]{_html(vignette)}"
                )
                summary.add(question)
            for q in question.questions if question.type == "scenario" else [question]:
                block = WRITERS[q.type](quiz, q, summary)
                if block is not None:
                    blocks.append(block)
                    summary.add(q)
    return ("\n\n".join(blocks) + "\n").encode("utf-8")

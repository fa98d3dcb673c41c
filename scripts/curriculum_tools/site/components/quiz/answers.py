"""A quiz as a static answer sheet, rendered from the model (the printable edition): each
question with the right answer shown in words, never a form control. Ordering questions list
the items in the right order; matching questions pair each prompt with its match; choice
questions mark the right options; every question ends with its explanation."""

from __future__ import annotations

import html

from curriculum_tools.core.model import Question, Quiz
from curriculum_tools.site.i18n import t
from curriculum_tools.site.inline import inline, paragraphs


def _right() -> str:
    return f'<strong class="cq-answer__mark">{t("answers.right")}</strong> '


def answer_sheet(quiz: Quiz, id_prefix: str = "") -> str:
    numbers = quiz.numbers()
    blocks = []
    for question in quiz.questions:
        if question.type == "scenario":
            subs = [_question(quiz, sub, numbers[sub.id], id_prefix) for sub in question.questions]
            blocks.append(
                f'<section class="cq-scenario" id="{_id(id_prefix, quiz, question)}">'
                f'<p class="cq-scenario__title"><strong>{t("quiz.case", title=inline(question.title or ""))}</strong></p>'
                f'<div class="cq-vignette">{paragraphs(question.vignette or "")}</div>{"".join(subs)}</section>'
            )
        else:
            blocks.append(_question(quiz, question, numbers[question.id], id_prefix))
    intro = f"<p>{t('answers.intro', title=html.escape(quiz.title), passMark=quiz.pass_mark)}</p>"
    return f'<div class="cq-answer-sheet">{intro}{"".join(blocks)}</div>'


def _id(prefix: str, quiz: Quiz, q: Question) -> str:
    return html.escape(f"{prefix}{quiz.id}--{q.id}")


def _question(quiz: Quiz, q: Question, number: int | None, prefix: str) -> str:
    label = f"{number}. " if number is not None else f"{t('quiz.reflection')}. "
    parts = [f'<p class="cq-answer__prompt"><strong>{label}</strong>{inline(q.prompt)}</p>', _answer(q)]
    if q.explanation.strip():
        parts.append(f'<div class="cq-explanation">{paragraphs(q.explanation)}</div>')
    return f'<div class="cq-answer" id="{_id(prefix, quiz, q)}">{"".join(parts)}</div>'


def _answer(q: Question) -> str:
    if q.type in ("single_choice", "multiple_choice"):
        items = "".join(
            f'<li class="{"cq-answer--right" if o.correct else "cq-answer--wrong"}">'
            f"{_right() if o.correct else ''}{inline(o.text)}</li>"
            for o in q.options
        )
        return f'<ul class="cq-answer__options">{items}</ul>'
    if q.type == "true_false":
        return f"<p>{_right()}{t('quiz.true') if q.answer else t('quiz.false')}</p>"
    if q.type == "ordering":
        items = "".join(f"<li>{inline(text)}</li>" for _, text in q.items)
        return f'<p>{_right()}{t("answers.inOrder")}</p><ol class="cq-answer__order">{items}</ol>'
    if q.type == "matching":
        rows = "".join(f"<dt>{inline(prompt)}</dt><dd>{inline(match)}</dd>" for _, prompt, match in q.pairs)
        extra = (
            f"<p>{t('answers.distractors', options='; '.join(inline(d) for d in q.distractors))}</p>"
            if q.distractors
            else ""
        )
        return f'<p>{_right()}{t("answers.pairs")}</p><dl class="cq-answer__pairs">{rows}</dl>{extra}'
    if q.type == "reflection":
        return (
            f'<div class="cq-guidance"><p><strong>{t("answers.goodAnswer")}</strong></p>{paragraphs(q.guidance or "")}</div>'
            if q.guidance
            else ""
        )
    return ""

"""Render a quiz as complete, semantic HTML: each question a fieldset with a legend and
labelled inputs; quiz.js (beside this file) enhances the form (check, score, save) from the
one data-config attribute written here. Ordering items are rendered in the authored order
and shuffled only by the browser; ids are prefixed with the quiz id, so they are unique on
the page. Nothing here needs JavaScript to be read or printed."""

from __future__ import annotations

import json
import random

from curriculum_tools.core.model import Module, Question, Quiz
from curriculum_tools.site import sanitize
from curriculum_tools.site.i18n import t
from curriculum_tools.site.inline import inline, paragraphs

QUESTION_TYPES = (
    "single_choice",
    "multiple_choice",
    "true_false",
    "ordering",
    "matching",
    "reflection",
)  # help: quiz.help.<type>


def _e(text) -> str:
    return sanitize.text(text)


def _rng(*parts: str) -> random.Random:
    return random.Random("/".join(parts))


def display_order(quiz: Quiz, question: Question) -> list[tuple[str, str]]:
    """Ordering items in a fixed shuffled order that is never already the answer: the start
    order of outputs without a browser to shuffle them (exam papers, QTI). The site renders
    the authored order and quiz.js shuffles, once per attempt."""
    items = list(question.items)
    shuffled = items[:]
    _rng(quiz.id, question.id).shuffle(shuffled)
    if shuffled == items:
        shuffled = items[1:] + items[:1]
    return shuffled


def match_choices(quiz: Quiz, question: Question) -> list[tuple[str, str]]:
    """(value, text) of every match a prompt can be paired with, in a fixed shuffled order."""
    choices = [(pair_id, match) for pair_id, _, match in question.pairs]
    choices += [(f"distractor-{i + 1}", text) for i, text in enumerate(question.distractors)]
    _rng(quiz.id, question.id, "matches").shuffle(choices)
    return choices


def answer_key(quiz: Quiz) -> dict:
    """Scored question id -> {type, correct}: what the browser needs to score an attempt."""
    key = {}
    for q in quiz.all_questions():
        if not q.scored:
            continue
        correct: list[str] | bool | dict[str, str] | None
        if q.type in ("single_choice", "multiple_choice"):
            correct = [o.id for o in q.options if o.correct]
        elif q.type == "true_false":
            correct = q.answer
        elif q.type == "ordering":
            correct = [item_id for item_id, _ in q.items]
        elif q.type == "matching":
            correct = {pair_id: pair_id for pair_id, _, _ in q.pairs}
        else:
            continue
        key[q.id] = {"type": q.type, "correct": correct}
    return key


def quiz_config(quiz: Quiz, module: Module) -> dict:
    """The component's data-config."""
    return {
        "id": quiz.id,
        "module": module.id,
        "passMark": quiz.pass_mark,
        "exam": quiz.mode == "exam",
        "partial": quiz.partial_credit,
        "shuffle": quiz.shuffle,
        "key": answer_key(quiz),
    }


def render_quiz(quiz: Quiz, module: Module) -> str:
    qid = _e(quiz.id)
    numbers = quiz.numbers()
    blocks = []
    for question in quiz.questions:
        if question.type == "scenario":
            subs = [_question(quiz, sub, numbers[sub.id]) for sub in question.questions]
            heading_id = f"{qid}--{_e(question.id)}"
            blocks.append(
                f'<section class="cq-scenario" aria-labelledby="{heading_id}">'
                f'<h3 id="{heading_id}" class="cq-scenario__title">{t("quiz.case", title=inline(question.title or ""))}</h3>'
                f'<div class="cq-vignette">{paragraphs(question.vignette or "")}</div>' + "".join(subs) + "</section>"
            )
        else:
            blocks.append(_question(quiz, question, numbers[question.id]))
    total = sum(1 for q in quiz.all_questions() if q.scored)
    mode_note = t("quiz.modeExam") if quiz.mode == "exam" else t("quiz.modePractice")
    # The config sits in an attribute, not a <script> block: Material's instant navigation
    # re-creates script elements after swapping a page, so a script block can be missing
    # when the component starts.
    config = _e(json.dumps(quiz_config(quiz, module), ensure_ascii=False, separators=(",", ":")))
    submit = t("quiz.submit") if quiz.mode == "exam" else t("quiz.check")
    return (
        f'<section class="cq-quiz" data-module="quiz" data-config="{config}" aria-label="{_e(quiz.title)}">'
        f'<p class="cq-quiz__intro">{t("quiz.intro", title=_e(quiz.title), total=total, passMark=quiz.pass_mark, mode=mode_note)}</p>'
        f'<noscript><p class="cq-quiz__noscript">{t("quiz.noscript")}</p></noscript>'
        f'<form class="cq-quiz__form" novalidate>'
        f'<div class="cq-error-summary" role="alert" tabindex="-1" hidden></div>'
        + "".join(blocks)
        + f'<div class="cq-quiz__actions"><button type="submit" class="md-button md-button--primary cq-check">{submit}</button>'
        f'<button type="button" class="md-button cq-retry" hidden>{t("quiz.tryAgain")}</button></div>'
        f'<div class="cq-quiz__result" aria-live="polite" aria-atomic="true" tabindex="-1"></div>'
        f"</form>"
        f"</section>"
    )


def render_question(quiz: Quiz, q: Question, number: int | None, page: str = "") -> str:
    """One question as the quiz shows it (the Review page shows them one by one); page is
    the module page's address when the question is shown elsewhere, for its section link."""
    return _question(quiz, q, number, page)


def _question(quiz: Quiz, q: Question, number: int | None, page: str = "") -> str:
    base = f"{_e(quiz.id)}--{_e(q.id)}"
    label = t("quiz.question", n=number) if number else t("quiz.reflection")
    parts = [
        f'<fieldset class="cq-question" id="{base}" data-question-id="{_e(q.id)}" data-type="{q.type}"'
        f' aria-describedby="{base}-help">',
        f'<legend class="cq-question__legend"><span class="cq-question__number">{label}.</span> {inline(q.prompt)}</legend>',
        f'<p class="cq-question__help" id="{base}-help">{t("quiz.help." + q.type)}</p>',
    ]
    if q.hint:
        parts.append(
            f'<div class="cq-hint"><button type="button" class="cq-hint__toggle" aria-expanded="false" aria-controls="{base}-hint">{t("quiz.showHint")}</button>'
            f'<p class="cq-hint__text" id="{base}-hint" hidden>{inline(q.hint)}</p></div>'
        )
    parts.append(_RENDERERS[q.type](quiz, q, base))
    if q.type == "reflection":
        if q.guidance:
            parts.append(
                f'<div class="cq-explanation" hidden><p><strong>{t("quiz.pointsToConsider")}</strong></p>{paragraphs(q.guidance)}</div>'
            )
    else:
        link = (
            f' <a class="cq-section-link" href="{_e(page)}#{_e(q.section)}">{t("quiz.readAgain")}</a>'
            if q.section
            else ""
        )
        parts.append(
            f'<div class="cq-question__status" aria-live="polite"></div>'
            f'<div class="cq-explanation" hidden><p><strong>{t("quiz.explanation")}</strong> {inline(q.explanation)}{link}</p></div>'
        )
    parts.append("</fieldset>")
    return "".join(parts)


def _feedback(correct: bool, html: str) -> str:
    """An option's feedback, shown once the answer is checked and always in print. A right
    option's carries the label print puts before it ("Right answer:"), in the page's language
    (quiz.css reads it with attr())."""
    label = f' data-right="{_e(t("answers.right"))} "' if correct else ""
    return f'<p class="cq-feedback" data-correct="{str(correct).lower()}"{label} hidden>{html}</p>'


def _choices(quiz: Quiz, q: Question, base: str) -> str:
    kind = "radio" if q.type == "single_choice" else "checkbox"
    rows = []
    for option in q.options:
        oid = f"{base}--{_e(option.id)}"
        rows.append(
            f'<div class="cq-option" data-option-id="{_e(option.id)}">'
            f'<input type="{kind}" name="{base}" id="{oid}" value="{_e(option.id)}">'
            f'<label for="{oid}">{inline(option.text)}</label>'
            f"{_feedback(option.correct, inline(option.feedback))}</div>"
        )
    return f'<div class="cq-options">{"".join(rows)}</div>'


def _true_false(quiz: Quiz, q: Question, base: str) -> str:
    rows = []
    for value, text, feedback in (
        ("true", t("quiz.true"), q.feedback_true),
        ("false", t("quiz.false"), q.feedback_false),
    ):
        oid = f"{base}--{value}"
        rows.append(
            f'<div class="cq-option" data-option-id="{value}"><input type="radio" name="{base}" id="{oid}" value="{value}">'
            f'<label for="{oid}">{text}</label>{_feedback(q.answer == (value == "true"), inline(feedback))}</div>'
        )
    return f'<div class="cq-options">{"".join(rows)}</div>'


def _ordering(quiz: Quiz, q: Question, base: str) -> str:
    rows = []
    for item_id, text in q.items:  # authored order: quiz.js shuffles, once per attempt
        iid = f"{base}--{_e(item_id)}"
        rows.append(
            f'<li class="cq-order__item" data-item-id="{_e(item_id)}" id="{iid}">'
            f'<span class="cq-order__text" id="{iid}-text">{inline(text)}</span>'
            f'<span class="cq-order__buttons">'
            f'<button type="button" class="cq-order__up" aria-describedby="{iid}-text">{t("quiz.moveUp")}</button>'
            f'<button type="button" class="cq-order__down" aria-describedby="{iid}-text">{t("quiz.moveDown")}</button>'
            f"</span></li>"
        )
    return f'<ol class="cq-order" aria-label="{t("quiz.itemsToOrder")}">{"".join(rows)}</ol><p class="cq-order__live visually-hidden" aria-live="polite"></p>'


def _matching(quiz: Quiz, q: Question, base: str) -> str:
    choices = match_choices(quiz, q)
    options = f'<option value="">{t("quiz.chooseMatch")}</option>' + "".join(
        f'<option value="{_e(value)}">{_e(text)}</option>' for value, text in choices
    )
    rows = []
    for pair_id, prompt, _match in q.pairs:
        sid = f"{base}--{_e(pair_id)}"
        rows.append(
            f'<div class="cq-match" data-pair-id="{_e(pair_id)}"><label for="{sid}">{inline(prompt)}</label>'
            f'<select id="{sid}" name="{sid}">{options}</select></div>'
        )
    return f'<div class="cq-matches">{"".join(rows)}</div>'


def _reflection(quiz: Quiz, q: Question, base: str) -> str:
    return (
        f'<label class="cq-reflection__label" for="{base}--text">{t("quiz.yourReflection")}</label>'
        f'<textarea class="cq-reflection" id="{base}--text" name="{base}" rows="5"></textarea>'
    )


_RENDERERS = {
    "single_choice": _choices,
    "multiple_choice": _choices,
    "true_false": _true_false,
    "ordering": _ordering,
    "matching": _matching,
    "reflection": _reflection,
}

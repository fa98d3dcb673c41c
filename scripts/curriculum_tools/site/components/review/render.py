"""The Review page's questions: every scored question of every quiz, grouped by track,
each rendered by the quiz's own renderer (quiz/render.py render_question), so markup,
feedback and scoring are the quiz's. Each question is in a <template>, inert until used:
review.js (beside this file) puts into the page only the questions due now, from the
schedule in the browser (schedule.js), and scores them with the quiz's answer key
(quiz/render.py answer_key, in data-config). The page's live document holds what a
reader sees (about 850 elements on the repository's Review page, not 13,500 when every
question was in it, hidden)."""

from __future__ import annotations

import json
from collections.abc import Callable

from curriculum_tools.core.model import Curriculum
from curriculum_tools.site import sanitize
from curriculum_tools.site.components.quiz.render import answer_key, render_question
from curriculum_tools.site.i18n import t
from curriculum_tools.site.inline import inline, paragraphs


def _e(text) -> str:
    return sanitize.text(text)


def review_config(curriculum: Curriculum) -> dict:
    """What review.js needs to score each question: per quiz, its answer key and partial credit."""
    modules = {m.id for m in curriculum.modules}
    return {
        "quizzes": {
            quiz.id: {"partial": quiz.partial_credit, "passMark": quiz.pass_mark, "key": answer_key(quiz)}
            for quiz in curriculum.quizzes
            if quiz.module_id in modules
        }
    }


def render_review(curriculum: Curriculum, href: Callable[[str], str]) -> str:
    """The review component; href(src_uri) is a page's address from the Review page."""
    sections = []
    for track in curriculum.tracks:
        items = []
        for module in curriculum.modules_in(track.id):
            quiz = curriculum.quiz(module.quiz_id) if module.quiz_id else None
            if quiz is None or quiz.module_id != module.id:
                continue
            page = href(module.src_uri)
            numbers = quiz.numbers()
            for question in quiz.questions:
                subs = question.questions if question.type == "scenario" else [question]
                case = ""
                if question.type == "scenario":
                    case = (
                        f'<div class="cq-vignette"><p><strong>{t("quiz.case", title=inline(question.title or ""))}</strong></p>'
                        f"{paragraphs(question.vignette or '')}</div>"
                    )
                for sub in subs:
                    if not sub.scored:
                        continue
                    title = f"{_e(quiz.id)}--{_e(sub.id)}--review"
                    key = f'data-key="{_e(quiz.id)}/{_e(sub.id)}"'
                    items.append(
                        f'<template {key}><article class="cq-review__item" {key} data-quiz="{_e(quiz.id)}" '
                        f'aria-labelledby="{title}">'
                        f'<h4 id="{title}" class="cq-review__title"><a href="{_e(page)}">{_e(module.title)}</a></h4>'
                        f'{case}<form class="cq-review__form" novalidate>'
                        + render_question(quiz, sub, numbers[sub.id], page)
                        + '<div class="cq-quiz__actions"><button type="submit" class="md-button md-button--primary">'
                        + _e(t("review.check"))
                        + "</button></div>"
                        '<p class="cq-review__outcome" aria-live="polite" tabindex="-1"></p></form></article></template>'
                    )
        if items:
            heading = f"review-{_e(track.id)}"
            sections.append(
                f'<section class="cq-review__track" aria-labelledby="{heading}" hidden>'
                f'<h3 id="{heading}">{_e(track.title)}</h3>{"".join(items)}</section>'
            )
    config = _e(json.dumps(review_config(curriculum), ensure_ascii=False, separators=(",", ":")))
    return (
        f'<div class="cq-review-page" data-module="review" data-config="{config}">'
        f'<noscript><p class="cq-quiz__noscript">{_e(t("review.noscript"))}</p></noscript>'
        f'<p class="cq-review__summary" role="status"></p>' + "".join(sections) + "</div>"
    )

"""Render a module page's Markdown from the model: title, objectives and competencies, the
author's body with citations linked, the quiz slot, references and the review box."""
from __future__ import annotations

import html

from curriculum_tools.core.model import Curriculum, Module
from curriculum_tools.site.citations import reference_html, render_citations

QUIZ_SLOT = '<div class="cq-quiz-slot" data-quiz="{quiz}"></div>'


def _indent(text: str) -> str:
    return "\n".join(("    " + line) if line else "" for line in text.split("\n"))


def module_markdown(module: Module, curriculum: Curriculum) -> str:
    track = next((t for t in curriculum.tracks if t.id == module.track), None)
    competencies = curriculum.framework.competencies if curriculum.framework else {}
    objectives = "\n".join(f"- {text}" for text in module.objectives.values())
    comp_lines = "\n".join(
        f"- **{cid}**: {competencies[cid].statement}" if cid in competencies else f"- {cid}" for cid in module.competencies
    )
    review = module.review
    meta = (
        f'<p class="cq-module-meta">'
        f"{html.escape(track.title if track else module.track)} &middot; about {module.estimated_minutes} minutes &middot; "
        f"last reviewed {review.last_reviewed.isoformat()} (reviewer: {html.escape(review.reviewer_role)})</p>"
    )
    parts = [
        f"# {module.title}",
        "",
        meta,
        "",
        '!!! abstract "What you will be able to do"',
        _indent(objectives),
        "",
        '??? info "Competencies this module supports"',
        _indent(comp_lines),
        "",
        render_citations(module.body.strip("\n"), module.references),
        "",
    ]
    if module.quiz_id and curriculum.quiz(module.quiz_id):
        parts += ["## Check your understanding {#check-your-understanding}", "", QUIZ_SLOT.format(quiz=html.escape(module.quiz_id)), ""]
    parts += [
        "## References {#references}",
        "",
        '<ol class="cq-references">' + "".join(reference_html(r) for r in module.references) + "</ol>",
        "",
        f'<aside class="cq-review" aria-label="Review status"><p><strong>Clinical review.</strong> Written by {html.escape(review.author)}. '
        f"Last reviewed {review.last_reviewed.isoformat()} by a reviewer in the role: {html.escape(review.reviewer_role)}. "
        f"Next review due {review.due.isoformat()}.</p></aside>",
        "",
    ]
    return "\n".join(parts)

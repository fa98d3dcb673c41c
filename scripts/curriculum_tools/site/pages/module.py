"""Render a module page's Markdown from the model: title, objectives and competencies, the
author's body with citations linked, the quiz slot, references and the review box."""

from __future__ import annotations

import html

from curriculum_tools.core.model import Curriculum, Module
from curriculum_tools.load.markdown import PAGE_HEADINGS
from curriculum_tools.site import slots
from curriculum_tools.site.citations import reference_html, render_citations
from curriculum_tools.site.i18n import t
from curriculum_tools.site.pages.review_note import review_aside
from curriculum_tools.site.pages.scenario import rehearse_markdown
from curriculum_tools.site.sanitize import markdown_text as md


def _heading(anchor: str) -> str:
    assert anchor in PAGE_HEADINGS
    return f"## {t('heading.' + anchor)} {{#{anchor}}}"


def _indent(text: str) -> str:
    return "\n".join(("    " + line) if line else "" for line in text.split("\n"))


def module_markdown(module: Module, curriculum: Curriculum, id_prefix: str = "", title: bool = True) -> str:
    """The module page's Markdown. The printable edition asks for it without the title and
    with every id the build writes prefixed (id_prefix), so modules can share one page."""
    track = next((t for t in curriculum.tracks if t.id == module.track), None)
    competencies = curriculum.framework.competencies if curriculum.framework else {}
    objectives = "\n".join(f"- {md(text)}" for text in module.objectives.values())
    comp_lines = "\n".join(
        f"- **{md(cid)}**: {md(competencies[cid].statement)}" if cid in competencies else f"- {md(cid)}"
        for cid in module.competencies
    )
    review = module.review
    meta = (
        '<p class="cq-module-meta">'
        + t(
            "module.meta",
            track=html.escape(track.title if track else module.track),
            minutes=module.estimated_minutes,
            reviewed=review.last_reviewed.isoformat(),
            reviewer=html.escape(review.reviewer_role),
        )
        + "</p>"
    )
    review_label = t("module.reviewLabelOf", title=html.escape(module.title)) if id_prefix else t("module.reviewLabel")
    parts = [
        *([f"# {md(module.title)}", ""] if title else []),
        meta,
        "",
        f'!!! abstract "{t("module.objectives")}"',
        _indent(objectives),
        "",
        f'??? info "{t("module.competencies")}"',
        _indent(comp_lines),
        "",
        render_citations(module.body.strip("\n"), module.references, id_prefix),
        "",
    ]
    rehearse = rehearse_markdown(curriculum, module.id)
    if rehearse:
        parts += [rehearse, ""]
    if module.quiz_id and curriculum.quiz(module.quiz_id):
        parts += [_heading("check-your-understanding"), "", slots.slot("quiz", module.quiz_id), ""]
    parts += [
        _heading("references"),
        "",
        '<ol class="cq-references">' + "".join(reference_html(r, id_prefix) for r in module.references) + "</ol>",
        "",
        review_aside(review, review_label),
        "",
    ]
    return "\n".join(parts)

"""A page per branching scenario (scenarios/<id>/) and the scenarios index, rendered from the
model as Markdown through the site's pipeline (the same dialect and sanitiser as module
pages; citations link to the page's reference list). The scenario itself, situation,
moments and endings, is the scenario component's (components/scenario/render.py)."""

from __future__ import annotations

import html

from curriculum_tools.core.model import Curriculum, Scenario
from curriculum_tools.site.citations import reference_html, render_citations
from curriculum_tools.site.components.scenario.render import rating_label, render_scenario
from curriculum_tools.site.i18n import t
from curriculum_tools.site.pages.generated import GeneratedPage
from curriculum_tools.site.pages.review_note import review_aside
from curriculum_tools.site.sanitize import markdown_text as md

INDEX = "scenarios/index.md"


def src_uri(scenario: Scenario) -> str:
    return f"scenarios/{scenario.id}.md"


def scenario_markdown(scenario: Scenario, curriculum: Curriculum) -> str:
    module = curriculum.module(scenario.module_id)
    competencies = curriculum.framework.competencies if curriculum.framework else {}
    review = scenario.review
    module_link = f"[{md(module.title)}](../{module.src_uri})" if module else md(scenario.module_id)
    objectives = [module.objectives[o] for o in scenario.objectives if module and o in module.objectives]
    rows = [
        # No table of contents beside the player: it would list every moment and ending
        # (and so give the endings away); the page itself is the outline.
        "---",
        "hide:",
        "  - toc",
        "---",
        "",
        f"# {md(scenario.title)}",
        "",
        '<p class="cq-module-meta">'
        + t(
            "scenario.meta",
            minutes=scenario.estimated_minutes,
            n=len(scenario.endings),
            reviewed=review.last_reviewed.isoformat(),
            reviewer=html.escape(review.reviewer_role),
        )
        + "</p>",
        "",
        t("scenario.partOf", summary=md(scenario.summary), module=module_link),
        "",
        f'!!! abstract "{t("scenario.rehearse")}"',
        *[f"    - {md(text)}" for text in objectives],
        "",
        f'??? info "{t("scenario.competencies")}"',
        *[
            f"    - **{md(cid)}**: {md(competencies[cid].statement)}" if cid in competencies else f"    - {md(cid)}"
            for cid in scenario.competencies
        ],
        "",
    ]
    if scenario.jurisdiction:
        rows += [
            f'!!! info "{t("scenario.applies")}"',
            "",
            *[
                "    " + line if line else ""
                for line in render_citations(scenario.jurisdiction.strip(), scenario.references).split("\n")
            ],
            "",
        ]
    rows += [
        t("scenario.fiction"),
        "",
    ]
    rows.append(render_scenario(scenario))
    rows += [
        f"## {t('heading.references')} {{#references}}",
        "",
        '<ol class="cq-references">' + "".join(reference_html(r) for r in scenario.references) + "</ol>",
        "",
        review_aside(review, t("module.reviewLabel")),
        "",
    ]
    return "\n".join(rows)


def scenario_pages(curriculum: Curriculum) -> list[GeneratedPage]:
    """The scenarios index and one page per scenario, in the nav's "Scenarios" section.
    Nothing when the curriculum has no scenarios."""
    if not curriculum.scenarios:
        return []
    scenarios = sorted(curriculum.scenarios, key=lambda s: s.title.lower())
    rows = [
        f"# {t('scenario.indexHeading')}",
        "",
        t("scenario.indexIntro"),
        "",
    ]
    for scenario in scenarios:
        module = curriculum.module(scenario.module_id)
        ratings = t("list.and").join(rating_label(e.rating).lower() for e in scenario.endings)
        rows += [
            f"## [{md(scenario.title)}]({scenario.id}.md)",
            "",
            t(
                "scenario.indexItem",
                summary=md(scenario.summary),
                minutes=scenario.estimated_minutes,
                n=len(scenario.endings),
                ratings=ratings,
            )
            + (t("scenario.indexModule", module=f"[{md(module.title)}](../{module.src_uri})") if module else ""),
            "",
        ]
    section = t("scenario.section")
    pages = [GeneratedPage(INDEX, t("scenario.indexTitle"), "\n".join(rows), section=section)]
    pages += [GeneratedPage(src_uri(s), s.title, scenario_markdown(s, curriculum), section=section) for s in scenarios]
    return pages


def rehearse_markdown(curriculum: Curriculum, module_id: str) -> str:
    """The module page's "Rehearse" list: links to the module's scenarios (empty: none). A
    box, not a heading: the module page's heading ids are the validator's (module.anchors),
    which do not depend on other files."""
    scenarios = curriculum.scenarios_of(module_id)
    if not scenarios:
        return ""
    items = "\n".join(f"    - [{md(s.title)}](../scenarios/{s.id}.md): {md(s.summary)}" for s in scenarios)
    return f'!!! example "{t("module.rehearse")}"\n\n    {t("module.rehearseIntro")}\n\n{items}\n'

"""A page per branching scenario (scenarios/<id>/) and the scenarios index, rendered from the
model as Markdown through the site's pipeline (the same dialect and sanitiser as module
pages; citations link to the page's reference list). The scenario itself, situation,
moments and endings, is the scenario component's (components/scenario/render.py)."""

from __future__ import annotations

import html

from curriculum_tools.core.model import Curriculum, Scenario
from curriculum_tools.site.citations import reference_html, render_citations
from curriculum_tools.site.components.scenario.render import RATING_LABELS, render_scenario
from curriculum_tools.site.pages.generated import GeneratedPage
from curriculum_tools.site.sanitize import markdown_text as md

SECTION = "Scenarios"
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
        f'<p class="cq-module-meta">Rehearsal scenario &middot; about {scenario.estimated_minutes} minutes &middot; '
        f"{len(scenario.endings)} endings &middot; last reviewed {review.last_reviewed.isoformat()} "
        f"(reviewer: {html.escape(review.reviewer_role)})</p>",
        "",
        f"{md(scenario.summary)} Part of the module {module_link}.",
        "",
        '!!! abstract "What you will rehearse"',
        *[f"    - {md(text)}" for text in objectives],
        "",
        '??? info "Competencies this scenario supports"',
        *[
            f"    - **{md(cid)}**: {md(competencies[cid].statement)}" if cid in competencies else f"    - {md(cid)}"
            for cid in scenario.competencies
        ],
        "",
    ]
    if scenario.jurisdiction:
        rows += [
            '!!! info "Where this applies"',
            "",
            *[
                "    " + line if line else ""
                for line in render_citations(scenario.jurisdiction.strip(), scenario.references).split("\n")
            ],
            "",
        ]
    rows += [
        "This is fiction for rehearsal. Choose what you would do at each moment and see what follows; each ending "
        "has a debrief. Nothing you choose leaves this browser.",
        "",
    ]
    rows.append(render_scenario(scenario))
    rows += [
        "## References {#references}",
        "",
        '<ol class="cq-references">' + "".join(reference_html(r) for r in scenario.references) + "</ol>",
        "",
        f'<aside class="cq-review" aria-label="Review status"><p><strong>Clinical review.</strong> Written by {html.escape(review.author)}. '
        f"Last reviewed {review.last_reviewed.isoformat()} by a reviewer in the role: {html.escape(review.reviewer_role)}. "
        f"Next review due {review.due.isoformat()}.</p></aside>",
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
        "# Rehearse: branching scenarios",
        "",
        "The moments that decide whether a group is safe are rare, so they are hard to practise on the job. "
        "Each scenario lets you choose what to do, see what follows and read a debrief: what an experienced "
        "facilitator would do, and why. Every scenario has at least one safe ending; try them all. "
        "Your path is kept in this browser only.",
        "",
    ]
    for scenario in scenarios:
        module = curriculum.module(scenario.module_id)
        ratings = ", ".join(RATING_LABELS[e.rating].lower() for e in scenario.endings)
        rows += [
            f"## [{md(scenario.title)}]({scenario.id}.md)",
            "",
            f"{md(scenario.summary)} *About {scenario.estimated_minutes} minutes; {len(scenario.endings)} endings ({ratings}).*"
            + (f" Module: [{md(module.title)}](../{module.src_uri})." if module else ""),
            "",
        ]
    pages = [GeneratedPage(INDEX, "All scenarios", "\n".join(rows), section=SECTION)]
    pages += [GeneratedPage(src_uri(s), s.title, scenario_markdown(s, curriculum), section=SECTION) for s in scenarios]
    return pages


def rehearse_markdown(curriculum: Curriculum, module_id: str) -> str:
    """The module page's "Rehearse" list: links to the module's scenarios (empty: none). A
    box, not a heading: the module page's heading ids are the validator's (module.anchors),
    which do not depend on other files."""
    scenarios = curriculum.scenarios_of(module_id)
    if not scenarios:
        return ""
    items = "\n".join(f"    - [{md(s.title)}](../scenarios/{s.id}.md): {md(s.summary)}" for s in scenarios)
    return (
        f'!!! example "Rehearse"\n\n    Practise this module\'s hardest moments in a branching scenario:\n\n{items}\n'
    )

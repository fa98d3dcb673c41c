"""Pages the build makes from the model: one overview per track, the glossary and the
progress page, the supervisors' pages. site/render.py puts them together with the printable edition."""

from __future__ import annotations

import html
from collections.abc import Callable
from dataclasses import dataclass

from curriculum_tools.core.model import Curriculum
from curriculum_tools.site import slots
from curriculum_tools.site.components.recorder.render import privacy
from curriculum_tools.site.i18n import t
from curriculum_tools.site.sanitize import markdown_text as md


@dataclass
class GeneratedPage:
    src_uri: str
    title: str
    markdown: str
    section: str | None = ""  # nav section; "" = top level; None = placed by its maker (track pages)


def track_pages(curriculum: Curriculum) -> list[GeneratedPage]:
    pages = []
    for track in curriculum.tracks:
        modules = curriculum.modules_in(track.id)
        rows = [f"# {md(track.title)}", "", md(track.summary), ""]
        if not modules:
            rows.append(t("track.noModules"))
        for module in modules:
            rows += [
                f"## [{md(module.title)}]({module.id}.md)",
                "",
                f"{md(module.summary)} *{t('track.minutes', n=module.estimated_minutes)}*",
                "",
            ]
        pages.append(GeneratedPage(f"{track.id}/index.md", track.title, "\n".join(rows), section=None))
    return pages


def glossary_page(curriculum: Curriculum) -> list[GeneratedPage]:
    rows = [f"# {t('glossary.title')}", "", t("glossary.intro"), ""]
    for term in sorted(curriculum.glossary, key=lambda t: t.term.lower()):
        rows += [f"**{md(term.term)}**", f": {md(term.definition)}", ""]
    return [GeneratedPage("glossary.md", t("glossary.title"), "\n".join(rows))]


def progress_page(curriculum: Curriculum) -> list[GeneratedPage]:
    rows = [
        f"# {t('progress.title')}",
        "",
        t("progress.intro1"),
        "",
        t("progress.intro2"),
        "",
        f"[{t('review.title')}](review.md): <span data-review-due>{t('progress.reviewDue')}</span>",
        "",
        '<div class="cq-progress" data-module="progress" markdown>',
        "",
        f"| {t('progress.colModule')} | {t('progress.colTrack')} | {t('progress.colStatus')} |",
        "| --- | --- | --- |",
    ]
    titles = {t.id: t.title for t in curriculum.tracks}
    for track in curriculum.tracks:
        for module in curriculum.modules_in(track.id):
            title = md(module.title)
            rows.append(
                f'| [{title}]({module.src_uri}){{ data-module-id="{module.id}" data-quiz-id="{module.quiz_id or ""}" }} '
                f"| {md(titles.get(module.track, module.track))} "
                f'| <span class="cq-progress__status" data-status-for="{module.id}">{t("progress.notStarted")}</span> |'
            )
    if curriculum.scenarios:
        rows += [
            "",
            f"## {t('progress.scenarios')} {{#scenarios-rehearsed}}",
            "",
            f"| {t('progress.colScenario')} | {t('progress.colModule')} | {t('progress.colEndings')} |",
            "| --- | --- | --- |",
        ]
        modules = {m.id: m for m in curriculum.modules}
        for scenario in sorted(curriculum.scenarios, key=lambda s: s.title.lower()):
            owner = modules.get(scenario.module_id)
            rows.append(
                f'| [{md(scenario.title)}](scenarios/{scenario.id}.md){{ data-scenario-id="{scenario.id}" data-endings="{len(scenario.endings)}" }} '
                f"| {md(owner.title) if owner else md(scenario.module_id)} "
                f'| <span class="cq-progress__status" data-status-for="{scenario.id}">{t("progress.scenarioNone")}</span> |'
            )
    rows += ["", "</div>", "", slots.slot("progress-transfer"), ""]
    return [GeneratedPage("progress.md", t("progress.title"), "\n".join(rows))]


# The Review page's works cited (bibliographic entries stay as published, in every language).
REVIEW_REFERENCES = """\
1. Roediger, H. L., & Karpicke, J. D. (2006). Test-enhanced learning: Taking memory tests
   improves long-term retention. *Psychological Science, 17*(3), 249–255.
   [doi:10.1111/j.1467-9280.2006.01693.x](https://doi.org/10.1111/j.1467-9280.2006.01693.x)
2. Cepeda, N. J., Pashler, H., Vul, E., Wixted, J. T., & Rohrer, D. (2006). Distributed
   practice in verbal recall tasks: A review and quantitative synthesis. *Psychological
   Bulletin, 132*(3), 354–380.
   [doi:10.1037/0033-2909.132.3.354](https://doi.org/10.1037/0033-2909.132.3.354)"""
# The Leitner boxes and their intervals in days (review/schedule.js keeps the same).
REVIEW_BOXES = [(1, 1), (2, 3), (3, 7), (4, 16), (5, 35)]


def review_markdown() -> str:
    """The Review page's text above the component, in the page's language."""
    rows = [
        f"# {t('review.title')}",
        "",
        t("review.intro1"),
        "",
        t("review.intro2"),
        "",
        f"## {t('review.h.schedule')}",
        "",
        t("review.boxes"),
        "",
        f"| {t('review.colBox')} | {t('review.colDue')} |",
        "| --- | --- |",
        *[f"| {box} | {t('review.days', n=days)} |" for box, days in REVIEW_BOXES],
        "",
        *[f"- {t(key)}" for key in ("review.rule.wrong", "review.rule.right", "review.rule.box5", "review.rule.first")],
        "",
        f"## {t('review.h.why')}",
        "",
        t("review.why"),
        "",
        REVIEW_REFERENCES,
        "",
        t("review.selfAssessment"),
        "",
        f"## {t('review.h.due')}",
        "",
        "",
    ]
    return "\n".join(rows)


def review_page(curriculum: Curriculum) -> list[GeneratedPage]:
    """The Review page: how spaced review works and its schedule, then the review component."""
    return [GeneratedPage("review.md", t("review.title"), review_markdown() + slots.slot("review") + "\n")]


def supervisor_pages(curriculum: Curriculum) -> list[GeneratedPage]:
    """The "Supervisors" section: how records work, one form per checklist, the dashboard."""

    checklists = sorted(curriculum.checklists, key=lambda c: c.title.lower())
    links = [f"- [{md(cl.title)}]({cl.id}.md): {md(cl.purpose)}" for cl in checklists]
    intro = [
        f"# {t('supervisors.howRecords')}",
        "",
        t("supervisors.privacyIntro", privacy=privacy()),
        "",
        t("supervisors.intro"),
        "",
        t("supervisors.dashboardIntro"),
        "",
        f"## {t('supervisors.checklists')}",
        "",
        *(links or [t("supervisors.noChecklists")]),
        "",
    ]
    pages = [
        GeneratedPage(
            "supervisors/index.md", t("supervisors.howRecords"), "\n".join(intro), section=t("nav.supervisors")
        )
    ]
    for cl in checklists:
        brief = curriculum.scenario(cl.scenario_id) if cl.scenario_id else None
        lead = t("supervisors.brief", link=f"[{md(brief.title)}](../scenarios/{brief.id}.md)") + "\n\n" if brief else ""
        markdown = f"# {md(cl.title)}\n\n{lead}{slots.slot('checklist', cl.id)}\n"
        pages.append(GeneratedPage(f"supervisors/{cl.id}.md", cl.title, markdown, section=t("nav.supervisors")))
    dashboard = [
        f"# {t('supervisors.dashboardTitle')}",
        "",
        t("supervisors.privacy", privacy=privacy()),
        "",
        t("supervisors.rule", unrated=_unrated(curriculum)),
        "",
        slots.slot("dashboard"),
        "",
    ]
    pages.append(
        GeneratedPage(
            "supervisors/dashboard.md", t("supervisors.dashboard"), "\n".join(dashboard), section=t("nav.supervisors")
        )
    )
    return pages


def _unrated(curriculum: Curriculum) -> str:
    """The framework's levels without a number ("Not observed"), as the dashboard page names them."""
    levels = curriculum.framework.levels if curriculum.framework else []
    names = [f"“{html.escape(lv.label)}”" for lv in levels if lv.level is None]
    return t("list.or").join(names) or t("supervisors.unnumbered")


from curriculum_tools.site.pages.certification import certification_pages  # noqa: E402 (it builds GeneratedPage)


def scenario_pages(curriculum: Curriculum) -> list[GeneratedPage]:
    """The scenarios index and pages (pages/scenario.py, imported here so either module may be
    imported first)."""
    from curriculum_tools.site.pages.scenario import scenario_pages as make

    return make(curriculum)


PAGE_MAKERS: list[Callable[[Curriculum], list[GeneratedPage]]] = [
    track_pages,
    progress_page,
    review_page,
    glossary_page,
    scenario_pages,
    supervisor_pages,
    certification_pages,
]

"""Pages the build makes from the model: one overview per track, the glossary and the
progress page, the supervisors' pages. site/render.py puts them together with the printable edition."""
from __future__ import annotations

import html
from dataclasses import dataclass
from typing import Callable

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
    rows += ["", "</div>", ""]
    return [GeneratedPage("progress.md", t("progress.title"), "\n".join(rows))]


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
    pages = [GeneratedPage("supervisors/index.md", t("supervisors.howRecords"), "\n".join(intro), section=t("nav.supervisors"))]
    for cl in checklists:
        markdown = f"# {md(cl.title)}\n\n{slots.slot('checklist', cl.id)}\n"
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
    pages.append(GeneratedPage("supervisors/dashboard.md", t("supervisors.dashboard"), "\n".join(dashboard), section=t("nav.supervisors")))
    return pages


def _unrated(curriculum: Curriculum) -> str:
    """The framework's levels without a number ("Not observed"), as the dashboard page names them."""
    levels = curriculum.framework.levels if curriculum.framework else []
    names = [f"“{html.escape(lv.label)}”" for lv in levels if lv.level is None]
    return t("list.or").join(names) or t("supervisors.unnumbered")


from curriculum_tools.site.pages.certification import certification_pages  # noqa: E402 (it builds GeneratedPage)

PAGE_MAKERS: list[Callable[[Curriculum], list[GeneratedPage]]] = [track_pages, progress_page, glossary_page, supervisor_pages, certification_pages]

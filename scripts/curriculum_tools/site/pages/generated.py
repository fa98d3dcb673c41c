"""Pages the build makes from the model: one overview per track, the glossary and the
progress page, the supervisors' pages. site/render.py puts them together with the printable edition."""
from __future__ import annotations

import html
from dataclasses import dataclass
from typing import Callable

from curriculum_tools.core.model import Curriculum
from curriculum_tools.site import slots
from curriculum_tools.site.components.recorder.render import PRIVACY
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
        "# How records work",
        "",
        f"**Privacy.** {PRIVACY} Clear your browser's site data, or delete the records, before you hand the device on.",
        "",
        "Each checklist page is a form for one observed session. Rate each item on the framework's one rating scale; "
        "every change is saved in this browser at once. You can keep several records, reopen, duplicate or delete them, "
        "export one record or all of them as a JSON file, and import files exported on another device. "
        "Print a checklist page for a clean paper copy to sign.",
        "",
        "The [dashboard](dashboard.md) shows every record in this browser and the latest rating of each trainee per competency. "
        "For a cohort report against the sign-off requirements, give the exported files to `curriculum report`.",
        "",
        "## Checklists",
        "",
        *(links or ["No checklists yet."]),
        "",
    ]
    pages = [GeneratedPage("supervisors/index.md", t("supervisors.howRecords"), "\n".join(intro), section=t("nav.supervisors"))]
    for cl in checklists:
        markdown = f"# {md(cl.title)}\n\n{slots.slot('checklist', cl.id)}\n"
        pages.append(GeneratedPage(f"supervisors/{cl.id}.md", cl.title, markdown, section=t("nav.supervisors")))
    dashboard = [
        "# Supervisor dashboard",
        "",
        f"**Privacy.** {PRIVACY}",
        "",
        "Every record in this browser, and for each trainee the latest rating per competency, by the rule "
        "`curriculum report` uses: from the most recent complete record that counts under the sign-off requirements "
        "(for example, only signed-off records where they say so) and rates the competency. A record's rating is the "
        "lowest of its required items that give evidence for the competency (each must be rated, and "
        f"{_unrated(curriculum)} is no rating), or the highest of any such item when none is required.",
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
    return " or ".join(names) or "a level without a number"


from curriculum_tools.site.pages.certification import certification_pages  # noqa: E402 (it builds GeneratedPage)

PAGE_MAKERS: list[Callable[[Curriculum], list[GeneratedPage]]] = [track_pages, progress_page, glossary_page, supervisor_pages, certification_pages]

"""Pages the build makes from the model: one overview per track, the glossary and the
progress page. Other features register their own pages in PAGE_MAKERS."""
from __future__ import annotations

import html
from dataclasses import dataclass
from typing import Callable

from ..model import Curriculum


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
        rows = [f"# {track.title}", "", track.summary, ""]
        if not modules:
            rows.append("No modules yet.")
        for module in modules:
            rows += [
                f"## [{module.title}]({module.id}.md)",
                "",
                f"{module.summary} *About {module.estimated_minutes} minutes.*",
                "",
            ]
        pages.append(GeneratedPage(f"{track.id}/index.md", track.title, "\n".join(rows), section=None))
    return pages


def glossary_page(curriculum: Curriculum) -> list[GeneratedPage]:
    rows = ["# Glossary", "", "Terms used across the curriculum. On every page, these terms show their definition when you hover over them or focus them.", ""]
    for term in sorted(curriculum.glossary, key=lambda t: t.term.lower()):
        rows += [f"**{html.escape(term.term)}**", f": {html.escape(' '.join(term.definition.split()))}", ""]
    return [GeneratedPage("glossary.md", "Glossary", "\n".join(rows))]


def progress_page(curriculum: Curriculum) -> list[GeneratedPage]:
    rows = [
        "# My progress",
        "",
        "Your answers, scores and attempts are saved in this browser only. Nothing is sent anywhere.",
        "",
        '<div class="cq-progress" data-module="progress" markdown>',
        "",
        "| Module | Track | Status |",
        "| --- | --- | --- |",
    ]
    titles = {t.id: t.title for t in curriculum.tracks}
    for track in curriculum.tracks:
        for module in curriculum.modules_in(track.id):
            title = module.title.replace("|", "\\|")
            rows.append(
                f'| [{title}]({module.src_uri}){{ data-module-id="{module.id}" data-quiz-id="{module.quiz_id or ""}" }} '
                f"| {titles.get(module.track, module.track)} "
                f'| <span class="cq-progress__status" data-status-for="{module.id}">Not started</span> |'
            )
    rows += ["", "</div>", ""]
    return [GeneratedPage("progress.md", "My progress", "\n".join(rows))]


PAGE_MAKERS: list[Callable[[Curriculum], list[GeneratedPage]]] = [track_pages, progress_page, glossary_page]


def all_pages(curriculum: Curriculum) -> list[GeneratedPage]:
    return [page for maker in PAGE_MAKERS for page in maker(curriculum)]

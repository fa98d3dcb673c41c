"""Everything the site renders from one checked curriculum, as functions of the model:
the nav, each page's Markdown, and what fills each slot. The plugin holds one of these per
build; the benchmark uses it to write the same pages for plain MkDocs."""

from __future__ import annotations

import html
from collections.abc import Callable
from pathlib import Path

from curriculum_tools.core.model import Curriculum, Module, english_path
from curriculum_tools.site import slots
from curriculum_tools.site.components.cmi5.render import render_au
from curriculum_tools.site.components.dashboard.render import render_dashboard
from curriculum_tools.site.components.progress.render import render_transfer
from curriculum_tools.site.components.quiz.render import render_quiz
from curriculum_tools.site.components.recorder.render import render_checklist
from curriculum_tools.site.components.review.render import render_review
from curriculum_tools.site.components.scorm.render import render_sco
from curriculum_tools.site.i18n import t
from curriculum_tools.site.pages.generated import PAGE_MAKERS, GeneratedPage
from curriculum_tools.site.pages.glossary_terms import abbreviations
from curriculum_tools.site.pages.module import module_markdown
from curriculum_tools.site.pages.print_edition import PrintEdition, print_edition_page
from curriculum_tools.site.pages.scenario import src_uri as scenario_src_uri
from curriculum_tools.site.sanitize import text

SCENARIO_SLOT = "scenario:"  # the lms slot's name on a scenario page: scenario:<id>
TRACKS_PLACEHOLDER = "<!-- tracks -->"  # where an author's page lists the tracks (index.md)

# (src_uri, from_url) -> relative url
Linker = Callable[[str, str], str]
# LMS packages: lms -> the runtime root on each module page and each scenario page (a page
# of its module's SCO / AU), (module, its quiz, lms, scenarios=the module's, scenario=the
# page's or None) -> HTML
LMS_ROOTS: dict[str, Callable] = {"scorm12": render_sco, "scorm2004": render_sco, "cmi5": render_au}


def all_pages(curriculum: Curriculum) -> list[GeneratedPage]:
    """Every page the build makes from the model, in nav order."""
    return [page for maker in (*PAGE_MAKERS, print_edition_page) for page in maker(curriculum)]


class SiteRender:
    def __init__(self, curriculum: Curriculum, site_name: str = "", lms: str | None = None) -> None:
        self.curriculum = curriculum
        self.site_name = site_name  # the site's identity in progress files (mkdocs.yml site_name)
        self.lms = lms  # an LMS package's runtime (plugin option lms); None for the site
        self.generated: dict[str, GeneratedPage] = {page.src_uri: page for page in all_pages(curriculum)}
        self.modules: dict[str, Module] = {module.src_uri: module for module in curriculum.modules}
        self.scenario_uris: dict[str, str] = {scenario_src_uri(s): s.id for s in curriculum.scenarios}
        self.abbr = abbreviations(curriculum)
        self.print_edition = PrintEdition(curriculum, self.abbr)

    def nav(self) -> list:
        """Every title explicit and escaped (sanitize.text): the theme prints nav titles as
        HTML, and a title MkDocs took from a page's heading would keep its Markdown escapes."""
        c = self.curriculum
        nav: list = [{t("nav.home"): "index.md"}]
        for page in sorted(c.pages, key=lambda p: english_path(p.path)):
            uri = english_path(page.path).split("/", 1)[1]
            if uri != "index.md":
                title = page.data.get("title") if isinstance(page.data, dict) else None
                nav.append({text(title or Path(uri).stem.replace("-", " ").capitalize()): uri})
        for track in c.tracks:
            entries: list = [{text(track.title): f"{track.id}/index.md"}]
            entries += [{text(m.title): m.src_uri} for m in c.modules_in(track.id)]
            nav.append({text(track.title): entries})
        sections: dict[str, list] = {}
        for made in self.generated.values():
            if made.section is None:
                continue
            if made.section == "":
                nav.append({text(made.title): made.src_uri})
            else:
                if made.section not in sections:
                    sections[made.section] = []
                    nav.append({text(made.section): sections[made.section]})
                sections[made.section].append({text(made.title): made.src_uri})
        return nav

    def page_markdown(self, src_uri: str, markdown: str) -> str:
        """The Markdown MkDocs renders for a page: module pages from the model, the rest as
        written (generated pages are written by all_pages), glossary abbreviations on all."""
        module = self.modules.get(src_uri)
        if module is not None:
            markdown = module_markdown(module, self.curriculum)
            if self.lms:
                markdown += "\n\n" + slots.slot("lms", module.id) + "\n"
        else:
            markdown = markdown.replace(TRACKS_PLACEHOLDER, slots.slot("tracks"))
            if self.lms and src_uri in self.scenario_uris:
                markdown += "\n\n" + slots.slot("lms", SCENARIO_SLOT + self.scenario_uris[src_uri]) + "\n"
        return markdown + self.abbr

    def quiz_sections(self, module: Module) -> set[str]:
        quiz = self.curriculum.quiz(module.quiz_id) if module.quiz_id else None
        return {q.section for q in quiz.all_questions() if q.section} if quiz else set()

    def fillers(self, link: Linker) -> dict[str, slots.Filler]:
        c = self.curriculum
        checklists = {cl.id: cl for cl in c.checklists}
        modules = {m.id: m for m in c.modules}

        def quiz(name: str, url: str) -> str | None:
            quiz = c.quiz(name)
            return render_quiz(quiz, modules[quiz.module_id]) if quiz and quiz.module_id in modules else None

        def checklist(name: str, url: str) -> str | None:
            return render_checklist(checklists[name], c) if name in checklists else None

        def tracks(name: str, url: str) -> str:
            return self.track_list(lambda src: link(src, url))

        def print_module(name: str, url: str) -> str | None:
            return self.print_edition.module_html(name, url, link) if name in modules else None

        def lms(name: str, url: str) -> str | None:
            scenario = c.scenario(name[len(SCENARIO_SLOT) :]) if name.startswith(SCENARIO_SLOT) else None
            module = modules.get(scenario.module_id if scenario else name)
            if module is None or not self.lms:
                return None
            quiz = c.quiz(module.quiz_id) if module.quiz_id else None
            return LMS_ROOTS[self.lms](module, quiz, self.lms, scenarios=c.scenarios_of(module.id), scenario=scenario)

        return {
            "lms": lms,
            "quiz": quiz,
            "checklist": checklist,
            "dashboard": lambda name, url: render_dashboard(c),
            "progress-transfer": lambda name, url: render_transfer(c, self.site_name),
            "tracks": tracks,
            "print-module": print_module,
            "review": lambda name, url: render_review(c, lambda src: link(src, url)),
        }

    def track_list(self, href: Callable[[str], str]) -> str:
        items = []
        for track in self.curriculum.tracks:
            count = len(self.curriculum.modules_in(track.id))
            link = f'<a href="{html.escape(href(f"{track.id}/index.md"))}">{html.escape(track.title)}</a>'
            items.append(f"<li>{t('tracks.item', link=link, summary=html.escape(track.summary), n=count)}</li>")
        return f'<ul class="cq-tracks">{"".join(items)}</ul>'

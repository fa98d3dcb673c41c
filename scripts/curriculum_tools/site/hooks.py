"""MkDocs hooks: load and check the curriculum once per build with the validator's own
loader, then render every page from that model. The build stops, with the validator's
messages, before anything is written when content is invalid."""
from __future__ import annotations

import logging
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File

from curriculum_tools.output import reporters
from curriculum_tools.check import check
from curriculum_tools.core.model import Curriculum
from curriculum_tools.core.problems import Result
from curriculum_tools.load.schemas import SCHEMA_DIR
from curriculum_tools.site.components.recorder.render import fill_slots
from curriculum_tools.site.pages.generated import GeneratedPage, all_pages
from curriculum_tools.site.pages.glossary_terms import abbreviations
from curriculum_tools.site.pages.module import QUIZ_SLOT, module_markdown
from curriculum_tools.site.assets import bundle_assets
from curriculum_tools.site.offline import is_offline, vendored_files
from curriculum_tools.site.pages.print_edition import SRC_URI as PRINT_URI, fill_print_edition
from curriculum_tools.site.components.quiz.render import render_quiz
from curriculum_tools.site.theme_fixes import externalize_css_icons, fix_page_html

log = logging.getLogger("mkdocs.plugins.curriculum")


class _State:
    curriculum: Curriculum | None = None
    generated: dict[str, GeneratedPage] = {}
    modules: dict = {}
    abbr: str = ""
    rendered: dict[str, tuple[str, str]] = {}  # module src_uri -> (HTML, url), for the printable edition
    bundles: list = []  # our JS and CSS, one minified file each (bundle.py)
    quiz_html: dict[str, tuple[str, str]] = {}  # module src_uri -> (slot, rendered quiz)


STATE = _State()


def content_root(config) -> Path:
    return Path(config.config_file_path).resolve().parent


def on_config(config):
    loaded = check(content_root(config))
    result: Result = loaded.result
    if result.errors:
        raise PluginError("The curriculum content is invalid; nothing was built.\n" + reporters.text(result))
    for problem in result.warnings:
        log.info("%s:%s: %s (%s)", problem.path, problem.line, problem.message, problem.rule)
    curriculum = loaded.curriculum
    STATE.curriculum = curriculum
    STATE.generated = {page.src_uri: page for page in all_pages(curriculum)}
    STATE.modules = {module.src_uri: module for module in curriculum.modules}
    STATE.rendered = {}
    STATE.quiz_html = {}
    STATE.abbr = abbreviations(curriculum)
    config.nav = build_nav(curriculum, list(STATE.generated.values()))
    watch_content(config)
    STATE.bundles = bundle_assets(config, content_root(config))
    return config


WATCHED = ("quizzes", "checklists", "glossary", "competencies.yml", "tracks.yml", "signoff.yml")


def watch_content(config) -> None:
    """Live reload also follows the content files that live outside docs_dir."""
    root = content_root(config)
    for name in WATCHED:
        path = str(root / name)
        if (root / name).exists() and path not in config.watch:
            config.watch.append(path)


def build_nav(curriculum: Curriculum, generated: list[GeneratedPage]) -> list:
    nav: list = [{"Home": "index.md"}]
    for page in sorted(curriculum.pages, key=lambda p: p.path):
        uri = page.path.split("/", 1)[1]
        if uri != "index.md":
            title = page.data.get("title") if isinstance(page.data, dict) else None
            nav.append({title or Path(uri).stem.replace("-", " ").capitalize(): uri})
    for track in curriculum.tracks:
        entries: list = [f"{track.id}/index.md"]
        entries += [{m.title: m.src_uri} for m in curriculum.modules_in(track.id)]
        nav.append({track.title: entries})
    sections: dict[str, list] = {}
    for page in generated:
        if page.section is None:
            continue
        if page.section == "":
            nav.append({page.title: page.src_uri})
        else:
            if page.section not in sections:
                sections[page.section] = []
                nav.append({page.section: sections[page.section]})
            sections[page.section].append({page.title: page.src_uri})
    return nav


def on_files(files, config):
    for page in STATE.generated.values():
        existing = files.get_file_from_path(page.src_uri)
        if existing is not None:
            files.remove(existing)
        files.append(File.generated(config, page.src_uri, content=page.markdown))
    for schema in sorted(SCHEMA_DIR.glob("*.schema.json")):
        files.append(File.generated(config, f"schemas/{schema.name}", abs_src_path=str(schema)))
    for path, source in vendored_files(config, content_root(config)):
        files.append(File.generated(config, path, abs_src_path=str(source)))
    for bundle in STATE.bundles:
        for source in bundle.sources:
            if (existing := files.get_file_from_path(source)) is not None:
                files.remove(existing)
        files.append(File.generated(config, bundle.path, content=bundle.content))
    return files


def on_page_markdown(markdown, page, config, files):
    uri = page.file.src_uri
    module = STATE.modules.get(uri)
    if module is not None:
        markdown = module_markdown(module, STATE.curriculum)
    elif uri == "index.md":
        markdown = markdown.replace("<!-- tracks -->", _track_list(STATE.curriculum))
    return markdown + STATE.abbr


def on_page_content(html, page, config, files):
    """Quizzes go into the page after the search plugin has indexed its content (see
    on_post_page): answers and feedback stay out of search results, and the indexer does
    not parse every quiz again."""
    module = STATE.modules.get(page.file.src_uri)
    if module is not None:
        quiz = STATE.curriculum.quiz(module.quiz_id) if module.quiz_id else None
        slot = QUIZ_SLOT.format(quiz=module.quiz_id)
        quiz_html = render_quiz(quiz, module) if quiz is not None else slot
        STATE.quiz_html[page.file.src_uri] = (slot, quiz_html)
        STATE.rendered[module.src_uri] = (html.replace(slot, quiz_html), page.url)
    elif page.file.src_uri.startswith("supervisors/"):
        html = fill_slots(html, STATE.curriculum)
    return html


def on_page_context(context, page, config, nav):
    if page.file.src_uri == PRINT_URI:
        page.content = fill_print_edition(page.content, STATE.rendered, page.url, STATE.modules)
    return context


def on_post_page(output, page, config):
    quiz = STATE.quiz_html.get(page.file.src_uri)
    if quiz is not None:
        output = output.replace(*quiz)
    return fix_page_html(output)


def on_post_build(config):
    if not is_offline(config):
        externalize_css_icons(Path(config.site_dir))


def _track_list(curriculum: Curriculum) -> str:
    lines = []
    for track in curriculum.tracks:
        count = len(curriculum.modules_in(track.id))
        lines.append(f"- [{track.title}]({track.id}/index.md): {track.summary} ({count} modules)")
    return "\n".join(lines)

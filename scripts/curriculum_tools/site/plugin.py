"""The curriculum as a MkDocs plugin (`plugins: [curriculum]`, an entry point of this
package). It loads and checks the content once per build with the validator's own loader
and renders every page from that model; invalid content stops the build, with the
validator's messages, before anything is written.

Event order matters in two places, so those events carry explicit priorities:
- on_config runs first (priority 100): the nav and the Markdown dialect must be set before
  any other plugin reads the configuration;
- slots are filled in on_post_page, after the search plugin has indexed the page in
  on_page_context, so quizzes and forms stay out of search results.

Languages (site/languages.py): with mkdocs-static-i18n (`i18n` in mkdocs.yml) the site is
built once per language, English at the root and each other language under <lang>/; that
plugin's on_files (priority -100) selects each page's translation, and ours runs after it
(-110) to add the pages we generate for the language being built (the plugin would drop
files that are not in docs_dir). Its on_post_build (-100) runs the other languages' builds
and merges their search entries; ours at -200 then splits the index per language. Without
that plugin (`curriculum build --lang es`, the offline edition), the site is one language
and this plugin selects the translations itself.
"""
from __future__ import annotations

import logging
import re
from pathlib import Path

from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import File, Files
from mkdocs.utils import get_relative_url

from curriculum_tools.check import check
from curriculum_tools.load.markdown import EXTENSION_CONFIGS, EXTENSIONS
from curriculum_tools.load.schemas import SCHEMA_DIR
from curriculum_tools.output import reporters
from curriculum_tools.site import canary, i18n, languages, slots
from curriculum_tools.site.assets import Bundle, audience_of, bundle_assets
from curriculum_tools.site.offline import is_offline, offline_shim, vendored_files
from curriculum_tools.site.render import SiteRender
from curriculum_tools.site.sanitize import escape_meta, sanitize_html
from curriculum_tools.site.theme_fixes import externalize_css_icons, fix_page_html, fix_static_pages

log = logging.getLogger("mkdocs.plugins.curriculum")

WATCHED = ("quizzes", "checklists", "glossary", "competencies.yml", "tracks.yml", "signoff.yml")
PAGE_IDS = re.compile(r'\bid="([^"]+)"')


class CurriculumConfig(base.Config):
    # The folder holding tracks.yml, quizzes/, checklists/ ...; default: beside mkdocs.yml.
    root = c.Optional(c.Dir(exists=True))
    # The site's language when mkdocs-static-i18n is not in use (curriculum build --lang).
    language = c.Type(str, default="en")


class CurriculumPlugin(BasePlugin[CurriculumConfig]):
    supports_multiple_instances = False

    def __init__(self) -> None:
        self.render: SiteRender | None = None
        self.bundles: list[Bundle] = []
        self.urls: dict[str, str] = {}  # src_uri -> url, for links written into slots
        self.language = "en"  # of the build under way
        self._checked = None  # the checked content, shared by one build's languages

    # -- configuration: check the content, set the nav and the Markdown dialect ----------
    @event_priority(100)
    def on_config(self, config):
        root = self.content_root(config)
        self.language = languages.build_language(config, self.config.language)
        i18n.set_language(self.language)
        config.theme["language"] = self.language  # Material's own strings follow the page language
        languages.palette_names(config, self.language)
        languages.search_language(config, self.language)
        if self._checked is None or not languages.is_nested(config):
            checked = check(root)
            if checked.result.errors:
                raise PluginError("The curriculum content is invalid; nothing was built.\n" + reporters.text(checked.result))
            for problem in checked.result.warnings:
                log.info("%s:%s: %s (%s)", problem.path, problem.line, problem.message, problem.rule)
            self._checked = checked
        self.render = SiteRender(self._checked.curriculum.localized(self.language))
        config.nav = self.render.nav()
        self._use_dialect(config)
        config.mdx_configs.setdefault("toc", {})["permalink_title"] = i18n.t("toc.permalink")
        self._watch(config, root)
        self.bundles = bundle_assets(config, root)
        return config

    def content_root(self, config) -> Path:
        if self.config.root:
            return Path(self.config.root).resolve()
        return Path(config.config_file_path).resolve().parent

    @staticmethod
    def _use_dialect(config) -> None:
        """The validator computes heading ids with load/markdown.py's extensions; the site
        renders with the same ones, whatever mkdocs.yml lists."""
        listed = [e for e in config.markdown_extensions if e not in EXTENSIONS]
        config.markdown_extensions = EXTENSIONS + listed
        for name, options in EXTENSION_CONFIGS.items():
            config.mdx_configs[name] = {**options, **config.mdx_configs.get(name, {})}

    @staticmethod
    def _watch(config, root: Path) -> None:
        """Live reload also follows the content files that live outside docs_dir."""
        for name in WATCHED:
            path = str(root / name)
            if (root / name).exists() and path not in config.watch:
                config.watch.append(path)

    # -- files: generated pages, schemas, vendored scripts, our bundles -------------------
    @event_priority(-110)  # after mkdocs-static-i18n's on_files (-100): see the module docstring
    def on_files(self, files: Files, config) -> Files:
        assert self.render is not None
        if config.plugins.get("i18n") is None:
            files = languages.select_files(files, config, self.language)
        for page in self.render.generated.values():
            if (existing := files.get_file_from_path(page.src_uri)) is not None:
                files.remove(existing)
            generated = File.generated(config, page.src_uri, content=page.markdown)
            files.append(languages.place(generated, config, self.language))
        for schema in sorted(SCHEMA_DIR.glob("*.schema.json")):
            files.append(File.generated(config, f"schemas/{schema.name}", abs_src_path=str(schema)))
        for path, source in vendored_files(config, self.content_root(config)):
            files.append(File.generated(config, path, abs_src_path=str(source)))
        for bundle in self.bundles:
            for source in bundle.sources:
                if (existing := files.get_file_from_path(source)) is not None:
                    files.remove(existing)
            files.append(File.generated(config, bundle.path, content=bundle.content))
        self.urls = {languages.uri(f): f.url for f in files.documentation_pages()}
        return files

    # -- pages -----------------------------------------------------------------------------
    def on_page_markdown(self, markdown, page, config, files):
        assert self.render is not None
        page.meta = escape_meta(page.meta, None if page.is_homepage else page.title)  # the theme prints meta raw
        uri = languages.uri(page.file)
        markdown = self.render.page_markdown(uri, markdown)
        if uri not in self.render.generated:
            markdown = languages.notices(markdown, self.render.curriculum, uri, page.file, self.language)
        return markdown

    def on_page_content(self, html, page, config, files):
        """Build-time proof that the validator's heading ids are the page's: every quiz
        question's section must be an id of the rendered module page."""
        assert self.render is not None
        uri = languages.uri(page.file)
        html = sanitize_html(html, generated=uri in self.render.generated)  # sanitize.py
        module = self.render.modules.get(uri)
        if module is not None:
            ids = set(PAGE_IDS.findall(html))
            missing = sorted(self.render.quiz_sections(module) - ids)
            if missing:
                raise PluginError(
                    f"{module.source.path}: the page has no heading with the id {', '.join(missing)} that its quiz links to; "
                    "the validator and the site disagree on heading ids (please report this)"
                )
        return html

    def on_page_context(self, context, page, config, nav):
        assert self.render is not None
        page.meta["audience"] = audience_of(languages.uri(page.file), self.render.modules)  # which bundle the theme partials load
        languages.switcher(config, page, self.language)
        return context

    def on_post_page(self, output, page, config):
        assert self.render is not None
        output, missing = slots.fill(output, self.render.fillers(self.link), page.url)
        if missing:
            raise PluginError(f"{page.file.src_uri}: nothing to put in the slot(s) {', '.join(missing)}")
        output = languages.search_base(output, config, self.language)
        output = languages.contextual_links(output, config, page.url, self.language)
        return fix_page_html(output, offline_shim(config, self.content_root(config)), self.language)

    def link(self, src_uri: str, from_url: str) -> str:
        """The relative address of a page from a page url, as MkDocs writes links."""
        return get_relative_url(self.urls[src_uri], from_url)

    @event_priority(-200)  # after mkdocs-static-i18n's (-100), which builds the other languages
    def on_post_build(self, config):
        assert self.render is not None
        site = Path(config.site_dir)
        if languages.is_nested(config):
            return  # a language built inside the first build: finished below, with the whole site
        fix_static_pages(site, offline_shim(config, self.content_root(config)), languages.default_language(config))
        if problems := canary.missing(site, self._checked.curriculum, config.use_directory_urls):
            raise PluginError(canary.message(problems))
        for language in languages.other_languages(config):
            if problems := canary.missing(site / language, self._checked.curriculum.localized(language), config.use_directory_urls):
                raise PluginError(canary.message(problems))
        languages.split_search_index(config)
        if not is_offline(config):
            externalize_css_icons(site)
        self._checked = None

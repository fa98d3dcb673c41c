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

import jinja2
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
from curriculum_tools.site.assets import LMS_RUNTIMES, Bundle, audience_of, bundle_assets
from curriculum_tools.site.offline import is_offline, offline_shim, vendored_files
from curriculum_tools.site.render import SiteRender
from curriculum_tools.site.sanitize import escape_meta, sanitize_html
from curriculum_tools.site.theme_fixes import externalize_css_icons, fix_page_html, fix_static_pages

log = logging.getLogger("mkdocs.plugins.curriculum")

WATCHED = ("quizzes", "checklists", "glossary", "competencies.yml", "tracks.yml", "signoff.yml")
PAGE_IDS = re.compile(r'\bid="([^"]+)"')
ORIGIN = re.compile(r"https?://[A-Za-z0-9.-]+(:[0-9]{1,5})?|https?://\[[0-9A-Fa-f:.]+\](:[0-9]{1,5})?")


MD_LINK = re.compile(r"\[([^\]\n]+)\]\(([^)\s#]+\.md)(#[^)\s]*)?\)")


def unlink_left_out(markdown: str, src_uri: str, left_out: list[str]) -> str:
    """A package of some tracks (plugin option tracks) leaves the other tracks' module pages
    out: a Markdown link to one of them keeps its text and loses its target, so the page
    still reads and the strict build has no broken link."""
    if not left_out:
        return markdown
    gone = set(left_out)
    here = Path(src_uri).parent

    def keep_text(match: re.Match) -> str:
        target = (here / match[2]).as_posix()
        parts: list[str] = []
        for part in target.split("/"):
            if part == "..":
                if parts:
                    parts.pop()
            elif part not in ("", "."):
                parts.append(part)
        return match[1] if "/".join(parts) in gone else match[0]

    return MD_LINK.sub(keep_text, markdown)


class CompiledTemplates(jinja2.BytecodeCache):
    """The theme's templates compiled once per process: each build (and each language's
    build) has a new Jinja environment, which would otherwise parse and compile the same 87
    Material templates again (about 40% of a small site's build). Keyed by Jinja on the
    template's name and a checksum of its source, so an edited template compiles afresh;
    nothing about a build is kept here, only compiled code."""

    def __init__(self):
        self.code: dict[str, bytes] = {}

    def load_bytecode(self, bucket):
        if (data := self.code.get(bucket.key)) is not None:
            bucket.bytecode_from_string(data)

    def dump_bytecode(self, bucket):
        self.code[bucket.key] = bucket.bytecode_to_string()


TEMPLATE_CACHE = CompiledTemplates()


class CurriculumConfig(base.Config):
    # The folder holding tracks.yml, quizzes/, checklists/ ...; default: beside mkdocs.yml.
    root = c.Optional(c.Dir(exists=True))
    # LMS packages (curriculum package, export/package.py): the runtime module pages load
    # (assets.LMS_RUNTIMES), and the tracks the package holds (default: all).
    lms = c.Optional(c.Choice(sorted(LMS_RUNTIMES)))
    tracks = c.ListOfItems(c.Type(str), default=[])
    # cmi5 packages: the origins the AU may connect to (the LMS's xAPI endpoint and fetch
    # URL), added to the pages' CSP as connect-src (theme_fixes.csp_policy).
    lrs_origins = c.ListOfItems(c.Type(str), default=[])
    # The site's language when mkdocs-static-i18n is not in use (curriculum build --lang).
    language = c.Type(str, default="en")


class CurriculumPlugin(BasePlugin[CurriculumConfig]):
    supports_multiple_instances = False

    def __init__(self) -> None:
        self.render: SiteRender | None = None
        self.bundles: list[Bundle] = []
        self.urls: dict[str, str] = {}  # src_uri -> url, for links written into slots
        self.left_out: list[str] = []  # module pages of the tracks a package leaves out
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
                raise PluginError(
                    "The curriculum content is invalid; nothing was built.\n" + reporters.text(checked.result)
                )
            for problem in checked.result.warnings:
                log.info("%s:%s: %s (%s)", problem.path, problem.line, problem.message, problem.rule)
            self._checked = checked
        curriculum = self._checked.curriculum
        if self.config.tracks:
            if unknown := sorted(set(self.config.tracks) - {t.id for t in curriculum.tracks}):
                raise PluginError(f"plugins.curriculum.tracks: no track {', '.join(unknown)} in tracks.yml")
            kept_curriculum = curriculum.only_tracks(self.config.tracks)
            kept = {m.src_uri for m in kept_curriculum.modules}
            self.left_out = [m.src_uri for m in curriculum.modules if m.src_uri not in kept]
            curriculum = kept_curriculum
        if bad := [o for o in self.config.lrs_origins if not ORIGIN.fullmatch(o)]:
            raise PluginError(
                f"plugins.curriculum.lrs_origins: {bad[0]!r} is not an origin (scheme://host[:port], for example https://lrs.example.org)"
            )
        self.built = curriculum  # what this build holds: every track, or a package's tracks
        self.render = SiteRender(curriculum.localized(self.language), str(config.site_name or ""), lms=self.config.lms)
        config.nav = self.render.nav()
        self._use_dialect(config)
        config.mdx_configs.setdefault("toc", {})["permalink_title"] = i18n.t("toc.permalink")
        self._watch(config, root)
        self.bundles = bundle_assets(config, root, self.config.lms)
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
        translated_tracks = [p.name for p in sorted(root.glob("tracks.*.yml"))]  # tracks.es.yml
        for name in [*WATCHED, *translated_tracks]:
            path = str(root / name)
            if (root / name).exists() and path not in config.watch:
                config.watch.append(path)

    # -- files: generated pages, schemas, vendored scripts, our bundles -------------------
    @event_priority(-110)  # after mkdocs-static-i18n's on_files (-100): see the module docstring
    def on_files(self, files: Files, config) -> Files:
        assert self.render is not None
        for src_uri in self.left_out:
            if (existing := files.get_file_from_path(src_uri)) is not None:
                files.remove(existing)
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
            for part_source in bundle.sources:
                if (existing := files.get_file_from_path(part_source)) is not None:
                    files.remove(existing)
            files.append(File.generated(config, bundle.path, content=bundle.content))
        self.urls = {languages.uri(f): f.url for f in files.documentation_pages()}
        return files

    # -- pages -----------------------------------------------------------------------------
    def on_env(self, env, config, files):
        env.bytecode_cache = TEMPLATE_CACHE
        return env

    def on_page_markdown(self, markdown, page, config, files):
        assert self.render is not None
        page.meta = escape_meta(page.meta, None if page.is_homepage else page.title)  # the theme prints meta raw
        uri = languages.uri(page.file)
        markdown = self.render.page_markdown(uri, markdown)
        if uri not in self.render.generated:
            markdown = languages.notices(markdown, self.render.curriculum, uri, page.file, self.language)
        elif audience_of(uri) == "scenario":  # scenarios are not translatable yet: their text is English
            markdown = languages.untranslated(markdown, self.language)
        return unlink_left_out(markdown, page.file.src_uri, self.left_out)

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
        page.meta["audience"] = audience_of(
            languages.uri(page.file), self.render.modules
        )  # which bundle the theme partials load
        languages.switcher(config, page, self.language)
        return context

    def on_post_page(self, output, page, config):
        assert self.render is not None
        output, missing = slots.fill(output, self.render.fillers(self.link), page.url)
        if missing:
            raise PluginError(f"{page.file.src_uri}: nothing to put in the slot(s) {', '.join(missing)}")
        output = languages.search_base(output, config, self.language)
        output = languages.contextual_links(output, config, page.url, self.language)
        return fix_page_html(
            output, offline_shim(config, self.content_root(config)), self.language, connect=self.connect_sources()
        )

    def connect_sources(self) -> list[str]:
        """connect-src beyond 'self': a cmi5 package's LRS origins (none for the site)."""
        return list(self.config.lrs_origins) if self.config.lms == "cmi5" else []

    def link(self, src_uri: str, from_url: str) -> str:
        """The relative address of a page from a page url, as MkDocs writes links."""
        return get_relative_url(self.urls[src_uri], from_url)

    @event_priority(-200)  # after mkdocs-static-i18n's (-100), which builds the other languages
    def on_post_build(self, config):
        assert self.render is not None
        site = Path(config.site_dir)
        if languages.is_nested(config):
            return  # a language built inside the first build: finished below, with the whole site
        try:
            self._finish(site, config)
        finally:
            i18n.set_language(i18n.DEFAULT)  # the build's language ends with it (in-process builds, tests)

    def on_build_error(self, error):
        i18n.set_language(i18n.DEFAULT)

    def _finish(self, site: Path, config) -> None:
        fix_static_pages(site, offline_shim(config, self.content_root(config)), languages.default_language(config))
        if problems := canary.missing(site, self.built, config.use_directory_urls):
            raise PluginError(canary.message(problems))
        for language in languages.other_languages(config):
            localized = self.built.localized(language)
            if problems := canary.missing(site / language, localized, config.use_directory_urls, site=site):
                raise PluginError(canary.message(problems))
        languages.split_search_index(config)
        if not is_offline(config):
            externalize_css_icons(site)
        self._checked = None

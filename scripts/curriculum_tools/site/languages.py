"""The site in several languages: which language a build is for, which files it uses, the
notices on pages shown in English or translated from an older source, the language
switcher, and one search index per language.

With mkdocs-static-i18n the first build is the default language (English) at the site's
root and each other language is built under <lang>/ by that plugin's on_post_build;
without it (`curriculum build --lang es`: the offline edition, a package) the whole site is
one language and select_files() picks each page's translation.
"""

from __future__ import annotations

import json
import os
import re
from pathlib import Path
from typing import Any, cast

from mkdocs.structure.files import File, Files

from curriculum_tools.core.model import Curriculum
from curriculum_tools.load.translations import DEFAULT_LANGUAGE, split_language
from curriculum_tools.site.i18n import t

NAMES = {"en": "English", "es": "Español"}  # each language's name in itself, for the switcher
BASE = re.compile(r'("base":\s*")([^"]*)(")')


def _i18n(config):
    return config.plugins.get("i18n")


def build_language(config, fallback: str = DEFAULT_LANGUAGE) -> str:
    plugin = _i18n(config)
    if plugin is None:
        return fallback or DEFAULT_LANGUAGE
    return plugin.current_language or plugin.default_language


def default_language(config) -> str:
    plugin = _i18n(config)
    return plugin.default_language if plugin is not None else DEFAULT_LANGUAGE


def is_nested(config) -> bool:
    """True inside the builds mkdocs-static-i18n runs for its other languages."""
    plugin = _i18n(config)
    return bool(plugin is not None and plugin.building)


def other_languages(config) -> list[str]:
    plugin = _i18n(config)
    if plugin is None:
        return []
    return [lang for lang in plugin.build_languages if lang != plugin.default_language]


def prefix(config, language: str) -> str:
    """Where a language's pages live in the site: "" for the default (or only) language."""
    return "" if _i18n(config) is None or language == default_language(config) else f"{language}/"


def uri(file: File) -> str:
    """A page's source uri in English (grief/a.es.md -> grief/a.md): the key of every page,
    whatever language it is shown in."""
    return getattr(file, "norm_src_uri", None) or split_language(file.src_uri)[0]


def place(file: File, config, language: str) -> File:
    """A generated page, put where its language's pages go (es/...), with the attributes
    mkdocs-static-i18n reads from the files it made itself."""
    lead = prefix(config, language)
    if lead:
        file.dest_uri = lead + file.dest_uri
        file.url = file._get_url(config.use_directory_urls)
        file.abs_dest_path = os.path.normpath(os.path.join(config.site_dir, file.dest_uri))
    marked: Any = file  # the attributes mkdocs-static-i18n gives its files (not in MkDocs' File type)
    marked.norm_src_uri = file.src_uri
    marked.locale = marked.locale_alternate_of = language
    marked.localization = language if language != DEFAULT_LANGUAGE else None
    marked.alternates = {language: file}
    plugin = _i18n(config)
    if plugin is not None and language in plugin.i18n_files_per_language:
        plugin.i18n_files_per_language[language].append(file)  # the sitemap lists it
    return file


def select_files(files: Files, config, language: str) -> Files:
    """Without mkdocs-static-i18n: each page in `language` where translated, else in English;
    other languages' files left out."""
    chosen: dict[str, File] = {}
    others: list[File] = []
    for file in files:
        source, lang = split_language(file.src_uri)
        if lang is None:
            if file.is_documentation_page():
                chosen.setdefault(source, file)
                cast(Any, file).norm_src_uri = source
            else:
                others.append(file)
        elif lang == language and file.is_documentation_page():
            # the page under its source's name (links and the nav name the English file),
            # read from the translation
            translated: Any = File(
                source, file.src_dir, file.dest_dir, config.use_directory_urls, inclusion=file.inclusion
            )
            translated.abs_src_path = file.abs_src_path
            translated.norm_src_uri = source
            translated.localization = language
            chosen[source] = translated
    return Files(others + list(chosen.values()))


def notices(markdown: str, curriculum: Curriculum, page_uri: str, file: File, language: str) -> str:
    """A page shown in English on a page of another language says so (in that language), and
    its English is marked as English; a translation whose source changed since says that."""
    if language == DEFAULT_LANGUAGE:
        return markdown
    path = f"curriculum/{page_uri}"
    translation = curriculum.translation_of(path, language)
    if getattr(file, "localization", None) != language or translation is None:
        return untranslated(markdown, language)
    if curriculum.is_stale(translation):
        return _after_title(markdown, _admonition("stale", language))
    return markdown


def untranslated(markdown: str, language: str) -> str:
    """A page whose content has no translation yet (a page not translated, a scenario) on a
    page of another language: shown in English and marked as English, with the notice in that
    language."""
    if language == DEFAULT_LANGUAGE:
        return markdown
    return _after_title(markdown, _admonition("fallback", language), wrap_lang=DEFAULT_LANGUAGE)


def _admonition(kind: str, language: str) -> str:
    return f'!!! warning "{t(kind + ".title", language)}"\n    {t(kind + ".notice", language)}\n'


def _after_title(markdown: str, note: str, wrap_lang: str | None = None) -> str:
    lines = markdown.split("\n")
    at = next((i + 1 for i, line in enumerate(lines) if line.startswith("# ")), 0)
    head, rest = "\n".join(lines[:at]), "\n".join(lines[at:])
    if wrap_lang:
        rest = f'<div lang="{wrap_lang}" markdown>\n\n{rest}\n\n</div>'
    return f"{head}\n\n{note}\n{rest}" if head else f"{note}\n{rest}"


def search_language(config, language: str) -> None:
    """A site in one language alone searches with that language's stemmer and stop words."""
    if _i18n(config) is not None:
        return
    for name in ("search", "material/search"):
        plugin = config.plugins.get(name)
        if plugin is not None:
            plugin.config.lang = [language]


def palette_names(config, language: str) -> None:
    """The colour scheme toggles' names (mkdocs.yml writes them in English) in the page language."""
    for scheme in config.theme.get("palette") or []:
        toggle = scheme.get("toggle") if isinstance(scheme, dict) else None
        if isinstance(toggle, dict):
            toggle["name"] = t("theme.toLight" if scheme.get("scheme") == "slate" else "theme.toDark", language)


def switcher(config, page, language: str) -> None:
    """Material's language selector (extra.alternate): each language's root. Material reads
    <root>/sitemap.xml for each and, on a click, opens the same page in the other language
    (the page's path under its language's root, search_base), or that language's home
    page where the page is not in its sitemap."""
    languages = [default_language(config), *other_languages(config)] if _i18n(config) is not None else []
    if len(languages) < 2:
        return
    config.extra["alternate"] = [
        {"name": NAMES.get(lang, lang), "lang": lang, "link": prefix(config, lang) or "./"} for lang in languages
    ]


SELECT_LINK = re.compile(r'(<a href=")[^"]*(" hreflang="(?P<lang>[^"]+)" class="md-select__link">)')


def contextual_links(page_html: str, config, page_url: str, language: str) -> str:
    """The selector's links to the same page in each language (Material finds it by itself
    only towards a language under its own folder, not back to the root language)."""
    if _i18n(config) is None:
        return page_html
    from mkdocs.utils import get_relative_url

    own = prefix(config, language)
    english_url = page_url[len(own) :] if own and page_url.startswith(own) else page_url

    def link(match: re.Match) -> str:
        target = prefix(config, match["lang"]) + english_url
        href = get_relative_url(target or ".", page_url or ".")
        return f"{match[1]}{href if href != '.' else './'}{match[2]}"

    return SELECT_LINK.sub(link, page_html)


def search_base(page_html: str, config, language: str) -> str:
    """A page of another language searches its own index (<lang>/search/search_index.json):
    Material finds the index, and the pages its instant navigation may load, from the
    config's base, so that base is the language's root."""
    lead = prefix(config, language)
    if not lead:
        return page_html

    def shift(match: re.Match) -> str:
        base = match[2].rstrip("/")  # "../.." -> "../../es/" (with the slash: URLs resolve against it)
        return f"{match[1]}{lead if base in ('', '.') else base + '/' + lead}{match[3]}"

    return BASE.sub(shift, page_html, count=1)


def split_search_index(config) -> None:
    """One index per language: mkdocs-static-i18n merged every language's entries into the
    root index; the root keeps the default language's, <lang>/search/ gets each other's
    (locations relative to the language's root); the sitemap is split the same way."""
    others = other_languages(config)
    site = Path(config.site_dir)
    index = site / "search" / "search_index.json"
    if not others or not index.is_file():
        return
    data = json.loads(index.read_text(encoding="utf-8"))
    docs = data.get("docs", [])
    for lang in others:
        lead = f"{lang}/"
        mine = [{**d, "location": d["location"][len(lead) :]} for d in docs if d["location"].startswith(lead)]
        target = site / lang / "search" / "search_index.json"
        target.parent.mkdir(parents=True, exist_ok=True)
        config_lang = {**data.get("config", {}), "lang": [lang]}
        target.write_text(
            json.dumps({**data, "config": config_lang, "docs": mine}, ensure_ascii=False, separators=(",", ":")),
            encoding="utf-8",
        )
    _split_sitemap(site, config, others)
    rest = [d for d in docs if not d["location"].startswith(tuple(f"{lang}/" for lang in others))]
    config_en = {**data.get("config", {}), "lang": [default_language(config)]}
    index.write_text(
        json.dumps({**data, "config": config_en, "docs": rest}, ensure_ascii=False, separators=(",", ":")),
        encoding="utf-8",
    )


URL_ENTRY = re.compile(r"\s*<url>.*?</url>", re.S)
LOC = re.compile(r"<loc>([^<]*)</loc>")


def _split_sitemap(site: Path, config, others: list[str]) -> None:
    """Each language's root gets a sitemap of its own pages (their alternates kept): Material
    treats the pages in the current root's sitemap as its own for instant navigation (a
    Spanish page must never be swapped into an English page's header and html lang), and
    the language selector looks up the same page in the other root's sitemap."""
    sitemap = site / "sitemap.xml"
    if not sitemap.is_file():
        return
    text = sitemap.read_text(encoding="utf-8")
    entries = URL_ENTRY.findall(text)
    head, _, _ = text.partition(entries[0]) if entries else (text, "", "")
    tail = "\n</urlset>\n"
    base = (config.site_url or "").rstrip("/") + "/"

    def lang_of(entry: str) -> str | None:
        match = LOC.search(entry)
        path = match[1][len(base) :] if match and match[1].startswith(base) else ""
        return next((lang for lang in others if path.startswith(f"{lang}/")), None)

    for lang in [None, *others]:
        mine = [e for e in entries if lang_of(e) == lang]
        target = sitemap if lang is None else site / lang / "sitemap.xml"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(head + "".join(mine) + tail, encoding="utf-8")

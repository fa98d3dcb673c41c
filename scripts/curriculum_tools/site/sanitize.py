"""The one rendering policy for content text: what an author writes is data, never code.

- Plain-text fields (titles, summaries, objective texts, competency statements, track
  summaries, checklist titles, glossary terms, nav titles) are escaped as text: `text()` for
  HTML, `markdown_text()` where the text has to sit inside Markdown the build renders (a
  heading, a list item, a table cell): every character Markdown could read as syntax is
  escaped, and line breaks are collapsed, so it renders as exactly the text written.
- Markdown fields (module bodies, prompts, options, feedback, explanations, purposes,
  guidance) are rendered and then cleaned by `sanitize_html()`: an allowlist applied by nh3
  (the Rust `ammonia` sanitiser), which drops scripts, event handlers, iframes, inline styles
  and every URL scheme but http, https and mailto (relative links stay).

The allowlist below is also what the validator's `unsafe-html` rule reports against, so an
author is told what would be dropped and why instead of it disappearing silently.
"""

from __future__ import annotations

import html
import re

import nh3

# Elements content may use. Everything else is removed (its text kept), except the
# elements in DROP_WITH_CONTENT, which go with everything inside them.
TAGS = frozenset(
    {
        "a",
        "abbr",
        "aside",
        "b",
        "blockquote",
        "br",
        "caption",
        "cite",
        "code",
        "col",
        "colgroup",
        "dd",
        "del",
        "details",
        "dfn",
        "div",
        "dl",
        "dt",
        "em",
        "figcaption",
        "figure",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "hr",
        "i",
        "img",
        "ins",
        "kbd",
        "li",
        "mark",
        "ol",
        "p",
        "pre",
        "q",
        "s",
        "samp",
        "section",
        "small",
        "span",
        "strong",
        "sub",
        "summary",
        "sup",
        "table",
        "tbody",
        "td",
        "tfoot",
        "th",
        "thead",
        "time",
        "tr",
        "u",
        "ul",
        "var",
        "wbr",
    }
)
DROP_WITH_CONTENT = frozenset({"script", "style"})
GENERIC_ATTRIBUTES = frozenset({"class", "id", "title", "lang", "dir", "role"})
ATTRIBUTE_PREFIXES = frozenset({"aria-"})
TAG_ATTRIBUTES = {
    "a": {"href", "hreflang"},
    "abbr": set(),
    "img": {"src", "alt", "width", "height"},
    "td": {"colspan", "rowspan", "align"},
    "th": {"colspan", "rowspan", "scope", "align"},
    "col": {"span"},
    "colgroup": {"span"},
    "details": {"open"},
    "ol": {"start", "reversed", "type"},
    "li": {"value"},
    "time": {"datetime"},
    "blockquote": {"cite"},
    "q": {"cite"},
    "del": {"cite", "datetime"},
    "ins": {"cite", "datetime"},
}
# slots.py's placeholders survive sanitising: the build fills them after rendering, and no
# script reads them. They are the build's, not an author's: rule unsafe-html reports them.
SLOT_ATTRIBUTES = {"div": {"data-slot", "data-name"}}
URL_ATTRIBUTES = frozenset(
    {"href", "src", "cite", "action", "formaction", "poster", "background", "xlink:href", "srcset", "data"}
)
URL_SCHEMES = frozenset({"http", "https", "mailto"})

# The generated pages (progress, supervisors, print edition, track overviews) carry data
# attributes the site's own scripts read; content pages written by authors do not get them.
GENERATED_ATTRIBUTES = {
    "div": {"data-module", "data-config"},  # data-config: a scenario page's graph (pages/scenario.py)
    "a": {"data-module-id", "data-quiz-id", "data-scenario-id", "data-endings"},
    "span": {"data-status-for", "data-review-due"},
}

WHY_TAG = {
    "script": "scripts never run from content",
    "style": "style sheets come from the site, not from content",
    "iframe": "embedded frames are not allowed",
    "frame": "embedded frames are not allowed",
    "object": "embedded objects are not allowed",
    "embed": "embedded objects are not allowed",
    "form": "forms come from the site's components, not from content",
    "input": "form controls come from the site's components, not from content",
    "button": "form controls come from the site's components, not from content",
    "link": "pages load nothing from content",
    "meta": "pages load nothing from content",
    "base": "pages load nothing from content",
    "svg": "inline SVG can carry script",
    "math": "inline MathML is not allowed",
}


def _attributes(extra: dict | None = None) -> dict[str, set[str]]:
    attributes = {tag: set(names) for tag, names in TAG_ATTRIBUTES.items()}
    attributes["*"] = set(GENERIC_ATTRIBUTES)
    for tag, names in [*SLOT_ATTRIBUTES.items(), *(extra or {}).items()]:
        attributes.setdefault(tag, set()).update(names)
    return attributes


_CONTENT = nh3.Cleaner(
    tags=set(TAGS),
    clean_content_tags=set(DROP_WITH_CONTENT),
    attributes=_attributes(),
    generic_attribute_prefixes=set(ATTRIBUTE_PREFIXES),
    url_schemes=set(URL_SCHEMES),
    link_rel=None,
)
_GENERATED = nh3.Cleaner(
    tags=set(TAGS),
    clean_content_tags=set(DROP_WITH_CONTENT),
    attributes=_attributes(GENERATED_ATTRIBUTES),
    generic_attribute_prefixes=set(ATTRIBUTE_PREFIXES),
    url_schemes=set(URL_SCHEMES),
    link_rel=None,
)


def text(value) -> str:
    """A plain-text field as HTML text (also safe inside a quoted attribute)."""
    return html.escape(str(value), quote=True)


def one_line(value) -> str:
    """A plain-text field on one line: every run of white space (line breaks included) is one space."""
    return " ".join(str(value).split())


# What Python-Markdown (with the extensions in mkdocs.yml) reads as syntax when unescaped.
_MARKDOWN_SYNTAX = re.compile(r"([\\`*_{}\[\]()>#+\-.!|])")


def markdown_text(value) -> str:
    """A plain-text field placed inside Markdown so that it renders as exactly this text: on
    one line, HTML special characters as entities, Markdown punctuation escaped."""
    out = html.escape(one_line(value), quote=False)

    return _MARKDOWN_SYNTAX.sub(r"\\\1", out)


# Elements whose content an HTML parser reads as raw text up to their end tag: one left open
# by an author would swallow the rest of the page (its quiz too) into itself.
_RAW_TEXT = re.compile(r"<(/?)(script|style|iframe|textarea|title|xmp|noembed|noframes|noscript|plaintext)\b", re.I)


def _close_raw_text(fragment: str) -> str:
    """Each raw-text start tag with no end tag after it, written as text instead."""
    out, last = [], 0
    for match in _RAW_TEXT.finditer(fragment):
        if match[1]:
            continue
        if re.search(rf"</{match[2]}\s*>", fragment[match.end() :], re.I) is None:
            out += [fragment[last : match.start()], "&lt;"]
            last = match.start() + 1
    return "".join(out) + fragment[last:] if out else fragment


def sanitize_html(fragment: str, generated: bool = False) -> str:
    """Rendered HTML cleaned by the allowlist. `generated`: the site's own generated pages,
    whose slots and progress table carry data attributes its scripts read."""
    return (_GENERATED if generated else _CONTENT).clean(_close_raw_text(fragment))


def markdown_fragment(source: str) -> str:
    """A short Markdown text (one field) rendered inline and sanitised."""
    from curriculum_tools.site.inline import paragraphs

    return paragraphs(source)


def escape_meta(meta: dict, title: str | None = None) -> dict:
    """A page's front matter as the theme's templates print it (raw, with no autoescaping:
    `<title>{{ page.meta.title }}`, `content="{{ page.meta.description }}"`): every text
    escaped. `title`, the page's nav title (already escaped), becomes meta.title when the
    front matter has none, so the theme never prints `page.title | striptags`, which would
    undo that escaping."""

    def escape(value):
        if isinstance(value, str):
            return text(value)
        if isinstance(value, dict):
            return {key: escape(item) for key, item in value.items()}
        if isinstance(value, list):
            return [escape(item) for item in value]
        return value

    out = escape(dict(meta or {}))
    if title and not out.get("title"):
        out["title"] = title
    return out

"""Content is data: nothing an author writes may become script, an event handler, an
embedded frame, an inline style or a link with a scheme other than http, https and mailto.

The site enforces this when it renders (site/sanitize.py: plain-text fields are escaped,
Markdown is sanitised with an allowlist). This rule reports, at the file, line and column,
everything that policy would drop or show as typed, and why, so that nothing an author
wrote disappears silently: raw HTML elements and attributes outside the allowlist
(`<script>`, `<iframe>`, `onclick=`, `style=`), `javascript:` and other schemes in Markdown
links, images, reference definitions, autolinks and attribute lists, markup in plain-text
fields (titles, summaries, objectives, statements, terms), and glossary terms that could not
stay on their hover-definition line, and bidirectional control characters (U+202A-U+202E,
U+2066-U+2069), which make text display in another order than it reads. Code spans and fenced code blocks are shown as code and
are not reported.
"""

from __future__ import annotations

import functools
import html
import re
from html.parser import HTMLParser

from curriculum_tools.core.problems import ERROR, Problem
from curriculum_tools.load.schemas import _where as field_name
from curriculum_tools.site import sanitize

ID = "unsafe-html"
SEVERITY = ERROR
EXPLANATION = (
    "Scripts, event handlers, iframes, inline styles and links other than http, https, mailto or "
    "relative are not allowed in content; the site would drop them."
)

# YAML fields rendered as (inline) Markdown; every other text field is plain text.
MARKDOWN_KEYS = {
    "prompt",
    "feedback",
    "feedback_true",
    "feedback_false",
    "explanation",
    "hint",
    "guidance",
    "purpose",
    "setting",
    "vignette",
    "situation",
    "outcome",
    "debrief",
    "jurisdiction",
}
# options[].text, items[].text (a checklist's or an ordering's); a scenario's nodes[].text,
# choices[].text and says[].text
MARKDOWN_TEXT_PARENTS = {"options", "items", "nodes", "choices", "says"}
MARKUP_ATTRIBUTES = {"markdown"}  # md_in_html's switch: read by the Markdown library, never output

_FENCE = re.compile(
    r"^(?P<indent> {0,3})(?P<fence>`{3,}|~{3,})[^\n]*\n.*?(?:^(?P=indent)?(?P=fence)[ \t]*$|\Z)", re.S | re.M
)
_CODE_SPAN = re.compile(r"(?<!`)(`+)(?!`)(?:(?!\n[ \t]*\n).)+?(?<!`)\1(?!`)", re.S)  # not across a blank line
_MD_LINK = re.compile(r"\]\(\s*<?(?P<url>[^)\s>]*)")
_MD_REFDEF = re.compile(r"^ {0,3}\[[^\]\n]+\]:[ \t]*<?(?P<url>[^\s>]+)", re.M)
_ATTR_LIST = re.compile(r"\{:?(?P<body>[^{}\n]*=[^{}\n]*)\}")
_ATTR_PAIR = re.compile(
    r"""(?P<key>[A-Za-z_:][-A-Za-z0-9_:.]*)\s*=\s*(?:"(?P<dq>[^"]*)"|'(?P<sq>[^']*)'|(?P<bare>[^\s}]+))"""
)
_SCHEME = re.compile(r"^([A-Za-z][A-Za-z0-9+.\-]*):")
_INVISIBLE = re.compile(r"[\x00-\x20\x7f]+")
# Bidirectional embedding, override and isolate controls: they make text display in another
# order than it is stored and read ("Trojan Source"); content never needs them.
_BIDI = re.compile("[\u202a-\u202e\u2066-\u2069]")


def _mask(text: str) -> str:
    """The text with fenced code blocks and code spans blanked out (offsets kept)."""

    def blank(match: re.Match) -> str:
        return re.sub(r"[^\n]", " ", match.group(0))

    return _CODE_SPAN.sub(blank, _FENCE.sub(blank, text))


def bad_scheme(url: str) -> str | None:
    """The scheme of a URL the sanitiser would drop (javascript, data, vbscript, ...), as a
    browser reads it: entities decoded, tabs, line breaks and spaces ignored."""
    url = _INVISIBLE.sub("", html.unescape(url or ""))
    match = _SCHEME.match(url)
    if match and match.group(1).lower() not in sanitize.URL_SCHEMES:
        return match.group(1).lower()
    return None


def _link_why(scheme: str) -> str:
    return f"a {scheme}: link is not allowed (only http, https, mailto and relative links)"


class _Tags(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.found: list[tuple[int, int, str]] = []  # (line, col) 1-based within the text, description

    def handle_starttag(self, tag, attrs):
        line, col = self.getpos()
        where = (line, col + 1)
        if ":" in tag:  # <javascript:...> written as an autolink
            scheme = bad_scheme(tag)
            if scheme:
                self.found.append((*where, f"<{tag[:40]}>: {_link_why(scheme)}"))
                return
        if tag in sanitize.DROP_WITH_CONTENT:
            self.found.append((*where, f"<{tag}> and its content: {sanitize.WHY_TAG[tag]}"))
            return
        if tag not in sanitize.TAGS:
            why = sanitize.WHY_TAG.get(tag, "not an element content may use")
            self.found.append((*where, f"<{tag}>: {why}"))
            return
        allowed = sanitize.GENERIC_ATTRIBUTES | sanitize.TAG_ATTRIBUTES.get(tag, set()) | MARKUP_ATTRIBUTES
        for name, value in attrs:
            if name.startswith("on"):
                self.found.append((*where, f"{name}= on <{tag}>: event handlers never run from content"))
            elif name == "style":
                self.found.append(
                    (*where, f"style= on <{tag}>: inline styles are not allowed; the site's style sheets style content")
                )
            elif name in sanitize.URL_ATTRIBUTES and (scheme := bad_scheme(value or "")):
                self.found.append((*where, f"{name}= on <{tag}>: {_link_why(scheme)}"))
            elif name not in allowed and not any(name.startswith(p) for p in sanitize.ATTRIBUTE_PREFIXES):
                self.found.append((*where, f"{name}= on <{tag}>: not an attribute content may use"))

    handle_startendtag = handle_starttag


def _line_col(text: str, offset: int) -> tuple[int, int]:
    line = text.count("\n", 0, offset) + 1
    return line, offset - (text.rfind("\n", 0, offset) + 1) + 1


# Every finding needs one of these in the text: "<" (an element), "](" or "]:" (a link or a
# reference definition), "{" (an attribute list) or a bidirectional control. Most fields
# have none, and are done with one search.
_MAYBE = re.compile("[<{\u202a-\u202e\u2066-\u2069]|\\]\\(|\\]:")


def scan(text: str) -> list[tuple[int, int, str]]:
    """(line, col, what and why) for everything the rendering policy would drop, in order."""
    if not _MAYBE.search(text):
        return []
    return list(_scan(text))


@functools.lru_cache(maxsize=8192)
def _scan(text: str) -> tuple[tuple[int, int, str], ...]:
    """scan, kept per text (a pure function of it): a check runs this rule over every field
    of every file, and a process checks the same files many times."""
    masked = _mask(text)
    found: list[tuple[int, int, str]] = []
    parser = _Tags()
    try:
        parser.feed(masked)
        parser.close()
    except Exception:  # HTMLParser gives up on some malformed declarations; what it found stands
        pass
    found += parser.found
    for pattern in (_MD_LINK, _MD_REFDEF):
        for match in pattern.finditer(masked):
            scheme = bad_scheme(match["url"])
            if scheme:
                found.append(
                    (*_line_col(masked, match.start("url")), f"link {match['url'][:40]!r}: {_link_why(scheme)}")
                )
    for match in _ATTR_LIST.finditer(masked):
        for pair in _ATTR_PAIR.finditer(match["body"]):
            key = pair["key"].lower()
            value = pair["dq"] if pair["dq"] is not None else pair["sq"] if pair["sq"] is not None else pair["bare"]
            where = _line_col(masked, match.start("body") + pair.start())
            if key.startswith("on"):
                found.append((*where, f"attribute {key}= in {{: ... }}: event handlers never run from content"))
            elif key == "style":
                found.append((*where, "attribute style= in {: ... }: inline styles are not allowed"))
            elif key in sanitize.URL_ATTRIBUTES and (scheme := bad_scheme(value)):
                found.append((*where, f"attribute {key}= in {{: ... }}: {_link_why(scheme)}"))
    for match in _BIDI.finditer(text):
        found.append(
            (
                *_line_col(text, match.start()),
                f"the invisible bidirectional control character U+{ord(match.group()):04X}: "
                "it makes text display in another order than it reads",
            )
        )
    return tuple(sorted(set(found)))


def _strings(data, path=()):
    if isinstance(data, dict):
        for key, value in data.items():
            yield from _strings(value, path + (key,))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            yield from _strings(value, path + (index,))
    elif isinstance(data, str):
        yield path, data


def is_markdown_field(path: tuple) -> bool:
    keys = [part for part in path if isinstance(part, str)]
    if not keys:
        return False
    if keys[-1] in MARKDOWN_KEYS:
        return True
    return (
        keys[-1] in ("text", "description")
        and len(keys) >= 2
        and (keys[-2] in MARKDOWN_TEXT_PARENTS or (keys[-1] == "description" and keys[-2] == "rating_scale"))
    )


def check(context):
    curriculum = context.curriculum
    translated = [t.source for t in curriculum.translations]  # rendered like their sources
    for source in [*curriculum.sources, *(t for t in translated if t.kind != "page")]:
        for path, value in _strings(source.data):
            found = scan(value)
            if not found:
                continue
            line, col = source.pos(path)
            fate = (
                "the site drops it"
                if is_markdown_field(path)
                else "this is a plain-text field: the site shows it as typed"
            )
            for _, _, what in found:
                yield Problem(source.path, line, col, f"{field_name(path)}: {what}{_fate(what, fate)}Remove it.", ID)
        if source.kind == "glossary":
            for index, term in enumerate(source.data.get("terms", [])):
                name = term.get("term", "") if isinstance(term, dict) else ""
                if isinstance(name, str) and ("]" in name or "\\" in name):
                    yield source.problem(
                        ("terms", index, "term"),
                        f"terms[{index + 1}].term: a term cannot contain ']' or '\\': it would end its hover definition early and spill onto every page",
                        ID,
                    )
    for source in [*curriculum.sources, *curriculum.pages, *translated]:
        if source.kind not in ("module", "page") or not source.body:
            continue
        for line, col, what in scan(source.body):
            yield Problem(
                source.path, source.body_line + line - 1, col, f"{what}{_fate(what, 'the site drops it')}Remove it.", ID
            )


def _fate(what: str, fate: str) -> str:
    return ". " if "bidirectional control" in what else f"; {fate}. "

"""Markdown content: front matter split off with line numbers, heading ids and citations,
each computed one way for the validator and the site."""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from curriculum_tools.core.problems import ContentError, Problem
from curriculum_tools.load.yaml import Positions, load_yaml


@dataclass
class MarkdownFile:
    meta: object
    positions: Positions
    body: str
    body_line: int  # 1-based line of the file where the body starts


def parse_markdown(text: str, path: str) -> MarkdownFile:
    lines = text.split("\n")
    if not lines or lines[0].rstrip() != "---":
        raise ContentError(
            Problem(path, 1, 1, "a module must start with front matter: a line '---', YAML, then '---'", "front-matter")
        )
    for index in range(1, len(lines)):
        if lines[index].rstrip() in ("---", "..."):
            end = index
            break
    else:
        raise ContentError(
            Problem(path, 1, 1, "front matter is not closed: add a line '---' after the YAML", "front-matter")
        )
    yaml_text = "\n".join(lines[1:end])
    meta, positions = load_yaml(yaml_text, path, line_offset=1)
    if meta is None:
        meta, positions = {}, {(): (2, 1)}
    body = "\n".join(lines[end + 1 :])
    return MarkdownFile(meta=meta, positions=positions, body=body, body_line=end + 2)


# --- One Markdown dialect for the validator and the site -------------------------------
# The site (site/plugin.py) hands MkDocs exactly these extensions, so the heading ids the
# validator computes are the ids on the page.
EXTENSIONS = [
    "abbr",
    "admonition",
    "attr_list",
    "def_list",
    "md_in_html",
    "tables",
    "toc",
    "pymdownx.details",
    "pymdownx.superfences",
]
EXTENSION_CONFIGS = {"toc": {"permalink": True, "permalink_title": "Link to this section"}}

# Headings the build writes on every module page after the author's body, with fixed ids.
PAGE_HEADINGS = {"check-your-understanding": "Check your understanding", "references": "References"}


def module_page_source(title: str, body: str) -> str:
    """The Markdown skeleton of a module page whose heading ids the validator checks: the
    title as the page's h1, the author's body, the build's own headings. The site renders
    its module page from the same parts (site/pages/module.py)."""
    tail = "\n\n".join(f"## {text} {{#{anchor}}}" for anchor, text in PAGE_HEADINGS.items())
    return f"# {title}\n\n{body.strip()}\n\n{tail}\n"


def heading_ids(markdown_text: str) -> list[str]:
    """Every heading id Python-Markdown's toc gives this Markdown, in document order."""
    return list(_heading_ids(markdown_text))


@functools.lru_cache(maxsize=4096)
def _heading_ids(markdown_text: str) -> tuple[str, ...]:
    """heading_ids, kept per text: a pure function of it (one dialect, one configuration), and
    the Markdown parse is a third of a check. A process that checks a tree again (the build
    after `curriculum validate`, the exporters, the bench's repeats) parses only what changed."""
    md = _markdown()
    md.reset()
    md.convert(markdown_text)
    ids: list[str] = []

    def walk(tokens):
        for token in tokens:
            ids.append(token["id"])
            walk(token["children"])

    walk(md.toc_tokens)
    return tuple(ids)


_MD = None


def _markdown():
    global _MD
    if _MD is None:
        import markdown

        _MD = markdown.Markdown(extensions=EXTENSIONS, extension_configs=EXTENSION_CONFIGS)
    return _MD


# --- Citations, Pandoc style: [@key], [@key, p. 12], [see @a; @b, ch. 3] --------------------
# A key starts with a letter, digit or underscore and may hold : . - _ inside.
KEY = r"[A-Za-z0-9_](?:[A-Za-z0-9_:.\-]*[A-Za-z0-9_])?"
_ITEM = rf"[^@;\[\]]*?(?<![\w.])@{KEY}[^;\[\]]*"
CITATION = re.compile(rf"\[(?P<items>{_ITEM}(?:;{_ITEM})*)\](?![(\[])")
_ITEM_PARTS = re.compile(rf"^\s*(?P<prefix>[^@]*?)\s*(?<![\w.])@(?P<key>{KEY})(?P<locator>.*?)\s*$", re.S)


@dataclass
class CitationItem:
    key: str
    prefix: str = ""  # "see"
    locator: str = ""  # "p. 12" (the comma after the key is dropped)


@dataclass
class Citation:
    line: int  # 0-based line of the body
    col: int  # 1-based column of the opening bracket
    start: int  # offset in the text
    end: int
    items: list[CitationItem]


def citations(text: str) -> list[Citation]:
    """Every citation in a Markdown text, outside code spans and fenced code."""
    found = []
    for match in CITATION.finditer(_mask_code(text)):
        items = []
        for part in match["items"].split(";"):
            parts = _ITEM_PARTS.match(part)
            if parts:
                locator = parts["locator"].strip().removeprefix(",").strip()
                items.append(CitationItem(parts["key"], parts["prefix"].strip(), locator))
        line = text.count("\n", 0, match.start())
        col = match.start() - (text.rfind("\n", 0, match.start()) + 1) + 1
        found.append(Citation(line, col, match.start(), match.end(), items))
    return found


_CODE = re.compile(r"^(\s*)(```|~~~).*?^\1\2[^\n]*$|`[^`\n]+`", re.S | re.M)


def _mask_code(text: str) -> str:
    """The text with code blanked out (same length), so citations inside code are not seen."""
    return _CODE.sub(lambda m: re.sub(r"[^\n]", " ", m.group(0)), text)

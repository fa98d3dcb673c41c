"""The printable edition: every track and module in order on one page, each module as its
own page renders it, with the quizzes' questions, right answers and explanations shown.

The page's Markdown holds the track and module headings (so its table of contents lists
them) and a slot per module. Once every page is rendered, the slot receives that module's
HTML: its title dropped, headings moved two levels down, ids prefixed with the module id
(so they stay unique on the page), relative links re-based, and its quiz made a static,
read-only answer sheet (no scripts start on it; its controls are disabled).
"""
from __future__ import annotations

import html
import posixpath
import re
from urllib.parse import urljoin, urlsplit

from curriculum_tools.core.model import Curriculum
from curriculum_tools.site.pages.generated import GeneratedPage

SRC_URI = "print.md"
SLOT = '<div class="cq-print-slot" data-src="{src}"></div>'
TITLE = "Printable edition"


def print_edition_page(curriculum: Curriculum) -> list[GeneratedPage]:
    count = len(curriculum.modules)
    rows = [
        "---", "search:", "  exclude: true", "---", "",
        f"# {TITLE}",
        "",
        f"The whole curriculum on one page: {count} modules in {len(curriculum.tracks)} tracks, each with its quiz's "
        "questions, right answers and explanations. Use your browser's Print command to print it or save it as PDF; "
        "each module starts on a new sheet. To take a quiz and keep your progress, use the module's own page.",
        "",
    ]
    for track in curriculum.tracks:
        rows += [f"## {track.title}", "", track.summary, ""]
        for module in curriculum.modules_in(track.id):
            rows += [f"### {module.title} {{: #print-{module.id} .cq-print-module }}", "", SLOT.format(src=html.escape(module.src_uri)), ""]
    return [GeneratedPage(SRC_URI, TITLE, "\n".join(rows))]


FIRST_H1 = re.compile(r"<h1\b[^>]*>.*?</h1>\s*", re.S)
HEADING = re.compile(r"<(/?)h([1-6])\b")
ID_ATTR = re.compile(r'\b(id|for|aria-describedby|aria-labelledby|aria-controls|aria-owns|headers)="([^"]*)"')
URL_ATTR = re.compile(r'\b(href|src)="([^"]*)"')
DATA_MODULE = re.compile(r'\sdata-module="[^"]*"')
ANSWER_KEY = re.compile(r'<script type="application/json" class="cq-key">.*?</script>', re.S)
LANDMARK_LABEL = re.compile(r'(<aside\b[^>]*?)aria-label="([^"]*)"')  # one per module: name it after the module
CONTROL = re.compile(r"<(input|select|textarea|button)\b")


def module_for_print(content: str, module_id: str, module_url: str, print_url: str, title: str = "") -> str:
    prefix = f"{module_id}--"
    content = LANDMARK_LABEL.sub(lambda m: f'{m[1]}aria-label="{m[2]}: {html.escape(title or module_id)}"', content)
    content = FIRST_H1.sub("", content, count=1)
    content = HEADING.sub(lambda m: f"<{m[1]}h{min(int(m[2]) + 2, 6)}", content)
    content = ID_ATTR.sub(lambda m: f'{m[1]}="{" ".join(prefix + v for v in m[2].split())}"', content)
    content = URL_ATTR.sub(lambda m: f'{m[1]}="{_rebase(m[2], prefix, module_url, print_url)}"', content)
    content = DATA_MODULE.sub("", content)
    content = ANSWER_KEY.sub("", content)
    content = CONTROL.sub(lambda m: f"<{m[1]} disabled", content)
    return f'<div class="cq-print-edition">{content}</div>'


def _rebase(url: str, prefix: str, from_url: str, to_url: str) -> str:
    """A link of the module page, made to work from the print page."""
    if url.startswith("#"):
        return "#" + prefix + url[1:] if len(url) > 1 else url
    if urlsplit(url).scheme or url.startswith("/"):
        return url
    target = urlsplit(urljoin("http://site/" + from_url, url))
    rel = posixpath.relpath(target.path, posixpath.dirname(urlsplit("http://site/" + to_url).path))
    rel = "./" if rel == "." else rel + "/" if target.path.endswith("/") else rel
    return rel + (f"?{target.query}" if target.query else "") + (f"#{target.fragment}" if target.fragment else "")


def fill_print_edition(content: str, rendered: dict[str, tuple[str, str]], print_url: str, modules: dict) -> str:
    """Replace each module slot with that module's HTML (rendered: src_uri -> (html, url);
    modules: src_uri -> Module)."""

    def fill(match: re.Match) -> str:
        src = html.unescape(match["src"])
        if src not in rendered:
            return ""
        module_html, url = rendered[src]
        module = modules[src]
        return module_for_print(module_html, module.id, url, print_url, module.title)

    return re.sub(r'<div class="cq-print-slot" data-src="(?P<src>[^"]*)"></div>', fill, content)

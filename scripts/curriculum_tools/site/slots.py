"""One slot syntax for everything the build puts into a page after MkDocs has rendered it
(quizzes, checklist forms, the dashboard, the track list, the printable edition's modules):
a page's Markdown holds `<div data-slot="KIND" data-name="NAME"></div>`, and the plugin
fills every slot of the finished page in one pass, after the search plugin has indexed it,
so answers and forms stay out of search results."""

from __future__ import annotations

import html
import re
from collections.abc import Callable

# Either order of the two attributes, and white space inside: Markdown inside a `markdown` div
# (md_in_html: an English page shown in another language is wrapped in <div lang="en" markdown>)
# sorts them, and writes the div over two lines after text its HTML parser reads as the start
# of markup (an author's "<?", found by tests/test_property_render.py).
SLOT = re.compile(
    r'<div (?:data-slot="(?P<kind>[a-z-]+)" data-name="(?P<name>[^"]*)"|data-name="(?P<name2>[^"]*)" data-slot="(?P<kind2>[a-z-]+)")>\s*</div>'
)

# kind -> (name, page url) -> HTML, or None when the slot names nothing the build knows
Filler = Callable[[str, str], "str | None"]


def slot(kind: str, name: str = "") -> str:
    return f'<div data-slot="{kind}" data-name="{html.escape(name)}"></div>'


def fill(page_html: str, fillers: dict[str, Filler], page_url: str) -> tuple[str, list[str]]:
    """The page with every slot filled, and the slots nobody could fill ("kind:name")."""
    missing: list[str] = []

    def replace(match: re.Match) -> str:
        kind = match["kind"] or match["kind2"]
        name = html.unescape(match["name"] if match["kind"] else match["name2"])
        filler = fillers.get(kind)
        filled = filler(name, page_url) if filler else None
        if filled is None:
            missing.append(f"{kind}:{name}")
            return ""
        return filled

    return SLOT.sub(replace, page_html), missing

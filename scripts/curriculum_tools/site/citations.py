"""Citations [@id] become author-year links to the module's reference list."""
from __future__ import annotations

import html
import re

from curriculum_tools.core.model import Reference

CITATION = re.compile(r"\[(@[A-Za-z0-9-]+(?:\s*;\s*@[A-Za-z0-9-]+)*)\]")


def short_authors(authors: str) -> str:
    names = [a.strip() for a in re.split(r",(?![^()]*\))", authors) if a.strip()]
    surnames = [n.split()[0] if n.split() else n for n in names if not n.lower().startswith("et al")]
    if not surnames:
        return authors
    if len(surnames) == 1 and "et al" not in authors.lower():
        return surnames[0]
    if len(surnames) == 2 and "et al" not in authors.lower():
        return f"{surnames[0]} & {surnames[1]}"
    return f"{surnames[0]} et al."


def cite_label(ref: Reference) -> str:
    return f"{short_authors(ref.authors)}, {ref.year}"


def render_citations(markdown: str, references: list[Reference]) -> str:
    by_id = {r.id: r for r in references}

    def replace(match: re.Match) -> str:
        keys = re.findall(r"@([A-Za-z0-9-]+)", match.group(1))
        parts = []
        for key in keys:
            ref = by_id.get(key)
            label = html.escape(cite_label(ref)) if ref else html.escape(key)
            parts.append(f'<a class="cq-cite" href="#ref-{key}">{label}</a>')
        return "(" + "; ".join(parts) + ")"

    return CITATION.sub(replace, markdown)


def reference_html(ref: Reference) -> str:
    parts = [f"{html.escape(ref.authors)} ({ref.year}). {html.escape(ref.title)}. <em>{html.escape(ref.source)}</em>."]
    if ref.doi:
        parts.append(f' <a href="https://doi.org/{html.escape(ref.doi)}">doi:{html.escape(ref.doi)}</a>')
    elif ref.url:
        parts.append(f' <a href="{html.escape(ref.url)}">{html.escape(ref.url)}</a>')
    if ref.isbn:
        parts.append(f" ISBN {html.escape(ref.isbn)}.")
    if ref.note:
        parts.append(f' <span class="cq-ref-note">{html.escape(ref.note)}</span>')
    return f'<li id="ref-{ref.id}">{"".join(parts)}</li>'

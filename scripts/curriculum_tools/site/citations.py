"""Citations [@id] become author-year links to the module's reference list."""

from __future__ import annotations

import html
import re

from curriculum_tools.core.model import Reference
from curriculum_tools.load.markdown import citations

INITIALS = re.compile(r"^[A-Z][A-Z-]{0,4}\.?$")


def _surname(name: str) -> str:
    """A person written "Surname INITIALS" gives the surname (all of it: "van der Kolk"); an
    organisation keeps its name, without a bracketed gloss ("CMS (Centers for ...)" -> "CMS")."""
    name = re.sub(r"\s*\([^()]*\)\s*$", "", name).strip() or name  # "(ed.)", "(Centers for ...)"
    words = name.split()
    if len(words) >= 2 and INITIALS.match(words[-1]):
        return " ".join(words[:-1])
    return name


def short_authors(authors: str) -> str:
    names = [a.strip() for a in re.split(r",(?![^()]*\))", authors) if a.strip()]
    surnames = [_surname(n) for n in names if not n.lower().startswith("et al")]
    if not surnames:
        return authors
    if len(surnames) == 1 and "et al" not in authors.lower():
        return surnames[0]
    if len(surnames) == 2 and "et al" not in authors.lower():
        return f"{surnames[0]} & {surnames[1]}"
    return f"{surnames[0]} et al."


def cite_label(ref: Reference) -> str:
    return f"{short_authors(ref.authors)}, {ref.year}"


def render_citations(markdown: str, references: list[Reference], id_prefix: str = "") -> str:
    """Each citation becomes "(Author, year, locator; ...)" with links to the references."""
    by_id = {r.id: r for r in references}
    out, last = [], 0
    for citation in citations(markdown):
        parts = []
        for item in citation.items:
            ref = by_id.get(item.key)
            label = html.escape(cite_label(ref) if ref else item.key)
            prefix = f"{html.escape(item.prefix)} " if item.prefix else ""
            locator = f", {html.escape(item.locator)}" if item.locator else ""
            parts.append(
                f'{prefix}<a class="cq-cite" href="#{html.escape(id_prefix)}ref-{html.escape(item.key)}">{label}</a>{locator}'
            )
        out += [markdown[last : citation.start], "(" + "; ".join(parts) + ")"]
        last = citation.end
    out.append(markdown[last:])
    return "".join(out)


def reference_html(ref: Reference, id_prefix: str = "") -> str:
    parts = [f"{html.escape(ref.authors)} ({ref.year}). {html.escape(ref.title)}. <em>{html.escape(ref.source)}</em>."]
    if ref.doi:
        parts.append(f' <a href="https://doi.org/{html.escape(ref.doi)}">doi:{html.escape(ref.doi)}</a>')
    elif ref.url:
        parts.append(f' <a href="{html.escape(ref.url)}">{html.escape(ref.url)}</a>')
    if ref.isbn:
        parts.append(f" ISBN {html.escape(ref.isbn)}.")
    if ref.note:
        parts.append(f' <span class="cq-ref-note">{html.escape(ref.note)}</span>')
    return f'<li id="{html.escape(id_prefix)}ref-{html.escape(ref.id)}">{"".join(parts)}</li>'

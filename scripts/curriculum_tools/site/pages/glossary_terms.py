"""Glossary terms become abbreviation definitions, shown on hover on every page."""

from __future__ import annotations

from curriculum_tools.core.model import Curriculum
from curriculum_tools.site.sanitize import one_line

# What an abbreviation line `*[term]: definition` cannot hold: the term ends at "]" and
# Python-Markdown's abbr syntax refuses a backslash in it (rule unsafe-html reports both).
UNUSABLE_TERM = ("]", "\\")


def usable_term(term: str) -> bool:
    term = one_line(term)
    return bool(term) and not any(char in term for char in UNUSABLE_TERM)


def abbreviations(curriculum: Curriculum) -> str:
    """One line per term; line breaks in a term or definition become spaces, so neither can
    leave its line and become Markdown of every page. The definition is the abbreviation's
    title attribute: text, escaped by the Markdown library. A blank line between the lines
    makes each definition a block of its own: in one block, Python-Markdown's abbr processor
    takes one definition per pass and hands the rest back, and every block processor tests
    that rest again, which made two thirds of a build (21 s -> 6.5 s for this repository)."""
    lines = [f"*[{one_line(t.term)}]: {one_line(t.definition)}" for t in curriculum.glossary if usable_term(t.term)]
    return "\n\n" + "\n\n".join(lines) + "\n" if lines else ""

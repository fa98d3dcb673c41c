"""Glossary terms become abbreviation definitions, shown on hover on every page."""
from __future__ import annotations

from curriculum_tools.core.model import Curriculum


def abbreviations(curriculum: Curriculum) -> str:
    lines = [f"*[{t.term}]: {' '.join(t.definition.split())}" for t in curriculum.glossary]
    return "\n\n" + "\n".join(lines) + "\n" if lines else ""

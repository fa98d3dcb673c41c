"""Figures about the content, computed from the model: words, questions, question types and
references per module. Used by `curriculum stats` and in closing notes."""

from __future__ import annotations

import re
from dataclasses import dataclass

from curriculum_tools.core.model import Curriculum, Module

_CODE = re.compile(r"```.*?```", re.S)
_MARKUP = re.compile(r"\[@[^\]]*\]|<[^>]+>|\{[#.][^}]*\}|[#>*_`|]|!!!\s*\w+|\?\?\?\s*\w+")


@dataclass
class ModuleStats:
    track: str
    module: str
    words: int
    objectives: int
    questions: int
    types: list[str]
    references: int
    dois: int


def body_words(module: Module) -> int:
    text = _MARKUP.sub(" ", _CODE.sub(" ", module.body))
    return len([w for w in text.split() if re.search(r"\w", w)])


def module_stats(curriculum: Curriculum) -> list[ModuleStats]:
    rows = []
    for track in curriculum.tracks:
        for module in curriculum.modules_in(track.id):
            quiz = curriculum.quiz(module.quiz_id) if module.quiz_id else None
            scored = [q for q in quiz.all_questions() if q.scored] if quiz else []
            types = sorted({q.type for q in quiz.questions}) if quiz else []
            rows.append(
                ModuleStats(
                    track=track.id,
                    module=module.id,
                    words=body_words(module),
                    objectives=len(module.objectives),
                    questions=len(scored),
                    types=types,
                    references=len(module.references),
                    dois=sum(1 for r in module.references if r.doi),
                )
            )
    return rows

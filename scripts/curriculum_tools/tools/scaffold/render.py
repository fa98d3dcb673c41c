"""Pure functions that turn answers into the text of a new content file: (relative path, text)."""

from __future__ import annotations

import datetime as dt
import json
import re

from curriculum_tools.tools.scaffold import templates

ID_PATTERN = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
STANDARD_SECTIONS = ("case-vignette", "reflection-questions", "key-points")
PLACEHOLDER_COMPETENCY = "todo-competency"


def slugify(text: str) -> str:
    return "-".join(re.findall(r"[a-z0-9]+", text.lower()))[:60].strip("-")


def quoted(text: str) -> str:
    """A YAML double-quoted scalar (JSON strings are valid YAML)."""
    return json.dumps(" ".join(text.split()), ensure_ascii=False)


def _competency_list(competencies: list[str], known: list[str]) -> tuple[str, str]:
    listing = ", ".join(known) if known else "(none yet)"
    return ", ".join(competencies or [PLACEHOLDER_COMPETENCY]), listing


def module(
    *,
    id: str,
    title: str,
    track: str,
    order: int,
    competencies: list[str],
    known_competencies: list[str],
    today: dt.date,
) -> tuple[str, str]:
    chosen, listing = _competency_list(competencies, known_competencies)
    text = templates.MODULE.substitute(
        id=id,
        title=quoted(title),
        track=track,
        order=order,
        competencies=chosen,
        competency_ids=listing,
        quiz=f"{id}-quiz",
        year=today.year,
        today=today.isoformat(),
    )
    return f"curriculum/{track}/{id}.md", text


def quiz(*, id: str, module_id: str, title: str, objectives: list[str], anchors: list[str]) -> tuple[str, str]:
    teaching = [a for a in anchors if not a.startswith(STANDARD_SECTIONS)]
    parts = [
        templates.QUIZ_HEADER.substitute(
            id=id, module=module_id, title=quoted(title), anchors=", ".join(teaching) or "(none yet)"
        )
    ]
    for n, objective in enumerate(objectives or ["todo-objective"], start=1):
        question_id = f"{objective}-question" if objective else f"todo-question-{n}"
        parts.append(
            templates.QUIZ_QUESTION.substitute(question_id=question_id, objective=objective, section="todo-section")
        )
    parts.append(templates.QUIZ_REFLECTION)
    return f"quizzes/{id}.yml", "".join(parts)


def checklist(*, id: str, title: str, competencies: list[str], known_competencies: list[str]) -> tuple[str, str]:
    chosen, listing = _competency_list(competencies, known_competencies)
    parts = [
        templates.CHECKLIST_HEADER.substitute(id=id, title=quoted(title), competencies=chosen, competency_ids=listing)
    ]
    for n, competency in enumerate(competencies or [PLACEHOLDER_COMPETENCY], start=1):
        parts.append(templates.CHECKLIST_ITEM.substitute(n=n, competency=competency))
    return f"checklists/{id}.yml", "".join(parts)

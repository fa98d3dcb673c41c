"""The typed model of the whole curriculum, built from schema-valid content files."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, replace
from typing import Any

from curriculum_tools.core.problems import ERROR, Problem
from curriculum_tools.load.yaml import Positions, position


@dataclass
class Source:
    """One content file as loaded: its data and where each part of it was written."""

    path: str  # relative to the content root, with forward slashes
    kind: str
    data: Any
    positions: Positions
    body: str = ""
    body_line: int = 1

    def pos(self, path=()) -> tuple[int, int]:
        return position(self.positions, path)

    def problem(self, path, message: str, rule: str, severity: str = ERROR) -> Problem:
        line, col = self.pos(path)
        return Problem(self.path, line, col, message, rule, severity)


@dataclass
class Track:
    id: str
    title: str
    summary: str
    index: int


@dataclass
class Competency:
    id: str
    statement: str
    domain: str


@dataclass
class Domain:
    id: str
    title: str
    competencies: list[Competency]


@dataclass
class RatingLevel:
    id: str
    label: str
    description: str
    level: int | None


@dataclass
class Framework:
    title: str
    version: int
    scale_description: str
    levels: list[RatingLevel]
    domains: list[Domain]
    source: Source

    @property
    def competencies(self) -> dict[str, Competency]:
        return {c.id: c for d in self.domains for c in d.competencies}


@dataclass
class Reference:
    id: str
    authors: str
    year: int
    title: str
    source: str
    doi: str | None = None
    url: str | None = None
    isbn: str | None = None
    note: str | None = None


@dataclass
class Review:
    author: str
    reviewer_role: str
    last_reviewed: dt.date
    interval_months: int

    @property
    def due(self) -> dt.date:
        month = self.last_reviewed.month - 1 + self.interval_months
        year = self.last_reviewed.year + month // 12
        month = month % 12 + 1
        day = min(self.last_reviewed.day, 28)
        if year > dt.MAXYEAR:  # reviewed in year 9999: rule future-date reports the date itself
            return dt.date.max
        return dt.date(year, month, day)


@dataclass
class Module:
    id: str
    title: str
    track: str
    order: int
    summary: str
    estimated_minutes: int
    objectives: dict[str, str]
    competencies: list[str]
    quiz_id: str | None
    references: list[Reference]
    review: Review
    body: str
    anchors: list[str]  # the heading ids of the module's page, as the site renders them
    source: Source

    @property
    def src_uri(self) -> str:
        """Path relative to the curriculum folder, as mkdocs knows the page."""
        return self.source.path.split("/", 1)[1]


@dataclass
class Option:
    id: str
    text: str
    correct: bool
    feedback: str


@dataclass
class Question:
    id: str
    type: str
    prompt: str
    path: tuple  # where it sits in the quiz file's data, for line numbers
    objective: str | None = None
    section: str | None = None
    explanation: str = ""
    hint: str | None = None
    options: list[Option] = field(default_factory=list)
    answer: bool | None = None
    feedback_true: str = ""
    feedback_false: str = ""
    items: list[tuple[str, str]] = field(default_factory=list)  # (id, text) in correct order
    pairs: list[tuple[str, str, str]] = field(default_factory=list)  # (id, prompt, match)
    distractors: list[str] = field(default_factory=list)
    guidance: str | None = None
    title: str | None = None
    vignette: str | None = None
    questions: list["Question"] = field(default_factory=list)

    @property
    def scored(self) -> bool:
        return self.type not in ("reflection", "scenario")


@dataclass
class Quiz:
    id: str
    module_id: str
    title: str
    pass_mark: int
    mode: str
    shuffle: bool
    partial_credit: bool
    questions: list[Question]
    source: Source

    def numbers(self) -> dict[str, int | None]:
        """The number each question is shown with: scored questions count 1, 2, 3 ... in
        order, a scenario's questions included; reflections and scenarios have none."""
        numbers: dict[str, int | None] = {}
        count = 0
        for question in self.all_questions():
            if question.type != "scenario" and question.scored:
                count += 1
                numbers[question.id] = count
            else:
                numbers[question.id] = None
        return numbers

    def all_questions(self) -> list[Question]:
        """Every question, with scenario sub-questions in place of their scenario."""
        out: list[Question] = []
        for question in self.questions:
            out.extend(question.questions if question.type == "scenario" else [question])
        return out


@dataclass
class ChecklistItem:
    id: str
    text: str
    competencies: list[str]
    required: bool
    guidance: str | None


@dataclass
class Checklist:
    id: str
    version: int
    title: str
    purpose: str
    setting: str
    competencies: list[str]
    guidance: str
    items: list[ChecklistItem]
    source: Source


@dataclass
class Requirement:
    """What one competency needs for sign-off (signoff.yml: default merged with an override)."""

    min_rating: str
    min_sessions: int
    min_observers: int
    signed_off_only: bool
    count_older_versions: bool
    checklists: list[str] | None = None  # None: every checklist that observes the competency
    note: str | None = None
    min_contexts: int | None = None  # distinct session contexts among the sessions that count


@dataclass
class Signoff:
    title: str
    version: int
    description: str
    default: Requirement
    overrides: dict[str, Requirement]  # competency id -> its requirement
    source: Source

    def requirement(self, competency_id: str) -> Requirement:
        return self.overrides.get(competency_id, self.default)


@dataclass
class GlossaryTerm:
    term: str
    definition: str
    source: Source
    index: int


@dataclass
class Curriculum:
    root: str
    tracks: list[Track] = field(default_factory=list)
    framework: Framework | None = None
    glossary: list[GlossaryTerm] = field(default_factory=list)
    modules: list[Module] = field(default_factory=list)
    quizzes: list[Quiz] = field(default_factory=list)
    checklists: list[Checklist] = field(default_factory=list)
    signoff: Signoff | None = None  # signoff.yml, when the tree has one
    pages: list[Source] = field(default_factory=list)  # plain Markdown pages (home, about)
    sources: list[Source] = field(default_factory=list)  # every schema-valid file
    broken_ids: set[str] = field(default_factory=set)  # ids of files that failed to parse or their schema

    def module(self, module_id: str) -> Module | None:
        return next((m for m in self.modules if m.id == module_id), None)

    def quiz(self, quiz_id: str) -> Quiz | None:
        return next((q for q in self.quizzes if q.id == quiz_id), None)

    def only_tracks(self, track_ids) -> Curriculum:
        """The same curriculum with only these tracks, their modules and their quizzes."""
        wanted = set(track_ids)
        modules = [m for m in self.modules if m.track in wanted]
        kept = {m.id for m in modules}
        return replace(
            self, tracks=[t for t in self.tracks if t.id in wanted], modules=modules,
            quizzes=[q for q in self.quizzes if q.module_id in kept],
        )

    def modules_in(self, track_id: str) -> list[Module]:
        return sorted((m for m in self.modules if m.track == track_id), key=lambda m: (m.order, m.id))

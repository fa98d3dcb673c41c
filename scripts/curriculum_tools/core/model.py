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
    hash: str = ""  # content hash of the file (load/translations.py), for translations' staleness
    language: str = "en"  # a translated file's language (name.<lang>.md)

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
        """Path relative to the curriculum folder, as mkdocs knows the page (a translation's
        is its source's: the page is the same page in another language)."""
        return english_path(self.source.path).split("/", 1)[1]


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
    questions: list[Question] = field(default_factory=list)

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
    scenario_id: str | None = None  # the scenario played as the role-play brief, when named


@dataclass
class Say:
    speaker: str
    text: str


@dataclass
class Choice:
    id: str
    text: str
    next: str
    feedback: str
    path: tuple  # where it sits in the scenario file's data


@dataclass
class ScenarioNode:
    id: str
    text: str
    choices: list[Choice]
    path: tuple
    title: str | None = None
    says: list[Say] = field(default_factory=list)


@dataclass
class Ending:
    id: str
    rating: str  # safe | partly_safe | unsafe
    title: str
    outcome: str
    debrief: str
    path: tuple


@dataclass
class Scenario:
    """A branching role-play (scenarios/<id>.yml): nodes with choices leading to nodes or
    endings. Indexes by id are built once; ids are unique after rule duplicate-id."""

    id: str
    module_id: str
    title: str
    summary: str
    estimated_minutes: int
    objectives: list[str]
    competencies: list[str]
    situation: str
    start: str
    nodes: list[ScenarioNode]
    endings: list[Ending]
    references: list[Reference]
    review: Review
    source: Source
    jurisdiction: str | None = None
    node_by_id: dict[str, ScenarioNode] = field(default_factory=dict, repr=False)
    ending_by_id: dict[str, Ending] = field(default_factory=dict, repr=False)

    def __post_init__(self):
        for node in self.nodes:
            self.node_by_id.setdefault(node.id, node)
        for ending in self.endings:
            self.ending_by_id.setdefault(ending.id, ending)

    def target(self, target_id: str) -> ScenarioNode | Ending | None:
        """The node or ending a choice's next names (nodes first), or None."""
        return self.node_by_id.get(target_id) or self.ending_by_id.get(target_id)

    def reading_order(self) -> list[ScenarioNode]:
        """Nodes breadth first from start, following choices in order (each node comes after
        the first node that leads to it); nodes not reached from start follow in file order.
        The page renders nodes in this order, so reading it top to bottom makes sense."""
        order: list[str] = []
        queue = [self.start] if self.start in self.node_by_id else []
        while queue:
            node_id = queue.pop(0)
            if node_id in order:
                continue
            order.append(node_id)
            queue.extend(
                c.next for c in self.node_by_id[node_id].choices if c.next in self.node_by_id and c.next not in order
            )
        rest = [n.id for n in self.nodes if n.id not in order]
        return [self.node_by_id[node_id] for node_id in order + rest]

    def reachable(self) -> set[str]:
        """Ids of the nodes and endings a trainee can reach from start."""
        seen: set[str] = set()
        stack = [self.start]
        while stack:
            target = stack.pop()
            if target in seen or self.target(target) is None:
                continue
            seen.add(target)
            node = self.node_by_id.get(target)
            if node:
                stack.extend(c.next for c in node.choices)
        return seen

    def can_end(self) -> set[str]:
        """Ids of the nodes from which some path reaches an ending. A choice whose next
        resolves to nothing counts as a way out (rule scenario-next reports it), so a broken
        link is reported once, not again as a dead end."""
        good = set(self.ending_by_id)
        changed = True
        while changed:
            changed = False
            for node in self.nodes:
                if node.id not in good and any(c.next in good or self.target(c.next) is None for c in node.choices):
                    good.add(node.id)
                    changed = True
        return good

    def closed_loops(self) -> list[list[ScenarioNode]]:
        """Loops without a way out: groups of nodes that lead only to one another, never to an
        ending (the sink components of the nodes that cannot end), each in file order."""
        stuck = [n for n in self.nodes if n.id not in self.can_end()]
        ids = {n.id for n in stuck}
        reach = {n.id: self._reach_within(n.id, ids) for n in stuck}
        loops, placed = [], set()
        for node in stuck:
            if node.id in placed:
                continue
            component = {m for m in reach[node.id] if node.id in reach[m]}
            # a sink: everything it reaches is in it
            if reach[node.id] <= component:
                group = [n for n in stuck if n.id in component]
                loops.append(group)
                placed |= component
        return loops

    def _reach_within(self, start: str, ids: set[str]) -> set[str]:
        seen, stack = set(), [start]
        while stack:
            node_id = stack.pop()
            if node_id in seen:
                continue
            seen.add(node_id)
            stack.extend(c.next for c in self.node_by_id[node_id].choices if c.next in ids)
        return seen

    def texts(self):
        """(data path, Markdown text) of every Markdown field, in file order: what the
        citation and text rules read."""
        yield ("situation",), self.situation
        if self.jurisdiction:
            yield ("jurisdiction",), self.jurisdiction
        for node in self.nodes:
            yield node.path + ("text",), node.text
            for i, say in enumerate(node.says):
                yield node.path + ("says", i, "text"), say.text
            for choice in node.choices:
                yield choice.path + ("text",), choice.text
                yield choice.path + ("feedback",), choice.feedback
        for ending in self.endings:
            yield ending.path + ("outcome",), ending.outcome
            yield ending.path + ("debrief",), ending.debrief


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


def english_path(path: str) -> str:
    """The path of the source a translated file translates (a.es.md -> a.md); a source's own path."""
    from curriculum_tools.load.translations import split_language

    return split_language(path)[0]


@dataclass
class Translation:
    """One translated file: what it says it translates (translation.source, .source_hash) and
    the model built from it (a Module, a Quiz, glossary terms, the tracks; None for a plain page)."""

    language: str
    kind: str  # module, quiz, glossary, tracks, page
    source: Source  # the translated file
    source_path: str  # translation.source as written
    source_hash: str  # translation.source_hash as written
    item: Any = None

    @property
    def expected_source(self) -> str:
        """The source a file of this name translates (next to it, without the language)."""
        return english_path(self.source.path)


@dataclass
class Curriculum:
    root: str
    tracks: list[Track] = field(default_factory=list)
    framework: Framework | None = None
    glossary: list[GlossaryTerm] = field(default_factory=list)
    modules: list[Module] = field(default_factory=list)
    quizzes: list[Quiz] = field(default_factory=list)
    checklists: list[Checklist] = field(default_factory=list)
    scenarios: list[Scenario] = field(default_factory=list)
    signoff: Signoff | None = None  # signoff.yml, when the tree has one
    pages: list[Source] = field(default_factory=list)  # plain Markdown pages (home, about)
    sources: list[Source] = field(default_factory=list)  # every schema-valid file
    broken_ids: set[str] = field(default_factory=set)  # ids of files that failed to parse or their schema
    translations: list[Translation] = field(default_factory=list)  # valid translated files, every language
    hashes: dict[str, str] = field(default_factory=dict)  # path -> content hash of every file read
    language: str = "en"  # the language of this view (localized)

    @property
    def languages(self) -> list[str]:
        """The languages that have at least one translation, sorted."""
        return sorted({t.language for t in self.translations})

    def translation_of(self, path: str, language: str) -> Translation | None:
        return next((t for t in self.translations if t.language == language and t.expected_source == path), None)

    def is_stale(self, translation: Translation) -> bool:
        current = self.hashes.get(translation.source_path)
        return current is not None and current != translation.source_hash

    def localized(self, language: str) -> Curriculum:
        """The curriculum as a reader of `language` sees it: each translated module, quiz,
        glossary file and page in place of its source, the track titles and summaries of
        tracks.<lang>.yml, the rest in English (fallback).
        Ids are the same in every language, so progress and records are shared."""
        if language == self.language:
            return self
        import dataclasses

        mine = {t.expected_source: t for t in self.translations if t.language == language and t.item is not None}
        pages = {t.expected_source: t.source for t in self.translations if t.language == language and t.kind == "page"}

        def swap(items, path_of):
            return [mine[path_of(x)].item if path_of(x) in mine else x for x in items]

        glossary: list[GlossaryTerm] = []
        done: set[str] = set()
        for term in self.glossary:
            path = term.source.path
            if path in mine:
                if path not in done:
                    glossary.extend(mine[path].item)
                    done.add(path)
            else:
                glossary.append(term)
        # by id, so a package's subset of tracks (only_tracks) keeps its subset and order
        track_text = {t.id: t for t in mine["tracks.yml"].item} if "tracks.yml" in mine else {}
        tracks = [
            dataclasses.replace(t, title=track_text[t.id].title, summary=track_text[t.id].summary)
            if t.id in track_text
            else t
            for t in self.tracks
        ]
        return dataclasses.replace(
            self,
            tracks=tracks,
            modules=swap(self.modules, lambda m: m.source.path),
            quizzes=swap(self.quizzes, lambda q: q.source.path),
            glossary=glossary,
            pages=[pages.get(p.path, p) for p in self.pages],
            language=language,
        )

    def needs_framework(self) -> Framework:
        """competencies.yml's framework, for code that only ever runs on a curriculum that has
        one (the sign-off and credential commands load theirs with
        cli/commands/_common.py curriculum_for_signoff, which refuses a curriculum without)."""
        if self.framework is None:
            raise ValueError(f"{self.root}: no competency framework (competencies.yml)")
        return self.framework

    def needs_signoff(self) -> Signoff:
        """signoff.yml's rules, for code that only ever runs on a curriculum that has them (as
        needs_framework)."""
        if self.signoff is None:
            raise ValueError(f"{self.root}: no sign-off rules (signoff.yml)")
        return self.signoff

    def module(self, module_id: str) -> Module | None:
        return next((m for m in self.modules if m.id == module_id), None)

    def quiz(self, quiz_id: str) -> Quiz | None:
        return next((q for q in self.quizzes if q.id == quiz_id), None)

    def scenario(self, scenario_id: str) -> Scenario | None:
        return self.scenario_by_id().get(scenario_id)

    def scenario_by_id(self) -> dict[str, Scenario]:
        """Scenarios by id (the first of a repeated id: rule duplicate-id reports the rest)."""
        index: dict[str, Scenario] = {}
        for scenario in self.scenarios:
            index.setdefault(scenario.id, scenario)
        return index

    def scenarios_of(self, module_id: str) -> list[Scenario]:
        """The scenarios that rehearse a module, in id order."""
        return sorted((s for s in self.scenarios if s.module_id == module_id), key=lambda s: s.id)

    def only_tracks(self, track_ids) -> Curriculum:
        """The same curriculum with only these tracks, their modules, quizzes and scenarios."""
        wanted = set(track_ids)
        modules = [m for m in self.modules if m.track in wanted]
        kept = {m.id for m in modules}
        return replace(
            self,
            tracks=[t for t in self.tracks if t.id in wanted],
            modules=modules,
            quizzes=[q for q in self.quizzes if q.module_id in kept],
            scenarios=[s for s in self.scenarios if s.module_id in kept],
        )

    def modules_in(self, track_id: str) -> list[Module]:
        return sorted((m for m in self.modules if m.track == track_id), key=lambda m: (m.order, m.id))

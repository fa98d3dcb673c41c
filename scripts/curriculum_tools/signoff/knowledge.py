"""Knowledge evidence: quiz or exam results from a CSV file, against signoff.yml's knowledge
requirements (a minimum score per module, or for every module of a track).

The results file (documented in AUTHORING.md) has a header row and the columns
    trainee, item, score, date, source
item is a module id or a quiz id; score is a percentage 0-100; date is YYYY-MM-DD; source says
where the result came from (an LMS gradebook export, a marked exam paper). The source
"self-reported" marks a result a trainee exported from their own browser: it counts only
where signoff.yml says `self_reported: true`, and is labelled as such everywhere."""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field
from pathlib import Path

from curriculum_tools.core.model import Curriculum
from curriculum_tools.core.problems import WARNING, Problem, Result
from curriculum_tools.signoff.certification import same_person
from curriculum_tools.signoff.evaluate import Reason
from curriculum_tools.site.i18n import t

COLUMNS = ["trainee", "item", "score", "date", "source"]
SELF = "self-reported"


@dataclass
class KnowledgeResult:
    trainee: str
    module: str  # module id
    score: float
    date: str
    source: str
    where: str  # file:line

    @property
    def self_reported(self) -> bool:
        return self.source.casefold() == SELF


@dataclass
class Requirement:
    module: str
    min_score: float
    label: str  # "module demo-module" or "track demo: module demo-module"
    track: str | None = None  # the track the requirement comes from, if any

    def words(self, language: str | None = None) -> str:
        """The label in a language of the catalogue (the label itself is the English)."""
        if self.track:
            return t("report.knowledge.trackModule", language, track=self.track, module=self.module)
        return t("report.knowledge.module", language, module=self.module)


@dataclass
class Standing:
    requirement: Requirement
    met: bool
    best: KnowledgeResult | None  # the best counted result
    note: str  # why not met, or which source (in English: knowledge.csv and the report hash)
    why: Reason | None = None  # the note as data, for the report page in its language

    @property
    def text(self) -> str:
        return f"{self.requirement.label}: {'met' if self.met else 'not met'} ({self.note})"


@dataclass
class Settings:
    requirements: list[Requirement] = field(default_factory=list)
    self_reported: bool = False


def settings(curriculum: Curriculum) -> Settings:
    data = (curriculum.signoff.source.data or {}).get("knowledge") if curriculum.signoff else None
    if not data:
        return Settings()
    out = Settings(self_reported=bool(data.get("self_reported", False)))
    for item in data.get("requirements", []):
        if "module" in item:
            out.requirements.append(Requirement(item["module"], item["min_score"], f"module {item['module']}"))
        else:
            for module in curriculum.modules_in(item["track"]):
                out.requirements.append(
                    Requirement(
                        module.id, item["min_score"], f"track {item['track']}: module {module.id}", item["track"]
                    )
                )
    return out


def read(paths: list[Path], curriculum: Curriculum, result: Result) -> list[KnowledgeResult]:
    """Every usable row of the results files; each problem at file:line:col."""
    modules = {m.id for m in curriculum.modules}
    quiz_to_module = {q.id: q.module_id for q in curriculum.quizzes}
    out = []
    for path in paths:
        shown = path.as_posix()
        result.files_checked += 1
        try:
            text = path.read_bytes().decode("utf-8-sig")
        except FileNotFoundError:
            result.add(Problem(shown, 1, 1, "no such results file", "missing-file"))
            continue
        except (OSError, UnicodeDecodeError) as exc:
            result.add(Problem(shown, 1, 1, f"cannot read the results file as UTF-8 text ({exc})", "knowledge"))
            continue
        rows = list(csv.reader(io.StringIO(text)))
        if not rows or [c.strip().casefold() for c in rows[0]] != COLUMNS:
            result.add(Problem(shown, 1, 1, f"the first row must be the header {','.join(COLUMNS)}", "knowledge"))
            continue
        for number, row in enumerate(rows[1:], 2):
            if not any(cell.strip() for cell in row):
                continue
            if len(row) != len(COLUMNS):
                result.add(
                    Problem(
                        shown,
                        number,
                        1,
                        f"expected {len(COLUMNS)} columns ({', '.join(COLUMNS)}), found {len(row)}",
                        "knowledge",
                    )
                )
                continue
            trainee, item, score, date, source = (c.strip() for c in row)
            col = lambda i, row=row: sum(len(c) + 1 for c in row[:i]) + 1  # column of cell i (unquoted files)
            module = item if item in modules else quiz_to_module.get(item)
            if not trainee:
                result.add(Problem(shown, number, col(0), "trainee is empty", "knowledge"))
                continue
            if module is None:
                result.add(
                    Problem(
                        shown,
                        number,
                        col(1),
                        f"'{item}' is neither a module id nor a quiz id of this curriculum",
                        "knowledge",
                    )
                )
                continue
            try:
                value = float(score.rstrip("%"))
                if not 0 <= value <= 100:
                    raise ValueError
            except ValueError:
                result.add(
                    Problem(shown, number, col(2), f"score '{score}' is not a percentage from 0 to 100", "knowledge")
                )
                continue
            if len(date) != 10 or not _is_date(date):
                result.add(Problem(shown, number, col(3), f"date '{date}' is not a date (YYYY-MM-DD)", "knowledge"))
                continue
            if not source:
                result.add(
                    Problem(
                        shown,
                        number,
                        col(4),
                        "source is empty: say where the result came from (e.g. a gradebook export)",
                        "knowledge",
                    )
                )
                continue
            out.append(KnowledgeResult(" ".join(trainee.split()), module, value, date, source, f"{shown}:{number}"))
    return out


def _is_date(text: str) -> bool:
    import datetime as dt

    try:
        dt.date.fromisoformat(text)
        return True
    except ValueError:
        return False


def evaluate(
    config: Settings, results: list[KnowledgeResult], trainee: str, as_of: str | None = None
) -> list[Standing]:
    own = [r for r in results if same_person(r.trainee, trainee) and (as_of is None or r.date <= as_of)]
    out = []
    for req in config.requirements:
        mine = [r for r in own if r.module == req.module]
        counted = [r for r in mine if config.self_reported or not r.self_reported]
        best = max(counted, key=lambda r: (r.score, r.date), default=None)
        need = f"{req.min_score:g}"
        if best is not None:
            found = {"score": f"{best.score:g}", "date": best.date, "source": best.source}
            self_ = "Self" if best.self_reported else ""
        if best is not None and best.score >= req.min_score:
            why = Reason(f"knowledge.result{self_}", found)
            out.append(Standing(req, True, best, why.text("en"), why))
            continue
        if best is not None:
            why = Reason(f"knowledge.best{self_}", {**found, "min": need})
        elif mine:
            why = Reason("knowledge.onlySelf", {"n": len(mine), "min": need})
        else:
            why = Reason("knowledge.none", {"min": need})
        out.append(Standing(req, False, best, why.text("en"), why))
    return out


def warn_unused(config: Settings, results: list[KnowledgeResult], result: Result) -> None:
    if not config.self_reported:
        for r in results:
            if r.self_reported:
                path, line = r.where.rsplit(":", 1)
                result.add(
                    Problem(
                        path,
                        int(line),
                        1,
                        f"self-reported result for {r.trainee} ({r.module}) not counted: signoff.yml knowledge.self_reported is false",
                        "knowledge",
                        WARNING,
                    )
                )


def cohort(config: Settings, results: list[KnowledgeResult], trainees: list[str], as_of: str | None = None):
    """[(trainee, [Standing])] for everyone in the records or the results, in name order."""
    names: dict[str, str] = {}
    for name in [*trainees, *(r.trainee for r in results)]:
        names.setdefault(" ".join(name.split()).casefold(), name)
    return [(names[k], evaluate(config, results, names[k], as_of)) for k in sorted(names)]


KNOWLEDGE_COLUMNS = [
    "trainee",
    "requirement",
    "module",
    "min_score",
    "status",
    "best_score",
    "date",
    "source",
    "self_reported",
    "note",
]


def to_csv(per_trainee) -> str:
    from curriculum_tools.signoff.outputs import _cell

    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(KNOWLEDGE_COLUMNS)
    for trainee, standings in per_trainee:
        for s in standings:
            b = s.best
            writer.writerow(
                [
                    _cell(v)
                    for v in (
                        trainee,
                        s.requirement.label,
                        s.requirement.module,
                        f"{s.requirement.min_score:g}",
                        "met" if s.met else "not met",
                        f"{b.score:g}" if b else "",
                        b.date if b else "",
                        b.source if b else "",
                        ("yes" if b.self_reported else "no") if b else "",
                        s.note,
                    )
                ]
            )
    return out.getvalue()

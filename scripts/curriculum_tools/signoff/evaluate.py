"""Apply signoff.yml to the records: for each trainee and competency, a status (signed off,
not yet, no evidence), the evidence counted and, when not signed off, why not."""

from __future__ import annotations

from dataclasses import dataclass, field

from curriculum_tools.core.model import Competency, Curriculum, Requirement
from curriculum_tools.signoff.records import Record

SIGNED_OFF, NOT_YET, NO_EVIDENCE = "signed off", "not yet", "no evidence"


@dataclass
class Row:
    trainee: str
    domain: str
    competency: Competency
    requirement: Requirement
    status: str
    sessions: int  # distinct dates of sessions that met the requirement
    observers: list[str]  # distinct observers of those sessions
    latest: str  # the latest rating for this competency, with its date
    reasons: list[str] = field(default_factory=list)

    @property
    def reason(self) -> str:
        return "; ".join(self.reasons)


def evaluate(curriculum: Curriculum, records: list[Record]) -> list[Row]:
    """One row per trainee and competency: trainees by name, competencies in framework order."""
    framework, signoff = curriculum.needs_framework(), curriculum.needs_signoff()
    levels = {lvl.id: lvl for lvl in framework.levels}
    domains = {d.id: d.title for d in framework.domains}
    trainees: dict[str, list[Record]] = {}
    names: dict[str, str] = {}
    for record in sorted(records, key=lambda r: (r.date, r.updated)):
        key = record.trainee.casefold()
        names.setdefault(key, record.trainee)
        trainees.setdefault(key, []).append(record)
    rows = []
    for key in sorted(trainees, key=lambda k: names[k].casefold()):
        for competency in framework.competencies.values():
            requirement = signoff.requirement(competency.id)
            row = _assess(trainees[key], competency, requirement, levels)
            rows.append(Row(names[key], domains[competency.domain], competency, requirement, *row))
    return rows


def _level(record: Record, competency_id: str, levels) -> tuple[int | None, str]:
    """The record's rating for a competency: the lowest rating of the checklist's required items
    that observe it (or the highest of any item that does, when none is required)."""
    items = [item for item in record.checklist.items if competency_id in item.competencies]
    required = [item for item in items if item.required]
    if required:
        for item in required:
            rating = levels.get(record.ratings.get(item.id, ""))  # unrated, or a level with no number ("not observed")
            if rating is None or rating.level is None:
                return None, f"required item '{item.id}' not rated"
        lowest = min(required, key=lambda item: levels[record.ratings[item.id]].level)
        return levels[record.ratings[lowest.id]].level, f"'{lowest.id}' rated {levels[record.ratings[lowest.id]].label}"
    rated = [
        levels[record.ratings[i.id]]
        for i in items
        if i.id in record.ratings and levels[record.ratings[i.id]].level is not None
    ]
    if not rated:
        return None, "not rated"
    best = max(rated, key=lambda lvl: lvl.level)
    return best.level, f"rated {best.label}"


def _assess(records: list[Record], competency: Competency, req: Requirement, levels):
    minimum = levels[req.min_rating]
    label = {lvl.level: lvl.label for lvl in levels.values() if lvl.level is not None}
    relevant = [r for r in records if any(competency.id in item.competencies for item in r.checklist.items)]
    if req.checklists is not None:
        relevant = [r for r in relevant if r.checklist.id in req.checklists]
    rated = [(r, *_level(r, competency.id, levels)) for r in relevant]
    if not any(level is not None for _, level, _ in rated):
        which = f"{' or '.join(req.checklists)} " if req.checklists else ""
        return NO_EVIDENCE, 0, [], "", [f"no {which}record rates it yet"]
    unsigned = [r for r, level, _ in rated if req.signed_off_only and not r.signed_off and level is not None]
    old = [r for r, level, _ in rated if not req.count_older_versions and r.older and level is not None]
    counted = [(r, level, why) for r, level, why in rated if r not in unsigned and r not in old]
    meeting = [r for r, level, _ in counted if level is not None and level >= minimum.level]
    sessions = len({r.date for r in meeting})
    observers = sorted({r.observer.casefold(): r.observer for r in meeting}.values(), key=str.casefold)
    latest_rated = [(r, level) for r, level, _ in counted if level is not None]
    latest = f"{label[latest_rated[-1][1]]}, {latest_rated[-1][0].date}" if latest_rated else ""
    contexts = len({r.context.casefold() for r in meeting if r.context})
    enough_contexts = not req.min_contexts or contexts >= req.min_contexts
    if sessions >= req.min_sessions and len(observers) >= req.min_observers and enough_contexts:
        return SIGNED_OFF, sessions, observers, latest, []
    reasons = []
    if sessions < req.min_sessions:
        reasons.append(
            f"needs {req.min_sessions} session{'s' * (req.min_sessions > 1)} rated ≥ {minimum.label}, has {sessions}"
        )
    if len(observers) < req.min_observers:
        who = f" ({', '.join(observers)})" if observers else ""
        reasons.append(f"needs {req.min_observers} observers, has {len(observers)}{who}")
    if not enough_contexts:
        reasons.append(f"needs sessions in {req.min_contexts} different contexts, has {contexts}")
    short = [(r, why) for r, level, why in counted if level is None or level < minimum.level]
    if short:
        r, why = short[-1]
        reasons.append(f"latest short of it: {why} ({r.checklist.id}, {r.date}, {r.observer})")
    if unsigned:
        reasons.append(f"{len(unsigned)} record{'s' * (len(unsigned) > 1)} not signed off by a supervisor, not counted")
    if old:
        reasons.append(f"{len(old)} record{'s' * (len(old) > 1)} on an older checklist version, not counted")
    return NOT_YET, sessions, observers, latest, reasons

"""Apply signoff.yml to the records: for each trainee and competency, a status (signed off,
not yet, no evidence), the evidence counted and, when not signed off, why not.

The reasons are data (a catalogue key under report. and its values), worded in any language
of site/strings/ when shown: the report page in the language it is written in, the CSV (and so
the report's content hash) always in English, whatever the report's language."""

from __future__ import annotations

from dataclasses import dataclass, field

from curriculum_tools.core.model import Competency, Curriculum, Requirement
from curriculum_tools.signoff.records import Record
from curriculum_tools.site.i18n import t

SIGNED_OFF, NOT_YET, NO_EVIDENCE = "signed off", "not yet", "no evidence"


class Either(tuple):
    """Alternatives, worded with the catalogue's "or" (a plain list or tuple is worded with its "and")."""


@dataclass(frozen=True)
class Reason:
    """Why a competency is not signed off, or how a record rated it: the catalogue key
    (report.<key>) and its values; a value may be a Reason itself, or a list of names."""

    key: str
    values: dict = field(default_factory=dict)

    def text(self, language: str | None = None) -> str:
        def word(value):
            if isinstance(value, Reason):
                return value.text(language)
            if isinstance(value, Either):
                return t("list.or", language).join(value)
            if isinstance(value, (list, tuple)):
                return t("list.and", language).join(value)
            return value

        return t(f"report.{self.key}", language, **{name: word(v) for name, v in self.values.items()})


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
    reasons: list[Reason] = field(default_factory=list)

    @property
    def reason(self) -> str:
        """The reasons in English: the CSV's words, which the report's content hash covers."""
        return self.reason_in("en")

    def reason_in(self, language: str | None = None) -> str:
        return t("report.sep", language).join(r.text(language) for r in self.reasons)


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


def _level(record: Record, competency_id: str, levels) -> tuple[int | None, Reason]:
    """The record's rating for a competency: the lowest rating of the checklist's required items
    that observe it (or the highest of any item that does, when none is required)."""
    items = [item for item in record.checklist.items if competency_id in item.competencies]
    required = [item for item in items if item.required]
    if required:
        for item in required:
            rating = levels.get(record.ratings.get(item.id, ""))  # unrated, or a level with no number ("not observed")
            if rating is None or rating.level is None:
                return None, Reason("why.requiredUnrated", {"item": item.id})
        lowest = min(required, key=lambda item: levels[record.ratings[item.id]].level)
        level = levels[record.ratings[lowest.id]]
        return level.level, Reason("why.itemRated", {"item": lowest.id, "level": level.label})
    rated = [
        levels[record.ratings[i.id]]
        for i in items
        if i.id in record.ratings and levels[record.ratings[i.id]].level is not None
    ]
    if not rated:
        return None, Reason("why.unrated")
    best = max(rated, key=lambda lvl: lvl.level)
    return best.level, Reason("why.rated", {"level": best.label})


def _assess(records: list[Record], competency: Competency, req: Requirement, levels):
    minimum = levels[req.min_rating]
    label = {lvl.level: lvl.label for lvl in levels.values() if lvl.level is not None}
    relevant = [r for r in records if any(competency.id in item.competencies for item in r.checklist.items)]
    if req.checklists is not None:
        relevant = [r for r in relevant if r.checklist.id in req.checklists]
    rated = [(r, *_level(r, competency.id, levels)) for r in relevant]
    if not any(level is not None for _, level, _ in rated):
        if req.checklists:
            return NO_EVIDENCE, 0, [], "", [Reason("reason.noRecordOn", {"checklists": Either(req.checklists)})]
        return NO_EVIDENCE, 0, [], "", [Reason("reason.noRecord")]
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
        reasons.append(Reason("reason.sessions", {"n": req.min_sessions, "level": minimum.label, "have": sessions}))
    if len(observers) < req.min_observers:
        who = {"names": list(observers)} if observers else {}
        key = "reason.observersWho" if observers else "reason.observers"
        reasons.append(Reason(key, {"n": req.min_observers, "have": len(observers), **who}))
    if not enough_contexts:
        reasons.append(Reason("reason.contexts", {"n": req.min_contexts, "have": contexts}))
    short = [(r, why) for r, level, why in counted if level is None or level < minimum.level]
    if short:
        r, why = short[-1]
        reasons.append(
            Reason("reason.short", {"why": why, "checklist": r.checklist.id, "date": r.date, "observer": r.observer})
        )
    if unsigned:
        reasons.append(Reason("reason.unsigned", {"n": len(unsigned)}))
    if old:
        reasons.append(Reason("reason.older", {"n": len(old)}))
    return NOT_YET, sessions, observers, latest, reasons

"""signoff.yml's certification section, and what the records show for one trainee as of a
date: each competency's sign-off row, and the entrustment level it was signed off at (the
highest level the requirement's sessions and observers reach; levels are ordinal, never
averaged)."""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from curriculum_tools.core.model import Curriculum, RatingLevel
from curriculum_tools.signoff.evaluate import SIGNED_OFF, Row, evaluate
from curriculum_tools.signoff.outputs import to_csv
from curriculum_tools.signoff.records import Record, read_records

if TYPE_CHECKING:  # knowledge imports this module
    from curriculum_tools.signoff.knowledge import Standing as KnowledgeStanding


@dataclass
class Settings:
    title: str
    criteria: str
    competencies: list[str] | None
    panel_min: int
    valid_for_days: int
    renewal_due_days: int | None
    renewal_requires: str | None


def settings(curriculum: Curriculum) -> Settings | None:
    data = (curriculum.signoff.source.data or {}).get("certification") if curriculum.signoff else None
    if not data:
        return None
    renewal = data.get("renewal") or {}
    return Settings(
        data["title"],
        data["criteria"],
        data.get("competencies"),
        data["panel_min"],
        data["valid_for_days"],
        renewal.get("due_within_days"),
        renewal.get("requires"),
    )


def as_of(records: list[Record], date: str | None) -> list[Record]:
    """The records a report dated `date` (YYYY-MM-DD) could have seen."""
    return list(records) if date is None else [r for r in records if r.date <= date]


def report_hash(rows: list[Row], knowledge_csv: str = "") -> str:
    """The report's content hash: SHA-256 of its CSV (which has no timestamp), followed by its
    knowledge CSV when results files were given."""
    return "sha256:" + hashlib.sha256((to_csv(rows) + knowledge_csv).encode("utf-8")).hexdigest()


def same_person(a: str, b: str) -> bool:
    return " ".join(a.split()).casefold() == " ".join(b.split()).casefold()


def required_ids(curriculum: Curriculum, config: Settings | None) -> list[str]:
    everything = list(curriculum.needs_framework().competencies)
    return list(config.competencies) if config and config.competencies else everything


def level_reached(curriculum: Curriculum, records: list[Record], row: Row) -> RatingLevel | None:
    """The highest rating level at which this signed-off row's requirement is still met."""
    if row.status != SIGNED_OFF:
        return None
    own = [r for r in records if same_person(r.trainee, row.trainee)]
    numbered = sorted(
        ((lvl.level, lvl) for lvl in curriculum.needs_framework().levels if lvl.level is not None),
        key=lambda pair: pair[0],
        reverse=True,
    )
    # min_rating is a numbered level (rule signoff-ref)
    floor, minimum = next(pair for pair in numbered if pair[1].id == row.requirement.min_rating)
    rules = curriculum.needs_signoff()
    for number, level in numbered:
        if number < floor:
            break
        stricter = dataclasses.replace(row.requirement, min_rating=level.id)
        signoff = dataclasses.replace(rules, overrides={**rules.overrides, row.competency.id: stricter})
        rows = [
            r
            for r in evaluate(dataclasses.replace(curriculum, signoff=signoff), own)
            if r.competency.id == row.competency.id
        ]
        if rows and rows[0].status == SIGNED_OFF:
            return level
    return minimum


@dataclass
class Standing:
    """One trainee's evidence as of a date."""

    trainee: str
    rows: list[Row]  # the trainee's rows (every competency)
    all_rows: list[Row]  # the whole report's rows (for the hash)
    records: list[Record]
    hash: str
    knowledge: list[KnowledgeStanding] = dataclasses.field(default_factory=list)  # this trainee's

    def unmet(self, ids: list[str]) -> list[Row]:
        return [r for r in self.rows if r.competency.id in ids and r.status != SIGNED_OFF]


def standing(
    curriculum: Curriculum,
    record_paths: list[Path],
    trainee: str,
    date: str | None,
    knowledge_paths: list[Path] | None = None,
    today=None,
):
    """(Standing, the record and results files' problems) for a trainee as of date."""
    from curriculum_tools.signoff import knowledge

    found = read_records(record_paths, curriculum, today)  # sessions after `today` are refused
    records = as_of(found.records, date)
    rows = evaluate(curriculum, records)
    own = [r for r in rows if same_person(r.trainee, trainee)]
    table = ""
    mine: list[KnowledgeStanding] = []
    if knowledge_paths:
        config = knowledge.settings(curriculum)
        results = knowledge.read(knowledge_paths, curriculum, found.result)
        per_trainee = knowledge.cohort(config, results, [r.trainee for r in rows], date)
        table = knowledge.to_csv(per_trainee)
        mine = next((s for t, s in per_trainee if same_person(t, trainee)), [])
    return Standing(trainee, own, rows, records, report_hash(rows, table), mine), found.result


def parse_date(text: str) -> dt.date | None:
    try:
        return dt.date.fromisoformat(text)
    except (TypeError, ValueError):
        return None

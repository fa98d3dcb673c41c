"""Assessment-plan progress: for each trainee and competency, how far the evidence has come
against each target of signoff.yml (sessions, observers, required items, contexts), as plain
data the report renders in words and as bars, and that a browser implementation can be held
to through the parity fixtures in tests/fixtures/parity/progress/.

Entrustment levels are ordinal: a competency's level is the highest level whose requirement is
met (signoff.certification.level_reached), or the latest rating; levels are never averaged."""

from __future__ import annotations

from typing import Any

from curriculum_tools.core.model import Curriculum
from curriculum_tools.signoff.evaluate import Row, _level
from curriculum_tools.signoff.records import Record

FORMAT = "assessment-progress/1"


def _counted(records: list[Record], row: Row) -> list[Record]:
    """The trainee's records that count for this row's requirement (as evaluate counts them)."""
    req, cid = row.requirement, row.competency.id
    out = []
    for r in records:
        if " ".join(r.trainee.split()).casefold() != " ".join(row.trainee.split()).casefold():
            continue
        if not any(cid in item.competencies for item in r.checklist.items):
            continue
        if req.checklists is not None and r.checklist.id not in req.checklists:
            continue
        if req.signed_off_only and not r.signed_off:
            continue
        if not req.count_older_versions and r.older:
            continue
        out.append(r)
    return out


def targets(curriculum: Curriculum, records: list[Record], row: Row) -> list[dict]:
    levels = {lvl.id: lvl for lvl in curriculum.needs_framework().levels}
    minimum = levels[row.requirement.min_rating].level
    assert minimum is not None  # min_rating is a numbered level (rule signoff-ref)
    req, cid = row.requirement, row.competency.id
    counted = _counted(records, row)
    meeting = [r for r in counted if (_level(r, cid, levels)[0] or 0) >= minimum]
    out: list[dict[str, Any]] = [
        {"target": "sessions", "have": row.sessions, "need": req.min_sessions},
        {"target": "observers", "have": len(row.observers), "need": req.min_observers},
    ]
    # required items: each required item that observes the competency, on the checklists that
    # count, rated at least the minimum in some counted record
    required = []
    for checklist in sorted(curriculum.checklists, key=lambda c: c.id):  # by id, as dashboard/plan.js
        if req.checklists is not None and checklist.id not in req.checklists:
            continue
        for item in checklist.items:
            if item.required and cid in item.competencies:
                required.append((checklist.id, item.id))
    if required:
        seen = set()
        for r in counted:
            for item_id, rating in r.ratings.items():
                level = levels.get(rating)
                if (
                    (r.checklist.id, item_id) in required
                    and level is not None
                    and level.level is not None
                    and level.level >= minimum
                ):
                    seen.add((r.checklist.id, item_id))
        out.append(
            {
                "target": "required items",
                "have": len(seen),
                "need": len(required),
                "missing": [f"{c}/{i}" for c, i in required if (c, i) not in seen],
            }
        )
    if req.min_contexts:
        contexts = {r.context.casefold() for r in meeting if r.context}
        out.append({"target": "contexts", "have": len(contexts), "need": req.min_contexts})
    for t in out:
        t["met"] = t["have"] >= t["need"]
    return out


def evaluate_progress(curriculum: Curriculum, records: list[Record], rows: list[Row]) -> dict:
    """The whole cohort's progress as JSON-ready data."""
    from curriculum_tools.signoff.certification import level_reached

    trainees: dict[str, list[dict]] = {}
    for row in rows:
        reached = level_reached(curriculum, records, row)
        trainees.setdefault(row.trainee, []).append(
            {
                "competency": row.competency.id,
                "status": row.status,
                "level_reached": reached.id if reached else None,
                "latest": row.latest or None,
                "targets": targets(curriculum, records, row),
            }
        )
    return {"format": FORMAT, "trainees": [{"trainee": t, "competencies": c} for t, c in trainees.items()]}


def words(target: dict) -> str:
    text = f"{target['target']}: {target['have']} of {target['need']}"
    if target.get("missing"):
        text += " (not yet: " + ", ".join(target["missing"]) + ")"
    return text

"""Re-validation: from the committee decisions, each trainee's latest certification, when it
ends (signoff.yml certification.valid_for_days, or the decision's earlier expiry), and
whether it is current, due for renewal within certification.renewal.due_within_days, or
lapsed."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from curriculum_tools.core.model import Curriculum
from curriculum_tools.core.problems import WARNING, Problem, Result
from curriculum_tools.signoff import decisions
from curriculum_tools.signoff.certification import parse_date, settings

CURRENT, DUE, LAPSED = "current", "due for renewal", "lapsed"


@dataclass
class Renewal:
    trainee: str
    decided: str
    decision: str
    valid_until: str
    status: str
    days_left: int
    file: str


def decision_files(paths: list[Path]) -> list[Path]:
    out = []
    for path in paths:
        if path.is_dir():
            out.extend(sorted(p for p in path.rglob("*") if p.suffix.lower() in (".yml", ".yaml", ".json")))
        else:
            out.append(path)
    return out


def renewals(curriculum: Curriculum, paths: list[Path], today: dt.date, result: Result) -> list[Renewal]:
    """Each trainee's latest consistent decision; a decision with errors is not counted (a
    warning says so: `curriculum decision check` tells why)."""
    config = settings(curriculum)
    if config is None:
        return []
    latest: dict[str, decisions.Decision] = {}
    for path in decision_files(paths):
        checked = decisions.check(path, curriculum, today)
        d = checked.decision
        if d is None or checked.result.errors:
            first = checked.result.errors[0] if checked.result.errors else None
            result.add(
                Problem(
                    path.as_posix(),
                    first.line if first else 1,
                    first.col if first else 1,
                    "decision not counted for renewals: it has errors (curriculum decision check tells which)",
                    "decision",
                    WARNING,
                )
            )
            continue
        key = d.trainee.casefold()
        if key not in latest or d.date >= latest[key].date:
            latest[key] = d
    out = []
    for d in sorted(latest.values(), key=lambda d: d.trainee.casefold()):
        if d.decision not in decisions.CERTIFIED:
            continue
        start = parse_date(d.date)
        if start is None:
            continue
        end = start + dt.timedelta(days=config.valid_for_days)
        expires = parse_date(d.expires) if d.expires else None
        if expires is not None and expires < end:
            end = expires
        left = (end - today).days
        due = config.renewal_due_days or 0
        status = LAPSED if left < 0 else DUE if left <= due else CURRENT
        out.append(Renewal(d.trainee, d.date, d.decision, end.isoformat(), status, left, d.file.as_posix()))
    return out

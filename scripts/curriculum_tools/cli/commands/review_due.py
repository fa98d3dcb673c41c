"""curriculum review-due: the modules whose clinical review is past due, or due within DAYS,
grouped by track and then by reviewer role, so each reviewer group gets its list."""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from dataclasses import dataclass
from pathlib import Path

from curriculum_tools.cli.commands.validate import parse_date
from curriculum_tools.load.loader import load

NAME = "review-due"
HELP = "list modules past (or near) their review date, by track and reviewer role"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--root", type=Path, default=Path("."), help="repository root (default: current directory)")
    parser.add_argument("--today", type=parse_date, help="the date to count from, YYYY-MM-DD (default: today)")
    parser.add_argument(
        "--within",
        type=int,
        default=0,
        metavar="DAYS",
        help="also list reviews due in the next DAYS days (default: 0, overdue only)",
    )
    parser.add_argument("--format", choices=["text", "json"], default="text", help="output format (default: text)")


@dataclass
class Due:
    module_id: str
    title: str
    path: str
    track: str
    reviewer_role: str
    author: str
    last_reviewed: dt.date
    due: dt.date
    days: int  # negative: overdue by that many days

    @property
    def status(self) -> str:
        if self.days < 0:
            return f"overdue by {-self.days} day{'s' if self.days != -1 else ''}"
        if self.days == 0:
            return "due today"
        return f"due in {self.days} day{'s' if self.days != 1 else ''}"


def due_modules(curriculum, today: dt.date, within: int) -> list[Due]:
    """Modules due on or before today + within days, soonest first within track and role."""
    track_order = {t.id: t.index for t in curriculum.tracks}
    found = []
    for m in curriculum.modules:
        days = (m.review.due - today).days
        if days <= within:
            found.append(
                Due(
                    m.id,
                    m.title,
                    m.source.path,
                    m.track,
                    m.review.reviewer_role,
                    m.review.author,
                    m.review.last_reviewed,
                    m.review.due,
                    days,
                )
            )
    return sorted(
        found,
        key=lambda d: (
            track_order.get(d.track, len(track_order)),
            d.track,
            d.reviewer_role.lower(),
            d.due,
            d.module_id,
        ),
    )


def as_text(rows: list[Due], curriculum, today: dt.date, within: int) -> str:
    horizon = "overdue" if within == 0 else f"overdue or due by {(today + dt.timedelta(days=within)).isoformat()}"
    if not rows:
        return f"No module reviews {horizon} (today {today.isoformat()}, {len(curriculum.modules)} modules)."
    titles = {t.id: t.title for t in curriculum.tracks}
    overdue = sum(1 for r in rows if r.days < 0)
    lines = [f"{len(rows)} module review(s) {horizon} (today {today.isoformat()}); {overdue} overdue."]
    track = role = None
    for row in rows:
        if row.track != track:
            track, role = row.track, None
            lines += ["", f"{titles.get(track, track)} ({track})"]
        if row.reviewer_role != role:
            role = row.reviewer_role
            lines.append(f"  Reviewer: {role}")
        lines.append(
            f"    {row.module_id}: {row.status} (due {row.due.isoformat()}, last reviewed {row.last_reviewed.isoformat()}) {row.path}"
        )
    return "\n".join(lines)


def as_json(rows: list[Due], today: dt.date, within: int) -> str:
    return json.dumps(
        {
            "today": today.isoformat(),
            "within_days": within,
            "modules": [
                {
                    "id": r.module_id,
                    "title": r.title,
                    "path": r.path,
                    "track": r.track,
                    "reviewer_role": r.reviewer_role,
                    "author": r.author,
                    "last_reviewed": r.last_reviewed.isoformat(),
                    "due": r.due.isoformat(),
                    "days_until_due": r.days,
                }
                for r in rows
            ],
        },
        indent=2,
        ensure_ascii=False,
    )


def run(args) -> int:
    if not args.root.is_dir():
        print(f"{args.root}: not a folder", file=sys.stderr)
        return 2
    if args.within < 0:
        print("--within: give a number of days, 0 or more", file=sys.stderr)
        return 2
    loaded = load(args.root)
    today = args.today or dt.date.today()
    rows = due_modules(loaded.curriculum, today, args.within)
    print(
        as_json(rows, today, args.within)
        if args.format == "json"
        else as_text(rows, loaded.curriculum, today, args.within)
    )
    broken = {p.path for p in loaded.result.errors if p.path.startswith("curriculum/")}
    if broken:
        print(
            f"note: {len(broken)} module file(s) have errors and are not listed; run curriculum validate",
            file=sys.stderr,
        )
    return 0

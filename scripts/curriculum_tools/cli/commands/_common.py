"""What several commands share: the curriculum a sign-off or credential command depends on,
and dates given on the command line."""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path
from typing import Literal

from curriculum_tools.check import check


def curriculum_for_signoff(root: Path):
    """The curriculum, or None after printing why it cannot be used (errors in the files a
    report depends on, or no signoff.yml)."""
    if not root.is_dir():
        print(f"{root}: not a folder", file=sys.stderr)
        return None
    loaded = check(root)
    errors = [
        p
        for p in loaded.result.errors
        if p.path in ("competencies.yml", "signoff.yml") or p.path.startswith("checklists/")
    ]
    for p in errors:
        print(f"{p.path}:{p.line}:{p.col}: {p.message} ({p.rule})", file=sys.stderr)
    if errors:
        print(f"the curriculum under {root} has errors; fix them (curriculum validate) first", file=sys.stderr)
        return None
    curriculum = loaded.curriculum
    if curriculum.signoff is None or curriculum.framework is None:
        print(
            f"{root / 'signoff.yml'}: missing; sign-off and certification need it (see AUTHORING.md)", file=sys.stderr
        )
        return None
    return curriculum


def date_option(value: str | None, name: str) -> dt.date | None | Literal[False]:
    """The date, None when not given, or False after printing that it is not a date."""
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        print(f"{name} {value}: not a date (YYYY-MM-DD)", file=sys.stderr)
        return False

"""Run the whole pipeline of checks: load (with schemas), then every rule."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from curriculum_tools.load.loader import Loaded, load
from curriculum_tools.rules import Context, run_rules


def check(root: Path | str, today: dt.date | None = None) -> Loaded:
    loaded = load(root)
    context = Context(loaded.curriculum, today or dt.date.today())
    loaded.result.extend(run_rules(context))
    return loaded

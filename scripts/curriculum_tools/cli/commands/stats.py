"""curriculum stats: words, questions, question types and references per module."""

from __future__ import annotations

import json
import sys
from pathlib import Path

from curriculum_tools.check import check
from curriculum_tools.core.stats import module_stats

NAME = "stats"
HELP = "print words, questions, question types and references per module"


def add_arguments(parser) -> None:
    parser.add_argument("--root", type=Path, default=Path("."), help="repository root (default: current directory)")
    parser.add_argument("--format", choices=["markdown", "json"], default="markdown")


def run(args) -> int:
    loaded = check(args.root)
    if loaded.result.errors:
        print("the content has errors; run `curriculum validate` first", file=sys.stderr)
        return 1
    rows = module_stats(loaded.curriculum)
    if args.format == "json":
        print(json.dumps([row.__dict__ for row in rows], indent=2))
        return 0
    print("| Track | Module | Words | Objectives | Scored questions | Question types | References (with DOI) |")
    print("| --- | --- | ---: | ---: | ---: | --- | ---: |")
    for r in rows:
        print(
            f"| {r.track} | {r.module} | {r.words:,} | {r.objectives} | {r.questions} | {', '.join(r.types)} | {r.references} ({r.dois}) |"
        )
    total_words = sum(r.words for r in rows)
    total_q = sum(r.questions for r in rows)
    print(
        f"\n{len(rows)} modules, {total_words:,} words, {total_q} scored questions, {sum(r.references for r in rows)} references."
    )
    return 0

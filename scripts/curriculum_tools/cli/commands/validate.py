"""curriculum validate: check every content file; exit 0 clean, 1 on errors."""

from __future__ import annotations

import argparse
import datetime as dt
import os
import sys
from pathlib import Path

from curriculum_tools.check import check
from curriculum_tools.cli.changes import ChangeError, affected, changed_files
from curriculum_tools.load.loader import discover
from curriculum_tools.output import reporters

NAME = "validate"
HELP = "check every content file; exit 1 on errors (warnings too with --strict)"


def parse_date(value: str) -> dt.date:
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date YYYY-MM-DD: {value!r}") from None


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--root", type=Path, default=Path("."), help="repository root (default: current directory)")
    parser.add_argument(
        "--format",
        choices=sorted(reporters.REPORTERS),
        help="output format (default: text; github under GitHub Actions)",
    )
    parser.add_argument(
        "--strict",
        action="store_true",
        help="warnings fail too (with --changed: the warnings of the changed files; the pull-request check)",
    )
    parser.add_argument(
        "--changed",
        nargs="?",
        const="",
        metavar="BASE",
        help="report only files changed since the git BASE (default: origin/main if it exists, else HEAD), "
        "including untracked ones, and the files that refer to them",
    )
    parser.add_argument("--today", type=parse_date, help=argparse.SUPPRESS)


def run(args) -> int:
    fmt = args.format or ("github" if os.environ.get("GITHUB_ACTIONS") == "true" else "text")
    if not args.root.is_dir():
        print(f"{args.root}: not a folder", file=sys.stderr)
        return 2
    if args.changed is not None:
        try:
            base, changed = changed_files(args.root, args.changed or None)
        except ChangeError as exc:
            print(f"curriculum validate --changed: {exc}", file=sys.stderr)
            return 2
    loaded = check(args.root, args.today)
    if args.changed is not None:
        narrow(loaded, args.root, base, changed)
    print(reporters.REPORTERS[fmt](loaded.result))
    if args.changed is not None and args.strict:
        # errors anywhere in what was checked; warnings only where the change was made, so a
        # pull request answers for its own files, not for every overdue review elsewhere
        failing = loaded.result.errors + [p for p in loaded.result.warnings if p.path in changed]
        if failing and not loaded.result.errors:
            print(
                f"--strict: {len(failing)} warning(s) in the files this change touches fail the check.", file=sys.stderr
            )
        return 1 if failing else 0
    return 1 if loaded.result.failed(args.strict) else 0


def narrow(loaded, root: Path, base: str, changed: set[str]) -> None:
    """Keep only the problems of changed files and the files that refer to them."""
    content = [rel for rel, _ in discover(root)]
    selected = affected(loaded.curriculum, content, changed)
    if selected is None:
        print(
            f"Changes since {base} affect every file (framework, tracks, schemas or tooling): checking all.",
            file=sys.stderr,
        )
        return
    direct = len(selected & changed)
    if not selected:
        print(f"No content files changed since {base}.", file=sys.stderr)
    else:
        print(
            f"Checking {direct} content file(s) changed since {base} and {len(selected) - direct} that refer to them.",
            file=sys.stderr,
        )
    loaded.result.problems = [p for p in loaded.result.problems if p.path in selected]
    loaded.result.files_checked = len(selected)

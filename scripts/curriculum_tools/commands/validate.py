"""curriculum validate: check every content file; exit 0 clean, 1 on errors."""
from __future__ import annotations

import argparse
import datetime as dt
import os
import sys
from pathlib import Path

from .. import reporters
from ..checker import check

NAME = "validate"
HELP = "check every content file; exit 1 on errors (warnings too with --strict)"


def parse_date(value: str) -> dt.date:
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date YYYY-MM-DD: {value!r}") from None


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--root", type=Path, default=Path("."), help="repository root (default: current directory)")
    parser.add_argument("--format", choices=sorted(reporters.REPORTERS), help="output format (default: text; github under GitHub Actions)")
    parser.add_argument("--strict", action="store_true", help="warnings fail too")
    parser.add_argument("--today", type=parse_date, help=argparse.SUPPRESS)


def run(args) -> int:
    fmt = args.format or ("github" if os.environ.get("GITHUB_ACTIONS") == "true" else "text")
    if not args.root.is_dir():
        print(f"{args.root}: not a folder", file=sys.stderr)
        return 2
    loaded = check(args.root, args.today)
    print(reporters.REPORTERS[fmt](loaded.result))
    return 1 if loaded.result.failed(args.strict) else 0

"""curriculum translations: per language, which files are translated and up to date, which
translations are stale (their source changed since they were made) and which sources have
no translation yet; `--hash FILE` prints the content hash to paste into a translation's
`translation: source_hash:`."""

from __future__ import annotations

import json
import sys
from pathlib import Path

NAME = "translations"
HELP = "per language: translated, stale and missing files; --hash FILE prints a source's content hash"


def add_arguments(parser) -> None:
    parser.add_argument("--root", type=Path, default=Path("."), help="repository root (default: current directory)")
    parser.add_argument(
        "--lang",
        action="append",
        metavar="LANG",
        help="only this language (repeatable; default: every language with a translation)",
    )
    parser.add_argument(
        "--hash", dest="hash_file", type=Path, metavar="FILE", help="print FILE's content hash (sha256:...) and stop"
    )
    parser.add_argument("--format", choices=["text", "json"], default="text")


def run(args) -> int:
    from curriculum_tools.load.translations import file_hash

    if args.hash_file is not None:
        if not args.hash_file.is_file():
            print(f"{args.hash_file}: no such file", file=sys.stderr)
            return 1
        print(file_hash(args.hash_file))
        return 0
    if not args.root.is_dir():
        print(f"{args.root}: not a folder", file=sys.stderr)
        return 1
    from curriculum_tools.core.translations import status
    from curriculum_tools.load.loader import load

    curriculum = load(args.root).curriculum
    languages = args.lang or curriculum.languages
    report = {lang: status(curriculum, lang) for lang in languages}
    if args.format == "json":
        print(json.dumps(report, indent=2))
        return 0
    if not languages:
        print(
            "No translations yet (a translation is a file named NAME.<lang>.md or NAME.<lang>.yml next to its source)."
        )
    for lang, s in report.items():
        total = len(s["translated"]) + len(s["stale"]) + len(s["missing"])
        print(
            f"{lang}: {len(s['translated'])} translated, {len(s['stale'])} stale, {len(s['missing'])} missing (of {total})"
        )
        for row in s["translated"]:
            print(f"  translated  {row['file']}  ({row['source']})")
        for row in s["stale"]:
            print(
                f"  stale       {row['file']}  ({row['source']} changed: translated from {row['translated_from'][:19]}…, now {row['now'][:19]}…)"
            )
        for path in s["missing"]:
            print(f"  missing     {path}")
    return 0

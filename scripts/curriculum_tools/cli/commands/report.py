"""curriculum report: check supervisors' record files, apply signoff.yml and write a cohort
report (report.csv and report.html) saying who is signed off on what, and why not."""
from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path

from curriculum_tools.output import reporters
from curriculum_tools.check import check
from curriculum_tools.cli.commands.validate import parse_date
from curriculum_tools.signoff.html import render
from curriculum_tools.signoff.outputs import summary, to_csv, write_atomically
from curriculum_tools.signoff.records import read_records
from curriculum_tools.signoff.evaluate import evaluate

NAME = "report"
HELP = "check supervisor record files (JSON exports) and report each trainee's sign-off status per competency"


def add_arguments(parser) -> None:
    parser.add_argument("paths", nargs="+", type=Path, metavar="RECORD", help="record files (.json) or folders of them")
    parser.add_argument("--root", type=Path, default=Path("."), help="repository root with competencies.yml, checklists/ and signoff.yml (default: current directory)")
    parser.add_argument("--out", type=Path, metavar="DIR", help="write DIR/report.csv and DIR/report.html")
    parser.add_argument("--format", choices=sorted(reporters.REPORTERS), help="output format (default: text; github under GitHub Actions)")
    parser.add_argument("--today", type=parse_date, help=argparse.SUPPRESS)


def _content_errors(root: Path):
    """The curriculum, and the errors in the files a report depends on."""
    loaded = check(root)
    needed = [p for p in loaded.result.errors if p.path in ("competencies.yml", "signoff.yml") or p.path.startswith("checklists/")]
    return loaded.curriculum, needed


def run(args) -> int:
    fmt = args.format or ("github" if os.environ.get("GITHUB_ACTIONS") == "true" else "text")
    if not args.root.is_dir():
        print(f"{args.root}: not a folder", file=sys.stderr)
        return 2
    curriculum, errors = _content_errors(args.root)
    for p in errors:
        print(f"{p.path}:{p.line}:{p.col}: {p.message} ({p.rule})", file=sys.stderr)
    if errors:
        print(f"the curriculum under {args.root} has errors; fix them (curriculum validate) before reporting", file=sys.stderr)
        return 2
    if curriculum.signoff is None or curriculum.framework is None:
        print(f"{args.root / 'signoff.yml'}: missing; a report needs the sign-off requirements (see AUTHORING.md)", file=sys.stderr)
        return 2
    if args.out is not None and args.out.exists() and not args.out.is_dir():
        print(f"{args.out}: exists and is not a folder", file=sys.stderr)
        return 2
    found = read_records(args.paths, curriculum, args.today)
    rows = evaluate(curriculum, found.records)
    result = found.result
    written = []
    if args.out is not None:
        problems = result.sorted()
        html = render(curriculum, rows, problems, result.files_checked, len(found.records))
        try:
            written = write_atomically(args.out, {"report.csv": to_csv(rows), "report.html": html})
        except OSError as exc:
            print(f"{args.out}: cannot write the report: {exc.strerror or exc}", file=sys.stderr)
            return 2
    totals = summary(rows)
    if fmt == "json":
        payload = json.loads(reporters.as_json(result))
        payload["records"] = len(found.records)
        payload["trainees"] = [{"trainee": t, "signed_off": done, "competencies": n} for t, done, n in totals]
        payload["written"] = [p.as_posix() for p in written]
        print(json.dumps(payload, indent=2, ensure_ascii=False))
    else:
        print(reporters.REPORTERS[fmt](result))
        for trainee, done, total in totals:
            print(f"{_printable(trainee)}: signed off on {done} of {total} competencies")
        if not totals:
            print("No usable records: nothing to report.")
        if written:
            print("Wrote " + " and ".join(p.as_posix() for p in written))
    return 1 if result.errors else 0


def _printable(text: str) -> str:
    """A name as plain text for the terminal (no escape sequences from a record file)."""
    return "".join(c if c.isprintable() else "?" for c in text)

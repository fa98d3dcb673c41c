"""curriculum report: check supervisors' record files, apply signoff.yml and write a cohort
report (report.csv and report.html) saying who is signed off on what, and why not."""

from __future__ import annotations

import datetime as dt
import json
import os
import sys
from pathlib import Path

from curriculum_tools.check import check
from curriculum_tools.cli.commands._common import date_option
from curriculum_tools.cli.commands.records import add_lrs_arguments, programme_iri
from curriculum_tools.core.problems import WARNING, Problem
from curriculum_tools.output import reporters
from curriculum_tools.signoff import knowledge, lrs, xapi
from curriculum_tools.signoff.certification import as_of, parse_date, report_hash
from curriculum_tools.signoff.evaluate import evaluate
from curriculum_tools.signoff.html import render
from curriculum_tools.signoff.outputs import summary, to_csv, write_atomically
from curriculum_tools.signoff.progress import evaluate_progress
from curriculum_tools.signoff.records import read_records
from curriculum_tools.signoff.renewal import renewals
from curriculum_tools.site.i18n import DEFAULT, languages

NAME = "report"
HELP = "check supervisor record files (JSON exports) and report each trainee's sign-off status per competency"


def add_arguments(parser) -> None:
    parser.add_argument(
        "paths", nargs="*", type=Path, metavar="RECORD", help="record files (.json) or folders of them (or --lrs)"
    )
    parser.add_argument(
        "--root",
        type=Path,
        default=Path("."),
        help="repository root with competencies.yml, checklists/ and signoff.yml (default: current directory)",
    )
    parser.add_argument("--out", type=Path, metavar="DIR", help="write DIR/report.csv and DIR/report.html")
    parser.add_argument(
        "--format",
        choices=sorted(reporters.REPORTERS),
        help="output format (default: text; github under GitHub Actions)",
    )
    parser.add_argument(
        "--as-of",
        metavar="YYYY-MM-DD",
        help="report on the records dated on or before this date only (what a panel meeting that day saw)",
    )
    parser.add_argument(
        "--knowledge",
        type=Path,
        action="append",
        default=[],
        metavar="CSV",
        help="quiz or exam results (trainee,item,score,date,source) for signoff.yml's knowledge requirements; repeatable",
    )
    parser.add_argument(
        "--decisions",
        type=Path,
        action="append",
        default=[],
        metavar="PATH",
        help="committee decision files or folders: list who is due for renewal and who has lapsed; repeatable",
    )
    parser.add_argument("--today", metavar="YYYY-MM-DD", help="the date renewals are counted from (default: today)")
    parser.add_argument(
        "--lang",
        choices=languages(),
        default=DEFAULT,
        help=f"the language of report.html (default: {DEFAULT}); report.csv, progress.json and the "
        "report's content hash are the same in every language",
    )
    add_lrs_arguments(parser, required=False)  # records read back from an LRS, as `curriculum records push` sent them


def _content_errors(root: Path):
    """The curriculum, and the errors in the files a report depends on."""
    loaded = check(root)
    needed = [
        p
        for p in loaded.result.errors
        if p.path in ("competencies.yml", "signoff.yml") or p.path.startswith("checklists/")
    ]
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
        print(
            f"the curriculum under {args.root} has errors; fix them (curriculum validate) before reporting",
            file=sys.stderr,
        )
        return 2
    if curriculum.signoff is None or curriculum.framework is None:
        print(
            f"{args.root / 'signoff.yml'}: missing; a report needs the sign-off requirements (see AUTHORING.md)",
            file=sys.stderr,
        )
        return 2
    if args.out is not None and args.out.exists() and not args.out.is_dir():
        print(f"{args.out}: exists and is not a folder", file=sys.stderr)
        return 2
    if args.as_of is not None and parse_date(args.as_of) is None:
        print(f"--as-of {args.as_of}: not a date (YYYY-MM-DD)", file=sys.stderr)
        return 2
    today = date_option(args.today, "--today")
    if today is False:
        return 2
    if not args.paths and not args.lrs:
        print("curriculum report: give record files or folders, or --lrs URL", file=sys.stderr)
        return 2
    documents, lrs_problems = [], []
    if args.lrs:
        try:
            client = lrs.Client(args.lrs, lrs.credentials(args.auth_file))
            programme = programme_iri(args)
            statements = [s for verb in xapi.VERBS for s in client.statements(verb=verb)]
            if not statements:  # Ralph 5.1.0's file-system backend matches no verb filter (README "Records at scale")
                statements = client.statements()
                lrs_problems.append(
                    "the LRS returned no statement for the verb filter; every statement was read and sorted here instead"
                )
        except lrs.LrsError as exc:
            print(f"curriculum report: {exc}", file=sys.stderr)
            return 1
        records, unread = xapi.records_of(statements, programme)
        lrs_problems += unread
        documents = [
            (f"{client.endpoint}statements (record {doc.get('id')})", json.dumps(doc, indent=2, ensure_ascii=False))
            for doc in records
        ]
    found = read_records(args.paths, curriculum, today or None, documents)
    for message in lrs_problems:
        found.result.add(Problem(args.lrs, 1, 1, message, "lrs", WARNING))
    found.records = as_of(found.records, args.as_of)
    rows = evaluate(curriculum, found.records)
    config = knowledge.settings(curriculum)
    per_trainee, knowledge_csv = [], ""
    if args.knowledge:
        results = knowledge.read(args.knowledge, curriculum, found.result)
        knowledge.warn_unused(config, results, found.result)
        per_trainee = knowledge.cohort(config, results, [r.trainee for r in rows], args.as_of)
        knowledge_csv = knowledge.to_csv(per_trainee)
    elif config.requirements:
        found.result.add(
            Problem(
                "signoff.yml",
                1,
                1,
                "signoff.yml has knowledge requirements but no results file was given (--knowledge FILE); they are not reported",
                "knowledge",
                WARNING,
            )
        )
    due = renewals(curriculum, args.decisions, today or dt.date.today(), found.result) if args.decisions else None
    content_hash = report_hash(rows, knowledge_csv)
    plan = evaluate_progress(curriculum, found.records, rows)
    progress = {(t["trainee"], c["competency"]): c["targets"] for t in plan["trainees"] for c in t["competencies"]}
    reached = {(t["trainee"], c["competency"]): c["level_reached"] for t in plan["trainees"] for c in t["competencies"]}
    result = found.result
    written = []
    if args.out is not None:
        problems = result.sorted()
        html = render(
            curriculum,
            rows,
            problems,
            result.files_checked,
            len(found.records),
            content_hash=content_hash,
            as_of=args.as_of,
            knowledge=per_trainee,
            renewals=due,
            progress=progress,
            progress_levels=reached,
            language=args.lang,
        )
        files = {
            "report.csv": to_csv(rows),
            "report.html": html,
            "progress.json": json.dumps(plan, indent=2, ensure_ascii=False) + "\n",
        }
        if knowledge_csv:
            files["knowledge.csv"] = knowledge_csv
        try:
            written = write_atomically(args.out, files)
        except OSError as exc:
            print(f"{args.out}: cannot write the report: {exc.strerror or exc}", file=sys.stderr)
            return 2
    totals = summary(rows)
    if fmt == "json":
        payload = json.loads(reporters.as_json(result))
        payload["records"] = len(found.records)
        payload["trainees"] = [{"trainee": t, "signed_off": done, "competencies": n} for t, done, n in totals]
        payload["written"] = [p.as_posix() for p in written]
        payload["report_hash"] = content_hash
        payload["progress"] = plan
        payload["knowledge"] = [
            {
                "trainee": t,
                "requirement": k.requirement.label,
                "met": k.met,
                "note": k.note,
                "source": k.best.source if k.best else None,
                "self_reported": bool(k.best and k.best.self_reported),
            }
            for t, items in per_trainee
            for k in items
        ]
        if due is not None:
            payload["renewals"] = [vars(r) for r in due]
        payload["as_of"] = args.as_of
        print(json.dumps(payload, indent=2, ensure_ascii=False))
    else:
        print(reporters.REPORTERS[fmt](result))
        knows = {t.casefold(): items for t, items in per_trainee}
        for trainee, done, total in totals:
            items = knows.get(trainee.casefold(), [])
            extra = f"; knowledge {sum(k.met for k in items)} of {len(items)} met" if items else ""
            print(f"{_printable(trainee)}: signed off on {done} of {total} competencies{extra}")
            for k in items:
                print(f"  {_printable(k.text)}")
        for r in due or []:
            if r.status != "current":
                when = f"lapsed {-r.days_left} days ago" if r.status == "lapsed" else f"due: {r.days_left} days left"
                print(
                    f"Certification {r.status}: {_printable(r.trainee)}, valid until {r.valid_until} ({when}; {r.file})"
                )
        if due is not None and not any(r.status != "current" for r in due):
            print("Certifications: none due for renewal or lapsed.")
        if not totals:
            print("No usable records: nothing to report.")
        if written:
            print("Wrote " + " and ".join(p.as_posix() for p in written))
        print(f"Report content hash{' as of ' + args.as_of if args.as_of else ''}: {content_hash}")
    return 1 if result.errors else 0


def _printable(text: str) -> str:
    """A name as plain text for the terminal (no escape sequences from a record file)."""
    return "".join(c if c.isprintable() else "?" for c in text)

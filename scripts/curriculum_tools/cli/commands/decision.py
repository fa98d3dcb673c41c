"""curriculum decision check: check committee decision records against the report as of
each decision's date (panel size, decision and conditions, expiry, evidence hash, and that a
certified trainee met every requirement)."""

from __future__ import annotations

import json
import os
from pathlib import Path

from curriculum_tools.cli.commands._common import curriculum_for_signoff, date_option
from curriculum_tools.core.problems import Result
from curriculum_tools.output import reporters
from curriculum_tools.signoff.decisions import check

NAME = "decision"
HELP = "check committee decision records (YAML or JSON) against the sign-off report at their date"


def add_arguments(parser) -> None:
    sub = parser.add_subparsers(dest="action", required=True, metavar="ACTION")
    p = sub.add_parser(
        "check", help="check decision files; exit 1 on errors", description="check decision files; exit 1 on errors"
    )
    p.add_argument("files", nargs="+", type=Path, metavar="DECISION", help="decision files (.yml or .json)")
    p.add_argument(
        "--root",
        type=Path,
        default=Path("."),
        help="repository root with competencies.yml, checklists/ and signoff.yml (default: current directory)",
    )
    p.add_argument("--today", metavar="YYYY-MM-DD", help="check expiry as of this date (default: today)")
    p.add_argument(
        "--format",
        choices=sorted(reporters.REPORTERS),
        help="output format (default: text; github under GitHub Actions)",
    )


def run(args) -> int:
    fmt = args.format or ("github" if os.environ.get("GITHUB_ACTIONS") == "true" else "text")
    today = date_option(args.today, "--today")
    if today is False:
        return 2
    curriculum = curriculum_for_signoff(args.root)
    if curriculum is None:
        return 2
    total = Result()
    summaries = []
    for path in args.files:
        checked = check(path, curriculum, today)
        total.extend(checked.result.problems)
        total.files_checked += 1
        d = checked.decision
        if d is not None:
            ok = not checked.result.errors
            until = f", valid until {checked.valid_until}" if checked.valid_until else ""
            summaries.append(
                {
                    "file": path.as_posix(),
                    "trainee": d.trainee,
                    "decision": d.decision,
                    "date": d.date,
                    "valid_until": checked.valid_until,
                    "ok": ok,
                    "text": f"{path.as_posix()}: {d.trainee}: {d.decision} on {d.date}{until}: {'consistent with the report' if ok else 'NOT consistent'}",
                }
            )
    if fmt == "json":
        payload = json.loads(reporters.as_json(total))
        payload["decisions"] = [{k: v for k, v in s.items() if k != "text"} for s in summaries]
        print(json.dumps(payload, indent=2, ensure_ascii=False))
    else:
        print(reporters.REPORTERS[fmt](total))
        for s in summaries:
            print("".join(c if c.isprintable() else "?" for c in s["text"]))
    return 1 if total.errors else 0

"""curriculum export-questions: the quizzes as a question bank another system imports
(QTI 3.0 content package, Moodle XML, GIFT), from the model, with a summary of what was
exported and what was left out."""

from __future__ import annotations

import sys
from pathlib import Path

from curriculum_tools.check import check
from curriculum_tools.export import common

NAME = "export-questions"
HELP = "export quizzes as a question bank: QTI 3.0 package, Moodle XML or GIFT"

FORMATS = {"qti3": "QTI 3.0 package", "moodle-xml": "Moodle XML", "gift": "GIFT"}


def add_arguments(parser) -> None:
    parser.add_argument("--root", type=Path, default=Path("."), help="repository root (default: current directory)")
    parser.add_argument(
        "--format", required=True, choices=sorted(FORMATS), help="qti3 (a .zip content package), moodle-xml or gift"
    )
    parser.add_argument("--quiz", nargs="+", action="extend", metavar="ID", help="quiz id(s) to export")
    parser.add_argument("--track", nargs="+", action="extend", metavar="ID", help="export every quiz of these track(s)")
    parser.add_argument(
        "--out",
        type=Path,
        required=True,
        metavar="PATH",
        help="the file to write (replaced only when the export succeeds)",
    )


def loaded_curriculum(root: Path):
    """The checked curriculum, or an ExportError when the content has errors."""
    if not root.is_dir():
        raise common.ExportError(f"{root}: not a folder")
    loaded = check(root)
    if loaded.result.errors:
        first = loaded.result.errors[0]
        raise common.ExportError(
            f"{first.path}:{first.line}:{first.col}: {first.message} ({len(loaded.result.errors)} error(s); run `curriculum validate`)"
        )
    return loaded.curriculum


def run(args) -> int:
    try:
        common.check_target(args.out)
        curriculum = loaded_curriculum(args.root)
        selection = common.select(curriculum, args.quiz, args.track)
        if not selection.items:
            raise common.ExportError("no quiz selected")
        summary = common.Summary(FORMATS[args.format])
        if args.format == "qti3":
            from curriculum_tools.export import qti

            data = qti.export(selection, summary)
        elif args.format == "moodle-xml":
            from curriculum_tools.export import moodle_xml

            data = moodle_xml.export(selection, summary)
        else:
            from curriculum_tools.export import gift

            data = gift.export(selection, summary)
        common.write_atomic(args.out, data)
    except common.ExportError as exc:
        print(f"curriculum export-questions: {exc}", file=sys.stderr)
        return 1
    except OSError as exc:
        print(f"curriculum export-questions: {args.out}: cannot write: {exc.strerror or exc}", file=sys.stderr)
        return 1
    print(summary.text(args.out))
    return 0

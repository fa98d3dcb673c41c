"""curriculum package: the curriculum as a package an LMS plays (SCORM 1.2, SCORM 2004),
built from the offline edition of the site with the format's runtime on each module page
(export/package.py, export/scorm.py)."""
from __future__ import annotations

import sys
from pathlib import Path

from curriculum_tools.export.common import ExportError

NAME = "package"
HELP = "package the curriculum for an LMS: SCORM 1.2 or SCORM 2004 (.zip), whole or by track"

FORMATS = {"scorm12": "SCORM 1.2", "scorm2004": "SCORM 2004 4th edition"}


def add_arguments(parser) -> None:
    parser.add_argument("--root", type=Path, default=Path("."), help="repository root (default: current directory)")
    parser.add_argument("--format", required=True, choices=sorted(FORMATS), help="scorm12 (Moodle) or scorm2004 (Cornerstone, SuccessFactors)")
    parser.add_argument("--track", nargs="+", action="extend", metavar="ID", help="package only these track(s) (default: the whole curriculum)")
    parser.add_argument("--out", type=Path, required=True, metavar="FILE.zip", help="the package to write (replaced only when the build succeeds)")


def writer_for(fmt: str):
    """(manifest writer, preflight) of a format."""
    from curriculum_tools.export import scorm

    return scorm.write, scorm.preflight(fmt)


def run(args) -> int:
    from curriculum_tools.cli.commands.export_questions import loaded_curriculum
    from curriculum_tools.export.package import build_package

    try:
        curriculum = loaded_curriculum(args.root)
        write, preflight = writer_for(args.format)
        built = build_package(curriculum, args.track, args.format, args.out, write, preflight, root=args.root.resolve())
    except ExportError as exc:
        print(f"curriculum package: {exc}", file=sys.stderr)
        return 1
    except OSError as exc:
        print(f"curriculum package: {args.out}: cannot write: {exc.strerror or exc}", file=sys.stderr)
        return 1
    sco = len(built.curriculum.modules)
    tracks = ", ".join(t.id for t in built.curriculum.tracks)
    print(f"Wrote {args.out}: {FORMATS[args.format]}, {sco} SCO(s) in {len(built.curriculum.tracks)} track(s) ({tracks}), {len(built.files) + 1} files")
    return 0

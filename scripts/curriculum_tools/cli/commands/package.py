"""curriculum package: the curriculum as a package an LMS plays (SCORM 1.2, SCORM 2004,
cmi5), built from the offline edition of the site with the format's runtime on each module
page (export/package.py, export/scorm.py, export/cmi5.py)."""

from __future__ import annotations

import sys
from pathlib import Path

from curriculum_tools.export.cmi5 import DEFAULT_BASE
from curriculum_tools.export.common import ExportError

NAME = "package"
HELP = "package the curriculum for an LMS: SCORM 1.2, SCORM 2004 or cmi5 (.zip), whole or by track"

FORMATS = {"scorm12": "SCORM 1.2", "scorm2004": "SCORM 2004 4th edition", "cmi5": "cmi5"}


def add_arguments(parser) -> None:
    parser.add_argument("--root", type=Path, default=Path("."), help="repository root (default: current directory)")
    parser.add_argument(
        "--format",
        required=True,
        choices=sorted(FORMATS),
        help="scorm12 (Moodle), scorm2004 (Cornerstone, SuccessFactors) or cmi5 (an LMS with an xAPI LRS)",
    )
    parser.add_argument(
        "--track",
        nargs="+",
        action="extend",
        metavar="ID",
        help="package only these track(s) (default: the whole curriculum)",
    )
    parser.add_argument(
        "--out",
        type=Path,
        required=True,
        metavar="FILE.zip",
        help="the package to write (replaced only when the build succeeds)",
    )
    cmi5 = parser.add_argument_group("cmi5")
    cmi5.add_argument(
        "--lrs-origin",
        nargs="+",
        action="extend",
        metavar="ORIGIN",
        default=[],
        help="origin(s) of the LMS's xAPI endpoint and fetch URL when they are not the package's own (the pages' CSP connect-src)",
    )
    cmi5.add_argument(
        "--course-iri",
        metavar="IRI",
        help=f"base IRI of the course, block and AU ids in cmi5.xml (default {DEFAULT_BASE})",
    )


def writer_for(fmt: str, args=None):
    """(manifest writer, preflight, extra plugin options) of a format."""
    if fmt == "cmi5":
        from curriculum_tools.export import cmi5

        return (
            cmi5.manifest_writer(getattr(args, "course_iri", None) or DEFAULT_BASE, site_description(args)),
            None,
            cmi5_options(args),
        )
    from curriculum_tools.export import scorm

    return scorm.write, scorm.preflight(fmt), None


def cmi5_options(args) -> dict:
    from curriculum_tools.site.plugin import ORIGIN

    origins = list(getattr(args, "lrs_origin", None) or [])
    for origin in origins:
        if not ORIGIN.fullmatch(origin):
            raise ExportError(
                f"--lrs-origin {origin!r}: not an origin (scheme://host[:port], no path; for example https://lrs.example.org)"
            )
    return {"lrs_origins": origins}


def site_description(args) -> str:
    from mkdocs.utils import yaml_load

    try:
        with open(Path(args.root) / "mkdocs.yml", encoding="utf-8") as fh:
            return str(yaml_load(fh).get("site_description") or "")
    except Exception:  # noqa: BLE001 - the description is optional; the build reports a broken config
        return ""


def run(args) -> int:
    from curriculum_tools.cli.commands.export_questions import loaded_curriculum
    from curriculum_tools.export.package import build_package

    try:
        curriculum = loaded_curriculum(args.root)
        if args.format != "cmi5" and (args.lrs_origin or args.course_iri):
            raise ExportError("--lrs-origin and --course-iri are for --format cmi5")
        write, preflight, options = writer_for(args.format, args)
        built = build_package(
            curriculum, args.track, args.format, args.out, write, preflight, root=args.root.resolve(), options=options
        )
    except ExportError as exc:
        print(f"curriculum package: {exc}", file=sys.stderr)
        return 1
    except OSError as exc:
        print(f"curriculum package: {args.out}: cannot write: {exc.strerror or exc}", file=sys.stderr)
        return 1
    sco = len(built.curriculum.modules)
    if args.format == "cmi5":
        print(
            f"Wrote {args.out}: cmi5, {sco} AU(s) in {len(built.curriculum.tracks)} block(s), {len(built.files) + 1} files"
        )
        return 0
    tracks = ", ".join(t.id for t in built.curriculum.tracks)
    print(
        f"Wrote {args.out}: {FORMATS[args.format]}, {sco} SCO(s) in {len(built.curriculum.tracks)} track(s) ({tracks}), {len(built.files) + 1} files"
    )
    return 0

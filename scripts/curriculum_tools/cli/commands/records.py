"""curriculum records push: send supervisors' records (record files or exported bundles, as
`curriculum report` reads them) to a Learning Record Store as xAPI statements
(signoff/xapi.py has the mapping). Statement ids are fixed by the records, so pushing again
stores nothing twice. Credentials come from --auth-file or CURRICULUM_LRS_AUTH only."""

from __future__ import annotations

import sys
from pathlib import Path

from curriculum_tools.cli.commands._common import curriculum_for_signoff, date_option
from curriculum_tools.output import reporters
from curriculum_tools.signoff import lrs, xapi
from curriculum_tools.signoff.records import read_records

NAME = "records"
HELP = "send supervisors' records to a Learning Record Store (xAPI)"


def add_arguments(parser) -> None:
    sub = parser.add_subparsers(dest="action", required=True, metavar="ACTION")
    push = sub.add_parser(
        "push", help="push record files or exports to an LRS as xAPI statements", description=__doc__.split("\n\n")[0]
    )
    push.add_argument("paths", nargs="+", type=Path, metavar="RECORDS", help="record files (.json) or folders of them")
    add_lrs_arguments(push, required=True)
    push.add_argument(
        "--root",
        type=Path,
        default=Path("."),
        help="repository root with competencies.yml, checklists/ and signoff.yml (default: current directory)",
    )
    push.add_argument(
        "--today", metavar="YYYY-MM-DD", help="records of sessions after this date are refused (default: today)"
    )


def add_lrs_arguments(parser, required: bool) -> None:
    parser.add_argument(
        "--lrs", metavar="URL", required=required, help="the LRS's xAPI endpoint, e.g. https://lrs.example.org/xAPI/"
    )
    parser.add_argument(
        "--auth-file",
        type=Path,
        metavar="FILE",
        help=f"file holding the LRS credentials as one line key:secret (or set {lrs.AUTH_ENV}); never on the command line",
    )
    parser.add_argument(
        "--programme",
        metavar="IRI",
        help="the programme's IRI that statements are grouped under (default: site_url in mkdocs.yml); the same for push and report",
    )


def programme_iri(args) -> str:
    """The programme IRI, ending in "/" (raises LrsError)."""
    iri = args.programme
    if iri is None:
        from curriculum_tools.credentials.keys import KeyError_, site

        try:
            iri = site(args.root).url
        except KeyError_:
            raise lrs.LrsError(
                "--programme: give the programme's IRI (https://...); mkdocs.yml has no usable site_url"
            ) from None
    if not iri.startswith(("https://", "http://")):
        raise lrs.LrsError(f"--programme {iri}: expected an http(s) IRI, e.g. https://training.example.org/")
    return iri if iri.endswith("/") else iri + "/"


def run(args) -> int:
    curriculum = curriculum_for_signoff(args.root)
    if curriculum is None:
        return 1
    today = date_option(args.today, "--today")
    if today is False:
        return 1
    try:
        programme = programme_iri(args)
        client = lrs.Client(args.lrs, lrs.credentials(args.auth_file))
    except lrs.LrsError as exc:
        print(f"curriculum records push: {exc}", file=sys.stderr)
        return 1
    found = read_records(args.paths, curriculum, today or None)
    if found.result.problems:
        print(reporters.text(found.result), file=sys.stderr)
    levels = xapi.scale(curriculum)
    statements = [
        s for record in sorted(found.records, key=lambda r: r.id) for s in xapi.statements_of(record, programme, levels)
    ]
    try:
        new, again = client.store(statements)
    except lrs.LrsError as exc:
        print(f"curriculum records push: {exc}", file=sys.stderr)
        return 1
    print(
        f"{len(found.records)} records, {len(statements)} statements sent to {client.endpoint}: {new} stored, {again} already there"
    )
    return 1 if found.result.errors else 0

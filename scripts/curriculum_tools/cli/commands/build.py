"""curriculum build: build the site; the old site is replaced only if the build succeeds."""

from __future__ import annotations

import sys
from pathlib import Path

NAME = "build"
HELP = "build the site; the old site is replaced only if the build succeeds"


def add_arguments(parser) -> None:
    parser.add_argument(
        "--config", type=Path, default=Path("mkdocs.yml"), help="MkDocs configuration (default: mkdocs.yml)"
    )
    parser.add_argument("--site-dir", type=Path, help="output folder (default: site_dir of the configuration)")
    parser.add_argument("--no-strict", dest="strict", action="store_false", help="do not fail on MkDocs warnings")
    parser.add_argument(
        "--zip", type=Path, metavar="FILE", help="also pack the built site into this zip (the offline edition)"
    )
    parser.add_argument(
        "--lang",
        metavar="LANG",
        help="build the site in this language alone (e.g. es: its translations, English where there are none); default: every language of the configuration",
    )


def run(args) -> int:
    from curriculum_tools.site.atomic import BuildFailed, build_site

    if not args.config.is_file():
        print(f"{args.config}: no such MkDocs configuration", file=sys.stderr)
        return 2
    if args.lang is not None:
        from curriculum_tools.site.i18n import languages

        if args.lang not in languages():
            print(
                f"--lang {args.lang}: no interface strings for this language (have: {', '.join(languages())})",
                file=sys.stderr,
            )
            return 2
    try:
        target = build_site(args.config, args.site_dir, strict=args.strict, language=args.lang)
    except BuildFailed as exc:
        print(f"Build failed; the previous site was left as it was.\n{exc}", file=sys.stderr)
        return 1
    print(f"Built the site in {target}")
    if args.zip:
        from curriculum_tools.site.zip import zip_site

        print(f"Packed it into {zip_site(target, args.zip)}")
    return 0

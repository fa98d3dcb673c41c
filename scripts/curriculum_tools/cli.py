"""The `curriculum` command: parse options, wire objects, print. No logic lives here."""
from __future__ import annotations

import argparse
import datetime as dt
import os
import sys
from pathlib import Path

from . import reporters
from .checker import check
from .rules import all_rules


def _date(value: str) -> dt.date:
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date YYYY-MM-DD: {value!r}") from None


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="curriculum", description="Tools for the support-group facilitator curriculum.")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    validate = sub.add_parser("validate", help="check every content file; exit 1 on errors")
    validate.add_argument("--root", type=Path, default=Path("."), help="repository root (default: current directory)")
    validate.add_argument("--format", choices=sorted(reporters.REPORTERS), help="output format (default: text; github under GitHub Actions)")
    validate.add_argument("--strict", action="store_true", help="warnings fail too")
    validate.add_argument("--today", type=_date, help=argparse.SUPPRESS)

    sub.add_parser("rules", help="list the checks with their explanations")

    build = sub.add_parser("build", help="build the site; the old site is replaced only if the build succeeds")
    build.add_argument("--config", type=Path, default=Path("mkdocs.yml"), help="MkDocs configuration (default: mkdocs.yml)")
    build.add_argument("--site-dir", type=Path, help="output folder (default: site_dir of the configuration)")
    build.add_argument("--no-strict", dest="strict", action="store_false", help="do not fail on MkDocs warnings")
    return parser


def cmd_validate(args) -> int:
    fmt = args.format or ("github" if os.environ.get("GITHUB_ACTIONS") == "true" else "text")
    if not args.root.is_dir():
        print(f"{args.root}: not a folder", file=sys.stderr)
        return 2
    loaded = check(args.root, args.today)
    print(reporters.REPORTERS[fmt](loaded.result))
    return 1 if loaded.result.failed(args.strict) else 0


def cmd_rules(args) -> int:
    for rule in all_rules():
        print(f"{rule.ID} ({rule.SEVERITY}): {rule.EXPLANATION}")
    return 0


def cmd_build(args) -> int:
    from .sitebuild import BuildFailed, build_site

    if not args.config.is_file():
        print(f"{args.config}: no such MkDocs configuration", file=sys.stderr)
        return 2
    try:
        target = build_site(args.config, args.site_dir, strict=args.strict)
    except BuildFailed as exc:
        print(f"Build failed; the previous site was left as it was.\n{exc}", file=sys.stderr)
        return 1
    print(f"Built the site in {target}")
    return 0


COMMANDS = {"validate": cmd_validate, "rules": cmd_rules, "build": cmd_build}


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return COMMANDS[args.command](args)
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return 1
    except Exception as exc:  # the last line of defence: never a traceback for the user
        print(f"curriculum: internal error: {type(exc).__name__}: {exc}. Please report this with the file that caused it.", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())

"""The `curriculum` command: parse options and dispatch to a subcommand module. No logic
lives here, and no traceback ever reaches the user."""

from __future__ import annotations

import argparse
import sys
from importlib import import_module

COMMAND_MODULES = [
    "validate",
    "rules",
    "build",
    "stats",
    "translations",
    "new",
    "review_due",
    "report",
    "decision",
    "credential",
    "export_questions",
    "exam",
    "package",
    "records",
]


def load_commands():
    return [import_module(f"curriculum_tools.cli.commands.{name}") for name in COMMAND_MODULES]


def build_parser(commands) -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="curriculum", description="Tools for the support-group facilitator curriculum."
    )
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for command in commands:
        command.add_arguments(sub.add_parser(command.NAME, help=command.HELP, description=command.HELP))
    return parser


def main(argv: list[str] | None = None) -> int:
    commands = load_commands()
    args = build_parser(commands).parse_args(argv)
    by_name = {command.NAME: command for command in commands}
    try:
        return by_name[args.command].run(args)
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return 1
    except Exception as exc:  # the last line of defence
        print(
            f"curriculum: internal error: {type(exc).__name__}: {exc}. Please report this with the file that caused it.",
            file=sys.stderr,
        )
        return 2


if __name__ == "__main__":
    sys.exit(main())

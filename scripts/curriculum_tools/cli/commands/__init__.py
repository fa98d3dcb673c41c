"""Subcommands of `curriculum`. Each module here defines NAME, HELP, add_arguments(parser)
and run(args) -> exit code; cli.py lists them in COMMAND_MODULES."""

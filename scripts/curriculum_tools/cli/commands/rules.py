"""curriculum rules: list every check with its one-line explanation."""

from curriculum_tools.rules import all_rules

NAME = "rules"
HELP = "list the checks with their explanations"


def add_arguments(parser) -> None:
    pass


def run(args) -> int:
    for rule in all_rules():
        print(f"{rule.ID} ({rule.SEVERITY}): {rule.EXPLANATION}")
    return 0

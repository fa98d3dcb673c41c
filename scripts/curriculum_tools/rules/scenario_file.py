"""A scenario lives at scenarios/<id>.yml: its id matches the file name, so links, saved
paths and the file an author opens all agree."""

from pathlib import PurePosixPath

from curriculum_tools.core.problems import ERROR

ID = "scenario-file"
SEVERITY = ERROR
EXPLANATION = "A scenario's id must match its file name (scenarios/<id>.yml)."


def check(context):
    for scenario in context.curriculum.scenarios:
        path = PurePosixPath(scenario.source.path)
        if path.stem != scenario.id:
            yield scenario.source.problem(
                ("id",),
                f"scenario id '{scenario.id}' does not match the file name '{path.name}'; rename one of them",
                ID,
            )

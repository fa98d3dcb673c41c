"""No loop without a way out. A choice may lead back to an earlier node (a trainee can
retrace a step), but every loop needs at least one choice that leaves it towards an ending;
otherwise a trainee who enters it can never finish. Reported once per loop, at its first
node in the file."""

from curriculum_tools.core.problems import ERROR

ID = "scenario-loop"
SEVERITY = ERROR
EXPLANATION = "Nodes that lead only to one another (a loop) need a choice that leaves the loop towards an ending."


def check(context):
    for scenario in context.curriculum.scenarios:
        for loop in scenario.closed_loops():
            names = ", ".join(f"'{n.id}'" for n in loop)
            what = (
                f"node {names} leads only back to itself"
                if len(loop) == 1
                else f"nodes {names} lead only to one another"
            )
            yield scenario.source.problem(
                loop[0].path + ("id",),
                f"{what}: a loop with no way out; give one of its choices a next that leads towards an ending",
                ID,
            )

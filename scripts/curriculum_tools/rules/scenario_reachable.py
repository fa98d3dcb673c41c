"""Every node and every ending of a scenario can be reached from `start` by some choices.
A part no path leads to is never played: usually a `next` points at the wrong id."""

from curriculum_tools.core.problems import ERROR

ID = "scenario-reachable"
SEVERITY = ERROR
EXPLANATION = "Every node and ending must be reachable from start by following choices."


def check(context):
    for scenario in context.curriculum.scenarios:
        if scenario.start not in scenario.node_by_id:
            continue  # scenario-next reports the start; everything would be unreachable
        reached = scenario.reachable()
        for node in scenario.nodes:
            if node.id not in reached:
                yield scenario.source.problem(
                    node.path + ("id",),
                    f"node '{node.id}' cannot be reached from start '{scenario.start}': no choice on a path from start leads to it",
                    ID,
                )
        for ending in scenario.endings:
            if ending.id not in reached:
                yield scenario.source.problem(
                    ending.path + ("id",),
                    f"ending '{ending.id}' cannot be reached from start '{scenario.start}': no choice on a path from start leads to it",
                    ID,
                )

"""Every link in a scenario resolves: `start` names one of its nodes, and each choice's
`next` names one of its nodes or endings. A link to nothing is a path the trainee cannot
follow (on the page it would be a link to a missing section)."""

from curriculum_tools.core.problems import ERROR

ID = "scenario-next"
SEVERITY = ERROR
EXPLANATION = "start must name a node, and every choice's next must name a node or an ending of the same scenario."


def _known(scenario) -> str:
    return ", ".join([*scenario.node_by_id, *scenario.ending_by_id])


def check(context):
    for scenario in context.curriculum.scenarios:
        if scenario.start not in scenario.node_by_id:
            what = (
                "an ending; start must be a node"
                if scenario.start in scenario.ending_by_id
                else f"no node (nodes: {', '.join(scenario.node_by_id)})"
            )
            yield scenario.source.problem(("start",), f"start '{scenario.start}' is {what}", ID)
        for node in scenario.nodes:
            for choice in node.choices:
                if scenario.target(choice.next) is None:
                    yield scenario.source.problem(
                        choice.path + ("next",),
                        f"node '{node.id}', choice '{choice.id}': next '{choice.next}' is no node or ending of this scenario (known: {_known(scenario)})",
                        ID,
                    )

"""Every path reaches an ending: from each node of a scenario some sequence of choices leads
to an ending. A node outside a loop fails this only when all its choices lead into loops
without a way out (rule scenario-loop reports each such loop); this rule names the node, so
the author sees every place a trainee would be trapped from."""

from curriculum_tools.core.problems import ERROR

ID = "scenario-ending"
SEVERITY = ERROR
EXPLANATION = "From every node some path must lead to an ending."


def check(context):
    for scenario in context.curriculum.scenarios:
        in_loops = {n.id for loop in scenario.closed_loops() for n in loop}
        can_end = scenario.can_end()
        for node in scenario.nodes:
            if node.id not in can_end and node.id not in in_loops:
                yield scenario.source.problem(
                    node.path + ("id",),
                    f"node '{node.id}': no path from here reaches an ending (every choice leads into a loop with no way out)",
                    ID,
                )

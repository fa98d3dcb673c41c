"""A scenario rehearses one module: `module:` must name an existing module, which then lists
the scenario under "Rehearse" on its page."""

from curriculum_tools.core.problems import ERROR

ID = "scenario-module"
SEVERITY = ERROR
EXPLANATION = "A scenario's module: must be the id of an existing module."


def check(context):
    c = context.curriculum
    known = sorted(m.id for m in c.modules)
    for scenario in c.scenarios:
        if scenario.module_id in c.broken_ids or c.module(scenario.module_id):
            continue
        yield scenario.source.problem(
            ("module",), f"module '{scenario.module_id}' does not exist (modules: {', '.join(known)})", ID
        )

"""Competency ids used by modules, scenarios and checklists must exist in competencies.yml, and an
item's competencies must be among its checklist's."""

from curriculum_tools.core.problems import ERROR

ID = "competency-ref"
SEVERITY = ERROR
EXPLANATION = "Competency ids must come from competencies.yml (and checklist items from their checklist's list)."


def check(context):
    c = context.curriculum
    if c.framework is None:
        return
    known = c.framework.competencies
    for module in c.modules:
        for i, comp in enumerate(module.competencies):
            if comp not in known:
                yield module.source.problem(("competencies", i), f"unknown competency '{comp}'", ID)
    for scenario in c.scenarios:
        for i, comp in enumerate(scenario.competencies):
            if comp not in known:
                yield scenario.source.problem(("competencies", i), f"unknown competency '{comp}'", ID)
    for checklist in c.checklists:
        for i, comp in enumerate(checklist.competencies):
            if comp not in known:
                yield checklist.source.problem(("competencies", i), f"unknown competency '{comp}'", ID)
        for n, item in enumerate(checklist.items):
            for i, comp in enumerate(item.competencies):
                if comp not in checklist.competencies:
                    yield checklist.source.problem(
                        ("items", n, "competencies", i),
                        f"item '{item.id}': competency '{comp}' is not in the checklist's competencies",
                        ID,
                    )

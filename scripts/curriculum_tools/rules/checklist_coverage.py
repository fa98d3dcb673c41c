"""Every competency a checklist claims to assess is observed by at least one of its items,
and every checklist has at least one required item."""

from curriculum_tools.core.problems import ERROR

ID = "checklist-coverage"
SEVERITY = ERROR
EXPLANATION = "Each competency of a checklist needs an item that observes it; sign-off needs a required item."


def check(context):
    for checklist in context.curriculum.checklists:
        covered = {comp for item in checklist.items for comp in item.competencies}
        for i, comp in enumerate(checklist.competencies):
            if comp not in covered:
                yield checklist.source.problem(
                    ("competencies", i), f"competency '{comp}' is not observed by any item", ID
                )
        if not any(item.required for item in checklist.items):
            yield checklist.source.problem(
                ("items",), "no item is marked 'required: true'; sign-off needs at least one", ID
            )

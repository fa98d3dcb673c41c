"""Every competency in the framework is observed by at least one checklist item, so that a
supervisor can gather evidence for it and a trainee can be signed off on it. Content trees
without checklists (a fresh clone, a test tree) are not checked."""

from curriculum_tools.core.problems import WARNING

ID = "competency-observed"
SEVERITY = WARNING
EXPLANATION = (
    "Each competency in competencies.yml needs a checklist item that observes it, or no one can be signed off on it."
)


def check(context):
    c = context.curriculum
    if c.framework is None or not c.checklists:
        return
    observed = {comp for checklist in c.checklists for item in checklist.items for comp in item.competencies}
    for d_index, domain in enumerate(c.framework.domains):
        for i, comp in enumerate(domain.competencies):
            if comp.id not in observed:
                path = ("domains", d_index, "competencies", i, "id")
                yield c.framework.source.problem(
                    path, f"competency '{comp.id}' is not observed by any checklist item", ID, WARNING
                )

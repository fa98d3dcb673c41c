"""Citations in the text ([@id], Pandoc style) must name a reference of the module."""
from curriculum_tools.core.problems import ERROR, Problem
from curriculum_tools.load.markdown import citations

ID = "citation-ref"
SEVERITY = ERROR
EXPLANATION = "A citation [@id] (or [see @id, p. 12; @other]) in the text must match the id of one of the module's references."


def check(context):
    for module in context.curriculum.modules:
        known = {ref.id for ref in module.references}
        for citation in citations(module.body):
            for item in citation.items:
                if item.key not in known:
                    line = module.source.body_line + citation.line
                    yield Problem(module.source.path, line, citation.col, f"citation '@{item.key}' matches no reference of this module (references: {', '.join(sorted(known))})", ID)

"""Citations in the text ([@id], Pandoc style) must name a reference of the module, or in a
scenario's Markdown fields (situation, text, feedback, outcome, debrief ...) one of the
scenario's references. A scenario's citation is reported at the start of its field."""

from curriculum_tools.core.problems import ERROR, Problem
from curriculum_tools.load.markdown import citations
from curriculum_tools.load.schemas import _where as field_name

ID = "citation-ref"
SEVERITY = ERROR
EXPLANATION = "A citation [@id] (or [see @id, p. 12; @other]) in the text must match the id of one of the module's (or scenario's) references."


def check(context):
    for module in context.curriculum.modules:
        known = {ref.id for ref in module.references}
        for citation in citations(module.body):
            for item in citation.items:
                if item.key not in known:
                    line = module.source.body_line + citation.line
                    yield Problem(
                        module.source.path,
                        line,
                        citation.col,
                        f"citation '@{item.key}' matches no reference of this module (references: {', '.join(sorted(known))})",
                        ID,
                    )
    for scenario in context.curriculum.scenarios:
        known = {ref.id for ref in scenario.references}
        for path, text in scenario.texts():
            for citation in citations(text):
                for item in citation.items:
                    if item.key not in known:
                        yield scenario.source.problem(
                            path,
                            f"{field_name(path)}: citation '@{item.key}' matches no reference of this scenario (references: {', '.join(sorted(known))})",
                            ID,
                        )

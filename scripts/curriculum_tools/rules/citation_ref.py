"""Citations in the text ([@id]) must name a reference of the module."""
import re

from curriculum_tools.core.problems import ERROR, Problem

ID = "citation-ref"
SEVERITY = ERROR
EXPLANATION = "A citation [@id] in the text must match the id of one of the module's references."

CITATION = re.compile(r"\[(@[A-Za-z0-9-]+(?:\s*;\s*@[A-Za-z0-9-]+)*)\]")


def citations(body: str):
    """Yield (line offset, column, key) for each cited key in the body."""
    for n, line in enumerate(body.split("\n")):
        for match in CITATION.finditer(line):
            for key in re.findall(r"@([A-Za-z0-9-]+)", match.group(1)):
                yield n, match.start() + 1, key


def check(context):
    for module in context.curriculum.modules:
        known = {ref.id for ref in module.references}
        for offset, col, key in citations(module.body):
            if key not in known:
                yield Problem(module.source.path, module.source.body_line + offset, col, f"citation '@{key}' matches no reference of this module (references: {', '.join(sorted(known))})", ID)
